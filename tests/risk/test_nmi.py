"""The injury-to-a-baby record: the mandated route, TEN-4-FACESp never clearing a baby, and completion."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from genorisk.domain.risk import BodyRegion, DecisionKind, MarkType, Mobility, NmiInjury, PromptDecision
from genorisk.risk.engine import prompt_states
from genorisk.risk.nmi import assess_injury, complete_injury, completion_problems, load_nmi_protocol
from genorisk.store.repository import Store
from tests.risk.helpers import TODAY, at, blended_family


def test_a_bruise_on_a_three_month_old_goes_straight_to_the_referral_step() -> None:
    family = blended_family()
    injury = family.injury("baby", at(date(2026, 11, 1)), regions=(BodyRegion.FOREARM_LEFT,),
                           explanation_verbatim="Caught it on the bouncer", explanation_given_by="Mum")
    assessment = assess_injury(injury, family.record.person("baby"), load_nmi_protocol())
    assert assessment.not_independently_mobile and assessment.mandated and assessment.goes_straight_to_referral
    assert "whatever the explanation" in assessment.banner()
    assert any("Children's Social Care" in action for action in assessment.actions)
    assert any("paediatric" in action for action in assessment.actions)


def test_a_ten4_negative_result_never_clears_a_non_mobile_infant() -> None:
    family = blended_family()
    family.person("seven_months", born="2026-04-01")
    injury = family.injury("seven_months", at(date(2026, 11, 1)), mobility=(Mobility.ROLLING,),
                           regions=(BodyRegion.THIGH_LEFT,))
    assessment = assess_injury(injury, family.record.person("seven_months"), load_nmi_protocol())
    assert not assessment.ten4_groups and not assessment.patterned and not assessment.ten4_any_bruise_infant
    assert assessment.mandated
    assert "low risk" not in assessment.banner().lower()


def test_unwell_now_puts_the_emergency_route_first() -> None:
    family = blended_family()
    injury = family.injury("baby", at(date(2026, 11, 1)), unwell_now=True)
    assessment = assess_injury(injury, family.record.person("baby"), load_nmi_protocol())
    assert assessment.actions[0].startswith("The child is unwell now")


def test_the_record_cannot_be_completed_without_a_referral_or_a_manager_approved_reason() -> None:
    family = blended_family()
    injury = family.injury("baby", at(date(2026, 11, 1)), explanation_verbatim="No explanation given")
    with pytest.raises(ValueError, match="cannot be completed"):
        replace(injury, completed=True)
    with pytest.raises(ValueError, match="cannot be completed"):
        replace(injury, completed=True, referral_reference="MASH-1")  # no time
    with pytest.raises(ValueError, match="cannot be completed"):
        replace(injury, completed=True, manager_reason="Seen by GP", manager_name="")  # no manager
    (problem,) = completion_problems(injury)
    assert "referral reference" in problem and "manager" in problem
    with pytest.raises(ValueError, match="referral reference"):
        complete_injury(family.record, injury, "HV", at(TODAY))


def test_completing_with_a_referral_saves_the_record_and_actions_r1_in_one_command(store: Store) -> None:
    family = blended_family()
    injury = family.injury("baby", at(date(2026, 11, 20)), regions=(BodyRegion.EAR_LEFT,),
                           explanation_verbatim="Don't know", explanation_given_by="Dad")
    family.entities.remove(injury)
    store.create_case(family.case, family.entities)
    from genorisk.domain.commands import Command, Put

    record = store.apply(Command("Record injury", (Put(injury),)))
    states = {s.prompt.rule_id: s for s in prompt_states(record, TODAY, only=["R1", "R2"])}
    assert states["R1"].prompt.blocking and states["R1"].is_active
    referred = replace(injury, referral_reference="MASH-26-1", referral_made_at=at(date(2026, 11, 20), 11),
                       paediatric_assessment="Same-day CP medical, 15:00")
    record = store.apply(complete_injury(record, referred, "Health Visitor", at(date(2026, 11, 20), 12)))
    reopened = Store.open(store.path, user="x").load(record.case.id)
    saved = reopened.get(NmiInjury, injury.id)
    assert saved is not None and saved.completed and saved.referral_reference == "MASH-26-1"
    decisions = {d.rule_id: d for d in reopened.all(PromptDecision)}
    assert decisions["R1"].decision is DecisionKind.ACTIONED and "MASH-26-1" in decisions["R1"].text
    assert decisions["R2"].decision is DecisionKind.ACTIONED
    states = {s.prompt.rule_id: s for s in prompt_states(reopened, TODAY, only=["R1", "R2"])}
    assert not states["R1"].is_active and not states["R1"].prompt.blocking


def test_completing_with_a_manager_approved_reason_records_an_override() -> None:
    family = blended_family()
    injury = family.injury("baby", at(date(2026, 11, 1)), marks=(MarkType.OTHER,), explanation_verbatim="none",
                           manager_reason="Birthmark confirmed by GP this morning; documented in GP record",
                           manager_name="Team Manager", manager_approved_at=at(date(2026, 11, 1), 14))
    command = complete_injury(family.record, injury, "HV", at(date(2026, 11, 1), 15))
    decisions = [c.new for c in command.changes if isinstance(c.new, PromptDecision)]
    assert [d.decision for d in decisions] == [DecisionKind.OVERRIDDEN]
    assert "Team Manager" in decisions[0].text
