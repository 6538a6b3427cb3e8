"""Risk facts about people, gathered from every record that carries them (Qt-free, pure).

A risk factor is the primary record, but an abusive relationship drawn on the genogram (an
EmotionalLink of an abuse kind between two adults) is evidence of domestic abuse too: the person it
runs from is recorded as causing harm, the person it points at as a victim. Rules, markers and the
cumulative timeline all read :func:`risk_facts`, so a fact counts the same everywhere and is never
counted twice (a link already covered by a risk factor for the same relationship is skipped).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from genorisk.domain.entities import Partnership, Person
from genorisk.domain.family_graph import households_of, residents_on
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import AceAnswer, AceHistory, RiskCategory, RiskFactor, RiskStatus
from genorisk.domain.values import DateRange, HouseholdRole, PartialDate, Provenance, display_date

ADULT_FROM_AGE = 16
"""Domestic abuse (Domestic Abuse Act 2021 s.1) is between people aged 16 or over."""


@dataclass(frozen=True, slots=True)
class RiskFact:
    """One risk fact about one person, whichever record it came from."""

    id: str
    """The id of the record it came from (a risk factor, or an abuse link)."""
    person_id: str
    category: RiskCategory
    status: RiskStatus
    start: PartialDate | None
    end: PartialDate | None
    provenance: Provenance | None
    description: str
    """What it is, its status and relationship, and any notes."""
    related_partnership_id: str | None = None
    from_link: bool = False
    short: str = ""
    """What it is and its status, without notes (for lists)."""

    @property
    def dates(self) -> DateRange:
        return DateRange(self.start, self.end)

    @property
    def self_report_only(self) -> bool:
        return self.provenance is None or self.provenance.self_report_only

    def source_text(self) -> str:
        return self.provenance.describe() if self.provenance else "source not recorded"


def risk_facts(record: CaseRecord, today: date | None = None) -> tuple[RiskFact, ...]:
    """Every risk fact in the case: risk factors first, then abuse links not already covered.

    An abuse link counts as domestic abuse when both people were 16 or over when it started (on
    ``today`` when its start is not known).
    """
    today = today or date.today()
    facts = [
        RiskFact(f.id, f.person_id, f.category, f.status, f.start, f.end, f.provenance, _describe(record, f),
                 f.related_partnership_id, short=_describe(record, f, with_notes=False))
        for f in record.all(RiskFactor)
    ]
    covered = {(f.person_id, f.category, f.related_partnership_id) for f in facts}
    for link in record.emotional_links:
        if not link.kind.is_abuse:
            continue
        harmer, harmed = record.get(Person, link.from_id), record.get(Person, link.to_id)
        if harmer is None or harmed is None or not (_adult_then(harmer, link.start, today)
                                                                and _adult_then(harmed, link.start, today)):
            continue
        union = record.partnership_between(link.from_id, link.to_id)
        union_id = union.id if union else None
        status = RiskStatus.HISTORIC if link.end is not None else RiskStatus.CURRENT
        kind = link.kind.label.lower()
        for person_id, category, text in (
            (link.from_id, RiskCategory.DOMESTIC_ABUSE_PERPETRATOR, f"{kind} towards {harmed.display_name}"),
            (link.to_id, RiskCategory.DOMESTIC_ABUSE_VICTIM, f"{kind} by {harmer.display_name}"),
        ):
            if (person_id, category, union_id) in covered:
                continue
            covered.add((person_id, category, union_id))
            short = f"{category.label}, {status.label.lower()}: {text}"
            facts.append(RiskFact(link.id, person_id, category, status, link.start, link.end, link.provenance,
                                  short + (f" ({link.notes})" if link.notes else ""), union_id,
                                  from_link=True, short=short))
    return tuple(facts)


def facts_by_person(record: CaseRecord, today: date | None = None) -> dict[str, list[RiskFact]]:
    found: dict[str, list[RiskFact]] = defaultdict(list)
    for fact in risk_facts(record, today):
        found[fact.person_id].append(fact)
    return found


def ace_reported(record: CaseRecord, person_id: str) -> tuple[AceHistory, ...]:
    """ACE histories of a person in which at least one category was reported as experienced."""
    return tuple(h for h in record.all(AceHistory)
                 if h.person_id == person_id and any(e.answer is AceAnswer.EXPERIENCED for e in h.entries))


def is_child(person: Person, on: date, under: int = 18) -> bool:
    """Under ``under`` on the date; a person with no date of birth is a child only if a subject child."""
    if person.pregnancy is not None:
        return False
    age = person.age_on(on)
    return person.is_subject_child if age is None else 0 <= age < under


def children_living_anywhere(record: CaseRecord, on: date, under: int = 18) -> tuple[str, ...]:
    """Children resident in some household of the case on the date."""
    found = []
    for member in record.household_members:
        if member.role is HouseholdRole.RESIDENT and member.dates.covers(on):
            person = record.get(Person, member.person_id)
            if person is not None and is_child(person, on, under):
                found.append(person.id)
    return tuple(dict.fromkeys(found))


def households_with_children(record: CaseRecord, on: date, under: int = 18) -> dict[str, tuple[str, ...]]:
    """Household id → the children living there on the date (households without children left out)."""
    result: dict[str, tuple[str, ...]] = {}
    for household in record.households:
        children = tuple(
            pid for pid in residents_on(record, household.id, on)
            if (p := record.get(Person, pid)) is not None and is_child(p, on, under)
        )
        if children:
            result[household.id] = children
    return result


def focus_households(record: CaseRecord, on: date, under: int = 18) -> dict[str, tuple[str, ...]]:
    """The households the case is about: those where a subject child lives on the date (every household
    with a child when no subject child is marked), each with all the children living there."""
    all_homes = households_with_children(record, on, under)
    subjects = {p.id for p in record.subject_children if p.pregnancy is None and not p.deceased}
    if not subjects:
        return all_homes
    return {home: children for home, children in all_homes.items() if subjects.intersection(children)}


def adults_in_household(record: CaseRecord, household_id: str, on: date, under: int = 18) -> tuple[str, ...]:
    """Adults living in or regularly visiting a household on the date."""
    return tuple(
        pid for pid in residents_on(record, household_id, on, (HouseholdRole.RESIDENT, HouseholdRole.REGULAR_VISITOR))
        if (p := record.get(Person, pid)) is not None and not is_child(p, on, under) and p.pregnancy is None
    )


def adults_around_children(record: CaseRecord, on: date, under: int = 18) -> tuple[str, ...]:
    """Every adult with access to the case's children on the date (living in or regularly visiting a
    household in :func:`focus_households`), plus the living parents of every subject child wherever
    they live."""
    found: list[str] = []
    for household_id in focus_households(record, on, under):
        found += adults_in_household(record, household_id, on, under)
    for child in record.subject_children:
        found += [link.parent_id for link in record.parent_links_of_child(child.id)]
    return tuple(p for p in dict.fromkeys(found) if (person := record.get(Person, p)) is not None
                 and not person.deceased)


def current_households(record: CaseRecord, person_id: str, on: date) -> tuple[str, ...]:
    return households_of(record, person_id, on)


def names(record: CaseRecord, person_ids: Iterable[str]) -> str:
    """'A, B and C' for messages."""
    listed = [record.name_of(p) for p in person_ids]
    if len(listed) <= 1:
        return "".join(listed)
    return ", ".join(listed[:-1]) + " and " + listed[-1]


def when(day: date | PartialDate | None) -> str:
    if day is None:
        return "date not known"
    return day.display() if isinstance(day, PartialDate) else display_date(day)


def _describe(record: CaseRecord, factor: RiskFactor, with_notes: bool = True) -> str:
    text = factor.describe()
    if factor.related_partnership_id:
        union = record.find(factor.related_partnership_id)
        if isinstance(union, Partnership) and union.involves(factor.person_id):
            text += f", in the relationship with {record.name_of(union.partner_of(factor.person_id))}"
        else:
            text += ", in a relationship no longer recorded"
    if factor.notes and with_notes:
        text += f": {factor.notes}"
    return text


def _adult_then(person: Person, start: PartialDate | None, today: date) -> bool:
    if person.date_of_birth is None:
        return not person.is_subject_child
    on = start.midpoint() if start else today
    age = person.age_on(on)
    return age is None or age >= ADULT_FROM_AGE
