"""Professional curiosity: R8 (unverified parental account) and SELF-REPORT (facts resting only on
a parent's or carer's own account where a record could be checked) — Child BE finding BE2."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from genorisk.domain.entities import Household, HouseholdMember, Partnership, Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import ParentalClaim
from genorisk.domain.values import Provenance
from genorisk.risk.facts import adults_around_children, facts_by_person, when
from genorisk.risk.rules.base import Prompt, RuleContext, register


@register
class UnverifiedParentalAccount:
    """R8: a key claim not corroborated after the configured number of days, or the child's account differs."""

    rule_id = "R8"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record = context.record
        days = int(context.threshold("claim_corroboration_days"))
        for claim in record.all(ParentalClaim):
            people = tuple(p for p in (claim.claimed_by, claim.about_person_id, claim.child_id) if p)
            said = _sentence(f"{record.name_of(claim.claimed_by)} said on {when(claim.claimed_on)}: "
                             f"\u201c{claim.claim.strip()}\u201d")
            age = (context.today - claim.claimed_on).days
            if not claim.corroborated and age >= days:
                reason = f"{said} It has not been corroborated after {age} days (the agreed limit is {days})."
                yield context.prompt("R8", (claim.id, "uncorroborated"), reason, person_ids=people,
                                     evidence_ids=(claim.id,))
            if claim.childs_account_differs:
                child = f"{record.name_of(claim.child_id)}'s" if claim.child_id else "The child's"
                account = f": \u201c{claim.childs_account.strip()}\u201d" if claim.childs_account.strip() else ""
                reason = _sentence(f"{said} {child} account differs{account}")
                yield context.prompt("R8", (claim.id, "child-differs"), reason, person_ids=people,
                                     evidence_ids=(claim.id,))


def _sentence(text: str) -> str:
    """End with a full stop unless the text (or the quotation it ends with) already does."""
    return text if text.rstrip("\u201d").endswith((".", "!", "?")) else text + "."


@dataclass(frozen=True, slots=True)
class _SelfReported:
    id: str
    what: str
    provenance: Provenance
    check_with: str


@register
class SelfReportOnly:
    """SELF-REPORT: for each adult around a child, the risk-relevant facts that rest only on self-report."""

    rule_id = "SELF-REPORT"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record, today = context.record, context.today
        checkable: Mapping[str, str] = context.threshold("self_report_checkable")
        under = int(context.threshold("child_age_under"))
        by_person = facts_by_person(record, today)
        for adult in adults_around_children(record, today, under):
            found = [
                _SelfReported(f.id, f.short, f.provenance, checkable[f.category.value])
                for f in by_person.get(adult, ())
                if f.provenance is not None and f.provenance.self_report_only and f.category.value in checkable
            ]
            found += _memberships(record, adult, checkable)
            found += _partnerships(record, adult, checkable)
            if not found:
                continue
            lines = [f"{item.what} ({item.provenance.describe()}; could be checked with {item.check_with})"
                     for item in found]
            reason = (f"These facts about {record.name_of(adult)} rest only on self-report: " + "; ".join(lines) + ".")
            ids = sorted({item.id for item in found})
            yield context.prompt("SELF-REPORT", (adult, *ids), reason, person_ids=(adult,), evidence_ids=ids)


def _memberships(record: CaseRecord, person_id: str, checkable: Mapping[str, str]) -> list[_SelfReported]:
    if "household_membership" not in checkable:
        return []
    found = []
    for member in record.household_members:
        if member.person_id != person_id or member.provenance is None or not member.provenance.self_report_only:
            continue
        found.append(_SelfReported(member.id, _membership_text(record, member), member.provenance,
                                   checkable["household_membership"]))
    return found


def _membership_text(record: CaseRecord, member: HouseholdMember) -> str:
    household = record.get(Household, member.household_id)
    where = household.name if household else "a household"
    verb = "visiting" if member.role.value == "regular_visitor" else "living at"
    return f"{verb} {where} {member.dates.display()}"


def _partnerships(record: CaseRecord, person_id: str, checkable: Mapping[str, str]) -> list[_SelfReported]:
    if "partnership" not in checkable:
        return []
    found = []
    for union in record.partnerships_of(person_id):
        partner = record.get(Person, union.partner_of(person_id))
        if partner is not None and partner.deceased:
            continue
        if union.provenance is None or not union.provenance.self_report_only:
            continue
        found.append(_SelfReported(union.id, _partnership_text(record, union, person_id), union.provenance,
                                   checkable["partnership"]))
    return found


def _partnership_text(record: CaseRecord, union: Partnership, person_id: str) -> str:
    return (f"{union.kind.label.lower()} relationship with {record.name_of(union.partner_of(person_id))}, "
            f"{union.status.label.lower()} ({union.dates.display()})")
