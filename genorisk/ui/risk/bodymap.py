"""A body map: front and back outlines drawn with QPainterPath, each region clickable.

The TEN-4-FACESp regions (torso, ears, neck, frenulum, angle of jaw, cheeks, eyelids,
subconjunctivae) are drawn with a heavier dashed outline and their letter; a marked region is
hatched and outlined in bold, and every marked region is also listed in words, so nothing relies on
colour. A checkable list beside the map is the keyboard-accessible equivalent: it and the map stay in
step both ways. Left and right are the child's own.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from genorisk.domain.risk import BodyRegion as R
from genorisk.risk.nmi import NmiProtocol

FIGURE_WIDTH = 200.0
FIGURE_HEIGHT = 440.0
GAP = 40.0
MAP_WIDTH = FIGURE_WIDTH * 2 + GAP
TOP = 22.0


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(cx, cy), rx, ry)
    return path


def _poly(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _rect(x: float, y: float, w: float, h: float, radius: float = 6.0) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, y, w, h), radius, radius)
    return path


def _limbs(mirror: bool) -> list[tuple[R, QPainterPath]]:
    """Arms and legs. On the front view the child's right is on the viewer's left; on the back view
    (``mirror``) it is on the viewer's right."""
    names = ((R.UPPER_ARM_RIGHT, R.FOREARM_RIGHT, R.HAND_RIGHT, R.THIGH_RIGHT, R.LOWER_LEG_RIGHT, R.FOOT_RIGHT),
             (R.UPPER_ARM_LEFT, R.FOREARM_LEFT, R.HAND_LEFT, R.THIGH_LEFT, R.LOWER_LEG_LEFT, R.FOOT_LEFT))
    shapes: list[tuple[R, QPainterPath]] = []
    for index, regions in enumerate(names):
        swap = (index == 1) != mirror

        def x(value: float, swap: bool = swap) -> float:
            return FIGURE_WIDTH - value if swap else value

        def poly(*points: tuple[float, float], swap: bool = swap) -> QPainterPath:
            return _poly(*((x(px, swap), py) for px, py in points))

        upper_arm, forearm, hand, thigh, lower_leg, foot = regions
        shapes += [
            (upper_arm, poly((30, 138), (54, 134), (50, 208), (26, 208))),
            (forearm, poly((25, 210), (49, 210), (43, 274), (19, 274))),
            (hand, _ellipse(x(29), 292, 12, 14)),
            (thigh, poly((60, 288), (98, 288), (95, 352), (63, 352))),
            (lower_leg, poly((63, 354), (95, 354), (92, 408), (66, 408))),
            (foot, _ellipse(x(78), 420, 17, 9)),
        ]
    return shapes


def front_regions() -> list[tuple[R, QPainterPath]]:
    """Front view: the child faces us, so the child's right is on the left of the picture."""
    head = _ellipse(100, 62, 46, 54)
    top = QPainterPath()
    top.addRect(QRectF(40, 0, 120, 30))
    shapes: list[tuple[R, QPainterPath]] = [
        (R.SCALP, head.intersected(top)),
        (R.FOREHEAD, _rect(66, 31, 68, 16, 6)),
        (R.EYELID_RIGHT, _ellipse(80, 55, 12, 5)),
        (R.EYELID_LEFT, _ellipse(120, 55, 12, 5)),
        (R.SUBCONJUNCTIVA_RIGHT, _ellipse(80, 63, 10, 3.5)),
        (R.SUBCONJUNCTIVA_LEFT, _ellipse(120, 63, 10, 3.5)),
        (R.NOSE, _ellipse(100, 74, 6, 8)),
        (R.CHEEK_RIGHT, _ellipse(74, 82, 12, 10)),
        (R.CHEEK_LEFT, _ellipse(126, 82, 12, 10)),
        (R.EAR_RIGHT, _ellipse(50, 64, 7, 13)),
        (R.EAR_LEFT, _ellipse(150, 64, 7, 13)),
        (R.MOUTH, _ellipse(100, 95, 12, 4.5)),
        (R.FRENULUM, _rect(156, 88, 42, 16, 3)),
        (R.JAW_ANGLE_RIGHT, _ellipse(63, 96, 7, 9)),
        (R.JAW_ANGLE_LEFT, _ellipse(137, 96, 7, 9)),
        (R.CHIN, _ellipse(100, 108, 12, 5)),
        (R.NECK_FRONT, _rect(84, 117, 32, 16, 4)),
        (R.CHEST, _rect(56, 134, 88, 68, 10)),
        (R.ABDOMEN, _rect(58, 203, 84, 58, 8)),
        (R.GENITAL_AREA, _rect(78, 262, 44, 22, 6)),
    ]
    return shapes + _limbs(mirror=False)


