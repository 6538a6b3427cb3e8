"""Turning a line style into the exact strokes to draw (so renderers need no genogram logic)."""

from __future__ import annotations

import itertools
import math

from genorisk.genogram.geometry import INK, LineStyle, Point, Stroke
from genorisk.genogram.notation import Notation

ZIGZAG_AMPLITUDE = 3.0
ZIGZAG_WAVELENGTH = 7.0
DOUBLE_OFFSET = 1.8
CUTOFF_GAP = 8.0
CUTOFF_BAR = 5.0
ARROW_LENGTH = 8.0
ARROW_HALF_WIDTH = 3.5
SLASH_HALF = 5.0
SLASH_SPACING = 5.0


def styled_strokes(points: tuple[Point, ...], style: LineStyle, notation: Notation, width: float,
                   colour: str = INK) -> tuple[Stroke, ...]:
    """The strokes that draw a polyline in a style."""
    if len(points) < 2:
        return ()
    if style is LineStyle.DOUBLE:
        return tuple(Stroke(offset_polyline(points, side * DOUBLE_OFFSET), width * 0.8, (), colour=colour)
                     for side in (-1, 1))
    if style is LineStyle.ZIGZAG:
        return (Stroke(zigzag(points), width, (), colour=colour),)
    if style is LineStyle.BROKEN:
        return broken(points, width, colour)
    return (Stroke(points, width, notation.dash(style), colour=colour),)


def polyline_length(points: tuple[Point, ...]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def point_along(points: tuple[Point, ...], fraction: float) -> tuple[Point, Point]:
    """The point at a fraction of the polyline's length, and the unit direction there."""
    total = polyline_length(points)
    target = total * fraction
    for a, b in itertools.pairwise(points):
        length = math.dist(a, b)
        if length and target <= length:
            t = target / length
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), ((b[0] - a[0]) / length,
                                                                          (b[1] - a[1]) / length)
        target -= length
    a, b = points[-2], points[-1]
    length = math.dist(a, b) or 1.0
    return b, ((b[0] - a[0]) / length, (b[1] - a[1]) / length)


def offset_polyline(points: tuple[Point, ...], distance: float) -> tuple[Point, ...]:
    """The polyline shifted sideways (to the left of its direction for positive distances)."""
    result: list[Point] = []
    for i, point in enumerate(points):
        before = points[i - 1] if i else point
        after = points[i + 1] if i + 1 < len(points) else point
        dx, dy = after[0] - before[0], after[1] - before[1]
        length = math.hypot(dx, dy) or 1.0
        result.append((point[0] - dy / length * distance, point[1] + dx / length * distance))
    return tuple(result)


def zigzag(points: tuple[Point, ...]) -> tuple[Point, ...]:
    """A zigzag following the whole polyline (straight or curved), with short straight ends."""
    total = polyline_length(points)
    if total < 2 * ZIGZAG_WAVELENGTH:
        return points
    half = ZIGZAG_WAVELENGTH / 2
    teeth = max(2, int((total - ZIGZAG_WAVELENGTH) // half))
    step = (total - ZIGZAG_WAVELENGTH) / teeth
    result: list[Point] = [points[0]]
    for k in range(teeth + 1):
        (px, py), (ux, uy) = point_along(points, (half + k * step) / total)
        side = 0.0 if k in (0, teeth) else (ZIGZAG_AMPLITUDE if k % 2 else -ZIGZAG_AMPLITUDE)
        result.append((px - uy * side, py + ux * side))
    result.append(points[-1])
    return tuple(result)


def broken(points: tuple[Point, ...], width: float, colour: str) -> tuple[Stroke, ...]:
    """A cut-off: the line with a gap in the middle closed off by two short bars."""
    a, b = points[0], points[-1]
    (cx, cy), (ux, uy) = point_along(points, 0.5)
    nx, ny = -uy, ux
    half = CUTOFF_GAP / 2
    gap_start = (cx - ux * half, cy - uy * half)
    gap_end = (cx + ux * half, cy + uy * half)
    strokes = [
        Stroke((a, gap_start), width, colour=colour),
        Stroke((gap_end, b), width, colour=colour),
    ]
    for px, py in (gap_start, gap_end):
        strokes.append(Stroke(((px - nx * CUTOFF_BAR, py - ny * CUTOFF_BAR),
                               (px + nx * CUTOFF_BAR, py + ny * CUTOFF_BAR)), width, colour=colour))
    return tuple(strokes)


def arrow_head(tip: Point, direction: Point, colour: str = INK) -> Stroke:
    """A filled arrow head with its point at ``tip`` facing along ``direction`` (a unit vector)."""
    ux, uy = direction
    base = (tip[0] - ux * ARROW_LENGTH, tip[1] - uy * ARROW_LENGTH)
    nx, ny = -uy, ux
    return Stroke(
        (tip, (base[0] + nx * ARROW_HALF_WIDTH, base[1] + ny * ARROW_HALF_WIDTH),
         (base[0] - nx * ARROW_HALF_WIDTH, base[1] - ny * ARROW_HALF_WIDTH)),
        width=0.8, closed=True, filled=True, colour=colour,
    )


def slashes(centre: Point, count: int, width: float) -> tuple[Stroke, ...]:
    """One slash (separation) or two (divorce) across a horizontal line at ``centre``."""
    strokes = []
    for k in range(count):
        x = centre[0] + (k - (count - 1) / 2) * SLASH_SPACING
        y = centre[1]
        strokes.append(Stroke(((x - SLASH_HALF * 0.6, y + SLASH_HALF), (x + SLASH_HALF * 0.6, y - SLASH_HALF)),
                              width))
    return tuple(strokes)


def clip_to_box_edge(inside: Point, outside: Point, half_w: float, half_h: float) -> Point:
    """Where the segment from a box centre ``inside`` towards ``outside`` leaves the box."""
    dx, dy = outside[0] - inside[0], outside[1] - inside[1]
    if dx == 0 and dy == 0:
        return inside
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return (inside[0] + dx * scale, inside[1] + dy * scale)
