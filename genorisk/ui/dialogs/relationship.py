"""Record that a partnership has ended: the new status (separated, divorced, widowed, ended) and when."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from genorisk.domain import editing
from genorisk.domain.commands import Command
from genorisk.domain.entities import Partnership, PartnershipPeriod
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import PartnershipStatus
from genorisk.ui.dialogs.family import CommandDialog
from genorisk.ui.dialogs.fields import DateField, FormError, enum_combo

ENDINGS = (PartnershipStatus.SEPARATED, PartnershipStatus.DIVORCED, PartnershipStatus.WIDOWED,
           PartnershipStatus.ENDED, PartnershipStatus.TOGETHER)


class EndPartnershipDialog(CommandDialog):
    """A new status for a partnership from a date; the earlier statuses are kept as its history."""

    def __init__(self, record: CaseRecord, partnership_id: str, user: str = "", parent: QWidget | None = None) -> None:
        partnership = record.get(Partnership, partnership_id)
        if partnership is None:
            raise KeyError(f"no partnership {partnership_id}")
        self.partnership = partnership
        names = f"{record.name_of(partnership.person_a)} and {record.name_of(partnership.person_b)}"
        self.names = names
        super().__init__(f"Relationship of {names}", "Save", record, user, parent)
        self.status = enum_combo(PartnershipStatus, PartnershipStatus.SEPARATED, "newStatus", members=ENDINGS)
        self.status.setAccessibleName("New status")
        self.since = DateField("Since")
        self.since.setObjectName("statusSince")
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.addRow("Now:", QLabel(partnership.status.label))
        for text, widget in (("&New status:", self.status), ("&Since:", self.since)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.body.addWidget(form_widget)
        self.resize(460, 240)

    def build(self) -> Command:
        status = self.status.currentData()
        assert isinstance(status, PartnershipStatus)
        since = self.since.value()
        old = self.partnership
        if since and old.start and since.latest() < old.start.earliest():
            raise FormError("That is before the relationship started.", self.since)
        if status is old.status:
            raise FormError(f"The relationship is already recorded as {status.label.lower()}.", self.status)
        ended = status is not PartnershipStatus.TOGETHER
        new = replace(old, statuses=(*old.statuses, PartnershipPeriod(status, since)),
                      end=(since if ended else None))
        return editing.update_entity(self.record, new, f"{self.names}: {status.label.lower()}")
