"""The Working Together timescales, worked out from the case's referrals, assessments and meetings.

- a referral decision within 1 working day of the referral;
- an assessment within 45 working days of the referral (or of its start, with no referral);
- an initial child protection conference within 15 working days of the strategy discussion;
- a review conference within 3 months of the initial conference, then at most every 6 months while
  the child has a child protection plan.

Working days skip weekends and the England and Wales bank holidays
(:mod:`genorisk.network.working_days`). The limits are thresholds in resources/rules/network.json so a
partnership can see where they come from. Each check says in words what is due, when, and whether
it was met; a missed timescale with its reason recorded is not raised again.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from genorisk.domain.network import AssessmentKind, Meeting, MeetingKind
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import CaseStatus, display_date
from genorisk.network import queries
from genorisk.network.working_days import WorkingCalendar, default_calendar

DEFAULT_LIMITS: Mapping[str, int] = {
    "referral_decision_working_days": 1,
    "assessment_working_days": 45,
    "icpc_working_days_after_strategy": 15,
    "first_review_conference_months": 3,
    "later_review_conference_months": 6,
}

TIMED_ASSESSMENTS = frozenset({AssessmentKind.CHILD_AND_FAMILY, AssessmentKind.SECTION_47, AssessmentKind.PRE_BIRTH})


class TimescaleKind(StrEnum):
    REFERRAL_DECISION = "referral_decision"
    ASSESSMENT = "assessment"
    ICPC = "icpc"
    REVIEW_CONFERENCE = "review_conference"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    TimescaleKind.REFERRAL_DECISION: "Referral decision",
    TimescaleKind.ASSESSMENT: "Assessment",
    TimescaleKind.ICPC: "Initial child protection conference",
    TimescaleKind.REVIEW_CONFERENCE: "Review child protection conference",
}


class TimescaleState(StrEnum):
    DUE = "due"
    """Not done yet, and not yet late."""
    MET = "met"
    OVERDUE = "overdue"
    """Not done, and the date has passed."""
    LATE = "late"
    """Done after the date, with no reason recorded."""
    LATE_EXPLAINED = "late_explained"
    """Done after the date; the reason is recorded."""

    @property
    def needs_prompt(self) -> bool:
        return self in (TimescaleState.OVERDUE, TimescaleState.LATE)

    @property
    def label(self) -> str:
        return {
            TimescaleState.DUE: "Due",
            TimescaleState.MET: "Met",
            TimescaleState.OVERDUE: "OVERDUE",
            TimescaleState.LATE: "Late, no reason recorded",
            TimescaleState.LATE_EXPLAINED: "Late, reason recorded",
        }[self]


@dataclass(frozen=True, slots=True)
class Timescale:
    """One timescale check: what is due, counted from what, by when, and whether it was met."""

    kind: TimescaleKind
    record_id: str
    """The referral, assessment or meeting the clock runs from."""
    starts_on: date
    due_on: date
    done_on: date | None
    state: TimescaleState
    description: str
    child_ids: tuple[str, ...] = ()
    reason_recorded: str = ""

    @property
    def key(self) -> str:
        """Stable identity for prompts: the kind, what it runs from, and the due date."""
        return f"{self.kind.value}:{self.record_id}:{self.due_on.isoformat()}"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _state(due: date, done: date | None, today: date, reason: str) -> TimescaleState:
    if done is None:
        return TimescaleState.OVERDUE if today > due else TimescaleState.DUE
    if done <= due:
        return TimescaleState.MET
    return TimescaleState.LATE_EXPLAINED if reason.strip() else TimescaleState.LATE


def timescales(record: CaseRecord, today: date, limits: Mapping[str, Any] | None = None,
               working: WorkingCalendar | None = None) -> list[Timescale]:
    """Every timescale check for the case, in date order of their due dates."""
    values = {**DEFAULT_LIMITS, **(limits or {})}
    working = working or default_calendar()
    checks = [
        *_referral_decisions(record, today, int(values["referral_decision_working_days"]), working),
        *_assessments(record, today, int(values["assessment_working_days"]), working),
        *_initial_conferences(record, today, int(values["icpc_working_days_after_strategy"]), working),
        *_review_conferences(record, today, int(values["first_review_conference_months"]),
                             int(values["later_review_conference_months"])),
    ]
    return sorted(checks, key=lambda c: (c.due_on, c.kind.value))


def _referral_decisions(record: CaseRecord, today: date, days: int, working: WorkingCalendar) -> list[Timescale]:
    checks = []
    for referral in queries.referrals(record):
        if referral.received_on > today:
            continue
        due = working.add_working_days(referral.received_on, days)
        state = _state(due, referral.decided_on, today, referral.late_reason)
        received = display_date(referral.received_on)
        if referral.decided_on is None:
            text = f"The referral received {received} has no decision recorded; it was due by {display_date(due)}"
        else:
            text = (f"The referral received {received} was decided on {display_date(referral.decided_on)}; "
                    f"due by {display_date(due)} ({days} working day{'s' if days != 1 else ''})")
        checks.append(Timescale(TimescaleKind.REFERRAL_DECISION, referral.id, referral.received_on, due,
                                referral.decided_on, state, text, referral.child_ids, referral.late_reason))
    return checks


def _assessments(record: CaseRecord, today: date, days: int, working: WorkingCalendar) -> list[Timescale]:
    checks = []
    by_id = {r.id: r for r in queries.referrals(record)}
    for assessment in queries.assessments(record):
        if assessment.kind not in TIMED_ASSESSMENTS or assessment.started_on > today:
            continue
        referral = by_id.get(assessment.referral_id or "")
        starts = referral.received_on if referral else assessment.started_on
        due = working.add_working_days(starts, days)
        state = _state(due, assessment.completed_on, today, assessment.late_reason)
        origin = f"the referral of {display_date(starts)}" if referral else f"its start on {display_date(starts)}"
        done = (f"completed {display_date(assessment.completed_on)}" if assessment.completed_on
                else f"still open after {working.working_days_between(starts, today)} working days")
        text = (f"The {assessment.kind.label.lower()} is {done}; it was due within {days} working days of "
                f"{origin}, by {display_date(due)}")
        checks.append(Timescale(TimescaleKind.ASSESSMENT, assessment.id, starts, due, assessment.completed_on,
                                state, text, assessment.child_ids, assessment.late_reason))
    return checks


def _conferences(record: CaseRecord, kind: MeetingKind, today: date) -> list[Meeting]:
    return [m for m in queries.meetings(record) if m.kind is kind and m.held_on <= today]


def _initial_conferences(record: CaseRecord, today: date, days: int, working: WorkingCalendar) -> list[Timescale]:
    checks = []
    initial = _conferences(record, MeetingKind.ICPC, today)
    for strategy in _conferences(record, MeetingKind.STRATEGY_DISCUSSION, today):
        if strategy.conference_needed is False:
            continue
        due = working.add_working_days(strategy.held_on, days)
        icpc = next((m for m in initial if m.held_on >= strategy.held_on), None)
        reason = icpc.late_reason if icpc else strategy.late_reason
        state = _state(due, icpc.held_on if icpc else None, today, reason)
        held = display_date(strategy.held_on)
        if icpc is None:
            text = (f"No initial child protection conference is recorded after the strategy discussion of "
                    f"{held}; it was due within {days} working days, by {display_date(due)}")
        else:
            text = (f"The initial child protection conference was held {display_date(icpc.held_on)}, "
                    f"{working.working_days_between(strategy.held_on, icpc.held_on)} working days after the "
                    f"strategy discussion of {held} (due by {display_date(due)})")
        checks.append(Timescale(TimescaleKind.ICPC, strategy.id, strategy.held_on, due,
                                icpc.held_on if icpc else None, state, text, strategy.child_ids, reason))
    return checks


def _review_conferences(record: CaseRecord, today: date, first: int, later: int) -> list[Timescale]:
    initial = _conferences(record, MeetingKind.ICPC, today)
    if not initial:
        return []
    icpc = initial[-1]
    reviews = [m for m in _conferences(record, MeetingKind.RCPC, today) if m.held_on >= icpc.held_on]
    checks: list[Timescale] = []
    previous = icpc
    months = first
    while True:
        due = add_months(previous.held_on, months)
        if record.case.status_on(min(due, today)) is not CaseStatus.CHILD_PROTECTION:
            break  # the plan has ended: no more reviews are due
        review = next((m for m in reviews if m.held_on > previous.held_on), None)
        state = _state(due, review.held_on if review else None, today, review.late_reason if review else "")
        after = "initial" if previous is icpc else "last review"
        if review is None:
            text = (f"No review child protection conference is recorded after the {after} conference of "
                    f"{display_date(previous.held_on)}; due within {months} months, by {display_date(due)}")
        else:
            text = (f"Review conference held {display_date(review.held_on)}; due within {months} months of the "
                    f"{after} conference of {display_date(previous.held_on)}, by {display_date(due)}")
        checks.append(Timescale(TimescaleKind.REVIEW_CONFERENCE, previous.id, previous.held_on, due,
                                review.held_on if review else None, state, text, icpc.child_ids,
                                review.late_reason if review else ""))
        if review is None:
            break
        previous, months = review, later
    return checks
