"""A small fictional family with a professional network, for the network tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from genorisk.domain.entities import Entity, StatusChange
from genorisk.domain.network import (
    Agency,
    AgencyKind,
    AgencyNotification,
    CaseStatus,
    Meeting,
    MeetingKind,
    SharedItem,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import HouseholdRole, Sex
from tests.builders import Family

CASE = "case-test"
CIN_SINCE = date(2026, 3, 2)


def family() -> Family:
    """Baby Ruby (subject child) living with Mum and her partner Lee; Lee's ex-partner Dawn lives elsewhere."""
    fam = Family()
    fam.case = replace(fam.case, status_history=(
        StatusChange(CaseStatus.EARLY_HELP, date(2026, 1, 5)),
        StatusChange(CaseStatus.CHILD_IN_NEED, CIN_SINCE),
    ))
    fam.person("mum", Sex.FEMALE, "1998-03-02")
    fam.person("lee", Sex.MALE, "1993-11-19")
    fam.person("ruby", Sex.FEMALE, "2026-01-14", is_subject_child=True)
    fam.person("dawn", Sex.FEMALE, "1994-07-30", withhold_location=True, contact_details="Refuge, 1 Secret Lane")
    fam.union("mum", "lee", start="2025-01")
    fam.child("ruby", "mum", "lee")
    fam.household("home", "mum", "lee", "ruby", start="2026-01-16")
    fam.live("home", "dawn", start="2026-01-16", role=HouseholdRole.REGULAR_VISITOR, end="2026-01-20")
    return fam


def agency(aid: str, kind: AgencyKind, *involved_with: str, **extra: object) -> Agency:
    return Agency(id=aid, case_id=CASE, kind=kind, name=extra.pop("name", aid.upper()),  # type: ignore[arg-type]
                  involved_with=involved_with, **extra)  # type: ignore[arg-type]


def told(aid: str, item: SharedItem, on: date, status: CaseStatus | None = None,
         meeting_id: str | None = None) -> AgencyNotification:
    return AgencyNotification(id=f"n-{aid}-{item.value}-{on.isoformat()}", case_id=CASE, agency_id=aid, item=item,
                              on=on, status=status, meeting_id=meeting_id)


def meeting(mid: str, kind: MeetingKind, held_on: date, **extra: object) -> Meeting:
    return Meeting(id=mid, case_id=CASE, kind=kind, held_on=held_on, child_ids=("ruby",), **extra)  # type: ignore[arg-type]


def record(*extra: Entity, fam: Family | None = None) -> CaseRecord:
    fam = fam or family()
    return CaseRecord.build(fam.case, [*fam.entities, *extra])
