"""The outline of a union of rectangles: the household boundary drawn around its members."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from genorisk.genogram.geometry import Box, Point


def union_outline(boxes: list[Box]) -> tuple[tuple[Point, ...], ...]:
    """Closed rectilinear polygons tracing the outer and inner edges of the union of the boxes.

    Works on the grid the box edges make: a cell is filled when a box covers it; every filled-cell
    side with an empty neighbour is an outline edge; edges are chained into loops (clockwise on
    screen) and straight runs merged.
    """
    boxes = [box for box in boxes if box.width > 0 and box.height > 0]
    if not boxes:
        return ()
    xs = sorted({value for box in boxes for value in (box.x, box.right)})
    ys = sorted({value for box in boxes for value in (box.y, box.bottom)})
    filled: set[tuple[int, int]] = set()
    for box in boxes:
        i0, i1 = bisect_left(xs, box.x), bisect_left(xs, box.right)
        j0, j1 = bisect_left(ys, box.y), bisect_left(ys, box.bottom)
        for i in range(i0, i1):
            for j in range(j0, j1):
                filled.add((i, j))

    outgoing: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in filled:
        # Corners of cell (i, j) in grid indices; clockwise on screen (y down): top, right, bottom, left.
        if (i, j - 1) not in filled:
            outgoing[(i, j)].append((i + 1, j))
        if (i + 1, j) not in filled:
            outgoing[(i + 1, j)].append((i + 1, j + 1))
        if (i, j + 1) not in filled:
            outgoing[(i + 1, j + 1)].append((i, j + 1))
        if (i - 1, j) not in filled:
            outgoing[(i, j + 1)].append((i, j))

    loops: list[tuple[Point, ...]] = []
    for start in sorted(outgoing):
        while outgoing[start]:
            corners = [start]
            current = outgoing[start].pop()
            while current != start:
                corners.append(current)
                if not outgoing[current]:
                    break
                current = outgoing[current].pop()
            loops.append(_simplify([(xs[i], ys[j]) for i, j in corners]))
    return tuple(loops)


def _simplify(points: list[Point]) -> tuple[Point, ...]:
    """Drop corners that sit on a straight run."""
    result: list[Point] = []
    count = len(points)
    for k, point in enumerate(points):
        before, after = points[k - 1], points[(k + 1) % count]
        collinear = (before[0] == point[0] == after[0]) or (before[1] == point[1] == after[1])
        if not collinear:
            result.append(point)
    return tuple(result)


def point_in_polygon(point: Point, polygon: tuple[Point, ...]) -> bool:
    """Even-odd rule test."""
    x, y = point
    inside = False
    count = len(polygon)
    for k in range(count):
        x1, y1 = polygon[k]
        x2, y2 = polygon[(k + 1) % count]
        if (y1 > y) != (y2 > y):
            cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < cross:
                inside = not inside
    return inside


def point_in_outlines(point: Point, outlines: tuple[tuple[Point, ...], ...]) -> bool:
    inside = False
    for polygon in outlines:
        if point_in_polygon(point, polygon):
            inside = not inside
    return inside