def back_regions() -> list[tuple[R, QPainterPath]]:
    """Back view: we see the child's back, so the child's left is on the left of the picture."""
    shapes: list[tuple[R, QPainterPath]] = [
        (R.BACK_OF_HEAD, _ellipse(100, 62, 46, 54)),
        (R.NECK_BACK, _rect(84, 117, 32, 16, 4)),
        (R.UPPER_BACK, _rect(56, 134, 88, 68, 10)),
        (R.LOWER_BACK, _rect(58, 203, 84, 50, 8)),
        (R.BUTTOCKS, _rect(60, 254, 80, 32, 10)),
    ]
    return shapes + _limbs(mirror=True)


class BodyMapCanvas(QWidget):
    """The drawn map; click a region to mark or unmark it."""

    toggled = Signal(object)

    def __init__(self, protocol: NmiProtocol, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.protocol = protocol
        self.setObjectName("bodyMapCanvas")
        self.setAccessibleName("Body map, front and back; use the list beside it to mark regions by keyboard")
        self.setMinimumSize(QSize(int(MAP_WIDTH * 0.8), int((FIGURE_HEIGHT + TOP) * 0.8)))
        self.selected: set[R] = set()
        self.shapes: list[tuple[R, QPainterPath]] = list(front_regions())
        for region, path in back_regions():
            self.shapes.append((region, path.translated(FIGURE_WIDTH + GAP, 0)))
        self.ten4 = protocol.ten4_region_set
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(int(MAP_WIDTH * 1.1), int((FIGURE_HEIGHT + TOP) * 1.1))

    def _scale(self) -> float:
        return min(self.width() / MAP_WIDTH, self.height() / (FIGURE_HEIGHT + TOP))

    def region_at(self, point: QPointF) -> R | None:
        scale = self._scale()
        local = QPointF(point.x() / scale, point.y() / scale - TOP)
        for region, path in reversed(self.shapes):
            if path.contains(local):
                return region
        return None

    def centre_of(self, region: R) -> QPointF:
        """Where to click to hit a region (widget coordinates), for tests and keyboard help."""
        scale = self._scale()
        for candidate, path in self.shapes:
            if candidate is region:
                centre = path.boundingRect().center()
                return QPointF(centre.x() * scale, (centre.y() + TOP) * scale)
        raise KeyError(region)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        region = self.region_at(event.position())
        if region is not None:
            self.toggled.emit(region)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        region = self.region_at(event.position())
        if region is None:
            self.setToolTip("")
        else:
            group = self.protocol.ten4_group(region)
            self.setToolTip(region.label + (f" — TEN-4-FACESp {group}" if group else ""))
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        scale = self._scale()
        painter.scale(scale, scale)
        ink = self.palette().text().color()
        painter.setPen(ink)
        painter.setFont(QFont(self.font().family(), 9, QFont.Weight.Bold))
        painter.drawText(QRectF(0, 0, FIGURE_WIDTH, TOP), Qt.AlignmentFlag.AlignCenter, "Front")
        painter.drawText(QRectF(FIGURE_WIDTH + GAP, 0, FIGURE_WIDTH, TOP), Qt.AlignmentFlag.AlignCenter, "Back")
        painter.translate(0, TOP)
        small = QFont(self.font().family(), 6)
        painter.setFont(small)
        painter.drawText(QRectF(0, FIGURE_HEIGHT - 12, 60, 12), Qt.AlignmentFlag.AlignLeft, "child's right")
        painter.drawText(QRectF(FIGURE_WIDTH - 60, FIGURE_HEIGHT - 12, 60, 12), Qt.AlignmentFlag.AlignRight,
                         "child's left")
        painter.drawText(QRectF(FIGURE_WIDTH + GAP, FIGURE_HEIGHT - 12, 60, 12), Qt.AlignmentFlag.AlignLeft,
                         "child's left")
        painter.drawText(QRectF(MAP_WIDTH - 60, FIGURE_HEIGHT - 12, 60, 12), Qt.AlignmentFlag.AlignRight,
                         "child's right")
        painter.setPen(QPen(ink, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(_ellipse(100, 62, 46, 54))  # the front of the head (its parts are regions)
        for region, path in self.shapes:
            marked = region in self.selected
            ten4 = region in self.ten4
            pen = QPen(ink, 2.2 if marked else (1.4 if ten4 else 0.8))
            if ten4 and not marked:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            brush = QBrush(ink, Qt.BrushStyle.BDiagPattern) if marked else QBrush(self.palette().base())
            painter.setBrush(brush)
            painter.drawPath(path)
            if ten4:
                group = self.protocol.ten4_group(region) or ""
                painter.setPen(ink)
                bounds = path.boundingRect()
                if region is R.FRENULUM:
                    painter.drawText(bounds, Qt.AlignmentFlag.AlignCenter, "F frenulum")
                elif bounds.width() > 30:
                    corner = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
                    painter.drawText(bounds.adjusted(2, 2, -2, -2), corner, group[:1])
        painter.end()


class BodyMapWidget(QWidget):
    """The map with its accessible checklist and a plain-words list of what is marked."""

    changed = Signal()

    def __init__(self, protocol: NmiProtocol, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.protocol = protocol
        layout = QHBoxLayout(self)
        self.canvas = BodyMapCanvas(protocol)
        layout.addWidget(self.canvas, 3)
        side = QVBoxLayout()
        side.addWidget(QLabel("Regions (tick, or click the map):"))
        self.list = QListWidget()
        self.list.setObjectName("bodyMapList")
        self.list.setAccessibleName("Body map regions")
        self.list.setWordWrap(True)  # long region names wrap rather than scroll sideways
        for region in R:
            group = protocol.ten4_group(region)
            item = QListWidgetItem(region.label + (" (TEN-4)" if group else ""))
            if group:
                item.setToolTip(f"A TEN-4-FACESp region ({group})")
            item.setData(Qt.ItemDataRole.UserRole, region)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        side.addWidget(self.list, 1)
        self.summary = QLabel("Nothing marked yet.")
        self.summary.setObjectName("bodyMapSummary")
        self.summary.setWordWrap(True)
        side.addWidget(self.summary)
        layout.addLayout(side, 2)
        self.canvas.toggled.connect(self.toggle)
        self.list.itemChanged.connect(self._from_list)
        self._updating = False

    def toggle(self, region: R) -> None:
        self.set_selected(self.selected() ^ {region})

    def selected(self) -> set[R]:
        return set(self.canvas.selected)

    def set_selected(self, regions: Iterable[R]) -> None:
        self.canvas.selected = set(regions)
        self._updating = True
        for index in range(self.list.count()):
            item = self.list.item(index)
            marked = item.data(Qt.ItemDataRole.UserRole) in self.canvas.selected
            item.setCheckState(Qt.CheckState.Checked if marked else Qt.CheckState.Unchecked)
        self._updating = False
        self._describe()
        self.canvas.update()
        self.changed.emit()

    def regions(self) -> tuple[R, ...]:
        """The marked regions in a fixed order."""
        return tuple(r for r in R if r in self.canvas.selected)

    def _from_list(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        regions = {R(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                   if self.list.item(i).checkState() == Qt.CheckState.Checked}
        self.set_selected(regions)

    def _describe(self) -> None:
        marked = self.regions()
        if not marked:
            self.summary.setText("Nothing marked yet.")
            return
        words = []
        for region in marked:
            group = self.protocol.ten4_group(region)
            words.append(region.label + (f" (TEN-4-FACESp {group})" if group else ""))
        self.summary.setText("Marked: " + "; ".join(words) + ".")

