"""The New case wizard: builds a family in the order practitioners are asked to think about it.

Pages: the case (reference, title, status); 1) the subject child or children; 2) their parents;
3) EACH parent's previous partners and the children of those relationships — a parent cannot be
passed without an explicit answer: names, "None", or "Not known — to be checked" (which opens a
verification item, because reviews found previous relationships were missed); 4) the household and
regular visitors. Every fact asks its source. Finishing creates the whole case in ONE transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from shiboken6 import isValid

from genorisk.domain.editing import link_parent, new_partnership
from genorisk.domain.entities import (
    Case,
    Entity,
    Household,
    HouseholdMember,
    Person,
    StatusChange,
    VerificationItem,
    new_id,
)
from genorisk.domain.values import (
    CaseStatus,
    HouseholdRole,
    PartnershipKind,
    PartnershipStatus,
    PregnancyOutcome,
    Provenance,
    Sex,
    VerificationStatus,
)
from genorisk.store.repository import Store
from genorisk.ui.dialogs.fields import SEX_LABELS, DateField, FormError, ProvenanceWidget, enum_combo, select_data

log = logging.getLogger(__name__)

ANSWER_NAMES, ANSWER_NONE, ANSWER_UNKNOWN = "names", "none", "unknown"
PREVIOUS_PARTNERS_TOPIC = "Previous partners"


# --- small editors ---------------------------------------------------------------------------------
class PersonRow(QWidget):
    """One person on one line: given names, family name, sex, date of birth (and a remove button)."""

    removed = Signal(QWidget)

    def __init__(self, what: str, *, removable: bool = True, unborn: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.given = QLineEdit()
        self.given.setObjectName("givenNames")
        self.given.setPlaceholderText("Given names")
        self.given.setAccessibleName(f"{what}: given names")
        self.family = QLineEdit()
        self.family.setObjectName("familyName")
        self.family.setPlaceholderText("Family name")
        self.family.setAccessibleName(f"{what}: family name")
        self.sex = enum_combo(Sex, Sex.UNKNOWN, "sex", SEX_LABELS)
        self.sex.setAccessibleName(f"{what}: sex at birth")
        self.born = DateField(f"{what}: date of birth")
        self.born.setObjectName("dateOfBirth")
        self.born.setPlaceholderText("Born dd/mm/yyyy")
        self.unborn = QCheckBox("Unborn")
        self.unborn.setObjectName("unborn")
        self.unborn.setToolTip("An expected baby: type the due date as the date of birth")
        self.unborn.setVisible(unborn)
        self.allow_unborn = unborn
        layout.addWidget(self.given, 3)
        layout.addWidget(self.family, 3)
        layout.addWidget(self.sex, 2)
        layout.addWidget(self.born, 2)
        layout.addWidget(self.unborn)
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName(f"Remove this {what.lower()}")
        self.remove.setVisible(removable)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        layout.addWidget(self.remove)

    def is_empty(self) -> bool:
        return not (self.given.text().strip() or self.family.text().strip())

    def set_values(self, given: str, family: str = "", sex: Sex = Sex.UNKNOWN, born: str = "") -> None:
        self.given.setText(given)
        self.family.setText(family)
        select_data(self.sex, sex)
        self.born.setText(born)

    def person(self, case_id: str, **extra: object) -> Person | None:
        """The person typed, or None for an empty row; FormError if the date makes no sense."""
        if self.is_empty():
            return None
        unborn = self.allow_unborn and self.unborn.isChecked()  # (isVisible() is False on a page not shown)
        self.born.allow_future = unborn
        born = self.born.value()
        values: dict[str, object] = dict(
            given_names=self.given.text().strip(), family_name=self.family.text().strip(),
            sex=self.sex.currentData(), date_of_birth=born,
        )
        if unborn:
            values["pregnancy"] = PregnancyOutcome.PREGNANCY
        values.update(extra)
        return Person(id=new_id(), case_id=case_id, **values)  # type: ignore[arg-type]


class _ColumnHeadings(QWidget):
    """Names over the columns of a list of person rows, kept over the first row's fields wherever the
    row's layout puts them (pages may add their own fields to a row)."""

    TEXTS = ("Given names", "Family name", "Sex at birth", "Date of birth")

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("rowHeadings")
        self.labels = [QLabel(text, self) for text in self.TEXTS]
        for label in self.labels:
            label.setStyleSheet("QLabel { font-weight: bold; }")
        self.setMinimumHeight(max(label.sizeHint().height() for label in self.labels))
        self._row: PersonRow | None = None

    def follow(self, row: PersonRow | None) -> None:
        """Sit over ``row`` from now on (None: over nothing, e.g. when the last row was removed)."""
        if self._row is not None and isValid(self._row):
            self._row.removeEventFilter(self)
        self._row = row
        if row is not None:
            row.installEventFilter(self)
            row.destroyed.connect(self._row_destroyed)
            self.align()

    def _row_destroyed(self, *_: object) -> None:
        self._row = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._row and event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.align()
        return False

    def align(self) -> None:
        if self._row is None or not isValid(self._row):
            return
        fields = (self._row.given, self._row.family, self._row.sex, self._row.born)
        for label, under in zip(self.labels, fields, strict=True):
            label.setGeometry(under.x(), 0, max(under.width(), 10), self.minimumHeight())
            label.setToolTip(label.text())


