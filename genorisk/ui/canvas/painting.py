"""Draw genogram geometry primitives with a QPainter, exactly as the geometry describes them.

Units are the geometry's points; the painter's transform maps them to the device. Fonts are sized
in painter units (pixel size under a scale), never in device points, so text is the same size on
screen, on paper and in SVG. Text wider than the box the engine measured is squeezed to fit, so a
wider local font can never make labels overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from genorisk.genogram.geometry import (
    INK,
    Boundary,
    Box,
    Geometry,
    Label,
    LabelRole,
    Legend,
    Line,
    LineLayer,
    Shape,
    Stroke,
    Symbol,
    TextAlign,
)

FONT_FAMILIES = ("DejaVu Sans Condensed", "Helvetica", "Arial", "DejaVu Sans", "Sans Serif")
_FONT_SCALE = 8.0  # fonts are made this many times larger, then drawn under a 1/8 scale


@dataclass(frozen=True)
class Colours:
    """How the geometry's colours map to the screen: ink and paper follow the palette (dark mode)."""

    ink: QColor
    paper: QColor
    highlight: QColor
    halo_alpha: int = 235

    @classmethod
    def print_colours(cls) -> Colours:
        """Black on white, whatever the screen palette: for printing and export."""
        return cls(QColor("#000000"), QColor("#ffffff"), QColor("#1f5fbf"))

    def colour(self, name: str) -> QColor:
        lowered = name.lower()
        if lowered in (INK, "#000", "black"):
            return self.ink
        if lowered in ("#ffffff", "#fff", "white"):
            return self.paper
        colour = QColor(name)
        if self.paper.lightness() < 128 and colour.lightness() < 128:
            # Dark paper: a dark notation colour (household outlines #333, the abuse arrow's dark red)
            # would all but vanish, so it is drawn as light as it was dark, keeping its hue.
            colour = QColor.fromHslF(colour.hslHueF(), colour.hslSaturationF(), 1.0 - colour.lightnessF() * 0.6)
        return colour


def box_rect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.width, box.height)


def stroke_path(stroke: Stroke) -> QPainterPath:
    path = QPainterPath()
    if not stroke.points:
        return path
    path.moveTo(*stroke.points[0])
    for point in stroke.points[1:]:
        path.lineTo(*point)
    if stroke.closed:
        path.closeSubpath()
    return path


def stroke_pen(stroke: Stroke, colours: Colours) -> QPen:
    pen = QPen(colours.colour(stroke.colour), stroke.width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if stroke.dash else Qt.PenCapStyle.SquareCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if stroke.dash and stroke.width > 0:
        # Qt dash patterns are in units of the pen width; the geometry's are in points.
        pen.setDashPattern([max(part / stroke.width, 0.01) for part in stroke.dash])
    pen.setCosmetic(False)
    return pen


def paint_stroke(painter: QPainter, stroke: Stroke, colours: Colours) -> None:
    path = stroke_path(stroke)
    if stroke.filled or stroke.fill_only:
        painter.setBrush(QBrush(colours.colour(stroke.colour)))
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(Qt.PenStyle.NoPen if stroke.fill_only else stroke_pen(stroke, colours))
    painter.drawPath(path)


def stroke_bounds(strokes: tuple[Stroke, ...]) -> QRectF:
    """The area the strokes cover, pen width included (plain arithmetic: called for every line)."""
    left = top = float("inf")
    right = bottom = float("-inf")
    for stroke in strokes:
        half = stroke.width / 2 + 1
        for x, y in stroke.points:
            left, right = min(left, x - half), max(right, x + half)
            top, bottom = min(top, y - half), max(bottom, y + half)
    if left == float("inf"):
        return QRectF()
    return QRectF(left, top, right - left, bottom - top)


def shape_path(shape: Shape, box: Box) -> QPainterPath:
    """The outline of a symbol shape inside its box."""
    rect = box_rect(box)
    path = QPainterPath()
    if shape is Shape.CIRCLE:
        path.addEllipse(rect)
    elif shape is Shape.DIAMOND:
        path.addPolygon(QPolygonF([QPointF(rect.center().x(), rect.top()), QPointF(rect.right(), rect.center().y()),
                                   QPointF(rect.center().x(), rect.bottom()), QPointF(rect.left(), rect.center().y())]))
        path.closeSubpath()
    elif shape is Shape.TRIANGLE:
        path.addPolygon(QPolygonF([QPointF(rect.center().x(), rect.top()), QPointF(rect.right(), rect.bottom()),
                                   QPointF(rect.left(), rect.bottom())]))
        path.closeSubpath()
    else:
        path.addRect(rect)
    return path


def paint_symbol(painter: QPainter, symbol: Symbol, colours: Colours) -> None:
    """Shape (filled with paper, or ink when ``filled``), second outline, markers, cross, inner text."""
    pen = QPen(colours.ink, symbol.stroke_width)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush(colours.ink if symbol.filled else colours.paper))
    painter.drawPath(shape_path(symbol.shape, symbol.box))
    if symbol.double_outline and symbol.inner_box is not None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(shape_path(symbol.shape, symbol.inner_box))
    for placed in symbol.markers:
        for stroke in placed.strokes:
            paint_stroke(painter, stroke, colours)
        for label in placed.labels:
            paint_label(painter, label, colours)
    for stroke in symbol.cross:
        paint_stroke(painter, stroke, colours)
    for label in symbol.inner_text:
        paint_label(painter, label, colours)


