"""Where genorisk's versioned data files live: resources/ beside the package, or inside a frozen app.

Instruments, rule texts and thresholds, calendars, genogram notation and the demo case are data, not
code. One function finds them, so a PyInstaller build (which unpacks to ``sys._MEIPASS``) and a source
checkout behave the same.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The resources/ folder: in a frozen app, the bundle's copy; otherwise the checkout's."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """A path inside resources/, e.g. ``resource_path("rules", "risk.json")``."""
    return resources_dir().joinpath(*parts)
