"""The page furniture on every page: protective marking top and bottom, case reference, who generated
the report and when, and "Page X of Y".

"Page X of Y" needs the total, known only at the end: the canvas keeps each page's state when the
page is finished and stamps the furniture on all of them when the document is saved (the reportlab
NumberedCanvas recipe). Drawing the marking here, not in a page template, means every page is
marked, overflow pages included.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from genorisk.report.fonts import report_fonts

MARGIN = 15 * mm
FURNITURE_GREY = (0.25, 0.25, 0.25)


class PageFurniture:
    """The texts stamped on every page."""

    def __init__(self, marking: str, reference: str, generated: str, title: str) -> None:
        self.marking = marking.strip().upper()
        self.reference = reference
        self.generated = generated
        self.title = title


def numbered_canvas(furniture: PageFurniture) -> type[Canvas]:
    """A canvas class (for ``doc.build(canvasmaker=...)``) that stamps ``furniture`` on every page."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                draw_furniture(self, furniture, self._pageNumber, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def draw_furniture(canvas: Canvas, furniture: PageFurniture, page: int, total: int) -> None:
    fonts = report_fonts()
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(fonts.bold, 11)
    canvas.drawCentredString(width / 2, height - 9 * mm, furniture.marking)
    canvas.drawCentredString(width / 2, 6 * mm, furniture.marking)
    canvas.setFont(fonts.regular, 7.5)
    canvas.setFillColorRGB(*FURNITURE_GREY)
    canvas.drawString(MARGIN, height - 13.5 * mm, f"{furniture.title} · Case {furniture.reference}")
    canvas.drawRightString(width - MARGIN, height - 13.5 * mm, furniture.generated)
    canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, height - 15 * mm, width - MARGIN, height - 15 * mm)
    canvas.line(MARGIN, 12.5 * mm, width - MARGIN, 12.5 * mm)
    canvas.drawString(MARGIN, 9.5 * mm, f"Case {furniture.reference}")
    canvas.setFont(fonts.bold, 8)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawRightString(width - MARGIN, 9.5 * mm, f"Page {page} of {total}")
    canvas.restoreState()
