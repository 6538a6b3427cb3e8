"""Scene items: one class per symbol kind, and line, label, boundary and legend items.

Every item paints its geometry primitive through :mod:`genorisk.ui.canvas.painting` in the
geometry's own (absolute) coordinates, so an item at position (0, 0) sits exactly where the engine
put it. Dragging a person moves its item (and its name and date labels, which are its children) away
from (0, 0); on release the scene turns that offset into a stored nudge, the engine lays the family
out again with the nudge applied, and the item returns to (0, 0) with its new geometry.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from genorisk.genogram.geometry import Boundary, Label, Legend, Line, Symbol, SymbolKind
from genorisk.ui.canvas import painting
from genorisk.ui.canvas.painting import Colours, box_rect

#: Hide small text when zoomed out this far (speed and legibility on big families).
TEXT_LEVEL_OF_DETAIL = 0.22

#: QGraphicsItem::UserType: item type numbers above it are ours (one per item class).
USER_TYPE: int = int(getattr(QGraphicsItem, "UserType", 65536))

Z_BOUNDARY, Z_FAMILY_LINE, Z_SYMBOL, Z_LABEL, Z_OVERLAY_LINE, Z_LEGEND = 0, 1, 2, 3, 4, 5


class CanvasColours:
    """The colours every item paints with; the scene swaps them when the palette changes."""

    current: ClassVar[Colours] = Colours(QColor("#000000"), QColor("#ffffff"), QColor("#1f5fbf"))


class CanvasZoom:
    """The view's zoom, kept here so items need not work it out from the painter for every label."""

    current: ClassVar[float] = 1.0


