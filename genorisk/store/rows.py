"""Map entities to flat table rows and back, from their type hints.

Rules: scalars, enums, dates and partial dates become one column each (dates as ISO text, which
sorts correctly in SQLite); a nested value object such as Provenance becomes prefixed columns
(``provenance_source``, ``provenance_recorded_on``…), all NULL when absent; a tuple becomes one JSON
text column.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any, TypeVar, get_origin

from genorisk.domain.entities import Entity
from genorisk.domain.serial import decode_dataclass, field_types, from_data, to_data, unwrap_optional
from genorisk.domain.values import PartialDate

E = TypeVar("E", bound=Entity)


def _is_value_object(hint: Any) -> bool:
    return dataclasses.is_dataclass(hint) and isinstance(hint, type) and hint is not PartialDate


def column_names(cls: type[Entity]) -> list[str]:
    """The columns a table for ``cls`` must have, in field order."""
    names: list[str] = []
    for name, hint in field_types(cls).items():
        inner, _ = unwrap_optional(hint)
        if _is_value_object(inner):
            names += [f"{name}_{sub}" for sub in field_types(inner)]
        else:
            names.append(name)
    return names


def entity_to_row(entity: Entity) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name, hint in field_types(type(entity)).items():
        value = getattr(entity, name)
        inner, _ = unwrap_optional(hint)
        if _is_value_object(inner):
            data = to_data(value) if value is not None else {}
            for sub in field_types(inner):
                row[f"{name}_{sub}"] = data.get(sub)
        elif get_origin(inner) is tuple:
            row[name] = json.dumps(to_data(value), sort_keys=True, separators=(",", ":"))
        else:
            row[name] = to_data(value)
    return row


def row_to_entity(cls: type[E], row: Mapping[str, Any]) -> E:
    data: dict[str, Any] = {}
    for name, hint in field_types(cls).items():
        inner, _ = unwrap_optional(hint)
        if _is_value_object(inner):
            nested = {sub: _column_value(hint, row[f"{name}_{sub}"]) for sub, hint in field_types(inner).items()}
            data[name] = None if all(v is None for v in nested.values()) else nested
        elif get_origin(inner) is tuple:
            data[name] = json.loads(row[name]) if row[name] is not None else None
        else:
            data[name] = _column_value(hint, row[name])
    return decode_dataclass(cls, data, cls.__name__)


def _column_value(hint: Any, value: Any) -> Any:
    """SQLite keeps booleans as 0/1: give them back as booleans."""
    if isinstance(value, int) and not isinstance(value, bool) and unwrap_optional(hint)[0] is bool:
        return bool(value)
    return value


__all__ = ["column_names", "entity_to_row", "from_data", "row_to_entity"]
