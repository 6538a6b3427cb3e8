"""The Agencies panel: who is in the professional network, what each agency knows (the
information-sharing matrix, gaps said in words), the information-sharing log and the ecomap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.entities import new_id
from genorisk.domain.network import (
    Agency,
    AgencyContact,
    AgencyKind,
    ConsentPosition,
    InformationSharingDecision,
    LawfulBasis,
    Schedule1Condition,
    ShareDecision,
    SharedItem,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import CaseStatus, LabelledEnum, display_date
from genorisk.interop.atomic import write_bytes_atomically
from genorisk.network import editing, queries
from genorisk.network.ecomap import EcomapError, render_ecomap
from genorisk.network.matrix import COLUMN_HEADINGS, COLUMNS, MatrixRow, build_matrix
from genorisk.ui.dialogs.fields import DateField, FormError, enum_combo
from genorisk.ui.models import Column
from genorisk.ui.network.common import (
    FormDialog,
    GridEditor,
    RecordTable,
    TextDialog,
    button,
    button_row,
    chosen,
    chosen_required,
    day,
    day_sort,
    dialog_buttons,
    text_edit,
    warn,
)
from genorisk.ui.panels import PanelContext


def people_list(record: CaseRecord, name: str, chosen: Sequence[str] = ()) -> QListWidget:
    """A checkable list of the case's people."""
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setAccessibleName(name.replace("_", " "))
    for person in sorted(record.people, key=lambda p: (not p.is_subject_child, p.display_name)):
        if person.pregnancy is not None:
            continue
        item = QListWidgetItem(person.display_name + (" (subject child)" if person.is_subject_child else ""))
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if person.id in chosen else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(130)
    return widget


