"""R6 (cumulative risk among the adults around a child) and DARAC-NEEDED.

Both look at each household where a child lives today and every adult living in or regularly
visiting it, with their risk facts from any time: the reviews found past risk travels with an adult
into each new household. Prompt keys include the facts they rest on, so a new fact raises a fresh
prompt rather than hiding behind an old decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from genorisk.domain.entities import Household, Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import ChronologyEvent, DaracRecord, DashAssessment, RiskGroup
from genorisk.risk.facts import (
    RiskFact,
    ace_reported,
    adults_in_household,
    facts_by_person,
    focus_households,
    names,
    when,
)
from genorisk.risk.rules.base import Prompt, RuleContext, register

_OTHER_CUMULATIVE = {"criminality_violent", "many_consecutive_partners", "acrimonious_separation",
                     "social_isolation"}


def _counted(context: RuleContext, facts: Iterable[RiskFact]) -> list[RiskFact]:
    statuses = set(context.threshold("cumulative_counted_statuses"))
    return [f for f in facts if f.status.value in statuses]


@register
class CumulativeRisk:
    """R6: two or more trio factors, or one plus another cumulative factor, among a household's adults."""

    rule_id = "R6"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record, today = context.record, context.today
        under = int(context.threshold("child_age_under"))
        by_person = facts_by_person(record, today)
        for household_id, children in focus_households(record, today, under).items():
            adults = adults_in_household(record, household_id, today, under)
            facts = [f for a in adults for f in _counted(context, by_person.get(a, ()))]
            trio = {f.category.group for f in facts if f.category.is_trio}
            others = [f for f in facts if f.category.value in _OTHER_CUMULATIVE]
            aces = [h for a in adults for h in ace_reported(record, a)]
            if not (len(trio) >= 2 or (trio and (others or aces))):
                continue
            lines = [f"{record.name_of(f.person_id)}: {f.short} ({f.dates.display()}; {_source_kind(f)})"
                     for f in facts if f.category.is_trio or f in others]
            lines += [f"{record.name_of(h.person_id)}: adverse childhood experiences recorded as history"
                      for h in aces]
            household = record.get(Household, household_id)
            where = household.name if household else "the household"
            reason = (f"Adults living in or visiting {where} (where {names(record, children)} "
                      f"{'lives' if len(children) == 1 else 'live'}) carry "
                      f"{' and '.join(sorted(g.label.lower() for g in trio))}"
                      + (" with other cumulative factors" if others or aces else "") + ": " + "; ".join(lines) + ".")
            evidence = [f.id for f in facts] + [h.id for h in aces]
            yield context.prompt("R6", (household_id, *sorted(set(evidence))), reason,
                                 person_ids=(*children, *adults), evidence_ids=evidence)


@register
class DaracNeeded:
    """DARAC-NEEDED: domestic abuse known around a child who has no DARAC since the latest DA information."""

    rule_id = "DARAC-NEEDED"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record, today = context.record, context.today
        under = int(context.threshold("child_age_under"))
        min_age = int(context.threshold("darac_min_age_years"))
        by_person = facts_by_person(record, today)
        for household_id, children in focus_households(record, today, under).items():
            adults = adults_in_household(record, household_id, today, under)
            evidence = _domestic_abuse_evidence(record, adults, children, by_person)
            if not evidence:
                continue
            latest_id, latest_day, latest_text = max(evidence, key=lambda e: (e[1], e[0]))
            household = record.get(Household, household_id)
            for child_id in children:
                child = record.get(Person, child_id)
                age = child.age_on(today) if child else None
                if age is not None and age < min_age:
                    continue
                done = [d for d in record.all(DaracRecord) if child_id in d.child_ids and d.completed_on >= latest_day]
                if done:
                    continue
                previous = [d for d in record.all(DaracRecord) if child_id in d.child_ids]
                reason = (f"{record.name_of(child_id)} lives in {household.name if household else 'a household'} "
                          f"where domestic abuse is known: {latest_text}.")
                if previous:
                    last = max(previous, key=lambda d: d.completed_on)
                    reason += (f" The last DARAC for {record.name_of(child_id)} was on {when(last.completed_on)}, "
                               "before this information.")
                else:
                    reason += f" No DARAC is recorded for {record.name_of(child_id)}."
                yield context.prompt("DARAC-NEEDED", (child_id, latest_id), reason,
                                     person_ids=(child_id, *adults), evidence_ids=[e[0] for e in evidence])


def _source_kind(fact: RiskFact) -> str:
    if fact.provenance is None:
        return "no source"
    label = fact.provenance.source.label.lower()
    return label + (f": {fact.provenance.agency}" if fact.provenance.agency else "")


def _domestic_abuse_evidence(record: CaseRecord, adults: Iterable[str], children: Iterable[str],
                             by_person: dict[str, list[RiskFact]]) -> list[tuple[str, date, str]]:
    """(record id, the date it became known, a description) for each piece of DA information."""
    people = set(adults) | set(children)
    found: list[tuple[str, date, str]] = []
    for adult in adults:
        for fact in by_person.get(adult, ()):
            if fact.category.group is not RiskGroup.DOMESTIC_ABUSE:
                continue
            known = fact.provenance.recorded_on if fact.provenance else (
                fact.start.earliest() if fact.start else date.min)
            found.append((fact.id, known, f"{record.name_of(adult)}: {fact.short}"))
    for dash in record.all(DashAssessment):
        if dash.victim_id in people or (dash.perpetrator_id and dash.perpetrator_id in people):
            found.append((dash.id, dash.completed_on,
                          f"DASH of {when(dash.completed_on)} with {record.name_of(dash.victim_id)}"))
    for event in record.all(ChronologyEvent):
        if event.is_domestic_abuse and people.intersection(event.person_ids):
            found.append((event.id, event.date.latest(),
                          f"{event.kind.label.lower()} on {when(event.date)}: {event.description}"))
    return found
