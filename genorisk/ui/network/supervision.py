"""The Supervision panel: supervision records and the concerns they carry forward until each is closed
with a reason, and the supervisor's sign-off of supervision records and assessments."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.entities import new_id
from genorisk.domain.network import Assessment, Rationale, Supervision, SupervisionConcern
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import display_date
from genorisk.network import editing, followup, queries
from genorisk.network.followup import ConcernLine
from genorisk.ui.dialogs.fields import DateField, FormError
from genorisk.ui.models import Column
from genorisk.ui.network.common import (
    FormDialog,
    GridEditor,
    RecordTable,
    TextDialog,
    button,
    button_row,
    day,
    day_sort,
    dialog_buttons,
    lines_edit,
    lines_of,
    text_edit,
    warn,
)
from genorisk.ui.panels import PanelContext


def sign_off_text(entity: Supervision | Assessment) -> str:
    if entity.sign_off is not None:
        return f"Signed off by {entity.sign_off.by} on {display_date(entity.sign_off.on)}"
    if isinstance(entity, Assessment) and entity.completed_on is None:
        return "In progress"
    return "AWAITING SIGN-OFF"


def concern_state(line: ConcernLine) -> str:
    if not line.concern.is_open:
        return f"Closed {day(line.concern.closed_on)}: {line.concern.closure_reason}"
    return "OPEN, PAST REVIEW DATE" if line.past_review else "Open"


class SupervisionDialog(FormDialog):
    """Record a supervision session. Every open concern is carried forward into it automatically."""

    def __init__(self, record: CaseRecord, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle("Record supervision")
        self.setObjectName("supervisionDialog")
        form = QFormLayout(self)
        self.held_on = DateField("Date", full=True, required=True)
        self.held_on.set_value(date.today())
        self.supervisor = QLineEdit()
        self.supervisor.setObjectName("supervisionSupervisor")
        self.supervisor.setAccessibleName("Supervisor")
        self.supervisee = QLineEdit(user)
        self.supervisee.setObjectName("supervisionSupervisee")
        self.supervisee.setAccessibleName("Supervisee")
        carried = followup.carried_forward(record, date.today())
        reviewed = QLabel("\n".join(f"• {c.description}" for c in carried) or "None")
        reviewed.setObjectName("supervisionCarried")
        reviewed.setWordWrap(True)
        self.new_concerns = lines_edit("supervisionNewConcerns", "New concerns, one per line")
        self.analysis = text_edit("supervisionAnalysis", "Analysis: the worker's and the supervisor's", height=90)
        self.decisions = GridEditor("supervisionDecisions", ["Decision", "Rationale"])
        self.review = DateField("Review by", full=True)
        self.review.allow_future = True
        form.addRow("&Date", self.held_on)
        form.addRow("&Supervisor", self.supervisor)
        form.addRow("Supervis&ee", self.supervisee)
        form.addRow("Carried forward", reviewed)
        form.addRow("&New concerns", self.new_concerns)
        form.addRow("&Analysis", self.analysis)
        form.addRow("De&cisions", self.decisions.with_buttons("decision"))
        form.addRow("&Review by", self.review)
        form.addRow(dialog_buttons(self, "Save supervision"))
        self.resize(680, 640)

    def build(self) -> object:
        held = self.held_on.full_date()
        assert held is not None
        if not self.supervisor.text().strip():
            raise FormError("Name the supervisor.", self.supervisor)
        decisions = []
        for text, rationale in self.decisions.values():
            if not rationale:
                raise FormError(f"The decision “{text}” needs its rationale.", self.decisions)
            decisions.append(Rationale(decision=text, rationale=rationale))
        supervision = Supervision(id=new_id(), case_id=self.record.case.id, held_on=held,
                                  supervisor=self.supervisor.text().strip(), supervisee=self.supervisee.text().strip(),
                                  analysis=self.analysis.toPlainText().strip(), decisions=tuple(decisions),
                                  review_on=self.review.full_date())
        subjects = tuple(p.id for p in self.record.subject_children)
        return editing.record_supervision(self.record, supervision, lines_of(self.new_concerns), subjects)


def supervision_html(record: CaseRecord, supervision: Supervision) -> str:
    concerns = [record.get(SupervisionConcern, c) for c in supervision.concerns_reviewed]
    raised = [c for c in record.all(SupervisionConcern) if c.raised_in == supervision.id]
    parts = [f"<h3>Supervision on {display_date(supervision.held_on)}</h3>",
             f"<p><b>Supervisor:</b> {escape(supervision.supervisor)}"
             + (f"; <b>supervisee:</b> {escape(supervision.supervisee)}" if supervision.supervisee else "") + "</p>",
             f"<p><b>{escape(sign_off_text(supervision))}</b>"
             + (f": “{escape(supervision.sign_off.comment)}”" if supervision.sign_off and supervision.sign_off.comment
                else "") + "</p>"]
    if raised:
        parts.append("<p><b>Concerns raised:</b></p><ul>" + "".join(f"<li>{escape(c.description)}</li>" for c in raised)
                     + "</ul>")
    shown = [c for c in concerns if c is not None]
    if shown:
        parts.append("<p><b>Concerns reviewed:</b></p><ul>" + "".join(
            f"<li>{escape(c.description)}{' (closed)' if not c.is_open else ''}</li>" for c in shown) + "</ul>")
    if supervision.analysis:
        parts.append(f"<p><b>Analysis:</b> {escape(supervision.analysis)}</p>")
    if supervision.decisions:
        parts.append("<p><b>Decisions:</b></p><ul>" + "".join(
            f"<li>{escape(d.decision)} <i>Rationale:</i> {escape(d.rationale)}</li>" for d in supervision.decisions)
            + "</ul>")
    parts.append(f"<p><b>Review by:</b> {display_date(supervision.review_on) or 'not set'}</p>")
    return "".join(parts)


class SupervisionPanel(QWidget):
    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("supervisionPanel")
        self.setAccessibleName("Supervision and sign-off")
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setObjectName("supervisionHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.headline)
        split = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(split)

        top = QSplitter()
        self.records: RecordTable[Supervision] = RecordTable("supervisionTable", [
            Column("Date", lambda s: day(s.held_on), lambda s: day_sort(s.held_on)),
            Column("Supervisor", lambda s: s.supervisor),
            Column("Review by", lambda s: day(s.review_on), lambda s: day_sort(s.review_on)),
            Column("Sign-off", sign_off_text),
        ], lambda s: s.awaiting_sign_off)
        self.detail = QTextBrowser()
        self.detail.setObjectName("supervisionDetail")
        self.detail.setAccessibleName("The selected supervision record")
        top.addWidget(self.records)
        top.addWidget(self.detail)
        split.addWidget(top)

        self.concerns: RecordTable[ConcernLine] = RecordTable("concernsTable", [
            Column("Concern", lambda c: c.concern.description),
            Column("Raised", lambda c: day(c.concern.raised_on), lambda c: day_sort(c.concern.raised_on)),
            Column("Review by", lambda c: day(c.review_on), lambda c: day_sort(c.review_on)),
            Column("State", concern_state),
        ], lambda c: c.past_review, lambda c: c.concern.id)
        split.addWidget(self.concerns)

        self.assessments: RecordTable[Assessment] = RecordTable("assessmentsSignOffTable", [
            Column("Assessment", lambda a: a.kind.label),
            Column("Started", lambda a: day(a.started_on), lambda a: day_sort(a.started_on)),
            Column("Completed", lambda a: day(a.completed_on), lambda a: day_sort(a.completed_on)),
            Column("Sign-off", sign_off_text),
        ], lambda a: a.awaiting_sign_off)
        split.addWidget(self.assessments)
        layout.addLayout(button_row(
            button("&Record supervision…", "recordSupervision", self.record_supervision),
            button("&Sign off supervision…", "signOffSupervision", self.sign_off_supervision),
            button("Sign off &assessment…", "signOffAssessment", self.sign_off_assessment),
            button("&Close concern…", "closeConcern", self.close_concern)))
        self.records.selectionModel().selectionChanged.connect(lambda *_: self._show())
        context.record_changed.connect(lambda *_: self.refresh())
        self.refresh()

    @property
    def record(self) -> CaseRecord:
        return self.context.record

    def refresh(self) -> None:
        today = date.today()
        self.records.set_rows(list(reversed(queries.supervisions(self.record))))
        self.concerns.set_rows(followup.concern_lines(self.record, today))
        self.assessments.set_rows(list(reversed(queries.assessments(self.record))))
        awaiting = len(followup.supervisions_awaiting_sign_off(self.record)) + len(
            followup.assessments_awaiting_sign_off(self.record))
        past = len(followup.unresolved_past_review(self.record, today))
        self.headline.setText(
            f"<b>{awaiting}</b> record{'' if awaiting == 1 else 's'} awaiting your sign-off; <b>{past}</b> "
            f"concern{'' if past == 1 else 's'} still open after {'its' if past == 1 else 'their'} review date. "
            "Open concerns carry forward to every supervision until closed with a reason.")
        if self.records.current_id() is None and self.records.row_count():
            awaiting_ids = [s.id for s in followup.supervisions_awaiting_sign_off(self.record)]
            self.records.select_id(awaiting_ids[0] if awaiting_ids else self.records.model_.row_at(0).id)
        self._show()

    def _show(self) -> None:
        supervision = self.records.current_row()
        self.detail.setHtml(supervision_html(self.record, supervision) if supervision else
                            "<p>No supervision recorded yet.</p>")

    def record_supervision(self) -> None:
        dialog = SupervisionDialog(self.record, self.context.user, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.context.apply(dialog.result_value)  # type: ignore[arg-type]

    def _sign(self, entity: Supervision | Assessment | None, what: str) -> None:
        if entity is None:
            warn(self, "Sign off", f"Select the {what} to sign off first.")
            return
        if entity.sign_off is not None:
            warn(self, "Sign off", f"The {entity.summary} was already signed off by {entity.sign_off.by}.")
            return
        dialog = TextDialog(f"Sign off the {entity.summary}",
                            f"You are signing off as {self.context.user}, today ({display_date(date.today())}).",
                            "Comment (optional):", self, required=False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            command = editing.sign_off(self.record, entity.id, self.context.user, date.today(), dialog.value())
        except editing.IncompleteRecord as problem:
            warn(self, "Sign off", str(problem))
            return
        self.context.apply(command)

    def sign_off_supervision(self) -> None:
        self._sign(self.records.current_row(), "supervision record")

    def sign_off_assessment(self) -> None:
        self._sign(self.assessments.current_row(), "completed assessment")

    def close_concern(self) -> None:
        line = self.concerns.current_row()
        if line is None or not line.concern.is_open:
            warn(self, "Close concern", "Select an open concern first.")
            return
        dialog = TextDialog(f"Close concern: {line.concern.description}", "",
                            "Why it can be closed (required):", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.context.apply(editing.close_concern(self.record, line.concern.id, date.today(), dialog.value()))
