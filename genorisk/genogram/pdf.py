"""Vector PDF from the geometry model, through reportlab (nothing here knows genogram rules).

``draw_geometry(canvas, geometry, x, y, scale)`` draws onto any reportlab canvas (the assessment
report uses it); ``write_pdf(geometry, path, marking)`` writes a standalone landscape document with the
protective marking at the top and bottom of every page and "Page X of Y". A genogram that does not
fit one page at a readable scale gets an overview page and is then tiled across pages, with cuts
chosen in the gaps between people so no symbol or label is ever split.
"""

from __future__ import annotations

import io
import itertools
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfgen.canvas import Canvas

from genorisk.domain.values import display_date
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
from genorisk.genogram.text import pdf_font
from genorisk.interop.atomic import write_bytes_atomically

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
PAGE_MARGIN = 36.0
HEADER = 30.0
FOOTER = 30.0
READABLE_SCALE = 0.62
"""Below this a 7.5 pt label prints under about 4.6 pt: too small to read, so tile instead."""
PAPER = {"A4": landscape(A4), "A3": landscape(A3)}


def _colour(canvas: Canvas, value: str, stroke: bool = True, fill: bool = False) -> None:
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))
    if stroke:
        canvas.setStrokeColorRGB(red, green, blue)
    if fill:
        canvas.setFillColorRGB(red, green, blue)


def _path(canvas: Canvas, points: Iterable[tuple[float, float]], closed: bool) -> Any:
    path = canvas.beginPath()
    first = True
    for x, y in points:
        if first:
            path.moveTo(x, y)
            first = False
        else:
            path.lineTo(x, y)
    if closed:
        path.close()
    return path


def _stroke(canvas: Canvas, stroke: Stroke) -> None:
    if len(stroke.points) < 2:
        return
    canvas.setLineWidth(stroke.width)
    canvas.setDash(list(stroke.dash) if stroke.dash else [])
    _colour(canvas, stroke.colour, stroke=True, fill=stroke.filled)
    path = _path(canvas, stroke.points, stroke.closed)
    canvas.drawPath(path, stroke=0 if stroke.fill_only else 1, fill=1 if stroke.filled else 0)
    canvas.setDash([])


def _shape(canvas: Canvas, shape: Shape, box: Box, width: float, fill: str | None) -> None:
    canvas.setLineWidth(width)
    canvas.setDash([])
    canvas.setStrokeColorRGB(0, 0, 0)
    if fill is not None:
        _colour(canvas, fill, stroke=False, fill=True)
    fill_flag = 1 if fill is not None else 0
    if shape is Shape.SQUARE:
        canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=fill_flag)
    elif shape is Shape.CIRCLE:
        canvas.ellipse(box.x, box.y, box.right, box.bottom, stroke=1, fill=fill_flag)
    else:
        points: tuple[tuple[float, float], ...]
        if shape is Shape.DIAMOND:
            points = ((box.centre_x, box.y), (box.right, box.centre[1]), (box.centre_x, box.bottom),
                      (box.x, box.centre[1]))
        else:
            points = ((box.centre_x, box.y), (box.right, box.bottom), (box.x, box.bottom))
        canvas.drawPath(_path(canvas, points, True), stroke=1, fill=fill_flag)


def _label(canvas: Canvas, label: Label, halo: bool = True) -> None:
    if label.halo and halo:
        box = label.box.expanded(1.2, 0.4)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(box.x, box.y, box.width, box.height, stroke=0, fill=1)
    _colour(canvas, label.colour, stroke=False, fill=True)
    canvas.saveState()
    canvas.translate(label.x, label.baseline)
    canvas.scale(1, -1)  # the geometry's y grows downward; text must stay upright
    canvas.setFont(pdf_font(label.bold, label.italic), label.size)
    if label.align is TextAlign.START:
        canvas.drawString(0, 0, label.text)
    elif label.align is TextAlign.END:
        canvas.drawRightString(0, 0, label.text)
    else:
        canvas.drawCentredString(0, 0, label.text)
    canvas.restoreState()


def _symbol(canvas: Canvas, symbol: Symbol) -> None:
    _shape(canvas, symbol.shape, symbol.box, symbol.stroke_width, "#000000" if symbol.filled else "#ffffff")
    for placed in symbol.markers:
        for stroke in placed.strokes:
            _stroke(canvas, stroke)
    if symbol.double_outline and symbol.inner_box is not None:
        _shape(canvas, symbol.shape, symbol.inner_box, symbol.stroke_width * 0.8, None)
    if symbol.markers:
        _shape(canvas, symbol.shape, symbol.box, symbol.stroke_width, None)
    for stroke in symbol.cross:
        _stroke(canvas, stroke)
    for label in symbol.inner_text:
        _label(canvas, label)
    for placed in symbol.markers:
        for label in placed.labels:
            _label(canvas, label)