class LabelItem(QGraphicsItem):
    """One text label. A person's labels are children of the person's symbol and move with it."""

    Type: ClassVar[int] = USER_TYPE + 20

    def __init__(self, label: Label, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._rect = box_rect(label.box).adjusted(-1, -1, 1, 1)
        # Neither selectable nor movable, so clicks fall through to the person (whose shape covers it).
        self.setZValue(Z_LABEL)

    def set_label(self, label: Label) -> None:
        """Show a new version of this label (it moved, or its text changed)."""
        if label == self.label:
            return
        self.prepareGeometryChange()
        self.label = label
        self._rect = box_rect(label.box).adjusted(-1, -1, 1, 1)
        self.update()

    def type(self) -> int:
        return self.Type

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if CanvasZoom.current * self.label.size < TEXT_LEVEL_OF_DETAIL * 10:
            return  # too small to read at this zoom: skip it (big families stay quick)
        painting.paint_label(painter, self.label, CanvasColours.current)


class SymbolItem(QGraphicsItem):
    """A person on the genogram; subclasses name the symbol kind they draw.

    Selectable, movable and focusable; the hit area is the symbol's own outline plus its name and
    date labels, so clicking a name selects the person too.
    """

    Type: ClassVar[int] = USER_TYPE + 1
    KIND: ClassVar[SymbolKind | None] = None

    def __init__(self, symbol: Symbol, labels: tuple[Label, ...] = ()) -> None:
        super().__init__()
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(Z_SYMBOL)
        self.symbol = symbol
        self.labels: tuple[Label, ...] = ()
        self._label_items: list[LabelItem] = []
        self._rect = QRectF()
        self._shape = QPainterPath()
        self.set_geometry(symbol, labels)

    @property
    def person_id(self) -> str:
        return self.symbol.person_id

    def type(self) -> int:
        return self.Type

    def set_geometry(self, symbol: Symbol, labels: tuple[Label, ...]) -> None:
        """Show a new version of this person (after a re-layout); cheap when nothing changed."""
        if symbol == self.symbol and labels == self.labels and self._label_items:
            return
        self.prepareGeometryChange()
        self.symbol = symbol
        if labels != self.labels or not self._label_items:
            if len(labels) == len(self._label_items):
                for item, label in zip(self._label_items, labels, strict=True):
                    item.set_label(label)  # the same labels, moved: keep the items
            else:
                for item in self._label_items:
                    item.setParentItem(None)  # type: ignore[arg-type]  # None detaches the item
                    if item.scene() is not None:
                        item.scene().removeItem(item)
                self._label_items = [LabelItem(label, self) for label in labels]
            self.labels = labels
        self._rect = painting.symbol_bounds(symbol).adjusted(-4, -4, 4, 4)
        shape = painting.shape_path(symbol.shape, symbol.box)
        for label in labels:
            shape.addRect(box_rect(label.box))
        self._shape = shape
        self.update()

    def footprint(self) -> QRectF:
        """The symbol with its labels, in scene coordinates (for fitting, printing and navigation)."""
        rect = self._rect
        for label in self.labels:
            rect = rect.united(box_rect(label.box))
        return rect.translated(self.pos())

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colours = CanvasColours.current
        painting.paint_symbol(painter, self.symbol, colours)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if selected or focused:
            # Selection is shown by a heavy dashed frame, not by colour alone.
            frame = self.footprint().translated(-self.pos()).adjusted(-3, -3, 3, 3)
            pen = QPen(colours.highlight, 2.2 if selected else 1.2)
            pen.setStyle(Qt.PenStyle.DashLine if selected else Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 4, 4)


class MaleSymbolItem(SymbolItem):
    Type: ClassVar[int] = USER_TYPE + 2
    KIND = SymbolKind.MALE


class FemaleSymbolItem(SymbolItem):
    Type: ClassVar[int] = USER_TYPE + 3
    KIND = SymbolKind.FEMALE


class UnknownSexSymbolItem(SymbolItem):
    Type: ClassVar[int] = USER_TYPE + 4
    KIND = SymbolKind.UNKNOWN


class PregnancySymbolItem(SymbolItem):
    Type: ClassVar[int] = USER_TYPE + 5
    KIND = SymbolKind.PREGNANCY


class MiscarriageSymbolItem(SymbolItem):
    Type: ClassVar[int] = USER_TYPE + 6
    KIND = SymbolKind.MISCARRIAGE


class TerminationSymbolItem(SymbolItem):
    Type: ClassVar[int] = USER_TYPE + 7
    KIND = SymbolKind.TERMINATION


class StillbirthSymbolItem(SymbolItem):
    Type: ClassVar[int] = USER_TYPE + 8
    KIND = SymbolKind.STILLBIRTH


SYMBOL_ITEM_CLASSES: dict[SymbolKind, type[SymbolItem]] = {
    cls.KIND: cls
    for cls in (MaleSymbolItem, FemaleSymbolItem, UnknownSexSymbolItem, PregnancySymbolItem,
                MiscarriageSymbolItem, TerminationSymbolItem, StillbirthSymbolItem)
    if cls.KIND is not None
}


def make_symbol_item(symbol: Symbol, labels: tuple[Label, ...]) -> SymbolItem:
    """The item class for this symbol's kind (a plain SymbolItem for a kind added later)."""
    return SYMBOL_ITEM_CLASSES.get(symbol.kind, SymbolItem)(symbol, labels)


class LineItem(QGraphicsItem):
    """A union, descent, sibship, child, twin or emotional/abuse line, drawn from its strokes."""

    Type: ClassVar[int] = USER_TYPE + 30

    def __init__(self, line: Line) -> None:
        super().__init__()
        self.line = line
        self._rect = painting.stroke_bounds(line.strokes)
        self._shape: QPainterPath | None = None  # worked out when first needed (hover, hit tests)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_OVERLAY_LINE if line.layer.value == "overlay" else Z_FAMILY_LINE)

    def type(self) -> int:
        return self.Type

    def set_line(self, line: Line) -> None:
        """Show a new version of this line (after a re-layout)."""
        if line == self.line:
            return
        self.prepareGeometryChange()
        self.line = line
        self._rect = painting.stroke_bounds(line.strokes)
        self._shape = None
        self.setZValue(Z_OVERLAY_LINE if line.layer.value == "overlay" else Z_FAMILY_LINE)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath()
            if self.line.points:
                path.moveTo(*self.line.points[0])
                for point in self.line.points[1:]:
                    path.lineTo(*point)
            stroker = QPainterPathStroker()
            stroker.setWidth(7)
            self._shape = stroker.createStroke(path)
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painting.paint_line(painter, self.line, CanvasColours.current)


class BoundaryItem(QGraphicsItem):
    """A household's dotted outline around its current members, with its name."""

    Type: ClassVar[int] = USER_TYPE + 40

    def __init__(self, boundary: Boundary) -> None:
        super().__init__()
        self.boundary = boundary
        self._rect = self._bounds(boundary)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_BOUNDARY)

    @staticmethod
    def _bounds(boundary: Boundary) -> QRectF:
        rect = painting.stroke_bounds(boundary.strokes)
        if boundary.label is not None:
            rect = rect.united(box_rect(boundary.label.box))
        return rect

    def set_boundary(self, boundary: Boundary) -> None:
        if boundary == self.boundary:
            return
        self.prepareGeometryChange()
        self.boundary = boundary
        self._rect = self._bounds(boundary)
        self.update()

    def type(self) -> int:
        return self.Type

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        for stroke in self.boundary.strokes:
            path.addPath(QPainterPathStroker().createStroke(painting.stroke_path(stroke)))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painting.paint_boundary(painter, self.boundary, CanvasColours.current)


class LegendItem(QGraphicsItem):
    """The automatic key (only what the drawing uses)."""

    Type: ClassVar[int] = USER_TYPE + 50

    def __init__(self, legend: Legend) -> None:
        super().__init__()
        self.legend = legend
        self._rect = box_rect(legend.box).adjusted(-2, -2, 2, 2)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(Z_LEGEND)

    def type(self) -> int:
        return self.Type

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painting.paint_legend(painter, self.legend, CanvasColours.current)