def symbol_bounds(symbol: Symbol) -> QRectF:
    margin = symbol.stroke_width
    rect = box_rect(symbol.box).adjusted(-margin, -margin, margin, margin)
    for placed in symbol.markers:
        rect = rect.united(stroke_bounds(placed.strokes))
        for label in placed.labels:
            rect = rect.united(box_rect(label.box))
    return rect.united(stroke_bounds(symbol.cross))


@lru_cache(maxsize=64)
def label_font(size: float, bold: bool, italic: bool) -> QFont:
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPixelSize(max(1, round(size * _FONT_SCALE)))
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@lru_cache(maxsize=20000)
def _text_width(text: str, size: float, bold: bool, italic: bool) -> float:
    return QFontMetricsF(label_font(size, bold, italic)).horizontalAdvance(text) / _FONT_SCALE


@dataclass(frozen=True)
class PreparedLabel:
    """What painting one label needs, worked out once per label value (labels are immutable)."""

    font: QFont
    placement: QTransform
    """From text space (the enlarged font's units) to drawing units: anchor, alignment and any squeeze."""
    halo: QRectF | None


@lru_cache(maxsize=50000)
def prepare_label(label: Label) -> PreparedLabel:
    width = _text_width(label.text, label.size, label.bold, label.italic)
    squeeze = 1.0
    if label.box.width > 0 and width > label.box.width:
        squeeze = label.box.width / width
        width = label.box.width
    if label.align is TextAlign.MIDDLE:
        left = label.x - width / 2
    elif label.align is TextAlign.END:
        left = label.x - width
    else:
        left = label.x
    placement = QTransform.fromTranslate(left, label.baseline)
    placement.scale(squeeze / _FONT_SCALE, 1 / _FONT_SCALE)
    return PreparedLabel(label_font(label.size, label.bold, label.italic), placement,
                         box_rect(label.box) if label.halo else None)


_ORIGIN = QPointF(0, 0)


def paint_label(painter: QPainter, label: Label, colours: Colours) -> None:
    """Text at its anchor and baseline; a paper-coloured halo first when asked for."""
    if not label.text:
        return
    prepared = prepare_label(label)
    if prepared.halo is not None:
        halo = QColor(colours.paper)
        halo.setAlpha(colours.halo_alpha)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(halo)
        painter.drawRect(prepared.halo)
    world = painter.worldTransform()
    painter.setWorldTransform(prepared.placement * world)
    painter.setFont(prepared.font)
    painter.setPen(colours.colour(label.colour))
    painter.drawText(_ORIGIN, label.text)
    painter.setWorldTransform(world)


def paint_line(painter: QPainter, line: Line, colours: Colours) -> None:
    for stroke in line.strokes:
        paint_stroke(painter, stroke, colours)


def paint_boundary(painter: QPainter, boundary: Boundary, colours: Colours) -> None:
    for stroke in boundary.strokes:
        paint_stroke(painter, stroke, colours)
    if boundary.label is not None:
        paint_label(painter, boundary.label, colours)


def paint_legend(painter: QPainter, legend: Legend, colours: Colours) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.paper)
    painter.drawRect(box_rect(legend.box))
    paint_stroke(painter, legend.frame, colours)
    paint_label(painter, legend.title, colours)
    for entry in legend.entries:
        for boundary in entry.boundaries:
            paint_boundary(painter, boundary, colours)
        for line in entry.lines:
            paint_line(painter, line, colours)
        for symbol in entry.symbols:
            paint_symbol(painter, symbol, colours)
        for label in entry.labels:
            paint_label(painter, label, colours)


def paint_geometry(painter: QPainter, geometry: Geometry, colours: Colours, *, legend: bool = True) -> None:
    """The whole drawing in the documented order (for print and export; the canvas uses items)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for boundary in geometry.boundaries:
        paint_boundary(painter, boundary, colours)
    for line in geometry.lines:
        if line.layer is LineLayer.FAMILY:
            paint_line(painter, line, colours)
    for symbol in geometry.symbols:
        paint_symbol(painter, symbol, colours)
    for label in geometry.labels:
        paint_label(painter, label, colours)
    for line in geometry.lines:
        if line.layer is LineLayer.OVERLAY:
            paint_line(painter, line, colours)
    if legend and geometry.legend is not None:
        paint_legend(painter, geometry.legend, colours)


def drawing_bounds(geometry: Geometry, *, legend: bool = True) -> QRectF:
    """Everything drawn, legend included: what print and export must fit or tile."""
    rect = box_rect(geometry.bounds)
    if legend and geometry.legend is not None:
        rect = rect.united(box_rect(geometry.legend.box))
    return rect


__all__ = [
    "Colours",
    "LabelRole",
    "box_rect",
    "drawing_bounds",
    "paint_boundary",
    "paint_geometry",
    "paint_label",
    "paint_legend",
    "paint_line",
    "paint_stroke",
    "paint_symbol",
    "shape_path",
    "stroke_bounds",
    "symbol_bounds",
]
