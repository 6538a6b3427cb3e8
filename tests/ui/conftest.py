"""Fixtures for the workspace tests: a real main window over a real SQLite file, and a helper that
answers modal dialogs (fills the real widgets, then presses the real OK button)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMenu, QMessageBox, QWidget

from genorisk.domain.entities import Case
from genorisk.domain.record import CaseRecord
from genorisk.store.repository import Store
from genorisk.ui.main_window import MainWindow
from genorisk.ui.settings import UiSettings

STUCK_SECONDS = 8.0


@dataclass
class Expected:
    kind: type[QWidget]
    handle: Callable[[Any], None]
    done: bool = False


@dataclass
class ModalDriver:
    """Answers modal dialogs as they open, in the order expected.

    ``expect(Kind, handle)`` queues a handler; when a modal widget of that kind becomes active the
    handler fills it (through its real widgets) and accepts or rejects it.
    """

    queue: list[Expected] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    _closing: list[QWidget] = field(default_factory=list)
    failures: list[BaseException] = field(default_factory=list)
    _closed_at: list[float] = field(default_factory=list)
    timer: QTimer | None = None

    def expect(self, kind: type[QWidget], handle: Callable[[Any], None]) -> Expected:
        expected = Expected(kind, handle)
        self.queue.append(expected)
        if self.timer is None:
            self.timer = QTimer()
            self.timer.setInterval(15)
            self.timer.timeout.connect(self._poll)
            self.timer.start()
        return expected

    def _poll(self) -> None:
        popup = QApplication.activePopupWidget()
        widget = popup if popup is not None else QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            return
        if widget in self._closing:
            index = self._closing.index(widget)
            if time.monotonic() - self._closed_at[index] > STUCK_SECONDS:
                # Still open long after it was answered: fail rather than hang the whole run.
                self.failures.append(AssertionError(f"{type(widget).__name__} '{widget.windowTitle()}' stayed "
                                                    f"open after it was answered; messages: {self.unexpected}"))
                self._closed_at[index] = float("inf")
                widget.close()
                if isinstance(widget, QDialog):
                    widget.reject()
            return
        expected = self.queue[0] if self.queue else None
        if expected is None or not isinstance(widget, expected.kind):
            if isinstance(widget, QMessageBox):
                self._closing.append(widget)
                self._closed_at.append(time.monotonic())
                # A message nobody expected (e.g. a form error): note it and close it, so the test
                # fails on an assertion instead of hanging.
                self.unexpected.append(widget.text())
                (widget.defaultButton() or widget.buttons()[0]).click()
            return
        self.queue.pop(0)
        self._closing.append(widget)
        self._closed_at.append(time.monotonic())
        self.seen.append(widget.windowTitle())

        def run() -> None:  # outside this timer's slot, so a handler may open further dialogs
            try:
                expected.handle(widget)
            except BaseException as failure:  # close the dialog so the test fails instead of hanging
                self.failures.append(failure)
                if widget.isVisible():
                    widget.close()
                    if isinstance(widget, QDialog):
                        widget.reject()
            expected.done = True

        QTimer.singleShot(0, run)

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()


@pytest.fixture
def modal() -> Iterator[ModalDriver]:
    driver = ModalDriver()
    yield driver
    driver.stop()
    if driver.failures:
        raise driver.failures[0]
    assert not driver.unexpected, f"unexpected messages: {driver.unexpected}"
    assert not driver.queue, f"dialogs expected but never shown: {[e.kind.__name__ for e in driver.queue]}"


def press_ok(dialog: QDialog) -> None:
    """Click the dialog's OK (accept) button, as a practitioner would."""
    boxes = dialog.findChildren(QDialogButtonBox)
    for box in boxes:
        button = box.button(QDialogButtonBox.StandardButton.Ok)
        if button is not None:
            button.click()
            return
    dialog.accept()


def choose_menu_item(text: str) -> Callable[[QMenu], None]:
    """A handler for a context menu: trigger the entry with this text (without the & mnemonic)."""

    def handle(menu: QMenu) -> None:
        for action in menu.actions():
            if action.text().replace("&", "") == text:
                menu.close()
                QTimer.singleShot(0, action.trigger)
                return
        raise AssertionError(f"no menu entry {text!r} in {[a.text() for a in menu.actions()]}")

    return handle


def close_message(answers: list[str], button: str = "") -> Callable[[QMessageBox], None]:
    """A handler that records a message box's text and clicks a button (by text, else the default)."""

    def handle(box: QMessageBox) -> None:
        answers.append(box.text())
        for candidate in box.buttons():
            if button and candidate.text().replace("&", "") == button:
                candidate.click()
                return
        (box.defaultButton() or box.buttons()[0]).click()

    return handle


@pytest.fixture
def window(store: Store, qtbot: Any) -> Iterator[MainWindow]:
    """The real main window over a real database, shown (offscreen)."""
    main = MainWindow(store, "Test Practitioner", UiSettings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitActive(main)  # keyboard shortcuts only reach the active window
    yield main
    main.close_case(show_list=False)


def family_tables(record: CaseRecord) -> dict[type, dict[str, Any]]:
    """Everything in a case except the case row (whose updated_at moves with every write)."""
    return {kind: dict(rows) for kind, rows in record.tables.items() if rows and kind is not Case}


def fresh_load(path: Path, case_id: str) -> CaseRecord:
    """The case as a brand-new Store sees it on disk (no cache shared with the window)."""
    other = Store.open(path, user="checker")
    try:
        return other.load(case_id)
    finally:
        other.close()
