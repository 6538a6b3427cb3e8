"""The genogram notation, read from the versioned, schema-checked ``resources/notation/notation.json``.

Styles, dash patterns, slash counts and legend wording are data, not code: changing a convention is
an edit to ``notation.json`` (checked against ``notation.schema.json`` when first loaded).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema

from genorisk.genogram.geometry import LineStyle
from genorisk.resources import resource_path


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


def parse_notation(data: Any) -> Notation:
    """Check a notation document against the schema and build a :class:`Notation`."""
    schema = json.loads(resource_path("notation", "notation.schema.json").read_text("utf-8"))
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(part) for part in exc.absolute_path) or "(top level)"
        raise NotationError(f"notation.json at {where}: {exc.message}") from exc
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


@cache
def notation() -> Notation:
    """The packaged notation (loaded and checked once)."""
    text = resource_path("notation", "notation.json").read_text("utf-8")
    return parse_notation(json.loads(text))
