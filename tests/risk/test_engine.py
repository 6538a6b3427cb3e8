"""The engine: every registered rule runs; decisions are joined on; nothing is dismissed silently."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from genorisk.domain.risk import DecisionKind, RiskCategory
from genorisk.risk.engine import (
    ENGINE_RULE_ID,
    PromptState,
    check_rule_texts,
    decide,
    evaluate,
    load_rules,
    past_decisions,
    prompt_states,
)
from genorisk.risk.rules.base import RULES
from genorisk.store.repository import Store
from tests.risk.helpers import TODAY, blended_family


def test_every_registered_rule_has_a_text_and_every_text_a_rule() -> None:
    rules = load_rules()
    assert {"R1", "R2", "R3", "R4", "R5", "R6", "R8", "R12", "PREV-REL", "SELF-REPORT", "DARAC-NEEDED",
            "DA-CHILD-VICTIM"} <= set(rules)
    assert check_rule_texts() == []


def test_prompts_carry_id_version_reason_source_people_and_action_and_come_most_urgent_first() -> None:
    family = blended_family()
    family.factor("dad", RiskCategory.DOMESTIC_ABUSE_PERPETRATOR)
    family.injury("baby", datetime(2026, 11, 20, 9, tzinfo=UTC))
    found = evaluate(family.record, TODAY)
    assert found[0].rule_id == "R1"
    for prompt in found:
        assert prompt.rule_version and prompt.reason and prompt.source and prompt.suggested_action
        assert prompt.key.startswith(prompt.rule_id + ":")


def test_decisions_need_text_and_are_stored_with_user_and_time(store: Store) -> None:
    family = blended_family()
    family.factor("dad", RiskCategory.DOMESTIC_ABUSE_PERPETRATOR)
    record = store.create_case(family.case, family.entities)
    prompt = next(p for p in evaluate(record, TODAY) if p.rule_id == "DARAC-NEEDED")
    with pytest.raises(ValueError, match="written reason"):
        decide(record, prompt, DecisionKind.OVERRIDDEN, "   ", "SW", datetime.now(UTC))
    with pytest.raises(ValueError, match="what was done"):
        decide(record, prompt, DecisionKind.ACTIONED, "", "SW", datetime.now(UTC))
    when = datetime(2026, 11, 26, 10, tzinfo=UTC)
    record = store.apply(decide(record, prompt, DecisionKind.OVERRIDDEN, "DARAC booked for 02/12", "Sam", when))
    reopened = Store.open(store.path).load(record.case.id)
    status = next(s for s in prompt_states(reopened, TODAY) if s.prompt.key == prompt.key)
    assert status.state is PromptState.OVERRIDDEN
    assert (status.decision.user, status.decision.at, status.decision.text) == ("Sam", when, "DARAC booked for 02/12")
    assert any("Override prompt DARAC-NEEDED" in entry.action for entry in store.audit_log(record.case.id))
    later = datetime(2026, 11, 27, 10, tzinfo=UTC)
    record = store.apply(decide(reopened, prompt, DecisionKind.ACTIONED, "DARAC completed", "Sam", later))
    status = next(s for s in prompt_states(record, TODAY) if s.prompt.key == prompt.key)
    assert status.state is PromptState.ACTIONED and len(status.decisions) == 2


def test_decisions_on_prompts_no_longer_raised_are_kept_as_history() -> None:
    family = blended_family()
    fact = family.factor("dad", RiskCategory.DOMESTIC_ABUSE_PERPETRATOR)
    prompt = next(p for p in evaluate(family.record, TODAY) if p.rule_id == "DARAC-NEEDED")
    family.add(decide(family.record, prompt, DecisionKind.ACTIONED, "Done", "Sam", datetime.now(UTC)).changes[0].new)
    family.entities = [e for e in family.entities if e.id != fact]
    record = family.record
    assert [d.prompt_key for d in past_decisions(record, evaluate(record, TODAY))] == [prompt.key]


def test_a_rule_that_fails_shows_as_an_engine_prompt_and_the_others_still_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        rule_id = "R6"

        def evaluate(self, context: object) -> list[object]:
            raise RuntimeError("boom")

    load_rules()
    monkeypatch.setitem(RULES, "R6", Broken())
    family = blended_family()
    family.injury("baby", datetime(2026, 11, 20, 9, tzinfo=UTC))
    found = evaluate(family.record, TODAY)
    engine = [p for p in found if p.rule_id == ENGINE_RULE_ID]
    assert len(engine) == 1 and "R6" in engine[0].reason and "boom" in engine[0].reason
    assert any(p.rule_id == "R1" for p in found)
    with pytest.raises(ValueError):
        decide(family.record, engine[0], DecisionKind.OVERRIDDEN, "ignore", "x", datetime.now(UTC))


def test_recording_a_darac_actions_the_darac_needed_prompts_it_answers(store: Store) -> None:
    from datetime import date

    from genorisk.domain.risk import DaracChildNote, DaracRecord
    from genorisk.risk.recording import record_darac

    family = blended_family()
    family.factor("dad", RiskCategory.DOMESTIC_ABUSE_PERPETRATOR)
    record = store.create_case(family.case, family.entities)
    (needed,) = [s for s in prompt_states(record, TODAY) if s.prompt.rule_id == "DARAC-NEEDED"]
    darac = DaracRecord(id="d1", case_id=record.case.id, completed_on=date(2026, 11, 25), assessor="Trained",
                        assessor_trained=True, level=2, rationale="Moderate",
                        child_notes=(DaracChildNote("baby", "Hears arguments at night"),))
    record = store.apply(record_darac(record, darac, "Sam", datetime(2026, 11, 25, 16, tzinfo=UTC), TODAY))
    assert not [s for s in prompt_states(record, TODAY) if s.prompt.rule_id == "DARAC-NEEDED"]
    (history,) = past_decisions(record, [s.prompt for s in prompt_states(record, TODAY)])
    assert history.prompt_key == needed.prompt.key and "level 2" in history.text and history.user == "Sam"
