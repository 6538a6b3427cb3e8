"""The network panels over a real SQLite file, driven through their real widgets (Qt offscreen)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from genorisk.domain.network import (
    ActionStatus,
    AgencyNotification,
    ConsentPosition,
    InformationSharingDecision,
    LawfulBasis,
    MeetingAction,
    SharedItem,
    Supervision,
)
from genorisk.domain.record import CaseRecord
from genorisk.store.repository import Store
from genorisk.ui.network.agencies import AgenciesPanel, NotificationDialog, SharingDecisionDialog
from genorisk.ui.network.common import TextDialog
from genorisk.ui.network.meetings import MeetingsPanel
from genorisk.ui.network.panels import PANELS
from genorisk.ui.network.summary import SummaryPanel
from genorisk.ui.network.supervision import SupervisionPanel
from genorisk.ui.network.voice import VoicePanel
from genorisk.ui.panels import PanelContext, collect_panels
from genorisk.ui.session import CaseSession
from tests.ui.conftest import ModalDriver, close_message, press_ok

USER = "Test Practitioner"


@pytest.fixture
def context(store: Store, demo: CaseRecord, qtbot: Any) -> Iterator[PanelContext]:
    session = CaseSession(store, demo.case.id, USER)
    yield PanelContext(session=session, user=USER)


def fresh(store: Store, case_id: str) -> CaseRecord:
    other = Store.open(store.path, user="checker")
    try:
        return other.load(case_id)
    finally:
        other.close()


def test_the_panels_register_with_the_workspace() -> None:
    keys = {spec.key for spec in collect_panels()}
    assert {"agencies", "meetings", "supervision", "voice", "summary"} <= keys
    assert len({spec.shortcut for spec in PANELS}) == len(PANELS)


# --- agencies ----------------------------------------------------------------------------------------
def test_the_matrix_shows_which_agencies_do_not_know_the_status(context: PanelContext, qtbot: Any) -> None:
    panel = AgenciesPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    headline = panel.headline.text()
    assert "Child in Need" in headline and "Riverside Medical Practice" in headline and "Probation" in headline
    rows = {row[0]: row for row in panel.matrix.texts()}
    assert rows["Riverside Medical Practice (GP)"][1] == "GAP"
    assert rows["Kirkhaven Police, Public Protection Unit (Police)"][1] == "OUT OF DATE"
    assert rows["Kirkhaven Health Visiting Team (Health visiting)"][1] == "03/09/2026"
    flagged = [panel.matrix.model_.flagged(i) for i in range(panel.matrix.row_count())]
    names = [row[0] for row in panel.matrix.texts()]
    assert flagged[names.index("Riverside Medical Practice (GP)")]
    assert not flagged[names.index("Kirkhaven Health Visiting Team (Health visiting)")]
    panel.matrix.select_id("a-gp")
    assert "No record that it was told the child's status" in panel.gaps.text()


def test_recording_that_the_gp_was_told_closes_the_gap(context: PanelContext, store: Store, qtbot: Any,
                                                       modal: ModalDriver) -> None:
    panel = AgenciesPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    panel.matrix.select_id("a-gp")

    def fill(dialog: NotificationDialog) -> None:
        assert dialog.agency.currentData() == "a-gp"
        dialog.item.setCurrentIndex(dialog.item.findData(SharedItem.STATUS))
        dialog.method.setText("secure e-mail")
        press_ok(dialog)

    modal.expect(NotificationDialog, fill)
    panel.record_notification()
    rows = {row[0]: row for row in panel.matrix.texts()}
    assert rows["Riverside Medical Practice (GP)"][1] == date.today().strftime("%d/%m/%Y")
    saved = [n for n in fresh(store, context.case_id).all(AgencyNotification) if n.agency_id == "a-gp"]
    assert len(saved) == 1 and saved[0].method == "secure e-mail" and saved[0].on == date.today()
    assert "Riverside Medical Practice" not in panel.headline.text()
    assert context.undo_stack.undoText().startswith("Record Riverside Medical Practice told")


def test_a_sharing_decision_cannot_be_logged_without_a_lawful_basis(context: PanelContext, store: Store,
                                                                     qtbot: Any, modal: ModalDriver) -> None:
    dialog = SharingDecisionDialog(context.record, USER)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.information.setPlainText("The CIN plan")
    dialog.recipient.setText("Dr Aled Price, GP")
    dialog.reason.setPlainText("The GP sees Rowan and needs to know his plan")
    dialog.consent.setCurrentIndex(dialog.consent.findData(ConsentPosition.NOT_SOUGHT_RISK_OF_HARM))
    messages: list[str] = []
    modal.expect(QMessageBox, close_message(messages))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(messages))
    assert "lawful basis" in messages[0] and dialog.isVisible()
    dialog.basis.setCurrentIndex(dialog.basis.findData(LawfulBasis.PUBLIC_TASK))
    dialog.accept()
    assert context.apply(dialog.result_value)  # type: ignore[arg-type]
    logged = [d for d in fresh(store, context.case_id).all(InformationSharingDecision)
              if d.recipient == "Dr Aled Price, GP"]
    assert len(logged) == 1 and logged[0].missing() == ()


def test_the_ecomap_tab_draws_the_network(context: PanelContext, qtbot: Any, tmp_path: Path) -> None:
    if shutil.which("fdp") is None:
        pytest.skip("Graphviz (fdp) is not installed")
    panel = AgenciesPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    panel.tabs.setCurrentIndex(2)
    assert panel.ecomap.renderer().isValid()
    assert "Dotted" in panel.ecomap_note.text()
    panel.write_ecomap(tmp_path / "map.svg")
    assert "DOES NOT KNOW STATUS" in (tmp_path / "map.svg").read_text(encoding="utf-8")


# --- meetings and actions -------------------------------------------------------------------------------
def test_overdue_actions_are_flagged_in_words_and_can_be_completed(context: PanelContext, store: Store,
                                                                   qtbot: Any, modal: ModalDriver) -> None:
    panel = MeetingsPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    rows = panel.action_table.texts()
    overdue = [row for row in rows if row[3].startswith("OVERDUE by")]
    assert len(overdue) == 3 and panel.tabs.tabText(0) == "Actions (3 overdue)"
    assert panel.action_table.select_id("ac-gp")

    def note(dialog: TextDialog) -> None:
        assert not dialog.ok.isEnabled()  # a completion note is required
        dialog.text.setPlainText("GP told by phone; plan and invitation sent")
        press_ok(dialog)

    modal.expect(TextDialog, note)
    panel.complete_action()
    qtbot.waitUntil(lambda: panel.tabs.tabText(0) == "Actions (2 overdue)")
    action = fresh(store, context.case_id).get(MeetingAction, "ac-gp")
    assert action is not None and action.status is ActionStatus.COMPLETED
    assert action.completion_note == "GP told by phone; plan and invitation sent"


def test_the_meeting_record_shows_fact_statement_and_opinion(context: PanelContext, qtbot: Any) -> None:
    panel = MeetingsPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    panel.tabs.setCurrentIndex(1)
    assert panel.meetings.select_id("m-cin1")
    text = panel.detail.toPlainText()
    assert "FACT" in text and "STATEMENT" in text and "OPINION" in text and "Jason Pryce" in text
    assert "OVERDUE" in text


# --- supervision -------------------------------------------------------------------------------------------
def test_a_supervisor_signs_off_the_record_awaiting_sign_off(context: PanelContext, store: Store, qtbot: Any,
                                                             modal: ModalDriver) -> None:
    panel = SupervisionPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    assert "1</b> record awaiting your sign-off" in panel.headline.text()
    assert panel.records.current_id() == "s-2026-10"
    assert "AWAITING SIGN-OFF" in panel.detail.toPlainText()
    assert any("OPEN, PAST REVIEW DATE" in row[3] for row in panel.concerns.texts())

    def comment(dialog: TextDialog) -> None:
        assert dialog.ok.isEnabled()  # a comment is optional
        dialog.text.setPlainText("Agreed. Escalate probation today.")
        press_ok(dialog)

    modal.expect(TextDialog, comment)
    panel.sign_off_supervision()
    qtbot.waitUntil(lambda: "0</b> records awaiting" in panel.headline.text())
    signed = fresh(store, context.case_id).get(Supervision, "s-2026-10")
    assert signed is not None and signed.sign_off is not None
    assert signed.sign_off.by == USER and signed.sign_off.comment == "Agreed. Escalate probation today."


# --- voice of the child ----------------------------------------------------------------------------------
def test_the_voice_panel_shows_three_houses_and_the_safety_map(context: PanelContext, qtbot: Any) -> None:
    panel = VoicePanel(context)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.voices.select_id("v-tyler")
    text = panel.detail.toPlainText()
    assert "House of worries" in text and "Mum being sad" in text
    assert "What's working well?" in text and "4 / 10" in text


# --- summary ----------------------------------------------------------------------------------------------
def test_the_summary_is_built_off_the_gui_thread_previewed_saved_and_printed(
        context: PanelContext, qtbot: Any, tmp_path: Path) -> None:
    panel = SummaryPanel(context)
    qtbot.addWidget(panel)
    panel.show()
    panel.show()
    name = panel.suggested_name()
    assert name.startswith("DEMO-0001-summary-") and "Rowan" not in name and "Pryce" not in name
    panel.preview()
    qtbot.waitUntil(lambda: panel.built is not None, timeout=30000)
    assert panel.built is not None
    pages = len(PdfReader(BytesIO(panel.built.pdf)).pages)
    if shutil.which("pdftoppm"):
        assert len(panel.built.pages) == pages and panel.pages_layout.count() == pages
    assert "Summary built" in panel.status.text()
    qtbot.waitUntil(lambda: panel.task is None)
    target = tmp_path / "saved.pdf"
    panel.save_to(target)
    assert PdfReader(BytesIO(target.read_bytes())).pages[0].extract_text().count("OFFICIAL-SENSITIVE") >= 2
    if shutil.which("pdftoppm") is None:
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    panel.print_to(printer)
    qtbot.waitUntil(lambda: "Sent" in panel.status.text(), timeout=30000)
    assert len(PdfReader(str(printed)).pages) == pages
    qtbot.waitUntil(lambda: panel.task is None)
    qtbot.wait(50)  # let the finished background task delete itself before the panel goes
