"""The per-child cumulative timeline, laid out ONCE and drawn by several renderers (Qt-free).

:func:`layout_timeline` turns a :class:`~genorisk.risk.cumulative.ChildTimeline` into a
:class:`TimelineDrawing`: plain rectangles, lines, texts and markers in points (y grows downward),
each fully styled. Renderers draw only that: :func:`to_svg` here, :func:`to_reportlab` here for the
PDF report, and ``genorisk.ui.risk.timeline`` with Qt in the app. Hatching is emitted as explicit
lines so every renderer shows the same picture.

Never colour alone: every bar carries its code and status in words (e.g. 'DA-P historic'), the
presence of a visitor is a dashed outline, suspected and disputed facts are hatched, and the legend
explains each look.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import RiskCategory, RiskGroup
from genorisk.domain.values import HouseholdRole
from genorisk.interop.atomic import write_text_atomically
from genorisk.risk.cumulative import ChildTimeline, FactSpan, Period, describe_exposure, exposure
from genorisk.risk.rules.config import rule_config

LEFT = 232.0
RIGHT_MARGIN = 14.0
LANE = 15.0
GAP = 3.0
FONT = 8.0
CHAR_WIDTH = 0.53
INK = "#1d1d1d"

GROUP_CODES: dict[RiskGroup, str] = {
    RiskGroup.DOMESTIC_ABUSE: "DA", RiskGroup.MENTAL_HEALTH: "MH", RiskGroup.SUBSTANCE_MISUSE: "SUB",
    RiskGroup.CRIMINALITY: "CR", RiskGroup.CUMULATIVE: "OTH",
}


@dataclass(frozen=True, slots=True)
class Style:
    fill: str | None
    stroke: str | None = INK
    dash: tuple[float, ...] = ()
    width: float = 0.8
    text: str = INK


STYLES: dict[str, Style] = {
    "home": Style("#dfe8f2", "#2b4a6b"),
    "presence_resident": Style("#c9d6e3", "#2b4a6b"),
    "presence_visitor": Style("#ffffff", "#2b4a6b", (3.0, 2.0)),
    "solid": Style("#4a4a4a", INK, text="#ffffff"),
    "hatched": Style("#ffffff", INK),
    "outline": Style("#ffffff", INK),
    "outline_dotted": Style("#ffffff", INK, (1.2, 1.6)),
    "before_window_tag": Style("#ffffff", INK, (2.0, 1.5)),
    "before_birth": Style("#f0f0f0", None),
    "exposure": Style("#fff4cc", "#7a6000"),
    "exposure_none": Style("#ffffff", "#9a9a9a"),
    "axis": Style(None, INK),
    "grid": Style(None, "#d0d0d0", (1.0, 2.0), 0.5),
    "today": Style(None, INK, (4.0, 2.0), 1.0),
    "hatch": Style(None, INK, (), 0.5),
    "separator": Style(None, "#b0b0b0", (), 0.5),
    "event": Style("#ffffff", INK),
    "event_da": Style("#4a4a4a", INK, text="#ffffff"),
}


@dataclass(frozen=True, slots=True)
class TRect:
    x: float
    y: float
    w: float
    h: float
    style: str
    text: str = ""
    tooltip: str = ""
    person_id: str = ""
    entity_id: str = ""


@dataclass(frozen=True, slots=True)
class TLine:
    x1: float
    y1: float
    x2: float
    y2: float
    style: str


@dataclass(frozen=True, slots=True)
class TText:
    x: float
    y: float
    """Baseline."""
    text: str
    size: float = FONT
    anchor: str = "start"
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class TMarker:
    """An event marker: a diamond (domestic abuse: filled) with its number."""

    x: float
    y: float
    size: float
    number: int
    style: str
    tooltip: str = ""
    entity_id: str = ""


@dataclass(frozen=True, slots=True)
class TimelineDrawing:
    width: float
    height: float
    title: str
    rects: tuple[TRect, ...] = ()
    lines: tuple[TLine, ...] = ()
    texts: tuple[TText, ...] = ()
    markers: tuple[TMarker, ...] = ()
    styles: Mapping[str, Style] = field(default_factory=lambda: STYLES)


def layout_timeline(timeline: ChildTimeline, record: CaseRecord, width: float = 780.0) -> TimelineDrawing:
    """Lay out one child's timeline; every renderer draws this result and nothing else."""
    builder = _Builder(timeline, record, width)
    return builder.build()


