"""The adults around a child: R12 (a new adult in the child's household) and PREV-REL (previous
relationships, their children, and domestic abuse or violence in them) — Child BE finding BE2."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from genorisk.domain.entities import Household, Partnership, Person, VerificationItem
from genorisk.domain.family_graph import children_by_other_parents, previous_relationships
from genorisk.domain.network import Agency
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import RiskCategory
from genorisk.domain.values import HouseholdRole, VerificationStatus
from genorisk.risk.facts import (
    RiskFact,
    adults_around_children,
    facts_by_person,
    focus_households,
    is_child,
    names,
    when,
)
from genorisk.risk.rules.base import Prompt, RuleContext, register

_HISTORY_CATEGORIES = frozenset({RiskCategory.DOMESTIC_ABUSE_PERPETRATOR, RiskCategory.DOMESTIC_ABUSE_VICTIM,
                                 RiskCategory.CRIMINALITY_VIOLENT})


@register
class NewAdultInHousehold:
    """R12: an adult joined (or began regularly visiting) a child's household recently or since the case opened."""

    rule_id = "R12"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record, today = context.record, context.today
        under = int(context.threshold("child_age_under"))
        recent = today - timedelta(days=int(context.threshold("new_adult_recent_days")))
        opened = min(change.since for change in record.case.status_history)
        with_children = focus_households(record, today, under)
        for member in record.household_members:
            if member.household_id not in with_children or member.start is None or not member.dates.covers(today):
                continue
            person = record.get(Person, member.person_id)
            if person is None or is_child(person, today, under) or person.pregnancy is not None:
                continue
            started = member.start.earliest()
            if started < opened and started < recent:
                continue
            household = record.get(Household, member.household_id)
            joined = "began visiting" if member.role is HouseholdRole.REGULAR_VISITOR else "joined"
            children = with_children[member.household_id]
            reason = (f"{person.display_name} {joined} {household.name if household else 'the household'} on "
                      f"{when(member.start)}" + (f" ({member.frequency})" if member.frequency else "")
                      + f", where {names(record, children)} {'lives' if len(children) == 1 else 'live'}.")
            yield context.prompt("R12", (member.id,), reason, person_ids=(person.id, *children),
                                 evidence_ids=(member.id,))


@register
class PreviousRelationships:
    """PREV-REL: previous partners and children not confirmed from records; DA or violence in a previous
    relationship."""

    rule_id = "PREV-REL"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record, today = context.record, context.today
        under = int(context.threshold("child_age_under"))
        by_person = facts_by_person(record, today)
        involved = _children_with_agency_involvement(record)
        for adult in adults_around_children(record, today, under):
            unconfirmed, ids = _unconfirmed_relationships(record, adult, today, under, involved)
            if unconfirmed:
                reason = (f"{record.name_of(adult)} has previous partners or children of previous relationships "
                          "whose details or agency involvement are not confirmed: " + "; ".join(unconfirmed) + ".")
                yield context.prompt("PREV-REL", ("details", adult, *sorted(ids)), reason, person_ids=(adult,),
                                     evidence_ids=sorted(ids))
            history = _history_in_previous_relationships(record, adult, by_person.get(adult, []))
            if history:
                lines = [f"{f.description} ({f.dates.display()}; {f.source_text()})" for f in history]
                current = [u.partner_of(adult) for u in record.partnerships_of(adult) if u.is_current]
                reason = (f"{record.name_of(adult)} has a history of domestic abuse or violence in a previous "
                          f"relationship: " + "; ".join(lines) + ".")
                if current:
                    reason += f" Current partner: {names(record, current)}."
                partners = [u.partner_of(adult) for f in history
                            if (u := _partnership(record, f.related_partnership_id)) is not None]
                yield context.prompt("PREV-REL", ("history", adult, *sorted(f.id for f in history)), reason,
                                     person_ids=(adult, *current, *partners), evidence_ids=[f.id for f in history])


def _partnership(record: CaseRecord, union_id: str | None) -> Partnership | None:
    found = record.find(union_id) if union_id else None
    return found if isinstance(found, Partnership) else None


def _unconfirmed_relationships(record: CaseRecord, adult: str, today: date, under: int,
                               involved: set[str] | None) -> tuple[list[str], set[str]]:
    lines: list[str] = []
    ids: set[str] = set()
    for previous in previous_relationships(record, adult):
        union = previous.partnership
        partner = record.get(Person, previous.partner_id)
        if partner is not None and partner.deceased:
            continue  # a partner who has died has no access to the child; their children still count below
        if union.provenance is None or union.provenance.self_report_only:
            source = union.provenance.describe() if union.provenance else "no source recorded"
            lines.append(f"previous partner {record.name_of(previous.partner_id)} ({union.dates.display()}; {source})")
            ids.add(union.id)
    current = next((u.partner_of(adult) for u in record.partnerships_of(adult) if u.is_current), None)
    for child_id in children_by_other_parents(record, adult, current):
        child = record.get(Person, child_id)
        if child is None or child.pregnancy is not None or not is_child(child, today, under):
            continue
        gaps = []
        link = next((lk for lk in record.parent_links_of_child(child_id) if lk.parent_id == adult), None)
        if link is not None and (link.provenance is None or link.provenance.self_report_only):
            gaps.append("parentage rests on self-report" if link.provenance else "parentage has no source")
        lives = [m for m in record.household_members if m.person_id == child_id and m.dates.covers(today)
                 and m.role is HouseholdRole.RESIDENT]
        if not lives:
            gaps.append("where they live is not recorded")
        if involved is not None and child_id not in involved:
            gaps.append("no agency is recorded as working with them")
        if gaps:
            lines.append(f"child {child.display_name} ({', '.join(gaps)})")
            ids.add(child_id)
    for item in record.all(VerificationItem):
        if item.person_id == adult and item.status is VerificationStatus.OPEN:
            lines.append(f"open check \u201c{item.topic}\u201d: {item.description.rstrip('.')}")
            ids.add(item.id)
    return lines, ids


def _history_in_previous_relationships(record: CaseRecord, adult: str, facts: Iterable[RiskFact]) -> list[RiskFact]:
    current = [u for u in record.partnerships_of(adult) if u.is_current]
    current_start = min((u.start.earliest() for u in current if u.start), default=None)
    found = []
    for fact in facts:
        if fact.category not in _HISTORY_CATEGORIES:
            continue
        union = _partnership(record, fact.related_partnership_id)
        if fact.related_partnership_id:
            # a named relationship that has ended, or is no longer recorded (so not a current one)
            previous = union is None or not union.is_current
        else:
            previous = fact.end is not None and current_start is not None and fact.end.latest() < current_start
        if previous:
            found.append(fact)
    return found


def _children_with_agency_involvement(record: CaseRecord) -> set[str] | None:
    """People some agency in the network is recorded as working with; None when no agencies are recorded
    (then agency involvement is not part of the check)."""
    agencies = record.all(Agency)
    if not agencies:
        return None
    return {person for agency in agencies for person in agency.involved_with}
