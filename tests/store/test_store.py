"""The store against a real SQLite file: durability settings, migrations, transactions, undo."""

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from genorisk.domain import editing
from genorisk.domain.commands import Command, ConflictError, Put
from genorisk.domain.entities import ParentChildLink, Person
from genorisk.domain.validation import ValidationFailed
from genorisk.domain.values import PartnershipKind, Sex
from genorisk.store import rows
from genorisk.store.catalogue import ENTITY_TABLE_NAMES
from genorisk.store.database import current_revision, head_revision
from genorisk.store.repository import CaseNotFound, Store, StoreError
from genorisk.store.schema import ENTITY_TABLES
from tests.builders import Family, make_case, same_content


def test_every_connection_is_durable_and_enforces_foreign_keys(store: Store) -> None:
    for _ in range(3):  # a new DB-API connection each time
        with store.reading() as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with store.transaction() as connection:
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.in_transaction


def test_a_new_database_is_migrated_to_the_newest_schema(store: Store) -> None:
    assert current_revision(store.path) == head_revision()


def test_every_entity_table_has_exactly_the_columns_its_entity_needs() -> None:
    for kind, table in ENTITY_TABLES.items():
        columns = [c.name for c in table.__table__.columns]  # type: ignore[attr-defined]
        assert sorted(columns) == sorted(rows.column_names(kind)), kind.__name__


def test_the_runtime_catalogue_names_the_tables_the_schema_declares() -> None:
    """The store runs without SQLAlchemy, from its own catalogue: it must match the SQLModel schema."""
    declared = {kind: table.__tablename__ for kind, table in ENTITY_TABLES.items()}  # type: ignore[attr-defined]
    assert list(ENTITY_TABLE_NAMES.items()) == list(declared.items())


def test_every_table_in_a_migrated_database_has_the_catalogued_columns(store: Store) -> None:
    with store.reading() as connection:
        for kind, name in ENTITY_TABLE_NAMES.items():
            stored = [row["name"] for row in connection.execute(f'PRAGMA table_info("{name}")')]
            assert sorted(stored) == sorted(rows.column_names(kind)), name


def test_opening_an_up_to_date_database_does_not_load_sqlalchemy(store: Store, tmp_path: Path) -> None:
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from genorisk.store.repository import Store; "
              "s = Store.open(Path(sys.argv[1])); s.list_cases(); "
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'alembic')))")
    shown = subprocess.run([sys.executable, "-c", script, str(store.path)], capture_output=True, text=True,
                           check=True, cwd=Path(__file__).resolve().parents[2])
    assert shown.stdout.strip() == "[]"


def test_a_file_that_is_not_a_database_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    from genorisk.store.database import DatabaseError

    path = tmp_path / "notes.db"
    path.write_text("shopping list\n" * 200)
    with pytest.raises(DatabaseError, match="cannot be opened as a genorisk database"):
        Store.open(path)
    assert path.read_text().startswith("shopping list")


def downgrade(path: Path, revision: str) -> None:
    from alembic import command

    from genorisk.store.database import alembic_config, make_engine

    engine = make_engine(path)
    command.downgrade(alembic_config(engine), revision)
    engine.dispose()


def test_an_older_database_is_backed_up_with_the_backup_api_before_upgrading(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = Store.open(path)
    store.create_case(make_case("OLD-1"))
    store.close()
    downgrade(path, "-1")
    assert current_revision(path) != head_revision()
    Store.open(path)
    assert current_revision(path) == head_revision()
    (backup,) = (tmp_path / "backups").glob("old-before-*.db")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_change_is_saved_immediately_and_survives_reopening(store: Store, demo: object) -> None:
    record = store.load_by_reference("DEMO-0001")
    mum = record.person("p-kayleigh")
    store.apply(editing.update_entity(record, replace(mum, known_as="Kay")))
    fresh = Store.open(store.path)
    assert fresh.load_by_reference("DEMO-0001").person("p-kayleigh").known_as == "Kay"
    assert fresh.audit_log(record.case.id)[-1].action == "Edit Kayleigh Ashby"
    assert fresh.audit_log(record.case.id)[-1].user == "Test Practitioner"


def test_undo_restores_the_database_exactly(store: Store) -> None:
    family = Family()
    family.person("mum", Sex.FEMALE, "1990")
    before = store.create_case(family.case, family.entities)
    jo = Person(id="jo", case_id=family.case.id, given_names="Jo", family_name="Smith")
    add = editing.add_partner(before, "mum", jo,
                              editing.new_partnership(family.case.id, "mum", "jo", PartnershipKind.DATING))
    store.apply(add)
    store.undo(add)
    assert same_content(Store.open(store.path).load(family.case.id), before)


def test_an_error_stops_the_change_and_nothing_is_written(store: Store) -> None:
    family = Family()
    family.person("a")
    family.person("b")
    family.child("b", "a")
    record = store.create_case(family.case, family.entities)
    loop = Command("Make a loop", (Put(ParentChildLink(id="loop", case_id=family.case.id, parent_id="b",
                                                         child_id="a")),))
    with pytest.raises(ValidationFailed, match="own ancestor"):
        store.apply(loop)
    assert same_content(Store.open(store.path).load(family.case.id), record)


def test_a_failure_midway_rolls_back_the_whole_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    family = Family()
    family.person("mum", Sex.FEMALE)
    record = store.create_case(family.case, family.entities)
    kid = Person(id="kid", case_id=family.case.id, given_names="Kit")
    add = editing.add_child(record, kid, ("mum",))

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "_audit", fail)
    with pytest.raises(OSError):
        store.apply(add)
    assert store.load(family.case.id) == record
    with store.reading() as connection:
        assert connection.execute("select count(*) from person where id='kid'").fetchone()[0] == 0