class _Builder:
    def __init__(self, timeline: ChildTimeline, record: CaseRecord, width: float) -> None:
        self.t = timeline
        self.record = record
        self.width = width
        self.right = width - RIGHT_MARGIN
        self.rects: list[TRect] = []
        self.lines: list[TLine] = []
        self.texts: list[TText] = []
        self.markers: list[TMarker] = []
        notation = rule_config().markers
        self.codes: Mapping[str, str] = notation.get("category_codes", {})
        self.patterns: Mapping[str, Any] = notation.get("statuses", {})
        span = max(1, (timeline.window.end - timeline.window.start).days)
        self.scale = (self.right - LEFT) / span

    def x(self, day: date) -> float:
        day = min(max(day, self.t.window.start), self.t.window.end)
        return LEFT + (day - self.t.window.start).days * self.scale

    def text(self, x: float, y: float, text: str, **extra: Any) -> None:
        self.texts.append(TText(x, y, text, **extra))

    def build(self) -> TimelineDrawing:
        t = self.t
        title = f"{t.child_name}: who lived in or visited the household, and the risks they carried"
        self.text(0, 14, title, size=11, bold=True)
        born = f"born {t.born.strftime('%d/%m/%Y')}; " if t.born else ""
        self.text(0, 28, f"{born}{t.window.display()} (as on {t.as_of.strftime('%d/%m/%Y')}). "
                         "Facts are shown with their own dates; history carried from before is tagged at the left.",
                  size=7.5, italic=True)
        y = 40.0
        y = self._events(y)
        top = y
        y = self._axis(y)
        if t.is_empty:
            self.text(LEFT, y + 12, "No household is recorded for this child.", italic=True)
            y += 20
        else:
            y = self._homes(y)
            for row_index, row in enumerate(t.rows):
                y = self._row(row_index, row, y)
            y = self._exposure(y)
        bottom = y
        self._frame(top, bottom)
        y = self._event_key(y + 8)
        y = self._legend(y + 6)
        return TimelineDrawing(self.width, y + 6, title, tuple(self.rects), tuple(self.lines), tuple(self.texts),
                               tuple(self.markers))

    # --- parts -----------------------------------------------------------------------------------
    def _events(self, y: float) -> float:
        if not self.t.events:
            return y
        self.text(0, y + 10, "Events (numbered below)", bold=True)
        size = 11.0
        row_ends: list[float] = []
        for number, event in enumerate(self.t.events, start=1):
            style = "event_da" if event.domestic_abuse else "event"
            x = self.x(event.day)
            row = next((i for i, end in enumerate(row_ends) if x - size >= end), len(row_ends))
            if row == len(row_ends):
                row_ends.append(x)
            row_ends[row] = x
            self.markers.append(TMarker(x, y + 7 + row * (size + 1), size, number, style,
                                        f"{event.day.strftime('%d/%m/%Y')} {event.kind}: {event.text}", event.id))
        return y + 6 + len(row_ends) * (size + 1)

    def _axis(self, y: float) -> float:
        t = self.t
        self.lines.append(TLine(LEFT, y + 12, self.right, y + 12, "axis"))
        for tick, label in _ticks(t.window):
            x = self.x(tick)
            self.lines.append(TLine(x, y + 9, x, y + 12, "axis"))
            self.text(x, y + 7, label, size=7, anchor="middle")
        return y + 16

    def _frame(self, top: float, bottom: float) -> None:
        t = self.t
        if t.born and t.born > t.window.start:
            x = self.x(t.born)
            self.rects.insert(0, TRect(LEFT, top + 16, x - LEFT, bottom - top - 16, "before_birth",
                                       tooltip="Before the child was born"))
            if x - LEFT > 50:
                self.text((LEFT + x) / 2, top + 25, "before birth", size=7, anchor="middle", italic=True)
        for tick, _label in _ticks(t.window):
            self.lines.append(TLine(self.x(tick), top + 16, self.x(tick), bottom, "grid"))
        x_now = self.x(t.as_of)
        self.lines.append(TLine(x_now, top + 12, x_now, bottom, "today"))

    def _homes(self, y: float) -> float:
        self.text(0, y + 11, f"{self.t.child_name}'s home", bold=True)
        for home in self.t.homes:
            x1, x2 = self.x(home.period.start), self.x(home.period.end)
            self.rects.append(TRect(x1, y + 1, max(2.0, x2 - x1), LANE - 2, "home", self._fit(home.name, x2 - x1),
                                    f"{home.name}: {home.period.display()}", self.t.child_id, home.household_id))
        return y + LANE + GAP + 4

    def _row(self, index: int, row: Any, y: float) -> float:
        self.lines.append(TLine(0, y - 2, self.right, y - 2, "separator"))
        relation = f"{row.relation}, " if row.relation else ""
        role = "visits" if row.role is HouseholdRole.REGULAR_VISITOR else "lives at"
        self.text(0, y + 10, row.name, bold=True)
        self.text(0, y + 19, f"{relation}{role} {row.household_name}", size=7)
        style = "presence_visitor" if row.role is HouseholdRole.REGULAR_VISITOR else "presence_resident"
        for presence in row.presence:
            x1, x2 = self.x(presence.start), self.x(presence.end)
            label = "visiting" if row.role is HouseholdRole.REGULAR_VISITOR else "living here"
            self.rects.append(TRect(x1, y + 1, max(2.0, x2 - x1), LANE - 2, style, self._fit(label, x2 - x1),
                                    f"{row.name} {label}: {presence.display()}", row.person_id))
        y += LANE + GAP + 8
        for span in row.facts:
            y = self._fact(row, span, y)
        return y + 4

    def _fact(self, row: Any, span: FactSpan, y: float) -> float:
        fact = span.fact
        code = self.codes.get(fact.category.value, fact.category.value[:3].upper())
        status = fact.status.value
        pattern = str(self.patterns.get(status, {}).get("pattern", "outline"))
        style = {"solid": "solid", "hatched": "hatched"}.get(pattern, "outline")
        if status == "in_recovery":
            style = "outline_dotted"
        words = f"{code} {fact.status.label.lower()}"
        source = fact.provenance.source.label.lower() if fact.provenance else "no source"
        self.text(12, y + 10, _truncate(f"{code}: {fact.category.label} ({source})", LEFT - 16, 7), size=7)
        dates = span.period.display() if span.dated else "Undated"
        tip = f"{row.name}: {fact.description}. {dates}. {fact.source_text()}"
        if span.dated and span.period.end < self.t.window.start:
            when = f"{_short_date(span.period.start)}–{_short_date(span.period.end)}"
            text = f"\u2190 {code} {fact.status.label.lower()} {when}"
            w = min(self._width(text) + 8, self.right - LEFT)
            self.rects.append(TRect(LEFT, y + 1, w, LANE - 3, "before_window_tag", text, tip, row.person_id, fact.id))
        else:
            x1, x2 = self.x(span.period.start), self.x(span.period.end)
            w = max(3.0, x2 - x1)
            self.rects.append(TRect(x1, y + 1, w, LANE - 3, style, self._fit(words, w, code), tip, row.person_id,
                                    fact.id))
            label = self._fit(words, w, code)
            if style == "hatched":  # hatch only beside the words, so they stay readable
                skip = self._width(label) + 6 if label else 0.0
                if w - skip > 2:
                    self.lines += _hatch(x1 + skip, y + 1, w - skip, LANE - 3)
            if not span.dated:
                self.text(x1 + 2, y + LANE + 5, "undated: carried throughout", size=6.5, italic=True)
        return y + LANE

    def _exposure(self, y: float) -> float:
        self.lines.append(TLine(0, y - 2, self.right, y - 2, "separator"))
        self.text(0, y + 10, "Around the child", bold=True)
        self.text(0, y + 19, "kinds of risk present (h = history carried)", size=7)
        for segment in exposure(self.t):
            x1, x2 = self.x(segment.period.start), self.x(segment.period.end)
            codes = [GROUP_CODES[g] for g in RiskGroup if g in segment.active]
            codes += [GROUP_CODES[g] + "(h)" for g in RiskGroup if g in segment.history]
            style = "exposure" if codes else "exposure_none"
            self.rects.append(TRect(x1, y + 1, max(2.0, x2 - x1), LANE + 6, style,
                                    self._fit(" ".join(codes) or "none recorded", x2 - x1),
                                    describe_exposure(self.record, segment)))
        return y + LANE + 12

    def _event_key(self, y: float) -> float:
        if not self.t.events:
            return y
        self.text(0, y + 10, "Events", bold=True)
        y += 12
        limit = int((self.width - 30) / (FONT * CHAR_WIDTH))
        for number, event in enumerate(self.t.events, start=1):
            line = f"{number}. {event.day.strftime('%d/%m/%Y')} {event.kind}: {event.text}"
            if len(line) > limit:
                line = line[: limit - 1] + "\u2026"
            self.text(0, y + 9, line, size=7.5)
            y += 10
        return y

    def _legend(self, y: float) -> float:
        self.text(0, y + 10, "Key", bold=True)
        y += 14
        entries = [("presence_resident", "lives in the household"), ("presence_visitor", "visits regularly"),
                   ("solid", "current"), ("hatched", "suspected or disputed"), ("outline_dotted", "in recovery"),
                   ("outline", "historic"), ("before_window_tag", "history before this timeline")]
        x = 0.0
        for style, label in entries:
            w = 22.0
            if x + w + self._width(label) + 16 > self.right:
                x = 0.0
                y += 14
            self.rects.append(TRect(x, y, w, 9, style))
            if style == "hatched":
                self.lines += _hatch(x, y, w, 9)
            self.text(x + w + 4, y + 8, label, size=7)
            x += w + self._width(label) + 16
        y += 14
        codes = ", ".join(f"{c} {self._category_label(k)}" for k, c in self.codes.items())
        for line in _wrap(f"Codes: {codes}. Diamonds mark events (filled: domestic abuse). "
                          "Dashed line: today.", int(self.right / (7 * CHAR_WIDTH))):
            self.text(0, y + 8, line, size=7)
            y += 10
        return y

    # --- helpers ---------------------------------------------------------------------------------
    def _category_label(self, key: str) -> str:
        try:
            return RiskCategory(key).label.lower()
        except ValueError:
            return key

    def _width(self, text: str, size: float = FONT) -> float:
        return len(text) * size * CHAR_WIDTH

    def _fit(self, text: str, width: float, fallback: str = "") -> str:
        if self._width(text) + 4 <= width:
            return text
        if fallback and self._width(fallback) + 4 <= width:
            return fallback
        return ""


