"""A layout that lines widgets up left to right and wraps them onto further rows when space runs out.

Panels sit in docks the practitioner can make narrow; a row of buttons in a QHBoxLayout would then be
clipped ("ew DASH…"). In a FlowLayout the buttons wrap instead, so every label stays readable. After
Qt's own Flow Layout example, with the height-for-width that lets a dock grow the rows it needs.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget
from shiboken6 import isValid


class FlowLayout(QLayout):
    """Widgets in reading order, wrapped onto as many rows as the width needs."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._height = 0
        self._width = 0
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        # Docks ignore height-for-width; the minimum height (rows at the current width) does the job.
        return False

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._width = rect.width()
        height = self._arrange(rect, place=True)
        if height != self._height:  # the rows changed: the layouts above must ask for the new minimum
            self._height = height
            QTimer.singleShot(0, self._minimum_changed)  # not from inside a layout pass

    def _minimum_changed(self) -> None:
        if not isValid(self):
            return
        layout: QObject | None = self
        while isinstance(layout, QLayout):  # Qt caches each layout's minimum: clear them up the tree
            layout.invalidate()
            layout = layout.parent()
        widget = self.parentWidget()
        if widget is not None:
            widget.updateGeometry()

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As wide as the widest widget (anything narrower only adds rows), and as tall as the rows need
        at the current width: docks do not honour height-for-width, so the minimum carries it."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        if self._width > 0:  # (Qt forgets the layout's rectangle when it invalidates it: keep the width here)
            size.setHeight(max(size.height(), self.heightForWidth(self._width)))
        return size

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (or only measure); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self._gap, 0
            if place:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()