def test_stale_commands_are_refused(store: Store) -> None:
    family = Family()
    family.person("mum", Sex.FEMALE)
    record = store.create_case(family.case, family.entities)
    first = editing.update_entity(record, replace(record.person("mum"), known_as="A"))
    second = editing.update_entity(record, replace(record.person("mum"), known_as="B"))
    store.apply(first)
    with pytest.raises(ConflictError):
        store.apply(second)


def test_warnings_are_stored_and_listable(store: Store) -> None:
    family = Family()
    family.person("kid", Sex.MALE, "2020", is_subject_child=True)
    record = store.create_case(family.case, family.entities)
    assert [w.code for w in store.warnings(record.case.id)] == ["subject-without-parent"]
    mum = Person(id="mum", case_id=family.case.id, given_names="Ann", sex=Sex.FEMALE)
    store.apply(editing.add_parents(record, "kid", (mum,)))
    assert store.warnings(record.case.id) == []


def test_case_references_are_unique_and_unknown_ones_are_named(store: Store) -> None:
    store.create_case(make_case("DUP-1", "c1"))
    with pytest.raises(StoreError, match="DUP-1"):
        store.create_case(make_case("DUP-1", "c2"))
    with pytest.raises(CaseNotFound, match="NOPE"):
        store.load_by_reference("NOPE")


def test_backup_to_makes_a_consistent_copy(store: Store, demo: object, tmp_path: Path) -> None:
    copy = store.backup_to(tmp_path / "copy.db")
    assert Store.open(copy).load_by_reference("DEMO-0001") == store.load_by_reference("DEMO-0001")


def test_the_data_directory_follows_genorisk_home(private_home: Path) -> None:
    from genorisk.store import paths

    assert paths.database_path() == private_home / "genorisk.db"


def test_editing_the_case_itself_can_be_undone_and_redone(store: Store) -> None:
    family = Family()
    family.person("mum", Sex.FEMALE)
    record = store.create_case(family.case, family.entities)
    rename = editing.update_entity(record, replace(record.case, title="Renamed family"))
    assert store.apply(rename).case.title == "Renamed family"
    assert store.undo(rename).case.title == "Test family"
    assert store.apply(rename).case.title == "Renamed family"
    assert Store.open(store.path).load(family.case.id).case.title == "Renamed family"


def test_the_schema_head_known_at_start_up_is_the_newest_migration() -> None:
    from genorisk.store.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_importing_a_case_already_stored_is_refused_without_showing_its_contents(store: Store, demo: object) -> None:
    from genorisk.interop.bundle import demo_bundle

    bundle = demo_bundle()
    renamed = replace(bundle.case, reference="AGAIN-1")
    with pytest.raises(StoreError, match="already in the database") as refused:
        store.create_case(renamed, bundle.entities)
    assert "Kayleigh" not in str(refused.value) and "Fellside" not in str(refused.value)


def test_a_record_changed_underneath_the_cache_is_a_conflict_not_a_silent_success(store: Store) -> None:
    family = Family()
    family.person("mum", Sex.FEMALE)
    record = store.create_case(family.case, family.entities)
    with store.transaction() as connection:  # another tool deletes the person behind our back
        connection.execute("DELETE FROM person WHERE id = 'mum'")
    with pytest.raises(ConflictError):
        store.apply(editing.update_entity(record, replace(record.person("mum"), known_as="M")))


def test_a_commit_refused_by_a_foreign_key_raises_that_error_and_leaves_nothing_open(store: Store) -> None:
    from contextlib import closing

    from genorisk.store.catalogue import statements
    from genorisk.store.database import connect, write_transaction

    family = Family()
    family.person("mum", Sex.FEMALE)
    record = store.create_case(family.case, family.entities)
    ghost = Person(id="ghost", case_id="no-such-case", given_names="Ghost")
    with closing(connect(store.path)) as connection:  # one connection, kept open to look at afterwards
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), write_transaction(connection):
            connection.execute(statements(Person).insert, rows.entity_to_row(ghost))
        assert not connection.in_transaction, "a refused COMMIT is rolled back, not left open"
        assert connection.execute("SELECT count(*) FROM person WHERE id = 'ghost'").fetchone()[0] == 0
    store.apply(editing.update_entity(record, replace(record.person("mum"), known_as="M")))  # the store goes on
    assert Store.open(store.path).load(family.case.id).person("mum").known_as == "M"


def test_changes_from_two_threads_are_kept_in_the_database_and_in_the_cache(store: Store) -> None:
    import threading

    family = Family()
    family.person("root")
    case_id = store.create_case(family.case, family.entities).case.id

    def add_children(prefix: str) -> None:
        for number in range(25):
            kid = Person(id=f"{prefix}{number}", case_id=case_id, given_names=f"Kid {prefix}{number}")
            store.apply(editing.add_child(store.load(case_id), kid, ("root",)))

    workers = [threading.Thread(target=add_children, args=(prefix,)) for prefix in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    cached, on_disk = store.load(case_id), Store.open(store.path).load(case_id)
    assert {p.id for p in cached.people} == {p.id for p in on_disk.people}
    assert len(on_disk.people) == 51


def test_an_error_after_sqlite_rolled_back_by_itself_is_the_error_raised(store: Store) -> None:
    """On disk full or an I/O error SQLite rolls back by itself; the store must not then hide the real
    error behind 'cannot rollback - no transaction is active'."""
    with pytest.raises(OSError, match="disk full"), store.transaction() as connection:
        connection.execute("ROLLBACK")  # what SQLite does by itself
        raise OSError("disk full")
