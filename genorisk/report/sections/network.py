"""Sections about the professional network and the work: agencies and the information-sharing matrix,
the ecomap, meetings with outstanding actions and timescales, the voice of the child, the analysis
(assessment and safety map) and supervisor sign-off."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from genorisk.domain.network import (
    Agency,
    AgencyContact,
    ChildVoice,
    Meeting,
    SafetyMap,
    ShareDecision,
    Supervision,
    SupervisionConcern,
    VoiceKind,
)
from genorisk.domain.values import display_date
from genorisk.network import followup, queries
from genorisk.network.ecomap import LINE_STYLES, EcomapError, LinkKnowledge, ecomap_layout, knowledge_of
from genorisk.network.matrix import COLUMN_HEADINGS, COLUMNS
from genorisk.network.timescales import TimescaleState, timescales
from genorisk.report.context import ReportContext
from genorisk.report.styles import key_values, markup, para, styles, table, text
from genorisk.report.xdot import xdot_drawing


def _contacts(contacts: tuple[AgencyContact, ...]) -> str:
    lines = []
    for contact in contacts:
        parts = [contact.name + (f" ({contact.role})" if contact.role else "")]
        parts += [p for p in (contact.telephone, contact.email) if p]
        lines.append(", ".join(parts))
    return "\n".join(lines) or "None recorded"


# --- 10. agencies and information sharing ------------------------------------------------------------
def agencies(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    record = ctx.record
    w = ctx.width
    involved = queries.agencies(record, on=ctx.today)
    story: list[Flowable] = []
    if not involved:
        return [para("No agencies are recorded on this case.", st.body)]
    story.append(table(
        ["Agency", "Works with", "Contacts", "Address"],
        [[f"{a.name}\n{a.kind.label}" + ("\nLead agency" if a.lead_agency else ""),
          ", ".join(ctx.name(p) for p in a.involved_with) or "The whole family",
          _contacts(a.contacts), a.address] for a in involved],
        [0.24 * w, 0.2 * w, 0.34 * w, 0.22 * w]))
    story.append(markup("Information-sharing matrix", st.h2))
    matrix = ctx.matrix
    status = matrix.status.label if matrix.status else "none"
    story.append(para(f"As at {display_date(ctx.today)}; the child's status is {status}"
                      + (f" (since {display_date(matrix.status_since)})" if matrix.status_since else "")
                      + ". GAP means no record that the agency was told or sent it; OUT OF DATE means it was told "
                        "an earlier status or sent an earlier document.", st.note))
    rows: list[list[Any]] = []
    flagged = []
    for index, row in enumerate(matrix.rows):
        cells: list[Any] = [row.agency.name]
        for item in COLUMNS:
            cells.append(row.cell(item).text)
        if row.gaps:
            flagged.append(index)
        rows.append(cells)
    column = (w - 0.3 * w) / len(COLUMNS)
    story.append(table(["Agency", *(COLUMN_HEADINGS[c] for c in COLUMNS)], rows,
                       [0.3 * w, *([column] * len(COLUMNS))], flagged=flagged))
    gaps = [(row.agency, cell.detail) for row in matrix.rows for cell in row.cells if cell.state.is_gap]
    if gaps:
        story.append(markup("Gaps to close", st.h3))
        story.append(table(["Agency", "Gap"], [[agency.name, detail] for agency, detail in gaps],
                           [0.3 * w, 0.7 * w]))
    story.append(markup("Information-sharing decision log", st.h2))
    story += _sharing_log(ctx)
    return story


def _sharing_log(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    decisions = queries.sharing_decisions(ctx.record)
    if not decisions:
        return [para("No decisions to share or not to share are recorded.", st.body)]
    w = ctx.width
    rows: list[list[Any]] = []
    flagged = []
    for index, d in enumerate(decisions):
        recipient = d.recipient or queries.agency_name(ctx.record, d.recipient_agency_id)
        basis = d.lawful_basis.label if d.lawful_basis else "NOT RECORDED"
        if d.special_category:
            condition = d.schedule1_condition
            basis += "; " + (condition.label if condition else "Schedule 1 condition NOT RECORDED")
        consent = d.consent.label if d.consent else "NOT RECORDED"
        if d.consent_note:
            consent += f": {d.consent_note}"
        missing = d.missing()
        if missing:
            flagged.append(index)
        verdict = "Shared" if d.decision is ShareDecision.SHARED else "Declined"
        rows.append([f"{display_date(d.decided_on)}\n{verdict}\n{d.decided_by}", d.information, recipient, basis,
                     consent, (d.reason or "NO REASON RECORDED")
                     + (f"\nIncomplete: lacks {', '.join(missing)}" if missing else "")])
    return [table(["When, decision, by", "What", "With whom", "Lawful basis", "Consent", "Reason"], rows,
                  [0.13 * w, 0.18 * w, 0.16 * w, 0.17 * w, 0.14 * w, 0.22 * w], flagged=flagged)]


# --- 11. ecomap ------------------------------------------------------------------------------------
def ecomap(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    if not ctx.record.all(Agency):
        return [para("No agencies are recorded: there is no ecomap.", st.body)]
    intro = para("The family and its professional network. Each agency's line and label show whether it knows "
                 "the child's current status and holds the plan.", st.note)
    if not ctx.options.include_ecomap:
        return [intro, para("The ecomap was left out of this report.", st.note)]
    try:
        layout = ecomap_layout(ctx.record, ctx.today, withhold=ctx.redaction.withheld > 0, matrix=ctx.matrix)
    except EcomapError as exc:
        return [intro, para(str(exc), st.note), *_ecomap_in_words(ctx)]
    return [KeepTogether([intro, xdot_drawing(layout, ctx.width, ctx.height - 110)]), *_ecomap_in_words(ctx)]


def _ecomap_in_words(ctx: ReportContext) -> list[Flowable]:
    """The ecomap's line meanings as a list, for anyone who cannot read the picture."""
    lines = []
    for row in ctx.matrix.rows:
        knowledge = knowledge_of(row)
        lines.append(f"{row.agency.name}: {LINE_STYLES[knowledge].words} ({LINE_STYLES[knowledge].style} line)")
    key = "; ".join(f"{s.style} line = {s.words}" for k, s in LINE_STYLES.items() if k is not LinkKnowledge.LEAD)
    return [para("Key: " + key + ".", styles().small), para("\n".join(lines), styles().small)]


