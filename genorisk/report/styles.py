"""Paragraph and table styles for the summary: plain, printable, black on white, readable at A4.

Meaning is never carried by colour: a gap or an overdue action says so in words (and bold), with a
light tint only as a second cue.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from genorisk.report.fonts import report_fonts

GRID = colors.Color(0.55, 0.55, 0.55)
HEADER_FILL = colors.Color(0.88, 0.88, 0.88)
FLAG_FILL = colors.Color(0.99, 0.90, 0.88)
NOTE_FILL = colors.Color(0.95, 0.95, 0.95)
DATE_WIDTH = 54.0
"""Enough for dd/mm/yyyy in a table cell without wrapping."""


@dataclass(frozen=True, slots=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    header_cell: ParagraphStyle
    note: ParagraphStyle
    quote: ParagraphStyle


@functools.cache
def styles() -> Styles:
    fonts = report_fonts()
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=9.5, leading=12.5, alignment=TA_LEFT)
    return Styles(
        title=ParagraphStyle("title", parent=base, fontName=fonts.bold, fontSize=18, leading=22, spaceAfter=4),
        subtitle=ParagraphStyle("subtitle", parent=base, fontSize=11, leading=14, spaceAfter=10),
        h1=ParagraphStyle("h1", parent=base, fontName=fonts.bold, fontSize=13.5, leading=17, spaceBefore=12,
                          spaceAfter=6, keepWithNext=1),
        h2=ParagraphStyle("h2", parent=base, fontName=fonts.bold, fontSize=11, leading=14, spaceBefore=8,
                          spaceAfter=4, keepWithNext=1),
        h3=ParagraphStyle("h3", parent=base, fontName=fonts.bold, fontSize=9.5, leading=12.5, spaceBefore=5,
                          spaceAfter=2, keepWithNext=1),
        body=ParagraphStyle("body", parent=base, spaceAfter=5),
        small=ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        cell=ParagraphStyle("cell", parent=base, fontSize=8.3, leading=10.3),
        cell_bold=ParagraphStyle("cell_bold", parent=base, fontName=fonts.bold, fontSize=8.3, leading=10.3),
        header_cell=ParagraphStyle("header_cell", parent=base, fontName=fonts.bold, fontSize=8.3, leading=10.3),
        note=ParagraphStyle("note", parent=base, fontName=fonts.italic, fontSize=8.5, leading=11, spaceAfter=5,
                            textColor=colors.Color(0.2, 0.2, 0.2)),
        quote=ParagraphStyle("quote", parent=base, fontName=fonts.italic, leftIndent=10, spaceAfter=4),
    )


def text(value: str) -> str:
    """Escape text for a Paragraph, keeping line breaks."""
    return escape(value).replace("\n", "<br/>")


def para(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    return Paragraph(text(value), style or styles().body)


def markup(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph whose text already holds reportlab mark-up (<b>, <i>); escape parts yourself."""
    return Paragraph(value, style or styles().body)


Cell: TypeAlias = str | Flowable


def table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float],
          flagged: Sequence[int] = (), repeat_header: bool = True) -> Table:
    """A full-width table with a repeated header row; text cells wrap. ``flagged`` rows are lightly
    tinted with their first cell in bold; their text must already say in words why they are flagged."""
    st = styles()
    flagged_set = set(flagged)
    data: list[list[Any]] = [[Paragraph(text(h), st.header_cell) for h in header]]
    for index, row in enumerate(rows):
        data.append([Paragraph(text(c), st.cell_bold if index in flagged_set and column == 0 else st.cell)
                     if isinstance(c, str) else c for column, c in enumerate(row)])
    result = Table(data, colWidths=list(widths), repeatRows=1 if repeat_header else 0, splitByRow=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for index in flagged_set:
        commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), FLAG_FILL))
    result.setStyle(TableStyle(commands))
    return result


def key_values(pairs: Sequence[tuple[str, str]], width: float, key_width: float = 120) -> Table:
    """A two-column 'label: value' block."""
    st = styles()
    data = [[Paragraph(text(k), st.cell_bold), Paragraph(text(v), st.cell)] for k, v in pairs]
    result = Table(data, colWidths=[key_width, width - key_width], hAlign="LEFT")
    result.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return result


def boxed(flowables: list[Flowable], width: float) -> Table:
    """A lightly shaded box around some content (notes, the at-a-glance list)."""
    result = Table([[flowables]], colWidths=[width], hAlign="LEFT")
    result.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("BACKGROUND", (0, 0), (-1, -1), NOTE_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return result
