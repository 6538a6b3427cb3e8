"""The repository: load whole cases as immutable records and apply named commands durably.

Nothing outside the store sees an ORM row. Every change is one :class:`Command` applied in one
transaction, checked against the record it was built from, validated (errors stop it, warnings are
stored) and written to the audit log under the user's name.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from genorisk.domain.commands import Command, ConflictError, Put, Remove
from genorisk.domain.entities import Case, Entity, Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.validation import Issue, Severity, ValidationFailed, validate
from genorisk.domain.values import CaseStatus
from genorisk.store import paths
from genorisk.store.catalogue import (
    AUDIT_TABLE,
    ENTITY_TABLE_NAMES,
    WARNING_TABLE,
    TableStatements,
    UnknownEntityType,
    statements,
    table_name,
)
from genorisk.store.database import backup, connect, open_database, write_transaction
from genorisk.store.rows import entity_to_row, row_to_entity

P = ParamSpec("P")
T = TypeVar("T")


class StoreError(RuntimeError):
    """A request the store cannot carry out, e.g. a duplicate case reference."""


class CaseNotFound(StoreError, LookupError):
    """No case has the reference or id asked for."""


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One line of the case list."""

    id: str
    reference: str
    title: str
    status: CaseStatus
    updated_at: datetime
    people: int


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    user: str
    action: str
    case_id: str