class PeopleRows(QWidget):
    """A growing list of :class:`PersonRow` with an 'Add another' button."""

    def __init__(self, what: str, add_text: str, *, minimum: int = 1, unborn: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.unborn = unborn
        self.minimum = minimum
        self.rows: list[PersonRow] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.headings = _ColumnHeadings()  # placeholders vanish once typed: the columns keep their names
        self.layout_.addWidget(self.headings)
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("addRow")
        self.add_button.clicked.connect(lambda: self.add_row().given.setFocus())
        self.layout_.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        for _ in range(minimum):
            self.add_row()
        self._show_headings()

    def add_row(self) -> PersonRow:
        row = PersonRow(self.what, removable=len(self.rows) >= self.minimum, unborn=self.unborn)
        row.removed.connect(self._remove)
        self.layout_.insertWidget(self.layout_.indexOf(self.add_button), row)
        self.rows.append(row)
        self._show_headings()
        return row

    def _remove(self, row: QWidget) -> None:
        if row in self.rows:
            self.rows.remove(row)
            row.deleteLater()
        self._show_headings()

    def _show_headings(self) -> None:
        self.headings.setVisible(bool(self.rows))
        self.headings.follow(self.rows[0] if self.rows else None)

    def filled(self) -> list[PersonRow]:
        return [row for row in self.rows if not row.is_empty()]


# --- pages -----------------------------------------------------------------------------------------
def _scrolling(page: QWizardPage, content: QWidget) -> None:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)


class CasePage(QWizardPage):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setTitle("The case")
        self.setSubTitle("The reference names the case everywhere, including file names. Never use a child's "
                         "name as the reference.")
        self.reference = QLineEdit()
        self.reference.setObjectName("caseReference")
        self.reference.setAccessibleName("Case reference")
        self.reference.setPlaceholderText("e.g. CIN-2025-0142")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("caseTitle")
        self.title_edit.setAccessibleName("Case title")
        self.title_edit.setPlaceholderText("e.g. Smith family (unborn baby)")
        self.status = enum_combo(CaseStatus, CaseStatus.CHILD_IN_NEED, "caseStatus")
        self.status.setAccessibleName("Case status")
        self.lead = QLineEdit()
        self.lead.setObjectName("leadProfessional")
        self.lead.setAccessibleName("Lead professional")
        form = QFormLayout(self)
        for text, widget in (("&Reference:", self.reference), ("&Title:", self.title_edit),
                             ("&Status:", self.status), ("&Lead professional:", self.lead)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        overview = QLabel(
            "<p>Then, in order:</p><ol><li>the subject child or children;</li><li>their parents;</li>"
            "<li>each parent's previous partners and the children of those relationships (an answer is "
            "needed for every parent);</li><li>the household and regular visitors.</li></ol>"
            "<p>Each fact asks where it came from. Nothing is saved until you press <b>Finish</b>; then the "
            "whole case is saved at once, and you carry on from the genogram.</p>")
        overview.setWordWrap(True)
        overview.setObjectName("wizardOverview")
        form.addRow(overview)
        self.registerField("reference*", self.reference)

    def validatePage(self) -> bool:
        reference = self.reference.text().strip()
        if not reference:
            return False
        if any(case.reference == reference for case in self.store.list_cases()):
            QMessageBox.warning(self, "Reference in use", f"A case with reference '{reference}' already exists.")
            self.reference.setFocus()
            return False
        return True


class SubjectChildrenPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("1. The subject child or children")
        self.setSubTitle("The child (or children) this case is about. Tick 'Unborn' for an expected baby and "
                         "type the due date.")
        self.child_rows = PeopleRows("Subject child", "Add another &child", unborn=True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.child_rows)
        layout.addStretch(1)
        _scrolling(self, content)
        for row in self.child_rows.rows:
            row.given.textChanged.connect(self.completeChanged)
        self.child_rows.add_button.clicked.connect(self._watch)

    def _watch(self) -> None:
        for row in self.child_rows.rows:
            row.given.textChanged.connect(self.completeChanged, Qt.ConnectionType.UniqueConnection)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.child_rows.filled())


