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


def man_with_three_partners() -> FamilyBuilder:
    """Gary has three successive partners (dated), with children by each."""
    fam = FamilyBuilder()
    fam.person("Gary", "m", "01/01/1970")
    for number, (partner, start, end, status, kids) in enumerate((
        ("Ann", "1990", "1995", PartnershipStatus.DIVORCED, (("Amber", "f", "1991"), ("Aaron", "m", "1993"))),
        ("Bev", "1996", "2001", PartnershipStatus.SEPARATED, (("Bella", "f", "1997"), ("Billy", "m", "1999"))),
        ("Cath", "2003", None, PartnershipStatus.TOGETHER, (("Carl", "m", "2004"), ("Cleo", "f", "2008"))),
    )):
        fam.person(partner, "f", f"01/0{number + 1}/1972")
        kind = PartnershipKind.MARRIED if number != 2 else PartnershipKind.COHABITING
        fam.couple("gary", partner.lower(), kind, start, end, status)
        for name, sex, year in kids:
            fam.person(name, sex, f"15/06/{year}")
            fam.child(name.lower(), "gary", partner.lower())
    return fam


def remarriage_after_widowhood() -> FamilyBuilder:
    fam = FamilyBuilder()
    fam.person("Harold", "m", "1950", died="2005")
    fam.person("Iris", "f", "1952")
    fam.person("Jack", "m", "1949")
    fam.couple("harold", "iris", PartnershipKind.MARRIED, "1974", "2005", PartnershipStatus.WIDOWED)
    fam.couple("iris", "jack", PartnershipKind.MARRIED, "2008")
    fam.person("Karen", "f", "1976")
    fam.child("karen", "harold", "iris")
    return fam


def twins_family() -> FamilyBuilder:
    fam = FamilyBuilder()
    fam.person("Lee", "m", "1980")
    fam.person("Mia", "f", "1982")
    fam.couple("lee", "mia", PartnershipKind.MARRIED, "2005")
    for name, sex, born in (("Nina", "f", "03/03/2007"), ("Olly", "m", "10/10/2010"), ("Otto", "m", "10/10/2010"),
                            ("Pip", "f", "04/04/2013"), ("Poppy", "f", "20/05/2015"), ("Pete", "m", "20/05/2015")):
        fam.person(name, sex, born)
        fam.child(name.lower(), "lee", "mia")
    fam.twins("olly", "otto", zygosity=Zygosity.IDENTICAL)
    fam.twins("poppy", "pete", zygosity=Zygosity.NON_IDENTICAL)
    return fam


def adoption_and_foster() -> FamilyBuilder:
    """Birth parents, adoptive parents and foster carers of two children, all on one genogram."""
    fam = FamilyBuilder()
    fam.person("Rob", "m", "1985")
    fam.person("Sue", "f", "1987")
    fam.couple("rob", "sue", PartnershipKind.COHABITING, "2008", "2012", PartnershipStatus.SEPARATED)
    fam.person("Tom", "m", "2009", subject=True)
    fam.person("Uma", "f", "2011")
    fam.child("tom", "rob", "sue")
    fam.child("uma", "rob", "sue")
    fam.person("Vic", "m", "1970")
    fam.person("Wendy", "f", "1972")
    fam.couple("vic", "wendy", PartnershipKind.MARRIED, "1995")
    fam.child("uma", "vic", "wendy", kind=ParentKind.ADOPTIVE)
    fam.person("Xena", "f", "1965")
    fam.child("tom", "xena", kind=ParentKind.FOSTER)
    return fam


def cousins_who_partner() -> FamilyBuilder:
    fam = FamilyBuilder()
    fam.person("Gramps", "m", "1930")
    fam.person("Granny", "f", "1932")
    fam.couple("gramps", "granny", PartnershipKind.MARRIED, "1952")
    for name, sex, born in (("Dora", "f", "1955"), ("Ed", "m", "1958")):
        fam.person(name, sex, born)
        fam.child(name.lower(), "gramps", "granny")
    fam.person("Fred", "m", "1954")
    fam.couple("fred", "dora", PartnershipKind.MARRIED, "1978")
    fam.person("Gina", "f", "1960")
    fam.couple("ed", "gina", PartnershipKind.MARRIED, "1980")
    fam.person("Hugo", "m", "1980")
    fam.child("hugo", "fred", "dora")
    fam.person("Ivy", "f", "1983")
    fam.child("ivy", "ed", "gina")
    fam.couple("hugo", "ivy", PartnershipKind.COHABITING, "2005")
    fam.person("Jude", "m", "2007")
    fam.child("jude", "hugo", "ivy")
    return fam


def four_generations() -> FamilyBuilder:
    fam = FamilyBuilder()
    names = [("Great", "m", "1925"), ("Grand", "m", "1950"), ("Parent", "f", "1975"), ("Child", "m", "2005")]
    spouses = [("Greatgran", "f", "1927"), ("Grandma", "f", "1952"), ("Dad", "m", "1973")]
    previous = None
    for index, (name, sex, born) in enumerate(names):
        fam.person(name, sex, born)
        if previous:
            fam.child(name.lower(), *previous)
        if index < len(spouses):
            spouse, spouse_sex, spouse_born = spouses[index]
            fam.person(spouse, spouse_sex, spouse_born)
            fam.couple(name.lower(), spouse.lower(), PartnershipKind.MARRIED)
            previous = (name.lower(), spouse.lower())
    return fam


def unknown_partner() -> FamilyBuilder:
    """A mother whose children's father is not known (no second parent recorded)."""
    fam = FamilyBuilder()
    fam.person("Lucy", "f", "1995")
    for name, born in (("Max", "2015"), ("Nell", "2018")):
        fam.person(name, "m" if name == "Max" else "f", f"01/05/{born}")
        fam.child(name.lower(), "lucy")
    fam.person("Oscar", "m", "1993")
    fam.couple("lucy", "oscar", PartnershipKind.DATING, "2022")
    return fam
