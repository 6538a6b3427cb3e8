"""Case bundles (``.genorisk.json``): a whole case in one versioned, schema-checked JSON file.

Import checks everything — the JSON Schema, every value, the family's structure — before writing
anything, and writes the case in one transaction. Export is deterministic (records sorted by type
and id, keys sorted, fixed indentation), so exporting an imported bundle gives a byte-identical file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema

from genorisk.domain.entities import Case, Entity
from genorisk.domain.record import CaseRecord
from genorisk.domain.serial import DecodeError, decode_dataclass, to_data
from genorisk.domain.validation import Severity, validate
from genorisk.interop.atomic import write_text_atomically
from genorisk.interop.bundle_schema import BUNDLE_FORMAT, BUNDLE_VERSION, bundle_schema
from genorisk.resources import resource_path
from genorisk.store.catalogue import ENTITY_TABLE_NAMES
from genorisk.store.repository import Store

BUNDLE_SUFFIX = ".genorisk.json"
DEMO_DIR = resource_path("demo")
DEMO_REFERENCE = "DEMO-0001"
MAX_REPORTED_ERRORS = 5


class BundleError(ValueError):
    """A bundle that cannot be imported; the message names the file and the bad fields' JSON paths."""


@dataclass(frozen=True, slots=True)
class Bundle:
    """A decoded, fully checked bundle, ready to write."""

    case: Case
    entities: tuple[Entity, ...]

    @property
    def record(self) -> CaseRecord:
        return CaseRecord.build(self.case, self.entities)


def entity_types() -> dict[str, type[Entity]]:
    """Every stored entity type except Case, by the name bundles use for it."""
    return {kind.__name__: kind for kind in ENTITY_TABLE_NAMES if kind is not Case}


# --- export -----------------------------------------------------------------------------------------
def bundle_data(record: CaseRecord) -> dict[str, Any]:
    """The bundle for a case as plain data, in a deterministic order."""
    groups: dict[str, list[Any]] = {}
    for name, kind in sorted(entity_types().items()):
        rows = sorted(record.all(kind), key=lambda entity: entity.id)
        if rows:
            groups[name] = [to_data(row) for row in rows]
    return {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "case": to_data(record.case), "records": groups}


def dumps(record: CaseRecord) -> str:
    return json.dumps(bundle_data(record), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_case(record: CaseRecord, path: Path) -> None:
    """Write a case bundle atomically."""
    write_text_atomically(path, dumps(record))


def default_file_name(record: CaseRecord) -> str:
    """A file name from the case reference: never a child's name."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in record.case.reference)
    return f"{safe}{BUNDLE_SUFFIX}"


# --- import -----------------------------------------------------------------------------------------
def read_bundle(path: Path) -> Bundle:
    """Read and fully check a bundle file; BundleError names the first problems with JSON paths."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BundleError(f"{path}: cannot read: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BundleError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    try:
        return parse_bundle(data)
    except BundleError as exc:
        raise BundleError(f"{path}: {exc}") from exc


def parse_bundle(data: Any) -> Bundle:
    """Check plain bundle data against the schema, the value rules and the family's structure."""
    _check_schema(data)
    try:
        case = decode_dataclass(Case, data["case"], "$.case")
        entities = list(_decode_records(data["records"]))
    except DecodeError as exc:
        raise BundleError(f"{exc.path}: {exc.message}") from exc
    _check_ids(case, entities)
    record = CaseRecord.build(case, entities)
    errors = [issue for issue in validate(record) if issue.severity is Severity.ERROR]
    if errors:
        raise BundleError("; ".join(issue.message for issue in errors[:MAX_REPORTED_ERRORS]))
    return Bundle(case, tuple(entities))


def _check_schema(data: Any) -> None:
    validator = jsonschema.Draft202012Validator(bundle_schema(entity_types()))
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        described = [f"{_json_path(e.absolute_path)}: {_short(e)}" for e in errors[:MAX_REPORTED_ERRORS]]
        more = f" (and {len(errors) - MAX_REPORTED_ERRORS} more)" if len(errors) > MAX_REPORTED_ERRORS else ""
        raise BundleError("; ".join(described) + more)


def _short(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field")
    if error.validator == "enum":
        allowed = error.validator_value if isinstance(error.validator_value, list) else []
        return f"{error.instance!r} is not one of: {', '.join(map(str, allowed))}"
    return error.message


def _json_path(parts: Iterable[Any]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _decode_records(groups: Mapping[str, list[Any]]) -> Iterable[Entity]:
    types = entity_types()
    for name, rows in groups.items():
        for index, row in enumerate(rows):
            yield decode_dataclass(types[name], row, f"$.records.{name}[{index}]")


def _check_ids(case: Case, entities: list[Entity]) -> None:
    if case.case_id != case.id:
        raise BundleError("$.case.case_id: must equal the case id")
    seen: set[str] = {case.id}
    for entity in entities:
        if entity.case_id != case.id:
            raise BundleError(f"{type(entity).__name__} {entity.id}: belongs to another case ({entity.case_id})")
        if entity.id in seen:
            raise BundleError(f"{type(entity).__name__} {entity.id}: the id is used twice")
        seen.add(entity.id)


def import_bundle(store: Store, path: Path) -> CaseRecord:
    """Import a bundle file as a new case, in one transaction; nothing is written if it is bad."""
    bundle = read_bundle(path)
    return store.create_case(bundle.case, bundle.entities, action=f"Import case {bundle.case.reference}")


# --- the demo case ----------------------------------------------------------------------------------
def demo_bundle(demo_dir: Path = DEMO_DIR) -> Bundle:
    """The fictional demo case: family.json, plus the records of every other part in the folder.

    Each area (risk, agencies…) keeps its demo records in its own file beside family.json, holding
    ``{"records": {...}}`` in bundle form.
    """
    base = json.loads((demo_dir / "family.json").read_text(encoding="utf-8"))
    for part in sorted(demo_dir.glob("*.json")):
        if part.name == "family.json":
            continue
        extra = json.loads(part.read_text(encoding="utf-8"))
        for name, rows in extra.get("records", {}).items():
            base["records"].setdefault(name, []).extend(rows)
    try:
        return parse_bundle(base)
    except BundleError as exc:
        raise BundleError(f"demo case in {demo_dir}: {exc}") from exc


def install_demo(store: Store, demo_dir: Path = DEMO_DIR) -> str:
    """Add the demo case if it is not there yet; return its case id."""
    bundle = demo_bundle(demo_dir)
    try:
        return store.case_id_for(bundle.case.reference)
    except LookupError:
        pass
    now = datetime.now(UTC)
    case = replace(bundle.case, created_at=now, updated_at=now)
    store.create_case(case, bundle.entities, action="Install demo case")
    return case.id