# --- 12. meetings and outstanding actions --------------------------------------------------------------
def meetings(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    record = ctx.record
    w = ctx.width
    story: list[Flowable] = [markup("Outstanding actions", st.h2)]
    outstanding = followup.action_lines(record, ctx.today, outstanding_only=True)
    if outstanding:
        story.append(table(
            ["Action", "Owner", "Due", "Status", "From meeting"],
            [[line.action.description, line.action.owner, display_date(line.action.due_on),
              (f"OVERDUE by {line.days_overdue} days; " if line.overdue else "") + line.action.status.label
              + (f"\n{line.action.completion_note}" if line.action.completion_note else ""),
              line.meeting.summary if line.meeting else ""] for line in outstanding],
            [0.34 * w, 0.14 * w, 0.12 * w, 0.2 * w, 0.2 * w],
            flagged=[i for i, line in enumerate(outstanding) if line.overdue]))
    else:
        story.append(para("No outstanding actions.", st.body))
    story.append(markup("Timescales", st.h2))
    checks = timescales(record, ctx.today)
    if checks:
        story.append(table(["What", "Due", "State", "Detail"],
                           [[c.kind.label, display_date(c.due_on), c.state.label,
                             c.description + (f". Reason recorded: {c.reason_recorded}" if c.reason_recorded else "")]
                            for c in checks],
                           [0.2 * w, 0.12 * w, 0.16 * w, 0.52 * w],
                           flagged=[i for i, c in enumerate(checks)
                                    if c.state in (TimescaleState.OVERDUE, TimescaleState.LATE)]))
    else:
        story.append(para("No referral, assessment or conference dates are recorded.", st.body))
    story.append(markup("Meetings", st.h2))
    all_meetings = queries.meetings(record)
    if not all_meetings:
        story.append(para("No meetings are recorded.", st.body))
    for meeting in reversed(all_meetings):
        story += _meeting(ctx, meeting)
    return story


def _people(participants: tuple[Any, ...], ctx: ReportContext) -> str:
    described = []
    for p in participants:
        agency = queries.agency_name(ctx.record, p.agency_id) if p.agency_id else ""
        described.append(p.name + (f" ({p.role}" + (f", {agency}" if agency else "") + ")" if p.role or agency else ""))
    return "; ".join(described) or "None recorded"


def _meeting(ctx: ReportContext, meeting: Meeting) -> list[Flowable]:
    st = styles()
    w = ctx.width
    upcoming = meeting.held_on > ctx.today
    heading = f"{meeting.kind.label}, {display_date(meeting.held_on)}" + (" (booked)" if upcoming else "")
    parts: list[Flowable] = [markup(text(heading), st.h3)]
    pairs = [("Children", ", ".join(ctx.name(c) for c in meeting.child_ids) or "Not recorded")]
    if meeting.chair:
        pairs.append(("Chair", meeting.chair))
    if not upcoming:
        pairs += [("Attended", _people(meeting.attendees, ctx)), ("Apologies", _people(meeting.apologies, ctx)),
                  ("Minutes agreed", display_date(meeting.minutes_agreed_on) if meeting.minutes_agreed_on
                   else "Not recorded")]
    if meeting.notes:
        pairs.append(("Notes", meeting.notes))
    parts.append(key_values(pairs, w, 95))
    if meeting.items:
        parts.append(Spacer(1, 3))
        parts.append(table(["Type", "What was said or found", "From"],
                           [[item.kind.label.upper(), item.text, item.attributed_to] for item in meeting.items],
                           [0.11 * w, 0.6 * w, 0.29 * w]))
    if meeting.decisions:
        parts.append(markup("<b>Decisions:</b> " + " ".join(f"({i}) {text(d)}" for i, d in
                                                            enumerate(meeting.decisions, 1)), st.cell))
    actions = queries.actions_of(ctx.record, meeting.id)
    if actions:
        parts.append(Spacer(1, 3))
        parts.append(table(
            ["Action", "Owner", "Due", "Status and completion note"],
            [[a.description, a.owner, display_date(a.due_on),
              ("OVERDUE: " if a.is_overdue_on(ctx.today) else "") + a.status.label
              + (f" {display_date(a.completed_on)}" if a.completed_on else "")
              + (f"\n{a.completion_note}" if a.completion_note else "")] for a in actions],
            [0.43 * w, 0.15 * w, 0.12 * w, 0.3 * w],
            flagged=[i for i, a in enumerate(actions) if a.is_overdue_on(ctx.today)]))
    parts.append(Spacer(1, 6))
    return parts


# --- 13. voice of the child ---------------------------------------------------------------------------
def voice_of_the_child(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    record = ctx.record
    voices = queries.voices(record)
    story: list[Flowable] = []
    subjects = {p.id for p in record.subject_children}
    for child in record.subject_children:
        if not any(v.child_id == child.id for v in voices):
            story.append(para(f"No record of {child.display_name}'s voice or lived experience: "
                              "this is a gap (Child BE Finding BE3).", st.body))
    by_child: dict[str, list[ChildVoice]] = {}
    for voice in voices:
        by_child.setdefault(voice.child_id, []).append(voice)
    order = sorted(by_child, key=lambda c: (c not in subjects, ctx.name(c)))
    for child_id in order:
        heading = markup(text(ctx.name(child_id)), st.h2)
        for index, voice in enumerate(by_child[child_id]):
            parts = _voice(ctx, voice)
            story.append(KeepTogether([heading, *parts] if index == 0 else parts))
    if not voices and not record.subject_children:
        story.append(para("No voice of the child is recorded.", st.body))
    return story


def _voice(ctx: ReportContext, voice: ChildVoice) -> list[Flowable]:
    st = styles()
    w = ctx.width
    heading = f"{voice.kind.label}, {display_date(voice.recorded_on)}, recorded by {voice.recorded_by}"
    if voice.context:
        heading += f" ({voice.context})"
    parts: list[Flowable] = [markup(text(heading), st.h3)]
    if voice.words:
        parts.append(para(voice.words, st.quote))
    if voice.kind is VoiceKind.THREE_HOUSES or voice.worries or voice.good_things or voice.dreams:
        parts.append(table(["House of worries", "House of good things", "House of dreams"],
                           [[voice.worries or "–", voice.good_things or "–", voice.dreams or "–"]],
                           [w / 3] * 3))
    pairs = [(label, value) for label, value in (("Wishes", voice.wishes),
                                                   ("Observed lived experience", voice.observations)) if value]
    if pairs:
        parts.append(Spacer(1, 2))
        parts.append(key_values(pairs, w, 130))
    parts.append(Spacer(1, 5))
    return parts


# --- 14. analysis --------------------------------------------------------------------------------------
def analysis(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    record = ctx.record
    story: list[Flowable] = []
    done = [a for a in queries.assessments(record) if a.analysis]
    if done:
        latest = done[-1]
        state = (f"completed {display_date(latest.completed_on)}" if latest.completed_on else "in progress")
        story.append(markup(text(f"{latest.kind.label}, {state}" + (f", by {latest.author}" if latest.author else "")),
                            st.h3))
        story.append(para(latest.analysis))
    else:
        story.append(para("No written analysis is recorded.", st.body))
    maps = queries.safety_maps(record)
    if maps:
        story.append(markup("Safety map", st.h2))
        story += _safety_map(ctx, maps[-1])
    return story


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"• {item}" for item in items) or "–"


def _safety_map(ctx: ReportContext, safety: SafetyMap) -> list[Flowable]:
    st = styles()
    w = ctx.width
    story: list[Flowable] = [para(f"Recorded {display_date(safety.recorded_on)}"
                                  + (f" by {safety.recorded_by}" if safety.recorded_by else "")
                                  + (f" for {', '.join(ctx.name(c) for c in safety.child_ids)}"
                                     if safety.child_ids else ""), st.note)]
    worried = "Harm:\n" + _bullets(safety.harms) + "\n\nComplicating factors:\n" + _bullets(safety.complicating_factors)
    working = "Strengths:\n" + _bullets(safety.strengths) + "\n\nExisting safety:\n" + _bullets(safety.existing_safety)
    steps = "\n".join(f"• {s.step}" + (f" ({s.owner}" + (f", by {display_date(s.due_on)}" if s.due_on else "") + ")"
                                       if s.owner else "") for s in safety.next_steps) or "–"
    needs = "Safety goals:\n" + _bullets(safety.safety_goals) + "\n\nNext steps:\n" + steps
    story.append(table(["What are we worried about?", "What's working well?", "What needs to happen?"],
                       [[worried, working, needs]], [w / 3] * 3))
    if safety.danger_statements:
        story.append(markup("Danger statements", st.h3))
        story += [para(f"• {d}", st.body) for d in safety.danger_statements]
    if safety.ratings:
        story.append(markup("Scaling (0 = the children cannot live at home; 10 = safe enough to close)", st.h3))
        story.append(table(["Who", "Role", "Score", "What makes it that?"],
                           [[r.rater, r.role, f"{r.score} / 10", r.reason] for r in safety.ratings],
                           [0.2 * w, 0.18 * w, 0.1 * w, 0.52 * w]))
    return story


# --- 15. supervisor sign-off -----------------------------------------------------------------------------
def sign_off(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    record = ctx.record
    w = ctx.width
    story: list[Flowable] = [markup("Assessments", st.h2)]
    assessments = queries.assessments(record)
    if assessments:
        story.append(table(["Assessment", "Completed", "Signed off"],
                           [[a.summary, display_date(a.completed_on) if a.completed_on else "In progress",
                             (f"{a.sign_off.by}, {display_date(a.sign_off.on)}"
                              + (f": “{a.sign_off.comment}”" if a.sign_off.comment else ""))
                             if a.sign_off else ("AWAITING SIGN-OFF" if a.completed_on else "Not yet completed")]
                            for a in assessments],
                           [0.35 * w, 0.15 * w, 0.5 * w],
                           flagged=[i for i, a in enumerate(assessments) if a.awaiting_sign_off]))
    else:
        story.append(para("No assessments are recorded.", st.body))
    heading = markup("Supervision", st.h2)
    supervisions = queries.supervisions(record)
    if not supervisions:
        story += [heading, para("No supervision is recorded on this case.", st.body)]
    for index, supervision in enumerate(reversed(supervisions)):
        parts = _supervision(ctx, supervision)
        story.append(KeepTogether([heading, *parts] if index == 0 else parts))
    concerns = followup.concern_lines(record, ctx.today)
    open_lines = [c for c in concerns if c.concern.is_open]
    story.append(markup("Concerns carried forward", st.h2))
    if open_lines:
        story.append(table(["Concern", "Raised", "Review by", "State"],
                           [[c.concern.description, display_date(c.concern.raised_on),
                             display_date(c.review_on) if c.review_on else "No date",
                             "OPEN, PAST REVIEW DATE" if c.past_review else "Open"] for c in open_lines],
                           [0.55 * w, 0.12 * w, 0.12 * w, 0.21 * w],
                           flagged=[i for i, c in enumerate(open_lines) if c.past_review]))
    else:
        story.append(para("No open supervision concerns.", st.body))
    return story


def _supervision(ctx: ReportContext, supervision: Supervision) -> list[Flowable]:
    st = styles()
    w = ctx.width
    concerns = [ctx.record.get(SupervisionConcern, c) for c in supervision.concerns_reviewed]
    raised = [c for c in ctx.record.all(SupervisionConcern) if c.raised_in == supervision.id]
    signed = (f"Signed off by {supervision.sign_off.by} on {display_date(supervision.sign_off.on)}"
              + (f": “{supervision.sign_off.comment}”" if supervision.sign_off.comment else "")
              if supervision.sign_off else "AWAITING SIGN-OFF")
    pairs = [
        ("Supervisor", supervision.supervisor + (f"; supervisee {supervision.supervisee}" if supervision.supervisee
                                                 else "")),
        ("Concerns raised", "\n".join(f"• {c.description}" for c in raised) or "None"),
        ("Concerns reviewed", "\n".join(f"• {c.description}" + (" (closed)" if not c.is_open else "")
                                        for c in concerns if c is not None) or "None"),
        ("Analysis", supervision.analysis or "Not recorded"),
        ("Decisions", "\n".join(f"• {d.decision}. Rationale: {d.rationale}" for d in supervision.decisions)
         or "None recorded"),
        ("Review by", display_date(supervision.review_on) if supervision.review_on else "Not set"),
        ("Sign-off", signed),
    ]
    return [markup(text(f"Supervision on {display_date(supervision.held_on)}"), st.h3), key_values(pairs, w, 110),
            Spacer(1, 6)]
