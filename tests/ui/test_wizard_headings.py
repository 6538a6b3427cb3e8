"""The New case wizard names its columns: placeholders vanish once typed, headings stay over the fields."""

from __future__ import annotations

from typing import Any

from genorisk.store.repository import Store
from genorisk.ui.wizard import NewCaseWizard, _ColumnHeadings


def test_person_rows_have_headings_over_their_fields(qtbot: Any, store: Store) -> None:
    wizard = NewCaseWizard(store, "Test Practitioner")
    qtbot.addWidget(wizard)
    wizard.resize(900, 640)
    wizard.show()
    wizard.case_page.reference.setText("HEAD-1")
    wizard.next()
    rows = wizard.children_page.child_rows
    rows.rows[0].given.setText("Ava")
    rows.add_row()
    headings = rows.headings

    def aligned() -> bool:
        first = rows.rows[0]
        fields = (first.given, first.family, first.sex, first.born)
        pairs = zip(headings.labels, fields, strict=True)
        return headings.isVisible() and all(label.x() == field.x() and label.width() == field.width()
                                            for label, field in pairs)

    qtbot.waitUntil(aligned)
    assert [label.text() for label in headings.labels] == list(_ColumnHeadings.TEXTS)
    wizard.next()
    parent_headings = [h for h in wizard.parents_page.findChildren(_ColumnHeadings) if h.isVisible()]
    assert len(parent_headings) == 2


def test_emptying_a_list_then_adding_again_keeps_the_headings_working(qtbot: Any) -> None:
    from genorisk.ui.wizard import PeopleRows

    rows = PeopleRows("Child of this relationship", "Add a child of this relationship", minimum=0)
    qtbot.addWidget(rows)
    rows.resize(800, 200)
    rows.show()
    assert not rows.headings.isVisible()
    rows.add_button.click()
    (first,) = rows.rows
    first.remove.click()
    qtbot.waitUntil(lambda: not rows.rows and not rows.headings.isVisible())
    qtbot.wait(50)  # the removed row is deleted on the next pass of the event loop
    rows.add_button.click()  # raised "Internal C++ object already deleted" before the fix
    (second,) = rows.rows
    qtbot.waitUntil(lambda: rows.headings.isVisible() and rows.headings.labels[0].x() == second.given.x())
