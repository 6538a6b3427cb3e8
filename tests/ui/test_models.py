"""The table models, checked with Qt's model tester over the demo case and an empty one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from genorisk.domain.record import CaseRecord
from genorisk.domain.validation import Issue, Severity
from genorisk.store.repository import Store
from genorisk.ui.models import (
    ID_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    CaseListModel,
    HouseholdsModel,
    PeopleModel,
    RelationshipsModel,
    WarningsModel,
)


def test_people_model_passes_the_model_tester_and_shows_british_dates(qtmodeltester: Any, demo: CaseRecord) -> None:
    model = PeopleModel()
    model.set_record(demo)
    qtmodeltester.check(model)
    assert model.rowCount() == len(demo.people)
    row = next(n for n in range(model.rowCount()) if model.row_at(n).person.given_names == "Rowan")
    assert model.index(row, 2).data() == "14/08/2026"
    assert model.index(row, 4).data() == "Subject child, Index person" or "Subject child" in model.index(row, 4).data()
    assert model.index(row, 0).data(ID_ROLE) == model.row_at(row).person.id
    # dates sort as dates, not as dd/mm/yyyy text
    born = [model.index(n, 2).data(SORT_ROLE) for n in range(model.rowCount())]
    assert all(isinstance(value, int) for value in born)


def test_relationship_model_flags_self_report_only_sources(qtmodeltester: Any, demo: CaseRecord) -> None:
    model = RelationshipsModel()
    model.set_record(demo)
    qtmodeltester.check(model)
    sources = [model.index(n, 5).data() for n in range(model.rowCount())]
    assert any(text.startswith("⚠ Self-report only") for text in sources)
    assert any(text.startswith("Agency record: Kirkhaven Constabulary") for text in sources)
    kinds = {model.index(n, 0).data() for n in range(model.rowCount())}
    assert {"Partnership", "Parent", "Abuse", "Emotional"} <= kinds


def test_households_and_warnings_models(qtmodeltester: Any, demo: CaseRecord) -> None:
    households = HouseholdsModel()
    households.set_record(demo)
    qtmodeltester.check(households)
    roles = {households.index(n, 2).data() for n in range(households.rowCount())}
    assert roles == {"Resident", "Regular visitor"}
    warnings = WarningsModel()
    warnings.set_contents(demo, [Issue(Severity.WARNING, "x", "Something odd about Kai Hurst", ("p-kai",))])
    qtmodeltester.check(warnings)
    assert warnings.index(0, 1).data() == "Something odd about Kai Hurst"
    assert warnings.row_people(warnings.row_at(0)) == ("p-kai",)


def test_case_list_model_searches_names_too(qtmodeltester: Any, store: Store, demo: CaseRecord) -> None:
    model = CaseListModel()
    model.set_cases(store.list_cases(), {demo.case.id: "Rowan Pryce Kayleigh Ashby"})
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "DEMO-0001"
    assert "Kayleigh" in model.index(0, 0).data(SEARCH_ROLE)
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Updated"
    assert len(model.index(0, 4).data().split("/")) == 3


def test_empty_models_pass_the_model_tester(qtmodeltester: Any, store: Store, demo: CaseRecord) -> None:
    empty = CaseRecord(demo.case)
    for model in (PeopleModel(), RelationshipsModel(), HouseholdsModel()):
        model.set_record(empty)
        qtmodeltester.check(model)
        assert model.rowCount() == 0


def test_a_new_relationship_joins_its_own_group_and_a_restored_one_returns_to_its_place(demo: CaseRecord) -> None:
    from genorisk.domain import editing
    from genorisk.domain.entities import Partnership

    model = RelationshipsModel()
    model.set_record(demo)
    before = [row.id for row in model.rows]
    first = demo.partnerships[0]
    model.set_record(demo.with_entities(removed=(first,)))
    model.set_record(demo)  # Undo
    assert [row.id for row in model.rows] == before
    union = editing.new_partnership(demo.case.id, "p-kayleigh", "p-michael")
    model.set_record(demo.with_entities(put=(union,)))
    categories = [row.category for row in model.rows]
    first_parent_row = categories.index("Parent")
    assert "Partnership" not in categories[first_parent_row:], "partnerships stay together, above parentage"
    partnerships = [row.id for row in model.rows if isinstance(row.entity, Partnership)]
    assert partnerships[-1] == union.id, "the new partnership is the last of the partnerships, not of the table"
