"""The one background helper: results, errors and Cancel come back on the GUI thread."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from genorisk.ui.background import Cancelled, run_in_background


def test_result_comes_back_on_the_gui_thread(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, Any] = {}

    def work(progress: Any, cancelled: Any) -> int:
        seen["worker_thread"] = threading.get_ident()
        for step in range(5):
            progress(step, 5, f"step {step}")
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["gui"] = QThread.currentThread() is QApplication.instance().thread()

    task = run_in_background(parent, "Counting…", work, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42 and seen["gui"] is True
    assert seen["worker_thread"] != threading.get_ident()
    assert task.outcome == "done"


def test_errors_reach_on_error(qtbot: Any) -> None:
    errors: list[BaseException] = []
    run_in_background(None, "Failing…", lambda progress, cancelled: 1 / 0, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_cancel_stops_the_work_and_skips_on_done(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[str] = []
    started = threading.Event()

    def work(progress: Any, cancelled: Any) -> str:
        started.set()
        while not cancelled():
            time.sleep(0.01)
        raise Cancelled

    task = run_in_background(parent, "Waiting…", work, lambda _: outcome.append("done"),
                             on_cancelled=lambda: outcome.append("cancelled"))
    assert started.wait(5)
    qtbot.waitUntil(task.dialog.isVisible, timeout=5000)  # shown once the work takes over half a second
    cancel = task.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    try:
        cancel.click()
        assert task.flag.is_set(), "Cancel asks the work to stop"
    finally:
        task.flag.set()  # never leave a worker spinning, even if the click failed
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == ["cancelled"]


def test_closing_the_window_while_work_runs_is_safe(qtbot: Any) -> None:
    parent = QWidget()
    release = threading.Event()
    called: list[str] = []
    task = run_in_background(parent, "Slow…", lambda progress, cancelled: release.wait(5),
                             lambda _: called.append("done"))
    finished: list[bool] = []
    task.done.connect(lambda: finished.append(True))
    parent.deleteLater()
    qtbot.wait(50)
    release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert called == [], "nothing is reported to a window that has gone"
