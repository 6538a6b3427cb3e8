"""The one way the workspace gets a genogram: the engine's ``layout_case``, plus risk markers.

There is no second layout here. Markers come from marker sources other areas register (the risk
panels register one that turns current risk facts into markers); they reach the canvas through the
geometry's ``markers`` field like everything else the engine draws.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from genorisk.domain.record import CaseRecord
from genorisk.genogram.geometry import Geometry, Marker
from genorisk.genogram.settings import GenogramSettings

log = logging.getLogger(__name__)

MarkerSource = Callable[[CaseRecord], dict[str, tuple[Marker, ...]]]
_MARKER_SOURCES: list[MarkerSource] = []


def register_marker_source(source: MarkerSource) -> None:
    """Add a function record -> {person id: markers}; called for every layout (keep it quick)."""
    if source not in _MARKER_SOURCES:
        _MARKER_SOURCES.append(source)


def unregister_marker_source(source: MarkerSource) -> None:
    if source in _MARKER_SOURCES:
        _MARKER_SOURCES.remove(source)


def markers_for(record: CaseRecord) -> dict[str, tuple[Marker, ...]]:
    """Every registered source's markers for this case, merged; a failing source is logged and skipped."""
    merged: dict[str, tuple[Marker, ...]] = {}
    for source in list(_MARKER_SOURCES):
        try:
            found = source(record)
        except Exception:  # a broken marker source must not stop the genogram being drawn
            log.exception("marker source %r failed", source)
            continue
        for person_id, markers in found.items():
            merged[person_id] = merged.get(person_id, ()) + tuple(markers)
    return merged


def _engine() -> Callable[..., Any]:
    module = importlib.import_module("genorisk.genogram")
    layout = getattr(module, "layout_case", None)
    if layout is None:  # the engine keeps it in a submodule
        layout = importlib.import_module("genorisk.genogram.layout").layout_case
    return layout  # type: ignore[no-any-return]


def compute_geometry(record: CaseRecord, settings: GenogramSettings | None = None) -> Geometry:
    """Lay the case out with the engine (nudges applied by the engine), with any risk markers."""
    layout = _engine()
    settings = settings or GenogramSettings()
    markers = markers_for(record)
    geometry: Geometry = layout(record, settings, markers) if markers else layout(record, settings)
    return geometry
