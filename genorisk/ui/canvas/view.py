"""GenogramView: zoom, pan, keyboard navigation and context menus over the genogram scene.

- Zoom: Ctrl+wheel (around the mouse), or the View menu's Ctrl+=, Ctrl+- and Ctrl+0 (fit).
- Pan: drag the background, or hold Space and drag anywhere (even over people).
- Keyboard: arrow keys move the selection to the nearest person in that direction; Alt+arrow
  nudges the selected people (stored like a drag); Enter opens the edit dialog; the Menu key or
  Shift+F10 opens the person's context menu. Screen-reader users have the People table, which
  follows the same selection.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from genorisk.ui.canvas.items import CanvasZoom, SymbolItem
from genorisk.ui.canvas.scene import GenogramScene

MIN_ZOOM = 0.05
MAX_ZOOM = 8.0
ZOOM_STEP = 1.2
KEY_NUDGE = 12.0


class GenogramView(QGraphicsView):
    """The canvas widget in the middle of the case workspace."""

    context_menu_requested = Signal(QPoint, object)
    """(global position, person id or None)"""
    person_activated = Signal(str)
    remove_requested = Signal(str)
    """Delete pressed on the canvas with a person selected (the Remove action asks first)."""
    nudge_requested = Signal(object)
    """A list of (person id, dx, dy) from Alt+arrow keys."""
    zoom_changed = Signal(float)

    def __init__(self, scene: GenogramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.genogram = scene
        self.setObjectName("genogramCanvas")
        self.setAccessibleName("Genogram canvas")
        self.setAccessibleDescription(
            "The family drawn as a genogram. Arrow keys move between people; the People table lists "
            "the same people for screen readers."
        )
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        # Every item sets its own pen, brush and font, so the view need not save and restore them per item.
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._space_held = False
        self._fit_pending = False
        scene.person_activated.connect(self.person_activated)

    # --- zoom --------------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor_on_mouse: bool = False) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        old_anchor = self.transformationAnchor()
        if not anchor_on_mouse:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        scale = factor / self.zoom if self.zoom else 1.0
        self.scale(scale, scale)
        self.setTransformationAnchor(old_anchor)
        self._zoomed()

    def _zoomed(self) -> None:
        CanvasZoom.current = self.zoom
        self.zoom_changed.emit(self.zoom)

    def zoom_in(self) -> None:
        self._user_moved()
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._user_moved()
        self.set_zoom(self.zoom / ZOOM_STEP)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._user_moved()
        super().mousePressEvent(event)

    def fit(self) -> None:
        """Show the whole drawing (Ctrl+0)."""
        rect = self.genogram.drawing_rect()
        if rect.isEmpty():
            return
        self.fitInView(rect.adjusted(-16, -16, 16, 16), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > 1.5:  # a tiny family is not blown up to poster size
            self.set_zoom(1.5)
        self._zoomed()

    def fit_when_shown(self) -> None:
        """Fit now, and again whenever the view is resized until the practitioner zooms or pans.

        (Before the window is on screen the view has no real size, so a fit then is meaningless.)
        Scroll bars are off meanwhile: the whole drawing is in view, and a scroll bar that comes and goes
        with each fit resizes the viewport, which refits, which brings it back… a busy loop that kept
        the processor at 100 % while the case sat open.
        """
        self._set_auto_fit(True)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_pending:
            self.fit()

    def _user_moved(self) -> None:
        if self._fit_pending:
            self._set_auto_fit(False)

    def _set_auto_fit(self, on: bool) -> None:
        self._fit_pending = on
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self._user_moved()
                self.set_zoom(self.zoom * (ZOOM_STEP ** steps), anchor_on_mouse=True)
            event.accept()
            return
        super().wheelEvent(event)

    # --- keyboard ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.setInteractive(False)  # Space+drag pans even over people
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows:
            dx, dy = arrows[Qt.Key(key)]
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:
                moved = [(p, dx * KEY_NUDGE, dy * KEY_NUDGE) for p in self.genogram.selected_person_ids()]
                if moved:
                    self.nudge_requested.emit(moved)
            else:
                self.move_selection(dx, dy)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            selected = self.genogram.selected_person_ids()
            if selected:
                self.person_activated.emit(selected[-1])
                event.accept()
                return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            selected = self.genogram.selected_person_ids()
            if selected:
                self.remove_requested.emit(selected[-1])
                event.accept()
                return
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self._menu_for_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.setInteractive(True)
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._space_held:
            self._space_held = False
            self.setInteractive(True)
            self.viewport().unsetCursor()
        super().focusOutEvent(event)

    def move_selection(self, dx: int, dy: int) -> str | None:
        """Select the nearest person in a direction from the current one (or the first person)."""
        symbols = self.genogram.symbols
        if not symbols:
            return None
        selected = self.genogram.selected_person_ids()
        if not selected:
            first = min(symbols.values(), key=lambda item: (item.footprint().top(), item.footprint().left()))
            return self._select(first)
        here = self.genogram.person_box(selected[-1]).center()
        best: tuple[float, SymbolItem] | None = None
        for person_id, item in symbols.items():
            if person_id == selected[-1]:
                continue
            there = self.genogram.person_box(person_id).center()
            along = (there.x() - here.x()) * dx + (there.y() - here.y()) * dy
            if along <= 1:
                continue
            across = abs((there.x() - here.x()) * dy) + abs((there.y() - here.y()) * dx)
            score = along + 2.5 * across
            if best is None or score < best[0]:
                best = (score, item)
        return self._select(best[1]) if best else None

    def _select(self, item: SymbolItem) -> str:
        self.genogram.select_people((item.person_id,))
        item.setFocus()
        self.ensureVisible(item.footprint(), 40, 40)
        return item.person_id

    def centre_on_person(self, person_id: str) -> None:
        rect = self.genogram.person_rect(person_id)
        if not rect.isEmpty() and not self.mapToScene(self.viewport().rect()).boundingRect().contains(rect):
            self.centerOn(rect.center())

    # --- context menu --------------------------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        while item is not None and not isinstance(item, SymbolItem):
            item = item.parentItem()
        person_id = item.person_id if isinstance(item, SymbolItem) else None
        if person_id is not None and person_id not in self.genogram.selected_person_ids():
            self.genogram.select_people((person_id,))
        self.context_menu_requested.emit(event.globalPos(), person_id)
        event.accept()

    def _menu_for_selection(self) -> None:
        selected = self.genogram.selected_person_ids()
        if selected:
            rect = self.genogram.person_box(selected[-1])
            point = self.mapFromScene(QPointF(rect.right(), rect.bottom()))
        else:
            point = self.viewport().rect().center()
        self.context_menu_requested.emit(self.viewport().mapToGlobal(point), selected[-1] if selected else None)

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()
