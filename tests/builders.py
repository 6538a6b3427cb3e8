"""A terse way to build fictional families in tests."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from genorisk.domain.entities import (
    Case,
    Entity,
    Household,
    HouseholdMember,
    ParentChildLink,
    Partnership,
    PartnershipPeriod,
    Person,
    StatusChange,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import (
    CaseStatus,
    HouseholdRole,
    ParentKind,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    Sex,
)


def make_case(reference: str = "TEST-1", case_id: str = "case-test") -> Case:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return Case(id=case_id, case_id=case_id, reference=reference, title="Test family",
                status_history=(StatusChange(CaseStatus.CHILD_IN_NEED, date(2026, 1, 1)),),
                created_at=now, updated_at=now)


@dataclass
class Family:
    """Collects entities for one case; ids are the given short names."""

    case: Case = field(default_factory=make_case)
    entities: list[Entity] = field(default_factory=list)

    def person(self, pid: str, sex: Sex = Sex.UNKNOWN, born: str | None = None, **extra: object) -> str:
        self.entities.append(Person(id=pid, case_id=self.case.id, given_names=pid.capitalize(), family_name="Test",
                                    sex=sex, date_of_birth=PartialDate.parse(born) if born else None, **extra))
        return pid

    def union(self, a: str, b: str, start: str | None = None, end: str | None = None,
              status: PartnershipStatus = PartnershipStatus.TOGETHER,
              kind: PartnershipKind = PartnershipKind.MARRIED) -> str:
        uid = f"u-{a}-{b}"
        statuses = (PartnershipPeriod(PartnershipStatus.TOGETHER, PartialDate.parse(start) if start else None),)
        if status is not PartnershipStatus.TOGETHER:
            statuses += (PartnershipPeriod(status, PartialDate.parse(end) if end else None),)
        self.entities.append(Partnership(id=uid, case_id=self.case.id, person_a=a, person_b=b, kind=kind,
                                         statuses=statuses, start=PartialDate.parse(start) if start else None,
                                         end=PartialDate.parse(end) if end else None))
        return uid

    def child(self, child: str, *parents: str, kind: ParentKind = ParentKind.BIRTH) -> str:
        for parent in parents:
            self.entities.append(ParentChildLink(id=f"l-{parent}-{child}", case_id=self.case.id, parent_id=parent,
                                                 child_id=child, kind=kind))
        return child

    def household(self, hid: str, *residents: str, start: str | None = None) -> str:
        self.entities.append(Household(id=hid, case_id=self.case.id, name=hid))
        for pid in residents:
            self.live(hid, pid, start=start)
        return hid

    def live(self, hid: str, pid: str, start: str | None = None, end: str | None = None,
             role: HouseholdRole = HouseholdRole.RESIDENT) -> None:
        self.entities.append(HouseholdMember(
            id=f"m-{hid}-{pid}-{len(self.entities)}", case_id=self.case.id, household_id=hid, person_id=pid,
            role=role, start=PartialDate.parse(start) if start else None,
            end=PartialDate.parse(end) if end else None))

    @property
    def record(self) -> CaseRecord:
        return CaseRecord.build(self.case, self.entities)


def same_content(a: CaseRecord, b: CaseRecord) -> bool:
    """Equal apart from the case's last-updated time (which every change moves on)."""
    return a.with_entities(put=(replace(a.case, updated_at=b.case.updated_at),)) == b
