"""Where genorisk's versioned data files live: resources/ beside the package, or inside a frozen app.

Instruments, rule texts and thresholds, calendars, genogram notation and the demo case are data, not
code. One function finds them, so a PyInstaller build (which unpacks to ``sys._MEIPASS``) and a source
checkout behave the same.

Which files are checked against their JSON Schema, and when:

* **shipped files** — a file inside this resources/ folder whose content is exactly what was released,
  by its SHA-256 in ``resources/manifest.json`` — are checked by the test suite, every one of them
  against its schema (tests/risk/test_shipped_resources.py), so loaders read them as they are at run
  time: a release cannot carry a file that breaks its schema, and start-up does not pay for importing
  jsonschema and validating what the tests already proved. A shipped file edited in place, or a new
  file dropped into the folder, no longer matches the manifest and is checked like any other;
* **files from outside the package** (a user-supplied licensed wording file, a local thresholds file,
  an alternative protocol named by an environment variable, a folder passed in by a caller) are
  always checked when loaded, and a bad one is refused with a message naming the file and the place.

:func:`is_shipped` tells the two apart; loaders call it rather than deciding for themselves.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path

MANIFEST = "manifest.json"
"""SHA-256 of every shipped data file, by its path inside resources/. Refresh it after changing a file
in resources/ with ``python -m genorisk.resources``; a test fails while it is out of date."""


def resources_dir() -> Path:
    """The resources/ folder: in a frozen app, the bundle's copy; otherwise the checkout's."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def is_shipped(path: Path) -> bool:
    """True for a file inside the packaged resources/ folder with exactly its released content
    (schema-checked by the tests, not at run time); False for any other file, which a loader must check
    against its schema."""
    try:
        resolved = Path(path).resolve()
        inside = resolved.relative_to(_resolved_resources_dir()).as_posix()
    except ValueError:
        return False
    expected = _manifest().get(inside)
    if expected is None:
        return False
    try:  # hashed every time (the files are small and loaded once): an edit can never be missed
        return hashlib.sha256(resolved.read_bytes()).hexdigest() == expected
    except OSError:
        return False


@cache
def _manifest() -> dict[str, str]:
    try:
        data = json.loads((resources_dir() / MANIFEST).read_text("utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):  # no usable manifest: nothing counts as shipped
        return {}
    return {str(name): str(digest) for name, digest in files.items()} if isinstance(files, dict) else {}


def manifest_of(folder: Path) -> dict[str, object]:
    """The manifest describing every data file under ``folder`` as it is now."""
    files = {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.json")) if path.name != MANIFEST
    }
    return {"format": "genorisk-resources-manifest", "version": 1, "files": files}


def write_manifest(folder: Path | None = None) -> Path:
    """Rewrite resources/manifest.json for the files as they are now (after editing a shipped file)."""
    folder = folder or resources_dir()
    target = folder / MANIFEST
    temporary = target.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as stream:  # written whole, then swapped in
        stream.write(json.dumps(manifest_of(folder), indent=2, sort_keys=True) + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    temporary.replace(target)
    _manifest.cache_clear()
    return target


@cache
def _resolved_resources_dir() -> Path:
    return resources_dir().resolve()


def resource_path(*parts: str) -> Path:
    """A path inside resources/, e.g. ``resource_path("rules", "risk.json")``."""
    return resources_dir().joinpath(*parts)


if __name__ == "__main__":
    print(f"wrote {write_manifest()}")
