"""The Meetings panel: agreed actions (overdue ones flagged in words), the meetings with their minuted
items and decisions, and the Working Together timescales with the referrals and assessments behind them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.entities import new_id
from genorisk.domain.network import (
    Assessment,
    AssessmentKind,
    ItemKind,
    Meeting,
    MeetingAction,
    MeetingItem,
    MeetingKind,
    Participant,
    Referral,
    ReferralDecision,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import display_date
from genorisk.network import editing, followup, queries
from genorisk.network.followup import ActionLine
from genorisk.network.timescales import Timescale, TimescaleKind, TimescaleState, timescales
from genorisk.ui.dialogs.fields import DateField, FormError, enum_combo
from genorisk.ui.models import Column
from genorisk.ui.network.agencies import checked_people, people_list
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
    lines_edit,
    lines_of,
    text_edit,
    warn,
)
from genorisk.ui.panels import PanelContext


def _agency_choices(record: CaseRecord) -> list[tuple[str, str | None]]:
    return [("(family or other)", None), *((a.name, a.id) for a in queries.agencies(record))]


class MeetingDialog(FormDialog):
    """Record a meeting: kind, date, who came, apologies, items tagged fact/statement/opinion, decisions."""

    def __init__(self, record: CaseRecord, meeting: Meeting | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.meeting = meeting
        self.setWindowTitle("Edit meeting" if meeting else "Record a meeting")
        self.setObjectName("meetingDialog")
        form = QFormLayout(self)
        self.kind = enum_combo(MeetingKind, meeting.kind if meeting else MeetingKind.CIN, "meetingKind")
        self.held_on = DateField("Date", full=True, required=True)
        self.held_on.allow_future = True
        self.held_on.set_value(meeting.held_on if meeting else date.today())
        self.chair = QLineEdit(meeting.chair if meeting else "")
        self.chair.setObjectName("meetingChair")
        self.chair.setAccessibleName("Chair")
        subjects = [p.id for p in record.subject_children]
        self.child_list = people_list(record, "meetingChildren", meeting.child_ids if meeting else subjects)
        agencies = _agency_choices(record)
        self.attendees = GridEditor("meetingAttendees", ["Name", "Role", "Agency"], {2: agencies})
        self.apologies = GridEditor("meetingApologies", ["Name", "Role", "Agency"], {2: agencies})
        for grid, people in ((self.attendees, meeting.attendees if meeting else ()),
                             (self.apologies, meeting.apologies if meeting else ())):
            for p in people:
                grid.add_row((p.name, p.role, p.agency_id))
        kinds = [(kind.label.upper(), kind) for kind in ItemKind]
        self.items = GridEditor("meetingItems", ["Fact, statement or opinion", "What was said or found", "From whom"],
                                {0: kinds})
        for item in meeting.items if meeting else ():
            self.items.add_row((item.kind, item.text, item.attributed_to))
        self.decisions = lines_edit("meetingDecisions", "Decisions, one per line", meeting.decisions if meeting else ())
        self.conference = QCheckBox("No child protection conference will follow (strategy discussions only)")
        self.conference.setObjectName("meetingNoConference")
        self.conference.setChecked(bool(meeting and meeting.conference_needed is False))
        self.late = QLineEdit(meeting.late_reason if meeting else "")
        self.late.setObjectName("meetingLateReason")
        self.late.setAccessibleName("Reason a timescale was missed")
        self.notes = text_edit("meetingNotes", "Notes", meeting.notes if meeting else "")
        form.addRow("&Kind", self.kind)
        form.addRow("&Date", self.held_on)
        form.addRow("C&hair", self.chair)
        form.addRow("&Children", self.child_list)
        form.addRow("&Attended", self.attendees.with_buttons("attendee"))
        form.addRow("A&pologies", self.apologies.with_buttons("apology"))
        form.addRow("&Items", self.items.with_buttons("item"))
        form.addRow("D&ecisions", self.decisions)
        form.addRow("", self.conference)
        form.addRow("Why &late", self.late)
        form.addRow("N&otes", self.notes)
        form.addRow(dialog_buttons(self, "Save meeting"))
        self.resize(760, 820)

    def build(self) -> Meeting:
        held = self.held_on.full_date()
        assert held is not None
        attendees = tuple(Participant(name=n, role=r, agency_id=a) for n, r, a in self.attendees.values() if n)
        apologies = tuple(Participant(name=n, role=r, agency_id=a) for n, r, a in self.apologies.values() if n)
        items = []
        for value, text, source in self.items.values():
            kind = ItemKind(value)
            if not source:
                raise FormError(f"Say who the {kind.label.lower()} “{text[:40]}” comes from.", self.items)
            items.append(MeetingItem(kind=kind, text=text, attributed_to=source))
        values: dict[str, Any] = {
            "kind": chosen_required(self.kind, MeetingKind), "held_on": held, "chair": self.chair.text().strip(),
            "child_ids": checked_people(self.child_list), "attendees": attendees, "apologies": apologies,
            "items": tuple(items), "decisions": lines_of(self.decisions),
            "conference_needed": False if self.conference.isChecked() else None,
            "late_reason": self.late.text().strip(), "notes": self.notes.toPlainText().strip(),
        }
        if self.meeting is not None:
            return replace(self.meeting, **values)
        return Meeting(id=new_id(), case_id=self.record.case.id, **values)


class ActionDialog(FormDialog):
    def __init__(self, record: CaseRecord, meeting_id: str, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.meeting_id = meeting_id
        self.setWindowTitle("Add an action")
        self.setObjectName("actionDialog")
        form = QFormLayout(self)
        self.description = text_edit("actionDescription", "What is to be done")
        self.owner = QLineEdit(user)
        self.owner.setObjectName("actionOwner")
        self.owner.setAccessibleName("Owner")
        self.agency = QComboBox()
        self.agency.setObjectName("actionAgency")
        self.agency.setAccessibleName("Owner's agency")
        for label, value in _agency_choices(record):
            self.agency.addItem(label, value)
        self.due = DateField("Due by", full=True, required=True)
        self.due.allow_future = True
        form.addRow("&What", self.description)
        form.addRow("&Owner", self.owner)
        form.addRow("&Agency", self.agency)
        form.addRow("&Due by", self.due)
        form.addRow(dialog_buttons(self, "Add action"))

    def build(self) -> MeetingAction:
        due = self.due.full_date()
        assert due is not None
        description = self.description.toPlainText().strip()
        if not description:
            raise FormError("Say what is to be done.", self.description)
        if not self.owner.text().strip():
            raise FormError("Every action needs an owner.", self.owner)
        return MeetingAction(id=new_id(), case_id=self.record.case.id, meeting_id=self.meeting_id,
                             description=description, owner=self.owner.text().strip(), due_on=due,
                             owner_agency_id=self.agency.currentData())


class ReferralDialog(FormDialog):
    def __init__(self, record: CaseRecord, referral: Referral | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.referral = referral
        self.setWindowTitle("Referral" if referral is None else "Record the referral decision")
        self.setObjectName("referralDialog")
        form = QFormLayout(self)
        self.received = DateField("Received", full=True, required=True)
        self.received.set_value(referral.received_on if referral else date.today())
        self.referrer = QLineEdit(referral.referrer if referral else "")
        self.referrer.setObjectName("referralReferrer")
        self.referrer.setAccessibleName("Referrer")
        self.child_list = people_list(record, "referralChildren",
                                    referral.child_ids if referral else [p.id for p in record.subject_children])
        self.concerns = text_edit("referralConcerns", "The concerns referred", referral.concerns if referral else "")
        self.decision = QComboBox()
        self.decision.setObjectName("referralDecision")
        self.decision.setAccessibleName("Decision")
        self.decision.addItem("(not decided yet)", None)
        for member in ReferralDecision:
            self.decision.addItem(member.label, member)
        if referral and referral.decision:
            self.decision.setCurrentIndex(self.decision.findData(referral.decision))
        self.decided = DateField("Decided on", full=True)
        self.decided.set_value(referral.decided_on if referral else None)
        self.late = QLineEdit(referral.late_reason if referral else "")
        self.late.setObjectName("referralLate")
        self.late.setAccessibleName("Reason the decision was late")
        form.addRow("&Received", self.received)
        form.addRow("Re&ferrer", self.referrer)
        form.addRow("&Children", self.child_list)
        form.addRow("C&oncerns", self.concerns)
        form.addRow("&Decision", self.decision)
        form.addRow("Decided o&n", self.decided)
        form.addRow("Why &late", self.late)
        form.addRow(dialog_buttons(self, "Save referral"))

    def build(self) -> Referral:
        received = self.received.full_date()
        assert received is not None
        decision = chosen(self.decision, ReferralDecision)
        decided = self.decided.full_date()
        if (decision is None) != (decided is None):
            raise FormError("Give both the decision and the date it was made (or neither).", self.decided)
        values: dict[str, Any] = {"received_on": received, "referrer": self.referrer.text().strip(),
                  "child_ids": checked_people(self.child_list), "concerns": self.concerns.toPlainText().strip(),
                  "decision": decision, "decided_on": decided, "late_reason": self.late.text().strip()}
        if self.referral is not None:
            return replace(self.referral, **values)
        return Referral(id=new_id(), case_id=self.record.case.id, **values)


class AssessmentDialog(FormDialog):
    def __init__(self, record: CaseRecord, assessment: Assessment | None = None, user: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.assessment = assessment
        self.setWindowTitle("Assessment")
        self.setObjectName("assessmentDialog")
        form = QFormLayout(self)
        self.kind = enum_combo(AssessmentKind, assessment.kind if assessment else None, "assessmentKind")
        self.started = DateField("Started", full=True, required=True)
        self.started.set_value(assessment.started_on if assessment else date.today())
        self.referral = QComboBox()
        self.referral.setObjectName("assessmentReferral")
        self.referral.setAccessibleName("Referral")
        self.referral.addItem("(no referral)", None)
        for referral in queries.referrals(record):
            self.referral.addItem(referral.summary, referral.id)
        if assessment and assessment.referral_id:
            self.referral.setCurrentIndex(max(self.referral.findData(assessment.referral_id), 0))
        self.child_list = people_list(record, "assessmentChildren",
                                    assessment.child_ids if assessment else [p.id for p in record.subject_children])
        self.completed = DateField("Completed", full=True)
        self.completed.set_value(assessment.completed_on if assessment else None)
        self.author = QLineEdit(assessment.author if assessment else user)
        self.author.setObjectName("assessmentAuthor")
        self.author.setAccessibleName("Author")
        self.analysis = text_edit("assessmentAnalysis", "Analysis", assessment.analysis if assessment else "", 140)
        self.late = QLineEdit(assessment.late_reason if assessment else "")
        self.late.setObjectName("assessmentLate")
        self.late.setAccessibleName("Reason the assessment went past 45 working days")
        form.addRow("&Kind", self.kind)
        form.addRow("&Started", self.started)
        form.addRow("&Referral", self.referral)
        form.addRow("&Children", self.child_list)
        form.addRow("C&ompleted", self.completed)
        form.addRow("A&uthor", self.author)
        form.addRow("&Analysis", self.analysis)
        form.addRow("Why &late", self.late)
        form.addRow(dialog_buttons(self, "Save assessment"))
        self.resize(680, 640)

    def build(self) -> Assessment:
        started = self.started.full_date()
        assert started is not None
        values: dict[str, Any] = {
            "kind": chosen_required(self.kind, AssessmentKind), "started_on": started,
            "referral_id": self.referral.currentData(),
                  "child_ids": checked_people(self.child_list), "completed_on": self.completed.full_date(),
                  "author": self.author.text().strip(), "analysis": self.analysis.toPlainText().strip(),
                  "late_reason": self.late.text().strip()}
        if self.assessment is not None:
            return replace(self.assessment, **values)
        return Assessment(id=new_id(), case_id=self.record.case.id, **values)


def _action_status(line: ActionLine) -> str:
    text = line.action.status.label
    if line.overdue:
        text = f"OVERDUE by {line.days_overdue} day{'s' if line.days_overdue != 1 else ''} ({text.lower()})"
    return text


def meeting_html(record: CaseRecord, meeting: Meeting, today: date) -> str:
    """A meeting as readable rich text for the detail pane."""
    def people(participants: tuple[Participant, ...]) -> str:
        return "; ".join(escape(p.name + (f" ({p.role})" if p.role else "")) for p in participants) or "None recorded"

    parts = [f"<h3>{escape(meeting.kind.label)}, {display_date(meeting.held_on)}</h3>"]
    if meeting.chair:
        parts.append(f"<p><b>Chair:</b> {escape(meeting.chair)}</p>")
    parts.append(f"<p><b>Children:</b> {escape(', '.join(record.name_of(c) for c in meeting.child_ids))}</p>")
    parts.append(f"<p><b>Attended:</b> {people(meeting.attendees)}<br>"
                 f"<b>Apologies:</b> {people(meeting.apologies)}</p>")
    if meeting.items:
        rows = "".join(f"<tr><td><b>{item.kind.label.upper()}</b></td><td>{escape(item.text)}</td>"
                       f"<td>{escape(item.attributed_to)}</td></tr>" for item in meeting.items)
        parts.append(f"<table border='1' cellspacing='0' cellpadding='3'><tr><th>Type</th><th>What</th>"
                     f"<th>From</th></tr>{rows}</table>")
    if meeting.decisions:
        parts.append("<p><b>Decisions:</b></p><ol>" + "".join(f"<li>{escape(d)}</li>" for d in meeting.decisions)
                     + "</ol>")
    actions = queries.actions_of(record, meeting.id)
    if actions:
        parts.append("<p><b>Actions:</b></p><ul>" + "".join(
            f"<li>{escape(a.description)} — {escape(a.owner)}, due {display_date(a.due_on)}: "
            f"<b>{'OVERDUE, ' if a.is_overdue_on(today) else ''}{escape(a.status.label)}</b></li>" for a in actions)
            + "</ul>")
    return "".join(parts)


class MeetingsPanel(QWidget):
    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("meetingsPanel")
        self.setAccessibleName("Meetings, actions and timescales")
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("meetingsTabs")
        layout.addWidget(self.tabs)

        actions_page = QWidget()
        actions_layout = QVBoxLayout(actions_page)
        self.action_table: RecordTable[ActionLine] = RecordTable("actionsTable", [
            Column("Action", lambda line: line.action.description),
            Column("Owner", lambda line: line.action.owner),
            Column("Due", lambda line: day(line.action.due_on), lambda line: day_sort(line.action.due_on)),
            Column("Status", _action_status, lambda line: (not line.overdue, line.action.status.value)),
            Column("From", lambda line: line.meeting.summary if line.meeting else ""),
            Column("Completion note", lambda line: line.action.completion_note),
        ], lambda line: line.overdue, lambda line: line.action.id)
        actions_layout.addWidget(self.action_table)
        self.show_done = QCheckBox("Show completed and closed actions too")
        self.show_done.setObjectName("showDoneActions")
        self.show_done.toggled.connect(lambda _on: self.refresh())
        actions_layout.addWidget(self.show_done)
        actions_layout.addLayout(button_row(
            button("&Complete…", "completeAction", self.complete_action),
            button("C&lose without doing…", "closeAction", self.close_action,
                   "Close an action that will not be done, with a written rationale"),
            button("&Reassign…", "reassignAction", self.reassign_action)))
        self.tabs.addTab(actions_page, "Actions")

        meetings_page = QSplitter()
        meetings_page.setObjectName("meetingsSplitter")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.meetings: RecordTable[Meeting] = RecordTable("meetingsTable", [
            Column("Date", lambda m: day(m.held_on), lambda m: day_sort(m.held_on)),
            Column("Meeting", lambda m: m.kind.label + (" (booked)" if m.held_on > date.today() else "")),
            Column("Outstanding actions", lambda m: str(sum(1 for a in queries.actions_of(self.record, m.id)
                                                           if a.status.is_outstanding))),
        ])
        left_layout.addWidget(self.meetings)
        left_layout.addLayout(button_row(button("Record &meeting…", "addMeeting", self.add_meeting),
                                         button("&Edit meeting…", "editMeeting", self.edit_meeting),
                                         button("Add &action…", "addAction", self.add_action)))
        self.detail = QTextBrowser()
        self.detail.setObjectName("meetingDetail")
        self.detail.setAccessibleName("The selected meeting")
        meetings_page.addWidget(left)
        meetings_page.addWidget(self.detail)
        self.tabs.addTab(meetings_page, "Meetings")

        time_page = QWidget()
        time_layout = QVBoxLayout(time_page)
        self.timescales: RecordTable[Timescale] = RecordTable("timescalesTable", [
            Column("What", lambda t: t.kind.label),
            Column("Due", lambda t: day(t.due_on), lambda t: day_sort(t.due_on)),
            Column("State", lambda t: t.state.label),
            Column("Detail", lambda t: t.description + (f". Reason: {t.reason_recorded}" if t.reason_recorded else "")),
        ], lambda t: t.state in (TimescaleState.OVERDUE, TimescaleState.LATE), lambda t: t.key)
        time_layout.addWidget(self.timescales)
        time_layout.addLayout(button_row(
            button("Add re&ferral…", "addReferral", self.add_referral),
            button("Referral &decision…", "decideReferral", self.decide_referral),
            button("Add a&ssessment…", "addAssessment", self.add_assessment),
            button("Edit assess&ment…", "editAssessment", self.edit_assessment)))
        self.tabs.addTab(time_page, "Timescales")

        self.meetings.selectionModel().selectionChanged.connect(lambda *_: self._show_meeting())
        context.record_changed.connect(lambda *_: self.refresh())
        self.refresh()

    @property
    def record(self) -> CaseRecord:
        return self.context.record

    def refresh(self) -> None:
        today = date.today()
        outstanding_only = not self.show_done.isChecked()
        self.action_table.set_rows(followup.action_lines(self.record, today, outstanding_only=outstanding_only))
        self.meetings.set_rows(list(reversed(queries.meetings(self.record))))
        self.timescales.set_rows(timescales(self.record, today))
        overdue = len(followup.overdue_actions(self.record, today))
        self.tabs.setTabText(0, f"Actions ({overdue} overdue)" if overdue else "Actions")
        if self.meetings.current_id() is None and self.meetings.row_count():
            self.meetings.selectRow(0)
        self._show_meeting()

    def _show_meeting(self) -> None:
        meeting = self.meetings.current_row()
        self.detail.setHtml(meeting_html(self.record, meeting, date.today()) if meeting else
                            "<p>Select a meeting to read its record.</p>")

    def _action(self) -> MeetingAction | None:
        action = self.record.get(MeetingAction, self.action_table.current_id() or "")
        if action is None:
            warn(self, "Actions", "Select an action first.")
        return action

    def complete_action(self) -> None:
        action = self._action()
        if action is None:
            return
        dialog = TextDialog(f"Complete: {action.description}", "", "What was done (required):", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.context.apply(editing.complete_action(self.record, action.id, date.today(), dialog.value()))

    def close_action(self) -> None:
        action = self._action()
        if action is None:
            return
        dialog = TextDialog(f"Close without doing: {action.description}", "",
                            "Why this action will not be done (required; recorded with your name):", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.context.apply(editing.close_action(self.record, action.id, date.today(), dialog.value()))

    def reassign_action(self) -> None:
        action = self._action()
        if action is None:
            return
        dialog = ActionDialog(self.record, action.meeting_id, action.owner, self)
        dialog.setWindowTitle(f"Reassign: {action.description}")
        dialog.description.setPlainText(action.description)
        dialog.description.setReadOnly(True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            new = dialog.result_value
            assert isinstance(new, MeetingAction)
            self.context.apply(editing.reassign_action(self.record, action.id, new.owner, new.due_on,
                                                       new.owner_agency_id))

    def add_meeting(self) -> None:
        dialog = MeetingDialog(self.record, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            meeting = dialog.result_value
            assert isinstance(meeting, Meeting)
            self.context.apply(editing.add_record(meeting, f"Record {meeting.summary}"))

    def edit_meeting(self) -> None:
        meeting = self.meetings.current_row()
        if meeting is None:
            warn(self, "Meetings", "Select a meeting first.")
            return
        dialog = MeetingDialog(self.record, meeting, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            edited = dialog.result_value
            assert isinstance(edited, Meeting)
            self.context.apply(editing.replace_record(self.record, edited, f"Edit {edited.summary}"))

    def add_action(self) -> None:
        meeting = self.meetings.current_row()
        if meeting is None:
            warn(self, "Add an action", "Select the meeting that agreed the action first.")
            return
        dialog = ActionDialog(self.record, meeting.id, self.context.user, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            action = dialog.result_value
            assert isinstance(action, MeetingAction)
            self.context.apply(editing.add_record(action, f"Add {action.summary}"))

    def add_referral(self) -> None:
        dialog = ReferralDialog(self.record, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            referral = dialog.result_value
            assert isinstance(referral, Referral)
            self.context.apply(editing.add_record(referral, f"Add {referral.summary}"))

    def _selected(self, kind: TimescaleKind) -> str | None:
        check = self.timescales.current_row()
        return check.record_id if check is not None and check.kind is kind else None

    def decide_referral(self) -> None:
        referral_id = self._selected(TimescaleKind.REFERRAL_DECISION)
        referral = self.record.get(Referral, referral_id or "")
        if referral is None:
            referrals = queries.referrals(self.record)
            referral = referrals[-1] if referrals else None
        if referral is None:
            warn(self, "Referral decision", "There is no referral yet: add one first.")
            return
        dialog = ReferralDialog(self.record, referral, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            decided = dialog.result_value
            assert isinstance(decided, Referral)
            self.context.apply(editing.replace_record(self.record, decided, f"Record decision on {decided.summary}"))

    def add_assessment(self) -> None:
        dialog = AssessmentDialog(self.record, user=self.context.user, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            assessment = dialog.result_value
            assert isinstance(assessment, Assessment)
            self.context.apply(editing.add_record(assessment, f"Add {assessment.summary}"))

    def edit_assessment(self) -> None:
        assessment = self.record.get(Assessment, self._selected(TimescaleKind.ASSESSMENT) or "")
        if assessment is None:
            found = queries.assessments(self.record)
            assessment = found[-1] if found else None
        if assessment is None:
            warn(self, "Assessment", "There is no assessment yet: add one first.")
            return
        dialog = AssessmentDialog(self.record, assessment, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            edited = dialog.result_value
            assert isinstance(edited, Assessment)
            self.context.apply(editing.replace_record(self.record, edited, f"Edit {edited.summary}"))

