"""DASH prompts: R3 (visible high risk), R4 (professional judgement), R5 (repeat after a Marac
referral) and DA-CHILD-VICTIM (every linked child is a victim in their own right).

The yes count is a count against a configured threshold, shown with the answers it came from; it is
never called a risk level.
"""

from __future__ import annotations

from collections.abc import Iterable

from genorisk.domain.entities import Person
from genorisk.domain.family_graph import households_of
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import ChronologyEvent, DashAssessment, EventKind
from genorisk.risk.facts import names, when
from genorisk.risk.instruments import load_instrument, months_before, score_dash
from genorisk.risk.rules.base import Prompt, RuleContext, register

MARAC_MIN_VICTIM_AGE = 16
REPEAT_EVENT_KINDS = frozenset({EventKind.INCIDENT, EventKind.POLICE_CALL_OUT, EventKind.DISCLOSURE,
                                EventKind.INJURY, EventKind.HOSPITAL_ATTENDANCE})


def _who(record: CaseRecord, dash: DashAssessment) -> str:
    text = f"the DASH completed on {when(dash.completed_on)} by {dash.assessor} with {record.name_of(dash.victim_id)}"
    if dash.perpetrator_id:
        text += f" about {record.name_of(dash.perpetrator_id)}"
    return text


@register
class DashHighRisk:
    """R3: DASH yes count at or above the configured high-risk threshold."""

    rule_id = "R3"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        instrument = load_instrument("dash")
        record = context.record
        for dash in record.all(DashAssessment):
            result = score_dash(instrument, dash, record, context.thresholds)
            if not result.meets_threshold:
                continue
            reason = (f"In {_who(record, dash)}, {result.yes_count} items were answered yes "
                      f"(the local high-risk threshold is {result.threshold}).")
            if dash.marac_referral_on:
                reason += f" A Marac referral is recorded on {when(dash.marac_referral_on)}."
            else:
                reason += " No Marac referral is recorded."
            victim = record.get(Person, dash.victim_id)
            age = victim.age_on(dash.completed_on) if victim else None
            if age is not None and age < MARAC_MIN_VICTIM_AGE:
                reason += (f" {record.name_of(dash.victim_id)} is {age}: Marac works with victims aged 16 and over, "
                           "so refer to children's safeguarding.")
            if result.children:
                reason += f" Children linked: {names(record, result.children)}."
            people = (dash.victim_id, *(p for p in (dash.perpetrator_id,) if p), *result.children)
            yield context.prompt("R3", (dash.id,), reason, person_ids=people, evidence_ids=(dash.id,))


@register
class DashProfessionalJudgement:
    """R4: below the threshold, but a professional-judgement trigger is present."""

    rule_id = "R4"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        instrument = load_instrument("dash")
        record = context.record
        for dash in record.all(DashAssessment):
            result = score_dash(instrument, dash, record, context.thresholds)
            triggers = result.r4_triggers
            if result.meets_threshold or not triggers:
                continue
            from_answers = {t.key for t in result.item_triggers}
            described = [t.label + (" (from the answers)" if t.key in from_answers else " (ticked by the assessor)")
                         for t in triggers]
            reason = (f"In {_who(record, dash)}, {result.yes_count} items were answered yes, below the threshold of "
                      f"{result.threshold}, but: " + "; ".join(described) + ".")
            if result.escalation_by_call_outs:
                reason += (f" There were {result.police_call_outs_12_months} police call-outs in the 12 months "
                           "before it.")
            people = (dash.victim_id, *(p for p in (dash.perpetrator_id,) if p))
            yield context.prompt("R4", (dash.id,), reason, person_ids=people, evidence_ids=(dash.id,))


@register
class RepeatAfterMarac:
    """R5: a new domestic abuse incident, or a new DASH, within the repeat window after a Marac referral."""

    rule_id = "R5"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record = context.record
        window = int(context.threshold("dash_repeat_window_months"))
        for dash in record.all(DashAssessment):
            referral = dash.marac_referral_on
            if referral is None:
                continue
            for event in record.all(ChronologyEvent):
                if event.kind not in REPEAT_EVENT_KINDS or not event.is_domestic_abuse:
                    continue
                if dash.victim_id not in event.person_ids:
                    continue
                if dash.perpetrator_id and len(event.person_ids) > 1 and dash.perpetrator_id not in event.person_ids:
                    continue
                day = event.date.earliest()
                if not (referral < day and months_before(day, window) <= referral):
                    continue
                reason = (f"{event.kind.label} on {when(event.date)} involving {names(record, event.person_ids)} "
                          f"(\u201c{event.description}\u201d) came within {window} months of the Marac referral of "
                          f"{when(referral)} for {record.name_of(dash.victim_id)}.")
                yield context.prompt("R5", (dash.id, event.id), reason, person_ids=event.person_ids,
                                     evidence_ids=(dash.id, event.id))
            for later in record.all(DashAssessment):
                if later.id == dash.id or later.victim_id != dash.victim_id:
                    continue
                if dash.perpetrator_id and later.perpetrator_id and later.perpetrator_id != dash.perpetrator_id:
                    continue
                if not (referral < later.completed_on and months_before(later.completed_on, window) <= referral):
                    continue
                reason = (f"A new DASH on {when(later.completed_on)} for {record.name_of(dash.victim_id)} came within "
                          f"{window} months of the Marac referral of {when(referral)}: any new incident is a repeat.")
                people = (dash.victim_id, *(p for p in (later.perpetrator_id,) if p))
                yield context.prompt("R5", (dash.id, later.id), reason, person_ids=people,
                                     evidence_ids=(dash.id, later.id))


@register
class ChildVictimOfDomesticAbuse:
    """DA-CHILD-VICTIM: each child linked to a DASH's victim or person causing harm (DA Act 2021 s.3)."""

    rule_id = "DA-CHILD-VICTIM"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        instrument = load_instrument("dash")
        record = context.record
        for dash in record.all(DashAssessment):
            result = score_dash(instrument, dash, record, context.thresholds)
            for child_id in result.children:
                links = _links(record, child_id, dash)
                reason = (f"{record.name_of(child_id)} is {links}. Following {_who(record, dash)}, "
                          f"{record.name_of(child_id)} is a victim of domestic abuse in their own right if they see, "
                          "hear or experience its effects, wherever they live.")
                people = (child_id, dash.victim_id, *(p for p in (dash.perpetrator_id,) if p))
                yield context.prompt("DA-CHILD-VICTIM", (dash.id, child_id), reason, person_ids=people,
                                     evidence_ids=(dash.id,))


def _links(record: CaseRecord, child_id: str, dash: DashAssessment) -> str:
    """How a child is linked to the DASH's adults: as their child, living with them, or through a partner."""
    direct: list[str] = []
    indirect: list[str] = []
    child_homes = set(households_of(record, child_id, dash.completed_on))
    for adult_id, role in ((dash.victim_id, "the victim"), (dash.perpetrator_id, "the person causing harm")):
        if not adult_id:
            continue
        name = record.name_of(adult_id)
        link = next((lk for lk in record.parent_links_of_child(child_id) if lk.parent_id == adult_id), None)
        if link is not None:
            direct.append(f"the {link.kind.label.lower()} child of {name} ({role})")
        elif child_homes & set(households_of(record, adult_id, dash.completed_on)):
            direct.append(f"living with {name} ({role})")
        else:
            indirect.append(f"the child of the partner of {name} ({role})")
    return " and ".join(direct or indirect)
