"""Every shipped data file matches its JSON Schema: checked here, so loaders need not check them at start-up.

The rule (genorisk.resources): shipped files are checked by this test; files from outside the package
are checked whenever they are loaded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from genorisk import resources
from genorisk.genogram.notation import NotationError, parse_notation
from genorisk.interop.bundle import demo_bundle
from genorisk.resources import MANIFEST, is_shipped, manifest_of, resource_path, resources_dir
from genorisk.risk.instruments import load_instrument
from genorisk.risk.resources import DataFileError, load_data_file
from genorisk.risk.rules.config import load_rule_config

RESOURCES = resources_dir()
SHIPPED = sorted(path for path in RESOURCES.rglob("*.json")
                 if not path.name.endswith(".schema.json") and path.name != MANIFEST)
NAMED_SCHEMAS = {"genorisk-genogram-notation": RESOURCES / "notation" / "notation.schema.json"}
"""Files that name their schema by a ``schema`` id rather than a ``$schema`` path."""
DEMO = RESOURCES / "demo"
"""The demo case's parts, checked as one case bundle (the bundle schema is built from the entity types)."""


def _schema_of(path: Path, data: Any) -> Path:
    if "$schema" in data:
        return (path.parent / data["$schema"]).resolve()
    if data.get("schema") in NAMED_SCHEMAS:
        return NAMED_SCHEMAS[data["schema"]]
    raise AssertionError(f"{path.relative_to(RESOURCES)} names no schema: add a $schema path to it")


def test_resources_are_found() -> None:
    assert len(SHIPPED) >= 10
    assert {path.parent.name for path in SHIPPED} >= {"notation", "rules", "instruments", "calendars", "demo"}


@pytest.mark.parametrize("path", [p for p in SHIPPED if p.parent != DEMO], ids=lambda p: p.name)
def test_each_shipped_file_matches_its_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads(_schema_of(path, data).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.check_schema(schema)
    problems = [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
                for error in validator.iter_errors(data)]
    assert problems == []


def test_the_demo_case_is_a_valid_bundle() -> None:
    bundle = demo_bundle()  # raises BundleError naming the problem if any part breaks the bundle schema
    assert bundle.entities


def test_shipped_and_outside_files_are_told_apart(tmp_path: Path) -> None:
    assert is_shipped(resource_path("notation", "notation.json"))
    assert is_shipped(RESOURCES / "rules" / ".." / "rules" / "risk.json")
    assert not is_shipped(tmp_path / "risk.json")
    assert not is_shipped(RESOURCES.parent / "pyproject.toml")


def test_the_manifest_describes_the_shipped_files_as_they_are() -> None:
    recorded = json.loads((RESOURCES / MANIFEST).read_text(encoding="utf-8"))
    assert recorded == manifest_of(RESOURCES), (
        "resources/ changed since manifest.json was written: run `.venv/bin/python -m genorisk.resources`")


@pytest.fixture
def resources_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of resources/ (manifest included) standing in for the packaged folder."""
    import shutil

    copy = tmp_path / "resources"
    shutil.copytree(RESOURCES, copy)
    monkeypatch.setattr(resources, "resources_dir", lambda: copy)
    for cached in (resources._manifest, resources._resolved_resources_dir):
        cached.cache_clear()
    yield copy
    monkeypatch.undo()
    for cached in (resources._manifest, resources._resolved_resources_dir):
        cached.cache_clear()


def test_a_shipped_file_edited_in_place_or_a_file_dropped_in_is_no_longer_trusted(resources_copy: Path) -> None:
    rules = resources_copy / "rules" / "risk.json"
    assert is_shipped(rules)
    rules.write_text(rules.read_text(encoding="utf-8").replace('"version"', '"versio"', 1), encoding="utf-8")
    assert not is_shipped(rules)
    dropped = resources_copy / "rules" / "local.json"
    dropped.write_text("{}", encoding="utf-8")
    assert not is_shipped(dropped)


def test_a_broken_rules_file_inside_the_package_is_refused_naming_it(resources_copy: Path) -> None:
    rules = resources_copy / "rules" / "risk.json"
    data = json.loads(rules.read_text(encoding="utf-8"))
    del data["rules"][0]["title"]
    rules.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="title") as caught:
        load_rule_config(resources_copy / "rules")
    assert "risk.json" in str(caught.value)


def test_a_file_from_outside_the_package_is_still_checked_when_loaded(tmp_path: Path) -> None:
    protocol = json.loads((RESOURCES / "instruments" / "nmi-protocol.json").read_text(encoding="utf-8"))
    del protocol["ten4"]
    outside = tmp_path / "nmi-protocol.json"
    outside.write_text(json.dumps(protocol), encoding="utf-8")
    with pytest.raises(DataFileError, match="ten4") as caught:
        load_data_file(outside, RESOURCES / "instruments" / "nmi-protocol.schema.json")
    assert str(outside) in str(caught.value)


def test_a_rules_folder_from_outside_the_package_is_checked(tmp_path: Path) -> None:
    for path in (RESOURCES / "rules").glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_rule_config(tmp_path).texts  # a good copy loads
    broken = json.loads((tmp_path / "risk.json").read_text(encoding="utf-8"))
    broken["rules"][0]["urgency"] = "whenever"
    (tmp_path / "risk.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"risk\.json.*urgency"):
        load_rule_config(tmp_path)


def test_an_instrument_folder_from_outside_the_package_is_checked(tmp_path: Path) -> None:
    for name in ("dash.json", "instrument.schema.json"):
        (tmp_path / name).write_text((RESOURCES / "instruments" / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert load_instrument("dash", directory=tmp_path).kind == "dash"
    broken = json.loads((tmp_path / "dash.json").read_text(encoding="utf-8"))
    del broken["sections"]
    (tmp_path / "dash.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(DataFileError, match="sections"):
        load_instrument("dash", directory=tmp_path)


def test_a_notation_document_from_elsewhere_is_checked() -> None:
    data = json.loads(resource_path("notation", "notation.json").read_text(encoding="utf-8"))
    data["colours"]["ink"] = "black"
    with pytest.raises(NotationError, match="colours"):
        parse_notation(data)
