"""Terse builders for risk records in tests (fictional families only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from genorisk.domain.entities import Entity, VerificationItem
from genorisk.domain.risk import (
    ChronologyEvent,
    CriminalBasis,
    DashAnswer,
    DashAnswerValue,
    DashAssessment,
    EventKind,
    MarkType,
    Mobility,
    NmiInjury,
    RiskCategory,
    RiskFactor,
    RiskStatus,
)
from genorisk.domain.values import HouseholdRole, PartialDate, PartnershipStatus, Provenance, Sex, SourceKind
from tests.builders import Family

TODAY = date(2026, 11, 26)


def police(on: date = date(2026, 9, 1)) -> Provenance:
    return Provenance(SourceKind.AGENCY_RECORD, on, agency="Test Constabulary", reference="T/1")


def self_report(by: str = "Mum", on: date = date(2026, 9, 1)) -> Provenance:
    return Provenance(SourceKind.SELF_REPORT, on, reported_by=by)


@dataclass
class RiskFamily(Family):
    """A Family that can also carry risk records."""

    counter: list[int] = field(default_factory=lambda: [0])

    def next_id(self, prefix: str) -> str:
        self.counter[0] += 1
        return f"{prefix}-{self.counter[0]}"

    def add(self, *entities: Entity) -> None:
        self.entities.extend(entities)

    def factor(self, person_id: str, category: RiskCategory, status: RiskStatus = RiskStatus.CURRENT,
               provenance: Provenance | None = None, start: str | None = None, end: str | None = None,
               partnership: str | None = None) -> str:
        fid = self.next_id("rf")
        basis = CriminalBasis.CONVICTION if category.is_criminality else None
        self.add(RiskFactor(id=fid, case_id=self.case.id, person_id=person_id, category=category, status=status,
                            criminal_basis=basis, provenance=provenance or police(),
                            start=PartialDate.parse(start) if start else None,
                            end=PartialDate.parse(end) if end else None, related_partnership_id=partnership))
        return fid

    def event(self, day: str, kind: EventKind, people: tuple[str, ...], *categories: RiskCategory,
              text: str = "Something happened") -> str:
        eid = self.next_id("ev")
        self.add(ChronologyEvent(id=eid, case_id=self.case.id, date=PartialDate.parse(day), kind=kind,
                                 person_ids=people, categories=categories, description=text, provenance=police()))
        return eid

    def dash(self, victim: str, perpetrator: str | None, yes: tuple[int, ...], on: date = date(2026, 11, 1),
             marac: date | None = None, triggers: tuple[str, ...] = (), reason: str = "") -> str:
        did = self.next_id("dash")
        answers = tuple(DashAnswer(n, DashAnswerValue.YES if n in yes else DashAnswerValue.NO,
                                   SourceKind.SELF_REPORT, "victim") for n in range(1, 25))
        self.add(DashAssessment(id=did, case_id=self.case.id, completed_on=on, victim_id=victim,
                                perpetrator_id=perpetrator, assessor="A. Assessor", answers=answers,
                                judgement_triggers=triggers, judgement_reason=reason, marac_referral_on=marac))
        return did

    def injury(self, child: str, seen: datetime, marks: tuple[MarkType, ...] = (MarkType.BRUISE,),
               mobility: tuple[Mobility, ...] = (), medical: bool = False, **extra: object) -> NmiInjury:
        injury = NmiInjury(id=self.next_id("nmi"), case_id=self.case.id, child_id=child, seen_at=seen,
                           recorded_by="Health Visitor", mobility=mobility, mark_types=marks,
                           medical_cause_documented=medical, **extra)  # type: ignore[arg-type]
        self.add(injury)
        return injury

    def check(self, person_id: str, topic: str = "Previous partners") -> str:
        vid = self.next_id("v")
        self.add(VerificationItem(id=vid, case_id=self.case.id, person_id=person_id, topic=topic,
                                  description="Not known: to be checked", raised_on=date(2026, 9, 1)))
        return vid


def blended_family() -> RiskFamily:
    """Mum (with a baby) and her new partner, who has a child by an earlier partner living elsewhere."""
    family = RiskFamily()
    family.person("mum", Sex.FEMALE, "1995-01-01")
    family.person("dad", Sex.MALE, "1990-01-01")
    family.person("baby", Sex.MALE, "2026-08-01", is_subject_child=True)
    family.person("ex", Sex.FEMALE, "1991-01-01")
    family.person("older", Sex.FEMALE, "2016-01-01")
    family.union("dad", "mum", start="2025-01")
    family.union("dad", "ex", start="2012", end="2018", status=PartnershipStatus.SEPARATED)
    family.child("baby", "mum", "dad")
    family.child("older", "dad", "ex")
    family.household("home", "mum", "baby", start="2024-01")
    family.live("home", "dad", start="2025-06")
    family.household("elsewhere", "ex", "older", start="2018")
    return family


def visitor(family: RiskFamily, person: str, household: str, start: str) -> None:
    family.live(household, person, start=start, role=HouseholdRole.REGULAR_VISITOR)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
