"""Network records round-trip through a real SQLite file, change by named commands, and cascade with people."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from genorisk.domain.editing import remove_person
from genorisk.domain.network import (
    NETWORK_ENTITY_TYPES,
    ActionStatus,
    Agency,
    ChildVoice,
    MeetingAction,
    SafetyMap,
    SharedItem,
    Supervision,
    SupervisionConcern,
)
from genorisk.network import editing
from genorisk.network.editing import IncompleteRecord
from genorisk.store.repository import Store
from genorisk.store.rows import column_names
from genorisk.store.schema import ENTITY_TABLES


def test_every_network_table_has_exactly_the_entitys_columns() -> None:
    for kind in NETWORK_ENTITY_TYPES:
        table = ENTITY_TABLES[kind].__table__  # type: ignore[attr-defined]
        assert [c.name for c in table.columns] == column_names(kind), kind.__name__


def test_the_demo_network_round_trips_through_the_database(demo: object, private_home: Path) -> None:
    reopened = Store.open(private_home / "genorisk.db", user="Someone else")
    record = reopened.load_by_reference("DEMO-0001")
    for kind in NETWORK_ENTITY_TYPES:
        assert record.all(kind), f"the demo has no {kind.__name__}"
    assert record == demo
    maps = record.all(SafetyMap)
    assert maps[0].ratings[0].score == 4 and maps[0].next_steps[0].due_on == date(2026, 11, 13)
    reopened.close()


def test_completing_an_action_is_one_undoable_audited_step(store: Store, demo: object) -> None:
    record = store.load_by_reference("DEMO-0001")
    command = editing.complete_action(record, "ac-gp", date(2026, 11, 26), "GP told by phone; plan sent")
    after = store.apply(command)
    action = after.get(MeetingAction, "ac-gp")
    assert action is not None and action.status is ActionStatus.COMPLETED
    assert store.audit_log(record.case.id)[-1].action.startswith("Complete action")
    store.undo(command)
    assert store.load(record.case.id).get(MeetingAction, "ac-gp").status is ActionStatus.OPEN  # type: ignore[union-attr]


def test_signing_off_a_supervision_record(store: Store, demo: object) -> None:
    record = store.load_by_reference("DEMO-0001")
    awaiting = [s for s in record.all(Supervision) if s.awaiting_sign_off]
    assert [s.id for s in awaiting] == ["s-2026-10"]
    after = store.apply(editing.sign_off(record, "s-2026-10", "Priya Shah", date(2026, 11, 26), "Agreed"))
    signed = after.get(Supervision, "s-2026-10")
    assert signed is not None and signed.sign_off is not None and signed.sign_off.by == "Priya Shah"
    with pytest.raises(IncompleteRecord, match="already signed off"):
        editing.sign_off(after, "s-2026-10", "Someone", date(2026, 11, 27))


def test_a_new_supervision_reviews_every_concern_carried_forward(store: Store, demo: object) -> None:
    record = store.load_by_reference("DEMO-0001")
    session = Supervision(id="s-new", case_id=record.case.id, held_on=date(2026, 11, 26), supervisor="Priya Shah",
                          review_on=date(2026, 12, 17))
    after = store.apply(editing.record_supervision(record, session, new_concerns=["No DARAC yet"],
                                                   child_ids=("p-rowan",)))
    saved = after.get(Supervision, "s-new")
    assert saved is not None and "sc-history" in saved.concerns_reviewed
    assert "sc-unannounced" not in saved.concerns_reviewed  # closed before
    raised = [c for c in after.all(SupervisionConcern) if c.raised_in == "s-new"]
    assert [c.description for c in raised] == ["No DARAC yet"]


def test_recording_that_an_agency_was_told_closes_its_status_gap(store: Store, demo: object) -> None:
    from genorisk.network.matrix import build_matrix

    record = store.load_by_reference("DEMO-0001")
    today = date(2026, 11, 26)
    assert build_matrix(record, today).row("a-gp").cell(SharedItem.STATUS).state.is_gap
    after = store.apply(editing.record_notification(record, "a-gp", SharedItem.STATUS, today, sent_by="Sam"))
    assert not build_matrix(after, today).row("a-gp").cell(SharedItem.STATUS).state.is_gap


def test_removing_a_child_cascades_to_network_records_in_the_database(store: Store, demo: object,
                                                                      private_home: Path) -> None:
    record = store.load_by_reference("DEMO-0001")
    store.apply(remove_person(record, "p-maisie"))
    reopened = Store.open(private_home / "genorisk.db").load_by_reference("DEMO-0001")
    assert reopened.get(ChildVoice, "v-maisie") is None
    school = reopened.get(Agency, "a-school")
    assert school is not None and school.involved_with == ("p-tyler",)


def test_an_agency_named_in_meetings_cannot_be_removed(store: Store, demo: object) -> None:
    record = store.load_by_reference("DEMO-0001")
    with pytest.raises(IncompleteRecord, match="involvement ended"):
        editing.remove_agency(record, "a-hv")
    after = store.apply(editing.remove_agency(record, "a-probation"))
    assert after.get(Agency, "a-probation") is None
