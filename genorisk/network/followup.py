"""Follow-up: agreed actions that drift, supervision concerns that are never closed, missing sign-offs.

The Child BE review found "the follow up of key actions were missed" (Lesson BE1.2) and asked for
supervision that records and reviews concerns about individual children (Lesson BE3.2). A concern
raised in supervision carries forward to every later supervision until someone closes it with a
reason; its review date is the one set by the latest supervision that raised or reviewed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from genorisk.domain.network import Assessment, Meeting, MeetingAction, Supervision, SupervisionConcern
from genorisk.domain.record import CaseRecord
from genorisk.network import queries


@dataclass(frozen=True, slots=True)
class ActionLine:
    """An action with its meeting, for lists and the report."""

    action: MeetingAction
    meeting: Meeting | None
    overdue: bool
    days_overdue: int


def action_lines(record: CaseRecord, today: date, outstanding_only: bool = False) -> list[ActionLine]:
    """Actions by due date; overdue ones flagged with how many days late."""
    lines = []
    for action in record.all(MeetingAction):
        if outstanding_only and not action.status.is_outstanding:
            continue
        overdue = action.is_overdue_on(today)
        lines.append(ActionLine(action, record.get(Meeting, action.meeting_id), overdue,
                                (today - action.due_on).days if overdue else 0))
    return sorted(lines, key=lambda line: (not line.overdue, line.action.due_on, line.action.description))


def overdue_actions(record: CaseRecord, today: date) -> list[ActionLine]:
    return [line for line in action_lines(record, today) if line.overdue]


def carried_forward(record: CaseRecord, on: date) -> tuple[SupervisionConcern, ...]:
    """Concerns raised before ``on`` and still open on it: a supervision that day must review them."""
    return tuple(c for c in queries.concerns(record)
                 if c.raised_on < on and (c.closed_on is None or c.closed_on >= on))


def open_concerns(record: CaseRecord) -> tuple[SupervisionConcern, ...]:
    return tuple(c for c in queries.concerns(record) if c.is_open)


def last_supervision_of(record: CaseRecord, concern: SupervisionConcern) -> Supervision | None:
    """The latest supervision that raised or reviewed the concern."""
    found = [s for s in queries.supervisions(record)
             if s.id == concern.raised_in or concern.id in s.concerns_reviewed]
    return found[-1] if found else None


def review_date_of(record: CaseRecord, concern: SupervisionConcern) -> date | None:
    """When the concern is next to be reviewed: the review date of its latest supervision."""
    latest = last_supervision_of(record, concern)
    return latest.review_on if latest else None


@dataclass(frozen=True, slots=True)
class ConcernLine:
    concern: SupervisionConcern
    review_on: date | None
    past_review: bool


def concern_lines(record: CaseRecord, today: date) -> list[ConcernLine]:
    """Every concern, open ones first, flagged when still open after its review date."""
    lines = []
    for concern in queries.concerns(record):
        review = review_date_of(record, concern)
        past = concern.is_open and review is not None and review < today
        lines.append(ConcernLine(concern, review, past))
    return sorted(lines, key=lambda line: (not line.concern.is_open, not line.past_review, line.concern.raised_on))


def unresolved_past_review(record: CaseRecord, today: date) -> list[ConcernLine]:
    return [line for line in concern_lines(record, today) if line.past_review]


def supervisions_awaiting_sign_off(record: CaseRecord) -> tuple[Supervision, ...]:
    return tuple(s for s in queries.supervisions(record) if s.awaiting_sign_off)


def assessments_awaiting_sign_off(record: CaseRecord) -> tuple[Assessment, ...]:
    return tuple(a for a in queries.assessments(record) if a.awaiting_sign_off)
