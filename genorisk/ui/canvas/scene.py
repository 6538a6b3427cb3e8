"""GenogramScene: keeps scene items in step with the engine's geometry, by id, incrementally.

``show(geometry)`` compares the new geometry with what is on screen: a person's item is kept (and
its selection with it) and only redrawn if their symbol or labels changed; lines, free labels and
boundaries are immutable values, so items are added for new ones and removed for vanished ones.
Nothing else is rebuilt, which keeps an edit on a big family quick.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from genorisk.genogram.geometry import Boundary, Geometry, Label, Line
from genorisk.ui.canvas.items import (
    BoundaryItem,
    LabelItem,
    LegendItem,
    LineItem,
    SymbolItem,
    make_symbol_item,
)
from genorisk.ui.canvas.painting import box_rect, drawing_bounds

#: Room around the drawing, so people can be dragged a little beyond its edge.
SCENE_MARGIN = 120.0


class GenogramScene(QGraphicsScene):
    """The genogram as scene items. Emits ``people_moved`` once per drag with every moved person."""

    people_moved = Signal(object)
    """A list of (person id, dx, dy) moved together in one drag."""
    person_activated = Signal(str)
    """A person was double-clicked (the workspace opens their edit dialog)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.geometry: Geometry | None = None
        self.symbols: dict[str, SymbolItem] = {}
        self._others: dict[Hashable, QGraphicsItem] = {}
        self._legend: LegendItem | None = None
        self.person_tooltip: Callable[[str], str] | None = None
        self.line_tooltip: Callable[[tuple[str, ...]], str] | None = None
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)

    # --- showing geometry -------------------------------------------------------------------------
    def show(self, geometry: Geometry) -> None:
        """Bring the items in line with ``geometry``, touching only what changed."""
        self.geometry = geometry
        labels_by_person: dict[str, list[Label]] = {}
        free_labels: list[Label] = []
        for label in geometry.labels:
            if label.person_id and geometry.symbol_for(label.person_id) is not None:
                labels_by_person.setdefault(label.person_id, []).append(label)
            else:
                free_labels.append(label)

        wanted = {symbol.person_id for symbol in geometry.symbols}
        for person_id in [p for p in self.symbols if p not in wanted]:
            self.removeItem(self.symbols.pop(person_id))
        for symbol in geometry.symbols:
            labels = tuple(labels_by_person.get(symbol.person_id, ()))
            item = self.symbols.get(symbol.person_id)
            if item is not None and item.symbol.kind is not symbol.kind:
                # A different kind of symbol is a different item class (e.g. pregnancy → born).
                self.removeItem(self.symbols.pop(symbol.person_id))
                item = None
            if item is None:
                item = make_symbol_item(symbol, labels)
                self.symbols[symbol.person_id] = item
                self.addItem(item)
            else:
                item.set_geometry(symbol, labels)
                if item.pos() != QPointF(0, 0):
                    item.setPos(0, 0)

        # Lines, free labels and household outlines are matched by a stable key (a line's id, a label's
        # role, owner and text…), so a re-layout that moves them updates items instead of replacing them.
        wanted_others: dict[Hashable, Line | Label | Boundary] = {}
        for line in geometry.lines:
            wanted_others[_unique(wanted_others, ("line", line.id))] = line
        for label in free_labels:
            wanted_others[_unique(wanted_others, ("label", label.role, label.entity_id, label.person_id,
                                                  label.text))] = label
        for boundary in geometry.boundaries:
            wanted_others[_unique(wanted_others, ("boundary", boundary.id))] = boundary
        for key in [k for k in self._others if k not in wanted_others]:
            self.removeItem(self._others.pop(key))
        for key, value in wanted_others.items():
            existing = self._others.get(key)
            if isinstance(existing, LineItem) and isinstance(value, Line):
                existing.set_line(value)
            elif isinstance(existing, LabelItem) and isinstance(value, Label):
                existing.set_label(value)
            elif isinstance(existing, BoundaryItem) and isinstance(value, Boundary):
                existing.set_boundary(value)
            else:
                if existing is not None:
                    self.removeItem(existing)
                created = _make_item(value)
                self._others[key] = created
                self.addItem(created)

        if self._legend is not None and (geometry.legend is None or self._legend.legend != geometry.legend):
            self.removeItem(self._legend)
            self._legend = None
        if geometry.legend is not None and self._legend is None:
            self._legend = LegendItem(geometry.legend)
            self.addItem(self._legend)

        bounds = drawing_bounds(geometry)
        self.setSceneRect(bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))

    def drawing_rect(self) -> QRectF:
        """The drawing (legend included) in scene coordinates."""
        if self.geometry is None:
            return QRectF()
        return drawing_bounds(self.geometry)

    def item_count(self) -> int:
        return len(self.items())

    # --- selection ---------------------------------------------------------------------------------
    def selected_person_ids(self) -> tuple[str, ...]:
        return tuple(item.person_id for item in self.selectedItems() if isinstance(item, SymbolItem))

    def select_people(self, person_ids: Iterable[str]) -> None:
        """Select exactly these people (without emitting a selection change per item)."""
        wanted = set(person_ids)
        blocked = self.blockSignals(True)
        try:
            for person_id, item in self.symbols.items():
                item.setSelected(person_id in wanted)
        finally:
            self.blockSignals(blocked)
        self.selectionChanged.emit()

    # --- dragging ----------------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = [
            (item.person_id, item.pos().x(), item.pos().y())
            for item in self.symbols.values()
            if abs(item.pos().x()) > 0.5 or abs(item.pos().y()) > 0.5
        ]
        if moved:
            self.people_moved.emit(moved)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.itemAt(event.scenePos(), self.views()[0].transform() if self.views() else _identity())
        while item is not None and not isinstance(item, SymbolItem):
            item = item.parentItem()
        if isinstance(item, SymbolItem):
            self.person_activated.emit(item.person_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # --- tooltips, worked out only when asked for --------------------------------------------------
    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        transform = self.views()[0].transform() if self.views() else _identity()
        text = ""
        for item in self.items(event.scenePos(), deviceTransform=transform):
            owner = item
            while owner is not None and not isinstance(owner, (SymbolItem, LineItem)):
                owner = owner.parentItem()
            if isinstance(owner, SymbolItem) and self.person_tooltip is not None:
                text = self.person_tooltip(owner.person_id)
                break
            if isinstance(owner, LineItem) and self.line_tooltip is not None and owner.line.entity_ids:
                text = self.line_tooltip(owner.line.entity_ids)
                break
        if text:
            QToolTip.showText(event.screenPos(), text)
            event.accept()
        else:
            QToolTip.hideText()
            event.ignore()

    def person_rect(self, person_id: str) -> QRectF:
        item = self.symbols.get(person_id)
        return item.footprint() if item is not None else QRectF()

    def person_box(self, person_id: str) -> QRectF:
        item = self.symbols.get(person_id)
        return box_rect(item.symbol.box).translated(item.pos()) if item is not None else QRectF()


def _unique(taken: dict[Hashable, Any], key: tuple[Any, ...]) -> tuple[Any, ...]:
    """The key, or the key with a counter when the same key is already in use (e.g. a repeated label)."""
    if key not in taken:
        return key
    number = 2
    while (*key, number) in taken:
        number += 1
    return (*key, number)


def _make_item(value: Line | Label | Boundary) -> QGraphicsItem:
    if isinstance(value, Line):
        return LineItem(value)
    if isinstance(value, Label):
        return LabelItem(value)
    return BoundaryItem(value)


def _identity() -> Any:
    from PySide6.QtGui import QTransform

    return QTransform()
