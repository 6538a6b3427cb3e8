"""Opening the SQLite database: durable pragmas on every connection, backup, then migrations.

Every connection gets journal_mode=WAL, synchronous=FULL and foreign_keys=ON. Before migrations run
on an existing database, a copy is taken with the SQLite backup API (never a file copy: a live WAL
database may have committed pages outside the main file).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.pool import NullPool

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SCHEMA_HEAD = "0003"
"""The newest migration's revision. Known without loading Alembic, so a start-up on an up-to-date
database never imports it; tests/store checks it against the migration scripts."""
BACKUPS_KEPT = 10

PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=FULL",
    "foreign_keys=ON",
    "busy_timeout=5000",
    "secure_delete=ON",
    "temp_store=MEMORY",
)


class DatabaseError(RuntimeError):
    """The database cannot be opened or upgraded; the message says why and what was kept."""


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite opens transactions lazily; take control so BEGIN is explicit (SQLAlchemy recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path) -> Engine:
    """An engine whose every connection is durable and enforces foreign keys."""
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool, future=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest revision among the migration scripts (loads Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, or None for a new database."""
    with engine.connect() as connection:
        try:
            value = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except exc.OperationalError:  # no alembic_version table yet
            return None
    return str(value) if value is not None else None


def backup(engine_path: Path, destination: Path) -> Path:
    """Copy a live database with the SQLite backup API."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(engine_path)
    try:
        target = sqlite3.connect(destination)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return destination


def open_database(path: Path, backups: Path | None = None) -> Engine:
    """Open (creating if needed) and upgrade the database at ``path``.

    An existing database behind the newest schema is first backed up (SQLite backup API) into
    ``backups``; the upgrade then runs in one transaction, so a failure leaves the old schema intact.
    """
    old_umask = os.umask(0o077)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists() and path.stat().st_size > 0
        engine = make_engine(path)
        _check_integrity(engine, path)
        current = current_revision(engine)
        head = SCHEMA_HEAD
        if current != head:
            if existed and backups is not None:
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
                backup(path, backups / f"{path.stem}-before-{head}-{stamp}.db")
                _prune_backups(backups, path.stem)
            from alembic import command

            try:
                command.upgrade(alembic_config(engine), "head")
            except Exception as exc:  # the upgrade rolled back; say so plainly
                raise DatabaseError(f"could not upgrade {path}: {exc}. The database was left as it was.") from exc
        return engine
    finally:
        os.umask(old_umask)


def _check_integrity(engine: Engine, path: Path) -> None:
    with engine.connect() as connection:
        result = connection.exec_driver_sql("PRAGMA quick_check").scalar()
    if result != "ok":
        raise DatabaseError(f"{path} failed its integrity check ({result}); restore a backup")


def _prune_backups(folder: Path, stem: str) -> None:
    found = sorted(folder.glob(f"{stem}-before-*.db"))
    for old in found[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
