"""Risk factors per person: a table (all people, or the selected person) and the add/edit dialog.

Every factor asks where it came from (the shared provenance widget), so the record always shows which
facts rest only on self-report. Domestic abuse drawn on the genogram as an abuse link also shows here
(marked 'from the genogram'); it is edited on the genogram.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from genorisk.domain.risk import CriminalBasis, RiskCategory, RiskFactor, RiskStatus
from genorisk.risk.facts import RiskFact, risk_facts
from genorisk.ui.dialogs.family import CommandDialog
from genorisk.ui.dialogs.fields import DateField, FormError, enum_combo
from genorisk.ui.panels import PanelContext
from genorisk.ui.risk.common import Table

ALL_PEOPLE = "__all__"


class RiskFactorDialog(CommandDialog):
    """Add or edit one risk factor (one named command)."""

    def __init__(self, record: CaseRecord, person_id: str | None = None, factor: RiskFactor | None = None,
                 user: str = "", parent: QWidget | None = None) -> None:
        title = "Edit risk factor" if factor else "Add risk factor"
        super().__init__(title, "Save", record, user, parent)
        self.setObjectName("riskFactorDialog")
        self.factor = factor
        self.person = QComboBox()
        self.person.setObjectName("riskFactorPerson")
        for person in record.people:
            if person.pregnancy is None:
                self.person.addItem(person.display_name, person.id)
        chosen = factor.person_id if factor else person_id
        if chosen:
            self.person.setCurrentIndex(max(self.person.findData(chosen), 0))
        self.category = enum_combo(RiskCategory, factor.category if factor else None, "riskFactorCategory")
        self.status = enum_combo(RiskStatus, factor.status if factor else RiskStatus.CURRENT, "riskFactorStatus")
        self.basis = enum_combo(CriminalBasis, factor.criminal_basis if factor else None, "riskFactorBasis")
        self.start = DateField("From", factor.start if factor else None)
        self.start.setObjectName("riskFactorStart")
        self.end = DateField("To", factor.end if factor else None)
        self.end.setObjectName("riskFactorEnd")
        self.relationship = QComboBox()
        self.relationship.setObjectName("riskFactorRelationship")
        self.notes = QPlainTextEdit(factor.notes if factor else "")
        self.notes.setObjectName("riskFactorNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.provenance = self.provenance_widget("Where this comes from")
        if factor is not None:
            self.provenance.set_value(factor.provenance)
        form = QFormLayout()
        form.addRow("&Person:", self.person)
        form.addRow("&Risk factor:", self.category)
        form.addRow("Stat&us:", self.status)
        form.addRow("Conviction or &allegation:", self.basis)
        form.addRow("&From:", self.start)
        form.addRow("&To:", self.end)
        form.addRow("In the relationship &with:", self.relationship)
        form.addRow("&Notes:", self.notes)
        self.body.addLayout(form)
        self.body.addWidget(self.provenance)
        self.person.currentIndexChanged.connect(self._relationships)
        self.category.currentIndexChanged.connect(self._basis_enabled)
        self._relationships()
        if factor and factor.related_partnership_id:
            self.relationship.setCurrentIndex(max(self.relationship.findData(factor.related_partnership_id), 0))
        self._basis_enabled()

    def _relationships(self) -> None:
        self.relationship.clear()
        self.relationship.addItem("Not about a particular relationship", None)
        person_id = self.person.currentData()
        for union in self.record.partnerships_of(person_id) if person_id else ():
            partner = self.record.name_of(union.partner_of(person_id))
            state = "current" if union.is_current else union.status.label.lower()
            self.relationship.addItem(f"{partner} ({union.dates.display()}, {state})", union.id)

    def _basis_enabled(self) -> None:
        value = self.category.currentData()
        criminal = value is not None and RiskCategory(value).is_criminality
        self.basis.setEnabled(criminal)

    def build(self) -> Command:
        if self.category.currentData() is None:
            raise FormError("Choose the risk factor.", self.category)
        category = RiskCategory(self.category.currentData())
        basis = CriminalBasis(self.basis.currentData()) if category.is_criminality else None
        factor = RiskFactor(
            id=self.factor.id if self.factor else new_id(), case_id=self.record.case.id,
            person_id=self.person.currentData(), category=category, status=RiskStatus(self.status.currentData()),
            criminal_basis=basis, start=self.start.value(), end=self.end.value(),
            provenance=self.provenance.value(), related_partnership_id=self.relationship.currentData(),
            notes=self.notes.toPlainText().strip(),
        )
        name = self.record.name_of(factor.person_id)
        verb = "Edit" if self.factor else "Add"
        return Command(f"{verb} risk factor for {name}: {category.label}", (Put(factor, self.factor),))


class RiskFactorsPanel(QWidget):
    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("riskFactorsPanel")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.person = QComboBox()
        self.person.setObjectName("riskFactorsPerson")
        self.person.setAccessibleName("Whose risk factors")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter…")
        self.search.setObjectName("riskFactorsFilter")
        person_label = QLabel("&Person:")
        person_label.setBuddy(self.person)  # Alt+P reaches the list, and the "&" is not shown
        top.addWidget(person_label)
        top.addWidget(self.person, 1)
        top.addWidget(self.search)
        layout.addLayout(top)
        self.table = Table(("Person", "Risk factor", "Status", "Dates", "Source", "Notes"), "risk_factors_table",
                           widths={"Person": 110, "Risk factor": 190, "Status": 90})
        layout.addWidget(self.table, 1)
        self.note = QLabel("Facts resting only on self-report are marked ⚠. Domestic abuse drawn on the genogram "
                           "is listed too (edit it there).")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add…")
        self.add_button.setObjectName("riskFactorAdd")
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setObjectName("riskFactorEdit")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setObjectName("riskFactorRemove")
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.person.currentIndexChanged.connect(self._fill)
        self.search.textChanged.connect(self.table.proxy.setFilterFixedString)
        context.record_changed.connect(lambda record, _touched: self.refresh(record))
        context.selection_changed.connect(self._follow_selection)
        self.refresh(context.record)

    def refresh(self, record: CaseRecord) -> None:
        self.record = record
        current = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem("Everyone", ALL_PEOPLE)
        for person in record.people:
            if person.pregnancy is None:
                self.person.addItem(person.display_name, person.id)
        self.person.setCurrentIndex(max(self.person.findData(current), 0))
        self.person.blockSignals(False)
        self._fill()

    def _follow_selection(self, person_ids: tuple[str, ...]) -> None:
        if len(person_ids) == 1:
            self.person.setCurrentIndex(max(self.person.findData(person_ids[0]), 0))

    def facts(self) -> list[RiskFact]:
        wanted = self.person.currentData()
        return [f for f in risk_facts(self.record, date.today()) if wanted in (ALL_PEOPLE, None, f.person_id)]

    def _fill(self) -> None:
        rows = []
        for fact in self.facts():
            source = fact.source_text() + (" (from the genogram)" if fact.from_link else "")
            warn = "⚠ " if fact.self_report_only else ""
            dates = fact.dates.display()
            sort_date = fact.start.midpoint() if fact.start else date.min
            factor = self.record.get(RiskFactor, fact.id)
            rows.append((fact.id, [
                (self.record.name_of(fact.person_id), self.record.name_of(fact.person_id), ""),
                (fact.category.label, fact.category.value, fact.description),
                (fact.status.label, fact.status.value, ""),
                (dates, sort_date, ""),
                (warn + source, source, source),
                (factor.notes if factor else "", "", factor.notes if factor else ""),
            ]))
        self.table.fill(rows)

    def selected_factor(self) -> RiskFactor | None:
        fact_id = self.table.current_id()
        return self.record.get(RiskFactor, fact_id) if fact_id else None

    def add(self) -> None:
        person = self.person.currentData()
        dialog = RiskFactorDialog(self.record, None if person == ALL_PEOPLE else person, user=self.context.user,
                                  parent=self)
        if dialog.exec() and dialog.command is not None:
            self.context.apply(dialog.command)

    def edit(self) -> None:
        factor = self.selected_factor()
        if factor is None:
            if self.table.current_id():
                QMessageBox.information(self, "Edit on the genogram",
                                        "This comes from an abuse link drawn on the genogram: edit it there.")
            return
        dialog = RiskFactorDialog(self.record, factor=factor, user=self.context.user, parent=self)
        if dialog.exec() and dialog.command is not None:
            self.context.apply(dialog.command)

    def remove(self) -> None:
        factor = self.selected_factor()
        if factor is None:
            return
        name = f"risk factor {factor.category.label} for {self.record.name_of(factor.person_id)}"
        answer = QMessageBox.question(self, "Remove risk factor", f"Remove the {name}? You can undo this.")
        if answer == QMessageBox.StandardButton.Yes:
            self.context.apply(editing.remove_entity(self.record, factor.id, f"Remove {name}"))

