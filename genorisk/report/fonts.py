"""Fonts for the summary PDF: DejaVu Sans when the system has it (every glyph a case file needs: £, –,
’, box-drawing lines in the ecomap legend), else the built-in Helvetica.

Registered once per process under fixed names, so every part of the report (and anything drawing
into it) can ask for ``FONTS.regular`` / ``FONTS.bold`` / ``FONTS.italic``.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

_DEJAVU_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    str(Path.home() / "Library" / "Fonts"),
    str(Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"),
)
_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
FAMILY = "GenoriskSans"


@dataclass(frozen=True, slots=True)
class FontSet:
    regular: str
    bold: str
    italic: str
    bold_italic: str
    embedded: bool
    """True for DejaVu (embedded TrueType); False for the built-in Helvetica."""


def _find(name: str) -> Path | None:
    extra = os.environ.get("GENORISK_FONT_DIR")
    for folder in ((extra,) if extra else ()) + _DEJAVU_DIRS:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return None


@functools.cache
def report_fonts() -> FontSet:
    """Register the report fonts (once) and return their names."""
    paths = {style: _find(file) for style, file in _FILES.items()}
    if all(paths.values()):
        try:
            names = {}
            for style, path in paths.items():
                name = f"{FAMILY}-{style}"
                pdfmetrics.registerFont(TTFont(name, str(path)))
                names[style] = name
        except TTFError:
            pass
        else:
            for family in (FAMILY, names["regular"]):  # <b> and <i> in paragraphs resolve through this
                addMapping(family, 0, 0, names["regular"])
                addMapping(family, 1, 0, names["bold"])
                addMapping(family, 0, 1, names["italic"])
                addMapping(family, 1, 1, names["bold_italic"])
            return FontSet(names["regular"], names["bold"], names["italic"], names["bold_italic"], True)
    return FontSet("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", False)
