"""A small fluent builder for canonical test families (all fictional)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from genorisk.domain.entities import (
    Case,
    EmotionalLink,
    Entity,
    Household,
    HouseholdMember,
    LayoutNudge,
    ParentChildLink,
    Partnership,
    PartnershipPeriod,
    Person,
    StatusChange,
    TwinSet,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import (
    CaseStatus,
    EmotionalLinkKind,
    GenderIdentity,
    HouseholdRole,
    ParentKind,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    PregnancyOutcome,
    Sex,
    Zygosity,
)

CASE_ID = "case-test"


def make_case(reference: str = "TEST-001", title: str = "Test family") -> Case:
    now = datetime(2024, 1, 1, 9, 0)
    return Case(id=CASE_ID, case_id=CASE_ID, reference=reference, title=title,
                status_history=(StatusChange(CaseStatus.CHILD_IN_NEED, now.date()),),
                created_at=now, updated_at=now)


@dataclass
class FamilyBuilder:
    """Adds people and relationships with readable ids (the id is the given name, lower case)."""

    entities: list[Entity] = field(default_factory=list)
    counter: int = 0

    def _id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}-{self.counter:03d}"

    def person(self, name: str, sex: str = "f", born: str | None = None, *, family: str = "Test",
               deceased: bool = False, died: str | None = None, subject: bool = False,
               pregnancy: PregnancyOutcome | None = None, gender: GenderIdentity = GenderIdentity.NOT_RECORDED,
               weeks: int | None = None) -> str:
        pid = name.lower()
        sex_value = {"m": Sex.MALE, "f": Sex.FEMALE, "u": Sex.UNKNOWN}[sex]
        self.entities.append(Person(
            id=pid, case_id=CASE_ID, given_names=name if pregnancy is None else "",
            family_name=family if pregnancy is None else "", sex=sex_value,
            date_of_birth=PartialDate.parse(born) if born else None, deceased=deceased or died is not None,
            date_of_death=PartialDate.parse(died) if died else None, is_subject_child=subject,
            pregnancy=pregnancy, gender_identity=gender, gestation_weeks=weeks,
        ))
        return pid

    def couple(self, a: str, b: str, kind: PartnershipKind = PartnershipKind.MARRIED, start: str | None = None,
               end: str | None = None, status: PartnershipStatus = PartnershipStatus.TOGETHER) -> str:
        uid = self._id("union")
        statuses = (PartnershipPeriod(PartnershipStatus.TOGETHER, PartialDate.parse(start) if start else None),)
        if status is not PartnershipStatus.TOGETHER:
            statuses += (PartnershipPeriod(status, PartialDate.parse(end) if end else None),)
        self.entities.append(Partnership(
            id=uid, case_id=CASE_ID, person_a=a, person_b=b, kind=kind, statuses=statuses,
            start=PartialDate.parse(start) if start else None, end=PartialDate.parse(end) if end else None,
        ))
        return uid

    def child(self, child: str, *parents: str, kind: ParentKind = ParentKind.BIRTH) -> None:
        for parent in parents:
            self.entities.append(ParentChildLink(id=self._id("link"), case_id=CASE_ID, parent_id=parent,
                                                 child_id=child, kind=kind))

    def twins(self, *members: str, zygosity: Zygosity = Zygosity.IDENTICAL) -> str:
        tid = self._id("twins")
        self.entities.append(TwinSet(id=tid, case_id=CASE_ID, member_ids=members, zygosity=zygosity))
        return tid

    def household(self, name: str, *members: str, ended: tuple[str, ...] = (),
                  visitors: tuple[str, ...] = ()) -> str:
        hid = self._id("household")
        self.entities.append(Household(id=hid, case_id=CASE_ID, name=name))
        for member in members:
            self.entities.append(HouseholdMember(id=self._id("member"), case_id=CASE_ID, household_id=hid,
                                                 person_id=member))
        for member in ended:
            self.entities.append(HouseholdMember(id=self._id("member"), case_id=CASE_ID, household_id=hid,
                                                 person_id=member, end=PartialDate(2020)))
        for member in visitors:
            self.entities.append(HouseholdMember(id=self._id("member"), case_id=CASE_ID, household_id=hid,
                                                 person_id=member, role=HouseholdRole.REGULAR_VISITOR))
        return hid

    def link(self, source: str, target: str, kind: EmotionalLinkKind, directed: bool = False) -> str:
        lid = self._id("emotional")
        self.entities.append(EmotionalLink(id=lid, case_id=CASE_ID, from_id=source, to_id=target, kind=kind,
                                           directed=directed))
        return lid

    def nudge(self, person: str, dx: float, dy: float) -> None:
        self.entities.append(LayoutNudge(id=self._id("nudge"), case_id=CASE_ID, person_id=person, dx=dx, dy=dy))

    def record(self) -> CaseRecord:
        return CaseRecord.build(make_case(), self.entities)


def blended_family_three_fathers() -> FamilyBuilder:
    """Mother with children by three fathers, a current partner, households, and a loss."""
    fam = FamilyBuilder()
    mum = fam.person("Kelly", "f", "14/02/1990", family="Hart")
    dad1 = fam.person("Dean", "m", "03/06/1987", family="Price")
    dad2 = fam.person("Ryan", "m", "21/09/1988", family="Cole")
    dad3 = fam.person("Jason", "m", "11/11/1985", family="Webb")
    fam.couple(mum, dad1, PartnershipKind.MARRIED, "2008", "2012", PartnershipStatus.DIVORCED)
    fam.couple(mum, dad2, PartnershipKind.COHABITING, "2013", "2016", PartnershipStatus.SEPARATED)
    fam.couple(mum, dad3, PartnershipKind.COHABITING, "2018")
    for name, sex, born, dad in (("Tyler", "m", "02/04/2009", dad1), ("Chloe", "f", "17/08/2011", dad1),
                                 ("Mason", "m", "05/01/2014", dad2), ("Ruby", "f", "30/07/2019", dad3)):
        fam.person(name, sex, born, family="Hart", subject=name == "Ruby")
        fam.child(name.lower(), mum, dad)
    loss = fam.person("Loss", "u", "03/2017", pregnancy=PregnancyOutcome.MISCARRIAGE)
    fam.child(loss, mum, dad3)
    gran = fam.person("Brenda", "f", "09/05/1965", family="Hart")
    grandad = fam.person("Keith", "m", "19/12/1962", family="Hart", died="2020")
    fam.couple(gran, grandad, PartnershipKind.MARRIED, "1986")
    fam.child(mum, gran, grandad)
    fam.household("Kelly's home", mum, dad3, "chloe", "mason", "ruby")
    fam.household("Dean's flat", dad1, "tyler")
    fam.link(dad3, mum, EmotionalLinkKind.COERCIVE_CONTROL, directed=True)
    fam.link("chloe", "ruby", EmotionalLinkKind.CLOSE)
    return fam
