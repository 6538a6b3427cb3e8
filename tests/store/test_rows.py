"""The row codec: the decoder compiled per entity type reads exactly what the generic codec reads."""

from __future__ import annotations

from typing import Any

import pytest

from genorisk.domain.record import CaseRecord
from genorisk.domain.serial import DecodeError
from genorisk.genogram.synthetic import synthetic_case
from genorisk.store import rows
from genorisk.store.repository import Store


def _stored_rows(store: Store, case_id: str) -> list[tuple[type, dict[str, Any]]]:
    from genorisk.store.catalogue import ENTITY_TABLE_NAMES, statements

    with store.reading() as connection:
        return [(kind, dict(row)) for kind in ENTITY_TABLE_NAMES
                for row in connection.execute(statements(kind).select_case, (case_id,))]


def test_every_demo_and_synthetic_row_decodes_the_same_both_ways(store: Store, demo: CaseRecord) -> None:
    case, entities = synthetic_case(120, seed=11)
    store.create_case(case, entities)
    found = _stored_rows(store, demo.case.id) + _stored_rows(store, case.id)
    kinds = {kind for kind, _ in found}
    assert len(kinds) >= 15, "the demo should exercise most tables"
    for kind, row in found:
        # the compiled reader itself, not row_to_entity (which falls back to the generic codec on any error)
        assert rows._compile_decoder(kind)(row) == rows._decode_generic(kind, row)


def test_a_stored_row_survives_a_round_trip_through_the_codec(demo: CaseRecord) -> None:
    for entity in demo.entities():
        assert rows.row_to_entity(type(entity), rows.entity_to_row(entity)) == entity


@pytest.mark.parametrize(("column", "value", "complaint"), [
    ("sex", "dragon", "sex"),
    ("date_of_birth", "31/31/2020", "date_of_birth"),
    ("deceased", "yes", "deceased"),
    ("given_names", None, "given_names"),
])
def test_a_bad_column_is_named_by_the_error(demo: CaseRecord, column: str, value: Any, complaint: str) -> None:
    person = demo.people[0]
    row = rows.entity_to_row(person)
    row[column] = value
    with pytest.raises(DecodeError, match=complaint):
        rows.row_to_entity(type(person), row)


def test_integer_flags_from_sqlite_come_back_as_booleans(demo: CaseRecord) -> None:
    person = demo.people[0]
    row = rows.entity_to_row(person) | {"deceased": 1}
    assert rows.row_to_entity(type(person), row).deceased is True