def _ticks(window: Period) -> list[tuple[date, str]]:
    days = (window.end - window.start).days
    ticks: list[tuple[date, str]] = []
    if days > 3 * 365:
        step = max(1, math.ceil(days / 365 / 10))
        for year in range(window.start.year + 1, window.end.year + 1, step):
            ticks.append((date(year, 1, 1), str(year)))
    else:
        step = 1 if days <= 400 else 3
        year, month = window.start.year, window.start.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            day = date(year, month, 1)
            if day > window.end:
                break
            if (month - 1) % step == 0:
                ticks.append((day, day.strftime("%m/%Y")))  # always mm/yyyy: "10/26" would read as a day
    return ticks


def _truncate(text: str, width: float, size: float) -> str:
    limit = int(width / (size * CHAR_WIDTH))
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "\u2026"


def _short_date(day: date) -> str:
    return day.strftime("%m/%Y")


def _hatch(x: float, y: float, w: float, h: float, step: float = 4.0) -> list[TLine]:
    """45° hatch lines clipped to a rectangle."""
    lines = []
    offset = 0.0
    while offset < w + h:
        x1, y1 = x + offset, y
        x2, y2 = x + offset - h, y + h
        if x1 > x + w:
            y1 = y + (x1 - (x + w))
            x1 = x + w
        if x2 < x:
            y2 = y + h - (x - x2)
            x2 = x
        if y1 <= y2:
            lines.append(TLine(x1, y1, x2, y2, "hatch"))
        offset += step
    return lines


