"""Instrument files validate; the form engine's checks; DASH counting, thresholds and triggers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from genorisk.domain.risk import AceHistory, DashAnswer, DashAnswerValue, DashAssessment
from genorisk.domain.values import Provenance, SourceKind
from genorisk.risk.instruments import (
    AnswerValue,
    FieldType,
    ace_from_answers,
    answers_from_ace,
    answers_from_darac,
    answers_from_dash,
    darac_from_answers,
    dash_from_answers,
    load_instrument,
    score_dash,
    validate_answers,
)
from genorisk.risk.nmi import load_nmi_protocol
from genorisk.risk.resources import INSTRUMENTS_DIR, RULES_DIR, DataFileError, load_checked
from genorisk.risk.rules.config import load_rule_config
from tests.risk.helpers import blended_family


@pytest.mark.parametrize("name", ["dash.json", "darac.json", "ace.json"])
def test_instrument_files_validate_against_their_schema(name: str) -> None:
    load_checked(INSTRUMENTS_DIR / name, INSTRUMENTS_DIR / "instrument.schema.json")


def test_protocol_and_rules_files_validate() -> None:
    load_checked(INSTRUMENTS_DIR / "nmi-protocol.json", INSTRUMENTS_DIR / "nmi-protocol.schema.json")
    config = load_rule_config()
    assert "risk.json 2026.1" in config.files
    for name, threshold in config.thresholds.items():
        assert threshold.source, name


def test_a_broken_instrument_file_is_refused_naming_the_file_and_path(tmp_path: Path) -> None:
    data = json.loads((INSTRUMENTS_DIR / "dash.json").read_text())
    data["sections"][1]["fields"][0]["type"] = "slider"
    (tmp_path / "dash.json").write_text(json.dumps(data))
    (tmp_path / "instrument.schema.json").write_text((INSTRUMENTS_DIR / "instrument.schema.json").read_text())
    (tmp_path / "wording.schema.json").write_text((INSTRUMENTS_DIR / "wording.schema.json").read_text())
    with pytest.raises(DataFileError, match=r"dash\.json: \$\.sections\[1\]\.fields\[0\]\.type"):
        load_instrument("dash", directory=tmp_path)


def test_dash_has_24_numbered_paraphrased_items_with_yes_no_dont_know() -> None:
    dash = load_instrument("dash")
    assert [f.number for f in dash.items] == list(range(1, 25))
    assert dash.paraphrased and "NOT the official wording" in dash.notice
    for item in dash.items:
        assert item.type is FieldType.ANSWER and item.with_source
        assert [o.value for o in item.options] == ["yes", "no", "dont_know"]


def test_a_licensed_wording_file_replaces_the_paraphrases(tmp_path: Path) -> None:
    wording = tmp_path / "licensed.json"
    wording.write_text(json.dumps({"format": "genorisk-instrument-wording", "instrument": "dash",
                                   "id": "safelives-licensed", "version": "2024", "licence": "Test licence",
                                   "items": {"1": "Official wording one (fictional test text)"}}))
    dash = load_instrument("dash", wording_file=wording)
    assert dash.item(1).label == "1. Official wording one (fictional test text)"
    assert dash.item(2).label == load_instrument("dash").item(2).label
    assert not dash.paraphrased and dash.wording == "safelives-licensed 2024"
    wording.write_text(wording.read_text().replace('"1"', '"25"'))
    with pytest.raises(DataFileError, match="no item 25"):
        load_instrument("dash", wording_file=wording)


def _dash(yes: int, dont_know: int = 0, items: tuple[int, ...] | None = None) -> DashAssessment:
    chosen = items if items is not None else tuple(range(1, yes + 1))
    answers = tuple(
        DashAnswer(n, DashAnswerValue.YES if n in chosen else
                   DashAnswerValue.DONT_KNOW if n > 24 - dont_know else DashAnswerValue.NO)
        for n in range(1, 25))
    return DashAssessment(id="d", case_id="c", completed_on=date(2026, 11, 1), victim_id="v", assessor="A",
                          answers=answers)


def test_dash_counts_yes_answers_against_the_default_threshold_of_14() -> None:
    dash = load_instrument("dash")
    result = score_dash(dash, _dash(14, dont_know=3))
    assert (result.yes_count, result.dont_know_count, result.no_count) == (14, 3, 7)
    assert result.threshold == 14 and result.meets_threshold
    assert not score_dash(dash, _dash(13)).meets_threshold
    assert result.describe() == "14 yes (high-risk threshold 14: met); 3 don't know"


def test_dash_threshold_comes_from_the_rules_configuration() -> None:
    dash = load_instrument("dash")
    assert score_dash(dash, _dash(10), thresholds={"dash_high_risk_yes_count": 10}).meets_threshold


def test_dash_unanswered_items_are_reported_not_counted_as_no() -> None:
    dash = load_instrument("dash")
    partial = DashAssessment(id="d", case_id="c", completed_on=date(2026, 11, 1), victim_id="v", assessor="A",
                             answers=(DashAnswer(1, DashAnswerValue.YES),))
    result = score_dash(dash, partial)
    assert result.unanswered == tuple(range(2, 25)) and result.no_count == 0


def test_dash_professional_judgement_triggers_from_answers() -> None:
    dash = load_instrument("dash")
    keys = {t.key for t in score_dash(dash, _dash(0, items=(15, 8))).r4_triggers}
    assert keys == {"strangulation", "stalking"}
    assert {t.key for t in score_dash(dash, _dash(0, items=(6, 12))).item_triggers} == set()
    assert "cluster_of_three" in {t.key for t in score_dash(dash, _dash(0, items=(6, 12, 13))).item_triggers}


def test_dash_repeat_and_escalation_checks_use_the_case() -> None:
    from genorisk.domain.risk import EventKind, RiskCategory

    family = blended_family()
    family.dash("mum", "dad", (1,), on=date(2026, 2, 1), marac=date(2026, 2, 3))
    later = family.dash("mum", "dad", (1,), on=date(2026, 11, 1))
    for day in ("2026-08-01", "2026-09-01", "2026-10-01"):
        family.event(day, EventKind.POLICE_CALL_OUT, ("mum", "dad"), RiskCategory.DOMESTIC_ABUSE_VICTIM)
    record = family.record
    instrument = load_instrument("dash")
    result = score_dash(instrument, record.get(DashAssessment, later), record)  # type: ignore[arg-type]
    assert result.repeat_of_marac_referral == date(2026, 2, 3)
    assert result.police_call_outs_12_months == 3 and result.escalation_by_call_outs
    assert "escalation" in {t.key for t in result.r4_triggers}
    assert set(result.children) == {"baby", "older"}


def test_dash_form_needs_a_source_per_answer_and_a_reason_for_ticked_triggers() -> None:
    dash = load_instrument("dash")
    answers = {"completed_on": date(2026, 11, 1), "victim_id": "mum", "assessor": "A",
               "item_1": AnswerValue("yes"), "judgement_triggers": ("stalking",)}
    problems = {p.key: p for p in validate_answers(dash, answers)}
    assert problems["item_1"].blocking and "where this answer came from" in problems["item_1"].message
    assert problems["judgement_reason"].blocking
    assert not problems["items"].blocking and "don't know" in problems["items"].message
    with pytest.raises(ValueError, match="item 1"):
        dash_from_answers(dash, answers, case_id="c")


def test_dash_form_answers_round_trip_through_the_record() -> None:
    dash = load_instrument("dash")
    answers = {"completed_on": date(2026, 11, 1), "victim_id": "mum", "perpetrator_id": "dad", "assessor": "A",
               "agency": "CSC", "judgement_triggers": (), "judgement_reason": "", "marac_referral_on": None,
               "notes": ""}
    for item in dash.items:
        answers[item.key] = AnswerValue("dont_know", SourceKind.AGENCY_RECORD, "Police")
    record = dash_from_answers(dash, answers, case_id="c", entity_id="d1")
    assert record.answer(24) is DashAnswerValue.DONT_KNOW and record.wording == dash.wording
    assert answers_from_dash(dash, record) == answers


def test_darac_records_the_result_and_each_childs_experience_never_items() -> None:
    darac = load_instrument("darac")
    assert darac.scoring is None and "not reproduced" in darac.notice
    answers = {"completed_on": date(2026, 11, 1), "assessor": "Trained", "assessor_trained": False, "level": "3",
               "escalation_risk": "yes", "rationale": "Serious", "form_reference": "DOC-1", "notes": "",
               "children": {"baby": {"sees_hears_experiences": "Hears shouting", "childs_own_account": "",
                                     "impact_on_lived_experience": "Unsettled sleep"}}}
    problems = validate_answers(darac, answers, ["baby", "older"])
    assert any(p.key == "children.older.sees_hears_experiences" and p.blocking for p in problems)
    assert any(p.key == "assessor_trained" and not p.blocking for p in problems)
    record = darac_from_answers(darac, answers, ["baby"], case_id="c", entity_id="r1")
    assert record.level == 3 and record.child_ids == ("baby",)
    assert answers_from_darac(record) == answers


def test_ace_history_is_recorded_as_history_with_no_total_anywhere() -> None:
    ace = load_instrument("ace")
    assert ace.scoring is None and "never adds these up" in ace.notice
    provenance = Provenance(SourceKind.SELF_REPORT, date(2026, 9, 1), reported_by="Mum")
    answers = {"person_id": "mum", "recorded_on": date(2026, 9, 1), "provenance": provenance, "notes": "",
               "physical_abuse": AnswerValue("experienced", note="By her stepfather"),
               "parental_separation": AnswerValue("declined")}
    history = ace_from_answers(ace, answers, case_id="c", entity_id="a1")
    assert len(history.entries) == 2
    assert answers_from_ace(history) == answers
    assert not [name for name in dir(AceHistory) if "score" in name or "total" in name or "count" in name]


def test_nmi_protocol_loads_and_a_local_protocol_can_replace_it(tmp_path: Path) -> None:
    protocol = load_nmi_protocol()
    assert protocol.not_independently_mobile_under_months == 6
    data = json.loads((INSTRUMENTS_DIR / "nmi-protocol.json").read_text())
    data["not_independently_mobile_under_months"] = 9
    data["referral_contact"] = "Test MASH 01234 000000"
    local = tmp_path / "local-protocol.json"
    local.write_text(json.dumps(data))
    assert load_nmi_protocol(local).referral_contact == "Test MASH 01234 000000"


def test_rules_data_files_do_not_clash(tmp_path: Path) -> None:
    for path in RULES_DIR.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text())
    (tmp_path / "extra.json").write_text(json.dumps({"file": "extra", "version": "1", "thresholds": {
        "claim_corroboration_days": {"value": 1, "description": "duplicate", "source": "test"}}}))
    with pytest.raises(DataFileError, match="already defined"):
        load_rule_config(tmp_path)
