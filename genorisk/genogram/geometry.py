"""THE genogram geometry model: a plain, frozen, serialisable description of everything drawn.

One layout produces one :class:`Geometry`; the Qt canvas, the PDF (reportlab) and the SVG writer all
draw exactly this and nothing else. Every primitive is fully styled: a renderer never needs to know
genogram rules. It strokes :class:`Stroke` polylines (with their dash pattern, width and colour,
filled when ``filled``), draws a :class:`Symbol`'s shape in its box (plus the second outline, the
cross strokes, inner text and markers it carries), writes :class:`Label` text at its anchor, and
strokes each :class:`Boundary` outline.

Units are points (1/72 inch); x grows to the right and y grows DOWNWARD (as in Qt and SVG; the PDF
renderer flips). The JSON form (:meth:`Geometry.to_json`) carries ``format`` and ``version`` and is
documented in docs/genogram-geometry.md.

Draw order: boundaries, then lines whose ``layer`` is ``family``, then symbols, then ``overlay``
lines (emotional and abuse links), then labels (a label with ``halo`` gets a white box behind it,
so any line passing behind it leaves the text readable), then the legend.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from genorisk.domain.serial import DecodeError, from_data, to_data

GEOMETRY_FORMAT = "genorisk-genogram-geometry"
GEOMETRY_VERSION = 1

INK = "#000000"
"""Default colour of every stroke and text: the drawing reads fully in black and white."""

Point = tuple[float, float]


class GeometryFormatError(ValueError):
    """A geometry JSON document that is not this format or version; the message says what is wrong."""


# --- basic shapes -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle: top-left corner and size (y grows downward)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def centre(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2

    def overlaps(self, other: Box, margin: float = 0.0) -> bool:
        """True if the boxes share area (touching edges do not count); ``margin`` widens self."""
        return (
            self.x - margin < other.right
            and other.x < self.right + margin
            and self.y - margin < other.bottom
            and other.y < self.bottom + margin
        )

    def contains(self, point: Point) -> bool:
        return self.x <= point[0] <= self.right and self.y <= point[1] <= self.bottom

    def contains_box(self, other: Box) -> bool:
        return self.x <= other.x and self.y <= other.y and other.right <= self.right and other.bottom <= self.bottom

    def expanded(self, dx: float, dy: float | None = None) -> Box:
        dy = dx if dy is None else dy
        return Box(self.x - dx, self.y - dy, self.width + 2 * dx, self.height + 2 * dy)

    def translated(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.width, self.height)

    def union(self, other: Box) -> Box:
        left, top = min(self.x, other.x), min(self.y, other.y)
        return Box(left, top, max(self.right, other.right) - left, max(self.bottom, other.bottom) - top)

    @staticmethod
    def enclosing(boxes: Iterable[Box]) -> Box | None:
        """The smallest box holding all of them, or None for none."""
        left = top = float("inf")
        right = bottom = float("-inf")
        for box in boxes:
            left, top = min(left, box.x), min(top, box.y)
            right, bottom = max(right, box.right), max(bottom, box.bottom)
        if left == float("inf"):
            return None
        return Box(left, top, right - left, bottom - top)


@dataclass(frozen=True, slots=True)
class Stroke:
    """One polyline (or polygon when ``closed``) to draw exactly as given.

    ``dash`` is the on/off pattern in points (empty = solid; ``(1, 2)`` dotted). ``filled`` polygons
    are filled with ``colour`` (arrow heads, marker fills); ``fill_only`` ones are not outlined.
    """

    points: tuple[Point, ...]
    width: float = 1.0
    dash: tuple[float, ...] = ()
    closed: bool = False
    filled: bool = False
    fill_only: bool = False
    colour: str = INK


# --- vocabularies --------------------------------------------------------------------------------


class Shape(StrEnum):
    """The outline a renderer draws inside a symbol's box."""

    SQUARE = "square"
    CIRCLE = "circle"
    DIAMOND = "diamond"
    TRIANGLE = "triangle"
    """Apex at the top-centre of the box, base along its bottom."""


class SymbolKind(StrEnum):
    """What a symbol stands for (drawn by gender identity, else by sex recorded at birth)."""

    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"
    """Sex unknown, intersex with no gender recorded, non-binary or another gender: a diamond."""
    PREGNANCY = "pregnancy"
    MISCARRIAGE = "miscarriage"
    TERMINATION = "termination"
    STILLBIRTH = "stillbirth"


