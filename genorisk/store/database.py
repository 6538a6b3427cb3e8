"""Opening the SQLite database: durable pragmas on every connection, backup, then migrations.

Every connection gets journal_mode=WAL, synchronous=FULL and foreign_keys=ON. Before migrations run
on an existing database, a copy is taken with the SQLite backup API (never a file copy: a live WAL
database may have committed pages outside the main file).

The day-to-day store speaks SQL to the standard-library driver. SQLAlchemy and Alembic (with the
SQLModel table declarations they read) are imported only when the schema must change — a new
database, or one behind :data:`SCHEMA_HEAD` — so an ordinary start-up never pays for loading them.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

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


def set_pragmas(connection: sqlite3.Connection) -> None:
    """Make a fresh DB-API connection durable, foreign-key enforcing, and in explicit-transaction mode."""
    # pysqlite opens transactions implicitly; take control so BEGIN is always explicit.
    connection.isolation_level = None
    for pragma in PRAGMAS:
        connection.execute(f"PRAGMA {pragma}")


def connect(path: Path) -> sqlite3.Connection:
    """A new connection to the database file with every pragma set; rows come back as sqlite3.Row."""
    connection = sqlite3.connect(path, timeout=5.0)
    connection.row_factory = sqlite3.Row
    set_pragmas(connection)
    return connection


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back whole on any error. Foreign keys are checked at COMMIT, so
    a change may write its rows in any order.

    SQLite may already have rolled back by itself (disk full, I/O error, interrupt), and a COMMIT that
    fails (a deferred foreign-key violation) leaves the transaction open: either way the original error
    is the one raised, and the connection is left with no transaction open."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute("PRAGMA defer_foreign_keys=ON")
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def make_engine(path: Path) -> Engine:
    """A SQLAlchemy engine for Alembic whose every connection gets the same pragmas (loads SQLAlchemy)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool, future=True)
    event.listen(engine, "connect", lambda dbapi_connection, _record: set_pragmas(dbapi_connection))
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
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


def current_revision(path: Path) -> str | None:
    """The database's schema revision, or None for a new database."""
    with closing(connect(path)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:  # no alembic_version table yet
            return None
    return str(row[0]) if row is not None else None


def backup(engine_path: Path, destination: Path) -> Path:
    """Copy a live database with the SQLite backup API."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(engine_path)) as source, closing(sqlite3.connect(destination)) as target:
        source.backup(target)
    return destination


def open_database(path: Path, backups: Path | None = None) -> Path:
    """Open (creating if needed), check and upgrade the database at ``path``; returns the path.

    An existing database behind the newest schema is first backed up (SQLite backup API) into
    ``backups``; the upgrade then runs in one transaction, so a failure leaves the old schema intact.
    """
    old_umask = os.umask(0o077)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists() and path.stat().st_size > 0
        _check_integrity(path)
        if current_revision(path) != SCHEMA_HEAD:
            if existed and backups is not None:
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
                backup(path, backups / f"{path.stem}-before-{SCHEMA_HEAD}-{stamp}.db")
                _prune_backups(backups, path.stem)
            upgrade(path)
        return path
    finally:
        os.umask(old_umask)


def upgrade(path: Path, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision`` in one transaction (loads Alembic and SQLAlchemy)."""
    from alembic import command

    engine = make_engine(path)
    try:
        command.upgrade(alembic_config(engine), revision)
    except Exception as exc:  # the upgrade rolled back; say so plainly
        raise DatabaseError(f"could not upgrade {path}: {exc}. The database was left as it was.") from exc
    finally:
        engine.dispose()


def _check_integrity(path: Path) -> None:
    try:
        with closing(connect(path)) as connection:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:  # not a database at all, or locked by another program
        raise DatabaseError(f"{path} cannot be opened as a genorisk database ({exc}); restore a backup") from exc
    if result != "ok":
        raise DatabaseError(f"{path} failed its integrity check ({result}); restore a backup")


def _prune_backups(folder: Path, stem: str) -> None:
    found = sorted(folder.glob(f"{stem}-before-*.db"))
    for old in found[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
