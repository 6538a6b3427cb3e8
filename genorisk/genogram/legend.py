"""The automatic key: one entry per symbol, line, household and marker actually drawn."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from genorisk.genogram.draw import BADGE_SIZE, _cross, label, marker_glyph
from genorisk.genogram.geometry import (
    Boundary,
    Box,
    Legend,
    LegendEntry,
    Line,
    LineKind,
    LineLayer,
    LineStyle,
    Marker,
    MarkerForm,
    PlacedMarker,
    Point,
    Shape,
    Stroke,
    Symbol,
    SymbolKind,
    TextAlign,
)
from genorisk.genogram.geometry import LabelRole as Role
from genorisk.genogram.notation import Notation
from genorisk.genogram.settings import NotationStyle
from genorisk.genogram.strokes import arrow_head, slashes, styled_strokes
from genorisk.genogram.text import wrap

SAMPLE_WIDTH = 36.0
ROW_HEIGHT = 20.0
TEXT_SIZE = 8.0
TEXT_WIDTH = 200.0
PADDING = 10.0

# Legend order: people first, then family lines, then households, overlays and markers.
_ORDER = ("symbol.", "inside", "union.", "status.", "child.", "twins.", "household", "emotional.", "marker:")


def build_legend(keys: Mapping[str, None], markers: list[Marker], notation: Notation, style: NotationStyle,
                 left: float, top: float, household_names: Sequence[str] = ()) -> Legend | None:
    """Lay out the key in a column whose top-left corner is (left, top).

    ``household_names``: households whose outline label had to be shortened on the drawing; the key's
    household entry names them in full, so a printed genogram never loses which household is which."""
    wanted = [key for key in keys if _known(key)]
    if any(key.startswith("symbol.") and key.split(".")[1] in ("male", "female", "unknown") for key in keys):
        wanted.append("inside")
    if not wanted:
        return None
    wanted.sort(key=lambda key: (next(i for i, prefix in enumerate(_ORDER) if key.startswith(prefix)),
                                 list(keys).index(key) if key in keys else 0))
    title = label("Key", left + PADDING, top + PADDING + 10, 10.0, Role.LEGEND_TITLE, align=TextAlign.START,
                  bold=True)
    y = top + PADDING + 20
    entries: list[LegendEntry] = []
    for key in wanted:
        text = _text(key, markers, notation, style)
        extra_lines = 0
        if key == "household" and household_names:
            text += ". In full: " + "; ".join(household_names)
            extra_lines = 99  # never shortened: this is where the full names are
        lines = wrap(text, TEXT_SIZE, TEXT_WIDTH, max_lines=3 + extra_lines)
        height = max(ROW_HEIGHT, 6 + len(lines) * TEXT_SIZE * 1.2)
        sample = Box(left + PADDING, y + (height - 16) / 2, SAMPLE_WIDTH, 16)
        labels = [
            label(line, left + PADDING + SAMPLE_WIDTH + 10, y + (height - len(lines) * TEXT_SIZE * 1.2) / 2
                  + TEXT_SIZE * (0.85 + 1.2 * number), TEXT_SIZE, Role.LEGEND, align=TextAlign.START)
            for number, line in enumerate(lines)
        ]
        entries.append(_entry(key, text, sample, labels, markers, notation, style))
        y += height
    right = max(max(lbl.box.right for entry in entries for lbl in entry.labels), title.box.right) + PADDING
    box = Box(left, top, right - left, y - top + PADDING / 2)
    frame = Stroke(((box.x, box.y), (box.right, box.y), (box.right, box.bottom), (box.x, box.bottom)), 0.8,
                   closed=True, colour="#555555")
    return Legend(box=box, frame=frame, title=title, entries=tuple(entries))


def _known(key: str) -> bool:
    return (key.startswith(_ORDER) and key not in ("union.dates",)) or key == "union.dates"


def _text(key: str, markers: list[Marker], notation: Notation, style: NotationStyle) -> str:
    group, _, name = key.partition(".")
    if key == "inside":
        if style is NotationStyle.LOCAL_AUTHORITY:
            return "Inside the symbol: date of birth"
        return "Number inside the symbol: age in years (m = months, c. = about)"
    if key == "union.dates":
        return "Dates on a line: m. married, cp. civil partnership, sep. separated, div. divorced"
    if group == "symbol":
        return notation.symbol_legends[name]
    if group == "union":
        return notation.unions[name].legend
    if group == "status":
        return notation.union_status_legends[name]
    if group == "child":
        return notation.children[name].legend
    if group == "twins":
        return notation.twin_legends[name]
    if key == "household":
        return notation.household.legend
    if group == "emotional":
        meaning = notation.emotional[name]
        return f"{meaning.legend} [{meaning.tag}]" if meaning.tag else meaning.legend
    if key.startswith("marker:"):
        marker = markers[int(key.split(":")[1])]
        code = f" [{marker.glyph.code}]" if marker.glyph.code else ""
        return marker.legend_text + code
    return key


def _entry(key: str, text: str, sample: Box, labels: list, markers: list[Marker],  # type: ignore[type-arg]
           notation: Notation, style: NotationStyle) -> LegendEntry:
    cx, cy = sample.centre
    width = notation.stroke_widths["family_line"]
    symbols: list[Symbol] = []
    lines: list[Line] = []
    extra_labels = []
    boundaries: list[Boundary] = []
    group, _, name = key.partition(".")
    horizontal: tuple[Point, ...] = ((sample.x, cy), (sample.right, cy))

    def symbol(kind: SymbolKind, shape: Shape, size: float = 14.0, **options: object) -> Symbol:
        box = Box(cx - size / 2, cy - size / 2, size, size)
        return Symbol(person_id=f"legend:{key}", kind=kind, shape=shape, box=box, footprint=box,
                      stroke_width=notation.stroke_widths["symbol"] * 0.8, **options)  # type: ignore[arg-type]

    def line(style: LineStyle, points: tuple[Point, ...], extra: tuple[Stroke, ...] = (),
             colour: str = "#000000", line_width: float = width) -> Line:
        strokes = styled_strokes(points, style, notation, line_width, colour) + extra
        return Line(id=f"legend:{key}", kind=LineKind.MARKER, style=style, meaning=key, points=points,
                    strokes=strokes, layer=LineLayer.FAMILY)

    if group == "symbol":
        kinds = {"male": (SymbolKind.MALE, Shape.SQUARE), "female": (SymbolKind.FEMALE, Shape.CIRCLE),
                 "unknown": (SymbolKind.UNKNOWN, Shape.DIAMOND), "pregnancy": (SymbolKind.PREGNANCY, Shape.TRIANGLE),
                 "miscarriage": (SymbolKind.MISCARRIAGE, Shape.TRIANGLE),
                 "termination": (SymbolKind.TERMINATION, Shape.TRIANGLE),
                 "stillbirth": (SymbolKind.STILLBIRTH, Shape.SQUARE)}
        if name in kinds:
            kind, shape = kinds[name]
            small = name in ("miscarriage", "termination", "stillbirth")
            size = 10.0 if small else 14.0
            box = Box(cx - size / 2, cy - size / 2, size, size)
            cross: tuple[Stroke, ...] = ()
            if name in ("termination", "stillbirth"):
                cross = (Stroke(((box.x - 2, box.bottom + 2), (box.right + 2, box.y - 2)), 1.0),)
            symbols.append(symbol(kind, shape, size, filled=name == "miscarriage", cross=cross))
        elif name == "deceased":
            box = Box(cx - 7, cy - 7, 14, 14)
            symbols.append(symbol(SymbolKind.MALE, Shape.SQUARE, deceased=True, cross=tuple(_cross(Shape.SQUARE, box,
                                                                                                  1.0))))
        elif name == "subject":
            box = Box(cx - 7, cy - 7, 14, 14)
            symbols.append(symbol(SymbolKind.FEMALE, Shape.CIRCLE, double_outline=True, inner_box=box.expanded(-2.5),
                                  subject=True))
        elif name == "sex_at_birth":
            extra_labels.append(label("AFAB", cx, cy + 3, 7.5, Role.LEGEND, italic=True))
    elif key == "inside":
        symbols.append(symbol(SymbolKind.FEMALE, Shape.CIRCLE, 16.0))
        sample_text, sample_size = ("9", 7.5) if style is NotationStyle.MCGOLDRICK else ("1/5", 5.0)
        extra_labels.append(label(sample_text, cx, cy + sample_size * 0.35, sample_size, Role.LEGEND))
    elif key == "union.dates":
        extra_labels.append(label("m. 2010", cx, cy + 2.5, 7.0, Role.LEGEND))
    elif group == "union":
        lines.append(line(notation.unions[name].style, horizontal))
    elif group == "status":
        count = notation.union_slashes[name]
        lines.append(line(LineStyle.SOLID, horizontal, slashes((cx, cy), count, width)))
    elif group == "child":
        lines.append(line(notation.children[name].style, ((cx, sample.y), (cx, sample.bottom))))
    elif group == "twins":
        fork = ((sample.x + 8, sample.bottom), (cx, sample.y), (sample.right - 8, sample.bottom))
        extra: tuple[Stroke, ...] = ()
        if name == "identical":
            extra = (Stroke(((cx - (cx - sample.x - 8) / 2, cy), (cx + (sample.right - 8 - cx) / 2, cy)), width),)
        lines.append(line(LineStyle.SOLID, fork, extra))
    elif key == "household":
        outline = ((sample.x + 2, sample.y + 1), (sample.right - 2, sample.y + 1),
                   (sample.right - 2, sample.bottom - 1), (sample.x + 2, sample.bottom - 1))
        dash = notation.dash(notation.household.style)
        household_strokes = (Stroke(outline, notation.stroke_widths["boundary"], dash, closed=True,
                                    colour=notation.colours["boundary"]),)
        boundaries.append(Boundary(id=f"legend:{key}", name="", member_ids=(), outlines=(outline,),
                                   strokes=household_strokes))
    elif group == "emotional":
        meaning = notation.emotional[name]
        abuse = name in ("physical_abuse", "emotional_abuse", "sexual_abuse", "neglect", "coercive_control")
        colour = notation.colours["abuse"] if abuse else "#000000"
        line_width = notation.stroke_widths["overlay_line"] * (1.8 if meaning.heavy else 1.0)
        arrow: tuple[Stroke, ...] = ()
        if abuse or name == "fear":
            arrow = (arrow_head((sample.right, cy), (1.0, 0.0), colour),)
        lines.append(line(meaning.style, horizontal, arrow, colour, line_width))
    elif key.startswith("marker:"):
        marker = markers[int(key.split(":")[1])]
        if marker.glyph.form is MarkerForm.BADGE:  # the badge alone, centred in the sample area
            anchor = Box(cx - 8, cy + BADGE_SIZE / 2 + 1.5, 16, 16)
            strokes, marker_labels, _ = marker_glyph(marker, Shape.SQUARE, anchor, cx - BADGE_SIZE / 2, "")
            lines.append(Line(id=f"legend:{key}", kind=LineKind.MARKER, style=LineStyle.SOLID, meaning=key,
                              points=((cx, cy),), strokes=strokes))
            extra_labels.extend(marker_labels)
        else:
            box = Box(cx - 8, cy - 8, 16, 16)
            strokes, marker_labels, _ = marker_glyph(marker, Shape.SQUARE, box, box.right, "")
            symbols.append(Symbol(person_id=f"legend:{key}", kind=SymbolKind.UNKNOWN, shape=Shape.SQUARE, box=box,
                                  footprint=box, stroke_width=1.0,
                                  markers=(PlacedMarker(marker, strokes, marker_labels),)))
    return LegendEntry(key=key, text=text, symbols=tuple(symbols), lines=tuple(lines),
                       labels=tuple(labels + extra_labels), boundaries=tuple(boundaries))
