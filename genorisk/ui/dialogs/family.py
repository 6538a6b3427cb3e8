"""The dialogs behind every family edit: each builds ONE named domain command and nothing else.

A dialog never writes: on OK it reads its widgets into a :class:`Command` (``dialog.command``) and
the workspace hands that to the case session, which validates, saves and pushes it on the undo
stack. What was typed that makes no sense is reported in the dialog, naming the field.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain import editing
from genorisk.domain.commands import Command, Put
from genorisk.domain.entities import EmotionalLink, ParentChildLink, Partnership, Person, new_id
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import (
    EmotionalLinkKind,
    ParentalResponsibility,
    ParentKind,
    PartnershipKind,
    PartnershipStatus,
    Zygosity,
)
from genorisk.ui.dialogs.fields import DateField, FormError, PersonFields, ProvenanceWidget, enum_combo


class CommandDialog(QDialog):
    """A dialog whose OK builds one domain command (``self.command``) after checking the fields."""

    def __init__(self, title: str, ok_text: str, record: CaseRecord, user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.record = record
        self.user = user
        self.command: Command | None = None
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem with the form")
        self.error.setStyleSheet("QLabel { color: palette(highlighted-text); background: #b3261e; "
                                 "padding: 6px; border-radius: 3px; font-weight: bold; }")
        self.error.hide()
        outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setObjectName("okButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._scroll = scroll
        self.resize(580, 620)

    def showEvent(self, event: QShowEvent) -> None:
        """Open tall enough to show the whole form without scrolling, when the screen allows."""
        if not getattr(self, "_sized", False):
            self._sized = True
            inner = self._scroll.widget()
            content = inner.sizeHint() if inner is not None else self.sizeHint()
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            limit = screen.height() - 80 if screen is not None else 900
            extra = self.buttons.sizeHint().height() + 60
            self.resize(max(self.width(), content.width() + 40), min(max(self.height(), content.height() + extra),
                                                                     limit))
        super().showEvent(event)

    @property
    def people_names(self) -> list[str]:
        return [person.display_name for person in self.record.people]

    def provenance_widget(self, title: str = "Source of this information") -> ProvenanceWidget:
        return ProvenanceWidget(title, people=self.people_names, user=self.user)

    def build(self) -> Command:
        raise NotImplementedError

    def show_error(self, message: str, widget: QWidget | None = None) -> None:
        self.error.setText("⚠ " + message)
        self.error.show()
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        try:
            self.command = self.build()
        except FormError as problem:
            self.show_error(str(problem), problem.widget)
            return
        except (ValueError, KeyError) as problem:
            self.show_error(str(problem))
            return
        super().accept()


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.addWidget(widget)
    return box


class EditPersonDialog(CommandDialog):
    """Every fact about one person (dates dd/mm/yyyy; partial and estimated dates allowed)."""

    def __init__(self, record: CaseRecord, person_id: str, user: str = "", parent: QWidget | None = None) -> None:
        person = record.person(person_id)
        super().__init__(f"Edit {person.display_name}", "Save", record, user, parent)
        self.person_id = person_id
        self.fields = PersonFields(person)
        self.body.addWidget(self.fields)
        self.fields.focus_first()

    def build(self) -> Command:
        edited = self.fields.person(self.record.case.id)
        original = self.record.person(self.person_id)
        if edited == original:
            raise FormError("Nothing has changed.", self.fields.given_names)
        return editing.update_entity(self.record, edited, f"Edit {edited.display_name}")


class AddPersonDialog(CommandDialog):
    """A person not (yet) connected to anyone: the first person of an empty case, or a visitor."""

    def __init__(self, record: CaseRecord, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__("Add person", "Add person", record, user, parent)
        self.fields = PersonFields(compact=False)
        self.body.addWidget(self.fields)
        self.fields.focus_first()

    def build(self) -> Command:
        return editing.add_person(self.fields.person(self.record.case.id))


class PartnershipFields(QWidget):
    """Kind, status, start and end of a partnership.

    With ``ask_status`` the status starts unchosen and must be picked: whether a new partner is still
    with the person is exactly what assessments must not assume."""

    def __init__(self, parent: QWidget | None = None, *, ask_status: bool = False) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.kind = enum_combo(PartnershipKind, PartnershipKind.UNKNOWN, "partnershipKind")
        self.kind.setAccessibleName("Kind of relationship")
        self.status = enum_combo(PartnershipStatus, PartnershipStatus.TOGETHER, "partnershipStatus")
        self.status.setAccessibleName("Status of relationship")
        if ask_status:
            self.status.setPlaceholderText("Choose: together, separated…")
            self.status.setCurrentIndex(-1)
        self.start = DateField("Relationship started")
        self.start.setObjectName("partnershipStart")
        self.end = DateField("Relationship ended")
        self.end.setObjectName("partnershipEnd")
        for text, widget in (("&Kind:", self.kind), ("S&tatus:", self.status), ("Sta&rted:", self.start),
                             ("&Ended:", self.end)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.status.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.end.setEnabled(self.status.currentData() is not PartnershipStatus.TOGETHER)

    def partnership(self, case_id: str, person_a: str, person_b: str, provenance: object) -> Partnership:
        status = self.status.currentData()
        if status is None:
            raise FormError("Choose the relationship's status (together, separated…): it is not assumed.",
                            self.status)
        start = self.start.value()
        end = self.end.value() if status is not PartnershipStatus.TOGETHER else None
        if start and end and end.latest() < start.earliest():
            raise FormError("The relationship cannot end before it started.", self.end)
        return editing.new_partnership(case_id, person_a, person_b, self.kind.currentData(), status, start, end,
                                       provenance)  # type: ignore[arg-type]


class AddPartnerDialog(CommandDialog):
    """A new partner for the selected person (any number of partners, past and present)."""

    def __init__(self, record: CaseRecord, person_id: str, user: str = "", parent: QWidget | None = None) -> None:
        self.person = record.person(person_id)
        super().__init__(f"Add a partner of {self.person.display_name}", "Add partner", record, user, parent)
        existing = record.partnerships_of(person_id)
        if existing:
            names = ", ".join(record.name_of(p.partner_of(person_id)) for p in existing)
            note = QLabel(f"{self.person.display_name} already has: {names}. This adds another partner.")
            note.setWordWrap(True)
            self.body.addWidget(note)
        self.fields = PersonFields(compact=True)
        self.relationship = PartnershipFields(ask_status=True)
        self.provenance = self.provenance_widget("Source: who told us about this relationship?")
        self.body.addWidget(_group("The partner", self.fields))
        self.body.addWidget(_group("The relationship", self.relationship))
        self.body.addWidget(self.provenance)
        self.fields.focus_first()

    def build(self) -> Command:
        partner = self.fields.person(self.record.case.id)
        provenance = self.provenance.value()
        union = self.relationship.partnership(self.record.case.id, self.person.id, partner.id, provenance)
        return editing.add_partner(self.record, self.person.id, partner, union)


SINGLE_PARENT = "single"


class AddChildDialog(CommandDialog):
    """A child of one of the person's unions, or of the person alone (the other parent unknown)."""

    def __init__(self, record: CaseRecord, person_id: str, user: str = "", parent: QWidget | None = None) -> None:
        self.person = record.person(person_id)
        super().__init__(f"Add a child of {self.person.display_name}", "Add child", record, user, parent)
        self.union = QComboBox()
        self.union.setObjectName("union")
        self.union.setAccessibleName("Which relationship the child is from")
        for partnership in reversed(record.partnerships_of(person_id)):
            other = record.name_of(partnership.partner_of(person_id))
            dates = f", {partnership.dates.display()}" if partnership.start or partnership.end else ""
            self.union.addItem(f"With {other} ({partnership.kind.label.lower()}{dates})", partnership.id)
        self.union.addItem(f"{self.person.display_name} alone (other parent not known)", SINGLE_PARENT)
        self.kind = enum_combo(ParentKind, ParentKind.BIRTH, "parentKind")
        self.kind.setAccessibleName("Kind of parenthood")
        self.responsibility = enum_combo(ParentalResponsibility, ParentalResponsibility.UNKNOWN, "responsibility")
        self.responsibility.setAccessibleName("Parental responsibility")
        top = QWidget()
        form = QFormLayout(top)
        for text, widget in (("Chi&ld of:", self.union), ("Parent&hood:", self.kind),
                             ("Parental &responsibility:", self.responsibility)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.fields = PersonFields(compact=True, allow_pregnancy=True)
        self.provenance = self.provenance_widget("Source: who told us about this child?")
        self.body.addWidget(top)
        self.body.addWidget(_group("The child", self.fields))
        self.body.addWidget(self.provenance)
        self.fields.focus_first()

    def parent_ids(self) -> tuple[str, ...]:
        choice = self.union.currentData()
        if choice == SINGLE_PARENT:
            return (self.person.id,)
        partnership = self.record.get(Partnership, str(choice))
        if partnership is None:
            return (self.person.id,)
        return (self.person.id, partnership.partner_of(self.person.id))

    def build(self) -> Command:
        child = self.fields.person(self.record.case.id)
        provenance = self.provenance.value()
        kind = self.kind.currentData()
        command = editing.add_child(self.record, child, self.parent_ids(), kind, provenance)
        responsibility = self.responsibility.currentData()
        return _map_links(command, lambda link: replace(link, parental_responsibility=responsibility))


def _map_links(command: Command, change: object) -> Command:
    """The same command with every new parent link changed (e.g. its provenance)."""
    changes = []
    for item in command.changes:
        if isinstance(item, Put) and item.old is None and isinstance(item.new, ParentChildLink):
            item = Put(change(item.new))  # type: ignore[operator]
        changes.append(item)
    return Command(command.name, tuple(changes))


class AddParentsDialog(CommandDialog):
    """One or two new parents of the selected person, and the relationship between them."""

    def __init__(self, record: CaseRecord, person_id: str, user: str = "", parent: QWidget | None = None) -> None:
        self.person = record.person(person_id)
        super().__init__(f"Add parents of {self.person.display_name}", "Add parents", record, user, parent)
        existing = record.parent_links_of_child(person_id)
        if existing:
            names = ", ".join(record.name_of(link.parent_id) for link in existing)
            note = QLabel(f"Already recorded: {names}. Add other parents (e.g. adoptive or foster) here.")
            note.setWordWrap(True)
            self.body.addWidget(note)
        self.first = PersonFields(compact=True)
        self.second = PersonFields(compact=True)
        self.second_unknown = QCheckBox("Second parent not known")
        self.second_unknown.setObjectName("secondParentUnknown")
        self.kind = enum_combo(ParentKind, ParentKind.BIRTH, "parentKind")
        self.couple = enum_combo(PartnershipKind, PartnershipKind.UNKNOWN, "parentsRelationship")
        self.couple.setAccessibleName("Relationship between the parents")
        self.provenance = self.provenance_widget("Source: who told us who the parents are?")
        self.body.addWidget(_group("First parent", self.first))
        second_box = _group("Second parent", self.second)
        second_layout = second_box.layout()
        assert second_layout is not None
        second_layout.addWidget(self.second_unknown)
        self.body.addWidget(second_box)
        extra = QWidget()
        form = QFormLayout(extra)
        for text, widget in (("Parent&hood:", self.kind), ("Parents' re&lationship:", self.couple)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.body.addWidget(extra)
        self.body.addWidget(self.provenance)
        self.second_unknown.toggled.connect(self._second_parent_known)
        self.first.focus_first()

    def _second_parent_known(self, unknown: bool) -> None:
        self.second.setEnabled(not unknown)
        self.couple.setEnabled(not unknown)

    def build(self) -> Command:
        case_id = self.record.case.id
        parents: tuple[Person, ...] = (self.first.person(case_id),)
        if not self.second_unknown.isChecked():
            parents += (self.second.person(case_id),)
        provenance = self.provenance.value()
        command = editing.add_parents(self.record, self.person.id, parents, self.couple.currentData(), provenance)
        kind = self.kind.currentData()
        return _map_links(command, lambda link: replace(link, kind=kind))


class AddSiblingDialog(CommandDialog):
    """A full sibling: a new child of the same parents as the selected person."""

    def __init__(self, record: CaseRecord, person_id: str, user: str = "", parent: QWidget | None = None,
                 *, twin: bool = False) -> None:
        self.person = record.person(person_id)
        self.twin = twin
        what = "twin" if twin else "sibling"
        super().__init__(f"Add a {what} of {self.person.display_name}", f"Add {what}", record, user, parent)
        parents = record.parent_links_of_child(person_id)
        if not parents:
            note = QLabel(f"{self.person.display_name} has no recorded parents, so the new {what} will not be "
                          f"joined to the family until parents are added.")
            note.setWordWrap(True)
            note.setObjectName("noParentsNote")
            self.body.addWidget(note)
        self.fields = PersonFields(compact=True, allow_pregnancy=not twin)
        if twin:
            self.fields.date_of_birth.set_value(self.person.date_of_birth)
            self.fields.family_name.setText(self.person.family_name)
        self.zygosity = enum_combo(Zygosity, Zygosity.UNKNOWN, "zygosity")
        self.zygosity.setAccessibleName("Zygosity")
        self.provenance = self.provenance_widget(f"Source: who told us about this {what}?")
        self.body.addWidget(_group(f"The {what}", self.fields))
        if twin:
            row = QWidget()
            form = QFormLayout(row)
            label = QLabel("&Zygosity:")
            label.setBuddy(self.zygosity)
            form.addRow(label, self.zygosity)
            self.body.addWidget(row)
        self.body.addWidget(self.provenance)
        self.fields.focus_first()

    def build(self) -> Command:
        sibling = self.fields.person(self.record.case.id)
        provenance = self.provenance.value()
        if self.twin:
            command = editing.add_twin(self.record, self.person.id, sibling, self.zygosity.currentData())
        else:
            command = editing.add_sibling(self.record, self.person.id, sibling)
        return _map_links(command, lambda link: replace(link, provenance=provenance))


DIRECTIONS = ("from_selected", "to_selected", "none")


class EmotionalLinkDialog(CommandDialog):
    """An emotional or abusive relationship between the selected person and another."""

    def __init__(self, record: CaseRecord, person_id: str, user: str = "", parent: QWidget | None = None) -> None:
        self.person = record.person(person_id)
        super().__init__(f"Add a relationship link for {self.person.display_name}", "Add link", record, user,
                         parent)
        self.other = QComboBox()
        self.other.setObjectName("otherPerson")
        self.other.setAccessibleName("The other person")
        for person in sorted(record.people, key=lambda p: p.display_name.lower()):
            if person.id != person_id:
                self.other.addItem(person.display_name, person.id)
        self.kind = enum_combo(EmotionalLinkKind, EmotionalLinkKind.CONFLICT, "linkKind")
        self.kind.setAccessibleName("Kind of link")
        self.direction_group = QButtonGroup(self)
        direction_box = QGroupBox("Direction")
        direction_layout = QVBoxLayout(direction_box)
        self.directions: dict[str, QRadioButton] = {}
        for key in DIRECTIONS:
            button = QRadioButton()
            button.setObjectName(f"direction_{key}")
            self.direction_group.addButton(button)
            direction_layout.addWidget(button)
            self.directions[key] = button
        self.start = DateField("Link started")
        self.end = DateField("Link ended")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("linkNotes")
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        top = QWidget()
        form = QFormLayout(top)
        for text, widget in (("&With:", self.other), ("&Kind:", self.kind)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        dates = QWidget()
        dates_form = QFormLayout(dates)
        date_rows: tuple[tuple[str, QWidget], ...] = (("Sta&rted:", self.start), ("&Ended:", self.end),
                                                       ("&Notes:", self.notes))
        for text, field_widget in date_rows:
            label = QLabel(text)
            label.setBuddy(field_widget)
            dates_form.addRow(label, field_widget)
        self.provenance = self.provenance_widget("Source: who told us, or which record says so?")
        self.body.addWidget(top)
        self.body.addWidget(direction_box)
        self.body.addWidget(dates)
        self.body.addWidget(self.provenance)
        self.other.currentIndexChanged.connect(self._update_directions)
        self.kind.currentIndexChanged.connect(self._update_directions)
        self._update_directions()
        self.other.setFocus()

    def _update_directions(self) -> None:
        me, other = self.person.display_name, self.other.currentText() or "the other person"
        abuse = isinstance(self.kind.currentData(), EmotionalLinkKind) and self.kind.currentData().is_abuse
        verb = "harms" if abuse else "towards"
        self.directions["from_selected"].setText(f"{me} {verb} {other}")
        self.directions["to_selected"].setText(f"{other} {verb} {me}")
        self.directions["none"].setText("Both ways / no direction")
        self.directions["none"].setEnabled(not abuse)
        if (abuse and self.directions["none"].isChecked()) or self.direction_group.checkedButton() is None:
            self.directions["from_selected" if abuse else "none"].setChecked(True)

    def build(self) -> Command:
        other_id = self.other.currentData()
        if not other_id:
            raise FormError("Choose the other person.", self.other)
        direction = next(key for key, button in self.directions.items() if button.isChecked())
        start, end = self.start.value(), self.end.value()
        if start and end and end.latest() < start.earliest():
            raise FormError("The link cannot end before it started.", self.end)
        from_id, to_id = (self.person.id, str(other_id))
        if direction == "to_selected":
            from_id, to_id = to_id, from_id
        kind = self.kind.currentData()
        assert isinstance(kind, EmotionalLinkKind)
        link = EmotionalLink(
            id=new_id(), case_id=self.record.case.id, from_id=from_id, to_id=to_id, kind=kind,
            directed=direction != "none", start=start, end=end, provenance=self.provenance.value(),
            notes=self.notes.toPlainText().strip(),
        )
        arrow = "→" if link.directed else "and"
        name = f"Add {kind.label.lower()} link {self.record.name_of(from_id)} {arrow} {self.record.name_of(to_id)}"
        return editing.add_entity(name, link)


class MarkingDialog(QDialog):
    """Settings ▸ Protective marking: the text printed top and bottom of every page."""

    def __init__(self, marking: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Protective marking")
        layout = QVBoxLayout(self)
        explain = QLabel("Printed in capitals at the top and bottom of every printed or exported page. "
                         "Your organisation's policy sets the wording.")
        explain.setWordWrap(True)
        self.text = QLineEdit(marking)
        self.text.setObjectName("marking")
        self.text.setAccessibleName("Protective marking")
        row = QHBoxLayout()
        label = QLabel("&Marking:")
        label.setBuddy(self.text)
        row.addWidget(label)
        row.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def marking(self) -> str:
        return self.text.text().strip().upper()
