"""Map entities to flat table rows and back, from their type hints.

Rules: scalars, enums, dates and partial dates become one column each (dates as ISO text, which
sorts correctly in SQLite); a nested value object such as Provenance becomes prefixed columns
(``provenance_source``, ``provenance_recorded_on``…), all NULL when absent; a tuple becomes one JSON
text column.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, cast, get_args, get_origin

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
    """The entity a row stores. A decoder compiled once per type does the work (opening a big case
    decodes thousands of rows); a row it cannot read goes through the generic codec, which gives the
    same result or a DecodeError naming the bad column."""
    decoder = _DECODERS.get(cls)
    if decoder is None:
        decoder = _DECODERS[cls] = _compile_decoder(cls)
    try:
        return cast(E, decoder(row))
    except Exception:
        return _decode_generic(cls, row)


def _decode_generic(cls: type[E], row: Mapping[str, Any]) -> E:
    data: dict[str, Any] = {}
    for name, hint in field_types(cls).items():
        inner, _ = unwrap_optional(hint)
        if _is_value_object(inner):
            data[name] = _value_object_data(row, name, inner)
        elif get_origin(inner) is tuple:
            data[name] = json.loads(row[name]) if row[name] is not None else None
        else:
            data[name] = _column_value(hint, row[name])
    return decode_dataclass(cls, data, cls.__name__)


class _Unreadable(ValueError):
    """A column the compiled decoder will not guess about (the generic codec explains it). It carries
    no value: stored values are personal data and must not reach logs."""


_DECODERS: dict[type, Callable[[Mapping[str, Any]], Any]] = {}


def _compile_decoder(cls: type[Entity]) -> Callable[[Mapping[str, Any]], Any]:
    readers = [(name, _column_reader(name, hint)) for name, hint in field_types(cls).items()]

    def decode(row: Mapping[str, Any]) -> Any:
        return cls(**{name: read(row) for name, read in readers})

    return decode


def _column_reader(name: str, hint: Any) -> Callable[[Mapping[str, Any]], Any]:
    """A function reading one field from a row, as strict as the generic codec for the common types."""
    inner, optional = unwrap_optional(hint)
    if _is_value_object(inner) or (get_origin(inner) is tuple and get_args(inner)[:1] != (str,)):
        return lambda row: _decode_generic_field(name, hint, row)
    convert = _scalar_converter(inner)

    def read(row: Mapping[str, Any]) -> Any:
        value = row[name]
        if value is None:
            if optional:
                return None
            raise _Unreadable
        return convert(value)

    return read


def _value_object_data(row: Mapping[str, Any], name: str, kind: Any) -> dict[str, Any] | None:
    """A value object's prefixed columns as its data (``provenance_source`` → ``source``); None when all
    are NULL (the object is absent)."""
    nested = {sub: _column_value(sub_hint, row[f"{name}_{sub}"]) for sub, sub_hint in field_types(kind).items()}
    return None if all(value is None for value in nested.values()) else nested


def _decode_generic_field(name: str, hint: Any, row: Mapping[str, Any]) -> Any:
    inner, _ = unwrap_optional(hint)
    if _is_value_object(inner):
        return from_data(hint, _value_object_data(row, name, inner), name)
    return from_data(hint, json.loads(row[name]) if row[name] is not None else None, name)


def _text(value: Any) -> str:
    if type(value) is not str:
        raise _Unreadable
    return value


def _strings(value: Any) -> tuple[str, ...]:
    items = json.loads(_text(value))
    if type(items) is not list or any(type(item) is not str for item in items):
        raise _Unreadable
    return tuple(items)


def _flag(value: Any) -> bool:
    if value not in (0, 1) or type(value) not in (int, bool):
        raise _Unreadable
    return bool(value)


def _whole(value: Any) -> int:
    if type(value) is not int:
        raise _Unreadable
    return value


def _number(value: Any) -> float:
    if type(value) not in (int, float):
        raise _Unreadable
    return float(value)


def _scalar_converter(hint: Any) -> Callable[[Any], Any]:
    if hint is str:
        return _text
    if hint is bool:
        return _flag
    if hint is int:
        return _whole
    if hint is float:
        return _number
    if hint is PartialDate:
        return lambda value: PartialDate.parse(_text(value))
    if hint is date:
        return lambda value: date.fromisoformat(_text(value))
    if hint is datetime:
        return lambda value: datetime.fromisoformat(_text(value))
    if get_origin(hint) is tuple:
        return _strings
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    return lambda value: from_data(hint, value)


def _column_value(hint: Any, value: Any) -> Any:
    """SQLite keeps booleans as 0/1: give them back as booleans."""
    if isinstance(value, int) and not isinstance(value, bool) and unwrap_optional(hint)[0] is bool:
        return bool(value)
    return value


__all__ = ["column_names", "entity_to_row", "from_data", "row_to_entity"]
