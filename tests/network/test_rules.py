"""R7, R9, R11 and R13: each raised when it should be, and not otherwise."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import genorisk.risk.rules.network  # noqa: F401  (registers the rules)
from genorisk.domain.entities import Entity, StatusChange
from genorisk.domain.network import (
    ActionStatus,
    AgencyKind,
    Assessment,
    AssessmentKind,
    CaseStatus,
    ConsentPosition,
    InformationSharingDecision,
    LawfulBasis,
    MeetingAction,
    MeetingKind,
    Referral,
    ReferralDecision,
    ShareDecision,
    SharedItem,
    Supervision,
    SupervisionConcern,
)
from genorisk.domain.record import CaseRecord
from genorisk.risk.rules.base import RULES, Prompt, RuleContext
from genorisk.risk.rules.config import load_rule_config
from tests.network.factory import CASE, agency, family, meeting, record, told


def prompts(rule_id: str, case: CaseRecord, today: date) -> list[Prompt]:
    config = load_rule_config()
    return list(RULES[rule_id].evaluate(RuleContext(case, today, config.values, config.texts)))


# --- R7 -------------------------------------------------------------------------------------------
def test_r7_raised_for_an_agency_with_no_record_of_the_childs_status() -> None:
    found = prompts("R7", record(agency("probation", AgencyKind.PROBATION, "lee", name="Probation")),
                    date(2026, 6, 1))
    assert len(found) == 1
    assert found[0].rule_id == "R7" and "Probation" in found[0].reason and "Child in Need" in found[0].reason
    assert "ruby" in found[0].person_ids and found[0].source


def test_r7_raised_again_when_the_status_changes_to_child_protection() -> None:
    fam = family()
    fam.case = replace(fam.case, status_history=(*fam.case.status_history,
                                                 StatusChange(CaseStatus.CHILD_PROTECTION, date(2026, 5, 1))))
    case = record(agency("gp", AgencyKind.GP, "ruby"),
                  told("gp", SharedItem.STATUS, date(2026, 3, 3), CaseStatus.CHILD_IN_NEED), fam=fam)
    found = prompts("R7", case, date(2026, 6, 1))
    assert [p.key for p in found] == ["R7:child_protection:gp"]


def test_r7_not_raised_once_the_agency_is_told() -> None:
    case = record(agency("gp", AgencyKind.GP, "ruby"),
                  told("gp", SharedItem.STATUS, date(2026, 3, 3), CaseStatus.CHILD_IN_NEED))
    assert prompts("R7", case, date(2026, 6, 1)) == []


def test_r7_not_raised_without_a_plan_status() -> None:
    assert prompts("R7", record(agency("gp", AgencyKind.GP, "ruby")), date(2026, 2, 1)) == []


# --- R9 -------------------------------------------------------------------------------------------
def _referral(**extra: object) -> Referral:
    return Referral(id="ref", case_id=CASE, received_on=date(2026, 5, 22), child_ids=("ruby",), **extra)  # type: ignore[arg-type]


def test_r9_referral_without_a_decision_after_one_working_day() -> None:
    # Friday 22/05/2026; the bank holiday Monday means the decision is due Tuesday 26/05.
    assert prompts("R9", record(_referral()), date(2026, 5, 26)) == []
    late = prompts("R9", record(_referral()), date(2026, 5, 27))
    assert len(late) == 1 and "26/05/2026" in late[0].reason


def test_r9_referral_decided_late_needs_a_reason() -> None:
    decided = _referral(decision=ReferralDecision.SECTION_17_ASSESSMENT, decided_on=date(2026, 5, 28))
    assert len(prompts("R9", record(decided), date(2026, 6, 1))) == 1
    explained = replace(decided, late_reason="Referrer could not be reached to clarify")
    assert prompts("R9", record(explained), date(2026, 6, 1)) == []


def test_r9_assessment_open_beyond_45_working_days() -> None:
    open_assessment = Assessment(id="as", case_id=CASE, kind=AssessmentKind.CHILD_AND_FAMILY,
                                 started_on=date(2026, 3, 3), child_ids=("ruby",))
    # 03/03/2026 + 45 working days (Good Friday, Easter Monday and the early May bank holiday skipped).
    assert prompts("R9", record(open_assessment), date(2026, 5, 8)) == []
    overdue = prompts("R9", record(open_assessment), date(2026, 5, 11))
    assert len(overdue) == 1 and "45 working days" in overdue[0].reason
    done = replace(open_assessment, completed_on=date(2026, 4, 30))
    assert prompts("R9", record(done), date(2026, 6, 1)) == []


def test_r9_no_icpc_within_15_working_days_of_the_strategy_discussion() -> None:
    strategy = meeting("sd", MeetingKind.STRATEGY_DISCUSSION, date(2026, 4, 1))
    # 01/04/2026 + 15 working days, skipping Good Friday 03/04 and Easter Monday 06/04 = 24/04/2026.
    assert prompts("R9", record(strategy), date(2026, 4, 24)) == []
    assert len(prompts("R9", record(strategy), date(2026, 4, 27))) == 1
    icpc = meeting("icpc", MeetingKind.ICPC, date(2026, 4, 22))
    assert prompts("R9", record(strategy, icpc), date(2026, 4, 27)) == []
    no_conference = replace(strategy, conference_needed=False)
    assert prompts("R9", record(no_conference), date(2026, 5, 27)) == []


def test_r9_review_conference_at_3_months_then_every_6_months() -> None:
    fam = family()
    fam.case = replace(fam.case, status_history=(*fam.case.status_history,
                                                 StatusChange(CaseStatus.CHILD_PROTECTION, date(2026, 4, 22))))
    icpc = meeting("icpc", MeetingKind.ICPC, date(2026, 4, 22))
    assert prompts("R9", record(icpc, fam=fam), date(2026, 7, 22)) == []
    overdue = prompts("R9", record(icpc, fam=fam), date(2026, 7, 23))
    assert len(overdue) == 1 and "3 months" in overdue[0].reason
    first = meeting("rcpc1", MeetingKind.RCPC, date(2026, 7, 20))
    assert prompts("R9", record(icpc, first, fam=fam), date(2027, 1, 20)) == []
    second_overdue = prompts("R9", record(icpc, first, fam=fam), date(2027, 1, 21))
    assert len(second_overdue) == 1 and "6 months" in second_overdue[0].reason


def test_r9_no_review_conference_once_the_plan_has_ended() -> None:
    fam = family()
    fam.case = replace(fam.case, status_history=(
        *fam.case.status_history, StatusChange(CaseStatus.CHILD_PROTECTION, date(2026, 4, 22)),
        StatusChange(CaseStatus.CHILD_IN_NEED, date(2026, 6, 1))))
    icpc = meeting("icpc", MeetingKind.ICPC, date(2026, 4, 22))
    assert prompts("R9", record(icpc, fam=fam), date(2026, 9, 1)) == []


# --- R11 ------------------------------------------------------------------------------------------
def _action(**extra: object) -> MeetingAction:
    values: dict[str, object] = {"description": "Tell the GP", "owner": "Sam", "due_on": date(2026, 4, 10)}
    values.update(extra)
    return MeetingAction(id="act", case_id=CASE, meeting_id="m1", **values)  # type: ignore[arg-type]


def test_r11_action_past_its_due_date() -> None:
    cin = meeting("m1", MeetingKind.CIN, date(2026, 4, 1))
    assert prompts("R11", record(cin, _action()), date(2026, 4, 10)) == []
    found = prompts("R11", record(cin, _action()), date(2026, 4, 13))
    assert len(found) == 1 and "3 days overdue" in found[0].reason and found[0].person_ids == ("ruby",)


def test_r11_not_raised_for_completed_or_closed_actions() -> None:
    cin = meeting("m1", MeetingKind.CIN, date(2026, 4, 1))
    done = _action(status=ActionStatus.COMPLETED, completed_on=date(2026, 4, 9), completion_note="Told by phone")
    closed = replace(_action(status=ActionStatus.CLOSED, completion_note="No longer needed: GP changed"), id="act2")
    assert prompts("R11", record(cin, done, closed), date(2026, 5, 1)) == []


def test_r11_reassigning_with_a_new_due_date_gives_a_fresh_prompt_key() -> None:
    cin = meeting("m1", MeetingKind.CIN, date(2026, 4, 1))
    first = prompts("R11", record(cin, _action()), date(2026, 4, 13))[0]
    later = prompts("R11", record(cin, _action(due_on=date(2026, 4, 11))), date(2026, 4, 13))[0]
    assert first.key != later.key


def _supervisions(*, closed: bool = False, reviewed_again: date | None = None) -> list[Entity]:
    first = Supervision(id="s1", case_id=CASE, held_on=date(2026, 3, 10), supervisor="Priya",
                        review_on=date(2026, 4, 7))
    concern = SupervisionConcern(id="c1", case_id=CASE, raised_in="s1", raised_on=date(2026, 3, 10),
                                 description="Lee's history not checked", child_ids=("ruby",))
    if closed:
        concern = replace(concern, closed_on=date(2026, 4, 1), closure_reason="Checked with police and probation")
    found: list[Entity] = [first, concern]
    if reviewed_again:
        found.append(Supervision(id="s2", case_id=CASE, held_on=date(2026, 4, 6), supervisor="Priya",
                                 concerns_reviewed=("c1",), review_on=reviewed_again))
    return found


def test_r11_supervision_concern_still_open_after_its_review_date() -> None:
    assert prompts("R11", record(*_supervisions()), date(2026, 4, 7)) == []
    found = prompts("R11", record(*_supervisions()), date(2026, 4, 8))
    assert len(found) == 1 and "07/04/2026" in found[0].reason


def test_r11_concern_closed_or_reviewed_with_a_new_date_is_not_raised() -> None:
    assert prompts("R11", record(*_supervisions(closed=True)), date(2026, 5, 1)) == []
    assert prompts("R11", record(*_supervisions(reviewed_again=date(2026, 5, 5))), date(2026, 5, 1)) == []


# --- R13 ------------------------------------------------------------------------------------------
def _decision(**extra: object) -> InformationSharingDecision:
    values: dict[str, object] = {
        "decision": ShareDecision.SHARED, "decided_on": date(2026, 4, 1), "information": "CIN plan",
        "recipient": "Dr Price, GP", "lawful_basis": LawfulBasis.PUBLIC_TASK, "reason": "GP holds Ruby's records",
        "consent": ConsentPosition.SOUGHT_AND_GIVEN,
    }
    values.update(extra)
    return InformationSharingDecision(id="isd", case_id=CASE, **values)  # type: ignore[arg-type]


def test_r13_not_raised_for_a_complete_log_entry() -> None:
    assert prompts("R13", record(_decision()), date(2026, 4, 2)) == []


@pytest.mark.parametrize(("change", "words"), [
    ({"reason": ""}, "the reason"),
    ({"lawful_basis": None}, "the lawful basis"),
    ({"recipient": ""}, "the recipient"),
    ({"decision": ShareDecision.DECLINED, "reason": " "}, "the reason"),
])
def test_r13_raised_without_reason_lawful_basis_or_recipient(change: dict[str, object], words: str) -> None:
    found = prompts("R13", record(_decision(**change)), date(2026, 4, 2))
    assert len(found) == 1 and words in found[0].reason and found[0].key == "R13:isd"
