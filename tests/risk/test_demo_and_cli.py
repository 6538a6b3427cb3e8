"""The demo case raises what a supervisor who knows the Child BE review expects; `genorisk prompts` on a
real SQLite file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from genorisk.cli.main import main
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import PromptDecision
from genorisk.risk.engine import prompt_states
from genorisk.store.repository import Store

DEMO_DAY = date(2026, 11, 26)


def _by_rule(demo: CaseRecord) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for status in prompt_states(demo, DEMO_DAY):
        found.setdefault(status.prompt.rule_id, []).append(status.prompt.reason)
    return found


def test_demo_raises_the_partners_previous_domestic_abuse(demo: CaseRecord) -> None:
    reasons = _by_rule(demo)["PREV-REL"]
    assert any(r.startswith("Jason Pryce has a history of domestic abuse") and "Leanne Hurst" in r
               and "Kirkhaven Constabulary" in r for r in reasons)


def test_demo_raises_the_children_of_previous_relationships(demo: CaseRecord) -> None:
    reasons = _by_rule(demo)["PREV-REL"]
    assert any("Jason Pryce has previous partners or children of previous relationships" in r
               and "child Lily-Rose Pryce" in r for r in reasons)
    child_victims = " ".join(_by_rule(demo)["DA-CHILD-VICTIM"])
    assert "Kai Hurst" in child_victims and "Lily-Rose Pryce" in child_victims


def test_demo_raises_facts_resting_on_self_report_only(demo: CaseRecord) -> None:
    reasons = _by_rule(demo)["SELF-REPORT"]
    assert any(r.startswith("These facts about Kayleigh Ashby") and "mental health" in r for r in reasons)
    assert any(r.startswith("These facts about Jason Pryce") and "living at Fellside Road" in r for r in reasons)


def test_demo_raises_darac_not_completed_for_each_child_in_the_home(demo: CaseRecord) -> None:
    reasons = _by_rule(demo)["DARAC-NEEDED"]
    assert {r.split(" lives in")[0] for r in reasons} == {"Rowan Pryce", "Tyler Morton", "Maisie Morton"}


def test_demo_shows_one_prompt_already_actioned_with_its_decision(demo: CaseRecord) -> None:
    (status,) = [s for s in prompt_states(demo, DEMO_DAY) if s.prompt.key == "R12:m-carol"]
    assert status.state.value == "actioned" and status.decision is not None
    assert status.decision.user == "Sam Okafor"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_prompts_cli_lists_active_prompts_one_line_each(demo: CaseRecord, capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    code, out, err = run(capsys, "prompts", "DEMO-0001", "--on", "26/11/2026")
    assert code == 0 and err == ""
    lines = out.splitlines()
    active = [s for s in prompt_states(demo, DEMO_DAY) if s.is_active]
    assert len(lines) == len(active)
    rule, _people, reason = lines[0].split("\t")
    assert rule == active[0].prompt.rule_id and reason == active[0].prompt.reason
    assert not any(line.startswith("R12\tCarol Ashby") for line in lines)  # actioned, so not listed
    assert any(line.startswith("DARAC-NEEDED\tRowan Pryce") for line in lines)


def test_prompts_cli_json_gives_rule_people_reason_source_action_and_state(
        demo: CaseRecord, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "prompts", "DEMO-0001", "--json", "--all", "--on", "26/11/2026")
    assert code == 0
    data = json.loads(out)
    carol = next(p for p in data if p["key"] == "R12:m-carol")
    assert carol["state"] == "actioned" and carol["decision"]["user"] == "Sam Okafor"
    for prompt in data:
        assert set(prompt) >= {"rule_id", "people", "reason", "source", "suggested_action", "state"}
        assert all(set(person) == {"id", "name"} for person in prompt["people"])


def test_prompts_cli_unknown_reference_and_bad_date_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "prompts", "NO-SUCH-CASE")[0] == 2
    _code, _, err = run(capsys, "prompts", "NO-SUCH-CASE")
    assert "no case with reference 'NO-SUCH-CASE'" in err and len(err.strip().splitlines()) == 1
    assert run(capsys, "prompts", "DEMO-0001", "--on", "31/02/2026")[0] == 2


def test_prompts_cli_records_an_override_with_a_mandatory_reason(demo: CaseRecord, store: Store,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    key = next(s.prompt.key for s in prompt_states(demo, DEMO_DAY) if s.prompt.rule_id == "R4")
    code, _, err = run(capsys, "prompts", "DEMO-0001", "--override", key, "  ")
    assert code == 2 and "written reason" in err
    code, out, _ = run(capsys, "prompts", "DEMO-0001", "--override", key, "Discussed with the DA lead: safety plan")
    assert code == 0 and out.startswith("R4\toverridden")
    saved = Store.open(store.path).load(demo.case.id)
    (decision,) = [d for d in saved.all(PromptDecision) if d.prompt_key == key]
    assert decision.user == "Test Practitioner" and decision.text == "Discussed with the DA lead: safety plan"
    code, _, err = run(capsys, "prompts", "DEMO-0001", "--action", "R99:nothing", "done")
    assert code == 2 and "no prompt with key" in err


def test_no_prompt_reason_on_the_demo_ends_in_a_doubled_full_stop(demo: CaseRecord) -> None:
    reasons = [reason for found in _by_rule(demo).values() for reason in found]
    assert reasons and not [r for r in reasons if ".." in r.replace("…", "")]


def test_timeline_ticks_are_always_mm_yyyy_never_two_digit_years() -> None:
    import re
    from datetime import date

    from genorisk.risk.cumulative import Period
    from genorisk.risk.timeline_draw import _ticks

    for start, end in ((date(2024, 11, 3), date(2026, 11, 26)), (date(2026, 1, 1), date(2026, 9, 1))):
        labels = [label for _day, label in _ticks(Period(start, end))]
        assert labels and all(re.fullmatch(r"\d\d/\d{4}", label) for label in labels), labels