class LineKind(StrEnum):
    """The part of the genogram a line draws."""

    UNION = "union"
    """A partnership: partners joined side by side (or by a U-shaped line below when not adjacent)."""
    DESCENT = "descent"
    """From a union line (or a lone parent) down to its children's sibship bar."""
    SIBSHIP = "sibship"
    """The horizontal bar over one union's children."""
    CHILD = "child"
    """From the sibship bar (or a twin fork point) down to one child."""
    TWIN_BAR = "twin_bar"
    """The bar joining identical twins' lines."""
    OTHER_PARENTS = "other_parents"
    """A child's link to a second set of parents (adoptive, foster, kinship) drawn from their union."""
    EMOTIONAL = "emotional"
    """Emotional or abuse link; overlay only, never part of the layout."""
    MARKER = "marker"
    """Parts of a risk marker glyph or a legend sample."""
    BOUNDARY = "boundary"


class LineStyle(StrEnum):
    """The stroke style that carries a line's meaning (never colour alone)."""

    SOLID = "solid"
    DASHED = "dashed"
    DOTTED = "dotted"
    DASH_DOT = "dash_dot"
    ZIGZAG = "zigzag"
    DOUBLE = "double"
    BROKEN = "broken"


class LineLayer(StrEnum):
    FAMILY = "family"
    OVERLAY = "overlay"


class TextAlign(StrEnum):
    """Where the anchor x sits in the text: at its start, middle or end."""

    START = "start"
    MIDDLE = "middle"
    END = "end"


class LabelRole(StrEnum):
    NAME = "name"
    DOB = "dob"
    DEATH = "death"
    AGE = "age"
    DOB_INSIDE = "dob_inside"
    GESTATION = "gestation"
    SEX_AT_BIRTH = "sex_at_birth"
    UNION_DATES = "union_dates"
    LINK_TAG = "link_tag"
    HOUSEHOLD = "household"
    MARKER = "marker"
    LEGEND_TITLE = "legend_title"
    LEGEND = "legend"
    TITLE = "title"


class MarkerForm(StrEnum):
    """Where a risk marker shows on a symbol (McGoldrick: substance misuse fills the lower half,
    mental illness the left half); a badge is a small boxed code beside the symbol's top corner."""

    FILL_LOWER_HALF = "fill_lower_half"
    FILL_LEFT_HALF = "fill_left_half"
    FILL_UPPER_LEFT_QUARTER = "fill_upper_left_quarter"
    FILL_UPPER_RIGHT_QUARTER = "fill_upper_right_quarter"
    BADGE = "badge"


class MarkerPattern(StrEnum):
    """How the marker region is filled: solid (current), hatched (suspected), outline (historic /
    in recovery); the risk helper chooses; the legend explains."""

    SOLID = "solid"
    HATCHED = "hatched"
    OUTLINE = "outline"


@dataclass(frozen=True, slots=True)
class GlyphSpec:
    """How a marker looks: region, fill pattern and an optional short code (e.g. 'DA')."""

    form: MarkerForm
    pattern: MarkerPattern = MarkerPattern.SOLID
    code: str = ""
    colour: str = INK
    """Optional redundant colour; form, pattern and code must carry the meaning on their own."""


@dataclass(frozen=True, slots=True)
class Marker:
    """A risk overlay marker for one person, computed by the risk package and passed to the builder.

    ``kind`` and ``status`` are words for the legend ("Substance misuse", "suspected"); markers with the
    same kind, status and glyph share one legend entry.
    """

    kind: str
    status: str
    glyph: GlyphSpec

    @property
    def legend_text(self) -> str:
        return f"{self.kind} ({self.status})" if self.status else self.kind


# --- drawn primitives ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Label:
    """One line of text. ``x`` is the anchor (see ``align``), ``baseline`` the text baseline; ``box``
    is the measured extent used for overlap checks and for the halo."""

    text: str
    x: float
    baseline: float
    size: float
    role: LabelRole
    box: Box
    align: TextAlign = TextAlign.MIDDLE
    bold: bool = False
    italic: bool = False
    halo: bool = False
    colour: str = INK
    person_id: str = ""
    entity_id: str = ""


@dataclass(frozen=True, slots=True)
class PlacedMarker:
    """A marker drawn on one symbol: the strokes and labels that draw it, already positioned."""

    marker: Marker
    strokes: tuple[Stroke, ...]
    labels: tuple[Label, ...] = ()


@dataclass(frozen=True, slots=True)
class Symbol:
    """One person (or pregnancy) drawn once.

    Draw ``shape`` in ``box`` with ``stroke_width``; fill it black when ``filled`` (stillbirth and
    miscarriage glyphs); draw the same shape again in ``inner_box`` when ``double_outline`` (subject
    child); then ``marker`` strokes, ``cross`` strokes (deceased X, termination cross) and
    ``inner_text`` labels. ``footprint`` is the symbol with its labels: the area no other person uses.
    """

    person_id: str
    kind: SymbolKind
    shape: Shape
    box: Box
    footprint: Box
    stroke_width: float = 1.5
    filled: bool = False
    double_outline: bool = False
    inner_box: Box | None = None
    deceased: bool = False
    subject: bool = False
    cross: tuple[Stroke, ...] = ()
    inner_text: tuple[Label, ...] = ()
    markers: tuple[PlacedMarker, ...] = ()
    generation: int = 0


