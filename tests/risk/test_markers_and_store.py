"""Genogram markers from risk facts, the per-case toggle, and risk records through the real store."""

from __future__ import annotations

from genorisk.domain.editing import remove_person
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import ChronologyEvent, DashAssessment, ParentalClaim, RiskFactor
from genorisk.genogram.geometry import MarkerForm, MarkerPattern
from genorisk.genogram.layout import layout_case
from genorisk.genogram.settings import GenogramSettings
from genorisk.risk.markers import markers_shown, risk_markers, set_markers_shown
from genorisk.store.repository import Store


def test_demo_markers_show_kind_and_status_by_form_and_pattern(demo: CaseRecord) -> None:
    markers = risk_markers(demo)
    jason = {m.kind: m for m in markers["p-jason"]}
    assert jason["Substance misuse"].glyph.form is MarkerForm.FILL_LOWER_HALF
    assert jason["Substance misuse"].glyph.pattern is MarkerPattern.HATCHED  # suspected
    assert jason["Domestic abuse: causing harm"].glyph.form is MarkerForm.BADGE
    assert jason["Domestic abuse: causing harm"].glyph.code == "DAP"
    (kayleigh,) = markers["p-kayleigh"]
    assert kayleigh.glyph.form is MarkerForm.FILL_LEFT_HALF and kayleigh.status == "in recovery"
    assert kayleigh.glyph.pattern is MarkerPattern.OUTLINE


def test_no_two_statuses_of_one_kind_share_a_look_with_different_words(demo: CaseRecord) -> None:
    seen: dict[object, str] = {}
    for person_markers in risk_markers(demo).values():
        for marker in person_markers:
            assert seen.setdefault((marker.kind, marker.glyph), marker.status) == marker.status


def test_markers_reach_the_genogram_legend(demo: CaseRecord) -> None:
    geometry = layout_case(demo, GenogramSettings(), markers=risk_markers(demo))
    assert {m.kind for m in geometry.markers_used} >= {"Substance misuse", "Mental health"}


def test_the_overlay_toggle_is_stored_per_case_and_undoable(demo: CaseRecord, store: Store) -> None:
    assert markers_shown(demo)
    command = set_markers_shown(demo, False)
    record = store.apply(command)
    assert risk_markers(Store.open(store.path).load(demo.case.id)) == {}
    assert risk_markers(record, respect_setting=False)
    record = store.undo(command)
    assert markers_shown(record) and risk_markers(record)


def test_risk_records_survive_reopening_and_removing_a_person_cascades(demo: CaseRecord, store: Store) -> None:
    reopened = Store.open(store.path).load(demo.case.id)
    assert reopened.all(RiskFactor) == demo.all(RiskFactor)
    assert reopened.all(DashAssessment) == demo.all(DashAssessment)
    record = store.apply(remove_person(reopened, "p-jason"))
    assert not [f for f in record.all(RiskFactor) if f.person_id == "p-jason"]
    (dash,) = record.all(DashAssessment)
    assert dash.perpetrator_id is None and dash.victim_id == "p-kayleigh"
    call_out = record.get(ChronologyEvent, "ev-2026-callout")
    assert call_out is not None and "p-jason" not in call_out.person_ids
    assert record.get(ParentalClaim, "claim-no-contact") is None  # claimed by Jason
    claim = record.get(ParentalClaim, "claim-not-drinking")
    assert claim is not None and claim.about_person_id is None
    assert Store.open(store.path).load(demo.case.id) == record
    restored = store.undo(remove_person(reopened, "p-jason"))
    assert set(restored.all(RiskFactor)) == set(demo.all(RiskFactor))


def test_open_prompts_show_on_the_genogram_as_a_badge_until_decided(demo: CaseRecord, store: Store) -> None:
    from datetime import UTC, date, datetime

    from genorisk.domain.risk import DecisionKind
    from genorisk.risk.engine import decide, prompt_states
    from genorisk.risk.markers import PROMPT_MARKER, genogram_markers

    today = date(2026, 11, 26)
    markers = genogram_markers(demo, today)
    assert PROMPT_MARKER in markers["p-carol"]  # SELF-REPORT about Carol is open
    assert markers["p-jason"][0].kind == "Substance misuse"  # risk markers first, then the badge
    record = demo
    for status in prompt_states(demo, today):
        if status.is_active and status.prompt.person_ids[:1] == ("p-carol",):
            record = store.apply(decide(record, status.prompt, DecisionKind.ACTIONED, "Checked", "Sam",
                                        datetime.now(UTC)))
    assert "p-carol" not in genogram_markers(record, today)
    assert genogram_markers(store.apply(set_markers_shown(record, False)), today) == {}
