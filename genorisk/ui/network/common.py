"""Widgets shared by the network panels: a sortable table whose flagged rows say why in words, a
list editor (one item per line), a small grid editor, and the mandatory-text dialog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.values import display_date
from genorisk.ui.dialogs.fields import FormError
from genorisk.ui.models import ID_ROLE, SORT_ROLE, Column, Index, RowTableModel

R = TypeVar("R")
FLAG_TINT = QColor(252, 228, 224)


E = TypeVar("E", bound=StrEnum)


def chosen(combo: QComboBox, enum: type[E]) -> E | None:
    """The enum member a combo box holds as item data (Qt hands string enums back as plain text)."""
    data = combo.currentData()
    return None if data is None else enum(data)


def chosen_required(combo: QComboBox, enum: type[E]) -> E:
    value = chosen(combo, enum)
    if value is None:
        raise FormError(f"Choose {combo.accessibleName().lower() or 'a value'}.", combo)
    return value


def day(value: date | None) -> str:
    return display_date(value) if value else ""


def day_sort(value: date | None) -> str:
    return value.isoformat() if value else ""


class FlaggedModel(RowTableModel[R], Generic[R]):
    """Rows flagged by ``flag`` are tinted and bold; their text must already say why (never colour alone)."""

    def __init__(self, columns: Sequence[Column[R]], flag: Callable[[R], bool] | None = None,
                 row_id: Callable[[R], str] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._flag = flag
        self._row_id = row_id

    def row_id(self, row: R) -> str:
        return self._row_id(row) if self._row_id else super().row_id(row)

    def flagged(self, number: int) -> bool:
        return bool(self._flag and self._flag(self.row_at(number)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self._flag is not None and 0 <= index.row() < self.rowCount():
            if role == Qt.ItemDataRole.BackgroundRole and self.flagged(index.row()):
                return QBrush(FLAG_TINT)
            if role == Qt.ItemDataRole.ForegroundRole and self.flagged(index.row()):
                return QBrush(QColor(0, 0, 0))
            if role == Qt.ItemDataRole.FontRole and self.flagged(index.row()):
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)


class RecordTable(QTableView, Generic[R]):
    """A sortable read-only table over a :class:`FlaggedModel`, with the selected row's id at hand."""

    def __init__(self, name: str, columns: Sequence[Column[R]], flag: Callable[[R], bool] | None = None,
                 row_id: Callable[[R], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name.replace("_", " "))
        self.model_ = FlaggedModel(columns, flag, row_id, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model_)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the panel's own order until a heading is clicked
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setTabKeyNavigation(False)
        self.setMinimumHeight(110)  # a few rows stay readable; the panel scrolls in a short dock

    def set_rows(self, rows: Sequence[R]) -> None:
        selected = self.current_id()
        self.model_.set_rows(rows)
        self.resizeColumnsToContents()
        for column in range(self.model_.columnCount()):
            self.setColumnWidth(column, min(self.columnWidth(column), 320))
        self.resizeRowsToContents()
        if selected:
            self.select_id(selected)

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        value = self.proxy.data(index, ID_ROLE)
        return str(value) if value else None

    def current_row(self) -> R | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.model_.row_at(self.proxy.mapToSource(index).row())

    def select_id(self, row_id: str) -> bool:
        for number in range(self.proxy.rowCount()):
            index = self.proxy.index(number, 0)
            if self.proxy.data(index, ID_ROLE) == row_id:
                self.setCurrentIndex(index)
                return True
        return False

    def row_count(self) -> int:
        return self.proxy.rowCount()

    def texts(self) -> list[list[str]]:
        """Every row's cell texts in display order (for tests and accessibility checks)."""
        return [[str(self.proxy.data(self.proxy.index(r, c)) or "") for c in range(self.proxy.columnCount())]
                for r in range(self.proxy.rowCount())]


def button(text: str, name: str, slot: Callable[[], Any], tip: str = "", shortcut: str = "") -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        widget.setToolTip(tip)
    if shortcut:
        widget.setShortcut(shortcut)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in buttons:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def lines_edit(name: str, placeholder: str, lines: Sequence[str] = (), height: int = 70) -> QPlainTextEdit:
    """A text box holding a list, one item per line."""
    edit = QPlainTextEdit("\n".join(lines))
    edit.setObjectName(name)
    edit.setAccessibleName(placeholder)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


def lines_of(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


def text_edit(name: str, placeholder: str, value: str = "", height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setObjectName(name)
    edit.setAccessibleName(placeholder)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class GridEditor(QTableWidget):
    """A small editable grid (e.g. attendees: name, role, agency) with add and remove buttons.

    Columns given as a sequence of choices become drop-down lists (label, value).
    """

    def __init__(self, name: str, headings: Sequence[str],
                 choices: dict[int, Sequence[tuple[str, Any]]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headings), parent)
        self.setObjectName(name)
        self.setAccessibleName(name.replace("_", " "))
        self.setHorizontalHeaderLabels(list(headings))
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.choices = choices or {}
        self.setMinimumHeight(90)

    def add_row(self, values: Sequence[Any] = ()) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column in range(self.columnCount()):
            value = values[column] if column < len(values) else None
            if column in self.choices:
                combo = QComboBox()
                for label, data in self.choices[column]:
                    combo.addItem(label, data)
                if value is not None:
                    combo.setCurrentIndex(max(combo.findData(value), 0))
                self.setCellWidget(row, column, combo)
            else:
                self.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))

    def remove_current(self) -> None:
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())

    def values(self) -> list[list[Any]]:
        rows = []
        for row in range(self.rowCount()):
            values: list[Any] = []
            for column in range(self.columnCount()):
                widget = self.cellWidget(row, column)
                if isinstance(widget, QComboBox):
                    values.append(widget.currentData())
                else:
                    item = self.item(row, column)
                    values.append(item.text().strip() if item else "")
            if any(isinstance(v, str) and v for v in values):
                rows.append(values)
        return rows

    def with_buttons(self, what: str) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self)
        layout.addLayout(button_row(button(f"Add {what}", f"{self.objectName()}_add", self.add_row),
                                    button(f"Remove {what}", f"{self.objectName()}_remove", self.remove_current)))
        return holder


class TextDialog(QDialog):
    """Ask for one piece of text that must not be empty (a rationale, a completion note, a comment)."""

    def __init__(self, title: str, about: str, ask: str, parent: QWidget | None = None,
                 required: bool = True, value: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("textDialog")
        layout = QVBoxLayout(self)
        if about:
            label = QLabel(about)
            label.setWordWrap(True)
            layout.addWidget(label)
        prompt = QLabel(ask)
        layout.addWidget(prompt)
        self.text = text_edit("dialogText", ask, value, 90)
        prompt.setBuddy(self.text)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("dialogOk")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if required:
            self.ok.setEnabled(bool(value.strip()))
            self.text.textChanged.connect(lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip())))
        self.resize(560, 300)

    def value(self) -> str:
        return self.text.toPlainText().strip()


def warn(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def dialog_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName("dialogOk")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FormDialog(QDialog):
    """A dialog whose OK builds a value; a FormError keeps it open and says what is wrong."""

    def accept(self) -> None:
        try:
            self.result_value = self.build()
        except (FormError, ValueError) as problem:
            warn(self, "Please check", str(problem))
            widget = getattr(problem, "widget", None)
            if widget is not None:
                widget.setFocus()
            return
        super().accept()

    def build(self) -> object:
        raise NotImplementedError