class ParentsPage(QWizardPage):
    def __init__(self, user: str) -> None:
        super().__init__()
        self.setTitle("2. Their parents")
        self.setSubTitle("The subject children's parents. Tick 'Not known' if a parent is not known.")
        content = QWidget()
        layout = QVBoxLayout(content)
        self.parents: list[tuple[QCheckBox, PersonRow]] = []
        for number, sex in enumerate((Sex.FEMALE, Sex.MALE), start=1):
            box = QGroupBox(f"Parent {number}")
            box_layout = QVBoxLayout(box)
            row = PersonRow(f"Parent {number}", removable=False)
            select_data(row.sex, sex)
            unknown = QCheckBox("Not known")
            unknown.setObjectName(f"parent{number}Unknown")
            unknown.toggled.connect(lambda off, row=row: row.setEnabled(not off))
            headings = _ColumnHeadings()
            headings.follow(row)
            box_layout.addWidget(headings)
            box_layout.addWidget(row)
            box_layout.addWidget(unknown)
            layout.addWidget(box)
            self.parents.append((unknown, row))
        relation = QGroupBox("The parents' relationship")
        form = QFormLayout(relation)
        self.kind = enum_combo(PartnershipKind, PartnershipKind.UNKNOWN, "parentsKind")
        self.status = enum_combo(PartnershipStatus, PartnershipStatus.TOGETHER, "parentsStatus")
        self.start = DateField("The parents' relationship started")
        for text, widget in (("&Kind:", self.kind), ("S&tatus:", self.status), ("Sin&ce:", self.start)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addWidget(relation)
        self.provenance = ProvenanceWidget("Source: who told us who the parents are?", user=user)
        layout.addWidget(self.provenance)
        layout.addStretch(1)
        _scrolling(self, content)

    def validatePage(self) -> bool:
        try:
            for unknown, row in self.parents:
                if not unknown.isChecked() and row.is_empty():
                    raise FormError(f"Give {row.what.lower()}'s name, or tick 'Not known'.", row.given)
                if not unknown.isChecked():
                    row.person("check")
            if any(not unknown.isChecked() for unknown, _ in self.parents):
                self.provenance.value()
            self.start.value()
        except FormError as problem:
            QMessageBox.warning(self, "Parents", str(problem))
            if problem.widget is not None:
                problem.widget.setFocus()
            return False
        return True

    def named_parents(self) -> list[PersonRow]:
        return [row for unknown, row in self.parents if not unknown.isChecked() and not row.is_empty()]


class PartnerEditor(QGroupBox):
    """One previous partner of a parent, and the children of that relationship."""

    removed = Signal(QWidget)

    def __init__(self, parent_name: str, number: int) -> None:
        super().__init__(f"Previous partner {number} of {parent_name}")
        layout = QVBoxLayout(self)
        self.partner = PersonRow("Previous partner", removable=False)
        partner_headings = _ColumnHeadings()
        partner_headings.follow(self.partner)
        self.kind = enum_combo(PartnershipKind, PartnershipKind.UNKNOWN, "previousKind")
        self.kind.setAccessibleName("Kind of relationship")
        self.status = enum_combo(PartnershipStatus, PartnershipStatus.SEPARATED, "previousStatus")
        self.status.setAccessibleName("Status of relationship")
        self.start = DateField("Relationship started")
        self.start.setObjectName("previousStart")
        self.end = DateField("Relationship ended")
        self.end.setObjectName("previousEnd")
        row = QHBoxLayout()
        for text, widget in (("Kind:", self.kind), ("Status:", self.status), ("From:", self.start), ("To:", self.end)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        self.child_rows = PeopleRows("Child of this relationship", "Add a child of this relationship", minimum=0)
        remove = QPushButton("Remove this partner")
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout.addWidget(partner_headings)
        layout.addWidget(self.partner)
        layout.addLayout(row)
        layout.addWidget(QLabel("Children of this relationship (wherever they live now):"))
        layout.addWidget(self.child_rows)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)


class ParentAnswer(QGroupBox):
    """One parent's explicit answer about previous partners: names, none, or not known."""

    changed = Signal()

    def __init__(self, parent_name: str, user: str) -> None:
        super().__init__(f"Previous partners of {parent_name}")
        self.parent_name = parent_name
        self.setAccessibleName(f"Previous partners of {parent_name}")
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.names = QRadioButton("&Yes — names below")
        self.names.setObjectName("answerNames")
        self.none = QRadioButton("&None")
        self.none.setObjectName("answerNone")
        self.unknown = QRadioButton("Not &known — to be checked")
        self.unknown.setObjectName("answerUnknown")
        answers = QHBoxLayout()
        for button in (self.names, self.none, self.unknown):
            self.group.addButton(button)
            answers.addWidget(button)
        answers.addStretch(1)
        layout.addLayout(answers)
        self.partners_box = QWidget()
        self.partners_layout = QVBoxLayout(self.partners_box)
        self.partners_layout.setContentsMargins(12, 0, 0, 0)
        self.partners: list[PartnerEditor] = []
        self.add_partner_button = QPushButton("Add a previous &partner")
        self.add_partner_button.setObjectName("addPartner")
        self.add_partner_button.clicked.connect(lambda: self.add_partner().partner.given.setFocus())
        self.partners_layout.addWidget(self.add_partner_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.partners_box)
        self.provenance = ProvenanceWidget(f"Source: who told us about {parent_name}'s previous partners?",
                                           people=[parent_name], user=user)
        self.provenance.reported_by.setCurrentText(parent_name)
        layout.addWidget(self.provenance)
        self.group.buttonToggled.connect(self._update)
        self._update()

    def add_partner(self) -> PartnerEditor:
        editor = PartnerEditor(self.parent_name, len(self.partners) + 1)
        editor.removed.connect(self._remove)
        editor.partner.given.textChanged.connect(self.changed)
        self.partners_layout.insertWidget(len(self.partners), editor)
        self.partners.append(editor)
        self.changed.emit()
        return editor

    def _remove(self, editor: QWidget) -> None:
        if editor in self.partners:
            self.partners.remove(editor)
            editor.deleteLater()
            self.changed.emit()

    def _update(self, *_: object) -> None:
        self.partners_box.setVisible(self.names.isChecked())
        if self.names.isChecked() and not self.partners:
            self.add_partner()
        self.changed.emit()

    @property
    def answer(self) -> str | None:
        if self.names.isChecked():
            return ANSWER_NAMES
        if self.none.isChecked():
            return ANSWER_NONE
        if self.unknown.isChecked():
            return ANSWER_UNKNOWN
        return None

    def is_answered(self) -> bool:
        if self.answer is None:
            return False
        return self.answer != ANSWER_NAMES or any(not p.partner.is_empty() for p in self.partners)


class PreviousPartnersPage(QWizardPage):
    def __init__(self, parents_page: ParentsPage, user: str) -> None:
        super().__init__()
        self.parents_page = parents_page
        self.user = user
        self.setTitle("3. Each parent's previous partners")
        self.setSubTitle("Reviews found previous relationships were missed. Answer for EACH parent: their previous "
                         "partners and the children of those relationships, 'None', or 'Not known — to be "
                         "checked' (this opens an item to check).")
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        _scrolling(self, self.content)
        self.still_to_answer = QLabel()
        self.still_to_answer.setObjectName("stillToAnswer")
        self.still_to_answer.setWordWrap(True)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.still_to_answer)
        self.completeChanged.connect(self._update_still_to_answer)
        self.answers: list[tuple[PersonRow, ParentAnswer]] = []

    def initializePage(self) -> None:
        keep = {id(row): answer for row, answer in self.answers}
        for _, answer in self.answers:
            answer.setParent(None)
        self.answers = []
        while self.content_layout.count():
            item = self.content_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.setParent(None)
        for row in self.parents_page.named_parents():
            name = " ".join(part for part in (row.given.text().strip(), row.family.text().strip()) if part)
            kept = keep.get(id(row))
            if kept is None or kept.parent_name != name:
                answer = ParentAnswer(name, self.user)
                answer.changed.connect(self.completeChanged)
            else:
                answer = kept
            self.content_layout.addWidget(answer)
            self.answers.append((row, answer))
        if not self.answers:
            self.content_layout.addWidget(QLabel("No parents are named, so there is nothing to ask here."))
        self.content_layout.addStretch(1)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(answer.is_answered() for _, answer in self.answers)

    def _update_still_to_answer(self) -> None:
        missing = [answer.parent_name for _, answer in self.answers if not answer.is_answered()]
        self.still_to_answer.setText(
            "⚠ Still to answer before you can go on: " + ", ".join(missing) + " (names, None, or Not known)."
            if missing else "✓ Answered for every parent."
        )

    def validatePage(self) -> bool:
        for _, answer in self.answers:
            try:
                answer.provenance.value()
                for editor in answer.partners if answer.answer == ANSWER_NAMES else []:
                    editor.partner.person("check")
                    editor.start.value()
                    editor.end.value()
                    for child in editor.child_rows.filled():
                        child.person("check")
            except FormError as problem:
                QMessageBox.warning(self, "Previous partners", f"{answer.parent_name}: {problem}")
                if problem.widget is not None:
                    problem.widget.setFocus()
                return False
        return True


