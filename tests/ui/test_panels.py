"""The panel registry: other areas' panels slot into the workspace without touching its code."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from genorisk.domain import editing
from genorisk.domain.record import CaseRecord
from genorisk.ui.main_window import MainWindow
from genorisk.ui.panels import PanelContext, PanelSpec, collect_panels


@pytest.fixture
def contributed() -> Iterator[list[PanelContext]]:
    """A fake 'genorisk.ui.test_panels_area.panels' module contributing two panels."""
    contexts: list[PanelContext] = []

    def build(context: PanelContext) -> QWidget:
        contexts.append(context)
        label = QLabel(f"{len(context.record.people)} people")
        context.record_changed.connect(lambda record, _: label.setText(f"{len(record.people)} people"))
        return label

    def broken(context: PanelContext) -> QWidget:
        raise RuntimeError("this panel is broken")

    module = types.ModuleType("genorisk.ui.test_area.panels")
    module.PANELS = [PanelSpec("test_count", "Count", build, "right", "Ctrl+Shift+P"),  # type: ignore[attr-defined]
                     PanelSpec("test_broken", "Broken", broken, "bottom")]
    sys.modules["genorisk.ui.test_area.panels"] = module
    yield contexts
    del sys.modules["genorisk.ui.test_area.panels"]


def test_collect_skips_missing_modules_and_keeps_order(contributed: list[PanelContext]) -> None:
    builtin = [PanelSpec("people", "People", lambda c: QWidget())]
    found = collect_panels(builtin, ("genorisk.ui.no_such_area.panels", "genorisk.ui.test_area.panels"))
    assert [spec.key for spec in found] == ["people", "test_count", "test_broken"]


def test_contributed_panels_get_the_context_and_follow_changes(qtbot: Any, window: MainWindow, demo: CaseRecord,
                                                               contributed: list[PanelContext],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("genorisk.ui.panels.PANEL_MODULES", ("genorisk.ui.test_area.panels",))
    window.open_case(demo.case.id)
    assert window.workspace is not None
    (context,) = contributed
    assert context.case_id == demo.case.id and context.user == "Test Practitioner"
    assert context.store is window.store and context.undo_stack is window.session.undo_stack  # type: ignore[union-attr]
    label = window.workspace.docks["test_count"].widget()
    assert label.text() == "13 people"
    assert context.apply(editing.remove_person(context.record, "p-kai"))
    assert label.text() == "12 people"
    assert window.undo_action.text() == "Undo Remove Kai Hurst"
    broken = window.workspace.docks["test_broken"].widget()
    assert isinstance(broken, QLabel) and "could not be opened" in broken.text()
    # a panel never steals a Person-menu shortcut (two owners would make Qt ignore both)
    toggle = window.workspace.docks["test_count"].toggleViewAction()
    assert toggle.shortcut().toString() != "Ctrl+Shift+P"
    assert window.person_actions.actions["add_partner"].shortcut().toString() == "Ctrl+Shift+P"
