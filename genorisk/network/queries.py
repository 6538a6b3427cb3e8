"""Look-ups over the network records of one case, shared by the matrix, rules, report and app."""

from __future__ import annotations

from datetime import date

from genorisk.domain.entities import StatusChange
from genorisk.domain.network import (
    Agency,
    AgencyNotification,
    Assessment,
    ChildVoice,
    InformationSharingDecision,
    Meeting,
    MeetingAction,
    Referral,
    SafetyMap,
    Supervision,
    SupervisionConcern,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import CaseStatus


def agencies(record: CaseRecord, on: date | None = None) -> tuple[Agency, ...]:
    """The case's agencies by name; only those involved on ``on`` when it is given."""
    found = record.all(Agency)
    if on is not None:
        found = tuple(a for a in found if a.is_involved_on(on))
    return tuple(sorted(found, key=lambda a: (not a.lead_agency, a.kind.label, a.name.lower())))


def notifications_of(record: CaseRecord, agency_id: str) -> tuple[AgencyNotification, ...]:
    """Everything an agency was told or sent, oldest first."""
    found = [n for n in record.all(AgencyNotification) if n.agency_id == agency_id]
    return tuple(sorted(found, key=lambda n: n.on))


def meetings(record: CaseRecord) -> tuple[Meeting, ...]:
    """Every meeting, oldest first."""
    return tuple(sorted(record.all(Meeting), key=lambda m: (m.held_on, m.kind.value)))


def actions_of(record: CaseRecord, meeting_id: str) -> tuple[MeetingAction, ...]:
    return tuple(sorted((a for a in record.all(MeetingAction) if a.meeting_id == meeting_id),
                        key=lambda a: (a.due_on, a.description)))


def referrals(record: CaseRecord) -> tuple[Referral, ...]:
    return tuple(sorted(record.all(Referral), key=lambda r: r.received_on))


def assessments(record: CaseRecord) -> tuple[Assessment, ...]:
    return tuple(sorted(record.all(Assessment), key=lambda a: a.started_on))


def supervisions(record: CaseRecord) -> tuple[Supervision, ...]:
    return tuple(sorted(record.all(Supervision), key=lambda s: s.held_on))


def concerns(record: CaseRecord) -> tuple[SupervisionConcern, ...]:
    return tuple(sorted(record.all(SupervisionConcern), key=lambda c: (c.raised_on, c.description)))


def sharing_decisions(record: CaseRecord) -> tuple[InformationSharingDecision, ...]:
    return tuple(sorted(record.all(InformationSharingDecision), key=lambda d: d.decided_on))


def voices(record: CaseRecord) -> tuple[ChildVoice, ...]:
    return tuple(sorted(record.all(ChildVoice), key=lambda v: (v.recorded_on, v.child_id)))


def safety_maps(record: CaseRecord) -> tuple[SafetyMap, ...]:
    return tuple(sorted(record.all(SafetyMap), key=lambda m: m.recorded_on))


def status_since(record: CaseRecord, on: date) -> tuple[CaseStatus | None, date | None]:
    """The case status in force on a day and the day that unbroken period of it began."""
    history: list[StatusChange] = sorted(record.case.status_history, key=lambda c: c.since)
    current: CaseStatus | None = None
    began: date | None = None
    for change in history:
        if change.since > on:
            break
        if change.status is not current:
            current, began = change.status, change.since
    return current, began


def people_around_subject_children(record: CaseRecord, on: date) -> frozenset[str]:
    """The subject children and everyone living in or regularly visiting their households on a day.

    An agency working with any of them is part of the child's network: it should know the child's
    status and plan. (The Child BE review: the new partner's agencies did not know.)
    """
    subjects = {p.id for p in record.subject_children}
    homes = {m.household_id for m in record.household_members if m.person_id in subjects and m.dates.covers(on)}
    around = {m.person_id for m in record.household_members if m.household_id in homes and m.dates.covers(on)}
    return frozenset(subjects | around)


def agency_name(record: CaseRecord, agency_id: str | None) -> str:
    if agency_id is None:
        return ""
    agency = record.get(Agency, agency_id)
    return agency.name if agency else "an agency no longer on the case"
