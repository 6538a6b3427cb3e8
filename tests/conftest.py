"""Fixtures shared by every test: a private data directory, a real SQLite store, the demo case."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from genorisk.domain.record import CaseRecord
from genorisk.interop.bundle import install_demo
from genorisk.store.repository import Store

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data directory and user name: no test touches real data."""
    home = tmp_path / "genorisk-home"
    home.mkdir()
    monkeypatch.setenv("GENORISK_HOME", str(home))
    monkeypatch.setenv("GENORISK_USER", "Test Practitioner")
    return home


@pytest.fixture
def store(private_home: Path) -> Iterator[Store]:
    """A real SQLite database file, migrated to the newest schema."""
    opened = Store.open(private_home / "genorisk.db", user="Test Practitioner")
    yield opened
    opened.close()


@pytest.fixture
def demo(store: Store) -> CaseRecord:
    """The fictional demo case, installed in the store."""
    return store.load(install_demo(store))


def shared_file(*parts: str) -> Path:
    """A file from ../shared/data, or skip: an installed genorisk has no shared/ beside it."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared/data is only beside a development checkout)")
    return path
