"""The panel registry: other areas' panels slot into the workspace without touching its code."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget

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
    label = window.workspace.panel("test_count")
    (context,) = contributed
    assert context.case_id == demo.case.id and context.user == "Test Practitioner"
    assert context.store is window.store and context.undo_stack is window.session.undo_stack  # type: ignore[union-attr]
    assert isinstance(label, QLabel) and label.text() == "13 people"
    assert window.workspace.docks["test_count"].widget() is label
    assert context.apply(editing.remove_person(context.record, "p-kai"))
    assert label.text() == "12 people"
    assert window.undo_action.text() == "Undo Remove Kai Hurst"
    broken = window.workspace.panel("test_broken")
    assert isinstance(broken, QLabel) and "could not be opened" in broken.text()
    assert window.workspace.panel("test_count") is label and len(contributed) == 1  # built once
    # a panel never steals a Person-menu shortcut (two owners would make Qt ignore both)
    toggle = window.workspace.docks["test_count"].toggleViewAction()
    assert toggle.shortcut().toString() != "Ctrl+Shift+P"
    assert window.person_actions.actions["add_partner"].shortcut().toString() == "Ctrl+Shift+P"


def _is_placeholder(widget: QWidget | None) -> bool:
    return widget is not None and widget.objectName().startswith("placeholder_")


def test_panels_are_built_when_first_shown(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    """Opening a case builds only the panels on screen; a tab raised or a dock shown builds its panel then,
    from the case as it is by then."""
    assert window.open_case(demo.case.id) and window.workspace is not None
    workspace = window.workspace
    # the first tab of each dock area is on screen; the History dock is hidden by default
    assert {"people", "relationships", "prompts"} <= set(workspace.built_panels())
    for key in ("households", "warnings", "history", "summary", "agencies"):
        assert key not in workspace.built_panels()
        assert _is_placeholder(workspace.docks[key].widget())
    assert not workspace.docks["history"].isVisible()
    # a change made before the Households panel exists is in it when it is built
    assert workspace.context.apply(editing.remove_person(workspace.context.record, "p-kai"))
    workspace.docks["households"].raise_()  # the practitioner clicks its tab
    qtbot.waitUntil(lambda: "households" in workspace.built_panels())
    households = workspace.docks["households"].widget()
    assert not _is_placeholder(households) and households.isVisible()
    assert households.model.rowCount() > 0
    assert "Kai Hurst" not in {households.model.index(row, column).data()
                               for row in range(households.model.rowCount())
                               for column in range(households.model.columnCount())}
    # a hidden dock shown from its toggle (View ▸ Panels, Alt+5) joins its area's tabs; raised, it is built
    workspace.docks["history"].toggleViewAction().trigger()
    assert workspace.docks["history"].toggleViewAction().isChecked()
    workspace.docks["history"].raise_()
    qtbot.waitUntil(lambda: "history" in workspace.built_panels())
    history = workspace.docks["history"].widget()
    assert history.objectName() == "History" and history.isVisible()
    # Case ▸ Validation warnings shows, builds and focuses the panel
    window.warnings_action.trigger()
    assert "warnings" in workspace.built_panels() and not _is_placeholder(workspace.docks["warnings"].widget())


def test_restored_layout_decides_which_panels_are_built(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    """The saved layout (visibility, current tabs) is restored as before; the panels it puts on screen are
    built, the ones it hides are not."""
    assert window.open_case(demo.case.id) and window.workspace is not None
    window.workspace.docks["warnings"].raise_()
    window.workspace.docks["people"].hide()
    window.workspace.docks["history"].show()
    window.close_case(show_list=False)  # saves the workspace layout
    assert window.open_case(demo.case.id) and window.workspace is not None
    workspace = window.workspace
    qtbot.waitUntil(lambda: "warnings" in workspace.built_panels())
    assert not workspace.docks["people"].isVisible() and "people" not in workspace.built_panels()
    assert workspace.docks["history"].isVisible() and "history" in workspace.built_panels()
    assert "relationships" not in workspace.built_panels()
    # Edit ▸ Find person shows the People panel again, built, with its search box focused
    window.find_action.trigger()
    people = workspace.docks["people"].widget()
    assert workspace.docks["people"].isVisible() and not _is_placeholder(people)
    assert people.filter.hasFocus() or QApplication.focusWidget() is people.filter


def test_the_dock_sizes_come_back_when_the_case_is_reopened(qtbot: Any, window: MainWindow,
                                                            demo: CaseRecord) -> None:
    """A restored layout used to leave every dock at its minimum size (it was applied before the window
    had a size): the docks must come back as they were left."""
    window.resize(1360, 860)
    assert window.open_case(demo.case.id) and window.workspace is not None
    prompts, people = window.workspace.docks["prompts"], window.workspace.docks["people"]
    qtbot.waitUntil(lambda: prompts.width() > 300 and people.width() > 300)  # first-time sizes, once shown
    left = {"prompts": prompts.width(), "people": people.width()}
    window.close_case(show_list=False)  # saves the workspace layout
    assert window.open_case(demo.case.id) and window.workspace is not None
    docks = window.workspace.docks
    qtbot.waitUntil(lambda: all(abs(docks[key].width() - width) <= 10 for key, width in left.items()), timeout=3000)


def test_every_built_in_panel_gets_the_shortcut_it_asks_for(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    """No clash with the main window's or the Person menu's keys (a clash moves a panel to Alt+digit)."""
    assert window.open_case(demo.case.id) and window.workspace is not None
    workspace = window.workspace
    for spec in workspace.panel_specs:
        if spec.shortcut:
            toggle = workspace.docks[spec.key].toggleViewAction()
            assert toggle.shortcut().toString() == QKeySequence(spec.shortcut).toString(), spec.key


def test_a_panel_shown_straight_after_opening_stays_shown(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    """The saved layout is applied again once the window is up; a panel asked for before then stays."""
    assert window.open_case(demo.case.id) and window.workspace is not None
    window.workspace.docks["history"].hide()
    window.close_case(show_list=False)  # the saved layout has History hidden
    assert window.open_case(demo.case.id) and window.workspace is not None
    window.workspace.show_panel("history")
    qtbot.wait(200)
    assert window.workspace.docks["history"].isVisible()


def test_every_label_with_a_mnemonic_has_a_buddy_in_every_panel(qtbot: Any, window: MainWindow,
                                                                demo: CaseRecord) -> None:
    """'&Person:' without a buddy shows a literal '&' and its Alt key does nothing."""
    import re

    assert window.open_case(demo.case.id) and window.workspace is not None
    workspace = window.workspace
    missing = []
    for spec in workspace.panel_specs:
        for label in workspace.panel(spec.key).findChildren(QLabel):
            if re.search(r"(?<!&)&[^&\s]", label.text()) and not label.text().lstrip().startswith("<") \
                    and label.buddy() is None:
                missing.append(f"{spec.key}: {label.text()!r}")
    assert missing == []


def test_tabbed_docks_show_whole_titles(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTabBar

    window.resize(1360, 860)
    assert window.open_case(demo.case.id) and window.workspace is not None
    workspace = window.workspace
    bars = lambda: [bar for bar in workspace.findChildren(QTabBar) if bar.parent() is workspace]  # noqa: E731
    qtbot.waitUntil(lambda: bool(bars()) and all(bar.elideMode() == Qt.TextElideMode.ElideNone for bar in bars()))
    titles = {bar.tabText(index) for bar in bars() for index in range(bar.count())}
    assert {"Prompts", "Summary", "Relationships"} <= titles
