"""The repository: load whole cases as immutable records and apply named commands durably.

Nothing outside the store sees an ORM row. Every change is one :class:`Command` applied in one
transaction, checked against the record it was built from, validated (errors stop it, warnings are
stored) and written to the audit log under the user's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from genorisk.domain.commands import Command, ConflictError, Put, Remove
from genorisk.domain.entities import Case, Entity
from genorisk.domain.record import CaseRecord
from genorisk.domain.validation import Issue, Severity, ValidationFailed, validate
from genorisk.domain.values import CaseStatus
from genorisk.store import paths
from genorisk.store.database import backup, open_database
from genorisk.store.rows import entity_to_row, row_to_entity
from genorisk.store.schema import ENTITY_TABLES
from genorisk.store.tables import AuditEntryRow, CaseRow, PersonRow, ValidationWarningRow


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


def _table(kind: type[Entity]) -> Any:
    try:
        return ENTITY_TABLES[kind].__table__  # type: ignore[attr-defined]
    except KeyError:
        raise StoreError(f"{kind.__name__} records have no table") from None


class Store:
    """One open genorisk database. Single writer; records are cached per case after first load."""

    def __init__(self, engine: Engine, path: Path | None = None, user: str = "") -> None:
        self.engine = engine
        self.path = path
        self.user = user or "unknown user"
        self._cache: dict[str, CaseRecord] = {}

    @classmethod
    def open(cls, path: Path | None = None, user: str = "") -> Store:
        """Open the database (the user data directory's by default), upgrading it if needed."""
        path = path or paths.database_path()
        backups = path.parent / "backups"
        return cls(open_database(path, backups), path, user)

    def close(self) -> None:
        self.engine.dispose()

    # --- transactions -----------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT); rolled back whole on any error."""
        with self.engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            yield connection

    # --- reading ----------------------------------------------------------------------------------
    def list_cases(self) -> list[CaseSummary]:
        """Every case, most recently updated first."""
        person = PersonRow.__table__  # type: ignore[attr-defined]
        with self.engine.connect() as connection:
            counts: dict[str, int] = dict(
                connection.execute(
                    select(person.c.case_id, func.count(person.c.id)).group_by(person.c.case_id)
                ).all()
            )
            rows = connection.execute(select(_table(Case))).mappings().all()
        summaries = []
        for row in rows:
            case = row_to_entity(Case, dict(row))
            summaries.append(
                CaseSummary(case.id, case.reference, case.title, case.status, case.updated_at,
                            int(counts.get(case.id, 0)))
            )
        return sorted(summaries, key=lambda s: s.updated_at, reverse=True)

    def case_id_for(self, reference: str) -> str:
        """The id of the case with this reference; StoreError naming the reference if none."""
        with self.engine.connect() as connection:
            found = connection.execute(
                select(CaseRow.__table__.c.id).where(CaseRow.__table__.c.reference == reference)  # type: ignore[attr-defined]
            ).scalar()
        if found is None:
            raise CaseNotFound(f"no case with reference '{reference}'")
        return str(found)

    def load(self, case_id: str) -> CaseRecord:
        """The whole case as an immutable record."""
        cached = self._cache.get(case_id)
        if cached is not None:
            return cached
        with self.engine.connect() as connection:
            record = self._read(connection, case_id)
        self._cache[case_id] = record
        return record

    def forget(self, case_id: str) -> None:
        """Drop the cached copy of a case so the next load reads the database."""
        self._cache.pop(case_id, None)

    def load_by_reference(self, reference: str) -> CaseRecord:
        return self.load(self.case_id_for(reference))

    def _read(self, connection: Connection, case_id: str) -> CaseRecord:
        # Plain SQL on the driver: one indexed query per table, no statement compilation, so opening a
        # case stays fast (the row codec does the typing).
        case_rows = _rows(connection, f'SELECT * FROM "{_table(Case).name}" WHERE id = ?', case_id)
        if not case_rows:
            raise CaseNotFound(f"no case with id {case_id}")
        entities: list[Entity] = []
        for kind in ENTITY_TABLES:
            if kind is Case:
                continue
            query = f'SELECT * FROM "{_table(kind).name}" WHERE case_id = ? ORDER BY rowid'
            entities += [row_to_entity(kind, row) for row in _rows(connection, query, case_id)]
        return CaseRecord.build(row_to_entity(Case, case_rows[0]), entities)

    def warnings(self, case_id: str) -> list[Issue]:
        """The warnings stored by the case's last change."""
        table = ValidationWarningRow.__table__  # type: ignore[attr-defined]
        with self.engine.connect() as connection:
            rows = connection.execute(select(table).where(table.c.case_id == case_id).order_by(table.c.id)).mappings()
            return [
                Issue(Severity.WARNING, row["code"], row["message"], tuple(json.loads(row["person_ids"])))
                for row in rows
            ]

    def audit_log(self, case_id: str) -> list[AuditEntry]:
        table = AuditEntryRow.__table__  # type: ignore[attr-defined]
        with self.engine.connect() as connection:
            rows = connection.execute(select(table).where(table.c.case_id == case_id).order_by(table.c.id)).mappings()
            return [AuditEntry(datetime.fromisoformat(r["at"]), r["user"], r["action"], r["case_id"]) for r in rows]

    # --- writing ----------------------------------------------------------------------------------
    def create_case(self, case: Case, entities: Iterable[Entity] = (), action: str = "") -> CaseRecord:
        """Add a new case (and, for imports, all its records) in one transaction, after validating."""
        record = CaseRecord.build(case, entities)
        issues = validate(record)
        errors = [issue for issue in issues if issue.severity is Severity.ERROR]
        if errors:
            raise ValidationFailed(errors)
        with self.transaction() as connection:
            exists = connection.execute(
                select(_table(Case).c.id).where(_table(Case).c.reference == case.reference)
            ).first()
            if exists:
                raise StoreError(f"a case with reference '{case.reference}' already exists")
            self._refuse_existing_ids(connection, record)
            connection.execute(insert(_table(Case)).values(**entity_to_row(case)))
            for entity in record.entities():
                connection.execute(insert(_table(type(entity))).values(**entity_to_row(entity)))
            self._write_warnings(connection, case.id, issues)
            self._audit(connection, case.id, action or f"Create case {case.reference}", len(record.tables))
        self._cache[case.id] = record
        return record

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
                        table = _table(type(entity))
                        row = entity_to_row(entity)
                        if change.old is None:
                            connection.execute(insert(table).values(**row))
                        else:
                            done = connection.execute(update(table).where(table.c.id == entity.id).values(**row))
                            _expect_one(done.rowcount, entity)
                    elif isinstance(change, Remove):
                        table = _table(type(change.old))
                        done = connection.execute(delete(table).where(table.c.id == change.old.id))
                        _expect_one(done.rowcount, change.old)
                connection.execute(
                    update(_table(Case)).where(_table(Case).c.id == case_id).values(updated_at=now.isoformat())
                )
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

    def delete_case(self, case_id: str) -> None:
        """Remove a case and everything in it, in one transaction."""
        record = self.load(case_id)
        with self.transaction() as connection:
            for kind in reversed(list(ENTITY_TABLES)):
                table = _table(kind)
                column = table.c.id if kind is Case else table.c.case_id
                connection.execute(delete(table).where(column == case_id))
            warnings = ValidationWarningRow.__table__  # type: ignore[attr-defined]
            connection.execute(delete(warnings).where(warnings.c.case_id == case_id))
            self._audit(connection, case_id, f"Delete case {record.case.reference}", 0)
        self._cache.pop(case_id, None)

    def backup_to(self, destination: Path) -> Path:
        """A consistent copy of the whole database, through the SQLite backup API."""
        if self.path is None:
            raise StoreError("this store has no file to back up")
        return backup(self.path, destination)

    # --- helpers ----------------------------------------------------------------------------------
    def _refuse_existing_ids(self, connection: Connection, record: CaseRecord) -> None:
        """Refuse, naming only ids, a case whose records are already stored (e.g. imported twice)."""
        for kind in ENTITY_TABLES:
            ids = [record.case.id] if kind is Case else [e.id for e in record.all(kind)]
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                table = _table(kind)
                clash = connection.execute(select(table.c.id).where(table.c.id.in_(chunk)).limit(1)).scalar()
                if clash is not None:
                    raise StoreError(
                        f"this case is already in the database (its {kind.__name__} record {clash} is stored): "
                        "it may have been imported before")

    def _write_warnings(self, connection: Connection, case_id: str, issues: list[Issue]) -> None:
        table = ValidationWarningRow.__table__  # type: ignore[attr-defined]
        connection.execute(delete(table).where(table.c.case_id == case_id))
        rows = [
            {"case_id": case_id, "code": i.code, "message": i.message, "person_ids": json.dumps(list(i.person_ids))}
            for i in issues
            if i.severity is Severity.WARNING
        ]
        if rows:
            connection.execute(insert(table), rows)

    def _audit(self, connection: Connection, case_id: str, action: str, changes: int) -> None:
        connection.execute(
            insert(AuditEntryRow.__table__).values(  # type: ignore[attr-defined]
                case_id=case_id,
                at=datetime.now(UTC).isoformat(),
                user=self.user,
                action=action,
                changes=json.dumps({"count": changes}),
            )
        )


def _rows(connection: Connection, query: str, *parameters: Any) -> list[dict[str, Any]]:
    cursor = connection.exec_driver_sql(query, parameters)
    names = list(cursor.keys())
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _expect_one(rowcount: int, entity: Entity) -> None:
    """The database must have held the record the command changes; otherwise it changed underneath."""
    if rowcount != 1:
        raise ConflictError(f"{entity.summary} is no longer stored as this change expected")
