"""From a placed family to the geometry model: symbols, labels, lines, households, overlays.

Vertical structure of each generation row (y grows downward)::

    top ─ symbols (centred on one line; a couple's union line joins their sides at that height)
          labels under each symbol (name, date of birth, …)
          U-shaped union lines for partners who are not side by side (one level each)
          sibship bars of this row's unions (one level each where bars would overlap)
    next row's top
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from genorisk.domain.entities import EmotionalLink, Household
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import HouseholdRole, ParentKind, PartnershipKind
from genorisk.genogram.cards import UNION_TEXT_SIZE, PersonCard, union_text
from genorisk.genogram.family import Family, Union
from genorisk.genogram.geometry import (
    Boundary,
    Box,
    GlyphSpec,
    Line,
    LineKind,
    LineLayer,
    LineStyle,
    Marker,
    MarkerForm,
    MarkerPattern,
    PlacedMarker,
    Point,
    Shape,
    Stroke,
    Symbol,
    TextAlign,
)
from genorisk.genogram.geometry import Label as GLabel
from genorisk.genogram.geometry import LabelRole as Role
from genorisk.genogram.notation import Notation
from genorisk.genogram.ordering import Cluster, Ordering
from genorisk.genogram.outline import union_outline
from genorisk.genogram.strokes import (
    arrow_head,
    clip_to_box_edge,
    point_along,
    slashes,
    styled_strokes,
)
from genorisk.genogram.text import ASCENT, DESCENT, LINE_SPACING, text_width

NESTED_STEP = 13.0
NESTED_MARGIN = 16.0
BAR_STEP = 8.0
BAND_PADDING = 8.0
ROW_GAP_BELOW_BARS = 28.0
HOUSEHOLD_PADDING = 5.0
HOUSEHOLD_LABEL_STRIP = 12.0
OTHER_PARENT_OFFSET = 7.0
ARC_RISE = 14.0
ARC_MAX_RISE = 30.0
PARALLEL_LINK_OFFSET = 5.0
BADGE_SIZE = 11.0
BADGE_OFFSET = 4.0
BADGE_STEP = BADGE_SIZE + 1.5


@dataclass(slots=True)
class Drawn:
    """What the builder produced, plus the legend keys it used (in first-use order)."""

    symbols: list[Symbol] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    labels: list[GLabel] = field(default_factory=list)
    boundaries: list[Boundary] = field(default_factory=list)
    legend_keys: dict[str, None] = field(default_factory=dict)
    markers: dict[tuple[str, str, GlyphSpec], Marker] = field(default_factory=dict)
    shortened_households: dict[str, None] = field(default_factory=dict)
    """Names of households whose outline label had to be shortened: the key gives them in full."""

    def use(self, key: str) -> None:
        self.legend_keys.setdefault(key, None)


@dataclass(slots=True)
class RowMetrics:
    top: float
    centre: float
    label_bottom: float
    nested_top: float
    band_top: float
    next_top: float


class _Levels:
    """Assigns horizontal segments in one band to levels so none overlap."""

    def __init__(self) -> None:
        self.requests: list[tuple[float, float, str]] = []
        self.level: dict[str, int] = {}

    def add(self, key: str, left: float, right: float) -> None:
        self.requests.append((left, right, key))

    def solve(self, shortest_first: bool = False) -> int:
        ends: list[list[tuple[float, float]]] = []
        order = sorted(self.requests, key=lambda r: ((r[1] - r[0]) if shortest_first else 0.0, r[0], r[2]))
        for left, right, key in order:
            for number, taken in enumerate(ends):
                if all(right + 3 < a or left - 3 > b for a, b in taken):
                    taken.append((left, right))
                    self.level[key] = number
                    break
            else:
                ends.append([(left, right)])
                self.level[key] = len(ends) - 1
        return len(ends)


def build_drawing(
    record: CaseRecord,
    family: Family,
    row_of: Mapping[str, int],
    ordering: Ordering,
    x_of: Mapping[str, float],
    cards: Mapping[str, PersonCard],
    notation: Notation,
    markers: Mapping[str, tuple[Marker, ...]],
    show_households: bool,
    show_emotional: bool,
    show_union_dates: bool,
) -> Drawn:
    return _Builder(record, family, row_of, ordering, x_of, cards, notation, markers,
                    show_households, show_emotional, show_union_dates).build()


class _Builder:
    def __init__(self, record: CaseRecord, family: Family, row_of: Mapping[str, int], ordering: Ordering,
                 x_of: Mapping[str, float], cards: Mapping[str, PersonCard], notation: Notation,
                 markers: Mapping[str, tuple[Marker, ...]], show_households: bool, show_emotional: bool,
                 show_union_dates: bool) -> None:
        self.record = record
        self.family = family
        self.row_of = row_of
        self.ordering = ordering
        self.x = dict(x_of)
        self.cards = cards
        self.notation = notation
        self.markers = markers
        self.show_households = show_households
        self.show_emotional = show_emotional
        self.show_union_dates = show_union_dates
        self.out = Drawn()
        self.ink_width = notation.stroke_widths["family_line"]
        self.dy: dict[str, float] = {}
        for nudge in sorted(record.nudges, key=lambda n: n.id):
            if nudge.person_id in self.x:
                self.x[nudge.person_id] += nudge.dx
                self.dy[nudge.person_id] = self.dy.get(nudge.person_id, 0.0) + nudge.dy
        self.adjacent_pairs: set[tuple[str, str]] = set()
        for items in ordering.rows:
            for item in items:
                if isinstance(item, Cluster):
                    for a, b in zip(item.members, item.members[1:], strict=False):
                        self.adjacent_pairs.add((a, b))
                        self.adjacent_pairs.add((b, a))
        self.people_by_row: dict[int, list[str]] = defaultdict(list)
        for person, row in row_of.items():
            self.people_by_row[row].append(person)
        self.boxes: dict[str, Box] = {}

    # --- main -------------------------------------------------------------------------------------
    def build(self) -> Drawn:
        self._vertical_metrics()
        for person in self.family.people:
            self._person(person)
        for union_id in sorted(self.family.unions):
            self._union(self.family.unions[union_id])
        for union_id in sorted(self.family.unions):
            self._children(self.family.unions[union_id])
        for other in self.family.other_parents:
            self._other_parents(other.union_id, other.child_id, other.kind, other.link_ids)
        if self.show_households:
            self._households()
        if self.show_emotional:
            self._emotional_links()
        return self.out

    # --- vertical structure -------------------------------------------------------------------------
    def _is_adjacent(self, union: Union) -> bool:
        return len(union.partners) == 2 and (union.partners[0], union.partners[1]) in self.adjacent_pairs

    def _same_row(self, union: Union) -> bool:
        return len({self.row_of[p] for p in union.partners}) == 1

    def _vertical_metrics(self) -> None:
        family, ordering = self.family, self.ordering
        rows = len(ordering.rows)
        self.nested: list[_Levels] = [_Levels() for _ in range(rows)]
        self.bands: list[_Levels] = [_Levels() for _ in range(rows)]
        self.points: dict[str, list[tuple[str, str]]] = {}
        for union_id, union in family.unions.items():
            if len(union.partners) == 2 and self._same_row(union) and not self._is_adjacent(union):
                xa, xb = sorted(self.x[p] for p in union.partners)
                self.nested[self.row_of[union.partners[0]]].add(union_id, xa, xb)
            urow = ordering.union_row[union_id]
            points: list[tuple[str, str]] = []
            for child in union.children:
                link = ordering.long_links.get((union_id, child))
                if link:
                    points.append((child, link.lanes[0].id))
                elif self.row_of[child] > urow:
                    points.append((child, child))
            if points:
                self.points[union_id] = points
                xs = [self.x[point] for _, point in points] + [self._union_mid_x(union)]
                self.bands[urow].add(f"bar:{union_id}", min(xs), max(xs))
        for other in family.other_parents:
            union = family.unions[other.union_id]
            crow = self.row_of[other.child_id]
            link = ordering.long_links.get((other.union_id, other.child_id))
            target = self.x[link.lanes[0].id] if link else self.x[other.child_id] + OTHER_PARENT_OFFSET
            band = ordering.union_row[other.union_id] if link else crow - 1
            if band >= 0:
                mid = self._union_mid_x(union)
                self.bands[band].add(f"other:{other.union_id}>{other.child_id}", min(mid, target), max(mid, target))
        for link in ordering.long_links.values():
            path = [lane.id for lane in link.lanes] + [link.child_id]
            for upper, lower in itertools.pairwise(path):
                band = self.row_of[lower] - 1 if lower == link.child_id else self._lane_row(lower) - 1
                xs = sorted((self.x[upper], self.x[lower]))
                self.bands[band].add(f"jog:{link.key}:{lower}", xs[0], xs[1])

        self.metrics: list[RowMetrics] = []
        top = 0.0
        for row in range(rows):
            people = self.people_by_row.get(row, [])
            size = max((self.cards[p].size for p in people), default=40.0)
            size = max(size, 40.0)
            centre = top + size / 2
            label_bottom = max(
                (centre + self.cards[p].size / 2 + self.cards[p].label_height for p in people), default=top + size
            )
            nested_levels = self.nested[row].solve(shortest_first=True)
            nested_top = label_bottom + BAND_PADDING
            band_top = nested_top + nested_levels * NESTED_STEP + (BAND_PADDING if nested_levels else 0.0)
            band_levels = self.bands[row].solve()
            next_top = band_top + max(band_levels - 1, 0) * BAR_STEP + ROW_GAP_BELOW_BARS
            self.metrics.append(RowMetrics(top, centre, label_bottom, nested_top, band_top, next_top))
            top = next_top

    def _lane_row(self, lane_id: str) -> int:
        return int(lane_id.rsplit(":", 1)[1])

    def _band_y(self, row: int, key: str) -> float:
        return self.metrics[row].band_top + self.bands[row].level.get(key, 0) * BAR_STEP

    def _centre_y(self, person: str) -> float:
        return self.metrics[self.row_of[person]].centre + self.dy.get(person, 0.0)

    def _union_mid_x(self, union: Union) -> float:
        return sum(self.x[p] for p in union.partners) / len(union.partners)

    # --- people ---------------------------------------------------------------------------------
    def _person(self, person_id: str) -> None:
        card = self.cards[person_id]
        person = self.family.people[person_id]
        cx, cy = self.x[person_id], self._centre_y(person_id)
        size = card.size
        box = Box(cx - size / 2, cy - size / 2, size, size)
        self.boxes[person_id] = box
        out = self.out
        out.use(f"symbol.{card.kind.value}")
        width = self.notation.stroke_widths["symbol"]
        cross: list[Stroke] = []
        if card.deceased:
            out.use("symbol.deceased")
            cross.extend(_cross(card.shape, box, width))
        if card.kind.value in ("termination", "stillbirth"):
            cross.append(Stroke(((box.x - 3, box.bottom + 3), (box.right + 3, box.y - 3)), width))
        inner_box = None
        if card.subject:
            out.use("symbol.subject")
            inner_box = box.expanded(-3.5) if card.shape is not Shape.TRIANGLE else box.expanded(-4.5)
        if card.needs_sex_at_birth:
            out.use("symbol.sex_at_birth")
        inner_labels = self._inner_text(card, box, person_id)
        placed = self._markers(person_id, card.shape, box)
        if any(marker.marker.glyph.form is not MarkerForm.BADGE for marker in placed):
            # A filled or hatched marker lies under the age: give the text a white ground.
            inner_labels = tuple(replace(text, halo=True) for text in inner_labels)
        label_boxes = [box]
        baseline = box.bottom + 3.0
        for line in card.below:
            baseline += line.size * ASCENT + (0 if baseline == box.bottom + 3.0 else line.size * (LINE_SPACING - 1))
            label = _label(line.text, cx, baseline, line.size, line.role, bold=line.bold, italic=line.italic,
                           halo=True, person_id=person_id)
            out.labels.append(label)
            label_boxes.append(label.box)
            baseline += line.size * DESCENT
        for marker in placed:
            points = [point for stroke in marker.strokes for point in stroke.points]
            if points:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                label_boxes.append(Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
            label_boxes.extend(marker_label.box for marker_label in marker.labels)
        footprint = Box.enclosing(label_boxes) or box
        out.symbols.append(Symbol(
            person_id=person_id,
            kind=card.kind,
            shape=card.shape,
            box=box,
            footprint=footprint,
            stroke_width=width,
            filled=card.filled,
            double_outline=card.subject,
            inner_box=inner_box,
            deceased=card.deceased,
            subject=person.is_subject_child,
            cross=tuple(cross),
            inner_text=inner_labels,
            markers=placed,
            generation=self.row_of[person_id],
        ))

    def _inner_text(self, card: PersonCard, box: Box, person_id: str) -> tuple[GLabel, ...]:
        if not card.inner:
            return ()
        total = sum(line.size * LINE_SPACING for line in card.inner) - card.inner[-1].size * (LINE_SPACING - 1)
        cy = box.centre[1] + (box.height * 0.18 if card.shape is Shape.TRIANGLE else 0.0)
        baseline = cy - total / 2
        labels = []
        for line in card.inner:
            baseline += line.size * ASCENT
            labels.append(_label(line.text, box.centre_x, baseline, line.size, line.role, bold=line.bold,
                                 person_id=person_id))
            baseline += line.size * (LINE_SPACING - ASCENT)
        return tuple(labels)

    def _markers(self, person_id: str, shape: Shape, box: Box) -> tuple[PlacedMarker, ...]:
        placed: list[PlacedMarker] = []
        badge_x = box.centre_x + BADGE_OFFSET
        for marker in self.markers.get(person_id, ()):
            key = (marker.kind, marker.status, marker.glyph)
            self.out.markers.setdefault(key, marker)
            self.out.use(f"marker:{list(self.out.markers).index(key)}")
            strokes, labels, badge_x = marker_glyph(marker, shape, box, badge_x, person_id)
            placed.append(PlacedMarker(marker, strokes, labels))
        return tuple(placed)

    # --- unions ---------------------------------------------------------------------------------
    def _union_style(self, union: Union) -> tuple[LineStyle, str]:
        kind = union.partnership.kind if union.partnership else PartnershipKind.UNKNOWN
        meaning = self.notation.unions[kind.value]
        return meaning.style, f"union.{kind.value}"

    def _union(self, union: Union) -> None:
        if union.lone:
            return
        a, b = union.partners
        if self.x[a] > self.x[b] or (self.x[a] == self.x[b] and a > b):
            a, b = b, a
        style, meaning = self._union_style(union)
        self.out.use(meaning)
        box_a, box_b = self.boxes[a], self.boxes[b]
        if self._is_adjacent(union):
            points: tuple[Point, ...] = ((box_a.right, box_a.centre[1]), (box_b.x, box_b.centre[1]))
            segment = points
        elif self._same_row(union):
            level = self.nested[self.row_of[a]].level.get(union.id, 0)
            y = self.metrics[self.row_of[a]].nested_top + level * NESTED_STEP
            points = ((box_a.centre_x, box_a.bottom), (box_a.centre_x, y), (box_b.centre_x, y),
                      (box_b.centre_x, box_b.bottom))
            segment = points[1:3]
        else:
            start = clip_to_box_edge(box_a.centre, box_b.centre, box_a.width / 2, box_a.height / 2)
            end = clip_to_box_edge(box_b.centre, box_a.centre, box_b.width / 2, box_b.height / 2)
            points = segment = (start, end)
        strokes = list(styled_strokes(points, style, self.notation, self.ink_width))
        count = 0
        if union.partnership is not None:
            status = union.partnership.status
            count = self.notation.union_slashes[status.value]
            if count:
                self.out.use(f"status.{status.value}")
                where, _ = point_along(segment, 0.3 if len(self.points.get(union.id, ())) else 0.5)
                strokes.extend(slashes(where, count, self.ink_width))
        self.out.lines.append(Line(
            id=f"union:{union.id}", kind=LineKind.UNION, style=style, meaning=meaning, points=points,
            strokes=tuple(strokes), entity_ids=(union.partnership.id,) if union.partnership else (),
            person_ids=(a, b), slashes=count,
        ))
        if self.show_union_dates and union.partnership is not None:
            texts = union_text(union.partnership)
            if texts:
                self.out.use("union.dates")
                (mx, my), _ = point_along(segment, 0.5)
                if self._is_adjacent(union) or not self._same_row(union):
                    baselines = [my - 4.0 - UNION_TEXT_SIZE * LINE_SPACING * k for k in range(len(texts))][::-1]
                else:  # a U-shaped line under the labels: dates go on one line beneath it
                    texts = ["  ".join(texts)]
                    baselines = [my + UNION_TEXT_SIZE * ASCENT + 1.5]
                for text, baseline in zip(texts, baselines, strict=True):
                    self.out.labels.append(_label(text, mx, baseline, UNION_TEXT_SIZE, Role.UNION_DATES,
                                                  halo=True, entity_id=union.partnership.id))

    def _descent_start(self, union: Union, centre: float | None = None) -> Point:
        """Where a union's children's line leaves it: the middle of the union line, or for a U-shaped
        line, the point along it above the children's centre."""
        if union.lone:
            box = self.boxes[union.partners[0]]
            return (box.centre_x, box.bottom)
        a, b = union.partners
        box_a, box_b = self.boxes[a], self.boxes[b]
        if self._is_adjacent(union):
            return ((max(box_a.x, box_b.x) + min(box_a.right, box_b.right)) / 2,
                    (box_a.centre[1] + box_b.centre[1]) / 2)
        if self._same_row(union):
            level = self.nested[self.row_of[a]].level.get(union.id, 0)
            left, right = sorted((box_a.centre_x, box_b.centre_x))
            x = (left + right) / 2 if centre is None else min(max(centre, left + NESTED_MARGIN),
                                                               right - NESTED_MARGIN)
            return (x, self.metrics[self.row_of[a]].nested_top + level * NESTED_STEP)
        return ((box_a.centre_x + box_b.centre_x) / 2, (box_a.centre[1] + box_b.centre[1]) / 2)

    def _child_style(self, kind: ParentKind) -> tuple[LineStyle, str]:
        meaning = self.notation.children[kind.value]
        return meaning.style, f"child.{kind.value}"

    def _children(self, union: Union) -> None:
        points = self.points.get(union.id)
        if not points:
            return
        family, out = self.family, self.out
        urow = self.ordering.union_row[union.id]
        bar_y = self._band_y(urow, f"bar:{union.id}")
        child_xs = [self.x[point] for _, point in points]
        start = self._descent_start(union, (min(child_xs) + max(child_xs)) / 2)
        kinds = {family.child_kind[child] for child, _ in points}
        shared_style, _ = self._child_style(next(iter(kinds))) if len(kinds) == 1 else (LineStyle.SOLID, "")
        partners = union.partners
        descent = (start, (start[0], bar_y))
        out.lines.append(Line(
            id=f"descent:{union.id}", kind=LineKind.DESCENT, style=shared_style, meaning="descent",
            points=descent, strokes=styled_strokes(descent, shared_style, self.notation, self.ink_width),
            entity_ids=(union.partnership.id,) if union.partnership else (), person_ids=partners,
        ))
        # Twins fork from one point on the bar.
        fork_of: dict[str, float] = {}
        twin_groups: dict[str, list[str]] = defaultdict(list)
        for child, point in points:
            twin_set = family.twin_set_of.get(child)
            if twin_set and point == child:
                twin_groups[twin_set.id].append(child)
        for twin_id, members in twin_groups.items():
            if len(members) < 2:
                continue
            fork_x = sum(self.x[m] for m in members) / len(members)
            for member in members:
                fork_of[member] = fork_x
            twin_set = family.twin_set_of[members[0]]
            out.use(f"twins.{twin_set.zygosity.value}")
            if twin_set.zygosity.value == "identical":
                ordered = sorted(members, key=lambda m: self.x[m])
                first, last = self.boxes[ordered[0]], self.boxes[ordered[-1]]
                y_bar = bar_y + (min(first.y, last.y) - bar_y) * 0.5
                x_left = fork_x + (first.centre_x - fork_x) * 0.5
                x_right = fork_x + (last.centre_x - fork_x) * 0.5
                bar = ((x_left, y_bar), (x_right, y_bar))
                out.lines.append(Line(
                    id=f"twinbar:{twin_id}", kind=LineKind.TWIN_BAR, style=LineStyle.SOLID,
                    meaning="twins.identical", points=bar, strokes=(Stroke(bar, self.ink_width),),
                    entity_ids=(twin_id,), person_ids=tuple(ordered),
                ))
        xs = [fork_of.get(child, self.x[point]) for child, point in points] + [start[0]]
        if max(xs) - min(xs) > 0.5:
            bar = ((min(xs), bar_y), (max(xs), bar_y))
            out.lines.append(Line(
                id=f"sibship:{union.id}", kind=LineKind.SIBSHIP, style=shared_style, meaning="sibship",
                points=bar, strokes=styled_strokes(bar, shared_style, self.notation, self.ink_width),
                entity_ids=(union.partnership.id,) if union.partnership else (), person_ids=partners,
            ))
        for child, point in points:
            style, meaning = self._child_style(family.child_kind[child])
            out.use(meaning)
            box = self.boxes[child]
            if point == child:
                top_x = fork_of.get(child, box.centre_x)
                path: tuple[Point, ...] = ((top_x, bar_y), (box.centre_x, box.y))
                if top_x == box.centre_x:
                    path = ((box.centre_x, bar_y), (box.centre_x, box.y))
            else:
                path = ((self.x[point], bar_y), *self._lane_path(union.id, child, box, 0.0))
            out.lines.append(Line(
                id=f"child:{child}", kind=LineKind.CHILD, style=style, meaning=meaning, points=path,
                strokes=styled_strokes(path, style, self.notation, self.ink_width),
                entity_ids=family.child_link_ids.get(child, ()), person_ids=(*partners, child),
            ))

    def _lane_path(self, union_id: str, child: str, box: Box, offset: float) -> list[Point]:
        link = self.ordering.long_links[(union_id, child)]
        path: list[Point] = []
        previous_x = self.x[link.lanes[0].id]
        for upper, lower in zip(link.lanes, [*link.lanes[1:], None], strict=True):
            row = upper.row
            jog_key = f"jog:{link.key}:{lower.id if lower else child}"
            jog_y = self._band_y(row, jog_key)
            next_x = self.x[lower.id] if lower else box.centre_x + offset
            path.append((previous_x, jog_y))
            path.append((next_x, jog_y))
            previous_x = next_x
        path.append((box.centre_x + offset, box.y))
        return path

    def _other_parents(self, union_id: str, child: str, kind: ParentKind, link_ids: tuple[str, ...]) -> None:
        union = self.family.unions[union_id]
        style, meaning = self._child_style(kind)
        self.out.use(meaning)
        start = self._descent_start(union)
        box = self.boxes[child]
        key = f"other:{union_id}>{child}"
        if (union_id, child) in self.ordering.long_links:
            link = self.ordering.long_links[(union_id, child)]
            y = self._band_y(self.ordering.union_row[union_id], key)
            first_x = self.x[link.lanes[0].id]
            path: tuple[Point, ...] = (start, (start[0], y), (first_x, y),
                                       *self._lane_path(union_id, child, box, OTHER_PARENT_OFFSET))
        elif self.row_of[child] > self.ordering.union_row[union_id]:
            y = self._band_y(self.row_of[child] - 1, key)
            target = box.centre_x + OTHER_PARENT_OFFSET
            path = (start, (start[0], y), (target, y), (target, box.y + (box.height * 0.1)))
        else:
            end = clip_to_box_edge(box.centre, start, box.width / 2, box.height / 2)
            path = (start, end)
        self.out.lines.append(Line(
            id=f"other:{union_id}>{child}", kind=LineKind.OTHER_PARENTS, style=style, meaning=meaning,
            points=path, strokes=styled_strokes(path, style, self.notation, self.ink_width),
            entity_ids=link_ids, person_ids=(*union.partners, child),
        ))

    # --- households -----------------------------------------------------------------------------
    def _households(self) -> None:
        members_of: dict[str, list[str]] = defaultdict(list)
        for member in sorted(self.record.household_members, key=lambda m: m.id):
            if (member.role is HouseholdRole.RESIDENT and member.end is None and member.person_id in self.boxes
                    and member.person_id not in members_of[member.household_id]):
                members_of[member.household_id].append(member.person_id)
        row_sequence: dict[int, list[str]] = {
            row: sorted(people, key=lambda p: (self.x[p], p)) for row, people in self.people_by_row.items()
        }
        self.row_index = {person: index for people in row_sequence.values() for index, person in enumerate(people)}
        footprints = {symbol.person_id: symbol.footprint for symbol in self.out.symbols}
        households = sorted(self.record.households, key=lambda h: (h.name, h.id))
        for household in households:
            members = members_of.get(household.id)
            if members:
                self._household(household, members, row_sequence, footprints)

    def _household(self, household: Household, members: list[str], row_sequence: dict[int, list[str]],
                   footprints: dict[str, Box]) -> None:
        member_set = set(members)
        runs_by_row: dict[int, list[Box]] = defaultdict(list)
        by_row: dict[int, list[int]] = defaultdict(list)
        for member in members:
            by_row[self.row_of[member]].append(self.row_index[member])
        for row, places in sorted(by_row.items()):
            places.sort()
            runs: list[list[int]] = [[places[0]]]
            for place in places[1:]:  # members next to each other in the row share one outline
                if place == runs[-1][-1] + 1:
                    runs[-1].append(place)
                else:
                    runs.append([place])
            for run in runs:
                box = Box.enclosing(footprints[row_sequence[row][place]] for place in run)
                if box is not None:
                    padded = box.expanded(HOUSEHOLD_PADDING)
                    runs_by_row[row].append(Box(padded.x, padded.y - HOUSEHOLD_LABEL_STRIP, padded.width,
                                                padded.height + HOUSEHOLD_LABEL_STRIP))
        rects = [box for boxes in runs_by_row.values() for box in boxes]
        rows = sorted(runs_by_row)
        for upper_row, lower_row in itertools.pairwise(rows):
            if lower_row != upper_row + 1:
                continue
            for upper in runs_by_row[upper_row]:
                for lower in runs_by_row[lower_row]:
                    left, right = max(upper.x, lower.x), min(upper.right, lower.right)
                    if right - left > 2 * HOUSEHOLD_PADDING and lower.y > upper.bottom:
                        rects.append(Box(left + HOUSEHOLD_PADDING, upper.bottom - 1,
                                         right - left - 2 * HOUSEHOLD_PADDING, lower.y - upper.bottom + 2))
        outlines = union_outline(rects)
        if not outlines:
            return
        style = self.notation.household.style
        colour = self.notation.colours["boundary"]
        width = self.notation.stroke_widths["boundary"]
        strokes = tuple(Stroke(outline, width, self.notation.dash(style), closed=True, colour=colour)
                        for outline in outlines)
        self.out.use("household")
        labels = []
        for outline in outlines:  # every separate piece is named, so none reads as another household
            top_left = min(outline, key=lambda p: (p[1], p[0]))
            top_right = max((p for p in outline if p[1] == top_left[1]), key=lambda p: p[0])
            text = _fit(household.name, 7.0, top_right[0] - top_left[0] - 6)
            if text != household.name:
                self.out.shortened_households.setdefault(household.name, None)
            labels.append(_label(text, top_left[0] + 3, top_left[1] + 9.5, 7.0, Role.HOUSEHOLD,
                                 align=TextAlign.START, italic=True, halo=True, entity_id=household.id))
        self.out.labels.extend(labels)
        label = labels[0]
        self.out.boundaries.append(Boundary(
            id=household.id, name=household.name, member_ids=tuple(sorted(member_set, key=lambda p: self.x[p])),
            outlines=outlines, strokes=strokes, label=label,
        ))

    # --- emotional and abuse links ----------------------------------------------------------------
    def _emotional_links(self) -> None:
        by_pair: dict[tuple[str, str], list[EmotionalLink]] = defaultdict(list)
        for link in sorted(self.record.emotional_links, key=lambda item: item.id):
            if link.from_id in self.boxes and link.to_id in self.boxes and link.from_id != link.to_id:
                by_pair[tuple(sorted((link.from_id, link.to_id)))].append(link)  # type: ignore[index]
        for links in by_pair.values():
            for number, link in enumerate(links):
                self._emotional(link, (number - (len(links) - 1) / 2) * PARALLEL_LINK_OFFSET)

    def _emotional(self, link: EmotionalLink, offset: float) -> None:
        meaning = self.notation.emotional[link.kind.value]
        abuse = link.kind.is_abuse
        directed = abuse or link.directed or bool(meaning.tag == "F")
        colour = self.notation.colours["abuse"] if abuse else self.notation.colours["ink"]
        width = self.notation.stroke_widths["overlay_line"] * (1.8 if meaning.heavy else 1.0)
        source, target = self.boxes[link.from_id], self.boxes[link.to_id]
        same_row = self.row_of[link.from_id] == self.row_of[link.to_id]
        points: tuple[Point, ...]
        if same_row:
            # An arc over the row: clearly not a family line, and clear of any union line.
            start = (source.centre_x, source.y - 1)
            end = (target.centre_x, target.y - 1)
            distance = abs(end[0] - start[0])
            rise = min(ARC_MAX_RISE, ARC_RISE + 0.12 * distance) + abs(offset) * 1.6
            control = ((start[0] + end[0]) / 2, min(start[1], end[1]) - 2 * rise)
            points = _quadratic(start, control, end)
        else:
            points = _cross_row_route(source, target, offset)
        strokes = list(styled_strokes(points, meaning.style, self.notation, width, colour))
        if directed:
            a, b = points[-2], points[-1]
            length = math.dist(a, b) or 1.0
            strokes.append(arrow_head(b, ((b[0] - a[0]) / length, (b[1] - a[1]) / length), colour))
        key = f"emotional.{link.kind.value}"
        self.out.use(key)
        self.out.lines.append(Line(
            id=f"emotional:{link.id}", kind=LineKind.EMOTIONAL, style=meaning.style, meaning=key, points=points,
            strokes=tuple(strokes), entity_ids=(link.id,), person_ids=(link.from_id, link.to_id),
            arrow=directed, layer=LineLayer.OVERLAY,
        ))
        if meaning.tag:
            (mx, my), _ = point_along(points, 0.5)
            self.out.labels.append(_label(meaning.tag, mx, my + 2.5, 7.0, Role.LINK_TAG, bold=True, halo=True,
                                          colour=colour, entity_id=link.id))


