"""Where genorisk keeps its data: the user data directory, or GENORISK_HOME for tests and demos."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "genorisk"
DATABASE_FILE = "genorisk.db"


def data_dir() -> Path:
    """The data directory, created (private to the user) if missing."""
    override = os.environ.get("GENORISK_HOME")
    path = Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def database_path() -> Path:
    return data_dir() / DATABASE_FILE


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
