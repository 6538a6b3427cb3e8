"""Small shared pieces for the risk panels: a sortable read-only table and the decision dialog."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.risk import DecisionKind
from genorisk.risk.rules.base import Prompt

SORT_ROLE = Qt.ItemDataRole.UserRole + 10
ID_ROLE = Qt.ItemDataRole.UserRole + 11


class Table(QTableView):
    """A sortable, filterable, read-only table filled from rows of (text, sort value, tooltip) cells."""

    def __init__(self, headings: Sequence[str], name: str, parent: QWidget | None = None,
                 stretch: str | None = None, widths: Mapping[str, int] | None = None) -> None:
        """``stretch``: the heading of the column that takes the spare width (else the last one);
        ``widths``: first widths in pixels by heading, so what matters most is readable in a narrow dock."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name.replace("_", " "))
        self.source = QStandardItemModel(0, len(headings), self)
        self.source.setHorizontalHeaderLabels(list(headings))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(list(headings).index(stretch), QHeaderView.ResizeMode.Stretch)
        for heading, width in (widths or {}).items():
            header.resizeSection(list(headings).index(heading), width)
        self.setAlternatingRowColors(True)

    def fill(self, rows: Sequence[tuple[str, Sequence[tuple[str, Any, str]]]]) -> None:
        """``rows``: (row id, cells) with each cell (text, sort value, tooltip)."""
        selected = self.current_id()
        self.setSortingEnabled(False)
        self.source.removeRows(0, self.source.rowCount())
        for row_id, cells in rows:
            items = []
            for text, sort, tip in cells:
                item = QStandardItem(text)
                item.setData(_sortable(sort if sort is not None else text), SORT_ROLE)
                item.setData(row_id, ID_ROLE)
                if tip:
                    item.setToolTip(tip)
                item.setEditable(False)
                items.append(item)
            self.source.appendRow(items)
        self.setSortingEnabled(True)
        if selected:
            self.select_id(selected)

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        value = self.proxy.data(index, ID_ROLE)
        return str(value) if value is not None else None

    def select_id(self, row_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == row_id:
                self.setCurrentIndex(index)
                return

    def row_count(self) -> int:
        return self.proxy.rowCount()


def _sortable(value: Any) -> Any:
    """A value Qt can compare: dates as ISO text, numbers as they are, anything else as text."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return str(value)


class DecisionDialog(QDialog):
    """Mark a prompt actioned (what was done) or overridden (the written reason). Text is mandatory."""

    def __init__(self, prompt: Prompt, kind: DecisionKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        verb = "Mark actioned" if kind is DecisionKind.ACTIONED else "Override"
        self.setWindowTitle(f"{verb}: {prompt.title}")
        self.setAccessibleName(self.windowTitle())
        self.setObjectName("decisionDialog")
        layout = QVBoxLayout(self)
        about = QLabel(f"<b>{prompt.rule_id}: {prompt.title}</b><br>{prompt.reason}<br><br>"
                       f"<i>Suggested action:</i> {prompt.suggested_action}<br><i>Source:</i> {prompt.source}")
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(about)
        ask = ("What was done (required):" if kind is DecisionKind.ACTIONED
               else "Why you are overriding this prompt (required; it is recorded with your name):")
        label = QLabel(ask)
        layout.addWidget(label)
        self.text = QPlainTextEdit()
        self.text.setObjectName("decisionText")
        self.text.setAccessibleName(ask)
        self.text.setTabChangesFocus(True)
        label.setBuddy(self.text)
        layout.addWidget(self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(verb)
        self.ok.setObjectName("decisionOk")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip())))
        self.resize(620, 420)

    def value(self) -> str:
        return self.text.toPlainText().strip()
