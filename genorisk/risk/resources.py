"""Finding and loading genorisk's versioned data files (rules, instruments, protocols).

Loaders read data files through :func:`load_data_file`, which follows the rule in
:mod:`genorisk.resources`: a shipped file (inside resources/) is read as it is, because the test suite
checks every shipped file against its JSON Schema; any other file (a licensed wording file, a local
thresholds file, an alternative protocol, another folder) is checked when it is loaded, and a bad one
raises :class:`DataFileError` naming the file and the JSON path of the first problem, so it is caught
when loaded rather than by a silently missing prompt. :func:`load_checked` always checks (tests use it
on the shipped files). jsonschema is imported only when a check runs: it is not needed to start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from genorisk.resources import is_shipped, resources_dir

RESOURCES_DIR = resources_dir()
RULES_DIR = RESOURCES_DIR / "rules"
INSTRUMENTS_DIR = RESOURCES_DIR / "instruments"


class DataFileError(ValueError):
    """A data file that cannot be read or does not match its schema."""


def read_json(path: Path) -> Any:
    """Parse a JSON file; DataFileError naming the file and the position of a syntax error."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc


def check_against_schema(data: Any, schema: Any, path: Path) -> None:
    """Raise DataFileError naming the file and the JSON path of the first schema error."""
    import jsonschema  # here, not at module level: only files from outside the package are checked at run time

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        error = errors[0]
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise DataFileError(f"{path}: {where}: {error.message}{more}")


def load_checked(path: Path, schema_path: Path) -> Any:
    """Read a JSON data file and check it against a JSON Schema file."""
    data = read_json(path)
    check_against_schema(data, read_json(schema_path), path)
    return data


def load_data_file(path: Path, schema_path: Path) -> Any:
    """Read a data file for use: as it is if shipped (the tests check it), else checked against its schema."""
    if is_shipped(path):
        return read_json(path)
    return load_checked(path, schema_path)
