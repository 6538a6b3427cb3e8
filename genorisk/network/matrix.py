"""The information-sharing matrix: for each agency, does it know the child's status, have the plan,
the minutes and the assessment, and was it invited to the meetings?

The Child BE review found agencies unaware of the child's Child in Need status and plans, minutes
and assessments not shared (Finding and Recommendation BE1). Each cell is worked out from the
dated :class:`~genorisk.domain.network.AgencyNotification` records against the case's current
status, its latest plan meeting and its latest completed assessment, and says in words why it is
a gap, so the matrix never relies on colour.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from genorisk.domain.network import (
    PLAN_MEETING_KINDS,
    PLAN_STATUSES,
    Agency,
    AgencyNotification,
    Assessment,
    Meeting,
    SharedItem,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import CaseStatus, display_date
from genorisk.network import queries

COLUMNS: tuple[SharedItem, ...] = (
    SharedItem.STATUS,
    SharedItem.PLAN,
    SharedItem.MINUTES,
    SharedItem.ASSESSMENT,
    SharedItem.INVITATION,
)

COLUMN_HEADINGS: dict[SharedItem, str] = {
    SharedItem.STATUS: "Knows status",
    SharedItem.PLAN: "Has plan",
    SharedItem.MINUTES: "Has minutes",
    SharedItem.ASSESSMENT: "Has assessment",
    SharedItem.INVITATION: "Invited",
}


class CellState(StrEnum):
    """A matrix cell: done, a gap, out of date, or nothing to share yet."""

    DONE = "done"
    GAP = "gap"
    OUT_OF_DATE = "out_of_date"
    NOT_NEEDED = "not_needed"

    @property
    def is_gap(self) -> bool:
        return self in (CellState.GAP, CellState.OUT_OF_DATE)

    @property
    def mark(self) -> str:
        """A short word for tables: meaning never carried by colour alone."""
        return _MARKS[self]


_MARKS = {
    CellState.DONE: "Yes",
    CellState.GAP: "GAP",
    CellState.OUT_OF_DATE: "OUT OF DATE",
    CellState.NOT_NEEDED: "–",
}


@dataclass(frozen=True, slots=True)
class MatrixCell:
    item: SharedItem
    state: CellState
    on: date | None
    """When it was shared (the latest qualifying record), if it was."""
    detail: str
    """In words, e.g. 'Told Child in Need on 03/02/2026' or 'Not told the child is Child in Need'."""

    @property
    def text(self) -> str:
        """The cell as a table shows it: the mark and the date."""
        if self.state is CellState.DONE and self.on:
            return display_date(self.on)
        return self.state.mark


@dataclass(frozen=True, slots=True)
class MatrixRow:
    agency: Agency
    cells: tuple[MatrixCell, ...]

    def cell(self, item: SharedItem) -> MatrixCell:
        return next(c for c in self.cells if c.item is item)

    @property
    def gaps(self) -> tuple[MatrixCell, ...]:
        return tuple(c for c in self.cells if c.state.is_gap)


@dataclass(frozen=True, slots=True)
class InformationSharingMatrix:
    as_of: date
    status: CaseStatus | None
    status_since: date | None
    rows: tuple[MatrixRow, ...]
    latest_plan_meeting: Meeting | None
    latest_assessment: Assessment | None

    @property
    def gap_count(self) -> int:
        return sum(len(row.gaps) for row in self.rows)

    def rows_with_gaps(self) -> tuple[MatrixRow, ...]:
        return tuple(row for row in self.rows if row.gaps)

    def row(self, agency_id: str) -> MatrixRow:
        return next(r for r in self.rows if r.agency.id == agency_id)


def build_matrix(record: CaseRecord, today: date) -> InformationSharingMatrix:
    """The matrix for the agencies involved today."""
    status, since = queries.status_since(record, today)
    meeting = _target_meeting(record, today)
    held = _latest_held_plan_meeting(record, today, since)
    assessment = _latest_completed_assessment(record, today)
    around_child = queries.people_around_subject_children(record, today)
    rows = []
    for agency in queries.agencies(record, on=today):
        notes = queries.notifications_of(record, agency.id)
        notes = tuple(n for n in notes if n.on <= today)
        if agency.lead_agency:
            cells = tuple(MatrixCell(item, CellState.NOT_NEEDED, None, "Lead agency: holds the case")
                          for item in COLUMNS)
        elif agency.involved_with and not set(agency.involved_with) & around_child:
            names = ", ".join(record.name_of(p) for p in agency.involved_with)
            cells = tuple(MatrixCell(item, CellState.NOT_NEEDED, None,
                                     f"Works only with people outside the child's household ({names})")
                          for item in COLUMNS)
        else:
            cells = (
                _status_cell(notes, status, since),
                _plan_cell(notes, status, since),
                _minutes_cell(notes, held),
                _assessment_cell(notes, assessment),
                _invitation_cell(notes, meeting, agency),
            )
        rows.append(MatrixRow(agency, cells))
    return InformationSharingMatrix(today, status, since, tuple(rows), held, assessment)


def plan_name(status: CaseStatus) -> str:
    """What the child's plan is called under a status."""
    return "care plan" if status is CaseStatus.LOOKED_AFTER else f"{status.label} plan"


# --- what there is to share -----------------------------------------------------------------------
def _plan_meetings(record: CaseRecord) -> Iterable[Meeting]:
    return (m for m in queries.meetings(record) if m.kind in PLAN_MEETING_KINDS)


