"""Print and export the genogram: A4/A3, portrait/landscape, fit to one page or tiled.

Every page carries the protective marking (default OFFICIAL-SENSITIVE, set in Settings) centred in
bold capitals at the top and bottom, and "Page X of Y". Tiled pages are cut only where no symbol or
label is (see :mod:`genorisk.ui.tiling`), overlap their neighbours, and show overlap marks. The
drawing is the engine's geometry painted by :mod:`genorisk.ui.canvas.painting`, black on white, the
same drawing the canvas shows. Files are written atomically (temporary file, then replace).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from genorisk.genogram.geometry import Box, Geometry, LabelRole
from genorisk.ui.canvas.painting import Colours, box_rect, drawing_bounds, paint_geometry, paint_legend, stroke_bounds
from genorisk.ui.tiling import Tile, plan_tiles

POINTS_PER_INCH = 72.0
MARGIN_MM = 10.0
BAND_PT = 22.0  # height of the header and footer bands
OVERLAP_PT = 18.0
MAX_FIT_SCALE = 1.5


@dataclass(frozen=True)
class PrintOptions:
    """How to lay the genogram on paper."""

    paper: str = "A4"
    """'A4' or 'A3'."""
    orientation: str = "auto"
    """'portrait', 'landscape' or 'auto' (the one that fits the drawing's shape better)."""
    mode: str = "fit"
    """'fit' (one page) or 'tile' (across pages at ``scale``)."""
    scale: float = 1.0
    """For tiling: 1.0 prints the genogram at its natural size (names about 8 pt)."""
    legend: bool = True

    def page_size(self) -> QPageSize:
        return QPageSize(QPageSize.PageSizeId.A3 if self.paper == "A3" else QPageSize.PageSizeId.A4)

    def resolved_orientation(self, drawing: QRectF) -> QPageLayout.Orientation:
        if self.orientation == "portrait":
            return QPageLayout.Orientation.Portrait
        if self.orientation == "landscape":
            return QPageLayout.Orientation.Landscape
        wide = drawing.width() >= drawing.height()
        return QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait

    def page_layout(self, drawing: QRectF) -> QPageLayout:
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        return QPageLayout(self.page_size(), self.resolved_orientation(drawing), margins, QPageLayout.Unit.Millimeter)


@dataclass(frozen=True)
class PagePlan:
    """What goes on each page: the tile of the drawing and the scale (points of paper per point).

    When tiling, the key (legend) gets a page of its own at the end (``legend_page``) and the title is
    left to each page's heading, so neither has to be cut.
    """

    tiles: list[Tile]
    scale: float
    content: QRectF
    """The drawing area on the page, in points from the printable area's top-left."""
    legend_page: bool = False
    tiled: bool = False

    @property
    def pages(self) -> int:
        return len(self.tiles) + (1 if self.legend_page else 0)


def obstacles_of(geometry: Geometry, legend: bool = False) -> list[Box]:
    """Everything a page edge must not cut: symbols with their labels, and every other label."""
    areas = [Box(s.footprint.x, s.footprint.y, s.footprint.width, s.footprint.height) for s in geometry.symbols]
    areas += [Box(label.box.x, label.box.y, label.box.width, label.box.height) for label in geometry.labels
              if label.role is not LabelRole.TITLE]
    if legend and geometry.legend is not None:
        box = geometry.legend.box
        areas.append(Box(box.x, box.y, box.width, box.height))
    return areas


def diagram_area(geometry: Geometry) -> Box:
    """The family drawing without its title and key: what tiling spreads over pages."""
    rects = [box_rect(symbol.footprint) for symbol in geometry.symbols]
    rects += [box_rect(label.box) for label in geometry.labels if label.role is not LabelRole.TITLE]
    rects += [stroke_bounds(line.strokes) for line in geometry.lines]
    rects += [stroke_bounds(boundary.strokes) for boundary in geometry.boundaries]
    united = QRectF()
    for rect in rects:
        united = united.united(rect)
    united = united.adjusted(-6, -6, 6, 6)
    return Box(united.x(), united.y(), united.width(), united.height())


def _area(rect: QRectF) -> Box:
    return Box(rect.x(), rect.y(), rect.width(), rect.height())


def plan_pages(geometry: Geometry, options: PrintOptions, printable: QSizeF) -> PagePlan:
    """Tiles and scale for a printable area of ``printable`` points."""
    content = QRectF(0, BAND_PT, printable.width(), printable.height() - 2 * BAND_PT)
    drawing = drawing_bounds(geometry, legend=options.legend).adjusted(-6, -6, 6, 6)
    scale_to_fit = min(content.width() / max(drawing.width(), 1), content.height() / max(drawing.height(), 1))
    if options.mode == "fit" or drawing.width() <= 0:
        bounds = Box(drawing.x(), drawing.y(), drawing.width(), drawing.height())
        return PagePlan([Tile(bounds, 0, 0, 1)], min(scale_to_fit, MAX_FIT_SCALE), content)
    scale = max(options.scale, 0.1)
    if drawing.width() * scale <= content.width() and drawing.height() * scale <= content.height():
        bounds = Box(drawing.x(), drawing.y(), drawing.width(), drawing.height())
        return PagePlan([Tile(bounds, 0, 0, 1)], scale, content)  # it all fits on one page at this scale
    obstacles = obstacles_of(geometry)
    tiles = plan_tiles(diagram_area(geometry), obstacles, content.width() / scale,
                       content.height() / scale, OVERLAP_PT)
    # A page with no person, no label and no line corner on it (only a sliver of a household outline,
    # say) is not worth the paper.
    corners = [Box(x - 0.5, y - 0.5, 1, 1) for line in geometry.lines for x, y in line.points]
    inked = obstacles + corners
    tiles = [tile for tile in tiles if any(ink.overlaps(tile.area) for ink in inked)] or tiles[:1]
    return PagePlan(tiles, scale, content, legend_page=options.legend and geometry.legend is not None, tiled=True)


def draw_marking(painter: QPainter, page: QRectF, marking: str, page_number: int, pages: int, heading: str,
                 detail: str = "") -> None:
    """Marking centred top and bottom in bold capitals; heading, date and 'Page X of Y' at the sides."""
    painter.save()
    painter.setPen(QColor("#000000"))
    bold = QFont("DejaVu Sans")
    bold.setPixelSize(11)
    bold.setBold(True)
    small = QFont("DejaVu Sans")
    small.setPixelSize(8)
    top = QRectF(page.left(), page.top(), page.width(), BAND_PT - 6)
    bottom = QRectF(page.left(), page.bottom() - BAND_PT + 6, page.width(), BAND_PT - 6)
    painter.setFont(bold)
    painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, marking.upper())
    painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, marking.upper())
    painter.setFont(small)
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, heading)
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                     f"Printed {date.today().strftime('%d/%m/%Y')}")
    painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, detail)
    painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                     f"Page {page_number} of {pages}")
    painter.restore()


