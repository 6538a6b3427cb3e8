"""Where to cut a big genogram into pages so that no symbol or label is ever cut.

Pure arithmetic (no Qt), so it is easy to test. Rows are cut first, at heights no symbol or label
crosses (generations leave clear bands between them); then each row band is cut into columns using
only the things inside that band. Neighbouring pages overlap by at least ``overlap`` where there is
room, so the sheets can be trimmed and taped together; overlap marks show where.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from genorisk.genogram.geometry import Box

Interval = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Tile:
    """One page's share of the drawing, and where it sits in the grid (for 'row 1, column 2')."""

    area: Box
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
    return _cuts(start, end, span, overlap, blocked)[0]


def _cuts(start: float, end: float, span: float, overlap: float,
          blocked: Sequence[Interval]) -> tuple[list[Interval], bool]:
    """As :func:`cuts`, and whether every edge is free (False when something had to be cut)."""
    if span <= 0:
        raise ValueError("a page must have room for some of the drawing")
    if end - start <= span:
        return [(start, end)], True
    overlap = min(max(overlap, 0.0), span / 3)
    pieces: list[Interval] = []
    clean = True
    a = start
    while True:
        if end - a <= span:
            pieces.append((a, end))
            return pieces, clean
        b = free_at_or_before(a + span, blocked)
        if b <= a + 1e-6:  # something wider than a page: no clean cut within reach
            b = a + span
            clean = False
        pieces.append((a, b))
        next_a = free_at_or_before(b - overlap, blocked)
        if next_a <= a + 1e-6 or b - next_a > max(2 * overlap, span / 5):
            next_a = b  # no free place for a modest overlap: butt the pages together
        a = next_a


def _row_candidates(a: float, span: float, blocked: Sequence[Interval]) -> list[float]:
    """Free heights at which a row of pages could end, highest first."""
    limit = a + span
    found = {free_at_or_before(limit, blocked)}
    found.update(start for start, _ in blocked if a < start <= limit)
    return sorted((y for y in found if y > a + 1e-6), reverse=True)


def plan_tiles(bounds: Box, obstacles: Sequence[Box], page_width: float, page_height: float,
               overlap: float = 18.0) -> list[Tile]:
    """Pages (in drawing units) covering ``bounds``, none cutting an obstacle where avoidable.

    Each row of pages is as tall as a page allows, unless a shorter row (fewer generations in it) is
    what makes clean column cuts possible: people of different generations overlap sideways, so a
    tall band may have no gap from top to bottom.
    """
    if page_width <= 0 or page_height <= 0:
        raise ValueError("a page must have room for some of the drawing")
    y_blocked = merge((o.y, o.bottom) for o in obstacles)
    overlap_y = min(max(overlap, 0.0), page_height / 3)
    tiles: list[Tile] = []
    previous_bottom: float | None = None
    row_number = 0
    while True:
        if previous_bottom is None:
            tops = [bounds.y]
        else:  # overlap the row above if that still allows clean cuts; else start right below it
            overlapping = free_at_or_before(previous_bottom - overlap_y, y_blocked)
            if previous_bottom - overlapping > max(2 * overlap_y, page_height / 5):
                overlapping = previous_bottom  # only a modest overlap, never a repeat of a whole row
            tops = list(dict.fromkeys([overlapping, previous_bottom]))
        chosen: tuple[float, float, list[Interval]] | None = None
        for top in tops:
            for bottom in _bottoms(top, bounds.bottom, page_height, y_blocked, previous_bottom):
                columns, clean = _columns(bounds, obstacles, top, bottom, page_width, overlap)
                if chosen is None:
                    chosen = (top, bottom, columns)
                if clean:
                    chosen = (top, bottom, columns)
                    break
            else:
                continue
            break
        assert chosen is not None
        top, bottom, columns = chosen
        for column_number, (left, right) in enumerate(columns):
            tiles.append(Tile(Box(left, top, right - left, bottom - top), row_number, column_number, len(columns)))
        if bottom >= bounds.bottom - 1e-6:
            return tiles
        previous_bottom = bottom
        row_number += 1


def _bottoms(top: float, end: float, page_height: float, y_blocked: Sequence[Interval],
             previous_bottom: float | None) -> list[float]:
    """Where a row starting at ``top`` may end, best (tallest) first; always past the previous row."""
    floor = previous_bottom if previous_bottom is not None else top
    candidates = [y for y in _row_candidates(top, page_height, y_blocked) if y < end]
    if end - top <= page_height:
        candidates = [end, *candidates]
    candidates = [y for y in candidates if y > floor + 1e-6]
    return candidates or [min(top + page_height, end)]


def _columns(bounds: Box, obstacles: Sequence[Box], top: float, bottom: float, page_width: float,
             overlap: float) -> tuple[list[Interval], bool]:
    band = Box(bounds.x, top, bounds.width, bottom - top)
    inside = [o for o in obstacles if o.overlaps(band)]
    return _cuts(bounds.x, bounds.right, page_width, overlap, merge((o.x, o.right) for o in inside))


def cut_through(tiles: Sequence[Tile], obstacles: Sequence[Box]) -> list[Box]:
    """Obstacles that some page shows only in part (for tests and a warning before printing)."""
    cut: list[Box] = []
    for obstacle in obstacles:
        for tile in tiles:
            area = tile.area
            if obstacle.overlaps(area) and not (
                area.x <= obstacle.x and obstacle.right <= area.right and area.y <= obstacle.y
                and obstacle.bottom <= area.bottom
            ):
                cut.append(obstacle)
                break
    return cut