def _latest_held_plan_meeting(record: CaseRecord, today: date, since: date | None) -> Meeting | None:
    held = [m for m in _plan_meetings(record) if m.held_on <= today and (since is None or m.held_on >= since)]
    return held[-1] if held else None


def _target_meeting(record: CaseRecord, today: date) -> Meeting | None:
    """The next plan meeting if one is booked, else the last one held."""
    plan = list(_plan_meetings(record))
    upcoming = [m for m in plan if m.held_on > today]
    if upcoming:
        return upcoming[0]
    return plan[-1] if plan else None


def _latest_completed_assessment(record: CaseRecord, today: date) -> Assessment | None:
    done = [a for a in queries.assessments(record) if a.completed_on and a.completed_on <= today]
    return max(done, key=lambda a: a.completed_on or a.started_on) if done else None


def _latest(notes: Iterable[AgencyNotification], item: SharedItem) -> AgencyNotification | None:
    found = [n for n in notes if n.item is item]
    return found[-1] if found else None


# --- the cells -----------------------------------------------------------------------------------
def _status_cell(notes: tuple[AgencyNotification, ...], status: CaseStatus | None,
                 since: date | None) -> MatrixCell:
    item = SharedItem.STATUS
    told = _latest(notes, item)
    if status not in PLAN_STATUSES:
        detail = f"Told {told.status.label if told.status else ''} on {display_date(told.on)}" if told else ""
        return MatrixCell(item, CellState.NOT_NEEDED, told.on if told else None,
                          detail or "No plan status to share")
    assert status is not None
    if told is None:
        return MatrixCell(item, CellState.GAP, None,
                          f"No record that it was told the child's status ({status.label})")
    if told.status is not status or (since is not None and told.on < since):
        was = told.status.label if told.status else "a status"
        return MatrixCell(item, CellState.OUT_OF_DATE, told.on,
                          f"Told {was} on {display_date(told.on)}; the status is now {status.label}"
                          + (f" (since {display_date(since)})" if since else ""))
    return MatrixCell(item, CellState.DONE, told.on, f"Told {status.label} on {display_date(told.on)}")


def _plan_cell(notes: tuple[AgencyNotification, ...], status: CaseStatus | None,
               since: date | None) -> MatrixCell:
    item = SharedItem.PLAN
    sent = _latest(notes, item)
    if status not in PLAN_STATUSES:
        return MatrixCell(item, CellState.NOT_NEEDED, sent.on if sent else None, "No plan in force")
    assert status is not None
    if sent is None:
        return MatrixCell(item, CellState.GAP, None, f"No record that it has the {plan_name(status)}")
    if since is not None and sent.on < since:
        return MatrixCell(item, CellState.OUT_OF_DATE, sent.on,
                          f"Sent a plan on {display_date(sent.on)}, before the current {plan_name(status)} "
                          f"began on {display_date(since)}")
    return MatrixCell(item, CellState.DONE, sent.on, f"Plan sent on {display_date(sent.on)}")


def _minutes_cell(notes: tuple[AgencyNotification, ...], meeting: Meeting | None) -> MatrixCell:
    item = SharedItem.MINUTES
    if meeting is None:
        return MatrixCell(item, CellState.NOT_NEEDED, None, "No plan meeting held yet")
    for note in reversed(notes):
        if note.item is item and (note.meeting_id == meeting.id
                                  or (note.meeting_id is None and note.on >= meeting.held_on)):
            return MatrixCell(item, CellState.DONE, note.on,
                              f"Minutes of the {meeting.summary} sent on {display_date(note.on)}")
    return MatrixCell(item, CellState.GAP, None, f"No record that it has the minutes of the {meeting.summary}")


def _assessment_cell(notes: tuple[AgencyNotification, ...], assessment: Assessment | None) -> MatrixCell:
    item = SharedItem.ASSESSMENT
    if assessment is None or assessment.completed_on is None:
        return MatrixCell(item, CellState.NOT_NEEDED, None, "No completed assessment yet")
    sent = _latest(notes, item)
    completed = display_date(assessment.completed_on)
    if sent is None:
        return MatrixCell(item, CellState.GAP, None, f"No record that it has the assessment completed {completed}")
    if sent.on < assessment.completed_on:
        return MatrixCell(item, CellState.OUT_OF_DATE, sent.on,
                          f"Sent an earlier assessment on {display_date(sent.on)}; the latest was completed "
                          f"{completed}")
    return MatrixCell(item, CellState.DONE, sent.on, f"Assessment sent on {display_date(sent.on)}")


def _invitation_cell(notes: tuple[AgencyNotification, ...], meeting: Meeting | None,
                     agency: Agency) -> MatrixCell:
    item = SharedItem.INVITATION
    if meeting is None:
        return MatrixCell(item, CellState.NOT_NEEDED, None, "No plan meeting held or booked")
    for note in reversed(notes):
        if note.item is item and note.meeting_id == meeting.id:
            return MatrixCell(item, CellState.DONE, note.on,
                              f"Invited to the {meeting.summary} on {display_date(note.on)}")
    if agency.id in meeting.agency_ids():
        return MatrixCell(item, CellState.DONE, meeting.held_on,
                          f"Attended or sent apologies to the {meeting.summary}")
    return MatrixCell(item, CellState.GAP, None, f"No record that it was invited to the {meeting.summary}")
