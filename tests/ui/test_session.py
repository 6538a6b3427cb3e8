"""CaseSession: every change is one saved, audited, undoable step; refused changes are never pushed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from genorisk.domain import editing
from genorisk.domain.entities import Person, new_id
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import CaseStatus, Sex
from genorisk.store.repository import Store
from genorisk.ui.session import CaseSession
from tests.ui.conftest import family_tables, fresh_load


def test_execute_saves_at_once_and_undo_redo_round_trip(qtbot: Any, store: Store, demo: CaseRecord) -> None:
    session = CaseSession(store, demo.case.id, "Test Practitioner")
    changes: list[frozenset[str]] = []
    session.record_changed.connect(lambda record, touched: changes.append(touched))
    partner = Person(id=new_id(), case_id=demo.case.id, given_names="Jo", family_name="Smith", sex=Sex.FEMALE)
    union = editing.new_partnership(demo.case.id, "p-dean", partner.id)
    assert session.execute(editing.add_partner(session.record, "p-dean", partner, union))
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Add partner Jo Smith"
    assert store.path is not None
    on_disk = fresh_load(store.path, demo.case.id)
    assert on_disk.get(Person, partner.id) is not None
    assert partner.id in changes[-1]

    session.undo_stack.undo()
    assert fresh_load(store.path, demo.case.id).get(Person, partner.id) is None
    assert family_tables(session.record) == family_tables(demo)
    session.undo_stack.redo()
    assert fresh_load(store.path, demo.case.id).get(Person, partner.id) is not None
    actions = [entry.action for entry in store.audit_log(demo.case.id)]
    assert actions[-3:] == ["Add partner Jo Smith", "Undo Add partner Jo Smith", "Add partner Jo Smith"]
    assert store.audit_log(demo.case.id)[-1].user == "Test Practitioner"


def test_a_refused_change_names_the_people_and_is_not_pushed(qtbot: Any, store: Store, demo: CaseRecord) -> None:
    session = CaseSession(store, demo.case.id, "Test Practitioner")
    refused: list[tuple[str, str]] = []
    session.change_refused.connect(lambda title, message: refused.append((title, message)))
    extra_parents = (Person(id=new_id(), case_id=demo.case.id, given_names="Extra", family_name="One"),
                     Person(id=new_id(), case_id=demo.case.id, given_names="Extra", family_name="Two"))
    command = editing.add_parents(session.record, "p-rowan", extra_parents)
    assert not session.execute(command)
    assert session.undo_stack.count() == 0
    assert refused and "Rowan Pryce" in refused[0][1] and "more than two birth parents" in refused[0][1]
    assert store.path is not None
    assert family_tables(fresh_load(store.path, demo.case.id)) == family_tables(demo)


def test_editing_the_case_itself_undoes_and_redoes(qtbot: Any, store: Store, demo: CaseRecord) -> None:
    """The store stamps updated_at on the case; undo and redo must still match what it holds."""
    session = CaseSession(store, demo.case.id, "Test Practitioner")
    case = session.record.case
    edited = replace(case, title="Renamed", status_history=(*case.status_history, replace(
        case.status_history[-1], status=CaseStatus.CHILD_PROTECTION)))
    assert session.execute(editing.update_entity(session.record, edited, "Change status"))
    assert session.record.case.status is CaseStatus.CHILD_PROTECTION
    for _ in range(2):
        session.undo_stack.undo()
        assert session.record.case.title == demo.case.title
        session.undo_stack.redo()
        assert session.record.case.title == "Renamed"
    assert store.path is not None
    assert fresh_load(store.path, demo.case.id).case.status is CaseStatus.CHILD_PROTECTION


def test_selection_is_shared_and_forgets_removed_people(qtbot: Any, store: Store, demo: CaseRecord) -> None:
    session = CaseSession(store, demo.case.id, "Test Practitioner")
    seen: list[tuple[str, ...]] = []
    session.selection_changed.connect(seen.append)
    session.select(["p-kai", "nobody"])
    assert session.selection == ("p-kai",) and seen[-1] == ("p-kai",)
    session.execute(editing.remove_person(session.record, "p-kai"))
    assert session.selection == ()
    session.undo_stack.undo()
    assert session.record.get(Person, "p-kai") is not None
