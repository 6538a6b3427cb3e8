"""Draw a Graphviz layout (``-Tjson`` with xdot drawing operations) as a reportlab vector Drawing.

Graphviz lays the ecomap out and says exactly what to draw (ellipses, polygons, Bézier edges, text,
line styles); this module only replays those operations, so the report shows the same picture as
the SVG and PNG Graphviz writes for the app, in vector form and in the report's own fonts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reportlab.graphics.shapes import Drawing, Ellipse, Group, Path, Polygon, PolyLine, String
from reportlab.lib import colors

from genorisk.report.fonts import report_fonts

_DRAW_KEYS = ("_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_")
_DASHES: dict[str, tuple[float, ...]] = {"dashed": (5.0, 3.0), "dotted": (1.0, 2.5)}
_LINE_WIDTH = re.compile(r"setlinewidth\(([\d.]+)\)")


@dataclass(frozen=True, slots=True)
class _Pen:
    stroke: colors.Color | None = colors.black
    fill: colors.Color | None = None
    width: float = 1.0
    dash: tuple[float, ...] = ()
    font_size: float = 10.0
    bold: bool = False
    italic: bool = False
    invisible: bool = False


def _colour(value: str) -> colors.Color | None:
    value = value.strip()
    if value in ("", "none", "transparent"):
        return None
    if value.startswith("#") and len(value) == 9:
        if value[7:9] == "00":
            return None
        value = value[:7]
    try:
        return colors.toColor(value)
    except ValueError:
        return colors.black


def _points(raw: Sequence[Sequence[float]]) -> list[float]:
    return [float(c) for point in raw for c in point[:2]]


def _operations(layout: Mapping[str, Any]) -> Iterable[list[dict[str, Any]]]:
    """Drawing operation lists in paint order: the graph, edges, then nodes (so nodes cover edge ends)."""
    for key in _DRAW_KEYS:
        if key in layout:
            yield layout[key]
    for item in (*layout.get("edges", []), *layout.get("objects", [])):
        for key in _DRAW_KEYS:
            if key in item:
                yield item[key]


def _apply_style(pen: _Pen, style: str) -> _Pen:
    style = style.strip()
    if "(" in style and not style.startswith("setlinewidth"):
        style = style.split("(", 1)[0]  # Graphviz 2.43 appends stray words in brackets to some styles
    if style in _DASHES:
        return replace(pen, dash=_DASHES[style])
    if style == "solid":
        return replace(pen, dash=())
    if style == "bold":
        return replace(pen, width=2.0)
    if style == "invis":
        return replace(pen, invisible=True)
    width = _LINE_WIDTH.match(style)
    if width:
        return replace(pen, width=float(width.group(1)))
    return pen


def _shape_style(shape: Any, pen: _Pen, filled: bool) -> Any:
    shape.strokeColor = pen.stroke
    shape.strokeWidth = pen.width
    shape.strokeDashArray = list(pen.dash) if pen.dash else None
    if not isinstance(shape, PolyLine):
        shape.fillColor = pen.fill if filled else None
    return shape


def _replay(ops: list[dict[str, Any]], group: Group) -> None:
    fonts = report_fonts()
    pen = _Pen()
    for op in ops:
        kind = op["op"]
        if kind == "c":
            pen = replace(pen, stroke=_colour(op.get("color", "")))
        elif kind == "C":
            pen = replace(pen, fill=_colour(op.get("color", "")))
        elif kind == "S":
            pen = _apply_style(pen, op.get("style", ""))
        elif kind == "F":
            face = str(op.get("face", ""))
            pen = replace(pen, font_size=float(op.get("size", 10)), bold="Bold" in face, italic="Italic" in face)
        elif kind == "t":
            flags = int(op.get("fontchar", 0))
            pen = replace(pen, bold=bool(flags & 1), italic=bool(flags & 2))
        elif pen.invisible:
            continue
        elif kind in ("E", "e"):
            cx, cy, rx, ry = (float(v) for v in op["rect"])
            group.add(_shape_style(Ellipse(cx, cy, rx, ry), pen, kind == "E"))
        elif kind in ("P", "p"):
            group.add(_shape_style(Polygon(_points(op["points"])), pen, kind == "P"))
        elif kind == "L":
            group.add(_shape_style(PolyLine(_points(op["points"])), pen, False))
        elif kind in ("B", "b"):
            group.add(_shape_style(_bezier(op["points"]), pen, kind == "b"))
        elif kind == "T":
            x, y = (float(v) for v in op["pt"])
            anchor = {"l": "start", "c": "middle", "r": "end"}.get(op.get("align", "c"), "middle")
            name = (fonts.bold_italic if pen.italic else fonts.bold) if pen.bold else (
                fonts.italic if pen.italic else fonts.regular)
            group.add(String(x, y, str(op.get("text", "")), fontName=name, fontSize=pen.font_size,
                             textAnchor=anchor, fillColor=pen.stroke or colors.black))


def _bezier(raw: Sequence[Sequence[float]]) -> Path:
    points = [(float(p[0]), float(p[1])) for p in raw]
    path = Path()
    path.moveTo(*points[0])
    for index in range(1, len(points) - 2, 3):
        (x1, y1), (x2, y2), (x3, y3) = points[index:index + 3]
        path.curveTo(x1, y1, x2, y2, x3, y3)
    return path


def bounding_box(layout: Mapping[str, Any]) -> tuple[float, float, float, float]:
    """Left, bottom, right and top of everything drawn: the graph's box widened by its padding and by
    anything drawn outside it (the bottom is negative when the graph label sits below the graph)."""
    left, bottom, right, top = (float(v) for v in str(layout["bb"]).split(","))
    for ops in _operations(layout):
        for op in ops:
            points: list[tuple[float, float]] = [(float(p[0]), float(p[1])) for p in op.get("points", ())]
            if "rect" in op:
                cx, cy, rx, ry = (float(v) for v in op["rect"])
                points += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
            if "pt" in op:
                x, y = (float(v) for v in op["pt"])
                half = float(op.get("width", 0)) / 2
                points += [(x - 2 * half, y - 3), (x + 2 * half, y + 12)]
            for x, y in points:
                left, right = min(left, x), max(right, x)
                bottom, top = min(bottom, y), max(top, y)
    return left, bottom, right, top


def xdot_drawing(layout: Mapping[str, Any], max_width: float, max_height: float) -> Drawing:
    """The layout drawn to fit within ``max_width`` × ``max_height`` points (never enlarged)."""
    left, bottom, right, top = bounding_box(layout)
    width, height = right - left, top - bottom
    scale = min(1.0, max_width / width if width else 1.0, max_height / height if height else 1.0)
    group = Group()
    for ops in _operations(layout):
        _replay(ops, group)
    group.transform = (scale, 0, 0, scale, -left * scale, -bottom * scale)
    drawing = Drawing(width * scale, height * scale)
    drawing.add(group)
    return drawing