@dataclass(frozen=True, slots=True)
class Line:
    """A line that means something: a union, a child link, an emotional link…

    ``points`` is the centreline (for hit-testing and routing); ``strokes`` is exactly what to draw
    (a double line is two strokes, a zigzag a zigzag polyline, slash marks and arrow heads extra
    strokes). ``entity_ids`` are the records it stands for; ``meaning`` is its legend key.
    """

    id: str
    kind: LineKind
    style: LineStyle
    meaning: str
    points: tuple[Point, ...]
    strokes: tuple[Stroke, ...]
    entity_ids: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()
    slashes: int = 0
    arrow: bool = False
    layer: LineLayer = LineLayer.FAMILY


@dataclass(frozen=True, slots=True)
class Boundary:
    """A household: a dotted outline around its current members (one or more closed polygons when
    the family's structure keeps them apart)."""

    id: str
    name: str
    member_ids: tuple[str, ...]
    outlines: tuple[tuple[Point, ...], ...]
    strokes: tuple[Stroke, ...]
    label: Label | None = None


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One key item: a small sample drawing (already positioned) and its text."""

    key: str
    text: str
    symbols: tuple[Symbol, ...] = ()
    lines: tuple[Line, ...] = ()
    labels: tuple[Label, ...] = ()
    boundaries: tuple[Boundary, ...] = ()


@dataclass(frozen=True, slots=True)
class Legend:
    """The automatic key: only what the drawing uses. Positioned in the drawing's coordinates."""

    box: Box
    frame: Stroke
    title: Label
    entries: tuple[LegendEntry, ...]


@dataclass(frozen=True)
class Geometry:
    """Everything drawn for one genogram. Build it with :func:`genorisk.genogram.layout_case`."""

    case_id: str
    title: str
    bounds: Box
    symbols: tuple[Symbol, ...]
    lines: tuple[Line, ...]
    labels: tuple[Label, ...]
    boundaries: tuple[Boundary, ...] = ()
    legend: Legend | None = None
    notation: str = "mcgoldrick"
    """'mcgoldrick' (age inside) or 'local_authority' (date of birth inside)."""
    version: int = GEOMETRY_VERSION
    units: str = "pt"

    # --- look-ups ------------------------------------------------------------------------------
    @cached_property
    def _symbol_index(self) -> dict[str, Symbol]:
        return {symbol.person_id: symbol for symbol in self.symbols}

    def symbol_for(self, person_id: str) -> Symbol | None:
        return self._symbol_index.get(person_id)

    def labels_for(self, person_id: str) -> tuple[Label, ...]:
        return tuple(label for label in self.labels if label.person_id == person_id)

    def lines_of(self, kind: LineKind) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.kind is kind)

    @property
    def markers_used(self) -> tuple[Marker, ...]:
        seen: dict[tuple[str, str, GlyphSpec], Marker] = {}
        for symbol in self.symbols:
            for placed in symbol.markers:
                marker = placed.marker
                seen.setdefault((marker.kind, marker.status, marker.glyph), marker)
        return tuple(seen.values())

    # --- JSON -------------------------------------------------------------------------------------
    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": GEOMETRY_FORMAT}
        data.update(to_data(self))
        return data

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_data(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_data(cls, data: Any) -> Geometry:
        if not isinstance(data, dict):
            raise GeometryFormatError("a genogram geometry document must be a JSON object")
        if data.get("format") != GEOMETRY_FORMAT:
            raise GeometryFormatError(f"'format' must be '{GEOMETRY_FORMAT}', not {data.get('format')!r}")
        version = data.get("version")
        if version != GEOMETRY_VERSION:
            raise GeometryFormatError(
                f"geometry version {version!r} is not supported (this build reads version {GEOMETRY_VERSION})"
            )
        body = {key: value for key, value in data.items() if key != "format"}
        try:
            geometry: Geometry = from_data(Geometry, body)
        except DecodeError as exc:
            raise GeometryFormatError(f"bad geometry: {exc}") from exc
        return geometry

    @classmethod
    def from_json(cls, text: str) -> Geometry:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise GeometryFormatError(f"not JSON: {exc}") from exc
        return cls.from_data(data)


# The builder's hook for the risk package: person id -> markers to draw on that person's symbol.
MarkerMap = Mapping[str, tuple[Marker, ...]]