class HouseholdPage(QWizardPage):
    def __init__(self, user: str) -> None:
        super().__init__()
        self.setTitle("4. The household and regular visitors")
        self.setSubTitle("Who lives with the subject child, and which other adults have regular access to them.")
        content = QWidget()
        layout = QVBoxLayout(content)
        form = QFormLayout()
        self.name = QLineEdit("Family home")
        self.name.setObjectName("householdName")
        self.name.setAccessibleName("Household name")
        self.address = QLineEdit()
        self.address.setObjectName("householdAddress")
        self.address.setAccessibleName("Household address")
        for text, widget in (("Household &name:", self.name), ("&Address:", self.address)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.residents_box = QGroupBox("Who lives there now")
        self.residents_layout = QVBoxLayout(self.residents_box)
        layout.addWidget(self.residents_box)
        self.residents: list[tuple[QCheckBox, str]] = []
        others_box = QGroupBox("Other household members and regular visitors")
        others_layout = QVBoxLayout(others_box)
        self.others = PeopleRows("Other person", "Add another &person", minimum=0)
        self.others.add_button.clicked.connect(self._add_role_to_last)
        self.roles: dict[int, tuple[QComboBox, QLineEdit, QLineEdit]] = {}
        others_layout.addWidget(self.others)
        layout.addWidget(others_box)
        self.provenance = ProvenanceWidget("Source: who told us who lives there and who visits?", user=user)
        layout.addWidget(self.provenance)
        layout.addStretch(1)
        _scrolling(self, content)

    def add_other(self) -> tuple[PersonRow, QComboBox, QLineEdit, QLineEdit]:
        """Add a row for another person (tests and the button use this)."""
        self.others.add_button.click()
        row = self.others.rows[-1]
        role, often, relation = self.roles[id(row)]
        return row, role, often, relation

    def _add_role_to_last(self) -> None:
        row = self.others.rows[-1]
        role = enum_combo(HouseholdRole, HouseholdRole.REGULAR_VISITOR, "otherRole",
                          {HouseholdRole.RESIDENT: "Lives there", HouseholdRole.REGULAR_VISITOR: "Visits regularly"})
        role.setAccessibleName("Lives there or visits")
        often = QLineEdit()
        often.setObjectName("otherFrequency")
        often.setPlaceholderText("How often")
        often.setAccessibleName("How often they visit")
        relation = QLineEdit()
        relation.setObjectName("otherRelationship")
        relation.setPlaceholderText("Relationship to the child, e.g. maternal grandmother")
        relation.setAccessibleName("Relationship to the child")
        line = row.layout()
        assert isinstance(line, QHBoxLayout)
        line.insertWidget(4, role)
        line.insertWidget(5, often)
        holder = QHBoxLayout()
        holder.addWidget(relation)
        self.others.layout_.insertLayout(self.others.layout_.indexOf(row) + 1, holder)
        self.roles[id(row)] = (role, often, relation)

    def set_candidates(self, names: list[tuple[str, str, bool]]) -> None:
        """(key, name, lives there by default) for everyone named so far."""
        checked = {key: box.isChecked() for box, key in self.residents}
        for box, _ in self.residents:
            box.setParent(None)
        self.residents = []
        for key, name, default in names:
            box = QCheckBox(name)
            box.setObjectName(f"resident_{len(self.residents)}")
            box.setChecked(checked.get(key, default))
            self.residents_layout.addWidget(box)
            self.residents.append((box, key))

    def validatePage(self) -> bool:
        try:
            if not self.name.text().strip():
                raise FormError("Give the household a name (e.g. 'Family home').", self.name)
            self.provenance.value()
            for row in self.others.filled():
                row.person("check")
        except FormError as problem:
            QMessageBox.warning(self, "Household", str(problem))
            if problem.widget is not None:
                problem.widget.setFocus()
            return False
        return True


# --- assembling the case -----------------------------------------------------------------------------
@dataclass
class CaseDraft:
    """Everything the wizard collected, as entities ready for ``store.create_case``."""

    case: Case
    entities: list[Entity] = field(default_factory=list)

    def add(self, *entities: Entity) -> None:
        self.entities.extend(entities)


class NewCaseWizard(QWizard):
    """Create a case and its family in one go (one transaction); ``created_case_id`` after Finish."""

    def __init__(self, store: Store, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.created_case_id: str | None = None
        self.setWindowTitle("New case")
        self.setObjectName("newCaseWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.case_page = CasePage(store)
        self.children_page = SubjectChildrenPage()
        self.parents_page = ParentsPage(user)
        self.partners_page = PreviousPartnersPage(self.parents_page, user)
        self.household_page = HouseholdPage(user)
        for page in (self.case_page, self.children_page, self.parents_page, self.partners_page,
                     self.household_page):
            self.addPage(page)
        self.currentIdChanged.connect(self._entered)
        self.resize(860, 680)

    def _entered(self, page_id: int) -> None:
        if self.page(page_id) is self.household_page:
            names: list[tuple[str, str, bool]] = []
            for row in self.children_page.child_rows.filled():
                names.append((str(id(row)), _row_name(row) + " (subject child)", True))
            for row in self.parents_page.named_parents():
                names.append((str(id(row)), _row_name(row) + " (parent)", True))
            for _, answer in self.partners_page.answers:
                if answer.answer != ANSWER_NAMES:
                    continue
                for editor in answer.partners:
                    if not editor.partner.is_empty():
                        names.append((str(id(editor)), _row_name(editor.partner) + " (previous partner)",
                                      False))
                    for child in editor.child_rows.filled():
                        names.append((str(id(child)), _row_name(child) + f" (child of {answer.parent_name})",
                                      False))
            self.household_page.set_candidates(names)

    def accept(self) -> None:
        try:
            draft = self.draft()
            self.store.create_case(draft.case, draft.entities)
        except FormError as problem:
            QMessageBox.warning(self, "New case", str(problem))
            return
        except Exception as failure:  # validation or store: nothing was written (one transaction)
            log.exception("the new case was not created")
            reason = str(failure) or type(failure).__name__
            QMessageBox.critical(self, "New case not created", f"The case was not created: {reason}. Nothing was "
                                 "saved; correct the answers and press Finish again.")
            return
        self.created_case_id = draft.case.id
        super().accept()

    def draft(self) -> CaseDraft:
        """Turn the answers into a case and its entities (nothing is written here)."""
        case_id = new_id()
        now = datetime.now(UTC)
        page = self.case_page
        status = page.status.currentData()
        assert isinstance(status, CaseStatus)
        reference = page.reference.text().strip()
        case = Case(id=case_id, case_id=case_id, reference=reference,
                    title=page.title_edit.text().strip() or f"Case {reference}",
                    status_history=(StatusChange(status, date.today(), "Case opened"),),
                    lead_professional=page.lead.text().strip(), created_at=now, updated_at=now)
        draft = CaseDraft(case)
        people_by_row: dict[int, Person] = {}

        children: list[Person] = []
        for row in self.children_page.child_rows.filled():
            child = row.person(case_id, is_subject_child=True)
            assert child is not None
            children.append(child)
            people_by_row[id(row)] = child
        draft.add(*children)

        parents: list[Person] = []
        parentage = self.parents_page.provenance.value() if self.parents_page.named_parents() else None
        for row in self.parents_page.named_parents():
            parent = row.person(case_id)
            assert parent is not None
            parents.append(parent)
            people_by_row[id(row)] = parent
        draft.add(*parents)
        for child in children:
            draft.add(*(link_parent(case_id, parent.id, child.id, provenance=parentage) for parent in parents))
        if len(parents) == 2:
            status_between = self.parents_page.status.currentData()
            assert isinstance(status_between, PartnershipStatus)
            draft.add(new_partnership(case_id, parents[0].id, parents[1].id,
                                      self.parents_page.kind.currentData(),
                                      status_between, self.parents_page.start.value(), None, parentage))

        for row, answer in self.partners_page.answers:
            parent = people_by_row.get(id(row))
            if parent is None:
                continue
            provenance = answer.provenance.value()
            self._previous_partners(draft, case_id, parent, answer, provenance, people_by_row)

        household_page = self.household_page
        household = Household(id=new_id(), case_id=case_id, name=household_page.name.text().strip(),
                              address=household_page.address.text().strip())
        draft.add(household)
        living = household_page.provenance.value()
        keyed = {str(key): person for key, person in people_by_row.items()}
        for box, key in household_page.residents:
            person = keyed.get(key)
            if box.isChecked() and person is not None:
                draft.add(HouseholdMember(id=new_id(), case_id=case_id, household_id=household.id,
                                          person_id=person.id, role=HouseholdRole.RESIDENT, provenance=living))
        for row in household_page.others.filled():
            role_combo, often, relation = household_page.roles[id(row)]
            role = role_combo.currentData()
            assert isinstance(role, HouseholdRole)
            other = row.person(case_id, notes=relation.text().strip())
            assert other is not None
            draft.add(other)
            draft.add(HouseholdMember(
                id=new_id(), case_id=case_id, household_id=household.id, person_id=other.id, role=role,
                frequency=often.text().strip() if role is HouseholdRole.REGULAR_VISITOR else "", provenance=living))
        return draft

    def _previous_partners(self, draft: CaseDraft, case_id: str, parent: Person, answer: ParentAnswer,
                           provenance: Provenance, people_by_row: dict[int, Person]) -> None:
        name = parent.display_name
        if answer.answer == ANSWER_UNKNOWN:
            draft.add(VerificationItem(
                id=new_id(), case_id=case_id, person_id=parent.id, topic=PREVIOUS_PARTNERS_TOPIC,
                description=f"Previous partners of {name}, and any children of those relationships, are not known: "
                            f"to be checked ({provenance.describe()}).",
            ))
            return
        if answer.answer == ANSWER_NONE:
            draft.add(VerificationItem(
                id=new_id(), case_id=case_id, person_id=parent.id, topic=PREVIOUS_PARTNERS_TOPIC,
                description=f"Asked whether {name} has had previous partners.",
                status=VerificationStatus.RESOLVED, resolved_on=date.today(),
                resolution=f"None ({provenance.describe()})",
            ))
            return
        for editor in answer.partners:
            partner = editor.partner.person(case_id)
            if partner is None:
                continue
            people_by_row[id(editor)] = partner
            draft.add(partner)
            status = editor.status.currentData()
            assert isinstance(status, PartnershipStatus)
            draft.add(new_partnership(case_id, parent.id, partner.id, editor.kind.currentData(),
                                      status, editor.start.value(),
                                      editor.end.value() if status is not PartnershipStatus.TOGETHER else None,
                                      provenance))
            for row in editor.child_rows.filled():
                child = row.person(case_id)
                assert child is not None
                people_by_row[id(row)] = child
                draft.add(child)
                draft.add(link_parent(case_id, parent.id, child.id, provenance=provenance),
                          link_parent(case_id, partner.id, child.id, provenance=provenance))


def _row_name(row: PersonRow) -> str:
    return " ".join(part for part in (row.given.text().strip(), row.family.text().strip()) if part)
