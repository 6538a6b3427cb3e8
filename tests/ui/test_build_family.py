"""A practitioner builds the demo family from nothing: the New case wizard, then canvas actions.

Then every change is undone back to the start and redone, checking at each step that the database
(read by a brand-new Store) and the genogram's scene items agree with the case session.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMessageBox, QWizard

from genorisk.domain.entities import EmotionalLink, HouseholdMember, Partnership, Person, VerificationItem
from genorisk.domain.values import (
    CaseStatus,
    EmotionalLinkKind,
    HouseholdRole,
    PartnershipKind,
    PartnershipStatus,
    PregnancyOutcome,
    Sex,
    SourceKind,
    VerificationStatus,
)
from genorisk.store.repository import Store
from genorisk.ui.canvas.items import MiscarriageSymbolItem, SymbolItem
from genorisk.ui.dialogs.family import (
    AddChildDialog,
    AddParentsDialog,
    EditPersonDialog,
    EmotionalLinkDialog,
)
from genorisk.ui.dialogs.household import JoinHouseholdDialog
from genorisk.ui.dialogs.relationship import EndPartnershipDialog
from genorisk.ui.main_window import MainWindow
from genorisk.ui.wizard import NewCaseWizard
from tests.ui.conftest import ModalDriver, choose_menu_item, family_tables, fresh_load, press_ok


def pick(combo: Any, data: Any) -> None:
    index = combo.findData(getattr(data, "value", data))
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def self_report(widget: Any, who: str) -> None:
    pick(widget.source, SourceKind.SELF_REPORT)
    widget.reported_by.setCurrentText(who)


def agency(widget: Any, name: str, reference: str) -> None:
    pick(widget.source, SourceKind.AGENCY_RECORD)
    widget.agency.setCurrentText(name)
    widget.reference.setText(reference)


def fill_wizard(wizard: NewCaseWizard) -> None:
    """Answer every page as a practitioner would, pressing Next and finally Finish."""
    page = wizard.case_page
    page.reference.setText("CIN-TEST-0042")
    page.title_edit.setText("Ashby–Pryce family")
    pick(page.status, CaseStatus.CHILD_IN_NEED)
    wizard.button(QWizard.WizardButton.NextButton).click()

    children = wizard.children_page.child_rows
    children.rows[0].set_values("Rowan", "Pryce", Sex.MALE, "14/08/2026")
    assert wizard.children_page.isComplete()
    wizard.button(QWizard.WizardButton.NextButton).click()

    (_mother_unknown, mother), (_father_unknown, father) = wizard.parents_page.parents
    mother.set_values("Kayleigh", "Ashby", Sex.FEMALE, "02/03/1998")
    father.set_values("Jason", "Pryce", Sex.MALE, "19/11/1993")
    pick(wizard.parents_page.kind, PartnershipKind.COHABITING)
    wizard.parents_page.start.setText("06/2025")
    self_report(wizard.parents_page.provenance, "Kayleigh Ashby")
    wizard.button(QWizard.WizardButton.NextButton).click()

    partners = wizard.partners_page
    assert [answer.parent_name for _, answer in partners.answers] == ["Kayleigh Ashby", "Jason Pryce"]
    assert not partners.isComplete(), "a parent cannot be passed without an explicit answer"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    kayleigh, jason = (answer for _, answer in partners.answers)
    kayleigh.names.setChecked(True)
    dean = kayleigh.partners[0]
    dean.partner.set_values("Dean", "Morton", Sex.MALE, "c. 1995")
    pick(dean.kind, PartnershipKind.COHABITING)
    pick(dean.status, PartnershipStatus.SEPARATED)
    dean.start.setText("2016")
    dean.end.setText("03/2023")
    dean.child_rows.add_row().set_values("Tyler", "Morton", Sex.MALE, "21/05/2017")
    dean.child_rows.add_row().set_values("Maisie", "Morton", Sex.FEMALE, "08/10/2019")
    self_report(kayleigh.provenance, "Kayleigh Ashby")
    assert not partners.isComplete(), "Jason has not been answered for yet"
    jason.names.setChecked(True)
    leanne = jason.partners[0]
    leanne.partner.set_values("Leanne", "Hurst", Sex.FEMALE, "30/07/1994")
    pick(leanne.kind, PartnershipKind.COHABITING)
    leanne.start.setText("2012")
    leanne.end.setText("08/2016")
    leanne.child_rows.add_row().set_values("Kai", "Hurst", Sex.MALE, "11/02/2014")
    sophie = jason.add_partner()
    sophie.partner.set_values("Sophie", "Dale", Sex.FEMALE, "25/01/1996")
    pick(sophie.kind, PartnershipKind.MARRIED)
    pick(sophie.status, PartnershipStatus.DIVORCED)
    sophie.start.setText("14/07/2018")
    sophie.end.setText("11/2023")
    sophie.child_rows.add_row().set_values("Lily-Rose", "Pryce", Sex.FEMALE, "17/06/2020")
    agency(jason.provenance, "Kirkhaven Constabulary", "DA/16/04417")
    assert partners.isComplete()
    wizard.button(QWizard.WizardButton.NextButton).click()

    household = wizard.household_page
    household.name.setText("Fellside Road")
    names = {box.text(): box for box, _ in household.residents}
    for name in ("Rowan Pryce (subject child)", "Kayleigh Ashby (parent)", "Jason Pryce (parent)"):
        assert names[name].isChecked()
    names["Tyler Morton (child of Kayleigh Ashby)"].setChecked(True)
    names["Maisie Morton (child of Kayleigh Ashby)"].setChecked(True)
    self_report(household.provenance, "Kayleigh Ashby")
    wizard.button(QWizard.WizardButton.FinishButton).click()


def shortcut(window: MainWindow, key: Qt.Key) -> None:
    """Press Ctrl+Shift+key in the window, as the Person menu's shortcuts are pressed."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window), "shortcuts reach only the active window"
    QTest.keyClick(window.windowHandle(), key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def select_on_canvas(qtbot: Any, window: MainWindow, name: str) -> str:
    """Click a person's symbol on the genogram, as a practitioner would."""
    assert window.workspace is not None and window.session is not None
    person = next(p for p in window.session.record.people if p.display_name == name)
    view = window.workspace.view
    view.centre_on_person(person.id)
    box = window.workspace.scene.person_box(person.id)
    point = view.mapFromScene(QPointF(box.center().x(), box.center().y()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.selected_person_id == person.id
    return person.id


def check_database_and_scene_agree(store: Store, window: MainWindow) -> None:
    assert window.session is not None and window.workspace is not None and store.path is not None
    session = window.session
    on_disk = fresh_load(store.path, session.case_id)
    assert family_tables(on_disk) == family_tables(session.record)
    scene = window.workspace.scene
    assert set(scene.symbols) == {p.id for p in session.record.people}
    assert all(isinstance(item, SymbolItem) and item.scene() is scene for item in scene.symbols.values())
    geometry = window.workspace.geometry_model
    assert geometry is not None
    drawn_lines = {item.line for item in scene.items() if hasattr(item, "line")}
    assert drawn_lines == set(geometry.lines)


def test_build_the_demo_family_undo_it_all_and_redo_it(qtbot: Any, store: Store, window: MainWindow,
                                                       modal: ModalDriver) -> None:
    # --- the wizard -----------------------------------------------------------------------------------
    modal.expect(NewCaseWizard, fill_wizard)
    window.new_case_action.trigger()
    qtbot.waitUntil(lambda: window.session is not None, timeout=10000)
    assert window.session is not None and window.workspace is not None
    session = window.session
    start = family_tables(session.record)
    assert len(session.record.people) == 10
    assert session.undo_stack.count() == 0
    sources = {p.provenance.source for p in session.record.partnerships if p.provenance}
    assert sources == {SourceKind.SELF_REPORT, SourceKind.AGENCY_RECORD}
    check_database_and_scene_agree(store, window)

    # --- canvas actions --------------------------------------------------------------------------------
    select_on_canvas(qtbot, window, "Kayleigh Ashby")

    def add_grandparents(dialog: AddParentsDialog) -> None:
        dialog.first.given_names.setText("Carol")
        dialog.first.family_name.setText("Ashby")
        pick(dialog.first.sex, Sex.FEMALE)
        dialog.first.date_of_birth.setText("04/09/1972")
        dialog.second.given_names.setText("Michael")
        dialog.second.family_name.setText("Ashby")
        pick(dialog.second.sex, Sex.MALE)
        dialog.second.date_of_birth.setText("1969")
        dialog.second.deceased.setChecked(True)
        dialog.second.date_of_death.setText("04/2015")
        pick(dialog.couple, PartnershipKind.MARRIED)
        self_report(dialog.provenance, "Kayleigh Ashby")
        press_ok(dialog)

    modal.expect(AddParentsDialog, add_grandparents)
    shortcut(window, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: len(session.record.people) == 12, timeout=10000)
    assert window.undo_action.text() == "Undo Add parents of Kayleigh Ashby"

    # Carol visits daily: through the canvas's context menu
    carol = select_on_canvas(qtbot, window, "Carol Ashby")

    def visits_daily(dialog: JoinHouseholdDialog) -> None:
        assert dialog.household.currentText() == "Fellside Road"
        pick(dialog.role, HouseholdRole.REGULAR_VISITOR)
        dialog.frequency.setText("daily")
        self_report(dialog.provenance, "Kayleigh Ashby")
        press_ok(dialog)

    modal.expect(QMenu, choose_menu_item("Add to household…"))
    modal.expect(JoinHouseholdDialog, visits_daily)
    view = window.workspace.view
    box = window.workspace.scene.person_box(carol)
    view.contextMenuEvent(_context_event(view, view.mapFromScene(box.center())))
    qtbot.waitUntil(lambda: any(m.person_id == carol for m in session.record.all(HouseholdMember)), timeout=10000)

    # Michael died: the partnership became widowhood (Relationships panel)
    relationships = window.workspace.panel("relationships")
    union = next(p for p in session.record.partnerships
                 if {session.record.name_of(p.person_a), session.record.name_of(p.person_b)}
                 == {"Carol Ashby", "Michael Ashby"})
    relationships.table.show_selection(())
    row = relationships.model.row_of_id(union.id)
    relationships.table.selectRow(relationships.table.proxy.mapFromSource(relationships.model.index(row, 0)).row())

    def widowed(dialog: EndPartnershipDialog) -> None:
        pick(dialog.status, PartnershipStatus.WIDOWED)
        dialog.since.setText("04/2015")
        press_ok(dialog)

    modal.expect(EndPartnershipDialog, widowed)
    relationships.end.click()
    qtbot.waitUntil(lambda: session.record.get(Partnership, union.id).status is PartnershipStatus.WIDOWED,
                    timeout=10000)

    # Jason's abuse of Leanne, from the police record
    select_on_canvas(qtbot, window, "Jason Pryce")

    def abuse(dialog: EmotionalLinkDialog) -> None:
        dialog.other.setCurrentIndex(dialog.other.findText("Leanne Hurst"))
        pick(dialog.kind, EmotionalLinkKind.PHYSICAL_ABUSE)
        assert dialog.directions["from_selected"].isChecked()
        assert not dialog.directions["none"].isEnabled(), "abuse always has a direction"
        dialog.start.setText("2015")
        dialog.end.setText("08/2016")
        agency(dialog.provenance, "Kirkhaven Constabulary", "DA/16/04417")
        dialog.provenance.verified.setChecked(True)
        press_ok(dialog)

    modal.expect(EmotionalLinkDialog, abuse)
    window.person_actions.actions["add_link"].trigger()
    qtbot.waitUntil(lambda: len(session.record.all(EmotionalLink)) == 1, timeout=10000)

    select_on_canvas(qtbot, window, "Kayleigh Ashby")
    for other, kind in (("Dean Morton", EmotionalLinkKind.HOSTILE), ("Carol Ashby", EmotionalLinkKind.CLOSE)):
        def link(dialog: EmotionalLinkDialog, other: str = other, kind: EmotionalLinkKind = kind) -> None:
            dialog.other.setCurrentIndex(dialog.other.findText(other))
            pick(dialog.kind, kind)
            dialog.directions["none"].setChecked(True)
            self_report(dialog.provenance, "Kayleigh Ashby")
            press_ok(dialog)

        modal.expect(EmotionalLinkDialog, link)
        count = len(session.record.all(EmotionalLink))
        window.person_actions.actions["add_link"].trigger()
        qtbot.waitUntil(lambda count=count: len(session.record.all(EmotionalLink)) == count + 1, timeout=10000)

    # A miscarriage in 01/2024
    def miscarriage(dialog: AddChildDialog) -> None:
        dialog.union.setCurrentIndex(dialog.union.count() - 1)  # Kayleigh alone
        dialog.fields.given_names.setText("")
        pick(dialog.fields.pregnancy, PregnancyOutcome.MISCARRIAGE)
        dialog.fields.date_of_birth.setText("01/2024")
        dialog.fields.gestation.setValue(11)
        self_report(dialog.provenance, "Kayleigh Ashby")
        press_ok(dialog)

    modal.expect(AddChildDialog, miscarriage)
    shortcut(window, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: len(session.record.people) == 13, timeout=10000)

    # Rowan is the index person too: edit (Enter on the canvas)
    select_on_canvas(qtbot, window, "Rowan Pryce")

    def index_person(dialog: EditPersonDialog) -> None:
        dialog.fields.index_person.setChecked(True)
        dialog.fields.notes.setPlainText("Not yet independently mobile.")
        press_ok(dialog)

    modal.expect(EditPersonDialog, index_person)
    qtbot.keyClick(window.workspace.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.record.person(session.selected_person_id or "").is_index_person, timeout=10000)

    # --- the finished family ------------------------------------------------------------------------
    record = session.record
    assert len(record.people) == 13
    assert len(record.partnerships) == 5
    assert len(record.emotional_links) == 3
    assert any(isinstance(item, MiscarriageSymbolItem) for item in window.workspace.scene.symbols.values())
    abuse_link = next(e for e in record.emotional_links if e.kind is EmotionalLinkKind.PHYSICAL_ABUSE)
    assert record.name_of(abuse_link.from_id) == "Jason Pryce" and record.name_of(abuse_link.to_id) == "Leanne Hurst"
    assert abuse_link.provenance is not None and abuse_link.provenance.verified
    visitor = next(m for m in record.household_members if m.person_id == carol)
    assert visitor.role is HouseholdRole.REGULAR_VISITOR and visitor.frequency == "daily"
    check_database_and_scene_agree(store, window)
    finished = family_tables(record)
    steps = session.undo_stack.count()
    assert steps == 8

    # --- undo everything, then redo everything --------------------------------------------------------
    for _ in range(steps):
        assert window.undo_action.isEnabled() and window.undo_action.text().startswith("Undo ")
        window.undo_action.trigger()
        check_database_and_scene_agree(store, window)
    assert family_tables(session.record) == start
    assert not window.undo_action.isEnabled()
    for _ in range(steps):
        window.redo_action.trigger()
        check_database_and_scene_agree(store, window)
    assert family_tables(session.record) == finished
    assert fresh_load(store.path, session.case_id).person(carol).given_names == "Carol"  # type: ignore[arg-type]


def _context_event(view: Any, point: Any) -> Any:
    from PySide6.QtGui import QContextMenuEvent

    return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))


def test_a_parent_left_not_known_opens_a_check(qtbot: Any, store: Store, window: MainWindow,
                                               modal: ModalDriver) -> None:
    def wizard(w: NewCaseWizard) -> None:
        w.case_page.reference.setText("EH-TEST-7")
        w.button(QWizard.WizardButton.NextButton).click()
        w.children_page.child_rows.rows[0].set_values("Ava", "Stone", Sex.FEMALE, "01/02/2022")
        baby = w.children_page.child_rows.add_row()
        baby.set_values("Baby", "Stone", Sex.UNKNOWN, (date.today() + timedelta(days=60)).strftime("%d/%m/%Y"))
        baby.unborn.setChecked(True)  # an expected baby: the due date is in the future
        w.button(QWizard.WizardButton.NextButton).click()
        (_, mother), (father_unknown, _) = w.parents_page.parents
        mother.set_values("Gemma", "Stone", Sex.FEMALE, "1990")
        father_unknown.setChecked(True)
        self_report(w.parents_page.provenance, "Gemma Stone")
        w.button(QWizard.WizardButton.NextButton).click()
        (_, gemma), = w.partners_page.answers
        gemma.unknown.setChecked(True)
        self_report(gemma.provenance, "Gemma Stone")
        w.button(QWizard.WizardButton.NextButton).click()
        self_report(w.household_page.provenance, "Gemma Stone")
        w.button(QWizard.WizardButton.FinishButton).click()

    modal.expect(NewCaseWizard, wizard)
    window.new_case_action.trigger()
    qtbot.waitUntil(lambda: window.session is not None, timeout=10000)
    assert window.session is not None
    unborn = next(p for p in window.session.record.people if p.given_names == "Baby")
    assert unborn.pregnancy is PregnancyOutcome.PREGNANCY and unborn.is_subject_child
    checks = window.session.record.all(VerificationItem)
    assert len(checks) == 1 and checks[0].status is VerificationStatus.OPEN
    assert "Gemma Stone" in checks[0].description and "to be checked" in checks[0].description
    assert window.workspace is not None
    warnings = window.workspace.panel("warnings")
    assert any(row.kind == "To be checked" for row in warnings.model.rows)


def test_remove_asks_first_and_undo_brings_the_links_back(qtbot: Any, store: Store, demo: Any, window: MainWindow,
                                                          modal: ModalDriver) -> None:
    window.open_case(demo.case.id)
    assert window.session is not None and window.workspace is not None
    session = window.session
    before = family_tables(session.record)
    people, relationships = window.workspace.panel("people").model, window.workspace.panel("relationships").model

    def table_order() -> tuple[list[str], list[str]]:
        return [r.person.id for r in people.rows], [r.id for r in relationships.rows]

    order = table_order()
    select_on_canvas(qtbot, window, "Jason Pryce")
    answers: list[str] = []

    def cancel(box: QMessageBox) -> None:
        answers.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    modal.expect(QMessageBox, cancel)
    window.person_actions.actions["remove_person"].trigger()
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert "Remove Jason Pryce" in answers[0] and "undo" in answers[0]
    assert family_tables(session.record) == before

    def confirm(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text() == "Remove").click()

    modal.expect(QMessageBox, confirm)
    qtbot.keyClick(window.workspace.view, Qt.Key.Key_Delete)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: session.record.get(Person, "p-jason") is None, timeout=5000)
    assert not any("p-jason" in e.person_refs() for e in session.record.entities())
    check_database_and_scene_agree(store, window)
    assert "p-jason" not in table_order()[0]
    window.undo_action.trigger()
    assert family_tables(session.record) == before
    check_database_and_scene_agree(store, window)
    assert table_order() == order, "Undo puts Jason's rows back where they were, not at the end"


