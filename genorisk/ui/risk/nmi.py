"""The health visitor's fast path: an injury or mark on a baby or young child.

Open it with :func:`open_nmi_dialog` (from the case list, two clicks: choose the case, then "Injury to a
baby…") or from a case's panels. Step 1 asks only what decides the route: the child (age from the
date of birth), what was seen, mobility, whether a health practitioner has already documented a
medical cause, and whether the child is unwell now. For a baby who is not independently mobile with
no documented medical cause, Next goes STRAIGHT to the referral step, with the mandated actions:
refer to Children's Social Care today, whatever the explanation, and arrange a same-day paediatric
assessment. The body map, the explanation in the carer's own words and the other details follow.

The record can be saved as a draft at any point (the R1 prompt then stays open and blocking), but it
cannot be completed without a referral reference and time, or a manager-approved documented reason.
A TEN-4-FACESp-negative result is never shown as reassurance.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.commands import Command, Put
from genorisk.domain.entities import Person, new_id
from genorisk.domain.family_graph import household_children, households_of
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import MarkType, Mobility, NmiInjury
from genorisk.risk.facts import is_child
from genorisk.risk.nmi import (
    NmiAssessment,
    NmiProtocol,
    age_in_months,
    assess_injury,
    complete_injury,
    completion_problems,
    describe_age,
    load_nmi_protocol,
)
from genorisk.store.repository import Store
from genorisk.ui.dialogs.fields import qt_datetime
from genorisk.ui.risk.bodymap import BodyMapWidget

STEP_CHILD, STEP_REFERRAL, STEP_MAP, STEP_EXPLANATION = range(4)
STEP_TITLES = ("Child and what was seen", "Referral (required action)", "Body map", "Explanation and details")


def _now() -> QDateTime:
    return QDateTime.currentDateTime()


def _aware(edit: QDateTimeEdit) -> datetime:
    value = edit.dateTime().toPython()
    assert isinstance(value, datetime)
    return value.astimezone()


class NmiDialog(QDialog):
    """Record an injury or mark; ``command`` holds the one command to apply when accepted."""

    def __init__(self, record: CaseRecord, child_id: str | None = None, user: str = "",
                 existing: NmiInjury | None = None, protocol: NmiProtocol | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.user = user
        self.protocol = protocol or load_nmi_protocol()
        self.existing = existing
        self.injury_id = existing.id if existing else new_id()
        self.command: Command | None = None
        self.setWindowTitle("Injury or mark on a baby or young child")
        self.setAccessibleName("Injury or mark on a baby or young child")
        self.setObjectName("nmiDialog")
        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setObjectName("nmiBanner")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Required action")
        self.banner.setStyleSheet("QLabel { border: 3px solid palette(text); padding: 8px; font-weight: bold; }")
        self.banner.hide()
        outer.addWidget(self.banner)
        middle = QHBoxLayout()
        self.steps = QListWidget()
        self.steps.setObjectName("nmiSteps")
        self.steps.setAccessibleName("Steps")
        self.steps.setMaximumWidth(260)
        self.steps.setWordWrap(True)
        middle.addWidget(self.steps)
        self.pages = QStackedWidget()
        middle.addWidget(self.pages, 1)
        outer.addLayout(middle, 1)
        # Each page scrolls, so the buttons stay on screen on a 1366 x 768 laptop, whatever a page holds.
        for page in (self._child_page(), self._referral_page(), self._map_page(), self._explanation_page()):
            self.pages.addWidget(_scrolling(page))
        self.error = QLabel()
        self.error.setObjectName("nmiProblems")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("What is still needed")
        outer.addWidget(self.error)
        buttons = QHBoxLayout()
        self.back_button = QPushButton("< &Back")
        self.back_button.setObjectName("nmiBack")
        self.next_button = QPushButton("&Next >")
        self.next_button.setObjectName("nmiNext")
        self.draft_button = QPushButton("Save &draft")
        self.draft_button.setObjectName("nmiSaveDraft")
        self.draft_button.setToolTip("Save without completing: the prompt stays open until the referral is recorded")
        self.complete_button = QPushButton("&Complete record")
        self.complete_button.setObjectName("nmiComplete")
        cancel = QPushButton("Cancel")
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.complete_button)
        buttons.addWidget(cancel)
        outer.addLayout(buttons)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.draft_button.clicked.connect(self.save_draft)
        self.complete_button.clicked.connect(self.complete)
        cancel.clicked.connect(self.reject)
        self.steps.currentRowChanged.connect(self._step_chosen)
        if existing is not None:
            self._load(existing)
        elif child_id:
            self.child.setCurrentIndex(max(self.child.findData(child_id), 0))
        self._history: list[int] = []
        self._refresh()
        self._show(STEP_CHILD)
        self.resize(980, 640)
        self.child.setFocus()  # the first thing to answer: which child

    # --- pages ----------------------------------------------------------------------------------------
    def _child_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.child = QComboBox()
        self.child.setObjectName("nmiChild")
        self.child.setAccessibleName("Child")
        today = date.today()
        for person in _children_youngest_first(self.record, today):
            self.child.addItem(person.display_name, person.id)
        self.age = QLabel()
        self.age.setObjectName("nmiAge")
        form.addRow("&Child:", self.child)
        form.addRow("Age:", self.age)
        self.seen_at = QDateTimeEdit(_now())
        self.seen_at.setObjectName("nmiSeenAt")
        self.seen_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.seen_at.setCalendarPopup(True)
        self.seen_where = QLineEdit()
        self.seen_where.setObjectName("nmiSeenWhere")
        self.seen_where.setPlaceholderText("e.g. home visit, clinic")
        form.addRow("&Seen on:", self.seen_at)
        form.addRow("Seen &where:", self.seen_where)
        marks = QGroupBox("Type of mark or injury (tick all that apply)")
        marks_layout = QVBoxLayout(marks)
        self.marks: dict[MarkType, QCheckBox] = {}
        for mark in MarkType:
            check = QCheckBox(mark.label)
            check.setObjectName(f"nmiMark_{mark.value}")
            marks_layout.addWidget(check)
            self.marks[mark] = check
        form.addRow(marks)
        mobility = QGroupBox("Mobility: what can the child do? (tick all that apply)")
        mobility_layout = QVBoxLayout(mobility)
        self.mobility: dict[Mobility, QCheckBox] = {}
        for milestone in Mobility:
            check = QCheckBox(milestone.label)
            check.setObjectName(f"nmiMobility_{milestone.value}")
            mobility_layout.addWidget(check)
            self.mobility[milestone] = check
        self.disability = QCheckBox("A disability limits the child's mobility")
        self.disability.setObjectName("nmiDisability")
        mobility_layout.addWidget(self.disability)
        mobility_layout.addWidget(QLabel("Rolling alone is not independent mobility."))
        form.addRow(mobility)
        self.medical = QCheckBox("A health practitioner has ALREADY documented a medical cause "
                                 "(e.g. a birthmark or birth injury)")
        self.medical.setObjectName("nmiMedicalCause")
        self.medical.setToolTip(self.protocol.medical_cause_help)
        self.medical_detail = QLineEdit()
        self.medical_detail.setObjectName("nmiMedicalDetail")
        self.medical_detail.setPlaceholderText("Who documented it, where and when")
        form.addRow(self.medical)
        form.addRow("Documented by:", self.medical_detail)
        self.unwell = QCheckBox("The child is unwell now")
        self.unwell.setObjectName("nmiUnwell")
        form.addRow(self.unwell)
        for widget in (*self.marks.values(), *self.mobility.values(), self.disability, self.medical, self.unwell):
            widget.toggled.connect(self._refresh)
        self.child.currentIndexChanged.connect(self._refresh)
        self.seen_at.dateTimeChanged.connect(self._refresh)
        return page

    def _referral_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.actions_label = QLabel()
        self.actions_label.setObjectName("nmiActions")
        self.actions_label.setWordWrap(True)
        layout.addWidget(self.actions_label)
        contacts = QLabel(f"{self.protocol.referral_contact}\n{self.protocol.paediatric_contact}")
        contacts.setWordWrap(True)
        layout.addWidget(contacts)
        referral = QGroupBox("Referral to Children's Social Care")
        form = QFormLayout(referral)
        self.referral_reference = QLineEdit()
        self.referral_reference.setObjectName("nmiReferralReference")
        self.referral_reference.setAccessibleName("Referral reference")
        self.referral_made = QCheckBox("Referral made")
        self.referral_made.setObjectName("nmiReferralMade")
        self.referral_at = QDateTimeEdit(_now())
        self.referral_at.setObjectName("nmiReferralAt")
        self.referral_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.referral_at.setEnabled(False)
        self.referral_made.toggled.connect(self.referral_at.setEnabled)
        self.paediatric = QLineEdit()
        self.paediatric.setObjectName("nmiPaediatric")
        self.paediatric.setPlaceholderText("What was arranged: who, where, when")
        form.addRow("Referral &reference:", self.referral_reference)
        row = QHBoxLayout()
        row.addWidget(self.referral_made)
        row.addWidget(QLabel("at"))
        row.addWidget(self.referral_at)
        form.addRow(row)
        form.addRow("Same-day &paediatric assessment:", self.paediatric)
        self.parents = QComboBox()
        self.parents.setObjectName("nmiParentsInformed")
        self.parents.addItem("Not yet", None)
        self.parents.addItem("Yes, parents told about the referral", True)
        self.parents.addItem("No: telling them would increase the risk", False)
        self.parents_reason = QLineEdit()
        self.parents_reason.setObjectName("nmiParentsReason")
        form.addRow("Parents informed:", self.parents)
        form.addRow("If not, why:", self.parents_reason)
        layout.addWidget(referral)
        manager = QGroupBox("OR: no referral, with a documented reason approved by a manager")
        manager.setObjectName("nmiManagerBox")
        manager_form = QFormLayout(manager)
        self.manager_reason = QPlainTextEdit()
        self.manager_reason.setObjectName("nmiManagerReason")
        self.manager_reason.setTabChangesFocus(True)
        self.manager_reason.setFixedHeight(60)
        self.manager_name = QLineEdit()
        self.manager_name.setObjectName("nmiManagerName")
        self.manager_approved = QCheckBox("Approved")
        self.manager_approved.setObjectName("nmiManagerApproved")
        self.manager_at = QDateTimeEdit(_now())
        self.manager_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.manager_at.setObjectName("nmiManagerAt")
        manager_form.addRow("Documented reason:", self.manager_reason)
        manager_form.addRow("Manager:", self.manager_name)
        approved = QHBoxLayout()
        approved.addWidget(self.manager_approved)
        approved.addWidget(QLabel("at"))
        approved.addWidget(self.manager_at)
        manager_form.addRow(approved)
        layout.addWidget(manager)
        layout.addStretch(1)
        return page

    def _map_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.body_map = BodyMapWidget(self.protocol)
        self.body_map.changed.connect(self._refresh)
        layout.addWidget(self.body_map, 1)
        details = QFormLayout()
        self.patterned = QCheckBox("Patterned (e.g. hand, bite, loop, cord or implement)")
        self.patterned.setObjectName("nmiPatterned")
        self.patterned.toggled.connect(self._refresh)
        self.mark_size = QLineEdit()
        self.mark_size.setObjectName("nmiSize")
        self.mark_size.setPlaceholderText("e.g. 1 cm × 0.5 cm")
        self.colour = QLineEdit()
        self.colour.setObjectName("nmiColour")
        self.colour.setPlaceholderText("describe; colour cannot date a bruise")
        self.number = QSpinBox()
        self.number.setObjectName("nmiNumber")
        self.number.setRange(1, 99)
        details.addRow(self.patterned)
        details.addRow("Size:", self.mark_size)
        details.addRow("Colour:", self.colour)
        details.addRow("Number of marks:", self.number)
        layout.addLayout(details)
        return page

    def _explanation_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.explanation = QPlainTextEdit()
        self.explanation.setObjectName("nmiExplanation")
        self.explanation.setTabChangesFocus(True)
        self.explanation.setPlaceholderText("Exactly what was said, in their words (or 'no explanation given')")
        self.explanation_by = QComboBox()
        self.explanation_by.setObjectName("nmiExplanationBy")
        self.explanation_by.setEditable(True)
        self.explanation_by.addItems([p.display_name for p in self.record.people if p.pregnancy is None])
        self.explanation_by.setCurrentText("")
        self.explanation_at = QDateTimeEdit(_now())
        self.explanation_at.setObjectName("nmiExplanationAt")
        self.explanation_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("nmiNotes")
        self.notes.setTabChangesFocus(True)
        siblings = QLabel(self._siblings_text())
        siblings.setWordWrap(True)
        form.addRow("Explanation (&verbatim):", self.explanation)
        form.addRow("Given &by:", self.explanation_by)
        form.addRow("Given at:", self.explanation_at)
        form.addRow("Other children in the household:", siblings)
        form.addRow("Notes:", self.notes)
        return page

    def _siblings_text(self) -> str:
        child = self.child.currentData()
        today = date.today()
        names = []
        for household in households_of(self.record, child, today) if child else ():
            names += [self.record.name_of(c.person_id) for c in household_children(self.record, household, today)
                      if c.person_id != child]
        return ", ".join(dict.fromkeys(names)) or "None recorded: ask, and record them."

    # --- reading the form --------------------------------------------------------------------------------
    def injury(self, completed: bool = False) -> NmiInjury:
        """The record as typed (not completed unless asked; completion is checked by the domain)."""
        child_id = self.child.currentData()
        if not child_id:
            raise ValueError("Choose the child.")
        referral_made = self.referral_made.isChecked()
        approved = self.manager_approved.isChecked()
        return NmiInjury(
            id=self.injury_id, case_id=self.record.case.id, child_id=child_id, seen_at=_aware(self.seen_at),
            seen_where=self.seen_where.text().strip(), recorded_by=self.user or "not recorded",
            mobility=tuple(m for m, c in self.mobility.items() if c.isChecked()),
            mobility_limited_by_disability=self.disability.isChecked(),
            mark_types=tuple(m for m, c in self.marks.items() if c.isChecked()),
            regions=self.body_map.regions(), patterned=self.patterned.isChecked(), size=self.mark_size.text().strip(),
            colour=self.colour.text().strip(), number_of_marks=self.number.value(),
            explanation_verbatim=self.explanation.toPlainText().strip(),
            explanation_given_by=self.explanation_by.currentText().strip(),
            explanation_given_at=_aware(self.explanation_at) if self.explanation.toPlainText().strip() else None,
            medical_cause_documented=self.medical.isChecked(), medical_cause_detail=self.medical_detail.text().strip(),
            unwell_now=self.unwell.isChecked(), parents_informed=self.parents.currentData(),
            parents_not_informed_reason=self.parents_reason.text().strip(),
            referral_reference=self.referral_reference.text().strip(),
            referral_made_at=_aware(self.referral_at) if referral_made else None,
            paediatric_assessment=self.paediatric.text().strip(),
            manager_reason=self.manager_reason.toPlainText().strip(),
            manager_name=self.manager_name.text().strip(),
            manager_approved_at=_aware(self.manager_at) if approved else None,
            completed=completed, completed_at=datetime.now().astimezone() if completed else None,
            notes=self.notes.toPlainText().strip(),
        )

    def _load(self, injury: NmiInjury) -> None:
        self.child.setCurrentIndex(max(self.child.findData(injury.child_id), 0))
        self.seen_at.setDateTime(qt_datetime(injury.seen_at))
        self.seen_where.setText(injury.seen_where)
        for mark, check in self.marks.items():
            check.setChecked(mark in injury.mark_types)
        for milestone, check in self.mobility.items():
            check.setChecked(milestone in injury.mobility)
        self.disability.setChecked(injury.mobility_limited_by_disability)
        self.medical.setChecked(injury.medical_cause_documented)
        self.medical_detail.setText(injury.medical_cause_detail)
        self.unwell.setChecked(injury.unwell_now)
        self.body_map.set_selected(injury.regions)
        self.patterned.setChecked(injury.patterned)
        self.mark_size.setText(injury.size)
        self.colour.setText(injury.colour)
        self.number.setValue(injury.number_of_marks)
        self.explanation.setPlainText(injury.explanation_verbatim)
        self.explanation_by.setCurrentText(injury.explanation_given_by)
        if injury.explanation_given_at:
            self.explanation_at.setDateTime(qt_datetime(injury.explanation_given_at))
        self.parents.setCurrentIndex(max(self.parents.findData(injury.parents_informed), 0))
        self.parents_reason.setText(injury.parents_not_informed_reason)
        self.referral_reference.setText(injury.referral_reference)
        if injury.referral_made_at:
            self.referral_made.setChecked(True)
            self.referral_at.setDateTime(qt_datetime(injury.referral_made_at))
        self.paediatric.setText(injury.paediatric_assessment)
        self.manager_reason.setPlainText(injury.manager_reason)
        self.manager_name.setText(injury.manager_name)
        if injury.manager_approved_at:
            self.manager_approved.setChecked(True)
            self.manager_at.setDateTime(qt_datetime(injury.manager_approved_at))
        self.notes.setPlainText(injury.notes)

    # --- the route ----------------------------------------------------------------------------------------
    def assessment(self) -> NmiAssessment | None:
        child = self.record.get(Person, self.child.currentData() or "")
        if child is None:
            return None
        return assess_injury(self.injury(), child, self.protocol)

    def order(self) -> list[int]:
        """The steps in order: straight to the referral when the protocol mandates it."""
        assessment = self.assessment()
        if assessment is not None and (assessment.mandated or assessment.unwell_now):
            return [STEP_CHILD, STEP_REFERRAL, STEP_MAP, STEP_EXPLANATION]
        return [STEP_CHILD, STEP_MAP, STEP_EXPLANATION, STEP_REFERRAL]

    def _refresh(self) -> None:
        child = self.record.get(Person, self.child.currentData() or "")
        if child is not None:
            months = age_in_months(child, _aware(self.seen_at).date())
            born = f" (born {child.date_of_birth.display()})" if child.date_of_birth else ""
            self.age.setText(describe_age(months) + born)
        assessment = self.assessment()
        if assessment is None:
            return
        if assessment.mandated or assessment.high_risk_bruise or assessment.unwell_now:
            lines = [assessment.banner()]
            if assessment.unwell_now:
                lines.insert(0, self.protocol.unwell_now_action)
            self.banner.setText("\n".join(lines))
            self.banner.show()
        else:
            self.banner.hide()
        reasons = "; ".join(assessment.mobility_reasons)
        heading = ("Not independently mobile: " + reasons + "." if assessment.not_independently_mobile
                   else "Independently mobile.")
        self.actions_label.setText(heading + "\n\nActions:\n" + "\n".join(f"• {a}" for a in assessment.actions)
                             if assessment.actions else heading + "\n\nRecord the referral, or a manager-approved "
                             "documented reason, to complete this record.")
        self.steps.blockSignals(True)
        self.steps.clear()
        for number, step in enumerate(self.order(), start=1):
            self.steps.addItem(f"{number}. {STEP_TITLES[step]}")
        self.steps.setCurrentRow(self.order().index(self.pages.currentIndex()))
        self.steps.blockSignals(False)

    def _show(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        order = self.order()
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(order.index(step))
        self.steps.blockSignals(False)
        position = order.index(step)
        self.back_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(order) - 1)

    def _step_chosen(self, row: int) -> None:
        if 0 <= row < len(self.order()):
            self._show(self.order()[row])

    @property
    def current_step(self) -> int:
        return self.pages.currentIndex()

    def go_next(self) -> None:
        order = self.order()
        position = order.index(self.current_step)
        if self.current_step == STEP_CHILD and not any(c.isChecked() for c in self.marks.values()):
            self.error.setText("⚠ Say what kind of mark or injury was seen.")
            return
        self.error.clear()
        if position < len(order) - 1:
            self._show(order[position + 1])

    def go_back(self) -> None:
        order = self.order()
        position = order.index(self.current_step)
        if position > 0:
            self._show(order[position - 1])

    # --- saving ------------------------------------------------------------------------------------------
    def save_draft(self) -> None:
        try:
            injury = self.injury()
        except ValueError as error:
            self.error.setText(f"⚠ {error}")
            return
        old = self.record.get(NmiInjury, injury.id)
        child = self.record.name_of(injury.child_id)
        self.command = Command(f"Record injury to {child} (draft)", (Put(injury, old),))
        self.accept()

    def complete(self) -> None:
        try:
            injury = self.injury()
        except ValueError as error:
            self.error.setText(f"⚠ {error}")
            return
        problems = completion_problems(injury)
        if problems:
            self.error.setText("The record cannot be completed yet:\n⚠ " + "\n⚠ ".join(problems))
            if not (injury.has_referral or injury.has_manager_reason):
                self._show(STEP_REFERRAL)
            elif not injury.explanation_verbatim:
                self._show(STEP_EXPLANATION)
            return
        self.command = complete_injury(self.record, injury, self.user or "not recorded",
                                       datetime.now().astimezone(), self.protocol)
        self.accept()


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def open_nmi_dialog(parent: QWidget | None, store: Store, case_id: str, child_id: str | None = None,
                    user: str = "", apply: Callable[[Command], bool] | None = None,
                    existing_id: str | None = None) -> bool:
    """Open the injury record for a case (from the case list or a panel); True if something was saved.

    ``apply`` is the open case's session (``PanelContext.apply``) when there is one, so the change
    joins its undo history; otherwise the command is applied to the store directly.
    """
    record = store.load(case_id)
    existing = record.get(NmiInjury, existing_id) if existing_id else None
    dialog = NmiDialog(record, child_id, user or store.user, existing, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.command is None:
        return False
    if apply is not None:
        return apply(dialog.command)
    store.apply(dialog.command)
    return True


def default_child(record: CaseRecord) -> str | None:
    """The youngest subject child (else the youngest child): who the fast path opens on."""
    children = _children_youngest_first(record, date.today())
    return children[0].id if children else None


def _children_youngest_first(record: CaseRecord, today: date) -> list[Person]:
    """Children of the case, subject children first, youngest first."""
    children = [p for p in record.people if p.pregnancy is None and is_child(p, today)]
    return sorted(children, key=lambda p: (not p.is_subject_child,
                                           -(p.date_of_birth.earliest().toordinal() if p.date_of_birth else 0)))

