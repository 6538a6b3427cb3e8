"""The genogram canvas: items per symbol kind, selection synced with the People table, keyboard
navigation, zoom, tooltips, incremental updates, and a dragged person's nudge surviving a restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from genorisk.domain import editing
from genorisk.domain.entities import LayoutNudge
from genorisk.domain.record import CaseRecord
from genorisk.genogram.geometry import SymbolKind
from genorisk.store.repository import Store
from genorisk.ui.canvas.items import SYMBOL_ITEM_CLASSES, FemaleSymbolItem, MaleSymbolItem, MiscarriageSymbolItem
from genorisk.ui.main_window import MainWindow
from genorisk.ui.settings import UiSettings
from tests.ui.conftest import fresh_load


def open_demo(window: MainWindow, demo: CaseRecord) -> Any:
    assert window.open_case(demo.case.id)
    assert window.workspace is not None
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    window.workspace.view.setFocus()
    return window.workspace


def item_point(workspace: Any, person_id: str) -> QPoint:
    workspace.view.centre_on_person(person_id)
    box = workspace.scene.person_box(person_id)
    return workspace.view.mapFromScene(box.center())


def test_one_item_class_per_symbol_kind(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    workspace = open_demo(window, demo)
    symbols = workspace.scene.symbols
    assert set(symbols) == {p.id for p in demo.people}
    assert isinstance(symbols["p-jason"], MaleSymbolItem)
    assert isinstance(symbols["p-kayleigh"], FemaleSymbolItem)
    miscarriage = next(p.id for p in demo.people if p.pregnancy is not None)
    assert isinstance(symbols[miscarriage], MiscarriageSymbolItem)
    assert len({cls.Type for cls in SYMBOL_ITEM_CLASSES.values()}) == len(SymbolKind)
    assert workspace.geometry_model.legend is not None


def test_selection_follows_between_canvas_and_people_table(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    workspace = open_demo(window, demo)
    people = workspace.panel("people")
    qtbot.mouseClick(workspace.view.viewport(), Qt.MouseButton.LeftButton, pos=item_point(workspace, "p-kai"))
    assert workspace.session.selection == ("p-kai",)
    assert people.table.selected_ids() == ["p-kai"]
    assert workspace.scene.symbols["p-kai"].isSelected()
    # and back: choose a row in the table
    row = people.table.proxy.mapFromSource(people.model.index(people.model.row_of_id("p-sophie"), 0)).row()
    people.table.selectRow(row)
    assert workspace.session.selection == ("p-sophie",)
    assert workspace.scene.selected_person_ids() == ("p-sophie",)
    assert not workspace.scene.symbols["p-kai"].isSelected()


def test_arrow_keys_move_between_people_and_enter_edits(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    workspace = open_demo(window, demo)
    workspace.session.select(["p-jason"])
    view = workspace.view
    assert view.hasFocus()
    start = workspace.scene.person_box("p-jason").center()
    QTest.keyClick(view, Qt.Key.Key_Right)
    moved_to = workspace.session.selected_person_id
    assert moved_to not in (None, "p-jason")
    assert workspace.scene.person_box(moved_to).center().x() > start.x()
    QTest.keyClick(view, Qt.Key.Key_Down)
    below = workspace.session.selected_person_id
    assert workspace.scene.person_box(below).center().y() > workspace.scene.person_box(moved_to).center().y()


def test_zoom_shortcuts_and_fit(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    workspace = open_demo(window, demo)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    before = workspace.view.zoom
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert workspace.view.zoom > before
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert workspace.view.zoom < before
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    visible = workspace.view.visible_scene_rect()
    assert visible.contains(workspace.scene.drawing_rect().adjusted(2, 2, -2, -2))


def test_hover_facts_show_british_dates_and_sources(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    workspace = open_demo(window, demo)
    text = workspace.person_tooltip("p-jason")
    assert "Jason Pryce" in text and "born 19/11/1993" in text
    assert "Agency record: Kirkhaven Constabulary (ref DA/16/04417)" in text
    assert "Self-report only" in text  # his relationship with Kayleigh rests on her word
    union = next(p for p in demo.partnerships if p.involves("p-sophie"))
    assert "married" in workspace.line_tooltip((union.id,)) and "14/07/2018" in workspace.line_tooltip((union.id,))


def test_an_edit_updates_items_in_place(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    workspace = open_demo(window, demo)
    before = dict(workspace.scene.symbols)
    assert workspace.session.execute(editing.mark_subject_child(workspace.session.record, "p-kai"))
    after = workspace.scene.symbols
    assert all(after[pid] is item for pid, item in before.items()), "items are kept, not rebuilt"
    assert after["p-kai"].symbol.double_outline


def drag(view: Any, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 6
    for step in range(1, steps + 1):
        point = start + (end - start) * step / steps
        QTest.mouseMove(view.viewport(), QPoint(round(point.x()), round(point.y())))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_a_drag_is_one_undoable_nudge_that_survives_a_restart(qtbot: Any, store: Store, window: MainWindow,
                                                              demo: CaseRecord) -> None:
    workspace = open_demo(window, demo)
    workspace.view.set_zoom(1.0)
    before = workspace.scene.person_box("p-kai")
    start = item_point(workspace, "p-kai")
    drag(workspace.view, start, start + QPoint(0, 40))
    session = workspace.session
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Move Kai Hurst"
    nudge = next(n for n in session.record.all(LayoutNudge) if n.person_id == "p-kai")
    assert abs(nudge.dy - 40) < 2 and abs(nudge.dx) < 2
    moved = workspace.scene.person_box("p-kai")
    assert abs(moved.top() - before.top() - nudge.dy) < 0.01
    assert workspace.scene.symbols["p-kai"].pos() == QPointF(0, 0), "the item now sits where the layout put it"

    # close everything and start again on the same database file
    window.close_case(show_list=False)
    assert store.path is not None
    on_disk = fresh_load(store.path, demo.case.id)
    assert any(n.person_id == "p-kai" for n in on_disk.all(LayoutNudge))
    reopened = Store.open(store.path, user="Test Practitioner")
    try:
        second = MainWindow(reopened, "Test Practitioner", UiSettings())
        qtbot.addWidget(second)
        second.show()
        assert second.open_case(demo.case.id)
        assert second.workspace is not None
        again = second.workspace.scene.person_box("p-kai")
        assert abs(again.top() - moved.top()) < 0.01 and abs(again.left() - moved.left()) < 0.01
        second.close_case(show_list=False)
    finally:
        reopened.close()


def test_alt_arrow_nudges_from_the_keyboard(qtbot: Any, window: MainWindow, demo: CaseRecord) -> None:
    workspace = open_demo(window, demo)
    workspace.session.select(["p-lily"])
    before = workspace.scene.person_box("p-lily")
    QTest.keyClick(workspace.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    after = workspace.scene.person_box("p-lily")
    assert after.left() > before.left()
    assert workspace.session.undo_stack.undoText() == "Move Lily-Rose Pryce"
    workspace.session.undo_stack.undo()
    assert workspace.scene.person_box("p-lily") == before


def test_on_dark_paper_household_outlines_and_abuse_arrows_stay_visible(qtbot: Any) -> None:
    from PySide6.QtGui import QColor

    from genorisk.ui.canvas.painting import Colours

    dark = Colours(QColor("#e8eaed"), QColor("#1e2124"), QColor("#8ab4f8"))
    boundary, abuse = dark.colour("#333333"), dark.colour("#a1001d")
    assert boundary.lightnessF() > 0.6 and abuse.lightnessF() > 0.6
    assert abs(abuse.hslHueF() - QColor("#a1001d").hslHueF()) < 0.02, "still red: meaning kept"
    printed = Colours.print_colours()
    assert printed.colour("#333333") == QColor("#333333") and printed.colour("#a1001d") == QColor("#a1001d")