# --- helpers ----------------------------------------------------------------------------------------


def _label(text: str, x: float, baseline: float, size: float, role: Role, *, align: TextAlign = TextAlign.MIDDLE,
           bold: bool = False, italic: bool = False, halo: bool = False, colour: str = "#000000",
           person_id: str = "", entity_id: str = "") -> GLabel:
    width = text_width(text, size, bold, italic)
    left = {TextAlign.START: x, TextAlign.MIDDLE: x - width / 2, TextAlign.END: x - width}[align]
    box = Box(left, baseline - size * ASCENT, width, size * (ASCENT + DESCENT))
    return GLabel(text=text, x=x, baseline=baseline, size=size, role=role, box=box, align=align, bold=bold,
                  italic=italic, halo=halo, colour=colour, person_id=person_id, entity_id=entity_id)


def label(text: str, x: float, baseline: float, size: float, role: Role, **options: object) -> GLabel:
    """A measured label (public for the legend and renderers' headers)."""
    return _label(text, x, baseline, size, role, **options)  # type: ignore[arg-type]


def _fit(text: str, size: float, width: float) -> str:
    """The text, shortened with an ellipsis to fit a width (italic)."""
    if text_width(text, size, italic=True) <= width:
        return text
    while len(text) > 1 and text_width(text + "…", size, italic=True) > width:
        text = text[:-1].rstrip()
    return text + "…"


