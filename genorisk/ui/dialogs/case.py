"""Case details: reference, title, status (kept as a dated history) and lead professional."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from genorisk.domain import editing
from genorisk.domain.commands import Command
from genorisk.domain.entities import StatusChange
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import CaseStatus
from genorisk.ui.dialogs.family import CommandDialog
from genorisk.ui.dialogs.fields import FormError, enum_combo


class CaseDetailsDialog(CommandDialog):
    """Edit the case's title, status and lead professional (the reference is fixed once created)."""

    def __init__(self, record: CaseRecord, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(f"Case {record.case.reference}", "Save", record, user, parent)
        case = record.case
        self.title = QLineEdit(case.title)
        self.title.setObjectName("caseTitle")
        self.title.setAccessibleName("Case title")
        self.status = enum_combo(CaseStatus, case.status, "caseStatus")
        self.status.setAccessibleName("Case status")
        self.reason = QLineEdit()
        self.reason.setObjectName("statusReason")
        self.reason.setPlaceholderText("Why the status changed (kept in the status history)")
        self.lead = QLineEdit(case.lead_professional)
        self.lead.setObjectName("leadProfessional")
        self.lead.setAccessibleName("Lead professional")
        history = "\n".join(f"{change.since.strftime('%d/%m/%Y')}: {change.status.label}"
                            + (f" — {change.note}" if change.note else "") for change in case.status_history)
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.addRow("Reference:", QLabel(case.reference))
        for text, widget in (("&Title:", self.title), ("&Status:", self.status), ("Re&ason:", self.reason),
                             ("&Lead professional:", self.lead)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("Status history:", QLabel(history))
        self.body.addWidget(form_widget)
        self.resize(520, 360)

    def build(self) -> Command:
        case = self.record.case
        title = self.title.text().strip()
        if not title:
            raise FormError("The case needs a title (never a child's full name on its own).", self.title)
        status = self.status.currentData()
        assert isinstance(status, CaseStatus)
        history = case.status_history
        if status is not case.status:
            history = (*history, StatusChange(status, date.today(), self.reason.text().strip()))
        edited = replace(case, title=title, status_history=history, lead_professional=self.lead.text().strip())
        if edited == case:
            raise FormError("Nothing has changed.", self.title)
        name = f"Change status to {status.label}" if status is not case.status else "Edit case details"
        return editing.update_entity(self.record, edited, name)