def _neighbours(tiles: list[Tile], tile: Tile) -> list[tuple[Tile, int]]:
    return [(other, number) for number, other in enumerate(tiles, start=1)
            if other is not tile and other.area.overlaps(tile.area)]


def draw_overlap_marks(painter: QPainter, plan: PagePlan, tile: Tile) -> None:
    """Dashed lines where a neighbouring page's share begins, with its page number: trim and tape here."""
    painter.save()
    pen = QPen(QColor("#555555"), 0.6, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    font = QFont("DejaVu Sans")
    font.setPixelSize(6)
    painter.setFont(font)
    area = tile.area
    for other, number in _neighbours(plan.tiles, tile):
        o = other.area
        marks: list[tuple[QPointF, QPointF, str]] = []
        if o.x > area.x and o.x < area.right:  # neighbour to the right starts inside this page
            x = plan.content.left() + (o.x - area.x) * plan.scale
            marks.append((QPointF(x, plan.content.top()), QPointF(x, plan.content.bottom()), f"page {number} →"))
        if o.right < area.right and o.right > area.x:
            x = plan.content.left() + (o.right - area.x) * plan.scale
            marks.append((QPointF(x, plan.content.top()), QPointF(x, plan.content.bottom()), f"← page {number}"))
        if o.y > area.y and o.y < area.bottom:
            y = plan.content.top() + (o.y - area.y) * plan.scale
            marks.append((QPointF(plan.content.left(), y), QPointF(plan.content.right(), y), f"page {number} ↓"))
        if o.bottom < area.bottom and o.bottom > area.y:
            y = plan.content.top() + (o.bottom - area.y) * plan.scale
            marks.append((QPointF(plan.content.left(), y), QPointF(plan.content.right(), y), f"↑ page {number}"))
        for start, end, text in marks:
            painter.drawLine(start, end)
            painter.drawText(start + QPointF(2, 8), f"overlap: {text}")
    # corner marks at the content edges
    painter.setPen(QPen(QColor("#000000"), 0.6))
    c = plan.content
    for corner, dx, dy in ((c.topLeft(), 1, 1), (c.topRight(), -1, 1), (c.bottomLeft(), 1, -1),
                           (c.bottomRight(), -1, -1)):
        painter.drawLine(corner, corner + QPointF(8 * dx, 0))
        painter.drawLine(corner, corner + QPointF(0, 8 * dy))
    painter.restore()


def paint_page(painter: QPainter, geometry: Geometry, plan: PagePlan, tile: Tile, *, legend: bool) -> None:
    """One tile of the drawing into the page's content area, clipped to the tile (edges cut nothing)."""
    painter.save()
    area = tile.area
    width, height = area.width * plan.scale, area.height * plan.scale
    centre = not plan.tiled
    offset_x = plan.content.left() + (max((plan.content.width() - width) / 2, 0) if centre else 0)
    offset_y = plan.content.top() + (max((plan.content.height() - height) / 2, 0) if centre else 0)
    painter.translate(offset_x, offset_y)
    painter.scale(plan.scale, plan.scale)
    painter.translate(-area.x, -area.y)
    painter.setClipRect(QRectF(area.x, area.y, area.width, area.height))
    shown = replace(geometry, labels=tuple(label for label in geometry.labels if label.role is not LabelRole.TITLE)) \
        if plan.tiled else geometry
    paint_geometry(painter, shown, Colours.print_colours(), legend=legend and not plan.tiled)
    painter.restore()


def paint_legend_page(painter: QPainter, geometry: Geometry, plan: PagePlan) -> None:
    """The key on a page of its own (after the tiles), as large as fits up to the tiles' scale."""
    if geometry.legend is None:
        return
    box = box_rect(geometry.legend.box)
    scale = min(plan.scale, plan.content.width() / box.width(), plan.content.height() / box.height())
    painter.save()
    painter.translate(plan.content.left(), plan.content.top())
    painter.scale(scale, scale)
    painter.translate(-box.x(), -box.y())
    paint_legend(painter, geometry.legend, Colours.print_colours())
    painter.restore()


def render_to_printer(printer: QPrinter, geometry: Geometry, options: PrintOptions, marking: str, heading: str,
                      progress: Callable[[int, int], bool] | None = None) -> int:
    """Print (to paper or a PDF file); returns the number of pages. ``progress`` may return False to stop."""
    drawing = drawing_bounds(geometry, legend=options.legend)
    printer.setPageLayout(options.page_layout(drawing))
    printer.setDocName(heading)
    printer.setCreator("genorisk")
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"could not start printing to {printer.outputFileName() or printer.printerName()}")
    try:
        dpi = printer.resolution()
        to_points = dpi / POINTS_PER_INCH
        printable = printer.pageLayout().paintRectPoints().size()
        plan = plan_pages(geometry, options, QSizeF(printable.width(), printable.height()))
        pages = plan.pages
        page = QRectF(0, 0, printable.width(), printable.height())
        for number, tile in enumerate(plan.tiles, start=1):
            if number > 1:
                printer.newPage()
            painter.save()
            painter.scale(to_points, to_points)  # draw in points from here on
            paint_page(painter, geometry, plan, tile, legend=options.legend)
            if len(plan.tiles) > 1:
                draw_overlap_marks(painter, plan, tile)
            detail = f"Row {tile.row + 1}, column {tile.column + 1} of {tile.columns_in_row}" if plan.tiled else ""
            draw_marking(painter, page, marking, number, pages, heading, detail)
            painter.restore()
            if progress is not None and progress(number, pages) is False:
                return number
        if plan.legend_page:
            printer.newPage()
            painter.save()
            painter.scale(to_points, to_points)
            paint_legend_page(painter, geometry, plan)
            draw_marking(painter, page, marking, pages, pages, heading, "Key to the genogram")
            painter.restore()
        return pages
    finally:
        painter.end()