def _serialised(method: Callable[Concatenate[Store, P], T]) -> Callable[Concatenate[Store, P], T]:
    """Run a store method holding the store's lock (one change at a time, cache included)."""

    def locked(store: Store, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with store._lock:
            return method(store, *args, **kwargs)

    locked.__name__, locked.__qualname__, locked.__doc__ = method.__name__, method.__qualname__, method.__doc__
    return locked


class Store:
    """One open genorisk database. Records are cached per case after first load.

    Each operation opens its own connection, with the durable pragmas set by
    :func:`genorisk.store.database.connect`. A store may be used from a worker thread (imports run off
    the GUI thread): one lock serialises its changes and its cache, so two changes never interleave
    between checking a case and writing it.
    """

    def __init__(self, path: Path, user: str = "") -> None:
        self.path = path
        self.user = user or "unknown user"
        self._cache: dict[str, CaseRecord] = {}
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | None = None, user: str = "") -> Store:
        """Open the database (the user data directory's by default), upgrading it if needed."""
        path = path or paths.database_path()
        backups = path.parent / "backups"
        return cls(open_database(path, backups), user)

    def close(self) -> None:
        """Nothing is held open between operations; kept so callers can say when they are done."""
        self._cache.clear()

    # --- connections ------------------------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads (each statement sees committed data only)."""
        with closing(connect(self.path)) as connection:
            yield connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT); rolled back whole on any error."""
        with closing(connect(self.path)) as connection, write_transaction(connection):
            yield connection

    # --- reading ----------------------------------------------------------------------------------
    def list_cases(self) -> list[CaseSummary]:
        """Every case, most recently updated first."""
        with self.reading() as connection:
            counts = {
                str(case_id): int(count)
                for case_id, count in connection.execute(
                    f'SELECT case_id, count(id) FROM "{table_name(Person)}" GROUP BY case_id')
            }
            rows = connection.execute(f'SELECT * FROM "{table_name(Case)}"').fetchall()
        summaries = []
        for row in rows:
            case = row_to_entity(Case, dict(row))
            summaries.append(
                CaseSummary(case.id, case.reference, case.title, case.status, case.updated_at,
                            counts.get(case.id, 0))
            )
        return sorted(summaries, key=lambda s: s.updated_at, reverse=True)

    def case_id_for(self, reference: str) -> str:
        """The id of the case with this reference; StoreError naming the reference if none."""
        with self.reading() as connection:
            found = connection.execute(f'SELECT id FROM "{table_name(Case)}" WHERE reference = ?',
                                       (reference,)).fetchone()
        if found is None:
            raise CaseNotFound(f"no case with reference '{reference}'")
        return str(found[0])

    def load(self, case_id: str) -> CaseRecord:
        """The whole case as an immutable record."""
        cached = self._cache.get(case_id)  # a dict read is atomic: no need to wait for a change in progress
        if cached is not None:
            return cached
        with self._lock:
            with self.reading() as connection:
                connection.execute("BEGIN")  # one snapshot: every table read as of the same moment
                try:
                    record = self._read(connection, case_id)
                finally:
                    if connection.in_transaction:
                        connection.execute("COMMIT")
            self._cache[case_id] = record
            return record

    def forget(self, case_id: str) -> None:
        """Drop the cached copy of a case so the next load reads the database."""
        with self._lock:
            self._cache.pop(case_id, None)

    def load_by_reference(self, reference: str) -> CaseRecord:
        return self.load(self.case_id_for(reference))

    def _read(self, connection: sqlite3.Connection, case_id: str) -> CaseRecord:
        # One indexed query per table; the row codec does the typing.
        case_rows = connection.execute(statements(Case).select_case, (case_id,)).fetchall()
        if not case_rows:
            raise CaseNotFound(f"no case with id {case_id}")
        entities: list[Entity] = []
        for kind in ENTITY_TABLE_NAMES:
            if kind is Case:
                continue
            entities += [row_to_entity(kind, dict(row))
                         for row in connection.execute(statements(kind).select_case, (case_id,))]
        return CaseRecord.build(row_to_entity(Case, dict(case_rows[0])), entities)

    def warnings(self, case_id: str) -> list[Issue]:
        """The warnings stored by the case's last change."""
        with self.reading() as connection:
            rows = connection.execute(
                f"SELECT code, message, person_ids FROM {WARNING_TABLE} WHERE case_id = ? ORDER BY id", (case_id,))
            return [Issue(Severity.WARNING, row["code"], row["message"], tuple(json.loads(row["person_ids"])))
                    for row in rows]

    def audit_log(self, case_id: str) -> list[AuditEntry]:
        with self.reading() as connection:
            rows = connection.execute(
                f'SELECT at, "user", action, case_id FROM {AUDIT_TABLE} WHERE case_id = ? ORDER BY id', (case_id,))
            return [AuditEntry(datetime.fromisoformat(r["at"]), r["user"], r["action"], r["case_id"]) for r in rows]

    # --- writing ----------------------------------------------------------------------------------
    def create_case(self, case: Case, entities: Iterable[Entity] = (), action: str = "") -> CaseRecord:
        """Add a new case (and, for imports, all its records) in one transaction, after validating.

        Validation runs before the store's lock is taken, so a big import checked off the GUI thread
        does not hold up the practitioner's own changes while it is checked."""
        record = CaseRecord.build(case, entities)
        issues = validate(record)
        errors = [issue for issue in issues if issue.severity is Severity.ERROR]
        if errors:
            raise ValidationFailed(errors)
        return self._write_new_case(record, issues, action)

    @_serialised
    def _write_new_case(self, record: CaseRecord, issues: list[Issue], action: str) -> CaseRecord:
        case = record.case
        with self.transaction() as connection:
            exists = connection.execute(f'SELECT 1 FROM "{table_name(Case)}" WHERE reference = ?',
                                        (case.reference,)).fetchone()
            if exists:
                raise StoreError(f"a case with reference '{case.reference}' already exists")
            self._refuse_existing_ids(connection, record)
            connection.execute(statements(Case).insert, entity_to_row(case))
            for entity in record.entities():
                connection.execute(_statements(type(entity)).insert, entity_to_row(entity))
            self._write_warnings(connection, case.id, issues)
            self._audit(connection, case.id, action or f"Create case {case.reference}", len(record.tables))
        self._cache[case.id] = record
        return record

    @_serialised
    def apply(self, command: Command, *, undo: bool = False) -> CaseRecord:
        """Apply a command in one transaction and return the case after it.

        Raises ValidationFailed (nothing written) if the result has errors, ConflictError if the
        command was built against a state the case is no longer in.
        """
        case_ids = command.case_ids
        if len(case_ids) != 1:
            raise StoreError("a command changes exactly one case")
        (case_id,) = case_ids
        before = self.load(case_id)
        after = command.apply_to(before)
        issues = validate(after)
        errors = [issue for issue in issues if issue.severity is Severity.ERROR]
        # An error already in the case (e.g. from an old import) does not block unrelated edits; compare
        # by code and people, not by message, which names them and changes when they are renamed.
        if errors:
            existing = {(i.code, i.person_ids) for i in validate(before) if i.severity is Severity.ERROR}
            new_errors = [issue for issue in errors if (issue.code, issue.person_ids) not in existing]
            if new_errors:
                raise ValidationFailed(new_errors)
        now = datetime.now(UTC)
        after = after.with_entities(put=(replace(after.case, updated_at=now),))
        try:
            with self.transaction() as connection:
                for change in command.changes:
                    if isinstance(change, Put):
                        entity = change.new
                        if isinstance(entity, Case):
                            entity = replace(entity, updated_at=now)
                        row = entity_to_row(entity)
                        if change.old is None:
                            connection.execute(_statements(type(entity)).insert, row)
                        else:
                            done = connection.execute(_statements(type(entity)).update, row)
                            _expect_one(done.rowcount, entity)
                    elif isinstance(change, Remove):
                        done = connection.execute(_statements(type(change.old)).delete, (change.old.id,))
                        _expect_one(done.rowcount, change.old)
                connection.execute(f'UPDATE "{table_name(Case)}" SET updated_at = ? WHERE id = ?',
                                   (now.isoformat(), case_id))
                self._write_warnings(connection, case_id, issues)
                self._audit(connection, case_id, ("Undo " if undo else "") + command.name, len(command.changes))
        except Exception:
            self._cache.pop(case_id, None)
            raise
        self._cache[case_id] = after
        return after

    def undo(self, command: Command) -> CaseRecord:
        """Revert a command previously applied."""
        return self.apply(command.inverse(), undo=True)

    @_serialised
    def delete_case(self, case_id: str) -> None:
        """Remove a case and everything in it, in one transaction."""
        record = self.load(case_id)
        with self.transaction() as connection:
            for kind in reversed(list(ENTITY_TABLE_NAMES)):
                connection.execute(statements(kind).delete_case, (case_id,))
            connection.execute(f"DELETE FROM {WARNING_TABLE} WHERE case_id = ?", (case_id,))
            self._audit(connection, case_id, f"Delete case {record.case.reference}", 0)
        self._cache.pop(case_id, None)

    def backup_to(self, destination: Path) -> Path:
        """A consistent copy of the whole database, through the SQLite backup API."""
        return backup(self.path, destination)

    # --- helpers ----------------------------------------------------------------------------------
    def _refuse_existing_ids(self, connection: sqlite3.Connection, record: CaseRecord) -> None:
        """Refuse, naming only ids, a case whose records are already stored (e.g. imported twice)."""
        for kind in ENTITY_TABLE_NAMES:
            ids = [record.case.id] if kind is Case else [e.id for e in record.all(kind)]
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ", ".join("?" * len(chunk))
                clash = connection.execute(
                    f'SELECT id FROM "{table_name(kind)}" WHERE id IN ({marks}) LIMIT 1', chunk).fetchone()
                if clash is not None:
                    raise StoreError(
                        f"this case is already in the database (its {kind.__name__} record {clash[0]} is stored): "
                        "it may have been imported before")

    def _write_warnings(self, connection: sqlite3.Connection, case_id: str, issues: list[Issue]) -> None:
        connection.execute(f"DELETE FROM {WARNING_TABLE} WHERE case_id = ?", (case_id,))
        connection.executemany(
            f"INSERT INTO {WARNING_TABLE} (case_id, code, message, person_ids) VALUES (?, ?, ?, ?)",
            [(case_id, i.code, i.message, json.dumps(list(i.person_ids)))
             for i in issues if i.severity is Severity.WARNING],
        )

    def _audit(self, connection: sqlite3.Connection, case_id: str, action: str, changes: int) -> None:
        connection.execute(
            f'INSERT INTO {AUDIT_TABLE} (case_id, at, "user", action, changes) VALUES (?, ?, ?, ?, ?)',
            (case_id, datetime.now(UTC).isoformat(), self.user, action, json.dumps({"count": changes})),
        )


def _statements(kind: type[Entity]) -> TableStatements:
    """The statements for an entity type, or StoreError naming a type the store cannot keep."""
    try:
        return statements(kind)
    except UnknownEntityType as unknown:
        raise StoreError(str(unknown)) from None


def _expect_one(rowcount: int, entity: Entity) -> None:
    """The database must have held the record the command changes; otherwise it changed underneath."""
    if rowcount != 1:
        raise ConflictError(f"{entity.summary} is no longer stored as this change expected")
