"""The genogram section: the shared geometry model drawn on landscape pages with its legend.

The layout is the genogram engine's (:func:`genorisk.genogram.layout.layout_case`) and the drawing
its reportlab renderer's (:mod:`genorisk.genogram.pdf`): this module only decides the scale and, for
big families, the tiles (:mod:`genorisk.report.tiling`), so the report shows exactly the genogram the
app shows, never a second layout.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from genorisk.genogram.geometry import Box, Geometry
from genorisk.genogram.layout import layout_case
from genorisk.genogram.pdf import draw_geometry
from genorisk.genogram.settings import GenogramSettings
from genorisk.report.context import ReportContext
from genorisk.report.styles import para, styles
from genorisk.report.tiling import TilePlan, plan_tiles
from genorisk.risk.markers import risk_markers

CAPTION_SPACE = 40.0


class GeometryTile(Flowable):  # type: ignore[misc]
    """One region of the genogram, drawn at a fixed scale and clipped to the region."""

    def __init__(self, geometry: Geometry, region: Box, scale: float) -> None:
        super().__init__()
        self.geometry = geometry
        self.region = region
        self.scale = scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.scale = min(self.scale, available_width / max(self.region.width, 1.0),
                         available_height / max(self.region.height, 1.0))
        return self.region.width * self.scale, self.region.height * self.scale

    def draw(self) -> None:
        canvas: Canvas = self.canv
        height = self.region.height * self.scale
        geometry = self.geometry if self.region == self.geometry.bounds else within(self.geometry, self.region)
        draw_geometry(canvas, geometry, x=0, y=height, scale=self.scale, region=self.region)


def _extent(points: tuple[tuple[float, float], ...]) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def within(geometry: Geometry, region: Box) -> Geometry:
    """Only what can show in ``region`` (the rest would be clipped away): a big family's tile then
    carries a few hundred lines instead of every line in the family. Nothing is moved or restyled."""
    near = region.expanded(4)
    lines = tuple(line for line in geometry.lines
                  if any(_extent(stroke.points).overlaps(near, 1) for stroke in line.strokes if stroke.points))
    symbols = tuple(symbol for symbol in geometry.symbols if symbol.footprint.overlaps(near))
    labels = tuple(label for label in geometry.labels if label.box.overlaps(near))
    boundaries = tuple(b for b in geometry.boundaries
                       if any(_extent(outline).overlaps(near, 1) for outline in b.outlines if outline))
    return replace(geometry, lines=lines, symbols=symbols, labels=labels, boundaries=boundaries)


def layout(ctx: ReportContext) -> Geometry:
    """The genogram engine's layout of the (redacted) case, with the risk markers the app shows."""
    return layout_case(ctx.record, GenogramSettings(), markers=risk_markers(ctx.record, ctx.today))


def genogram_pages(ctx: ReportContext) -> list[Flowable]:
    st = styles()
    if not ctx.record.people:
        return [para("No people are recorded: there is no genogram.", st.body)]
    if not ctx.options.include_genogram:
        return [para("The genogram was left out of this report.", st.note)]
    geometry = layout(ctx)
    width, height = ctx.landscape_frame
    plan = plan_tiles(geometry, width, height - CAPTION_SPACE)
    return tiles_story(geometry, plan)


def tiles_story(geometry: Geometry, plan: TilePlan) -> list[Flowable]:
    st = styles()
    if len(plan.tiles) == 1:
        return [GeometryTile(geometry, plan.tiles[0], plan.scale)]
    story: list[Flowable] = [
        para(f"Overview of the whole genogram ({len(geometry.symbols)} people). It is too big to read on one page: "
             f"the {len(plan.tiles)} sections that follow show it at a readable size, cut only between people.",
             st.note),
        GeometryTile(geometry, geometry.bounds, 1.0),
        PageBreak(),
    ]
    for index, tile in enumerate(plan.tiles):
        row, column = divmod(index, plan.columns)
        where = []
        if column > 0:
            where.append("continues from the section before on the left")
        if column < plan.columns - 1:
            where.append("continues in the next section to the right")
        if row > 0:
            where.append(f"the row above is section {index - plan.columns + 1}")
        caption = (f"Genogram section {index + 1} of {len(plan.tiles)} (row {row + 1} of {plan.rows}, "
                   f"column {column + 1} of {plan.columns})" + (f": {'; '.join(where)}" if where else ""))
        # Sections flow down the page: a wide, shallow family gets several strips to a page.
        story.append(KeepTogether([para(caption, st.note), GeometryTile(geometry, tile, plan.scale), Spacer(1, 10)]))
    return story
