"""A synthetic, fictional, deterministic family generator for tests and benchmarks.

``synthetic_case(n, seed)`` returns a case and exactly ``n`` people (plus their relationships):
several founding couples whose lines run over three to five generations, with successive partners
and half-siblings, divorces and separations, twins (identical and not), pregnancy losses, adoption,
foster care, cousins of different lines who partner, current households and a few emotional and
abuse links. The same ``(n, seed)`` always gives the same family, ids included. Names are drawn
from small invented lists; none of it is about real people.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import datetime

from genorisk.domain.entities import (
    Case,
    EmotionalLink,
    Entity,
    Household,
    HouseholdMember,
    ParentChildLink,
    Partnership,
    PartnershipPeriod,
    Person,
    StatusChange,
    TwinSet,
)
from genorisk.domain.values import (
    CaseStatus,
    EmotionalLinkKind,
    ParentKind,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    PregnancyOutcome,
    Sex,
    Zygosity,
)

_GIVEN_F = ("Amy", "Bea", "Cara", "Dana", "Elin", "Fay", "Gwen", "Hana", "Isla", "Jade", "Kira", "Lena", "Maya",
            "Nell", "Orla", "Pia", "Rhea", "Sian", "Tess", "Vera", "Wren", "Zara")
_GIVEN_M = ("Alfie", "Ben", "Cal", "Dev", "Eli", "Finn", "Gus", "Hal", "Ivo", "Jay", "Kit", "Leo", "Max", "Ned",
            "Otis", "Rory", "Sam", "Theo", "Vik", "Will", "Zac")
_FAMILY = ("Ashdown", "Brackley", "Corran", "Delby", "Elmsworth", "Farrow", "Gadsby", "Hollins", "Ingleby",
           "Jessop", "Kettering", "Lowry", "Marden", "Norcott", "Ormsby", "Pellow", "Quinlan", "Ridley",
           "Stanway", "Tolley", "Upton", "Vane", "Wexley", "Yarrow")
_SEED_NAMESPACE = "syn"


@dataclass
class _Generator:
    n: int
    rng: random.Random
    case_id: str
    people: dict[str, Person] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    counter: int = 0
    partners_of: dict[str, list[str]] = field(default_factory=dict)
    generation_of: dict[str, int] = field(default_factory=dict)
    children_of: dict[str, list[str]] = field(default_factory=dict)

    @property
    def full(self) -> bool:
        return len(self.people) >= self.n

    def next_id(self, kind: str) -> str:
        self.counter += 1
        return f"{_SEED_NAMESPACE}-{kind}-{self.counter:06d}"

    def person(self, generation: int, family_name: str, year: int, *, sex: Sex | None = None,
               pregnancy: PregnancyOutcome | None = None, born: PartialDate | None = None) -> str | None:
        if self.full:
            return None
        rng = self.rng
        sex = sex or (Sex.FEMALE if rng.random() < 0.5 else Sex.MALE)
        given = rng.choice(_GIVEN_F if sex is Sex.FEMALE else _GIVEN_M)
        if born is None:
            born = PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
        deceased = pregnancy is None and year < 1950 and rng.random() < 0.6
        person = Person(
            id=self.next_id("person"), case_id=self.case_id,
            given_names="" if pregnancy else given, family_name="" if pregnancy else family_name,
            sex=sex if pregnancy is None else Sex.UNKNOWN, date_of_birth=born, pregnancy=pregnancy,
            deceased=deceased, date_of_death=PartialDate(min(2023, year + rng.randint(55, 85))) if deceased else None,
            gestation_weeks=rng.randint(8, 22) if pregnancy in (PregnancyOutcome.MISCARRIAGE,
                                                                 PregnancyOutcome.TERMINATION) else None,
        )
        self.people[person.id] = person
        self.entities.append(person)
        self.generation_of[person.id] = generation
        return person.id

    def partnership(self, a: str, b: str, start_year: int, *, ended: bool) -> str:
        rng = self.rng
        kind = rng.choices((PartnershipKind.MARRIED, PartnershipKind.COHABITING, PartnershipKind.DATING,
                            PartnershipKind.CIVIL_PARTNERSHIP), (5, 4, 1, 0.3))[0]
        start = PartialDate(start_year)
        statuses: tuple[PartnershipPeriod, ...] = (PartnershipPeriod(PartnershipStatus.TOGETHER, start),)
        end = None
        if ended:
            end = PartialDate(start_year + rng.randint(2, 9))
            status = PartnershipStatus.DIVORCED if kind is PartnershipKind.MARRIED and rng.random() < 0.7 else (
                PartnershipStatus.SEPARATED)
            statuses += (PartnershipPeriod(status, end),)
        partnership = Partnership(id=self.next_id("union"), case_id=self.case_id, person_a=a, person_b=b,
                                  kind=kind, statuses=statuses, start=start, end=end)
        self.entities.append(partnership)
        self.partners_of.setdefault(a, []).append(b)
        self.partners_of.setdefault(b, []).append(a)
        return partnership.id

    def link(self, parent: str, child: str, kind: ParentKind = ParentKind.BIRTH) -> None:
        self.entities.append(ParentChildLink(id=self.next_id("link"), case_id=self.case_id, parent_id=parent,
                                             child_id=child, kind=kind))
        self.children_of.setdefault(parent, []).append(child)

    def children(self, mother: str, father: str, generation: int, first_year: int, count: int) -> list[str]:
        """Children of a couple (with the odd twin pair, pregnancy loss or adoption)."""
        rng = self.rng
        family_name = self.people[father].family_name or self.people[mother].family_name
        made: list[str] = []
        year = first_year
        for _ in range(count):
            roll = rng.random()
            if roll < 0.07:
                outcome = rng.choice((PregnancyOutcome.MISCARRIAGE, PregnancyOutcome.MISCARRIAGE,
                                      PregnancyOutcome.TERMINATION, PregnancyOutcome.STILLBIRTH))
                loss = self.person(generation, family_name, year, pregnancy=outcome,
                                   born=PartialDate(year, rng.randint(1, 12)))
                if loss:
                    self.link(mother, loss)
                    self.link(father, loss)
            elif roll < 0.11:
                born = PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
                zygosity = Zygosity.IDENTICAL if rng.random() < 0.4 else Zygosity.NON_IDENTICAL
                sex = Sex.FEMALE if rng.random() < 0.5 else Sex.MALE
                twins = []
                for _twin in range(2):
                    twin_sex = sex if zygosity is Zygosity.IDENTICAL else None
                    twin = self.person(generation, family_name, year, sex=twin_sex, born=born)
                    if twin:
                        self.link(mother, twin)
                        self.link(father, twin)
                        twins.append(twin)
                if len(twins) == 2:
                    self.entities.append(TwinSet(id=self.next_id("twins"), case_id=self.case_id,
                                                 member_ids=tuple(twins), zygosity=zygosity))
                made.extend(twins)
            else:
                child = self.person(generation, family_name, year)
                if child:
                    kind = ParentKind.ADOPTIVE if roll > 0.985 else ParentKind.BIRTH
                    self.link(mother, child, kind)
                    self.link(father, child, kind)
                    made.append(child)
            year += rng.randint(1, 4)
        return made


def synthetic_case(n: int, seed: int = 1) -> tuple[Case, list[Entity]]:
    """A fictional family of exactly ``n`` people (n >= 1), the same every time for the same seed."""
    if n < 1:
        raise ValueError("a synthetic family needs at least one person")
    rng = random.Random(seed * 7919 + n)
    case_id = f"{_SEED_NAMESPACE}-case-{n}-{seed}"
    now = datetime(2024, 4, 1, 9, 0)
    case = Case(id=case_id, case_id=case_id, reference=f"SYN-{n}-{seed}", title=f"Synthetic family of {n}",
                status_history=(StatusChange(CaseStatus.CHILD_IN_NEED, now.date()),), created_at=now,
                updated_at=now)
    gen = _Generator(n, rng, case_id)
    unpartnered_by_generation: dict[int, list[str]] = {}
    while not gen.full:
        _grow_line(gen, rng, unpartnered_by_generation)
    _households_and_links(gen, rng)
    return case, gen.entities


def _grow_line(gen: _Generator, rng: random.Random, unpartnered: dict[int, list[str]]) -> None:
    """One founding couple and their descendants over several generations."""
    family_name = rng.choice(_FAMILY)
    base_year = rng.randint(1936, 1950)
    founder_m = gen.person(0, family_name, base_year, sex=Sex.MALE)
    founder_f = gen.person(0, rng.choice(_FAMILY), base_year + rng.randint(-3, 3), sex=Sex.FEMALE)
    if founder_m is None or founder_f is None:
        return
    gen.partnership(founder_m, founder_f, base_year + 22, ended=False)
    couples = [(founder_f, founder_m, 0, base_year + 24)]
    while couples and not gen.full:
        next_couples = []
        for mother, father, generation, first_year in couples:
            if gen.full or first_year > 2022:
                break
            count = rng.choices((0, 1, 2, 3, 4, 5), (1, 3, 5, 4, 2, 1))[0]
            for child in gen.children(mother, father, generation + 1, first_year, count):
                person = gen.people[child]
                if person.pregnancy or rng.random() > 0.72 or person.date_of_birth is None:
                    unpartnered.setdefault(generation + 1, []).append(child)
                    continue
                child_year = person.date_of_birth.year
                partners = rng.choices((1, 2, 3), (6, 3, 1))[0]
                year = child_year + rng.randint(19, 26)
                for number in range(partners):
                    if year > 2023:
                        break
                    pool = unpartnered.get(generation + 1, [])
                    if pool and rng.random() < 0.08:
                        partner = pool.pop(rng.randrange(len(pool)))  # someone from another line (or a cousin)
                    else:
                        partner_sex = Sex.MALE if person.sex is Sex.FEMALE else Sex.FEMALE
                        if rng.random() < 0.03:
                            partner_sex = person.sex
                        found = gen.person(generation + 1, rng.choice(_FAMILY), child_year + rng.randint(-4, 4),
                                           sex=partner_sex)
                        if found is None:
                            return
                        partner = found
                    ended = number < partners - 1
                    gen.partnership(child, partner, year, ended=ended)
                    if person.sex is Sex.FEMALE:
                        next_couples.append((child, partner, generation + 1, year + 1))
                    else:
                        next_couples.append((partner, child, generation + 1, year + 1))
                    year += rng.randint(3, 10)
        couples = next_couples


def _households_and_links(gen: _Generator, rng: random.Random) -> None:
    """Current households for younger parents with their children; a few emotional/abuse links;
    foster carers for a few children; one subject child."""
    people = gen.people
    youngest = sorted((p for p in people.values() if p.pregnancy is None and p.date_of_birth
                       and p.date_of_birth.year >= 2008), key=lambda p: p.id)
    subject = youngest[len(youngest) // 2] if youngest else None
    if subject is not None:
        index = gen.entities.index(subject)
        marked = replace(subject, is_subject_child=True)
        gen.entities[index] = marked
        people[subject.id] = marked
    households = 0
    for parent, children in sorted(gen.children_of.items()):
        minors = [c for c in children if people[c].pregnancy is None and people[c].date_of_birth
                  and people[c].date_of_birth.year >= 2006]  # type: ignore[union-attr]
        if not minors or people[parent].sex is not Sex.FEMALE or rng.random() > 0.6:
            continue
        household = Household(id=gen.next_id("household"), case_id=gen.case_id,
                              name=f"{people[parent].family_name} household {households + 1}")
        households += 1
        gen.entities.append(household)
        members = [parent, *minors]
        current = gen.partners_of.get(parent, [])
        if current:
            members.append(current[-1])
        for member in members:
            gen.entities.append(HouseholdMember(id=gen.next_id("member"), case_id=gen.case_id,
                                                household_id=household.id, person_id=member))
        if current and rng.random() < 0.3:
            kind = rng.choice((EmotionalLinkKind.PHYSICAL_ABUSE, EmotionalLinkKind.COERCIVE_CONTROL,
                               EmotionalLinkKind.EMOTIONAL_ABUSE))
            gen.entities.append(EmotionalLink(id=gen.next_id("emotional"), case_id=gen.case_id,
                                              from_id=current[-1], to_id=parent, kind=kind, directed=True))
        if len(minors) >= 2 and rng.random() < 0.3:
            kind = rng.choice((EmotionalLinkKind.CLOSE, EmotionalLinkKind.CONFLICT, EmotionalLinkKind.DISTANT))
            gen.entities.append(EmotionalLink(id=gen.next_id("emotional"), case_id=gen.case_id,
                                              from_id=minors[0], to_id=minors[1], kind=kind))
    # A few children in foster care: carers are an existing unrelated couple.
    couples = [(e.person_a, e.person_b) for e in gen.entities if isinstance(e, Partnership) and e.end is None]
    fostered = [p.id for p in youngest if p.id != (subject.id if subject else "")][: max(0, len(youngest) // 40)]
    for child in fostered:
        carers = couples[rng.randrange(len(couples))] if couples else None
        if not carers or child in carers or any(child in gen.children_of.get(c, []) for c in carers):
            continue
        gen_child = gen.generation_of.get(child, 0)
        if min(gen.generation_of.get(c, 0) for c in carers) >= gen_child:
            continue
        for carer in carers:
            gen.link(carer, child, ParentKind.FOSTER)