# --- files, written atomically ---------------------------------------------------------------------
def _temporary_beside(path: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    return Path(name)


def _commit(temporary: Path, path: Path) -> None:
    with open(temporary, "rb") as written:
        os.fsync(written.fileno())
    os.replace(temporary, path)


def export_pdf(path: Path, geometry: Geometry, options: PrintOptions, marking: str, heading: str) -> int:
    """A vector PDF through QPrinter; returns its page count."""
    temporary = _temporary_beside(path)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temporary))
        pages = render_to_printer(printer, geometry, options, marking, heading)
        _commit(temporary, path)
        return pages
    finally:
        temporary.unlink(missing_ok=True)


def _single_page(geometry: Geometry, legend: bool, scale: float) -> tuple[QRectF, QSizeF]:
    drawing = drawing_bounds(geometry, legend=legend).adjusted(-12, -12, 12, 12)
    size = QSizeF(drawing.width() * scale, drawing.height() * scale + 2 * BAND_PT)
    return drawing, size


def _paint_single(painter: QPainter, geometry: Geometry, marking: str, heading: str, legend: bool,
                  scale: float) -> None:
    drawing, size = _single_page(geometry, legend, scale)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("#ffffff"))
    plan = PagePlan([Tile(Box(drawing.x(), drawing.y(), drawing.width(), drawing.height()), 0, 0, 1)], scale,
                    QRectF(0, BAND_PT, size.width(), size.height() - 2 * BAND_PT))
    paint_page(painter, geometry, plan, plan.tiles[0], legend=legend)
    draw_marking(painter, QRectF(4, 2, size.width() - 8, size.height() - 4), marking, 1, 1, heading)