def _line(canvas: Canvas, line: Line) -> None:
    for stroke in line.strokes:
        _stroke(canvas, stroke)


def _boundary(canvas: Canvas, boundary: Boundary) -> None:
    for stroke in boundary.strokes:
        _stroke(canvas, stroke)


def draw_geometry(canvas: Canvas, geometry: Geometry, x: float, y: float, scale: float = 1.0,
                  region: Box | None = None, legend: bool = True) -> None:
    """Draw the genogram (or just ``region`` of it, clipped) with its top-left corner at PDF point
    (x, y) — y measured upward as reportlab does — at ``scale`` points per geometry unit."""
    area = region or geometry.bounds
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, -scale)
    canvas.translate(-area.x, -area.y)
    if region is not None:
        clip = canvas.beginPath()
        clip.rect(area.x, area.y, area.width, area.height)
        canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setLineCap(0)
    canvas.setLineJoin(1)
    visible = area.expanded(2)
    for boundary in geometry.boundaries:
        _boundary(canvas, boundary)
    for line in geometry.lines:
        if line.layer is LineLayer.FAMILY:
            _line(canvas, line)
    for symbol in geometry.symbols:
        if symbol.footprint.overlaps(visible):
            _symbol(canvas, symbol)
    for line in geometry.lines:
        if line.layer is LineLayer.OVERLAY:
            _line(canvas, line)
    for label in geometry.labels:
        if label.box.overlaps(visible):
            _label(canvas, label)
    if legend and geometry.legend is not None and geometry.legend.box.overlaps(visible):
        box = geometry.legend.box
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(box.x, box.y, box.width, box.height, stroke=0, fill=1)
        _stroke(canvas, geometry.legend.frame)
        _label(canvas, geometry.legend.title)
        for entry in geometry.legend.entries:
            for boundary in entry.boundaries:
                _boundary(canvas, boundary)
            for line in entry.lines:
                _line(canvas, line)
            for symbol in entry.symbols:
                _symbol(canvas, symbol)
            for label in entry.labels:
                _label(canvas, label)
    canvas.restoreState()


@dataclass(frozen=True, slots=True)
class PagePlan:
    """How the genogram goes onto paper: page size, scale and the regions (one per page)."""

    paper: str
    scale: float
    regions: tuple[Box, ...]
    overview: bool


def plan_pages(geometry: Geometry, paper: str = "auto") -> PagePlan:
    """One page at a readable scale if it fits (A4, else A3); otherwise an overview page plus tiles."""
    bounds = geometry.bounds
    choices = ["A4", "A3"] if paper == "auto" else [paper]
    for name in choices:
        width, height = _usable(name)
        scale = min(width / bounds.width, height / bounds.height, 1.0)
        if scale >= READABLE_SCALE:
            return PagePlan(name, scale, (bounds,), overview=False)
    name = choices[-1]
    width, height = _usable(name)
    # As large as the page height allows (a wide family fills each page's height), never below readable.
    scale = max(READABLE_SCALE, min(1.0, height / bounds.height))
    return PagePlan(name, scale, tuple(_tiles(geometry, width / scale, height / scale)), overview=True)


def _usable(paper: str) -> tuple[float, float]:
    width, height = PAPER[paper]
    return width - 2 * PAGE_MARGIN, height - 2 * PAGE_MARGIN - HEADER - FOOTER


