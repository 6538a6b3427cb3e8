"""The per-child cumulative timeline in the app: the SAME layout the SVG and the PDF use
(:func:`genorisk.risk.timeline_draw.layout_timeline`), painted with QPainter, with image export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QHelpEvent, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.record import CaseRecord
from genorisk.interop.atomic import write_bytes_atomically
from genorisk.risk.cumulative import all_child_timelines, child_timeline
from genorisk.risk.facts import is_child
from genorisk.risk.timeline_draw import TimelineDrawing, layout_timeline, to_svg
from genorisk.ui.panels import PanelContext


def paint_drawing(painter: QPainter, drawing: TimelineDrawing) -> None:
    """Draw a timeline layout: rectangles, lines, texts and markers exactly as laid out.

    One layout unit is one pixel here (fonts are sized in pixels), so text fits as the layout planned.
    """
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def pen(style_name: str) -> QPen:
        style = drawing.styles[style_name]
        if style.stroke is None:
            return QPen(Qt.PenStyle.NoPen)
        result = QPen(QColor(style.stroke), style.width)
        if style.dash:
            result.setDashPattern([d / max(style.width, 0.5) for d in style.dash])
        return result

    for rect in drawing.rects:
        style = drawing.styles[rect.style]
        painter.setPen(pen(rect.style))
        painter.setBrush(QBrush(QColor(style.fill)) if style.fill else Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(rect.x, rect.y, rect.w, rect.h))
    for line in drawing.lines:
        painter.setPen(pen(line.style))
        painter.drawLine(QPointF(line.x1, line.y1), QPointF(line.x2, line.y2))
    font = QFont("DejaVu Sans")
    for rect in drawing.rects:
        if rect.text:
            font.setPixelSize(8)
            font.setBold(False)
            painter.setFont(font)
            painter.setPen(QColor(drawing.styles[rect.style].text))
            painter.drawText(QPointF(rect.x + 3, rect.y + rect.h / 2 + 3), rect.text)
    for marker in drawing.markers:
        style = drawing.styles[marker.style]
        half = marker.size / 2
        painter.setPen(QPen(QColor(style.stroke or "#000000"), 0.8))
        painter.setBrush(QBrush(QColor(style.fill or "#ffffff")))
        painter.drawPolygon(QPolygonF([QPointF(marker.x, marker.y - half), QPointF(marker.x + half, marker.y),
                                       QPointF(marker.x, marker.y + half), QPointF(marker.x - half, marker.y)]))
        font.setPixelSize(6)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor(style.text))
        painter.drawText(QRectF(marker.x - half, marker.y - half, marker.size, marker.size),
                         Qt.AlignmentFlag.AlignCenter, str(marker.number))
    painter.setPen(QColor("#1d1d1d"))
    for text in drawing.texts:
        font.setPixelSize(max(1, round(text.size)))
        font.setBold(text.bold)
        font.setItalic(text.italic)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(text.text)
        x = text.x - (width / 2 if text.anchor == "middle" else width if text.anchor == "end" else 0)
        painter.drawText(QPointF(x, text.y), text.text)
    font.setItalic(False)


def render_image(drawing: TimelineDrawing, scale: float = 2.0) -> QImage:
    """The drawing as an image (white background), for PNG export."""
    image = QImage(int(drawing.width * scale), int(drawing.height * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint_drawing(painter, drawing)
    painter.end()
    return image


class TimelineView(QWidget):
    """Paints one timeline drawing; hovering a bar shows its details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.drawing: TimelineDrawing | None = None
        self.setMouseTracking(True)
        self.setAutoFillBackground(True)

    zoom = 1.3

    def set_drawing(self, drawing: TimelineDrawing) -> None:
        self.drawing = drawing
        self.setMinimumSize(QSize(int(drawing.width * self.zoom), int(drawing.height * self.zoom)))
        self.setAccessibleDescription(drawing.title)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        if self.drawing is not None:
            painter.scale(self.zoom, self.zoom)
            paint_drawing(painter, self.drawing)
        painter.end()

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent) and self.drawing is not None:
            raw = event.position() if hasattr(event, "position") else event.pos()
            point = QPointF(raw.x() / self.zoom, raw.y() / self.zoom)
            tip = ""
            for rect in reversed(self.drawing.rects):
                if rect.tooltip and QRectF(rect.x, rect.y, rect.w, rect.h).contains(QPointF(point)):
                    tip = rect.tooltip
                    break
            for marker in self.drawing.markers:
                if abs(point.x() - marker.x) <= marker.size / 2 and abs(point.y() - marker.y) <= marker.size / 2:
                    tip = marker.tooltip
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]


class TimelinePanel(QWidget):
    """Choose a child; see who lived in or visited their household and the risks they carried."""

    def __init__(self, context: PanelContext, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.setObjectName("timelinePanel")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.child = QComboBox()
        self.child.setObjectName("timelineChild")
        self.child.setAccessibleName("Child")
        label = QLabel("&Child:")
        label.setBuddy(self.child)
        self.export_button = QPushButton("&Export image…")
        self.export_button.setObjectName("timelineExport")
        top.addWidget(label)
        top.addWidget(self.child, 1)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.view = TimelineView()
        scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(False)
        layout.addWidget(scroll, 1)
        self.child.currentIndexChanged.connect(self._draw)
        self.export_button.clicked.connect(self.export)
        context.record_changed.connect(lambda record, _touched: self.refresh(record))
        self.refresh(context.record)

    def refresh(self, record: CaseRecord) -> None:
        self.record = record
        current = self.child.currentData()
        today = self.today or date.today()
        self.child.blockSignals(True)
        self.child.clear()
        first = [t.child_id for t in all_child_timelines(record, today)]
        others = [p.id for p in record.people if is_child(p, today) and p.id not in first]
        for person_id in (*first, *others):
            self.child.addItem(record.name_of(person_id), person_id)
        self.child.setCurrentIndex(max(self.child.findData(current), 0))
        self.child.blockSignals(False)
        self._draw()

    def drawing(self) -> TimelineDrawing | None:
        child_id = self.child.currentData()
        if not child_id:
            return None
        timeline = child_timeline(self.record, child_id, self.today or date.today())
        return layout_timeline(timeline, self.record)

    def _draw(self) -> None:
        drawing = self.drawing()
        if drawing is not None:
            self.view.set_drawing(drawing)

    def marking(self) -> str:
        settings = self.context.settings
        return str(getattr(settings, "marking", "") or "OFFICIAL-SENSITIVE")

    def export_to(self, path: Path) -> None:
        """Write the current timeline as PNG or SVG (by extension), atomically."""
        drawing = self.drawing()
        if drawing is None:
            raise ValueError("choose a child first")
        if path.suffix.lower() == ".svg":
            write_bytes_atomically(path, to_svg(drawing, self.marking()).encode("utf-8"))
            return
        if path.suffix.lower() != ".png":
            raise ValueError(f"{path.name}: save the timeline as .png or .svg")
        image = render_image(drawing)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        write_bytes_atomically(path, bytes(buffer.data().data()))

    def export(self) -> None:
        reference = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in self.record.case.reference)
        suggested = f"{reference}-timeline-{self.child.currentIndex() + 1}.png"
        name, _filter = QFileDialog.getSaveFileName(self, "Export timeline", suggested,
                                                    "PNG image (*.png);;SVG drawing (*.svg)")
        if name:
            self.export_to(Path(name))
