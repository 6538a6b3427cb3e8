"""The genogram engine: notation, automatic layout and one geometry model drawn by every renderer.

Qt-free. :func:`layout_case` turns a :class:`~genorisk.domain.record.CaseRecord` into a
:class:`~genorisk.genogram.geometry.Geometry`; ``svg``, ``pdf`` (``draw_geometry``), ``dot`` and
``export`` (``write_genogram``) write it. See docs/genogram-geometry.md and docs/genogram-layout.md.
"""

from genorisk.genogram.geometry import Geometry, GlyphSpec, Marker, MarkerForm, MarkerPattern
from genorisk.genogram.layout import layout_case
from genorisk.genogram.settings import GenogramSettings, NotationStyle

__all__ = [
    "GenogramSettings",
    "Geometry",
    "GlyphSpec",
    "Marker",
    "MarkerForm",
    "MarkerPattern",
    "NotationStyle",
    "layout_case",
]