CROSS_ROW_CLEARANCE = 44.0
"""How far beside the upper person's symbol a link between rows runs before it turns down: far enough
to clear the name and date of birth written under that symbol."""


def _cross_row_route(source: Box, target: Box, offset: float) -> tuple[Point, ...]:
    """A link between rows leaves the upper symbol from its side, clears the labels under it, then
    runs to the top of the lower symbol, so it never strikes through a name."""
    upper, lower = (source, target) if source.y <= target.y else (target, source)
    side = 1.0 if lower.centre_x >= upper.centre_x else -1.0
    horizontal = abs(lower.centre_x - upper.centre_x)
    if horizontal < upper.width:  # nearly straight below: the plain line is clearest
        start = clip_to_box_edge(upper.centre, lower.centre, upper.width / 2 + 2, upper.height / 2 + 2)
        end = clip_to_box_edge(lower.centre, upper.centre, lower.width / 2 + 2, lower.height / 2 + 2)
        dx, dy = end[0] - start[0], end[1] - start[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length * offset, dx / length * offset
        route: tuple[Point, ...] = ((start[0] + nx, start[1] + ny), (end[0] + nx, end[1] + ny))
    else:
        y = upper.centre[1] + upper.height * 0.35 + offset  # below any union line, above the name
        edge = upper.centre_x + side * (upper.width / 2 + 2)
        clear = upper.centre_x + side * min(upper.width / 2 + CROSS_ROW_CLEARANCE, horizontal / 2)
        route = ((edge, y), (clear, y), (lower.centre_x + offset, lower.y - 2))
    return route if upper is source else tuple(reversed(route))


def _quadratic(start: Point, control: Point, end: Point, steps: int = 24) -> tuple[Point, ...]:
    """A quadratic Bézier curve as a polyline."""
    points = []
    for k in range(steps + 1):
        t = k / steps
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
        points.append((a * start[0] + b * control[0] + c * end[0], a * start[1] + b * control[1] + c * end[1]))
    return tuple(points)


def _cross(shape: Shape, box: Box, width: float) -> list[Stroke]:
    """The deceased X, drawn to the edges of the shape."""
    if shape is Shape.CIRCLE:
        inset = box.width * (1 - 1 / math.sqrt(2)) / 2
    elif shape is Shape.DIAMOND:
        inset = box.width / 4
    else:
        inset = 0.0
    x0, y0, x1, y1 = box.x + inset, box.y + inset, box.right - inset, box.bottom - inset
    return [Stroke(((x0, y0), (x1, y1)), width), Stroke(((x0, y1), (x1, y0)), width)]


def shape_polygon(shape: Shape, box: Box, steps: int = 48) -> tuple[Point, ...]:
    """The outline of a shape as a polygon (circles approximated), for clipping marker fills."""
    x, y, w, h = box.x, box.y, box.width, box.height
    if shape is Shape.SQUARE:
        return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
    if shape is Shape.DIAMOND:
        return ((x + w / 2, y), (x + w, y + h / 2), (x + w / 2, y + h), (x, y + h / 2))
    if shape is Shape.TRIANGLE:
        return ((x + w / 2, y), (x + w, y + h), (x, y + h))
    cx, cy = box.centre
    return tuple((cx + w / 2 * math.cos(2 * math.pi * k / steps), cy + h / 2 * math.sin(2 * math.pi * k / steps))
                 for k in range(steps))


def _clip_polygon(polygon: Iterable[Point], region: Box) -> tuple[Point, ...]:
    """Sutherland–Hodgman clip of a polygon to an axis-aligned box."""
    points = list(polygon)
    for axis, limit, keep_above in ((0, region.x, True), (0, region.right, False), (1, region.y, True),
                                    (1, region.bottom, False)):
        if not points:
            break
        result: list[Point] = []
        for k, current in enumerate(points):
            previous = points[k - 1]
            current_in = (current[axis] >= limit) if keep_above else (current[axis] <= limit)
            previous_in = (previous[axis] >= limit) if keep_above else (previous[axis] <= limit)
            if current_in:
                if not previous_in:
                    result.append(_cut(previous, current, axis, limit))
                result.append(current)
            elif previous_in:
                result.append(_cut(previous, current, axis, limit))
        points = result
    return tuple(points)


def _cut(a: Point, b: Point, axis: int, limit: float) -> Point:
    """Where segment a-b crosses the line x = limit (axis 0) or y = limit (axis 1)."""
    t = (limit - a[axis]) / (b[axis] - a[axis]) if b[axis] != a[axis] else 0.0
    if axis == 0:
        return (limit, a[1] + (b[1] - a[1]) * t)
    return (a[0] + (b[0] - a[0]) * t, limit)


def _hatch(region: tuple[Point, ...], box: Box, colour: str) -> list[Stroke]:
    """Diagonal hatching clipped to a convex region (45°, 3.5 pt apart)."""
    strokes: list[Stroke] = []
    if len(region) < 3:
        return strokes
    spacing = 3.5
    start = box.x - box.height
    k = 0
    while start + k * spacing < box.right:
        x0 = start + k * spacing
        segment = _clip_segment_convex(((x0, box.bottom), (x0 + box.height, box.y)), region)
        if segment:
            strokes.append(Stroke(segment, 0.7, colour=colour))
        k += 1
    return strokes


def _clip_segment_convex(segment: tuple[Point, Point], polygon: tuple[Point, ...]) -> tuple[Point, Point] | None:
    """Cyrus–Beck clip of a segment to a convex polygon (either winding)."""
    (x0, y0), (x1, y1) = segment
    dx, dy = x1 - x0, y1 - y0
    t_in, t_out = 0.0, 1.0
    count = len(polygon)
    area = sum(polygon[i][0] * polygon[(i + 1) % count][1] - polygon[(i + 1) % count][0] * polygon[i][1]
               for i in range(count))
    sign = 1.0 if area > 0 else -1.0
    for i in range(count):
        ax, ay = polygon[i]
        bx, by = polygon[(i + 1) % count]
        nx, ny = -(by - ay) * sign, (bx - ax) * sign  # inward normal
        denominator = nx * dx + ny * dy
        numerator = nx * (x0 - ax) + ny * (y0 - ay)
        if abs(denominator) < 1e-12:
            if numerator < 0:
                return None
            continue
        t = -numerator / denominator
        if denominator > 0:
            t_in = max(t_in, t)
        else:
            t_out = min(t_out, t)
        if t_in > t_out:
            return None
    return ((x0 + dx * t_in, y0 + dy * t_in), (x0 + dx * t_out, y0 + dy * t_out))


def marker_glyph(marker: Marker, shape: Shape, box: Box, badge_x: float,
                 person_id: str) -> tuple[tuple[Stroke, ...], tuple[GLabel, ...], float]:
    """Strokes and labels that draw one marker on a symbol; returns the next badge position."""
    glyph = marker.glyph
    colour = glyph.colour
    if glyph.form is MarkerForm.BADGE:
        # Badges sit in a row just above the symbol, right of the line coming down to it.
        badge = Box(badge_x, box.y - BADGE_SIZE - 1.5, BADGE_SIZE, BADGE_SIZE)
        frame = ((badge.x, badge.y), (badge.right, badge.y), (badge.right, badge.bottom), (badge.x, badge.bottom))
        filled = glyph.pattern is MarkerPattern.SOLID
        strokes: list[Stroke] = [Stroke(frame, 0.8, () if glyph.pattern is not MarkerPattern.OUTLINE else (1.2, 1.4),
                                        closed=True, filled=filled, colour=colour)]
        if glyph.pattern is MarkerPattern.HATCHED:
            strokes.extend(_hatch(frame, badge, colour))
        code = glyph.code[:3]
        labels: tuple[GLabel, ...] = ()
        if code:
            size = 6.0 if len(code) <= 2 else 5.0
            text_colour = "#ffffff" if filled else colour
            labels = (_label(code, badge.centre_x, badge.centre[1] + size * 0.36, size, Role.MARKER, bold=True,
                             halo=glyph.pattern is MarkerPattern.HATCHED, colour=text_colour, person_id=person_id),)
        return tuple(strokes), labels, badge.right + 1.5
    cx, cy = box.centre
    half = {
        MarkerForm.FILL_LOWER_HALF: Box(box.x, cy, box.width, box.height / 2),
        MarkerForm.FILL_LEFT_HALF: Box(box.x, box.y, box.width / 2, box.height),
        MarkerForm.FILL_UPPER_LEFT_QUARTER: Box(box.x, box.y, box.width / 2, box.height / 2),
        MarkerForm.FILL_UPPER_RIGHT_QUARTER: Box(cx, box.y, box.width / 2, box.height / 2),
    }[glyph.form]
    region = _clip_polygon(shape_polygon(shape, box), half)
    if glyph.pattern is MarkerPattern.SOLID:
        return (Stroke(region, 0.5, closed=True, filled=True, fill_only=True, colour=colour),), (), badge_x
    if glyph.pattern is MarkerPattern.HATCHED:
        return tuple(_hatch(region, half, colour)), (), badge_x
    inner = _clip_polygon(shape_polygon(shape, box.expanded(-3)), half.expanded(-1.5))
    return (Stroke(inner, 0.9, (1.5, 1.5), closed=True, colour=colour),), (), badge_x
