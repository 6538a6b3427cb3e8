"""Helpers shared by the CLI subcommands."""

from __future__ import annotations

import getpass
import os

from genorisk.store.repository import Store


class CliError(Exception):
    """Bad input: printed as one line, exit code 2, nothing written."""


def current_user(explicit: str = "") -> str:
    """The name recorded against changes: --user, GENORISK_USER, else the login name."""
    if explicit:
        return explicit
    try:
        return os.environ.get("GENORISK_USER") or getpass.getuser()
    except OSError:
        return "unknown user"


def open_store(user: str = "") -> Store:
    return Store.open(user=current_user(user))
