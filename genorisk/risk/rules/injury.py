"""R1 (injury to a baby who is not independently mobile) and R2 (high-risk bruise, TEN-4-FACESp).

Both read the local protocol (:mod:`genorisk.risk.nmi`). A TEN-4-FACESp-negative result is never
shown as reassurance: R2 only ever adds a reason to seek a medical assessment, and R1 applies to a
non-mobile baby whatever TEN-4-FACESp says.
"""

from __future__ import annotations

from collections.abc import Iterable

from genorisk.domain.entities import Person
from genorisk.domain.risk import ChronologyEvent, EventKind, NmiInjury
from genorisk.risk.facts import when
from genorisk.risk.nmi import age_in_months, assess_injury, describe_age, load_nmi_protocol
from genorisk.risk.rules.base import Prompt, RuleContext, register

MATCHING_DAYS = 2
"""An injury in the chronology within this many days of an injury record is the same injury."""


def _marks(injury: NmiInjury) -> str:
    kinds = ", ".join(m.label.lower() for m in injury.mark_types) or "a mark"
    places = ", ".join(r.label.lower() for r in injury.regions)
    return kinds + (f" ({places})" if places else "")


@register
class NonMobileInfantInjury:
    """R1: any injury to a baby who is not independently mobile, with no documented medical cause."""

    rule_id = "R1"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record = context.record
        protocol = load_nmi_protocol()
        injuries = record.all(NmiInjury)
        for injury in injuries:
            child = record.get(Person, injury.child_id)
            if child is None:
                continue
            assessment = assess_injury(injury, child, protocol)
            if not assessment.mandated:
                continue
            explanation = (f"the explanation given by {injury.explanation_given_by or 'the carer'} was "
                           f"\u201c{injury.explanation_verbatim.strip()}\u201d"
                           if injury.explanation_verbatim.strip() else "no explanation was recorded")
            reason = (f"{child.display_name} ({describe_age(assessment.age_months)}; "
                      f"{'; '.join(assessment.mobility_reasons)}) was seen with {_marks(injury)} on "
                      f"{injury.seen_at.strftime('%d/%m/%Y')}; no medical cause is documented by a health "
                      f"practitioner, and {explanation}. The protocol applies whatever the explanation.")
            if not injury.completed:
                reason += " The injury record is not complete: it needs the referral reference and time."
            yield context.prompt("R1", (injury.id,), reason, person_ids=(child.id,), evidence_ids=(injury.id,),
                                 blocking=not injury.completed)
        for event in record.all(ChronologyEvent):
            if event.kind is not EventKind.INJURY:
                continue
            for person_id in event.person_ids:
                child = record.get(Person, person_id)
                if child is None:
                    continue
                months = age_in_months(child, event.date.midpoint())
                if months is None or not 0 <= months < protocol.not_independently_mobile_under_months:
                    continue
                if any(i.child_id == person_id
                       and abs((i.seen_at.date() - event.date.midpoint()).days) <= MATCHING_DAYS for i in injuries):
                    continue
                reason = (f"The chronology records an injury to {child.display_name} on {when(event.date)}, "
                          f"when {describe_age(months)} (not independently mobile at that age): "
                          f"\u201c{event.description}\u201d. There is no injury record with a referral for it.")
                yield context.prompt("R1", (event.id, person_id), reason, person_ids=(person_id,),
                                     evidence_ids=(event.id,))


@register
class HighRiskBruise:
    """R2: a bruise in a TEN-4-FACESp region, patterned, or on a baby under 5 months, in a child under 4."""

    rule_id = "R2"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record = context.record
        protocol = load_nmi_protocol()
        for injury in record.all(NmiInjury):
            child = record.get(Person, injury.child_id)
            if child is None:
                continue
            assessment = assess_injury(injury, child, protocol)
            if not assessment.high_risk_bruise:
                continue
            why = []
            if assessment.ten4_groups:
                why.append("in TEN-4-FACESp region(s) " + ", ".join(assessment.ten4_groups))
            if assessment.patterned:
                why.append("patterned")
            if assessment.ten4_any_bruise_infant:
                why.append(f"on a baby of {describe_age(assessment.age_months)} (any bruise under 5 months)")
            reason = (f"{child.display_name} has {_marks(injury)} seen on {injury.seen_at.strftime('%d/%m/%Y')}: "
                      + "; ".join(why) + ".")
            yield context.prompt("R2", (injury.id,), reason, person_ids=(child.id,), evidence_ids=(injury.id,))
