"""The built-in workspace panels: People, Relationships, Households, Warnings and History.

The People table is the accessible equivalent of the genogram: same people, same selection (both
ways), same actions from its context menu and from the keyboard (Enter edits, Delete removes, the
Person menu's shortcuts work here too).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain import editing
from genorisk.domain.entities import VerificationItem
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import VerificationStatus
from genorisk.ui.models import (
    ID_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    HouseholdsModel,
    PeopleModel,
    RelationshipsModel,
    RowTableModel,
    WarningsModel,
)
from genorisk.ui.panels import PanelContext, PanelSpec

#: Columns are sized to fit this many rows: enough to look right, quick on a 1,000-person family.
RESIZE_PRECISION_ROWS = 60


class RecordTable(QTableView):
    """A sortable, filterable table over a row model, whose selection selects people in the case."""

    def __init__(self, model: RowTableModel[Any], context: PanelContext, name: str, *,
                 follow_selection: bool = False) -> None:
        super().__init__()
        self.context = context
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.proxy)
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setResizeContentsPrecision(RESIZE_PRECISION_ROWS)  # size columns from a sample, not every row
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.follow_selection = follow_selection
        self._syncing = False
        self.selectionModel().selectionChanged.connect(self._table_selection_changed)
        if follow_selection:
            context.selection_changed.connect(self.show_selection)

    def selected_rows(self) -> list[int]:
        rows = {self.proxy.mapToSource(index).row() for index in self.selectionModel().selectedRows()}
        return sorted(rows)

    def selected_ids(self) -> list[str]:
        return [self.source.row_id(self.source.row_at(row)) for row in self.selected_rows()]

    def _table_selection_changed(self, *_: QItemSelection) -> None:
        if self._syncing:
            return
        people: list[str] = []
        for row in self.selected_rows():
            people += self.source.row_people(self.source.row_at(row))
        if people:
            self.context.select(people)

    def show_selection(self, person_ids: tuple[str, ...] | None = None) -> None:
        """Select the rows of these people (the canvas or another panel selected them)."""
        wanted = set(self.context.selection if person_ids is None else person_ids)
        selection = QItemSelection()
        current: QModelIndex | None = None
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) in wanted:
                selection.select(index, self.proxy.index(row, self.proxy.columnCount() - 1))
                current = index
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.selectionModel().select(selection, flags)
            if current is not None:
                self.selectionModel().setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollTo(current)
        finally:
            self._syncing = False

    def resize_to_contents(self) -> None:
        for column in range(self.proxy.columnCount() - 1):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column), 260))


def _filter_box(table: RecordTable, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setAccessibleName(placeholder)
    edit.setObjectName(f"{table.objectName()}Filter")
    edit.textChanged.connect(table.proxy.setFilterFixedString)
    return edit


class PeoplePanel(QWidget):
    """Everyone in the case, in a table: the keyboard and screen-reader route to the genogram."""

    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.model = PeopleModel(self)
        self.table = PeopleTable(self.model, context, "People", follow_selection=True)
        self.filter = _filter_box(self.table, "Find a person (name, date, role…)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.setMinimumWidth(240)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.doubleClicked.connect(lambda _: self._action("edit_person"))
        context.record_changed.connect(self.refresh)
        self.refresh(context.record)
        self.table.resize_to_contents()

    def refresh(self, record: CaseRecord, *_: Any) -> None:
        self.model.set_record(record)
        self.table.show_selection()

    def _action(self, key: str) -> None:
        actions = self.context.extras.get("person_actions")
        if actions is not None:
            actions.actions[key].trigger()

    def _menu(self, point: QPoint) -> None:
        actions = self.context.extras.get("person_actions")
        if actions is None:
            return
        menu = QMenu(self)
        actions.fill_menu(menu)
        menu.exec(self.table.viewport().mapToGlobal(point))


class PeopleTable(RecordTable):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_rows():
            actions = self.context.extras.get("person_actions")
            if actions is not None:
                actions.actions["edit_person"].trigger()
                event.accept()
                return
        super().keyPressEvent(event)


class RelationshipsPanel(QWidget):
    """Partnerships, parentage, twins and emotional/abuse links, each with its source."""

    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.model = RelationshipsModel(self)
        self.table = RecordTable(self.model, context, "Relationships")
        self.filter = _filter_box(self.table, "Find a relationship")
        self.remove = QPushButton("&Remove relationship")
        self.remove.setObjectName("removeRelationship")
        self.remove.setToolTip("Remove the selected relationship, parent link or emotional link (undoable)")
        self.remove.clicked.connect(self.remove_selected)
        self.end = QPushButton("Record &separation…")
        self.end.setObjectName("endPartnership")
        self.end.setToolTip("Record that the selected partnership has ended (separated, divorced…)")
        self.end.clicked.connect(self.end_partnership)
        buttons = QHBoxLayout()
        buttons.addWidget(self.end)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        context.record_changed.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh(context.record)
        self.table.resize_to_contents()

    def refresh(self, record: CaseRecord, *_: Any) -> None:
        self.model.set_record(record)
        self._update_buttons()

    def _selected(self) -> list[Any]:
        return [self.model.row_at(row).entity for row in self.table.selected_rows()]

    def _update_buttons(self, *_: Any) -> None:
        selected = self._selected()
        self.remove.setEnabled(bool(selected))
        self.end.setEnabled(len(selected) == 1 and type(selected[0]).__name__ == "Partnership")

    def remove_selected(self) -> None:
        from genorisk.domain.commands import Command, Remove

        selected = self._selected()
        if not selected:
            return
        record = self.context.record
        if len(selected) == 1:
            row = self.model.row_at(self.table.selected_rows()[0])
            name = f"Remove {row.category.lower()} link {row.between}"
        else:
            name = f"Remove {len(selected)} relationships"
        changes = tuple(Remove(entity) for entity in selected if record.find(entity.id) is not None)
        self.context.apply(Command(name, changes))

    def end_partnership(self) -> None:
        from genorisk.ui.dialogs.relationship import EndPartnershipDialog

        selected = self._selected()
        if len(selected) != 1:
            return
        dialog = EndPartnershipDialog(self.context.record, selected[0].id, self.context.user, self)
        if dialog.exec() and dialog.command is not None:
            self.context.apply(dialog.command)


class HouseholdsPanel(QWidget):
    """Who lives in, or visits, each household and when."""

    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.model = HouseholdsModel(self)
        self.table = RecordTable(self.model, context, "Households")
        self.add = QPushButton("&Add selected person to a household…")
        self.add.setObjectName("addToHousehold")
        self.add.clicked.connect(lambda: self._action("join_household"))
        self.leave = QPushButton("&Leaves…")
        self.leave.setObjectName("leaveHousehold")
        self.leave.clicked.connect(lambda: self._action("leave_household"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.leave)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        context.record_changed.connect(self.refresh)
        self.refresh(context.record)
        self.table.resize_to_contents()

    def refresh(self, record: CaseRecord, *_: Any) -> None:
        self.model.set_record(record)

    def _action(self, key: str) -> None:
        actions = self.context.extras.get("person_actions")
        if actions is not None:
            actions.actions[key].trigger()


class WarningsPanel(QWidget):
    """Validation warnings and open 'to be checked' items; activating one selects its people."""

    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.model = WarningsModel(self)
        self.table = RecordTable(self.model, context, "Validation warnings")
        self.summary = QLabel()
        self.summary.setObjectName("warningsSummary")
        self.summary.setWordWrap(True)
        self.resolve = QPushButton("&Checked…")
        self.resolve.setObjectName("resolveCheck")
        self.resolve.setToolTip("Record what was found for the selected 'to be checked' item")
        self.resolve.clicked.connect(self.resolve_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.resolve)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.horizontalHeader().setStretchLastSection(True)
        context.record_changed.connect(self.refresh)
        context.session.warnings_changed.connect(lambda _: self.refresh(context.record))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh(context.record)

    def refresh(self, record: CaseRecord, *_: Any) -> None:
        warnings = self.context.session.warnings
        self.model.set_contents(record, warnings)
        checks = sum(1 for row in self.model.rows if row.kind == "To be checked")
        self.summary.setText(f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}, "
                             f"{checks} item{'s' if checks != 1 else ''} to be checked")
        self.table.resizeColumnToContents(0)
        self._update_buttons()

    def _selected_check(self) -> VerificationItem | None:
        rows = self.table.selected_rows()
        if len(rows) != 1:
            return None
        return self.context.record.get(VerificationItem, self.model.row_at(rows[0]).id)

    def _update_buttons(self, *_: Any) -> None:
        self.resolve.setEnabled(self._selected_check() is not None)

    def resolve_selected(self) -> None:
        item = self._selected_check()
        if item is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, "Checked", f"What was found?\n\n{item.description}")
        if not ok or not text.strip():
            return
        resolved = replace(item, status=VerificationStatus.RESOLVED, resolved_on=date.today(),
                           resolution=text.strip())
        self.context.apply(editing.update_entity(self.context.record, resolved, f"Checked: {item.topic}"))


def _history(context: PanelContext) -> QWidget:
    view = QUndoView(context.undo_stack)
    view.setEmptyLabel("Case opened")
    view.setObjectName("History")
    view.setAccessibleName("History of changes (click a step to go back to it)")
    return view


BUILTIN_PANELS = (
    PanelSpec("people", "People", PeoplePanel, "left", "Alt+1"),
    PanelSpec("relationships", "Relationships", RelationshipsPanel, "bottom", "Alt+2"),
    PanelSpec("households", "Households", HouseholdsPanel, "bottom", "Alt+3"),
    PanelSpec("warnings", "Validation warnings", WarningsPanel, "bottom", "Alt+4"),
    PanelSpec("history", "History", _history, "left", "Alt+5", visible_by_default=False),
)

__all__ = ["BUILTIN_PANELS"]
