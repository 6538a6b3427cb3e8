"""Each rule, positive and negative, on small fictional families built in code."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from genorisk.domain.entities import HouseholdMember
from genorisk.domain.risk import (
    AceAnswer,
    AceCategory,
    AceEntry,
    AceHistory,
    DaracChildNote,
    DaracRecord,
    EventKind,
    MarkType,
    Mobility,
    ParentalClaim,
    RiskCategory,
    RiskStatus,
)
from genorisk.domain.values import PartialDate
from genorisk.risk.engine import evaluate
from genorisk.risk.rules.base import Prompt
from genorisk.risk.rules.config import load_rule_config
from tests.risk.helpers import TODAY, RiskFamily, at, blended_family, police, self_report, visitor


def prompts(family: RiskFamily, rule: str, today: date = TODAY) -> list[Prompt]:
    return evaluate(family.record, today, only=[rule])


def key(rule: str, *about: str) -> str:
    """A prompt key as the framework builds it (the parts sorted)."""
    return ":".join((rule, *sorted(about)))


# --- R1: injury to a baby who is not independently mobile ---------------------------------------------
def test_r1_bruise_on_a_three_month_old_raises_a_blocking_prompt_whatever_the_explanation() -> None:
    family = blended_family()
    injury = family.injury("baby", at(date(2026, 11, 1)), explanation_verbatim="He bumped the cot",
                           explanation_given_by="Mum")
    (prompt,) = prompts(family, "R1")
    assert prompt.key == f"R1:{injury.id}"
    assert prompt.blocking
    assert "3 months old" in prompt.reason and "He bumped the cot" in prompt.reason
    assert prompt.person_ids == ("baby",)


def test_r1_not_raised_for_a_walking_child_or_a_documented_medical_cause() -> None:
    family = blended_family()
    family.person("toddler", born="2025-01-01")
    family.injury("toddler", at(date(2026, 11, 1)), mobility=(Mobility.WALKING,))
    family.injury("baby", at(date(2026, 11, 1)), medical=True, medical_cause_detail="Dermal melanocytosis, GP")
    assert prompts(family, "R1") == []


def test_r1_an_older_baby_who_only_rolls_or_whose_disability_limits_mobility_is_not_independently_mobile() -> None:
    family = blended_family()
    family.person("nine_months", born="2026-02-01")
    rolls = family.injury("nine_months", at(date(2026, 11, 1)), mobility=(Mobility.ROLLING,))
    disabled = family.injury("nine_months", at(date(2026, 11, 2)), mobility=(Mobility.CRAWLING,),
                             mobility_limited_by_disability=True)
    keys = {p.key for p in prompts(family, "R1")}
    assert keys == {f"R1:{rolls.id}", f"R1:{disabled.id}"}


def test_r1_an_injury_in_the_chronology_with_no_injury_record_is_prompted() -> None:
    family = blended_family()
    event = family.event("2026-10-20", EventKind.INJURY, ("baby",), text="Burn to hand seen at nursery")
    family.event("2024-10-20", EventKind.INJURY, ("older",), text="Grazed knee")  # 8 years old then
    (prompt,) = prompts(family, "R1")
    assert event in prompt.key and "Burn to hand" in prompt.reason
    injury = family.injury("baby", at(date(2026, 10, 21)))  # now recorded through the injury prompt
    assert [p.key for p in prompts(family, "R1")] == [f"R1:{injury.id}"]


def test_r1_completed_record_is_no_longer_blocking() -> None:
    family = blended_family()
    family.injury("baby", at(date(2026, 11, 1)), explanation_verbatim="none", referral_reference="MASH-1",
                  referral_made_at=at(date(2026, 11, 1), 11), completed=True, completed_at=at(date(2026, 11, 1), 12))
    (prompt,) = prompts(family, "R1")
    assert not prompt.blocking


# --- R2: TEN-4-FACESp ---------------------------------------------------------------------------------
def test_r2_ear_bruise_on_a_two_year_old_and_any_bruise_under_five_months() -> None:
    family = blended_family()
    family.person("two", born="2024-10-01")
    ear = family.injury("two", at(date(2026, 11, 1)), mobility=(Mobility.WALKING,), regions=_regions("ear_left"))
    infant = family.injury("baby", at(date(2026, 11, 1)), regions=_regions("forearm_left"))
    found = {p.key: p for p in prompts(family, "R2")}
    assert set(found) == {f"R2:{ear.id}", f"R2:{infant.id}"}
    assert "E: ears" in found[f"R2:{ear.id}"].reason
    assert "any bruise under 5 months" in found[f"R2:{infant.id}"].reason


def test_r2_not_raised_for_an_arm_bruise_on_a_toddler_or_an_ear_bruise_at_five() -> None:
    family = blended_family()
    family.person("two", born="2024-10-01")
    family.person("five", born="2021-06-01")
    family.injury("two", at(date(2026, 11, 1)), mobility=(Mobility.WALKING,), regions=_regions("forearm_left"))
    family.injury("five", at(date(2026, 11, 1)), mobility=(Mobility.WALKING,), regions=_regions("ear_left"))
    family.injury("two", at(date(2026, 11, 2)), marks=(MarkType.LACERATION,), mobility=(Mobility.WALKING,),
                  regions=_regions("cheek_left"))
    assert prompts(family, "R2") == []


def test_r2_patterned_bruise_is_prompted() -> None:
    family = blended_family()
    family.person("three", born="2023-09-01")
    family.injury("three", at(date(2026, 11, 1)), mobility=(Mobility.WALKING,), regions=_regions("thigh_left"),
                  patterned=True)
    (prompt,) = prompts(family, "R2")
    assert "patterned" in prompt.reason


def _regions(*names: str) -> tuple:  # type: ignore[type-arg]
    from genorisk.domain.risk import BodyRegion

    return tuple(BodyRegion(n) for n in names)


# --- R3 / R4 / R5: DASH ---------------------------------------------------------------------------------
def test_r3_yes_count_at_the_threshold_raises_and_one_below_does_not() -> None:
    family = blended_family()
    at_threshold = family.dash("mum", "dad", tuple(range(1, 15)))
    family.dash("ex", "dad", tuple(range(1, 14)))
    (prompt,) = prompts(family, "R3")
    assert prompt.key == f"R3:{at_threshold}"
    assert "14 items were answered yes" in prompt.reason
    assert "baby" in prompt.person_ids and "older" in prompt.person_ids


def test_r3_threshold_is_configurable_by_a_local_rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    family = blended_family()
    family.dash("mum", "dad", tuple(range(1, 11)))
    assert prompts(family, "R3") == []
    local = tmp_path / "local.json"
    local.write_text(json.dumps({"thresholds": {"dash_high_risk_yes_count": {"value": 10,
                                                                             "source": "local test"}}}))
    config = load_rule_config(local_file=local)
    assert len(evaluate(family.record, TODAY, config, only=["R3"])) == 1


def test_r4_strangulation_below_threshold_raises_professional_judgement_prompt() -> None:
    family = blended_family()
    family.dash("mum", "dad", (15,))
    family.dash("ex", "dad", (2, 4, 5))  # no trigger
    family.dash("mum", "dad", tuple(range(1, 16)), on=date(2026, 11, 5))  # over threshold: R3, not R4
    (prompt,) = prompts(family, "R4")
    assert "strangulation" in prompt.reason.lower()


def test_r4_cluster_of_three_and_ticked_triggers() -> None:
    family = blended_family()
    cluster = family.dash("mum", "dad", (6, 12, 16))
    ticked = family.dash("ex", "dad", (), triggers=("honour_based_abuse",), reason="Family threats")
    keys = {p.key for p in prompts(family, "R4")}
    assert keys == {f"R4:{cluster}", f"R4:{ticked}"}


def test_r5_new_incident_within_twelve_months_of_a_marac_referral_is_a_repeat() -> None:
    family = blended_family()
    family.dash("mum", "dad", tuple(range(1, 15)), on=date(2026, 1, 10), marac=date(2026, 1, 12))
    repeat = family.event("2026-06-01", EventKind.POLICE_CALL_OUT, ("mum", "dad"), RiskCategory.DOMESTIC_ABUSE_VICTIM)
    family.event("2027-02-01", EventKind.POLICE_CALL_OUT, ("mum", "dad"), RiskCategory.DOMESTIC_ABUSE_VICTIM)
    family.event("2025-12-01", EventKind.INCIDENT, ("mum", "dad"), RiskCategory.DOMESTIC_ABUSE_VICTIM)
    family.event("2026-03-01", EventKind.MISSED_APPOINTMENT, ("mum",), RiskCategory.DOMESTIC_ABUSE_VICTIM)
    (prompt,) = prompts(family, "R5", date(2027, 3, 1))
    assert repeat in prompt.key


def test_r5_not_raised_without_a_marac_referral() -> None:
    family = blended_family()
    family.dash("mum", "dad", tuple(range(1, 15)), on=date(2026, 1, 10))
    family.event("2026-06-01", EventKind.POLICE_CALL_OUT, ("mum", "dad"), RiskCategory.DOMESTIC_ABUSE_VICTIM)
    assert prompts(family, "R5") == []


# --- DA-CHILD-VICTIM ------------------------------------------------------------------------------------
def test_every_child_linked_to_victim_or_perpetrator_is_prompted_including_children_living_elsewhere() -> None:
    family = blended_family()
    dash = family.dash("mum", "dad", (1, 2))
    found = {p.key: p for p in prompts(family, "DA-CHILD-VICTIM")}
    assert set(found) == {key("DA-CHILD-VICTIM", dash, "baby"), key("DA-CHILD-VICTIM", dash, "older")}
    assert "Domestic Abuse Act 2021" in found[key("DA-CHILD-VICTIM", dash, "older")].source


def test_no_child_victim_prompt_when_no_child_is_linked() -> None:
    family = RiskFamily()
    family.person("a", born="1980-01-01")
    family.person("b", born="1981-01-01")
    family.dash("a", "b", (1,))
    assert prompts(family, "DA-CHILD-VICTIM") == []


# --- R6: cumulative risk -------------------------------------------------------------------------------
def test_r6_two_trio_factors_among_the_adults_around_the_child() -> None:
    family = blended_family()
    da = family.factor("dad", RiskCategory.DOMESTIC_ABUSE_PERPETRATOR, RiskStatus.HISTORIC, start="2014", end="2016")
    mh = family.factor("mum", RiskCategory.MENTAL_HEALTH)
    (prompt,) = prompts(family, "R6")
    assert da in prompt.key and mh in prompt.key
    assert "domestic abuse" in prompt.reason and "mental health" in prompt.reason


def test_r6_one_trio_factor_needs_another_cumulative_factor() -> None:
    family = blended_family()
    family.factor("mum", RiskCategory.MENTAL_HEALTH)
    assert prompts(family, "R6") == []
    family.add(AceHistory(id="ace", case_id=family.case.id, person_id="mum", recorded_on=date(2026, 9, 1),
                          provenance=self_report(), entries=(AceEntry(AceCategory.PHYSICAL_ABUSE,
                                                                      AceAnswer.EXPERIENCED),)))
    assert len(prompts(family, "R6")) == 1


def test_r6_ignores_adults_not_around_the_child_and_uncounted_statuses(tmp_path: Path) -> None:
    family = blended_family()
    family.factor("ex", RiskCategory.MENTAL_HEALTH)  # lives elsewhere, not in the subject child's home
    family.factor("mum", RiskCategory.ALCOHOL_MISUSE, RiskStatus.DISPUTED)
    family.factor("dad", RiskCategory.MENTAL_HEALTH, RiskStatus.HISTORIC)
    assert len(prompts(family, "R6")) == 1
    local = tmp_path / "local.json"
    local.write_text(json.dumps({"thresholds": {"cumulative_counted_statuses": {
        "value": ["current", "suspected"], "source": "local test"}}}))
    assert evaluate(family.record, TODAY, load_rule_config(local_file=local), only=["R6"]) == []


# --- R8: parental claims -------------------------------------------------------------------------------
def test_r8_uncorroborated_claim_after_the_limit_and_a_differing_child_account() -> None:
    family = blended_family()
    family.add(ParentalClaim(id="old", case_id=family.case.id, claimed_by="mum", claim="He doesn't live here",
                             claimed_on=TODAY - timedelta(days=40)))
    family.add(ParentalClaim(id="recent", case_id=family.case.id, claimed_by="mum", claim="Not drinking",
                             claimed_on=TODAY - timedelta(days=3)))
    family.add(ParentalClaim(id="checked", case_id=family.case.id, claimed_by="dad", claim="No contact with ex",
                             claimed_on=TODAY - timedelta(days=60), corroborated=True,
                             corroborated_on=TODAY - timedelta(days=50), corroborating_source="Police check"))
    family.add(ParentalClaim(id="differs", case_id=family.case.id, claimed_by="dad", claim="Never shout",
                             claimed_on=TODAY - timedelta(days=2), childs_account_differs=True,
                             childs_account="Dad shouts at night", child_id="older"))
    keys = {p.key for p in prompts(family, "R8")}
    assert keys == {"R8:old:uncorroborated", "R8:child-differs:differs"}


# --- R12: a new adult ----------------------------------------------------------------------------------
def test_r12_an_adult_who_joined_recently_or_since_the_case_opened() -> None:
    family = blended_family()  # case opened 01/01/2026; dad joined 06/2025
    visitor(family, "ex", "home", "2026-10-01")
    found = prompts(family, "R12")
    assert [p.person_ids[0] for p in found] == ["ex"]
    assert "began visiting" in found[0].reason


def test_r12_not_raised_for_long_standing_adults_children_or_former_members() -> None:
    family = blended_family()
    family.person("sibling", born="2020-01-01")
    family.live("home", "sibling", start="2026-10-01")
    family.person("lodger", born="1970-01-01")
    family.live("home", "lodger", start="2026-09-01", end="2026-10-01")
    assert prompts(family, "R12") == []


# --- PREV-REL -------------------------------------------------------------------------------------------
def test_prev_rel_domestic_abuse_in_a_previous_relationship() -> None:
    family = blended_family()
    fact = family.factor("dad", RiskCategory.DOMESTIC_ABUSE_PERPETRATOR, RiskStatus.HISTORIC, start="2015",
                         end="2016", partnership="u-dad-ex")
    history = [p for p in prompts(family, "PREV-REL") if p.key.startswith("PREV-REL:dad:history")]
    (prompt,) = history
    assert fact in prompt.key and "previous relationship" in prompt.reason
    assert "Current partner: Mum Test" in prompt.reason


def test_prev_rel_abuse_link_to_a_former_partner_counts_but_abuse_in_the_current_relationship_does_not() -> None:
    from genorisk.domain.entities import EmotionalLink
    from genorisk.domain.values import EmotionalLinkKind

    family = blended_family()
    family.add(EmotionalLink(id="current-abuse", case_id=family.case.id, from_id="dad", to_id="mum",
                             kind=EmotionalLinkKind.COERCIVE_CONTROL, directed=True, provenance=police()))
    assert not [p for p in prompts(family, "PREV-REL") if ":history:" in p.key]
    family.add(EmotionalLink(id="old-abuse", case_id=family.case.id, from_id="dad", to_id="ex",
                             kind=EmotionalLinkKind.PHYSICAL_ABUSE, directed=True, start=PartialDate(2016),
                             end=PartialDate(2017), provenance=police()))
    (prompt,) = [p for p in prompts(family, "PREV-REL") if ":history:" in p.key]
    assert "old-abuse" in prompt.key


def test_prev_rel_unconfirmed_previous_partners_children_and_open_checks() -> None:
    family = blended_family()
    check = family.check("dad")
    found = {p.key: p for p in prompts(family, "PREV-REL")}
    (details,) = [p for k, p in found.items() if k.startswith("PREV-REL:dad:details")]
    assert "previous partner Ex Test" in details.reason
    assert "child Older Test" in details.reason and "parentage has no source" in details.reason
    assert check in details.key


def test_prev_rel_not_raised_when_previous_relationships_are_confirmed_from_records() -> None:
    from dataclasses import replace

    from genorisk.domain.entities import ParentChildLink, Partnership

    family = blended_family()
    family.entities = [replace(e, provenance=police()) if isinstance(e, (Partnership, ParentChildLink)) else e
                       for e in family.entities]
    assert prompts(family, "PREV-REL") == []


# --- SELF-REPORT ----------------------------------------------------------------------------------------
def test_self_report_only_facts_that_could_be_checked_are_prompted_per_adult() -> None:
    family = blended_family()
    mh = family.factor("mum", RiskCategory.MENTAL_HEALTH, provenance=self_report("Mum"))
    family.factor("mum", RiskCategory.SOCIAL_ISOLATION, provenance=self_report("Mum"))  # no record to check
    family.factor("dad", RiskCategory.ALCOHOL_MISUSE, provenance=police())
    (prompt,) = prompts(family, "SELF-REPORT")
    assert prompt.person_ids == ("mum",) and mh in prompt.key
    assert "GP" in prompt.reason and "isolation" not in prompt.reason.lower()


def test_self_report_covers_household_membership_and_clears_once_verified() -> None:
    from dataclasses import replace

    family = blended_family()
    member = next(e for e in family.entities if isinstance(e, HouseholdMember) and e.person_id == "dad")
    family.entities[family.entities.index(member)] = replace(member, provenance=self_report("Mum"))
    (prompt,) = prompts(family, "SELF-REPORT")
    assert member.id in prompt.key and "living at home" in prompt.reason
    verified = replace(self_report("Mum"), verified=True, verified_on=date(2026, 10, 1), verified_by="SW")
    family.entities[family.entities.index(replace(member, provenance=self_report("Mum")))] = replace(
        member, provenance=verified)
    assert prompts(family, "SELF-REPORT") == []


# --- DARAC-NEEDED ---------------------------------------------------------------------------------------
def test_darac_needed_where_domestic_abuse_is_known_and_a_child_lives_there() -> None:
    family = blended_family()
    fact = family.factor("dad", RiskCategory.DOMESTIC_ABUSE_PERPETRATOR, RiskStatus.HISTORIC,
                         provenance=police(date(2026, 9, 1)))
    (prompt,) = prompts(family, "DARAC-NEEDED")
    assert prompt.key == key("DARAC-NEEDED", "baby", fact)
    family.add(DaracRecord(id="darac", case_id=family.case.id, completed_on=date(2026, 10, 1), assessor="Trained",
                           assessor_trained=True, level=2, rationale="Moderate",
                           child_notes=(DaracChildNote("baby", "Hears arguments"),)))
    assert prompts(family, "DARAC-NEEDED") == []
    family.event("2026-11-08", EventKind.POLICE_CALL_OUT, ("mum", "dad"), RiskCategory.DOMESTIC_ABUSE_VICTIM)
    (again,) = prompts(family, "DARAC-NEEDED")
    assert again.key != prompt.key and "01/10/2026" in again.reason


def test_darac_not_needed_without_domestic_abuse() -> None:
    family = blended_family()
    family.factor("mum", RiskCategory.MENTAL_HEALTH)
    assert prompts(family, "DARAC-NEEDED") == []
