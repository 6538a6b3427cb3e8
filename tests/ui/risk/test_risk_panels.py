"""The risk panels and the injury dialog, driving real widgets over a real SQLite file (Qt offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from PySide6.QtWidgets import QWidget

from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import (
    BodyRegion,
    DecisionKind,
    MarkType,
    NmiInjury,
    PromptDecision,
    RiskCategory,
    RiskFactor,
)
from genorisk.domain.values import SourceKind
from genorisk.risk.instruments import AnswerValue, load_instrument
from genorisk.store.repository import Store
from genorisk.ui.panels import PanelContext
from genorisk.ui.risk.assessments import AssessmentsPanel, dash_summary
from genorisk.ui.risk.chronology import ChronologyPanel
from genorisk.ui.risk.factors import RiskFactorDialog, RiskFactorsPanel
from genorisk.ui.risk.forms import InstrumentDialog, people_choices
from genorisk.ui.risk.nmi import STEP_EXPLANATION, STEP_MAP, STEP_REFERRAL, NmiDialog
from genorisk.ui.risk.prompts import PromptsPanel
from genorisk.ui.risk.timeline import TimelinePanel
from genorisk.ui.session import CaseSession

DEMO_DAY = date(2026, 11, 26)


@pytest.fixture
def context(store: Store, demo: CaseRecord, qtbot: Any) -> Iterator[PanelContext]:
    session = CaseSession(store, demo.case.id, "Test Practitioner")
    yield PanelContext(session=session, user="Test Practitioner")


def fresh(store: Store, case_id: str) -> CaseRecord:
    return Store.open(store.path, user="checker").load(case_id)


# --- the injury record ------------------------------------------------------------------------------------
def test_a_bruise_on_a_three_month_old_goes_straight_to_the_referral_step(demo: CaseRecord, qtbot: Any) -> None:
    dialog = NmiDialog(demo, "p-rowan", "Health Visitor")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.seen_at.setDateTime(QDateTime(QDate(2026, 11, 26), QTime(10, 0)))  # the demo baby is 3 months old
    assert "3 months old" in dialog.age.text()
    dialog.marks[MarkType.BRUISE].setChecked(True)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_step == STEP_REFERRAL
    assert dialog.banner.isVisible()
    assert "whatever the explanation" in dialog.banner.text()
    assert "Contact Children's Social Care" in dialog.actions_label.text()


def test_a_walking_toddler_goes_to_the_body_map_first(demo: CaseRecord, qtbot: Any) -> None:
    dialog = NmiDialog(demo, "p-maisie", "Health Visitor")
    qtbot.addWidget(dialog)
    dialog.marks[MarkType.BRUISE].setChecked(True)
    dialog.mobility[__import__("genorisk.domain.risk", fromlist=["Mobility"]).Mobility.WALKING].setChecked(True)
    dialog.go_next()
    assert dialog.current_step == STEP_MAP


def test_the_injury_record_cannot_be_completed_without_a_referral_and_completes_with_one(
        context: PanelContext, store: Store, qtbot: Any) -> None:
    dialog = NmiDialog(context.record, "p-rowan", "Health Visitor")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.marks[MarkType.BRUISE].setChecked(True)
    dialog.go_next()
    dialog._show(STEP_MAP)
    canvas = dialog.body_map.canvas
    canvas.resize(440, 460)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.centre_of(BodyRegion.EAR_LEFT).toPoint())
    assert dialog.body_map.regions() == (BodyRegion.EAR_LEFT,)
    assert "TEN-4-FACESp E" in dialog.body_map.summary.text()
    dialog._show(STEP_EXPLANATION)
    dialog.explanation.setPlainText("He pulled himself against the cot bars")
    dialog.explanation_by.setCurrentText("Kayleigh Ashby")
    qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "cannot be completed" in dialog.error.text() and dialog.current_step == STEP_REFERRAL
    dialog.referral_reference.setText("MASH-26-4471")
    dialog.referral_made.setChecked(True)
    dialog.referral_at.setDateTime(QDateTime.currentDateTime())
    dialog.paediatric.setText("Same-day CP medical, Kirkhaven General, 15:00")
    qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.command is not None
    assert context.apply(dialog.command)
    saved = fresh(store, context.case_id)
    (injury,) = saved.all(NmiInjury)
    assert injury.completed and injury.referral_reference == "MASH-26-4471"
    assert injury.regions == (BodyRegion.EAR_LEFT,) and injury.explanation_given_by == "Kayleigh Ashby"
    assert {d.rule_id for d in saved.all(PromptDecision) if d.prompt_key.endswith(injury.id)} == {"R1", "R2"}


def test_a_draft_keeps_the_r1_prompt_blocking(context: PanelContext, qtbot: Any) -> None:
    dialog = NmiDialog(context.record, "p-rowan", "Health Visitor")
    qtbot.addWidget(dialog)
    dialog.marks[MarkType.BURN].setChecked(True)
    dialog.save_draft()
    assert context.apply(dialog.command)  # type: ignore[arg-type]
    panel = PromptsPanel(context, today=DEMO_DAY)
    qtbot.addWidget(panel)
    r1 = [s for s in panel.statuses if s.prompt.rule_id == "R1"]
    assert len(r1) == 1 and r1[0].prompt.blocking and r1[0].is_active


# --- prompts -------------------------------------------------------------------------------------------
def test_prompts_panel_lists_prompts_and_records_decisions_with_user_and_time(
        context: PanelContext, store: Store, qtbot: Any) -> None:
    panel = PromptsPanel(context, today=DEMO_DAY)
    qtbot.addWidget(panel)
    active = sum(1 for s in panel.statuses if s.is_active)
    assert panel.table.row_count() == active and "active of" in panel.count.text()
    panel.table.select_id(next(s.prompt.key for s in panel.statuses if s.prompt.rule_id == "DARAC-NEEDED"))
    key = panel.current().prompt.key  # type: ignore[union-attr]
    assert "DARAC" in panel.detail.toPlainText()
    with pytest.raises(ValueError):
        panel.decide(DecisionKind.OVERRIDDEN, "  ")
    assert panel.decide(DecisionKind.ACTIONED, "DARAC booked with the trained assessor for 02/12/2026")
    assert panel.table.row_count() == active - 1  # the Active filter hides it now
    saved = fresh(store, context.case_id)
    (decision,) = [d for d in saved.all(PromptDecision) if d.prompt_key == key]
    assert decision.user == "Test Practitioner" and decision.decision is DecisionKind.ACTIONED
    panel.filter.setCurrentIndex(1)  # All
    panel.table.select_id(key)
    assert "DARAC booked" in panel.detail.toPlainText() and "Test Practitioner" in panel.detail.toPlainText()
    context.undo_stack.undo()
    assert not [d for d in fresh(store, context.case_id).all(PromptDecision) if d.prompt_key == key]


def test_decision_dialog_needs_text_before_ok(context: PanelContext, qtbot: Any) -> None:
    from genorisk.ui.risk.common import DecisionDialog

    panel = PromptsPanel(context, today=DEMO_DAY)
    qtbot.addWidget(panel)
    dialog = DecisionDialog(panel.current().prompt, DecisionKind.OVERRIDDEN)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.text, "Reason written here")
    assert dialog.ok.isEnabled() and dialog.value() == "Reason written here"


def test_overlay_toggle_from_the_prompts_panel_is_stored_per_case(context: PanelContext, store: Store,
                                                                  qtbot: Any) -> None:
    from genorisk.risk.markers import markers_shown

    panel = PromptsPanel(context, today=DEMO_DAY)
    qtbot.addWidget(panel)
    assert panel.markers.isChecked()
    panel.markers.setChecked(False)
    assert not markers_shown(fresh(store, context.case_id))
    context.undo_stack.undo()
    assert panel.markers.isChecked()


# --- risk factors, chronology, timeline, assessments ------------------------------------------------------
def test_risk_factor_dialog_adds_a_factor_with_its_source(context: PanelContext, store: Store, qtbot: Any) -> None:
    panel = RiskFactorsPanel(context)
    qtbot.addWidget(panel)
    before = panel.table.row_count()
    dialog = RiskFactorDialog(context.record, "p-jason", user="Test Practitioner")
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData(RiskCategory.DRUG_MISUSE))
    dialog.start.setText("06/2026")
    dialog.provenance.reported_by.setCurrentText("Jason Pryce")
    dialog.accept()
    assert dialog.command is not None and context.apply(dialog.command)
    saved = fresh(store, context.case_id)
    added = [f for f in saved.all(RiskFactor) if f.category is RiskCategory.DRUG_MISUSE]
    assert len(added) == 1 and added[0].provenance.reported_by == "Jason Pryce"
    assert added[0].provenance.self_report_only and added[0].start is not None
    assert panel.table.row_count() == before + 1


def test_risk_factor_dialog_refuses_a_self_report_without_who(context: PanelContext, qtbot: Any) -> None:
    dialog = RiskFactorDialog(context.record, "p-kayleigh")
    qtbot.addWidget(dialog)
    dialog.category.setCurrentIndex(dialog.category.findData(RiskCategory.MENTAL_HEALTH))
    dialog.accept()
    assert dialog.command is None and "who said it" in dialog.error.text()


def test_chronology_is_sortable_and_filterable(context: PanelContext, qtbot: Any) -> None:
    panel = ChronologyPanel(context)
    qtbot.addWidget(panel)
    total = panel.table.row_count()
    assert total >= 10
    first = panel.table.proxy.index(0, 0).data()
    assert first == "02/11/2015"
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert panel.table.proxy.index(0, 1).data() in ("DASH", "Police call-out")
    panel.search.setText("Marac")
    assert panel.table.row_count() < total


def test_timeline_panel_draws_and_exports_png_and_svg(context: PanelContext, tmp_path: Path, qtbot: Any) -> None:
    panel = TimelinePanel(context, today=DEMO_DAY)
    qtbot.addWidget(panel)
    assert panel.child.currentData() == "p-rowan"
    assert panel.view.drawing is not None and "Rowan Pryce" in panel.view.drawing.title
    panel.export_to(tmp_path / "rowan.png")
    panel.export_to(tmp_path / "rowan.svg")
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "rowan.png"))
    assert image.width() > 800 and image.height() > 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
    assert len(colours) > 3
    assert "OFFICIAL-SENSITIVE" in (tmp_path / "rowan.svg").read_text()
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        panel.export_to(tmp_path / "rowan.bmp")


def test_dash_form_counts_live_and_saves_by_item_number(context: PanelContext, store: Store, qtbot: Any) -> None:
    panel = AssessmentsPanel(context)
    qtbot.addWidget(panel)
    dialog: InstrumentDialog = panel.open_dash(exec_dialog=False)
    qtbot.addWidget(dialog)
    form = dialog.form
    form.set_answers({"completed_on": date(2026, 11, 20), "victim_id": "p-kayleigh", "perpetrator_id": "p-jason",
                      "assessor": "Sam Okafor"})
    instrument = load_instrument("dash")
    for item in instrument.items:
        value = "yes" if item.number and item.number <= 14 else "no"
        form.set_answers({item.key: AnswerValue(value, SourceKind.SELF_REPORT, "Kayleigh")})
    dialog._refresh()
    assert "14 yes (high-risk threshold 14: met)" in dialog.summary_label.text()
    assert "Children linked" in dialog.summary_label.text()
    dialog.accept()
    assert dialog.result_value is not None, dialog.problems_label.text()
    panel._apply(dialog.result_value, None, "Record DASH")
    saved = fresh(store, context.case_id)
    assert len(saved.all(__import__("genorisk.domain.risk", fromlist=["DashAssessment"]).DashAssessment)) == 2


def test_dash_form_blocks_an_answer_without_a_source(context: PanelContext, qtbot: Any) -> None:
    instrument = load_instrument("dash")
    dialog = InstrumentDialog(instrument, lambda answers: answers, people=people_choices(context.record))
    qtbot.addWidget(dialog)
    dialog.form.set_answers({"victim_id": "p-kayleigh", "assessor": "A", "item_1": AnswerValue("yes")})
    dialog.accept()
    assert dialog.result_value is None and "item 1" in dialog.problems_label.text()


def test_darac_form_asks_each_childs_experience(context: PanelContext, qtbot: Any) -> None:
    panel = AssessmentsPanel(context)
    qtbot.addWidget(panel)
    dialog = panel.open_darac(exec_dialog=False)
    qtbot.addWidget(dialog)
    children = {w.objectName() for w in dialog.form.findChildren(QWidget) if w.objectName().startswith("child_")}
    assert children == {"child_p-rowan", "child_p-tyler", "child_p-maisie"}
    assert "not reproduced" in dialog.form.findChild(QWidget, "instrumentNotice").text()  # type: ignore[union-attr]


def test_dash_summary_never_says_low_risk(context: PanelContext) -> None:
    text = dash_summary(context.record, {"completed_on": date(2026, 11, 20), "victim_id": "p-kayleigh"})
    assert "low" not in text.lower() and "0 yes" in text


def test_panels_are_registered_and_the_workspace_shows_them(window: Any, demo: CaseRecord, qtbot: Any) -> None:
    from genorisk.ui.panels import collect_panels
    from genorisk.ui.risk.panels import PANELS

    keys = {spec.key for spec in collect_panels()}
    assert {spec.key for spec in PANELS} <= keys
    assert window.open_case(demo.case.id)
    docks = window.workspace.docks
    assert {"prompts", "risk_factors", "assessments", "chronology", "timeline"} <= set(docks)
    prompts = window.workspace.panel("prompts")
    assert isinstance(prompts, PromptsPanel) and prompts.table.row_count() > 0
    geometry = window._geometry()
    assert {m.kind for m in geometry.markers_used} >= {"Substance misuse", "Mental health"}


def test_body_map_click_and_list_stay_in_step(qtbot: Any) -> None:
    from genorisk.risk.nmi import load_nmi_protocol
    from genorisk.ui.risk.bodymap import BodyMapWidget

    widget = BodyMapWidget(load_nmi_protocol())
    qtbot.addWidget(widget)
    widget.canvas.resize(440, 460)
    point = widget.canvas.centre_of(BodyRegion.BUTTOCKS).toPoint()
    qtbot.mouseClick(widget.canvas, Qt.MouseButton.LeftButton, pos=point)
    assert widget.regions() == (BodyRegion.BUTTOCKS,)
    item = next(widget.list.item(i) for i in range(widget.list.count())
                if widget.list.item(i).data(Qt.ItemDataRole.UserRole) == BodyRegion.BUTTOCKS)
    assert item.checkState() == Qt.CheckState.Checked
    item.setCheckState(Qt.CheckState.Unchecked)
    assert widget.regions() == ()
    assert widget.canvas.region_at(QPoint(1, 1).toPointF()) is None