def export_png(path: Path, geometry: Geometry, marking: str, heading: str, *, legend: bool = True,
               pixels_per_point: float = 3.0) -> QSize:
    """A PNG at ``pixels_per_point`` (3 ≈ 216 dpi: crisp when printed or zoomed)."""
    _, size = _single_page(geometry, legend, 1.0)
    image = QImage(max(1, round(size.width() * pixels_per_point)), max(1, round(size.height() * pixels_per_point)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(pixels_per_point * POINTS_PER_INCH / 0.0254))
    image.setDotsPerMeterY(round(pixels_per_point * POINTS_PER_INCH / 0.0254))
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(pixels_per_point, pixels_per_point)
    _paint_single(painter, geometry, marking, heading, legend, 1.0)
    painter.end()
    temporary = _temporary_beside(path)
    try:
        if not image.save(str(temporary)):  # the .png suffix chooses the format
            raise OSError(f"could not write {path}")
        _commit(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return image.size()


def export_svg(path: Path, geometry: Geometry, marking: str, heading: str, *, legend: bool = True) -> None:
    """An SVG (QSvgGenerator) with the marking drawn and in its title and description."""
    _, size = _single_page(geometry, legend, 1.0)
    temporary = _temporary_beside(path)
    try:
        generator = QSvgGenerator()
        generator.setFileName(str(temporary))
        generator.setSize(QSize(round(size.width()), round(size.height())))
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setResolution(72)
        generator.setTitle(f"{marking.upper()} — {heading}")
        generator.setDescription(f"{marking.upper()}. Genogram of case {heading}, made with genorisk.")
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"could not write {path}")
        _paint_single(painter, geometry, marking, heading, legend, 1.0)
        painter.end()
        _commit(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


# --- the options dialog ------------------------------------------------------------------------------
class PrintOptionsDialog(QDialog):
    """Paper, orientation, fit or tile, and scale; shows how many pages tiling will take."""

    def __init__(self, geometry: Geometry, options: PrintOptions | None = None, parent: QWidget | None = None,
                 title: str = "Print genogram", accept_text: str = "Print…") -> None:
        """``accept_text`` names what the button does next (Print…, Preview, Export…), never just "OK"."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.geometry_model = geometry
        options = options or PrintOptions()
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.paper.setAccessibleName("Paper size")
        self.paper.addItems(["A4", "A3"])
        self.paper.setCurrentText(options.paper)
        self.orientation = QComboBox()
        self.orientation.setObjectName("orientation")
        self.orientation.setAccessibleName("Orientation")
        for text, value in (("Best fit", "auto"), ("Portrait", "portrait"), ("Landscape", "landscape")):
            self.orientation.addItem(text, value)
        self.orientation.setCurrentIndex(max(self.orientation.findData(options.orientation), 0))
        mode_box = QGroupBox("Pages")
        mode_layout = QVBoxLayout(mode_box)
        self.fit = QRadioButton("&Fit on one page")
        self.fit.setObjectName("fitOnePage")
        self.tile = QRadioButton("&Tile across pages (cut only between people)")
        self.tile.setObjectName("tilePages")
        group = QButtonGroup(self)
        group.addButton(self.fit)
        group.addButton(self.tile)
        (self.fit if options.mode == "fit" else self.tile).setChecked(True)
        self.scale = QSpinBox()
        self.scale.setObjectName("tileScale")
        self.scale.setAccessibleName("Scale when tiling, per cent")
        self.scale.setRange(25, 400)
        self.scale.setSuffix(" %")
        self.scale.setValue(round(options.scale * 100))
        scale_row = QHBoxLayout()
        scale_row.addWidget(QLabel("Scale:"))
        scale_row.addWidget(self.scale)
        scale_row.addStretch(1)
        mode_layout.addWidget(self.fit)
        mode_layout.addWidget(self.tile)
        mode_layout.addLayout(scale_row)
        self.summary = QLabel()
        self.summary.setObjectName("printSummary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        for text, widget in (("&Paper:", self.paper), ("&Orientation:", self.orientation)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(mode_box)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        for signal in (self.paper.currentIndexChanged, self.orientation.currentIndexChanged, self.fit.toggled,
                       self.scale.valueChanged):
            signal.connect(self._update)
        self._update()

    def options(self) -> PrintOptions:
        return PrintOptions(paper=self.paper.currentText(), orientation=str(self.orientation.currentData()),
                            mode="fit" if self.fit.isChecked() else "tile", scale=self.scale.value() / 100)

    def _update(self, *_: object) -> None:
        self.scale.setEnabled(self.tile.isChecked())
        options = self.options()
        drawing = drawing_bounds(self.geometry_model)
        layout = options.page_layout(drawing)
        printable = layout.paintRectPoints().size()
        plan = plan_pages(self.geometry_model, options, QSizeF(printable.width(), printable.height()))
        pages = plan.pages
        where = "landscape" if layout.orientation() == QPageLayout.Orientation.Landscape else "portrait"
        if options.mode == "fit":
            self.summary.setText(f"One {options.paper} {where} page, drawn at {plan.scale * 100:.0f} % "
                                 f"(100 % is about 8 pt names).")
        else:
            self.summary.setText(f"{pages} {options.paper} {where} page{'s' if pages != 1 else ''} at "
                                 f"{plan.scale * 100:.0f} % ({len(plan.tiles)} of the family, overlapping so they "
                                 f"can be taped together{', then the key' if plan.legend_page else ''}).")


def default_file_name(reference: str, suffix: str) -> str:
    """Files are named after the case reference, never a child's name."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in reference).strip("-") or "genogram"
    return f"{safe}-genogram{suffix}"


__all__ = [
    "PrintOptions",
    "PrintOptionsDialog",
    "default_file_name",
    "export_pdf",
    "export_png",
    "export_svg",
    "plan_pages",
    "render_to_printer",
]
