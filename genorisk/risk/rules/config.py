"""Rule texts, thresholds and marker notation from resources/rules/*.json, merged and schema-checked.

Each area keeps its rules in its own file (risk.json, network.json…), all matching
``rules.schema.json`` (shipped files are checked by the tests, others when loaded). A rule id or
threshold name may appear in one file only. A local partnership changes threshold values, never rule
texts, with a file named by the ``GENORISK_LOCAL_RULES`` environment variable holding
``{"thresholds": {"name": {"value": …, "source": "…"}}}``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from genorisk.resources import is_shipped
from genorisk.risk.resources import RULES_DIR, DataFileError, check_against_schema, read_json
from genorisk.risk.rules.base import RuleText, Urgency

SCHEMA_NAME = "rules.schema.json"
LOCAL_RULES_VARIABLE = "GENORISK_LOCAL_RULES"

_LOCAL_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["thresholds"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string"},
        "description": {"type": "string"},
        "thresholds": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["value", "source"],
                "additionalProperties": False,
                "properties": {"value": {}, "source": {"type": "string", "minLength": 3},
                               "description": {"type": "string"}},
            },
        },
    },
}


@dataclass(frozen=True, slots=True)
class Threshold:
    """A configured value with what it means and where it comes from."""

    name: str
    value: Any
    description: str
    source: str
    unverified: bool = False
    file: str = ""


@dataclass(frozen=True, slots=True)
class RuleConfig:
    """Everything the rules read from data: texts by rule id, thresholds by name, marker notation."""

    texts: Mapping[str, RuleText]
    thresholds: Mapping[str, Threshold]
    markers: Mapping[str, Any] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    @property
    def values(self) -> Mapping[str, Any]:
        """Threshold values by name, as :class:`RuleContext` takes them."""
        return MappingProxyType({name: t.value for name, t in self.thresholds.items()})


def rule_config() -> RuleConfig:
    """The rules configuration in force (the shipped files plus any GENORISK_LOCAL_RULES file), cached."""
    return _cached_config(os.environ.get(LOCAL_RULES_VARIABLE, ""))


@cache
def _cached_config(local_file: str) -> RuleConfig:
    return load_rule_config(RULES_DIR, Path(local_file) if local_file else None)


def load_rule_config(directory: Path = RULES_DIR, local_file: Path | None = None) -> RuleConfig:
    """Load and merge every rules file in ``directory``; DataFileError names any bad file or clash.

    A file outside the shipped resources/ folder is checked against ``rules.schema.json`` first; the
    shipped ones are checked by the tests instead (the rule in :mod:`genorisk.resources`).

    ``local_file`` overrides threshold values; it may not add thresholds the rules files do not define.
    (:func:`rule_config` passes the file named by GENORISK_LOCAL_RULES.)
    """
    schema_path = directory / SCHEMA_NAME
    schema: Any = None
    texts: dict[str, RuleText] = {}
    thresholds: dict[str, Threshold] = {}
    markers: dict[str, Any] = {}
    files: list[str] = []
    for path in sorted(directory.glob("*.json")):
        if path.name.endswith(".schema.json"):
            continue
        data = read_json(path)
        if not is_shipped(path):  # shipped files are checked by the tests (see genorisk.resources)
            schema = schema if schema is not None else read_json(schema_path)
            check_against_schema(data, schema, path)
        files.append(f"{path.name} {data['version']}")
        for item in data.get("rules", []):
            rule_id = item["rule_id"]
            if rule_id in texts:
                raise DataFileError(f"{path}: rule {rule_id} is already defined in another rules file")
            texts[rule_id] = RuleText(
                rule_id=rule_id,
                version=item["version"],
                title=item["title"],
                reason=item["reason"],
                source=item["source"],
                suggested_action=item["suggested_action"],
                urgency=Urgency(item.get("urgency", "routine")),
            )
        for name, item in data.get("thresholds", {}).items():
            if name in thresholds:
                raise DataFileError(f"{path}: threshold '{name}' is already defined in {thresholds[name].file}")
            thresholds[name] = Threshold(name, item["value"], item["description"], item["source"],
                                         bool(item.get("unverified", False)), path.name)
        if "markers" in data:
            if markers:
                raise DataFileError(f"{path}: marker notation is already defined in another rules file")
            markers = data["markers"]
    if local_file is not None:
        _apply_local(local_file, thresholds)
    return RuleConfig(MappingProxyType(texts), MappingProxyType(thresholds), MappingProxyType(markers),
                      tuple(files))


def _apply_local(path: Path, thresholds: dict[str, Threshold]) -> None:
    data = read_json(path)
    check_against_schema(data, _LOCAL_SCHEMA, path)
    for name, item in data["thresholds"].items():
        if name not in thresholds:
            raise DataFileError(f"{path}: $.thresholds.{name}: no rule uses a threshold of that name")
        old = thresholds[name]
        thresholds[name] = Threshold(name, item["value"], item.get("description", old.description),
                                     item["source"], False, path.name)