def test_a_refused_edit_shows_a_message_naming_the_people(qtbot: Any, store: Store, demo: Any, window: MainWindow,
                                                           modal: ModalDriver) -> None:
    window.open_case(demo.case.id)
    select_on_canvas(qtbot, window, "Rowan Pryce")
    messages: list[str] = []

    def two_more_parents(dialog: AddParentsDialog) -> None:
        dialog.first.given_names.setText("Third")
        dialog.second.given_names.setText("Fourth")
        self_report(dialog.provenance, "Kayleigh Ashby")
        press_ok(dialog)

    def message(box: QMessageBox) -> None:
        messages.append(box.text())
        box.buttons()[0].click()

    modal.expect(AddParentsDialog, two_more_parents)
    modal.expect(QMessageBox, message)
    window.person_actions.actions["add_parents"].trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert "Rowan Pryce" in messages[0] and "more than two birth parents" in messages[0]
    assert window.session is not None and window.session.undo_stack.count() == 0
    check_database_and_scene_agree(store, window)


def test_a_dialog_names_the_field_that_makes_no_sense(qtbot: Any, store: Store, demo: Any, window: MainWindow,
                                                      modal: ModalDriver) -> None:
    window.open_case(demo.case.id)
    select_on_canvas(qtbot, window, "Dean Morton")
    errors: list[str] = []

    def bad_then_good(dialog: Any) -> None:
        dialog.fields.given_names.setText("Jo")
        dialog.fields.family_name.setText("Smith")
        dialog.fields.date_of_birth.setText("31/02/1990")
        self_report(dialog.provenance, "Dean Morton")
        press_ok(dialog)
        assert dialog.isVisible(), "a bad date keeps the dialog open"
        errors.append(dialog.error.text())
        dialog.fields.date_of_birth.setText("28/02/1990")
        dialog.provenance.reported_by.setCurrentText("")
        press_ok(dialog)
        errors.append(dialog.error.text())
        self_report(dialog.provenance, "Dean Morton")
        press_ok(dialog)
        errors.append(dialog.error.text())
        pick(dialog.relationship.status, PartnershipStatus.TOGETHER)
        press_ok(dialog)

    from genorisk.ui.dialogs.family import AddPartnerDialog

    modal.expect(AddPartnerDialog, bad_then_good)
    window.person_actions.actions["add_partner"].trigger()
    qtbot.waitUntil(lambda: window.session is not None and len(window.session.record.people) == 14, timeout=5000)
    assert "Date of birth" in errors[0] and "day is out of range" in errors[0]
    assert "who said it" in errors[1]
    assert "status" in errors[2] and "not assumed" in errors[2], "a new partner's status is never assumed"
    assert window.undo_action.text() == "Undo Add partner Jo Smith"
