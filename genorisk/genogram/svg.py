"""Hand-written SVG from the geometry model (nothing here knows genogram rules).

Every person's symbol and labels sit in one ``<g data-person-id="…">``; all text is escaped; the
protective marking is in ``<title>``/``<desc>`` and written at the top and bottom of the canvas.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from genorisk.genogram.geometry import (
    Boundary,
    Box,
    Geometry,
    Label,
    Line,
    LineLayer,
    Shape,
    Stroke,
    Symbol,
    TextAlign,
)
from genorisk.genogram.text import FONT_FAMILY as TEXT_FONT
from genorisk.interop.atomic import write_text_atomically

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
MARKING_BAND = 22.0
FONT_FAMILY = f"'{TEXT_FONT}', Verdana, sans-serif"
HALO = "#ffffff"
_ANCHOR = {TextAlign.START: "start", TextAlign.MIDDLE: "middle", TextAlign.END: "end"}


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _points(points: Iterable[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _stroke(stroke: Stroke) -> str:
    attrs = [f'stroke="{stroke.colour}"', f'stroke-width="{_n(stroke.width)}"',
             'stroke-linecap="butt"', 'stroke-linejoin="round"']
    if stroke.dash:
        attrs.append(f'stroke-dasharray="{" ".join(_n(v) for v in stroke.dash)}"')
    if stroke.fill_only:
        attrs = ['stroke="none"']
    fill = stroke.colour if stroke.filled else "none"
    tag = "polygon" if stroke.closed else "polyline"
    return f'<{tag} points="{_points(stroke.points)}" fill="{fill}" {" ".join(attrs)}/>'


def _shape(shape: Shape, box: Box, width: float, fill: str, stroke: str = "#000000") -> str:
    common = f'fill="{fill}" stroke="{stroke}" stroke-width="{_n(width)}"'
    if shape is Shape.SQUARE:
        return f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" {common}/>'
    if shape is Shape.CIRCLE:
        cx, cy = box.centre
        return f'<ellipse cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(box.width / 2)}" ry="{_n(box.height / 2)}" {common}/>'
    points: tuple[tuple[float, float], ...]
    if shape is Shape.DIAMOND:
        points = ((box.centre_x, box.y), (box.right, box.centre[1]), (box.centre_x, box.bottom), (box.x, box.centre[1]))
    else:
        points = ((box.centre_x, box.y), (box.right, box.bottom), (box.x, box.bottom))
    return f'<polygon points="{_points(points)}" {common}/>'


def _label(label: Label, halo: bool = True) -> str:
    parts = []
    if label.halo and halo:
        box = label.box.expanded(1.2, 0.4)
        parts.append(f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" '
                     f'fill="{HALO}" stroke="none"/>')
    style = []
    if label.bold:
        style.append('font-weight="bold"')
    if label.italic:
        style.append('font-style="italic"')
    parts.append(
        f'<text x="{_n(label.x)}" y="{_n(label.baseline)}" font-size="{_n(label.size)}" '
        f'text-anchor="{_ANCHOR[label.align]}" fill="{label.colour}" {" ".join(style)}>{escape(label.text)}</text>'
    )
    return "".join(parts)


def _symbol(symbol: Symbol) -> list[str]:
    parts = [_shape(symbol.shape, symbol.box, symbol.stroke_width, "#000000" if symbol.filled else "#ffffff")]
    for placed in symbol.markers:
        parts.extend(_stroke(stroke) for stroke in placed.strokes)
    if symbol.double_outline and symbol.inner_box is not None:
        parts.append(_shape(symbol.shape, symbol.inner_box, symbol.stroke_width * 0.8, "none"))
    # Outline again so marker fills never cover it.
    if symbol.markers:
        parts.append(_shape(symbol.shape, symbol.box, symbol.stroke_width, "none"))
    parts.extend(_stroke(stroke) for stroke in symbol.cross)
    parts.extend(_label(label) for label in symbol.inner_text)
    for placed in symbol.markers:
        parts.extend(_label(label) for label in placed.labels)
    return parts


def _line(line: Line) -> str:
    return (f'<g class="line {line.kind.value} {line.style.value}" data-line-id={quoteattr(line.id)}>'
            + "".join(_stroke(stroke) for stroke in line.strokes) + "</g>")


def _boundary(boundary: Boundary) -> str:
    body = "".join(_stroke(stroke) for stroke in boundary.strokes)
    return f'<g class="household" data-household-id={quoteattr(boundary.id)}>{body}</g>'


def render_svg(geometry: Geometry, marking: str = DEFAULT_MARKING) -> str:
    """The whole genogram as an SVG document (text)."""
    bounds = geometry.bounds
    top = bounds.y - MARKING_BAND
    height = bounds.height + 2 * MARKING_BAND
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{_n(bounds.width)}pt" '
        f'height="{_n(height)}pt" viewBox="{_n(bounds.x)} {_n(top)} {_n(bounds.width)} {_n(height)}" '
        f'font-family="{FONT_FAMILY}">',
        f"<title>{escape(marking)} — {escape(geometry.title or 'Genogram')}</title>",
        f"<desc>{escape(marking)}. Genogram generated by genorisk. Handle according to the marking.</desc>",
        f'<rect x="{_n(bounds.x)}" y="{_n(top)}" width="{_n(bounds.width)}" height="{_n(height)}" fill="#ffffff"/>',
    ]
    marking_attrs = 'font-size="9" font-weight="bold" text-anchor="middle" fill="#000000" class="marking"'
    centre = bounds.centre_x
    out.append(f'<text x="{_n(centre)}" y="{_n(top + 14)}" {marking_attrs}>{escape(marking)}</text>')
    out.append('<g class="households">')
    out.extend(_boundary(boundary) for boundary in geometry.boundaries)
    out.append("</g>")
    out.append('<g class="family-lines">')
    out.extend(_line(line) for line in geometry.lines if line.layer is LineLayer.FAMILY)
    out.append("</g>")
    labels_by_person: dict[str, list[Label]] = defaultdict(list)
    other_labels: list[Label] = []
    for label in geometry.labels:
        (labels_by_person[label.person_id] if label.person_id else other_labels).append(label)
    out.append('<g class="people">')
    for symbol in geometry.symbols:
        classes = f"person {symbol.kind.value}" + (" deceased" if symbol.deceased else "") + (
            " subject" if symbol.subject else "")
        out.append(f'<g class="{classes}" data-person-id={quoteattr(symbol.person_id)}>')
        out.extend(_symbol(symbol))
        out.append("</g>")
    out.append("</g>")
    out.append('<g class="overlay">')
    out.extend(_line(line) for line in geometry.lines if line.layer is LineLayer.OVERLAY)
    out.append("</g>")
    out.append('<g class="labels">')
    for symbol in geometry.symbols:
        person_labels = labels_by_person.get(symbol.person_id)
        if person_labels:
            out.append(f'<g class="person-labels" data-labels-for={quoteattr(symbol.person_id)}>')
            out.extend(_label(label) for label in person_labels)
            out.append("</g>")
    out.extend(_label(label) for label in other_labels)
    out.append("</g>")
    legend = geometry.legend
    if legend is not None:
        out.append('<g class="legend">')
        box = legend.box
        out.append(f'<rect x="{_n(box.x)}" y="{_n(box.y)}" width="{_n(box.width)}" height="{_n(box.height)}" '
                   f'fill="#ffffff" stroke="none"/>')
        out.append(_stroke(legend.frame))
        out.append(_label(legend.title))
        for entry in legend.entries:
            out.append(f'<g class="legend-entry" data-key={quoteattr(entry.key)}>')
            out.extend(_boundary(boundary) for boundary in entry.boundaries)
            out.extend(_line(line) for line in entry.lines)
            for symbol in entry.symbols:
                out.extend(_symbol(symbol))
            out.extend(_label(label) for label in entry.labels)
            out.append("</g>")
        out.append("</g>")
    out.append(f'<text x="{_n(centre)}" y="{_n(bounds.bottom + MARKING_BAND - 8)}" {marking_attrs}>'
               f"{escape(marking)}</text>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_svg(geometry: Geometry, path: Path, marking: str = DEFAULT_MARKING) -> None:
    """Write the SVG atomically (temporary file in the same folder, fsync, rename)."""
    write_text_atomically(Path(path), render_svg(geometry, marking))