def _merged(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for low, high in sorted(intervals):
        if merged and low < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _cuts(start: float, end: float, span: float, blocked: list[tuple[float, float]]) -> list[float]:
    """Cut positions from start to end, each at most ``span`` apart, never inside a blocked interval
    (unless something is wider than a whole page, which is then cut after all)."""
    return [low for low, _ in _spans(start, end, span, blocked, overlap=False)] + [end]


def _spans(start: float, end: float, span: float, blocked: list[tuple[float, float]],
           overlap: bool = True) -> list[tuple[float, float]]:
    """Page ranges from start to end, each at most ``span`` long, ending only in gaps between blocked
    intervals where one falls within the page.

    Where none does (the people of a band leave no clear gap a page wide), the page ends at its full
    width and, with ``overlap``, the next page starts where the first thing it cut starts, so every
    person and label stands whole on some page (pages overlap there; the overlap marks show it)."""
    merged = _merged(blocked)
    lows = [low for low, _ in merged]
    ranges: list[tuple[float, float]] = []
    left = start
    while end - left > span:
        limit = left + span
        right = limit
        index = bisect_right(lows, right) - 1
        if index >= 0 and merged[index][0] < right < merged[index][1]:
            # in the gap before the blocked run, half a point clear of it, never back into what precedes
            previous_end = merged[index - 1][1] if index > 0 else left
            right = max(merged[index][0] - 0.5, previous_end)
        following = right
        if right <= left + 1:  # no gap within a page: end at its full width
            right = following = limit
            crossing = [low for low, high in blocked if low < limit < high and low > left + 1]
            if overlap and crossing:
                following = min(crossing)  # the next page starts where the first thing cut starts
        ranges.append((left, right))
        left = following
    ranges.append((left, end))
    return ranges


def _tiles(geometry: Geometry, tile_width: float, tile_height: float) -> list[Box]:
    """Page regions: bands cut between generations, each band cut between people."""
    bounds = geometry.bounds
    footprints = [symbol.footprint for symbol in geometry.symbols]
    footprints += [label.box for label in geometry.labels]
    if geometry.legend is not None:
        footprints.append(geometry.legend.box)
    ys = _cuts(bounds.y, bounds.bottom, tile_height, [(box.y, box.bottom) for box in footprints])
    tiles = []
    for top, bottom in itertools.pairwise(ys):
        band = Box(bounds.x, top, bounds.width, bottom - top)
        inside = [box for box in footprints if box.overlaps(band)]
        for left, right in _spans(bounds.x, bounds.right, tile_width, [(box.x, box.right) for box in inside]):
            region = Box(left, top, right - left, bottom - top)
            if any(box.overlaps(region) for box in inside):
                tiles.append(region)
    return tiles


def render_pdf(geometry: Geometry, marking: str = DEFAULT_MARKING, paper: str = "auto",
               generated_by: str = "", generated_on: date | None = None) -> bytes:
    """The standalone genogram document as PDF bytes."""
    plan = plan_pages(geometry, paper)
    page_width, page_height = PAPER[plan.paper]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_width, page_height), pageCompression=1)
    canvas.setTitle(f"{marking} — {geometry.title or 'Genogram'}")
    canvas.setSubject(marking)
    canvas.setCreator("genorisk")
    pages = len(plan.regions) + (1 if plan.overview else 0)
    width, height = _usable(plan.paper)
    top = page_height - PAGE_MARGIN - HEADER
    number = 0
    if plan.overview:
        number += 1
        bounds = geometry.bounds
        scale = min(width / bounds.width, height / bounds.height, 1.0)
        _page_furniture(canvas, geometry, marking, number, pages, "Overview (detail on the following pages)",
                        generated_by, generated_on)
        draw_geometry(canvas, geometry, PAGE_MARGIN + (width - bounds.width * scale) / 2, top, scale)
        canvas.showPage()
    for index, region in enumerate(plan.regions):
        number += 1
        caption = f"Part {index + 1} of {len(plan.regions)}" if plan.overview else ""
        _page_furniture(canvas, geometry, marking, number, pages, caption, generated_by, generated_on)
        left = PAGE_MARGIN + (width - region.width * plan.scale) / 2 if not plan.overview else PAGE_MARGIN
        draw_geometry(canvas, geometry, left, top, plan.scale, region=region if plan.overview else None)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page_furniture(canvas: Canvas, geometry: Geometry, marking: str, number: int, pages: int, caption: str,
                    generated_by: str, generated_on: date | None) -> None:
    width, height = canvas._pagesize
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(pdf_font(bold=True), 10)
    canvas.drawCentredString(width / 2, height - PAGE_MARGIN + 10, marking)
    canvas.drawCentredString(width / 2, PAGE_MARGIN - 20, marking)
    canvas.setFont(pdf_font(bold=True), 11)
    canvas.drawString(PAGE_MARGIN, height - PAGE_MARGIN - 12, f"Genogram — {geometry.title}".strip(" —"))
    canvas.setFont(pdf_font(), 8)
    if caption:
        canvas.drawRightString(width - PAGE_MARGIN, height - PAGE_MARGIN - 12, caption)
    made = f"Generated {display_date(generated_on or date.today())}" + (f" by {generated_by}" if generated_by else "")
    canvas.drawString(PAGE_MARGIN, PAGE_MARGIN - 6, made)
    canvas.drawRightString(width - PAGE_MARGIN, PAGE_MARGIN - 6, f"Page {number} of {pages}")


def write_pdf(geometry: Geometry, path: Path, marking: str = DEFAULT_MARKING, paper: str = "auto",
              generated_by: str = "") -> None:
    """Write the standalone PDF atomically (temporary file in the same folder, fsync, rename)."""
    write_bytes_atomically(Path(path), render_pdf(geometry, marking, paper, generated_by))
