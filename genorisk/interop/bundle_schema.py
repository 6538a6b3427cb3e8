"""The JSON Schema of a case bundle, generated from the entity dataclasses' type hints.

The schema is a product of the code, so it cannot drift from what import accepts; the copy in
docs/case-bundle.schema.json is regenerated with ``python -m genorisk.interop.bundle_schema`` and a
test checks it is current.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date, datetime
from enum import Enum
from typing import Any, get_args, get_origin

from genorisk.domain.entities import Case, Entity
from genorisk.domain.serial import field_types, unwrap_optional
from genorisk.domain.values import PartialDate

BUNDLE_FORMAT = "genorisk-case-bundle"
BUNDLE_VERSION = 1

PARTIAL_DATE_PATTERN = r"^~?\d{4}(-\d{2}(-\d{2})?)?$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def type_schema(hint: Any) -> dict[str, Any]:
    """The JSON Schema for values of one Python type (as the domain codec writes them)."""
    inner, optional = unwrap_optional(hint)
    schema = _plain_schema(inner)
    return {"anyOf": [schema, {"type": "null"}]} if optional else schema


def _plain_schema(hint: Any) -> dict[str, Any]:
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is PartialDate:
        return {"type": "string", "pattern": PARTIAL_DATE_PATTERN,
                "description": "yyyy, yyyy-mm or yyyy-mm-dd; a leading ~ marks an estimate"}
    if hint is datetime:
        return {"type": "string", "format": "date-time"}
    if hint is date:
        return {"type": "string", "pattern": DATE_PATTERN, "format": "date"}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [member.value for member in hint]}
    if get_origin(hint) is tuple:
        args = get_args(hint)
        return {"type": "array", "items": type_schema(args[0]) if args else {}}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return object_schema(hint)
    raise TypeError(f"no schema for {hint!r}")


def object_schema(cls: type) -> dict[str, Any]:
    required = [
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    return {
        "type": "object",
        "properties": {name: type_schema(hint) for name, hint in field_types(cls).items()},
        "required": required,
        "additionalProperties": False,
    }


def bundle_schema(entity_types: dict[str, type[Entity]]) -> dict[str, Any]:
    """The whole bundle: format, version, the case, and records grouped by type name."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://genorisk.example/schemas/case-bundle-v1.json",
        "title": "genorisk case bundle",
        "description": "One whole case: the family, its households and links, and every record about it.",
        "type": "object",
        "properties": {
            "format": {"const": BUNDLE_FORMAT},
            "version": {"const": BUNDLE_VERSION},
            "case": object_schema(Case),
            "records": {
                "type": "object",
                "properties": {
                    name: {"type": "array", "items": object_schema(kind)}
                    for name, kind in sorted(entity_types.items())
                },
                "additionalProperties": False,
            },
        },
        "required": ["format", "version", "case", "records"],
        "additionalProperties": False,
    }


def main() -> None:
    from genorisk.interop.bundle import entity_types

    json.dump(bundle_schema(entity_types()), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
