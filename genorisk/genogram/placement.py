"""Horizontal placement: x for every person and lane, given each row's order.

Each row is a chain of rigid items (a partner cluster keeps its internal spacing) that must stay in
order with a minimum gap between neighbours. Every pass sets each row to the least-squares best
positions for what it wants (children centred under their parents' union line, parents centred over
their children) subject to the gaps, solved exactly in linear time by pool-adjacent-violators
(isotonic regression). Rows are swept down and up a few times (coordinate descent on one quadratic
objective, in the spirit of kinship2's alignment), then once more downward so children end up
centred under their own union wherever space allows. Cost is linear in the number of people per pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from genorisk.genogram.cards import PersonCard, union_text_width
from genorisk.genogram.family import Family
from genorisk.genogram.ordering import Cluster, Item, Lane, Ordering

SIBLING_GAP = 14.0
FAMILY_GAP = 28.0
COMPONENT_GAP = 56.0
LANE_HALF_WIDTH = 3.0
LANE_GAP = 8.0
MIN_UNION_LINE = 26.0
UNION_LABEL_PADDING = 10.0
PARTNER_LABEL_GAP = 10.0
NESTED_GAP = 6.0
NESTED_DESCENT_MARGIN = 16.0
ALTERNATING_PASSES = 8
OTHER_PARENT_WEIGHT = 0.3
RESTING_WEIGHT = 0.01


@dataclass(slots=True)
class Placement:
    x: dict[str, float]
    """Centre x of every person and every lane (by lane id)."""
    offsets: dict[int, list[float]]
    """Per cluster (by ``id(cluster)``): member centre offsets from the first member."""


def partner_spacing(family: Family, cards: Mapping[str, PersonCard], a: str, b: str) -> float:
    """Distance between the centres of two neighbours in a cluster."""
    card_a, card_b = cards[a], cards[b]
    shared = [u for u in family.unions_of.get(a, ()) if b in family.unions[u].partners]
    if not shared:
        return card_a.half_width + card_b.half_width + NESTED_GAP
    text = max(union_text_width(family.unions[u].partnership) for u in shared)
    line = max(MIN_UNION_LINE, text + UNION_LABEL_PADDING)
    return max(
        card_a.half_width + card_b.half_width + PARTNER_LABEL_GAP,
        card_a.size / 2 + card_b.size / 2 + line,
    )


def place(family: Family, cards: Mapping[str, PersonCard], ordering: Ordering) -> Placement:
    offsets: dict[int, list[float]] = {}
    for items in ordering.rows:
        for item in items:
            if isinstance(item, Cluster):
                member_offsets = [0.0]
                for a, b in zip(item.members, item.members[1:], strict=False):
                    member_offsets.append(member_offsets[-1] + partner_spacing(family, cards, a, b))
                offsets[id(item)] = member_offsets

    def left_extent(item: Item) -> float:
        return LANE_HALF_WIDTH if isinstance(item, Lane) else cards[item.members[0]].half_width

    def right_extent(item: Item) -> float:
        if isinstance(item, Lane):
            return LANE_HALF_WIDTH
        return offsets[id(item)][-1] + cards[item.members[-1]].half_width

    def parent_union(item: Item) -> str | None:
        if isinstance(item, Lane):
            return item.link.union_id if item.link.lanes[0] is item else None
        return family.child_union.get(item.members[0])

    gaps: list[list[float]] = []
    for items in ordering.rows:
        row_gaps = []
        for left, right in itertools.pairwise(items):
            if left.component != right.component:
                sep = COMPONENT_GAP
            elif isinstance(left, Lane) or isinstance(right, Lane):
                sep = LANE_GAP
            else:
                pu_left = family.child_union.get(left.members[-1])
                pu_right = family.child_union.get(right.members[0])
                sep = SIBLING_GAP if pu_left is not None and pu_left == pu_right else FAMILY_GAP
                del pu_left, pu_right
            row_gaps.append(right_extent(left) + sep + left_extent(right))
        gaps.append(row_gaps)
    del parent_union

    x: dict[str, float] = {}
    position: dict[int, float] = {}
    for items, row_gaps in zip(ordering.rows, gaps, strict=True):
        cursor = 0.0
        for i, item in enumerate(items):
            if i:
                cursor += row_gaps[i - 1]
            _set(item, cursor, x, position, offsets)

    solver = _Solver(family, ordering, x, position, offsets, gaps)
    rows = range(len(ordering.rows))
    for number in range(ALTERNATING_PASSES):
        sweep = rows if number % 2 == 0 else reversed(rows)
        for row in sweep:
            solver.place_row(row, gaps[row], up=True, down=True)
    for row in rows:
        solver.place_row(row, gaps[row], up=True, down=False)

    leftmost = min(
        (position[id(item)] - left_extent(item) for items in ordering.rows for item in items), default=0.0
    )
    return Placement({key: value - leftmost for key, value in x.items()}, offsets)


def _set(item: Item, value: float, x: dict[str, float], position: dict[int, float],
         offsets: dict[int, list[float]]) -> None:
    position[id(item)] = value
    if isinstance(item, Lane):
        x[item.id] = value
    else:
        for member, offset in zip(item.members, offsets[id(item)], strict=True):
            x[member] = value + offset


class _Solver:
    def __init__(self, family: Family, ordering: Ordering, x: dict[str, float], position: dict[int, float],
                 offsets: dict[int, list[float]], gaps: list[list[float]]) -> None:
        self.family = family
        self.ordering = ordering
        self.x = x
        self.position = position
        self.offsets = offsets
        union_row = ordering.union_row
        self.points: dict[str, list[str]] = {}
        for union_id, union in family.unions.items():
            points = []
            for child in union.children:
                link = ordering.long_links.get((union_id, child))
                if link:
                    points.append(link.lanes[0].id)
                elif ordering.cluster_of[child].row == union_row[union_id] + 1:
                    points.append(child)
            if points:
                self.points[union_id] = points
        self.ideal = self._ideal_offsets(gaps)
        self.nested: set[str] = set()
        for items in ordering.rows:
            for item in items:
                if isinstance(item, Cluster) and len(item.members) > 2:
                    place = {member: i for i, member in enumerate(item.members)}
                    for member in item.members:
                        for union_id in family.unions_of.get(member, ()):
                            a, b = family.unions[union_id].partners
                            if a in place and b in place and abs(place[a] - place[b]) > 1:
                                self.nested.add(union_id)
        self.cluster_unions: dict[int, list[str]] = {}
        self.other_unions: dict[str, list[str]] = {}
        for other in family.other_parents:
            self.other_unions.setdefault(other.child_id, []).append(other.union_id)
        for items in ordering.rows:
            for item in items:
                if isinstance(item, Cluster):
                    found = []
                    for member in item.members:
                        for union_id in (*family.unions_of.get(member, ()), f"lone:{member}"):
                            if union_id in self.points and union_id not in found:
                                found.append(union_id)
                    self.cluster_unions[id(item)] = found

    def _ideal_offsets(self, gaps: list[list[float]]) -> dict[tuple[str, str], float]:
        """Where each child of a union would sit, relative to the sibship's centre, with the row packed
        tight between the first and last of them: the shape a sibship keeps under its union."""
        index: dict[int, int] = {}
        for items in self.ordering.rows:
            for number, item in enumerate(items):
                index[id(item)] = number
        lanes = {link.lanes[0].id: link.lanes[0] for link in self.ordering.long_links.values()}
        ideal: dict[tuple[str, str], float] = {}
        for union_id, points in self.points.items():
            packed: dict[str, float] = {}
            located: list[tuple[str, Item]] = [
                (point, self.ordering.cluster_of[point] if point in self.family.people else lanes[point])
                for point in points
            ]
            row = located[0][1].row
            first = min(index[id(item)] for _, item in located)
            cumulative = {first: 0.0}
            last = max(index[id(item)] for _, item in located)
            for number in range(first + 1, last + 1):
                cumulative[number] = cumulative[number - 1] + gaps[row][number - 1]
            for point, item in located:
                base = cumulative[index[id(item)]]
                if isinstance(item, Cluster):
                    base += self.offsets[id(item)][item.members.index(point)]
                packed[point] = base
            centre = (min(packed.values()) + max(packed.values())) / 2
            for point, value in packed.items():
                ideal[(union_id, point)] = value - centre
        return ideal

    def mid(self, union_id: str) -> float:
        partners = self.family.unions[union_id].partners
        return sum(self.x[p] for p in partners) / len(partners)

    def target(self, union_id: str) -> float:
        """Where the union's children should be centred: under its midpoint, or for a U-shaped
        union line (partners not side by side) anywhere along that line."""
        if union_id not in self.nested:
            return self.mid(union_id)
        a, b = sorted(self.x[p] for p in self.family.unions[union_id].partners)
        return min(max(self.centre(union_id), a + NESTED_DESCENT_MARGIN), b - NESTED_DESCENT_MARGIN)

    def centre(self, union_id: str) -> float:
        values = [self.x[point] for point in self.points[union_id]]
        return (min(values) + max(values)) / 2

    def place_row(self, row: int, gaps: list[float], up: bool, down: bool) -> None:
        items = self.ordering.rows[row]
        if not items:
            return
        desired: list[float] = []
        weights: list[float] = []
        for item in items:
            current = self.position[id(item)]
            if isinstance(item, Lane):
                target, weight = self._lane_target(item, down)
                desired.append(target)
                weights.append(weight)
                continue
            total = RESTING_WEIGHT
            shift_sum = 0.0
            if up:
                for member in item.members:
                    union_id = self.family.child_union.get(member)
                    if union_id is not None:
                        link = self.ordering.long_links.get((union_id, member))
                        if link:
                            shift_sum += self.x[link.lanes[-1].id] - self.x[member]
                            total += 1.0
                        elif self.ordering.union_row[union_id] == row - 1 and union_id in self.points:
                            shift_sum += self.target(union_id) + self.ideal[(union_id, member)] - self.x[member]
                            total += 1.0
                    for other in self.other_unions.get(member, ()):
                        link = self.ordering.long_links.get((other, member))
                        if link:
                            shift_sum += OTHER_PARENT_WEIGHT * (self.x[link.lanes[-1].id] - self.x[member])
                            total += OTHER_PARENT_WEIGHT
                        elif self.ordering.union_row[other] == row - 1:
                            shift_sum += OTHER_PARENT_WEIGHT * (self.mid(other) - self.x[member])
                            total += OTHER_PARENT_WEIGHT
            if down:
                for union_id in self.cluster_unions[id(item)]:
                    shift_sum += self.centre(union_id) - self.target(union_id)
                    total += 1.0
            desired.append(current + shift_sum / total)
            weights.append(total)
        for item, value in zip(items, _isotonic(desired, weights, gaps), strict=True):
            _set(item, value, self.x, self.position, self.offsets)

    def _lane_target(self, lane: Lane, down: bool) -> tuple[float, float]:
        lanes = lane.link.lanes
        index = lanes.index(lane)
        union_id = lane.link.union_id
        if index:
            above = self.x[lanes[index - 1].id]
        else:
            above = self.target(union_id) + self.ideal.get((union_id, lane.id), 0.0)
        below = self.x[lanes[index + 1].id] if index + 1 < len(lanes) else self.x[lane.link.child_id]
        if not down:
            return above, 1.0
        return (above + below) / 2, 1.0


def _isotonic(desired: list[float], weights: list[float], gaps: list[float]) -> list[float]:
    """Positions closest (weighted least squares) to ``desired`` with x[i+1] - x[i] >= gaps[i]."""
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    block_weight: list[float] = []
    block_sum: list[float] = []
    block_size: list[int] = []
    for target, weight, offset in zip(desired, weights, offsets, strict=True):
        block_weight.append(weight)
        block_sum.append(weight * (target - offset))
        block_size.append(1)
        while len(block_weight) > 1 and (
            block_sum[-2] / block_weight[-2] >= block_sum[-1] / block_weight[-1]
        ):
            weight_last, sum_last, size_last = block_weight.pop(), block_sum.pop(), block_size.pop()
            block_weight[-1] += weight_last
            block_sum[-1] += sum_last
            block_size[-1] += size_last
    result: list[float] = []
    index = 0
    for weight, total, size in zip(block_weight, block_sum, block_size, strict=True):
        level = total / weight
        for _ in range(size):
            result.append(level + offsets[index])
            index += 1
    return result
