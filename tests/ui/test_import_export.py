"""File ▸ Import (case bundle, GEDCOM) and Export case bundle run in the background and open the case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from genorisk.domain.record import CaseRecord
from genorisk.store.repository import Store
from genorisk.ui.main_window import MainWindow
from tests.conftest import shared_file


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Answer the operating system's file chooser (the one dialog these tests do not drive)."""
    monkeypatch.setattr("genorisk.ui.main_window.QFileDialog.getOpenFileName",
                        lambda *args, **kwargs: (str(path), ""))
    monkeypatch.setattr("genorisk.ui.main_window.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(path), ""))


def test_export_then_import_a_case_bundle(qtbot: Any, tmp_path: Path, store: Store, demo: CaseRecord,
                                          window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_case(demo.case.id)
    bundle = tmp_path / "DEMO-0001.genorisk.json"
    choose_file(monkeypatch, bundle)
    window.export_bundle_action.trigger()
    qtbot.waitUntil(bundle.exists, timeout=15000)
    assert "Ashby" in bundle.read_text(encoding="utf-8")
    store.delete_case(demo.case.id)
    window.close_case()
    window.import_bundle_action.trigger()
    qtbot.waitUntil(lambda: window.session is not None, timeout=15000)
    assert window.session is not None
    assert window.session.record.case.reference == "DEMO-0001" and len(window.session.record.people) == 13


def test_import_gedcom_opens_the_new_case(qtbot: Any, store: Store, window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    sample = shared_file("gedcom", "sample.ged")
    choose_file(monkeypatch, sample)
    window.import_gedcom_action.trigger()
    qtbot.waitUntil(lambda: window.session is not None, timeout=30000)
    assert window.session is not None and window.workspace is not None
    assert len(window.session.record.people) > 0
    assert set(window.workspace.scene.symbols) == {p.id for p in window.session.record.people}


def test_a_bad_bundle_is_refused_and_nothing_is_written(qtbot: Any, tmp_path: Path, store: Store,
                                                        window: MainWindow, modal: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import close_message

    broken = tmp_path / "broken.genorisk.json"
    broken.write_text('{"format": "genorisk-case-bundle", "version": 1, "case": {}}', encoding="utf-8")
    choose_file(monkeypatch, broken)
    messages: list[str] = []
    modal.expect(QMessageBox, close_message(messages))
    window.import_bundle_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=15000)
    assert "broken.genorisk.json was not imported" in messages[0] and "Nothing was written" in messages[0]
    assert store.list_cases() == []
