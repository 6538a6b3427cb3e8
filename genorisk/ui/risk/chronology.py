"""The chronology: a sortable table of dated events (and the assessments and injury records that
belong in it), with the dialog to add or edit an event. Each event names its people, its risk
categories and its source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain import editing
from genorisk.domain.commands import Command, Put
from genorisk.domain.entities import new_id
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import ChronologyEvent, EventKind, RiskCategory
from genorisk.risk.chronology import chronology_rows
from genorisk.ui.dialogs.family import CommandDialog
from genorisk.ui.dialogs.fields import DateField, FormError, enum_combo
from genorisk.ui.panels import PanelContext
from genorisk.ui.risk.common import Table


class ChronologyEventDialog(CommandDialog):
    def __init__(self, record: CaseRecord, event: ChronologyEvent | None = None, user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__("Edit event" if event else "Add event to the chronology", "Save", record, user, parent)
        self.setObjectName("chronologyEventDialog")
        self.original = event
        self.day = DateField("Date", event.date if event else None, required=True)
        self.day.setObjectName("eventDate")
        self.kind = enum_combo(EventKind, event.kind if event else EventKind.INCIDENT, "eventKind")
        self.description = QPlainTextEdit(event.description if event else "")
        self.description.setObjectName("eventDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(80)
        self.people = QListWidget()
        self.people.setObjectName("eventPeople")
        self.people.setAccessibleName("People involved")
        for person in record.people:
            if person.pregnancy is None:
                item = QListWidgetItem(person.display_name)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = event is not None and person.id in event.person_ids
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.people.addItem(item)
        self.categories = QListWidget()
        self.categories.setObjectName("eventCategories")
        self.categories.setAccessibleName("Risk categories")
        for category in RiskCategory:
            item = QListWidgetItem(category.label)
            item.setData(Qt.ItemDataRole.UserRole, category)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = event is not None and category in event.categories
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.provenance = self.provenance_widget("Source of this event")
        if event is not None:
            self.provenance.set_value(event.provenance)
        form = QFormLayout()
        form.addRow("&Date:", self.day)
        form.addRow("&Kind:", self.kind)
        form.addRow("&What happened:", self.description)
        form.addRow("&People:", self.people)
        form.addRow("Risk &categories:", self.categories)
        self.body.addLayout(form)
        self.body.addWidget(self.provenance)

    @staticmethod
    def _checked(widget: QListWidget) -> list[object]:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def build(self) -> Command:
        day = self.day.value()
        assert day is not None
        description = self.description.toPlainText().strip()
        if not description:
            raise FormError("Say what happened.", self.description)
        event = ChronologyEvent(
            id=self.original.id if self.original else new_id(), case_id=self.record.case.id, date=day,
            kind=EventKind(self.kind.currentData()), person_ids=tuple(str(p) for p in self._checked(self.people)),
            categories=tuple(RiskCategory(str(c)) for c in self._checked(self.categories)),
            description=description, provenance=self.provenance.value(),
        )
        verb = "Edit" if self.original else "Add"
        return Command(f"{verb} chronology event: {event.kind.label.lower()} on {day.display()}",
                       (Put(event, self.original),))


class ChronologyPanel(QWidget):
    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("chronologyPanel")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("chronologyFilter")
        self.search.setPlaceholderText("Filter by any word: a name, a kind, a source…")
        self.search.setAccessibleName("Filter the chronology")
        filter_label = QLabel("&Filter:")
        filter_label.setBuddy(self.search)
        top.addWidget(filter_label)
        top.addWidget(self.search, 1)
        layout.addLayout(top)
        self.table = Table(("Date", "Kind", "People", "Risk categories", "What happened", "Source"),
                           "chronology_table", stretch="What happened")
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add event…")
        self.add_button.setObjectName("chronologyAdd")
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setObjectName("chronologyEdit")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setObjectName("chronologyRemove")
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.table.proxy.setFilterFixedString)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        context.record_changed.connect(lambda record, _touched: self.refresh(record))
        self.refresh(context.record)

    def refresh(self, record: CaseRecord) -> None:
        self.record = record
        rows = []
        for row in chronology_rows(record):
            people = ", ".join(record.name_of(p) for p in row.people)
            rows.append((row.id, [(row.when, row.day, ""), (row.kind, row.kind, ""), (people, people, people),
                                  (row.categories, row.categories, ""),
                                  (row.description, row.description, row.description),
                                  (row.source, row.source, row.source)]))
        self.table.fill(rows)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def add(self) -> None:
        dialog = ChronologyEventDialog(self.record, user=self.context.user, parent=self)
        if dialog.exec() and dialog.command is not None:
            self.context.apply(dialog.command)

    def _event(self) -> ChronologyEvent | None:
        row_id = self.table.current_id()
        return self.record.get(ChronologyEvent, row_id) if row_id else None

    def edit(self) -> None:
        event = self._event()
        if event is None:
            return
        dialog = ChronologyEventDialog(self.record, event, user=self.context.user, parent=self)
        if dialog.exec() and dialog.command is not None:
            self.context.apply(dialog.command)

    def remove(self) -> None:
        event = self._event()
        if event is None:
            return
        answer = QMessageBox.question(self, "Remove event", f"Remove the {event.summary}? You can undo this.")
        if answer == QMessageBox.StandardButton.Yes:
            self.context.apply(editing.remove_entity(self.record, event.id, f"Remove {event.summary}"))
