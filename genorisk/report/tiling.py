"""Splitting a big genogram across pages without cutting a symbol or a label.

The genogram is drawn at one scale on every page. When it fits a page at a readable scale it is drawn
whole; otherwise it is cut into columns and rows, and every cut runs through a gap between the
obstacles (each person's footprint — the symbol with its labels — every other label, and the legend)
so nothing a reader needs is sliced. Lines may cross a cut; each page says which tile it is and where
its neighbours are, so a line can be followed from one page to the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from genorisk.genogram.geometry import Box, Geometry

MIN_READABLE_SCALE = 0.6
MAX_SCALE = 1.35
"""A small family is enlarged to fill the page, but not beyond this (labels would look shouty)."""
"""Below this a printed name is under about 5 pt: tile instead of shrinking further."""


@dataclass(frozen=True, slots=True)
class TilePlan:
    scale: float
    tiles: tuple[Box, ...]
    """Regions of the geometry, left to right then top to bottom."""
    columns: int
    rows: int


def obstacles(geometry: Geometry) -> list[Box]:
    """Everything a cut must not pass through."""
    found = [symbol.footprint for symbol in geometry.symbols]
    found += [label.box for label in geometry.labels]
    if geometry.legend is not None:
        found.append(geometry.legend.box)
    return found


def _cuts(spans: Sequence[tuple[float, float]], start: float, end: float, length: float) -> list[float]:
    """Cut positions between ``start`` and ``end`` so each piece is at most ``length`` long where the
    obstacles allow: a cut is only ever placed where no obstacle span covers it."""
    spans = sorted(spans)
    merged: list[list[float]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    blocked = [(low, high) for low, high in merged]

    def free(position: float) -> bool:
        return not any(low < position < high for low, high in blocked)

    gaps = sorted({start, end, *(high for _, high in blocked), *(low for low, _ in blocked)})
    cuts: list[float] = []
    here = start
    while end - here > length:
        limit = here + length
        candidates = [g for g in gaps if here < g <= limit and free(g)]
        if candidates:
            cut = max(candidates)
        else:  # one obstacle group longer than a page: cut at the first free place after it
            later = [g for g in gaps if g > limit and free(g)]
            cut = min(later) if later else end
        if cut >= end:
            break
        cuts.append(cut)
        here = cut
    return cuts


def _pieces(start: float, end: float, cuts: Iterable[float]) -> list[tuple[float, float]]:
    points = [start, *cuts, end]
    return [(points[i], points[i + 1]) for i in range(len(points) - 1)]


def plan_tiles(geometry: Geometry, width: float, height: float,
               min_scale: float = MIN_READABLE_SCALE) -> TilePlan:
    """How to print ``geometry`` on pages whose drawing area is ``width`` × ``height`` points."""
    bounds = geometry.bounds
    if bounds.width <= 0 or bounds.height <= 0:
        return TilePlan(1.0, (bounds,), 1, 1)
    fit = min(width / bounds.width, height / bounds.height, MAX_SCALE)
    if fit >= min_scale:
        return TilePlan(fit, (bounds,), 1, 1)
    scale = min_scale
    found = obstacles(geometry)
    x_cuts = _cuts([(b.x, b.right) for b in found], bounds.x, bounds.right, width / scale)
    y_cuts = _cuts([(b.y, b.bottom) for b in found], bounds.y, bounds.bottom, height / scale)
    columns = _pieces(bounds.x, bounds.right, x_cuts)
    rows = _pieces(bounds.y, bounds.bottom, y_cuts)
    tiles = []
    for top, bottom in rows:
        for left, right in columns:
            tile = Box(left, top, right - left, bottom - top)
            if any(box.overlaps(tile) for box in found):  # an empty corner is not worth a page
                tiles.append(tile)
    return TilePlan(scale, tuple(tiles), len(columns), len(rows))


def cut_through(plan: TilePlan, boxes: Iterable[Box]) -> list[Box]:
    """The boxes some tile edge passes through (for tests: there should be none)."""
    cut = []
    for box in boxes:
        inside_one = any(tile.contains_box(box) for tile in plan.tiles)
        if not inside_one:
            cut.append(box)
    return cut