def _wrap(text: str, limit: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


# --- renderers -------------------------------------------------------------------------------------
def to_svg(drawing: TimelineDrawing, marking: str = "OFFICIAL-SENSITIVE") -> str:
    """The drawing as a standalone SVG document (marking in <title>/<desc> and on the canvas)."""
    top = 16.0
    height = drawing.height + top + 14
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{drawing.width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {drawing.width:.1f} {height:.1f}" font-family="DejaVu Sans, Arial, sans-serif">',
           f"<title>{escape(marking)}: {escape(drawing.title)}</title>",
           f"<desc>{escape(marking)}. Cumulative timeline drawn by genorisk.</desc>",
           f'<rect x="0" y="0" width="{drawing.width:.1f}" height="{height:.1f}" fill="#ffffff"/>',
           f'<text x="{drawing.width / 2:.1f}" y="11" font-size="8" text-anchor="middle" font-weight="bold">'
           f"{escape(marking)}</text>",
           f'<g transform="translate(0,{top})">']
    for rect in drawing.rects:
        style = drawing.styles[rect.style]
        fill = style.fill or "none"
        stroke = style.stroke or "none"
        dash = f' stroke-dasharray="{",".join(str(d) for d in style.dash)}"' if style.dash else ""
        ident = f' data-person-id="{escape(rect.person_id)}"' if rect.person_id else ""
        ident += f' data-entity-id="{escape(rect.entity_id)}"' if rect.entity_id else ""
        tip = f"<title>{escape(rect.tooltip)}</title>" if rect.tooltip else ""
        out.append(f'<rect x="{rect.x:.2f}" y="{rect.y:.2f}" width="{rect.w:.2f}" height="{rect.h:.2f}" '
                   f'fill="{fill}" stroke="{stroke}" stroke-width="{style.width}"{dash}{ident}>{tip}</rect>')
    for line in drawing.lines:
        style = drawing.styles[line.style]
        dash = f' stroke-dasharray="{",".join(str(d) for d in style.dash)}"' if style.dash else ""
        out.append(f'<line x1="{line.x1:.2f}" y1="{line.y1:.2f}" x2="{line.x2:.2f}" y2="{line.y2:.2f}" '
                   f'stroke="{style.stroke or "none"}" stroke-width="{style.width}"{dash}/>')
    for rect in drawing.rects:
        if rect.text:
            colour = drawing.styles[rect.style].text
            out.append(f'<text x="{rect.x + 3:.2f}" y="{rect.y + rect.h / 2 + 3:.2f}" font-size="{FONT - 0.5}" '
                       f'fill="{colour}">{escape(rect.text)}</text>')
    for marker in drawing.markers:
        style = drawing.styles[marker.style]
        half = marker.size / 2
        points = (f"{marker.x:.2f},{marker.y - half:.2f} {marker.x + half:.2f},{marker.y:.2f} "
                  f"{marker.x:.2f},{marker.y + half:.2f} {marker.x - half:.2f},{marker.y:.2f}")
        out.append(f'<polygon points="{points}" fill="{style.fill}" stroke="{style.stroke}" stroke-width="0.8">'
                   f"<title>{escape(marker.tooltip)}</title></polygon>")
        out.append(f'<text x="{marker.x:.2f}" y="{marker.y + 2.3:.2f}" font-size="6" text-anchor="middle" '
                   f'fill="{style.text}">{marker.number}</text>')
    for text in drawing.texts:
        weight = ' font-weight="bold"' if text.bold else ""
        italic = ' font-style="italic"' if text.italic else ""
        out.append(f'<text x="{text.x:.2f}" y="{text.y:.2f}" font-size="{text.size}" '
                   f'text-anchor="{text.anchor}"{weight}{italic} fill="{INK}">{escape(text.text)}</text>')
    out.append("</g>")
    out.append(f'<text x="{drawing.width / 2:.1f}" y="{height - 3:.1f}" font-size="8" text-anchor="middle" '
               f'font-weight="bold">{escape(marking)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write_svg(drawing: TimelineDrawing, path: Path, marking: str = "OFFICIAL-SENSITIVE") -> None:
    write_text_atomically(path, to_svg(drawing, marking))


def to_reportlab(drawing: TimelineDrawing, width: float | None = None, font: str = "Helvetica",
                 bold_font: str = "Helvetica-Bold") -> Any:
    """The drawing as a reportlab ``Drawing`` (a flowable for platypus), scaled to ``width`` points.

    The report helper places it in the PDF; fonts can be swapped for DejaVu where registered.
    """
    from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, Rect, String
    from reportlab.lib.colors import HexColor

    scale = (width / drawing.width) if width else 1.0
    height = drawing.height

    def flip(y: float) -> float:
        return height - y

    group = Group()
    for rect in drawing.rects:
        style = drawing.styles[rect.style]
        shape = Rect(rect.x, flip(rect.y + rect.h), rect.w, rect.h,
                     fillColor=HexColor(style.fill) if style.fill else None,
                     strokeColor=HexColor(style.stroke) if style.stroke else None, strokeWidth=style.width)
        if style.dash:
            shape.strokeDashArray = list(style.dash)
        group.add(shape)
    for line in drawing.lines:
        style = drawing.styles[line.style]
        shape = Line(line.x1, flip(line.y1), line.x2, flip(line.y2), strokeColor=HexColor(style.stroke or INK),
                     strokeWidth=style.width)
        if style.dash:
            shape.strokeDashArray = list(style.dash)
        group.add(shape)
    for rect in drawing.rects:
        if rect.text:
            group.add(String(rect.x + 3, flip(rect.y + rect.h / 2 + 3), rect.text, fontName=font,
                             fontSize=FONT - 0.5, fillColor=HexColor(drawing.styles[rect.style].text)))
    for marker in drawing.markers:
        style = drawing.styles[marker.style]
        half = marker.size / 2
        group.add(Polygon([marker.x, flip(marker.y - half), marker.x + half, flip(marker.y), marker.x,
                           flip(marker.y + half), marker.x - half, flip(marker.y)],
                          fillColor=HexColor(style.fill or "#ffffff"), strokeColor=HexColor(style.stroke or INK),
                          strokeWidth=0.8))
        group.add(String(marker.x, flip(marker.y + 2.3), str(marker.number), fontName=font, fontSize=6,
                         textAnchor="middle", fillColor=HexColor(style.text)))
    for text in drawing.texts:
        group.add(String(text.x, flip(text.y), text.text, fontName=bold_font if text.bold else font,
                         fontSize=text.size, textAnchor=text.anchor, fillColor=HexColor(INK)))
    group.scale(scale, scale)
    result = Drawing(drawing.width * scale, height * scale)
    result.add(group)
    return result
