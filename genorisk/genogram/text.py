"""Measuring and wrapping label text, so the layout can keep labels from overlapping.

Every renderer draws genogram text in **DejaVu Sans** (installed with the project's system packages;
``FONT_FAMILY``), and the layout measures with the same font's metrics through reportlab (Qt-free),
so measured boxes match what is drawn. Where DejaVu Sans is missing, Helvetica metrics are used,
widened by ``FALLBACK_WIDENING`` so that a substituted font still fits.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_FAMILY = "DejaVu Sans"
"""The family renderers ask for (SVG font-family, Qt QFont family)."""
ASCENT = 0.76
"""Height above the baseline, as a fraction of the font size."""
DESCENT = 0.24
LINE_SPACING = 1.18
FALLBACK_WIDENING = 1.15

_FONT_FOLDERS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/Library/Fonts",
    str(Path.home() / "Library/Fonts"),
    "C:/Windows/Fonts",
)
_FACES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
_PDF_NAMES = {
    "regular": "GenoriskSans",
    "bold": "GenoriskSans-Bold",
    "italic": "GenoriskSans-Oblique",
    "bold_italic": "GenoriskSans-BoldOblique",
}
_HELVETICA = {
    "regular": "Helvetica",
    "bold": "Helvetica-Bold",
    "italic": "Helvetica-Oblique",
    "bold_italic": "Helvetica-BoldOblique",
}


def _face(bold: bool, italic: bool) -> str:
    if bold and italic:
        return "bold_italic"
    return "bold" if bold else "italic" if italic else "regular"


@cache
def _registered() -> bool:
    """Register DejaVu Sans with reportlab once; False when it cannot be found."""
    for folder in _FONT_FOLDERS:
        paths = {face: Path(folder) / name for face, name in _FACES.items()}
        if all(path.is_file() for path in paths.values()):
            try:
                for face, path in paths.items():
                    pdfmetrics.registerFont(TTFont(_PDF_NAMES[face], str(path)))
            except Exception:  # a damaged font file: fall back to Helvetica
                return False
            return True
    return False


def pdf_font(bold: bool = False, italic: bool = False) -> str:
    """The reportlab font name to draw with (DejaVu Sans embedded, else Helvetica)."""
    face = _face(bold, italic)
    return _PDF_NAMES[face] if _registered() else _HELVETICA[face]


@lru_cache(maxsize=131072)
def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of one line of text."""
    width = float(pdfmetrics.stringWidth(text, pdf_font(bold, italic), size))
    return width if _registered() else width * FALLBACK_WIDENING


def wrap(text: str, size: float, max_width: float, bold: bool = False, max_lines: int = 2) -> list[str]:
    """Split text on spaces into at most ``max_lines`` lines no wider than ``max_width``
    (a single long word stays whole; the last line is shortened with an ellipsis if needed)."""
    words = text.split()
    if not words:
        return []
    lines: list[str] = []
    current = words[0]
    for word in words[1:]:
        trial = f"{current} {word}"
        if text_width(trial, size, bold) <= max_width:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) > max_lines:
        kept = lines[: max_lines - 1]
        rest = " ".join(lines[max_lines - 1 :])
        while len(rest) > 1 and text_width(rest + "…", size, bold) > max_width:
            rest = rest[:-1].rstrip()
        lines = [*kept, rest + "…"]
    return lines
