"""Households: put a person in a household (living there, or visiting regularly), with dates and source."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from genorisk.domain import editing
from genorisk.domain.commands import Command, Put
from genorisk.domain.entities import Household, HouseholdMember, new_id
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import HouseholdRole
from genorisk.ui.dialogs.family import CommandDialog
from genorisk.ui.dialogs.fields import DateField, FormError, enum_combo

NEW_HOUSEHOLD = "__new__"


class JoinHouseholdDialog(CommandDialog):
    """The selected person lives in, or regularly visits, a household (an existing one or a new one)."""

    def __init__(self, record: CaseRecord, person_id: str, user: str = "", parent: QWidget | None = None) -> None:
        self.person = record.person(person_id)
        super().__init__(f"Household of {self.person.display_name}", "Save", record, user, parent)
        self.household = QComboBox()
        self.household.setObjectName("household")
        self.household.setAccessibleName("Household")
        for household in record.households:
            self.household.addItem(household.name, household.id)
        self.household.addItem("New household…", NEW_HOUSEHOLD)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newHouseholdName")
        self.new_name.setPlaceholderText("e.g. Mother's home")
        self.new_name.setAccessibleName("Name of the new household")
        self.address = QLineEdit()
        self.address.setObjectName("newHouseholdAddress")
        self.address.setAccessibleName("Address of the new household")
        role_labels = {HouseholdRole.RESIDENT: "Lives there", HouseholdRole.REGULAR_VISITOR: "Visits regularly"}
        self.role = enum_combo(HouseholdRole, HouseholdRole.RESIDENT, "householdRole", role_labels)
        self.role.setAccessibleName("Lives there or visits")
        self.frequency = QLineEdit()
        self.frequency.setObjectName("frequency")
        self.frequency.setPlaceholderText("e.g. daily, weekends")
        self.frequency.setAccessibleName("How often they visit")
        self.start = DateField("From")
        self.start.setObjectName("membershipStart")
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self._labels: dict[str, QLabel] = {}
        for key, text, widget in (("household", "&Household:", self.household), ("name", "New household &name:",
                                  self.new_name), ("address", "&Address:", self.address), ("role", "&Role:", self.role),
                                  ("frequency", "How &often:", self.frequency), ("start", "&From:", self.start)):
            label = QLabel(text)
            label.setBuddy(widget)
            self._labels[key] = label
            form.addRow(label, widget)
        self.provenance = self.provenance_widget("Source: who told us, or which record says so?")
        self.body.addWidget(form_widget)
        self.body.addWidget(self.provenance)
        self.household.currentIndexChanged.connect(self._update)
        self.role.currentIndexChanged.connect(self._update)
        if not record.households:
            self.new_name.setText("Family home")
        self._update()
        self.household.setFocus()

    def _update(self) -> None:
        new = self.household.currentData() == NEW_HOUSEHOLD
        for key, widget in (("name", self.new_name), ("address", self.address)):
            self._labels[key].setVisible(new)
            widget.setVisible(new)
        visitor = self.role.currentData() is HouseholdRole.REGULAR_VISITOR
        self._labels["frequency"].setVisible(visitor)
        self.frequency.setVisible(visitor)

    def build(self) -> Command:
        provenance = self.provenance.value()
        changes: list[Put] = []
        household_id = str(self.household.currentData())
        if household_id == NEW_HOUSEHOLD:
            name = self.new_name.text().strip()
            if not name:
                raise FormError("Give the new household a name.", self.new_name)
            household = Household(id=new_id(), case_id=self.record.case.id, name=name,
                                  address=self.address.text().strip())
            changes.append(Put(household))
            household_id = household.id
            record = self.record.with_entities(put=(household,))
        else:
            record = self.record
        role = self.role.currentData()
        assert isinstance(role, HouseholdRole)
        for member in record.household_members_of(household_id):
            if member.person_id == self.person.id and member.end is None and member.role is role:
                raise FormError(f"{self.person.display_name} is already recorded there.", self.household)
        command = editing.join_household(record, household_id, self.person.id, role, self.start.value(), provenance)
        for change in command.changes:
            if isinstance(change, Put) and isinstance(change.new, HouseholdMember):
                frequency = self.frequency.text().strip() if role is HouseholdRole.REGULAR_VISITOR else ""
                changes.append(Put(replace(change.new, frequency=frequency)))
        return Command(command.name, tuple(changes))


class LeaveHouseholdDialog(CommandDialog):
    """Record that the person no longer lives in (or visits) a household: an end date, kept as history."""

    def __init__(self, record: CaseRecord, person_id: str, user: str = "", parent: QWidget | None = None) -> None:
        self.person = record.person(person_id)
        super().__init__(f"{self.person.display_name} leaves a household", "Save", record, user, parent)
        names = {h.id: h.name for h in record.households}
        self.membership = QComboBox()
        self.membership.setObjectName("membership")
        self.membership.setAccessibleName("Which household")
        for member in record.household_members:
            if member.person_id == person_id and member.end is None:
                self.membership.addItem(f"{names.get(member.household_id, '?')} ({member.role.label.lower()})",
                                        member.id)
        self.end = DateField("Until", required=True)
        self.end.setObjectName("membershipEnd")
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        for text, widget in (("&Household:", self.membership), ("&Until:", self.end)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.body.addWidget(form_widget)
        self.resize(460, 220)

    def build(self) -> Command:
        member = self.record.get(HouseholdMember, str(self.membership.currentData()))
        if member is None:
            raise FormError(f"{self.person.display_name} is not a current member of any household.", self.membership)
        end = self.end.value()
        if member.start and end and end.latest() < member.start.earliest():
            raise FormError("The end date is before they joined.", self.end)
        return editing.update_entity(self.record, replace(member, end=end),
                                     f"{self.person.display_name} leaves household")
