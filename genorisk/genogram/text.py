"""Measuring and wrapping label text, so the layout can keep labels from overlapping.

Every renderer draws genogram text in **DejaVu Sans** (installed with the project's system packages;
``FONT_FAMILY``), and the layout measures with the same font's metrics, so measured boxes match what
is drawn. The layout reads the widths with :mod:`genorisk.genogram.fontmetrics` (a small TrueType reader
giving exactly reportlab's widths), one face at a time as it is first asked for: measuring needs
neither reportlab nor a parse of all four faces, which keeps both off the start-up path. Only
:func:`pdf_font` (PDF drawing) registers the TTFs with reportlab, which it imports when first called.
Where DejaVu Sans is missing, Helvetica metrics are used (reportlab, imported then), widened by
``FALLBACK_WIDENING`` so that a substituted font still fits.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from genorisk.genogram.fontmetrics import FontFileError, FontMetrics, read_font_metrics

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
def _font_folder() -> Path | None:
    """The first folder holding all four DejaVu Sans faces, or None."""
    for folder in _FONT_FOLDERS:
        if all((Path(folder) / name).is_file() for name in _FACES.values()):
            return Path(folder)
    return None


@cache
def _metrics(face: str) -> FontMetrics | None:
    """One DejaVu Sans face's widths, read on first use; None when missing or damaged."""
    folder = _font_folder()
    if folder is None:
        return None
    try:
        return read_font_metrics(folder / _FACES[face])
    except FontFileError:  # a damaged font file: fall back to Helvetica
        return None


@cache
def _registered(face: str) -> bool:
    """Register one DejaVu Sans face with reportlab, once; False when it cannot be found or read.

    Faces are decided one at a time, the same way for measuring (:func:`_metrics`) and drawing, so a
    face that cannot be used falls back to Helvetica in both, and the others stay DejaVu Sans."""
    folder = _font_folder()
    if folder is None or _metrics(face) is None:
        return False
    # reportlab is imported here, not at module level: only PDF drawing needs it (see the module docstring)
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        pdfmetrics.registerFont(TTFont(_PDF_NAMES[face], str(folder / _FACES[face])))
    except Exception:  # reportlab refuses the file (damaged, or not embeddable): draw it in Helvetica
        return False
    return True


def pdf_font(bold: bool = False, italic: bool = False) -> str:
    """The reportlab font name to draw with (DejaVu Sans embedded, else Helvetica)."""
    face = _face(bold, italic)
    return _PDF_NAMES[face] if _registered(face) else _HELVETICA[face]


@lru_cache(maxsize=131072)
def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of one line of text."""
    face = _face(bold, italic)
    metrics = _metrics(face)
    if metrics is not None:
        return metrics.string_width(text, size)
    # no usable DejaVu Sans: Helvetica's built-in metrics (reportlab, imported only on this path)
    from reportlab.pdfbase import pdfmetrics

    return float(pdfmetrics.stringWidth(text, _HELVETICA[face], size)) * FALLBACK_WIDENING


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
