"""The health visitor's fast path: from the case list to the referral step in two clicks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from genorisk.domain.risk import MarkType
from genorisk.interop.bundle import install_demo
from genorisk.store.repository import Store
from genorisk.ui.main_window import MainWindow
from genorisk.ui.risk.nmi import STEP_REFERRAL, NmiDialog
from tests.ui.conftest import ModalDriver


def test_two_clicks_from_the_case_list_open_the_injury_record_on_the_baby(
        store: Store, window: MainWindow, modal: ModalDriver, qtbot: Any) -> None:
    install_demo(store)
    window.case_list.refresh()
    window.stack.setCurrentWidget(window.case_list)
    seen: dict[str, Any] = {}

    def bruise_then_cancel(dialog: NmiDialog) -> None:
        seen["child"] = dialog.child.currentData()
        dialog.seen_at.setDateTime(QDateTime(QDate(2026, 11, 26), QTime(10, 0)))  # seen at 3 months old
        dialog.marks[MarkType.BRUISE].setChecked(True)
        dialog.next_button.click()
        seen["step"] = dialog.current_step
        dialog.reject()

    modal.expect(NmiDialog, bruise_then_cancel)
    qtbot.mouseClick(window.case_list.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.case_list.table.visualRect(window.case_list.proxy.index(0, 0)).center())
    qtbot.mouseClick(window.case_list.injury_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "step" in seen, timeout=5000)
    assert seen == {"child": "p-rowan", "step": STEP_REFERRAL}


def test_from_an_open_case_the_keyboard_opens_the_injury_record_on_the_child_field(
        store: Store, window: MainWindow, modal: ModalDriver, qtbot: Any) -> None:
    from PySide6.QtTest import QTest

    case_id = install_demo(store)
    assert window.open_case(case_id)
    seen: dict[str, Any] = {}

    def look_then_cancel(dialog: NmiDialog) -> None:
        seen["focus"] = dialog.focusWidget().objectName() if dialog.focusWidget() else ""
        seen["child"] = dialog.child.currentData()
        seen["fits a 768-pixel screen"] = dialog.minimumSizeHint().height() <= 680
        dialog.reject()

    modal.expect(NmiDialog, look_then_cancel)
    assert QTest.qWaitForWindowActive(window)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "child" in seen, timeout=5000)
    assert seen == {"focus": "nmiChild", "child": "p-rowan", "fits a 768-pixel screen": True}
