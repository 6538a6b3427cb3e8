"""Where genorisk's versioned data files live: resources/ beside the package, or inside a frozen app.

Instruments, rule texts and thresholds, calendars, genogram notation and the demo case are data, not
code. One function finds them, so a PyInstaller build (which unpacks to ``sys._MEIPASS``) and a source
checkout behave the same.

Which files are checked against their JSON Schema, and when:

* **shipped files** (anything inside this resources/ folder) are checked by the test suite, every one
  of them against its schema (tests/risk/test_shipped_resources.py), so loaders read them as they are
  at run time: a release cannot carry a file that breaks its schema, and start-up does not pay for
  importing jsonschema and validating what the tests already proved;
* **files from outside the package** (a user-supplied licensed wording file, a local thresholds file,
  an alternative protocol named by an environment variable, a folder passed in by a caller) are
  always checked when loaded, and a bad one is refused with a message naming the file and the place.

:func:`is_shipped` tells the two apart; loaders call it rather than deciding for themselves.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: in a frozen app, the bundle's copy; otherwise the checkout's."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def is_shipped(path: Path) -> bool:
    """True for a file inside the packaged resources/ folder (schema-checked by the tests, not at run
    time); False for any other file, which a loader must check against its schema."""
    try:
        Path(path).resolve().relative_to(_resolved_resources_dir())
    except ValueError:
        return False
    return True


@cache
def _resolved_resources_dir() -> Path:
    return resources_dir().resolve()


def resource_path(*parts: str) -> Path:
    """A path inside resources/, e.g. ``resource_path("rules", "risk.json")``."""
    return resources_dir().joinpath(*parts)