def checked_people(widget: QListWidget) -> tuple[str, ...]:
    return tuple(str(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.CheckState.Checked)


# --- agency ------------------------------------------------------------------------------------------
class AgencyDialog(FormDialog):
    def __init__(self, record: CaseRecord, agency: Agency | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.agency = agency
        self.setWindowTitle("Edit agency" if agency else "Add agency")
        self.setObjectName("agencyDialog")
        form = QFormLayout(self)
        self.kind = enum_combo(AgencyKind, agency.kind if agency else None, "agencyKind")
        self.name = QLineEdit(agency.name if agency else "")
        self.name.setObjectName("agencyName")
        self.name.setAccessibleName("Agency name")
        self.address = QLineEdit(agency.address if agency else "")
        self.address.setObjectName("agencyAddress")
        self.address.setAccessibleName("Address")
        self.contacts = GridEditor("agencyContacts", ["Name", "Role", "Telephone", "E-mail"])
        for contact in agency.contacts if agency else ():
            self.contacts.add_row((contact.name, contact.role, contact.telephone, contact.email))
        self.works_with = people_list(record, "agencyWorksWith", agency.involved_with if agency else ())
        self.start = DateField("Involved from", full=True)
        self.start.set_value(agency.involved_from if agency else None)
        self.end = DateField("Involved until", full=True)
        self.end.set_value(agency.involved_to if agency else None)
        self.lead = QCheckBox("Lead agency (holds the case and writes the plan)")
        self.lead.setObjectName("agencyLead")
        self.lead.setChecked(bool(agency and agency.lead_agency))
        self.withhold = QCheckBox("Its name, address and contacts could lead someone to a victim (e.g. a refuge)")
        self.withhold.setObjectName("agencyWithhold")
        self.withhold.setChecked(bool(agency and agency.withhold_details))
        self.notes = text_edit("agencyNotes", "Notes", agency.notes if agency else "")
        form.addRow("&Kind", self.kind)
        form.addRow("&Name", self.name)
        form.addRow("&Address", self.address)
        form.addRow("&Contacts", self.contacts.with_buttons("contact"))
        form.addRow("&Works with", self.works_with)
        form.addRow("Involved &from", self.start)
        form.addRow("Involved &until", self.end)
        form.addRow("", self.lead)
        form.addRow("", self.withhold)
        form.addRow("N&otes", self.notes)
        form.addRow(dialog_buttons(self, "Save agency"))
        self.resize(620, 640)

    def build(self) -> Agency:
        name = self.name.text().strip()
        if not name:
            raise FormError("The agency needs a name.", self.name)
        contacts = tuple(AgencyContact(name=n, role=r, telephone=t, email=e) for n, r, t, e in self.contacts.values()
                         if n)
        values: dict[str, Any] = {
            "kind": chosen_required(self.kind, AgencyKind), "name": name, "address": self.address.text().strip(),
            "contacts": contacts, "involved_with": checked_people(self.works_with),
            "involved_from": self.start.full_date(), "involved_to": self.end.full_date(),
            "lead_agency": self.lead.isChecked(), "withhold_details": self.withhold.isChecked(),
            "notes": self.notes.toPlainText().strip(),
        }
        if self.agency is not None:
            return replace(self.agency, **values)
        return Agency(id=new_id(), case_id=self.record.case.id, **values)


# --- notification ------------------------------------------------------------------------------------
class NotificationDialog(FormDialog):
    """Record that an agency was told the child's status, sent a document or invited to a meeting."""

    def __init__(self, record: CaseRecord, user: str, agency_id: str | None = None, item: SharedItem | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle("Record what an agency was told or sent")
        self.setObjectName("notificationDialog")
        form = QFormLayout(self)
        self.agency = QComboBox()
        self.agency.setObjectName("notificationAgency")
        self.agency.setAccessibleName("Agency")
        for agency in queries.agencies(record, on=date.today()):
            self.agency.addItem(agency.name, agency.id)
        if agency_id:
            self.agency.setCurrentIndex(max(self.agency.findData(agency_id), 0))
        self.item = enum_combo(SharedItem, item, "notificationItem")
        self.status = enum_combo(CaseStatus, record.case.status, "notificationStatus")
        self.meeting = QComboBox()
        self.meeting.setObjectName("notificationMeeting")
        self.meeting.setAccessibleName("Meeting")
        self.meeting.addItem("(not about one meeting)", None)
        for meeting in reversed(queries.meetings(record)):
            self.meeting.addItem(meeting.summary, meeting.id)
        self.on = DateField("Date", full=True, required=True)
        self.on.set_value(date.today())
        self.sent_by = QLineEdit(user)
        self.sent_by.setObjectName("notificationSentBy")
        self.sent_by.setAccessibleName("Told or sent by")
        self.method = QLineEdit()
        self.method.setObjectName("notificationMethod")
        self.method.setAccessibleName("How")
        self.method.setPlaceholderText("e.g. secure e-mail, letter, telephone")
        self.also_log = QCheckBox("Also record it in the information-sharing log")
        self.also_log.setObjectName("notificationAlsoLog")
        self.notes = text_edit("notificationNotes", "Notes")
        form.addRow("&Agency", self.agency)
        form.addRow("&What", self.item)
        form.addRow("&Status told", self.status)
        form.addRow("&Meeting", self.meeting)
        form.addRow("&Date", self.on)
        form.addRow("Told or sent &by", self.sent_by)
        form.addRow("&How", self.method)
        form.addRow("", self.also_log)
        form.addRow("N&otes", self.notes)
        form.addRow(dialog_buttons(self, "Record"))
        self.item.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        item = chosen(self.item, SharedItem)
        self.status.setEnabled(item is SharedItem.STATUS)
        self.meeting.setEnabled(item in (SharedItem.MINUTES, SharedItem.INVITATION))
        if item is SharedItem.INVITATION and self.meeting.count() > 1 and self.meeting.currentIndex() == 0:
            self.meeting.setCurrentIndex(1)

    def build(self) -> object:
        if self.agency.currentData() is None:
            raise FormError("Add the agency first.", self.agency)
        on = self.on.full_date()
        assert on is not None
        return editing.record_notification(
            self.record, self.agency.currentData(), chosen_required(self.item, SharedItem), on,
            status=chosen(self.status, CaseStatus) if chosen(self.item, SharedItem) is SharedItem.STATUS else None,
            meeting_id=self.meeting.currentData() if self.meeting.isEnabled() else None,
            sent_by=self.sent_by.text().strip(), method=self.method.text().strip(),
            notes=self.notes.toPlainText().strip())


# --- information-sharing decision ----------------------------------------------------------------------
class SharingDecisionDialog(FormDialog):
    """Log a decision to share or not to share. It cannot be saved without a reason, a lawful basis, a
    recipient and the consent position (golden rule 7; rule R13)."""

    def __init__(self, record: CaseRecord, user: str, parent: QWidget | None = None, *,
                 recipient_agency_id: str | None = None, information: str = "") -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle("Log a decision to share or not to share")
        self.setObjectName("sharingDialog")
        form = QFormLayout(self)
        self.decision = enum_combo(ShareDecision, ShareDecision.SHARED, "sharingDecision")
        self.on = DateField("Date of the decision", full=True, required=True)
        self.on.set_value(date.today())
        self.by = QLineEdit(user)
        self.by.setObjectName("sharingBy")
        self.by.setAccessibleName("Decided by")
        self.information = text_edit("sharingInformation", "What was shared, or asked for and not shared", information)
        self.recipient = QLineEdit()
        self.recipient.setObjectName("sharingRecipient")
        self.recipient.setAccessibleName("With whom (name and role)")
        self.agency = QComboBox()
        self.agency.setObjectName("sharingAgency")
        self.agency.setAccessibleName("Recipient agency")
        self.agency.addItem("(not an agency on the case)", None)
        for agency in queries.agencies(record):
            self.agency.addItem(agency.name, agency.id)
        if recipient_agency_id:
            self.agency.setCurrentIndex(max(self.agency.findData(recipient_agency_id), 0))
        self.requested_by = QLineEdit()
        self.requested_by.setObjectName("sharingRequestedBy")
        self.requested_by.setAccessibleName("Requested by")
        self.basis = self._optional(LawfulBasis, "sharingBasis", "— choose the lawful basis —")
        self.special = QCheckBox("Special category data (health, sexual life, criminal allegations…)")
        self.special.setObjectName("sharingSpecial")
        self.condition = self._optional(Schedule1Condition, "sharingCondition", "— choose the Schedule 1 condition —")
        self.consent = self._optional(ConsentPosition, "sharingConsent", "— was consent sought? —")
        self.consent_note = QLineEdit()
        self.consent_note.setObjectName("sharingConsentNote")
        self.consent_note.setAccessibleName("Why consent was not sought")
        self.reason = text_edit("sharingReason", "The reason for sharing, or for not sharing")
        self.about = people_list(record, "sharingAbout")
        form.addRow("&Decision", self.decision)
        form.addRow("D&ate", self.on)
        form.addRow("Decided &by", self.by)
        form.addRow("&What", self.information)
        form.addRow("With &whom", self.recipient)
        form.addRow("Recipient a&gency", self.agency)
        form.addRow("Re&quested by", self.requested_by)
        form.addRow("&Lawful basis", self.basis)
        form.addRow("", self.special)
        form.addRow("Sc&hedule 1", self.condition)
        form.addRow("&Consent", self.consent)
        form.addRow("Why &not sought", self.consent_note)
        form.addRow("&Reason", self.reason)
        form.addRow("A&bout", self.about)
        form.addRow(QLabel("Golden rule 5: never share where someone who could be harmed can be found."))
        form.addRow(dialog_buttons(self, "Log decision"))
        self.resize(640, 720)

    @staticmethod
    def _optional(enum: type[LabelledEnum], name: str, blank: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(blank.strip("— "))
        combo.addItem(blank, None)
        for member in enum:
            combo.addItem(member.label, member)
        return combo

    def build(self) -> object:
        on = self.on.full_date()
        assert on is not None
        decision = InformationSharingDecision(
            id=new_id(), case_id=self.record.case.id, decision=chosen_required(self.decision, ShareDecision),
            decided_on=on,
            decided_by=self.by.text().strip(), information=self.information.toPlainText().strip(),
            recipient=self.recipient.text().strip(), recipient_agency_id=self.agency.currentData(),
            requested_by=self.requested_by.text().strip(), lawful_basis=chosen(self.basis, LawfulBasis),
            special_category=self.special.isChecked(), schedule1_condition=chosen(self.condition, Schedule1Condition),
            consent=chosen(self.consent, ConsentPosition), consent_note=self.consent_note.text().strip(),
            reason=self.reason.toPlainText().strip(), person_ids=checked_people(self.about))
        if decision.recipient == "" and decision.recipient_agency_id:
            decision = replace(decision, recipient=queries.agency_name(self.record, decision.recipient_agency_id))
        try:
            return editing.log_sharing_decision(decision)
        except editing.IncompleteRecord as missing:
            raise FormError(str(missing), self.reason) from missing


# --- the panel -----------------------------------------------------------------------------------------
def _matrix_columns() -> list[Column[MatrixRow]]:
    def cell(item: SharedItem) -> Column[MatrixRow]:
        return Column(COLUMN_HEADINGS[item], lambda r: r.cell(item).text, tooltip=lambda r: r.cell(item).detail)

    return [Column("Agency", lambda r: f"{r.agency.name} ({r.agency.kind.label})",
                   tooltip=lambda r: "\n".join(c.detail for c in r.gaps) or "No gaps"),
            *(cell(item) for item in COLUMNS)]


class AgenciesPanel(QWidget):
    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("agenciesPanel")
        self.setAccessibleName("Agencies and information sharing")
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setObjectName("agenciesHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.headline)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agenciesTabs")
        layout.addWidget(self.tabs)

        matrix_page = QWidget()
        matrix_layout = QVBoxLayout(matrix_page)
        self.matrix: RecordTable[MatrixRow] = RecordTable("matrixTable", _matrix_columns(), lambda r: bool(r.gaps),
                                                          lambda r: r.agency.id)
        matrix_layout.addWidget(self.matrix)
        self.gaps = QLabel()
        self.gaps.setObjectName("matrixGaps")
        self.gaps.setWordWrap(True)
        matrix_layout.addWidget(self.gaps)
        matrix_layout.addLayout(button_row(
            button("&Record told or sent…", "recordNotification", self.record_notification,
                   "Record that the selected agency was told the child's status, sent the plan, minutes or "
                   "assessment, or invited to a meeting"),
            button("Add a&gency…", "addAgency", self.add_agency),
            button("&Edit agency…", "editAgency", self.edit_agency),
            button("End &involvement…", "endAgency", self.end_agency)))
        self.tabs.addTab(matrix_page, "Who knows what")

        log_page = QWidget()
        log_layout = QVBoxLayout(log_page)
        self.log: RecordTable[InformationSharingDecision] = RecordTable("sharingLog", [
            Column("Date", lambda d: day(d.decided_on), lambda d: day_sort(d.decided_on)),
            Column("Decision", lambda d: d.decision.label),
            Column("What", lambda d: d.information),
            Column("With whom", lambda d: d.recipient or queries.agency_name(self.record, d.recipient_agency_id)),
            Column("Lawful basis", lambda d: d.lawful_basis.label if d.lawful_basis else "NOT RECORDED"),
            Column("Reason", lambda d: d.reason or "NOT RECORDED"),
            Column("Incomplete", lambda d: ", ".join(d.missing()) or "Complete"),
        ], lambda d: bool(d.missing()))
        log_layout.addWidget(self.log)
        log_layout.addLayout(button_row(button("&Log a decision…", "logDecision", self.log_decision)))
        self.tabs.addTab(log_page, "Information-sharing log")

        ecomap_page = QWidget()
        ecomap_layout = QVBoxLayout(ecomap_page)
        self.ecomap = QSvgWidget()
        self.ecomap.setObjectName("ecomapView")
        self.ecomap.setAccessibleName("Ecomap: the family and its professional network")
        scroll = QScrollArea()
        scroll.setWidget(self.ecomap)
        scroll.setWidgetResizable(False)
        ecomap_layout.addWidget(scroll)
        self.ecomap_note = QLabel()
        self.ecomap_note.setObjectName("ecomapNote")
        self.ecomap_note.setWordWrap(True)
        ecomap_layout.addWidget(self.ecomap_note)
        ecomap_layout.addLayout(button_row(button("&Save ecomap…", "saveEcomap", self.save_ecomap)))
        self.tabs.addTab(ecomap_page, "Ecomap")
        self._ecomap_stale = True
        self.tabs.currentChanged.connect(lambda _index: self._refresh_ecomap())
        self.matrix.selectionModel().selectionChanged.connect(lambda *_: self._show_gaps())
        context.record_changed.connect(lambda *_: self.refresh())
        self.refresh()

    @property
    def record(self) -> CaseRecord:
        return self.context.record

    def refresh(self) -> None:
        today = date.today()
        matrix = build_matrix(self.record, today)
        self.matrix.set_rows(sorted(matrix.rows, key=lambda r: (not r.cell(SharedItem.STATUS).state.is_gap,
                                                                not r.gaps, r.agency.name)))
        self.log.set_rows(queries.sharing_decisions(self.record))
        unknowing = [row.agency.name for row in matrix.rows if row.cell(SharedItem.STATUS).state.is_gap]
        status = matrix.status.label if matrix.status else "no status"
        since = f" since {display_date(matrix.status_since)}" if matrix.status_since else ""
        text = f"The child's status: <b>{status}</b>{since}. "
        if unknowing:
            text += (f"<b>{len(unknowing)} agenc{'y' if len(unknowing) == 1 else 'ies'} may not know it:</b> "
                     + ", ".join(unknowing) + ".")
        else:
            text += "Every agency in the network has a record of being told."
        self.headline.setText(text)
        self._show_gaps()
        self._ecomap_stale = True
        self._refresh_ecomap()

    def _show_gaps(self) -> None:
        row = self.matrix.current_row()
        if row is None:
            self.gaps.setText("Select an agency to see its gaps in words.")
            return
        details = [f"• {cell.detail}" for cell in row.gaps] or ["No gaps."]
        self.gaps.setText(f"{row.agency.name}:\n" + "\n".join(details))

    def _refresh_ecomap(self) -> None:
        if not self._ecomap_stale or self.tabs.currentIndex() != 2:
            return
        self._ecomap_stale = False
        if not self.record.all(Agency):
            self.ecomap_note.setText("Add agencies to see the ecomap.")
            self.ecomap.load(b"")
            return
        try:
            svg = render_ecomap(self.record, date.today(), "svg")
        except EcomapError as problem:
            self.ecomap_note.setText(str(problem))
            return
        self.ecomap.load(svg)
        self.ecomap.resize(self.ecomap.sizeHint())
        self.ecomap_note.setText("Thick solid line: knows the status and holds the plan. Dashed: knows the "
                                 "status, no plan. Dotted: does not know the current status.")

    # --- actions ------------------------------------------------------------------------------------
    def record_notification(self) -> None:
        dialog = NotificationDialog(self.record, self.context.user, self.matrix.current_id(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self.context.apply(dialog.result_value) and dialog.also_log.isChecked():  # type: ignore[arg-type]
            what = chosen_required(dialog.item, SharedItem)
            status = chosen(dialog.status, CaseStatus)
            info = (f"The child's status ({status.label})" if what is SharedItem.STATUS and status
                    else what.label)
            self.log_decision(dialog.agency.currentData(), info)

    def add_agency(self) -> None:
        dialog = AgencyDialog(self.record, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            agency = dialog.result_value
            assert isinstance(agency, Agency)
            self.context.apply(editing.add_record(agency, f"Add agency {agency.name}"))

    def edit_agency(self) -> None:
        agency = self.record.get(Agency, self.matrix.current_id() or "")
        if agency is None:
            warn(self, "Edit agency", "Select an agency in the table first.")
            return
        dialog = AgencyDialog(self.record, agency, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            edited = dialog.result_value
            assert isinstance(edited, Agency)
            self.context.apply(editing.replace_record(self.record, edited, f"Edit agency {edited.name}"))

    def end_agency(self) -> None:
        agency = self.record.get(Agency, self.matrix.current_id() or "")
        if agency is None:
            warn(self, "End involvement", "Select an agency in the table first.")
            return
        dialog = TextDialog(f"End involvement: {agency.name}", "The agency stays on file with what it was told.",
                            "Why its involvement ended (recorded in its notes):", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            notes = (agency.notes + "\n" if agency.notes else "") + f"Involvement ended: {dialog.value()}"
            ended = replace(agency, involved_to=date.today(), notes=notes)
            self.context.apply(editing.replace_record(self.record, ended, f"End involvement of {agency.name}"))

    def log_decision(self, agency_id: str | None = None, information: str = "") -> None:
        dialog = SharingDecisionDialog(self.record, self.context.user, self, recipient_agency_id=agency_id,
                                       information=information)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.context.apply(dialog.result_value)  # type: ignore[arg-type]

    def save_ecomap(self) -> None:
        name = f"{self.record.case.reference}-ecomap.svg"
        path, _ = QFileDialog.getSaveFileName(self, "Save ecomap", name, "SVG (*.svg);;PNG (*.png);;PDF (*.pdf)")
        if path:
            self.write_ecomap(Path(path))

    def write_ecomap(self, path: Path) -> None:
        fmt = path.suffix.lower().lstrip(".") or "svg"
        try:
            write_bytes_atomically(path, render_ecomap(self.record, date.today(), fmt))
        except (EcomapError, ValueError, OSError) as problem:
            warn(self, "Ecomap not saved", str(problem))
