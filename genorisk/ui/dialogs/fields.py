"""Reusable form widgets: a dd/mm/yyyy date field, the provenance ("where did this come from?")
widget every fact dialog uses, and a person's facts.

Each widget reads itself into a domain value and raises :class:`FormError` naming the field when
what was typed does not make sense, so dialogs can show the message and put the cursor there.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from genorisk.domain.entities import Person, new_id
from genorisk.domain.values import (
    GenderIdentity,
    LabelledEnum,
    PartialDate,
    PregnancyOutcome,
    Provenance,
    Sex,
    SourceKind,
    display_date,
    parse_display_date,
)


class FormError(ValueError):
    """What was typed does not make sense; ``widget`` is where to put the cursor."""

    def __init__(self, message: str, widget: QWidget | None = None) -> None:
        super().__init__(message)
        self.widget = widget


class EnumCombo(QComboBox):
    """A combo box of an enum's members (or None) that gives the MEMBER back from ``currentData()``.

    Qt stores a str-based enum as a plain string, so the member is rebuilt from its value here and
    callers never see a bare string where they expect, say, a PartnershipKind.
    """

    def __init__(self, enum: type[LabelledEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enum = enum

    def currentData(self, role: int = Qt.ItemDataRole.UserRole) -> object:
        value = super().currentData(role)
        if value is None or value == "":
            return None
        try:
            return self.enum(value)
        except ValueError:
            return value


def enum_combo(
    enum: type[LabelledEnum],
    current: LabelledEnum | None = None,
    name: str = "",
    labels: Mapping[Any, str] | None = None,
    members: Sequence[LabelledEnum] | None = None,
) -> QComboBox:
    """A combo box listing an enum's labels, holding the members as item data."""
    combo = EnumCombo(enum)
    for member in members or list(enum):
        combo.addItem((labels or {}).get(member, member.label), member.value)
    if current is not None:
        select_data(combo, current)
    if name:
        combo.setObjectName(name)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Make the item holding ``value`` (an enum member or plain value) current, if there is one."""
    key = value.value if isinstance(value, LabelledEnum) else value
    index = combo.findData(key)
    if index >= 0:
        combo.setCurrentIndex(index)


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy, mm/yyyy or yyyy, with 'c.' in front when estimated."""

    def __init__(self, label: str, value: PartialDate | None = None, *, required: bool = False,
                 full: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.required = required
        self.full = full
        self.allow_future = False
        self.setPlaceholderText("dd/mm/yyyy" if full else "dd/mm/yyyy, mm/yyyy or yyyy (c. if estimated)")
        self.setAccessibleName(label)
        self.setToolTip("Type the date as dd/mm/yyyy. Partial dates (mm/yyyy or yyyy) are fine; put 'c.' in "
                        "front of an estimate, e.g. c. 2015." if not full else "Type the date as dd/mm/yyyy.")
        if value is not None:
            self.set_value(value)

    def set_value(self, value: PartialDate | date | None) -> None:
        if value is None:
            self.clear()
        elif isinstance(value, PartialDate):
            self.setText(value.display())
        else:
            self.setText(display_date(value))

    def value(self) -> PartialDate | None:
        text = self.text().strip()
        if not text:
            if self.required:
                raise FormError(f"{self.label} is needed (dd/mm/yyyy).", self)
            return None
        try:
            parsed = PartialDate.parse(text)
        except ValueError as exc:
            raise FormError(f"{self.label}: {exc}.", self) from exc
        if self.full and (parsed.day is None or parsed.estimated):
            raise FormError(f"{self.label} must be a full date (dd/mm/yyyy).", self)
        if parsed.earliest() > date.today() and not self.allow_future:
            raise FormError(f"{self.label} ({parsed.display()}) is in the future.", self)
        return parsed

    def full_date(self) -> date | None:
        value = self.value()
        return value.earliest() if value else None


def _placeholder(combo: QComboBox, text: str) -> None:
    editor = combo.lineEdit()
    if editor is not None:
        editor.setPlaceholderText(text)


SOURCE_LABELS: dict[LabelledEnum, str] = {
    SourceKind.SELF_REPORT: "Self-report (someone told us)",
    SourceKind.AGENCY_RECORD: "Agency record",
    SourceKind.OBSERVATION: "Practitioner observation",
    SourceKind.CHILD_ACCOUNT: "Child's account",
}

AGENCIES = (
    "Police", "Children's social care", "Health visiting", "Midwifery", "GP", "School", "Early years setting",
    "Probation", "Adult social care", "Adult mental health", "Drug and alcohol service", "Housing",
    "Domestic abuse service", "Youth justice", "Another local authority",
)


class ProvenanceWidget(QGroupBox):
    """'Where did this come from?' — asked for every fact: self-report by whom, agency record
    (agency and reference), practitioner observation or the child's account; when recorded; and
    whether it has been verified, when and by whom.
    """

    changed = Signal()

    def __init__(self, title: str = "Source of this information", *, people: Iterable[str] = (),
                 user: str = "", value: Provenance | None = None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("provenance")
        self.setAccessibleName(title)
        self.user = user
        layout = QFormLayout(self)
        self.source = enum_combo(SourceKind, SourceKind.SELF_REPORT, "provenanceSource", SOURCE_LABELS)
        self.source.setAccessibleName("Source")
        self.reported_by = QComboBox()
        self.reported_by.setObjectName("provenanceReportedBy")
        self.reported_by.setEditable(True)
        self.reported_by.addItems(sorted(set(people)))
        self.reported_by.setCurrentText("")
        _placeholder(self.reported_by, "Who said it (name)")
        self.reported_by.setAccessibleName("Reported by")
        self.agency = QComboBox()
        self.agency.setObjectName("provenanceAgency")
        self.agency.setEditable(True)
        self.agency.addItems(AGENCIES)
        self.agency.setCurrentText("")
        _placeholder(self.agency, "Agency name")
        self.agency.setAccessibleName("Agency")
        self.reference = QLineEdit()
        self.reference.setObjectName("provenanceReference")
        self.reference.setPlaceholderText("The agency's record reference, if known")
        self.reference.setAccessibleName("Agency reference")
        self.recorded_on = DateField("Date recorded", full=True, required=True)
        self.recorded_on.setObjectName("provenanceRecordedOn")
        self.recorded_on.set_value(date.today())
        self.verified = QCheckBox("Verified")
        self.verified.setObjectName("provenanceVerified")
        self.verified_on = DateField("Date verified", full=True)
        self.verified_on.setObjectName("provenanceVerifiedOn")
        self.verified_by = QLineEdit(user)
        self.verified_by.setObjectName("provenanceVerifiedBy")
        self.verified_by.setAccessibleName("Verified by")
        verified_row = QHBoxLayout()
        verified_row.addWidget(self.verified)
        verified_row.addWidget(QLabel("on"))
        verified_row.addWidget(self.verified_on)
        verified_row.addWidget(QLabel("by"))
        verified_row.addWidget(self.verified_by)
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}
        layout.addRow(self._label("&Source:", self.source), self.source)
        self._add(layout, "reported_by", "Reported b&y:", self.reported_by)
        self._add(layout, "agency", "Agenc&y:", self.agency)
        self._add(layout, "reference", "Reference nu&mber:", self.reference)
        layout.addRow(self._label("Recorded &on:", self.recorded_on), self.recorded_on)
        layout.addRow("", verified_row)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("provenanceHint")
        layout.addRow(self.hint)
        self.source.currentIndexChanged.connect(self._update)
        self.verified.toggled.connect(self._update)
        if value is not None:
            self.set_value(value)
        self._update()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _add(self, layout: QFormLayout, key: str, text: str, widget: QWidget) -> None:
        label = self._label(text, widget)
        layout.addRow(label, widget)
        self._rows[key] = (label, widget)

    def _show(self, key: str, visible: bool) -> None:
        label, widget = self._rows[key]
        label.setVisible(visible)
        widget.setVisible(visible)

    def _update(self) -> None:
        kind = self.source_kind
        self._show("reported_by", kind in (SourceKind.SELF_REPORT, SourceKind.CHILD_ACCOUNT))
        self._show("agency", kind is SourceKind.AGENCY_RECORD)
        self._show("reference", kind is SourceKind.AGENCY_RECORD)
        self._rows["reported_by"][0].setText("Child's na&me:" if kind is SourceKind.CHILD_ACCOUNT else "Reported b&y:")
        checked = self.verified.isChecked()
        self.verified_on.setEnabled(checked)
        self.verified_by.setEnabled(checked)
        if checked and not self.verified_on.text():
            self.verified_on.set_value(date.today())
        self.hint.setText(
            "⚠ Self-report only until verified: the record will show this."
            if kind is SourceKind.SELF_REPORT and not checked else ""
        )
        self.changed.emit()

    @property
    def source_kind(self) -> SourceKind:
        value = self.source.currentData()
        return value if isinstance(value, SourceKind) else SourceKind.SELF_REPORT

    def set_value(self, value: Provenance) -> None:
        select_data(self.source, value.source)
        self.reported_by.setCurrentText(value.reported_by)
        self.agency.setCurrentText(value.agency)
        self.reference.setText(value.reference)
        self.recorded_on.set_value(value.recorded_on)
        self.verified.setChecked(value.verified)
        self.verified_on.set_value(value.verified_on)
        self.verified_by.setText(value.verified_by or self.user)
        self._update()

    def value(self) -> Provenance:
        """The provenance typed in; FormError naming the missing part otherwise."""
        kind = self.source_kind
        reported_by = self.reported_by.currentText().strip()
        agency = self.agency.currentText().strip()
        if kind in (SourceKind.SELF_REPORT, SourceKind.CHILD_ACCOUNT) and not reported_by:
            who = "which child gave this account" if kind is SourceKind.CHILD_ACCOUNT else "who said it"
            raise FormError(f"Source: say {who}.", self.reported_by)
        if kind is SourceKind.AGENCY_RECORD and not agency:
            raise FormError("Source: name the agency whose record this is.", self.agency)
        recorded = self.recorded_on.full_date()
        assert recorded is not None  # required
        verified = self.verified.isChecked()
        verified_on = self.verified_on.full_date() if verified else None
        verified_by = self.verified_by.text().strip() if verified else ""
        if verified and verified_on is None:
            raise FormError("Source: give the date it was verified.", self.verified_on)
        if verified and not verified_by:
            raise FormError("Source: say who verified it.", self.verified_by)
        return Provenance(
            source=kind,
            recorded_on=recorded,
            reported_by=reported_by if kind in (SourceKind.SELF_REPORT, SourceKind.CHILD_ACCOUNT) else "",
            agency=agency if kind is SourceKind.AGENCY_RECORD else "",
            reference=self.reference.text().strip() if kind is SourceKind.AGENCY_RECORD else "",
            verified=verified,
            verified_on=verified_on,
            verified_by=verified_by,
        )


SEX_LABELS: dict[LabelledEnum, str] = {
    Sex.MALE: "Male", Sex.FEMALE: "Female", Sex.INTERSEX: "Intersex", Sex.UNKNOWN: "Not known",
}
PREGNANCY_LABELS: dict[LabelledEnum, str] = {
    PregnancyOutcome.PREGNANCY: "Current pregnancy",
    PregnancyOutcome.MISCARRIAGE: "Miscarriage",
    PregnancyOutcome.TERMINATION: "Termination",
    PregnancyOutcome.STILLBIRTH: "Stillbirth",
}


class PersonFields(QWidget):
    """A person's facts. ``compact`` shows what is needed while building a family quickly (names,
    sex, date of birth, deceased); the full form adds everything on :class:`Person`.
    """

    def __init__(self, person: Person | None = None, *, compact: bool = False, allow_pregnancy: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = person
        self.compact = compact
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        self.given_names = self._line("givenNames", "Given names")
        self.family_name = self._line("familyName", "Family name")
        self.known_as = self._line("knownAs", "Known as")
        self.sex = enum_combo(Sex, Sex.UNKNOWN, "sex", SEX_LABELS)
        self.sex.setAccessibleName("Sex recorded at birth")
        self.gender = enum_combo(GenderIdentity, GenderIdentity.NOT_RECORDED, "genderIdentity")
        self.gender.setAccessibleName("Gender identity")
        self.date_of_birth = DateField("Date of birth")
        self.date_of_birth.setObjectName("dateOfBirth")
        self.deceased = QCheckBox("Deceased")
        self.deceased.setObjectName("deceased")
        self.date_of_death = DateField("Date of death")
        self.date_of_death.setObjectName("dateOfDeath")
        self.pregnancy = EnumCombo(PregnancyOutcome)
        self.pregnancy.setObjectName("pregnancy")
        self.pregnancy.setAccessibleName("Pregnancy or pregnancy loss")
        self.pregnancy.addItem("No — a person born alive", "")
        for outcome, text in PREGNANCY_LABELS.items():
            self.pregnancy.addItem(text, outcome.value)
        self.gestation = QSpinBox()
        self.gestation.setObjectName("gestationWeeks")
        self.gestation.setRange(0, 45)
        self.gestation.setSpecialValueText("Not known")
        self.gestation.setSuffix(" weeks")
        self.gestation.setAccessibleName("Gestation in weeks")
        self.subject = QCheckBox("Subject child of this case")
        self.subject.setObjectName("subjectChild")
        self.index_person = QCheckBox("Index person")
        self.index_person.setObjectName("indexPerson")
        self.withhold = QCheckBox("Withhold location (contact details never leave the case)")
        self.withhold.setObjectName("withholdLocation")
        self.contact = QPlainTextEdit()
        self.contact.setObjectName("contactDetails")
        self.contact.setAccessibleName("Contact details")
        self.contact.setTabChangesFocus(True)
        self.contact.setFixedHeight(52)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)

        death_row = QHBoxLayout()
        death_row.addWidget(self.deceased)
        death_row.addWidget(self.date_of_death, 1)
        self._row("&Given names:", self.given_names)
        self._row("&Family name:", self.family_name)
        if not compact:
            self._row("&Known as:", self.known_as)
        self._row("Se&x at birth:", self.sex)
        if not compact:
            self._row("Gender &identity:", self.gender)
        self._row("&Date of birth:", self.date_of_birth)
        form.addRow("", death_row)
        if allow_pregnancy or not compact:
            self._row("&Pregnancy:", self.pregnancy)
            self._row("Ges&tation:", self.gestation)
        if not compact:
            form.addRow("", self.subject)
            form.addRow("", self.index_person)
            self._row("&Contact details:", self.contact)
            form.addRow("", self.withhold)
            self._row("&Notes:", self.notes)
        self.deceased.toggled.connect(self._update)
        self.pregnancy.currentIndexChanged.connect(self._update)
        if person is not None:
            self.set_person(person)
        self._update()

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _row(self, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        self.form.addRow(label, widget)

    def _update(self) -> None:
        self.date_of_death.setEnabled(self.deceased.isChecked())
        pregnant = self.pregnancy.currentData() is not None
        self.gestation.setEnabled(pregnant)

    def set_person(self, person: Person) -> None:
        self.given_names.setText(person.given_names)
        self.family_name.setText(person.family_name)
        self.known_as.setText(person.known_as)
        select_data(self.sex, person.sex)
        select_data(self.gender, person.gender_identity)
        self.date_of_birth.set_value(person.date_of_birth)
        self.deceased.setChecked(person.deceased)
        self.date_of_death.set_value(person.date_of_death)
        select_data(self.pregnancy, person.pregnancy or "")
        self.gestation.setValue(person.gestation_weeks or 0)
        self.subject.setChecked(person.is_subject_child)
        self.index_person.setChecked(person.is_index_person)
        self.withhold.setChecked(person.withhold_location)
        self.contact.setPlainText(person.contact_details)
        self.notes.setPlainText(person.notes)
        self._update()

    def focus_first(self) -> None:
        self.given_names.setFocus()

    def person(self, case_id: str) -> Person:
        """The person described (a new one, or the edited version of the original)."""
        given, family = self.given_names.text().strip(), self.family_name.text().strip()
        known = self.known_as.text().strip()
        pregnancy = self.pregnancy.currentData()
        outcome = pregnancy if isinstance(pregnancy, PregnancyOutcome) else None
        if not (given or family or known) and outcome is None:
            raise FormError("Give at least a given name or a family name (type 'Unknown' if it is not known).",
                            self.given_names)
        deceased = self.deceased.isChecked()
        self.date_of_birth.allow_future = outcome is PregnancyOutcome.PREGNANCY  # a due date may be ahead
        born = self.date_of_birth.value()
        died = self.date_of_death.value() if deceased else None
        if born and died and died.latest() < born.earliest():
            raise FormError(f"The date of death ({died.display()}) is before the date of birth ({born.display()}).",
                            self.date_of_death)
        gestation = self.gestation.value() if outcome is not None and self.gestation.value() > 0 else None
        base = self.original or Person(id=new_id(), case_id=case_id)
        values = dict(
            given_names=given, family_name=family, sex=self.sex.currentData(), date_of_birth=born,
            deceased=deceased, date_of_death=died, pregnancy=outcome, gestation_weeks=gestation,
        )
        if not self.compact:
            values.update(
                known_as=known, gender_identity=self.gender.currentData(),
                is_subject_child=self.subject.isChecked(), is_index_person=self.index_person.isChecked(),
                withhold_location=self.withhold.isChecked(), contact_details=self.contact.toPlainText().strip(),
                notes=self.notes.toPlainText().strip(),
            )
        try:
            return replace(base, **values)
        except ValueError as exc:
            raise FormError(str(exc).capitalize() + ".", self.given_names) from exc


__all__ = [
    "DateField",
    "FormError",
    "PersonFields",
    "ProvenanceWidget",
    "enum_combo",
    "parse_display_date",
]



def qt_datetime(value: datetime) -> QDateTime:
    """A Python datetime as a QDateTime (local wall-clock time, to the second)."""
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))
