"""Where to cut a big genogram into pages so that no symbol or label is ever cut.

Pure arithmetic (no Qt), so it is easy to test. Rows are cut first, at heights no symbol or label
crosses (generations leave clear bands between them); then each row band is cut into columns using
only the things inside that band. Neighbouring pages overlap by at least ``overlap`` where there is
room, so the sheets can be trimmed and taped together; overlap marks show where.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Interval = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Area:
    """A rectangle in drawing units (points): left, top, width, height."""

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

    def intersects(self, other: Area) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom


@dataclass(frozen=True, slots=True)
class Tile:
    """One page's share of the drawing, and where it sits in the grid (for 'row 1, column 2')."""

    area: Area
    row: int
    column: int
    columns_in_row: int


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Overlapping or touching open intervals merged, in order."""
    merged: list[list[float]] = []
    for start, end in sorted((min(a, b), max(a, b)) for a, b in intervals):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def free_at_or_before(position: float, blocked: Sequence[Interval]) -> float:
    """The largest x ≤ position that lies inside no blocked interval (edges are free)."""
    for start, end in blocked:
        if start < position < end:
            return start
        if start >= position:
            break
    return position


def cuts(start: float, end: float, span: float, overlap: float, blocked: Sequence[Interval]) -> list[Interval]:
    """Pieces [a, b] covering [start, end], each at most ``span`` long, with free edges.

    Consecutive pieces overlap by at least ``overlap`` when a free position allows it. If something
    is wider than a whole page (nothing can avoid cutting it) the piece is cut at full span.
    """
    if span <= 0:
        raise ValueError("a page must have room for some of the drawing")
    if end - start <= span:
        return [(start, end)]
    overlap = min(max(overlap, 0.0), span / 3)
    pieces: list[Interval] = []
    a = start
    while True:
        if end - a <= span:
            pieces.append((a, end))
            return pieces
        b = free_at_or_before(a + span, blocked)
        if b <= a + span / 4:  # something huge: no clean cut within reach
            b = a + span
        pieces.append((a, b))
        next_a = free_at_or_before(b - overlap, blocked)
        if next_a <= a + 1e-6:
            next_a = b  # no free place to start an overlap: butt the pages together
        a = next_a


def plan_tiles(bounds: Area, obstacles: Sequence[Area], page_width: float, page_height: float,
               overlap: float = 18.0) -> list[Tile]:
    """Pages (in drawing units) covering ``bounds``, none cutting an obstacle where avoidable."""
    rows = cuts(bounds.y, bounds.bottom, page_height, overlap, merge((o.y, o.bottom) for o in obstacles))
    tiles: list[Tile] = []
    for row_number, (top, bottom) in enumerate(rows):
        band = Area(bounds.x, top, bounds.width, bottom - top)
        inside = [o for o in obstacles if o.intersects(band)]
        columns = cuts(bounds.x, bounds.right, page_width, overlap, merge((o.x, o.right) for o in inside))
        for column_number, (left, right) in enumerate(columns):
            tiles.append(Tile(Area(left, top, right - left, bottom - top), row_number, column_number, len(columns)))
    return tiles


def cut_through(tiles: Sequence[Tile], obstacles: Sequence[Area]) -> list[Area]:
    """Obstacles that some page shows only in part (for tests and a warning before printing)."""
    cut: list[Area] = []
    for obstacle in obstacles:
        for tile in tiles:
            area = tile.area
            if obstacle.intersects(area) and not (
                area.x <= obstacle.x and obstacle.right <= area.right and area.y <= obstacle.y
                and obstacle.bottom <= area.bottom
            ):
                cut.append(obstacle)
                break
    return cut
