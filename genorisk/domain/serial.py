"""Turn domain dataclasses into plain JSON-able data and back, driven by their type hints.

One codec serves the store (JSON columns, flattened rows) and case bundles, so a field added to an
entity is carried everywhere without hand-written mapping code.
"""

from __future__ import annotations

import dataclasses
import types
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from genorisk.domain.values import PartialDate

T = TypeVar("T")

JSON = Any


class DecodeError(ValueError):
    """Data that does not fit the expected type; ``path`` says where (e.g. ``people[3].sex``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


_FIELD_TYPES: dict[type, dict[str, Any]] = {}


def field_types(cls: type) -> dict[str, Any]:
    """The resolved type of each dataclass field, in declaration order (cached per class)."""
    found = _FIELD_TYPES.get(cls)
    if found is None:
        hints = get_type_hints(cls)
        found = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
        _FIELD_TYPES[cls] = found
    return found


def unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """(inner type, True) for ``X | None``; (hint, False) otherwise."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(get_args(hint)) == 2:
            return args[0], True
    return hint, False


def to_data(value: Any) -> JSON:
    """A JSON-able form of a domain value (dataclass, enum, date, partial date, tuple…)."""
    if value is None or (isinstance(value, (bool, int, float, str)) and not isinstance(value, Enum)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.to_iso()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_data(getattr(value, name)) for name in field_types(type(value))}
    if isinstance(value, (tuple, list, frozenset, set)):
        return [to_data(item) for item in value]
    raise TypeError(f"cannot serialise {type(value).__name__}")


def from_data(hint: Any, data: JSON, path: str = "") -> Any:
    """Rebuild a value of type ``hint`` from :func:`to_data` output; DecodeError names the path."""
    inner, optional = unwrap_optional(hint)
    if data is None:
        if optional or inner is type(None):
            return None
        raise DecodeError(path, "is required")
    try:
        return _decode(inner, data, path)
    except DecodeError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise DecodeError(path, str(exc)) from exc


def _decode(hint: Any, data: JSON, path: str) -> Any:
    origin = get_origin(hint)
    if hint is Any:
        return data
    if origin is tuple:
        if not isinstance(data, list):
            raise DecodeError(path, "should be a list")
        args = get_args(hint)
        item_hint = args[0] if args else Any
        return tuple(from_data(item_hint, item, f"{path}[{i}]") for i, item in enumerate(data))
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in hint)
            raise DecodeError(path, f"'{data}' is not one of: {allowed}") from None
    if hint is PartialDate:
        _require(data, str, path)
        return PartialDate.parse(data)
    if hint is datetime:
        _require(data, str, path)
        return datetime.fromisoformat(data)
    if hint is date:
        _require(data, str, path)
        return date.fromisoformat(data)
    if hint is bool:
        _require(data, bool, path)
        return data
    if hint is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise DecodeError(path, "should be a whole number")
        return data
    if hint is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise DecodeError(path, "should be a number")
        return float(data)
    if hint is str:
        _require(data, str, path)
        return data
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return decode_dataclass(hint, data, path)
    raise DecodeError(path, f"unsupported type {hint!r}")


def decode_dataclass(cls: type[T], data: JSON, path: str = "") -> T:
    """Build a dataclass from a dict, naming the first bad or unknown field by its path."""
    if not isinstance(data, dict):
        raise DecodeError(path, "should be an object")
    fields = field_types(cls)
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise DecodeError(_join(path, unknown[0]), "is not a known field")
    kwargs = {}
    defaults = {f.name for f in dataclasses.fields(cls)  # type: ignore[arg-type]
                if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING}
    for name, hint in fields.items():
        if name not in data:
            if name in defaults:
                continue
            raise DecodeError(_join(path, name), "is required")
        kwargs[name] = from_data(hint, data[name], _join(path, name))
    try:
        return cls(**kwargs)
    except (ValueError, TypeError) as exc:
        raise DecodeError(path, str(exc)) from exc


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _require(data: JSON, kind: type, path: str) -> None:
    if not isinstance(data, kind):
        raise DecodeError(path, f"should be {'text' if kind is str else kind.__name__}")


