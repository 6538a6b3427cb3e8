"""The genogram notation, read from the versioned, schema-checked ``resources/notation/notation.json``.

Styles, dash patterns, slash counts and legend wording are data, not code: changing a convention is
an edit to ``notation.json``, which must match ``notation.schema.json``. The shipped file is checked
against the schema by the tests, so :func:`notation` reads it without importing jsonschema at start-up;
a notation document from anywhere else goes through :func:`parse_notation`, which checks it (the rule
in :mod:`genorisk.resources`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from genorisk.genogram.geometry import LineStyle
from genorisk.resources import is_shipped, resource_path


class NotationError(ValueError):
    """notation.json does not match its schema; the message names the place."""


@dataclass(frozen=True, slots=True)
class StyledMeaning:
    """A line meaning: its stroke style, legend text, optional short tag and weight."""

    style: LineStyle
    legend: str
    tag: str = ""
    heavy: bool = False


@dataclass(frozen=True, slots=True)
class Notation:
    """The loaded notation: look-ups by the domain enums' stored values."""

    version: int
    dash_patterns: dict[str, tuple[float, ...]]
    stroke_widths: dict[str, float]
    colours: dict[str, str]
    symbol_legends: dict[str, str]
    unions: dict[str, StyledMeaning]
    union_slashes: dict[str, int]
    union_status_legends: dict[str, str]
    children: dict[str, StyledMeaning]
    twin_legends: dict[str, str]
    household: StyledMeaning
    emotional: dict[str, StyledMeaning]

    def dash(self, style: LineStyle) -> tuple[float, ...]:
        """The dash pattern of a plain stroke in this style (zigzag, double and broken are solid)."""
        return self.dash_patterns.get(style.value, ())


def _styled(raw: dict[str, Any]) -> StyledMeaning:
    return StyledMeaning(LineStyle(raw["style"]), raw["legend"], raw.get("tag", ""), bool(raw.get("heavy")))


def parse_notation(data: Any, check: bool = True) -> Notation:
    """Build a :class:`Notation`, first checking the document against the schema unless ``check`` is
    False (only for the shipped file, which the tests check); NotationError names the place."""
    if check:
        check_notation(data)
    return Notation(
        version=data["version"],
        dash_patterns={name: tuple(float(v) for v in values) for name, values in data["dash_patterns"].items()},
        stroke_widths={name: float(v) for name, v in data["stroke_widths"].items()},
        colours=dict(data["colours"]),
        symbol_legends={name: raw["legend"] for name, raw in data["symbols"].items()},
        unions={name: _styled(raw) for name, raw in data["unions"].items()},
        union_slashes={name: raw["slashes"] for name, raw in data["union_statuses"].items()},
        union_status_legends={name: raw["legend"] for name, raw in data["union_statuses"].items()},
        children={name: _styled(raw) for name, raw in data["children"].items()},
        twin_legends={name: raw["legend"] for name, raw in data["twins"].items()},
        household=_styled(data["household"]),
        emotional={name: _styled(raw) for name, raw in data["emotional"].items()},
    )


def check_notation(data: Any) -> None:
    """Raise NotationError naming the first place where ``data`` breaks ``notation.schema.json``."""
    import jsonschema  # here, not at module level: the shipped notation is not checked at start-up

    schema = json.loads(resource_path("notation", "notation.schema.json").read_text("utf-8"))
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "(top level)"
        raise NotationError(f"notation.json at {where}: {exc.message}") from exc


@cache
def notation() -> Notation:
    """The packaged notation (loaded once; the tests check the file against its schema)."""
    path = resource_path("notation", "notation.json")
    return parse_notation(json.loads(path.read_text("utf-8")), check=not is_shipped(path))
