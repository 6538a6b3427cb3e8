"""Left-to-right order within each generation row.

1. *Partner clusters*: people joined by partnerships in the same row are kept together in a fixed
   internal order. The person with most partners is the hub; their first partner goes on the left
   and later partners on the right, further out in date order, so both of the first two partners
   are next to the hub, each union's children read left to right in time, and the most recent
   partner (often in the current household) sits with the children of later unions. A partner's
   own other partners continue outward on that partner's side. A single couple is drawn man on
   the left.
2. *Lanes*: a child drawn two or more rows below its parents gets a narrow lane in each row between,
   so its line never runs through anyone.
3. A depth-first walk over clusters from the top-left founders gives every cluster and lane a
   discovery index; children are visited eldest first, then the parents of people who married in.
   Each row is ordered by that index, which keeps families together and is stable: adding a person
   does not reorder anybody else.
4. Every sibship is then put back into date-of-birth order (pregnancy losses included, twins
   together), moving nobody whose place the dates do not require, so adding a child never
   reorders anybody else.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from genorisk.domain.values import Sex
from genorisk.genogram.family import Family


@dataclass(slots=True)
class Cluster:
    """People in one row joined by partnerships, in drawing order."""

    index: int
    row: int
    members: list[str]
    component: int = -1
    order: float = 0.0


@dataclass(slots=True)
class Lane:
    """A gap reserved in one row for a line passing down to a child further below."""

    id: str
    row: int
    link: LongLink
    component: int = -1
    order: float = 0.0


@dataclass(slots=True)
class LongLink:
    """A child line that spans more than one row; ``lanes`` top to bottom."""

    key: str
    union_id: str
    child_id: str
    primary: bool
    lanes: list[Lane] = field(default_factory=list)


Item = Cluster | Lane


@dataclass(slots=True)
class Ordering:
    rows: list[list[Item]]
    cluster_of: dict[str, Cluster]
    union_row: dict[str, int]
    long_links: dict[tuple[str, str], LongLink]
    """(union id, child id) -> the long link."""
    components: int


def order_rows(family: Family, row_of: dict[str, int]) -> Ordering:
    clusters = _build_clusters(family, row_of)
    cluster_of = {member: cluster for cluster in clusters for member in cluster.members}
    union_row = {
        union_id: max(row_of[p] for p in union.partners) for union_id, union in family.unions.items()
    }
    long_links = _long_links(family, row_of, union_row)
    _walk(family, clusters, cluster_of, long_links, row_of)

    row_count = 1 + max(row_of.values(), default=0)
    rows: list[list[Item]] = [[] for _ in range(row_count)]
    for cluster in clusters:
        rows[cluster.row].append(cluster)
    for link in long_links.values():
        for lane in link.lanes:
            rows[lane.row].append(lane)
    for items in rows:
        items.sort(key=lambda item: item.order)
    for row in range(len(rows)):
        _restore_birth_order(family, rows, row, cluster_of, long_links)
    rows = _Refiner(family, cluster_of, union_row, long_links).refine(rows)
    components = 1 + max((cluster.component for cluster in clusters), default=-1)
    return Ordering(rows, cluster_of, union_row, long_links, components)


# --- partner clusters -------------------------------------------------------------------------


def _build_clusters(family: Family, row_of: dict[str, int]) -> list[Cluster]:
    adjacency: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for union_id, union in family.unions.items():
        if len(union.partners) == 2:
            a, b = union.partners
            if row_of[a] == row_of[b]:
                adjacency[a].append((union_id, b))
                adjacency[b].append((union_id, a))
    for partners in adjacency.values():
        partners.sort(key=lambda pair: family.unions[pair[0]].order_key)

    seen: set[str] = set()
    clusters: list[Cluster] = []
    for person in sorted(family.people, key=family.birth_keys.__getitem__):
        if person in seen:
            continue
        component = _connected(person, adjacency)
        seen |= component
        members = _cluster_order(family, component, adjacency)
        clusters.append(Cluster(index=-1, row=row_of[person], members=members))
    return clusters


def _connected(start: str, adjacency: dict[str, list[tuple[str, str]]]) -> set[str]:
    found = {start}
    stack = [start]
    while stack:
        for _, partner in adjacency.get(stack.pop(), ()):
            if partner not in found:
                found.add(partner)
                stack.append(partner)
    return found


_SEX_RANK = {Sex.MALE: 0, Sex.UNKNOWN: 1, Sex.INTERSEX: 1, Sex.FEMALE: 2}


def _cluster_order(family: Family, members: set[str], adjacency: dict[str, list[tuple[str, str]]]) -> list[str]:
    if len(members) == 1:
        return list(members)
    edges = sum(len(adjacency[m]) for m in members) // 2
    hub = min(
        members,
        key=lambda m: (-len(adjacency[m]), _SEX_RANK[family.people[m].sex], family.birth_keys[m]),
    )
    if edges != len(members) - 1 or len({partner for _, partner in adjacency[hub]}) != len(adjacency[hub]):
        return _breadth_first(hub, adjacency)  # a cycle or repeat unions: keep it simple and contiguous
    partners = adjacency[hub]
    left: list[str] = []
    right: list[str] = []
    if len(partners) == 1:
        # A single couple: the man on the left (a woman's partner goes to her left).
        partner = partners[0][1]
        goes_right = family.people[hub].sex is not Sex.FEMALE or family.people[partner].sex is Sex.FEMALE
        (right if goes_right else left).extend(_outward(partner, hub, adjacency))
    else:
        # First partner on the left; every later one on the right, further out in date order, so
        # each union's children read left to right in time and recent partners sit together.
        left.extend(_outward(partners[0][1], hub, adjacency))
        for _, partner in partners[1:]:
            right.extend(_outward(partner, hub, adjacency))
    return [*reversed(left), hub, *right]


def _outward(person: str, came_from: str, adjacency: dict[str, list[tuple[str, str]]]) -> list[str]:
    """A partner and, beyond them, their own other partners in date order (outward)."""
    result = [person]
    for _, partner in adjacency[person]:
        if partner != came_from:
            result.extend(_outward(partner, person, adjacency))
    return result


def _breadth_first(hub: str, adjacency: dict[str, list[tuple[str, str]]]) -> list[str]:
    order = [hub]
    seen = {hub}
    position = 0
    while position < len(order):
        for _, partner in adjacency[order[position]]:
            if partner not in seen:
                seen.add(partner)
                order.append(partner)
        position += 1
    return order


# --- long links -------------------------------------------------------------------------------


def _long_links(
    family: Family, row_of: dict[str, int], union_row: dict[str, int]
) -> dict[tuple[str, str], LongLink]:
    links: dict[tuple[str, str], LongLink] = {}
    pairs = [(union_id, child, True) for child, union_id in family.child_union.items()]
    pairs += [(other.union_id, other.child_id, False) for other in family.other_parents]
    for union_id, child, primary in sorted(pairs):
        top, bottom = union_row[union_id], row_of[child]
        if bottom - top < 2:
            continue
        link = LongLink(f"{union_id}>{child}", union_id, child, primary)
        link.lanes = [Lane(f"lane:{union_id}>{child}:{row}", row, link) for row in range(top + 1, bottom)]
        links[(union_id, child)] = link
    return links


# --- the walk ---------------------------------------------------------------------------------


def _walk(
    family: Family,
    clusters: list[Cluster],
    cluster_of: dict[str, Cluster],
    long_links: dict[tuple[str, str], LongLink],
    row_of: dict[str, int],
) -> None:
    other_by_child: dict[str, list[str]] = defaultdict(list)
    for other in family.other_parents:
        other_by_child[other.child_id].append(other.union_id)
    has_parents = {person for person in family.people if person in family.child_union}

    def unions_with_children(cluster: Cluster) -> list[str]:
        """The cluster's unions left to right (by the midpoint of their partners' places)."""
        place = {member: i for i, member in enumerate(cluster.members)}
        found: dict[str, float] = {}
        for member in cluster.members:
            for union_id in [*family.unions_of.get(member, ()), f"lone:{member}"]:
                union = family.unions.get(union_id)
                if union is None or union_id in found:
                    continue
                spots = [place[p] for p in union.partners if p in place]
                found[union_id] = sum(spots) / len(spots)
        return sorted(found, key=lambda union_id: (found[union_id], family.unions[union_id].order_key))

    counter = 0.0

    def visit(cluster: Cluster, entry: str | None, component: int) -> None:
        nonlocal counter
        cluster.order = counter
        cluster.component = component
        counter += 1
        if entry is not None and len(cluster.members) > 1:
            others_have_parents = any(m in has_parents for m in cluster.members if m != entry)
            position = cluster.members.index(entry)
            if others_have_parents and position > (len(cluster.members) - 1) / 2:
                cluster.members.reverse()

    def neighbours(cluster: Cluster) -> Iterator[tuple[Cluster, str]]:
        for union_id in unions_with_children(cluster):
            for child in family.unions[union_id].children:
                link = long_links.get((union_id, child))
                if link:
                    for lane in link.lanes:
                        if lane.component < 0:
                            lane.order = counter_value()
                            lane.component = cluster.component
                yield cluster_of[child], child
        for member in cluster.members:
            primary = family.child_union.get(member)
            parent_unions = ([primary] if primary else []) + other_by_child.get(member, [])
            for parent_union in parent_unions:
                for parent in family.unions[parent_union].partners:
                    yield cluster_of[parent], parent

    def counter_value() -> float:
        nonlocal counter
        counter += 1
        return counter - 1

    roots = sorted(
        clusters,
        key=lambda c: (c.row, min(family.birth_keys[m] for m in c.members)),
    )
    component = 0
    for root in roots:
        if root.component >= 0:
            continue
        visit(root, None, component)
        stack: list[Iterator[tuple[Cluster, str]]] = [neighbours(root)]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                continue
            found, entry = step
            if found.component >= 0:
                continue
            visit(found, entry, component)
            stack.append(neighbours(found))
        component += 1
    for link in long_links.values():  # lanes of links the walk never reached (cannot happen; be safe)
        for lane in link.lanes:
            if lane.component < 0:
                lane.component = cluster_of[link.child_id].component
                lane.order = cluster_of[link.child_id].order - 0.5


# --- sibling order ------------------------------------------------------------------------------


def _restore_birth_order(
    family: Family,
    rows: list[list[Item]],
    row: int,
    cluster_of: dict[str, Cluster],
    long_links: dict[tuple[str, str], LongLink],
) -> None:
    """Put each sibship in this row back into date-of-birth order, keeping every other order given.

    An item holding several siblings (two sisters who partnered the same man) counts once, at the
    earliest of their dates of birth. Each sibship asks only that its items come in that order. The
    row is rebuilt left to right in the order it was given, except that an item whose elder
    siblings are still to come pulls them in just before itself (eldest first). Items the dates do
    not concern keep their order, so adding a child reorders nobody else. (Permuting each sibship
    among the slots it happened to occupy, as before, cascaded through items shared by two sibships
    and could shuffle a whole row when one child was added.) Sibships that share items can ask for
    a cycle (unusual data); the cycle is then broken where it is met.
    """
    items = rows[row]
    sibships: dict[str, dict[int, tuple[tuple[int, int, str, str], int]]] = defaultdict(dict)
    for position, item in enumerate(items):
        if isinstance(item, Lane):
            if item.link.primary and item.link.lanes[0] is item:
                sibships[item.link.union_id][position] = (family.birth_keys[item.link.child_id], position)
            continue
        for member in item.members:
            union_id = family.child_union.get(member)
            if union_id is not None and (union_id, member) not in long_links:
                key = family.birth_keys[member]
                known = sibships[union_id].get(position)
                if known is None or key < known[0]:
                    sibships[union_id][position] = (key, position)
    before: dict[int, list[int]] = defaultdict(list)
    for union_id in sorted(sibships):
        in_birth_order = [position for _, position in sorted(sibships[union_id].values())]
        for earlier, later in itertools.pairwise(in_birth_order):
            before[later].append(earlier)
    if not before:
        return
    state = [0] * len(items)  # 0 waiting, 1 being placed, 2 placed
    order: list[int] = []

    def place(position: int) -> None:
        stack = [(position, iter(before.get(position, ())))]
        state[position] = 1
        while stack:
            current, pending = stack[-1]
            earlier = next(pending, None)
            if earlier is None:
                stack.pop()
                state[current] = 2
                order.append(current)
            elif state[earlier] == 0:
                state[earlier] = 1
                stack.append((earlier, iter(before.get(earlier, ()))))

    for position in range(len(items)):
        if state[position] == 0:
            place(position)
    rows[row] = [items[position] for position in order]


class _Refiner:
    """Barycentre sweeps (down, then up) that keep a new order only when it has fewer crossings."""

    SWEEPS = 4

    def __init__(self, family: Family, cluster_of: dict[str, Cluster], union_row: dict[str, int],
                 long_links: dict[tuple[str, str], LongLink]) -> None:
        self.family = family
        self.cluster_of = cluster_of
        self.union_row = union_row
        self.long_links = long_links
        self.unions_by_row: dict[int, list[str]] = defaultdict(list)
        for union_id, union in family.unions.items():
            if union.children:
                self.unions_by_row[union_row[union_id]].append(union_id)
        self.lane_of: dict[tuple[str, str], list[Lane]] = {key: link.lanes for key, link in long_links.items()}

    def refine(self, rows: list[list[Item]]) -> list[list[Item]]:
        if len(rows) < 2:
            return rows
        best = [list(items) for items in rows]
        best_crossings = self.crossings(best)
        for _ in range(self.SWEEPS):
            improved = False
            for downward in (True, False):
                if best_crossings == 0:
                    return best
                candidate = [list(items) for items in best]
                order = range(1, len(rows)) if downward else range(len(rows) - 2, -1, -1)
                for row in order:
                    ranks = self.ranks(candidate[row - 1] if downward else candidate[row + 1])
                    self.reorder(candidate, row, ranks, downward)
                    _restore_birth_order(self.family, candidate, row, self.cluster_of, self.long_links)
                crossings = self.crossings(candidate)
                if crossings < best_crossings:
                    best, best_crossings, improved = candidate, crossings, True
            if not improved:
                break
        return best

    @staticmethod
    def ranks(items: list[Item]) -> dict[str, float]:
        """Slot index of each person and lane in a row."""
        rank: dict[str, float] = {}
        slot = 0.0
        for item in items:
            if isinstance(item, Lane):
                rank[item.id] = slot
                slot += 1
            else:
                for member in item.members:
                    rank[member] = slot
                    slot += 1
        return rank

    def union_rank(self, union_id: str, rank: dict[str, float]) -> float | None:
        values = [rank[p] for p in self.family.unions[union_id].partners if p in rank]
        return sum(values) / len(values) if values else None

    def reorder(self, rows: list[list[Item]], row: int, ranks: dict[str, float], downward: bool) -> None:
        items = rows[row]
        keyed: list[tuple[int, float, int, Item]] = []
        previous = -1.0
        for index, item in enumerate(items):
            values = self.downward_values(item, row, ranks) if downward else self.upward_values(item, row, ranks)
            key = sum(values) / len(values) if values else previous
            previous = key
            keyed.append((item.component, key, index, item))
        keyed.sort(key=lambda entry: entry[:3])
        rows[row] = [entry[3] for entry in keyed]

    def downward_values(self, item: Item, row: int, ranks: dict[str, float]) -> list[float]:
        if isinstance(item, Lane):
            lanes = item.link.lanes
            index = lanes.index(item)
            if index:
                return [ranks[lanes[index - 1].id]]
            value = self.union_rank(item.link.union_id, ranks)
            return [] if value is None else [value]
        values = []
        for member in item.members:
            union_id = self.family.child_union.get(member)
            if union_id is None:
                continue
            link = self.long_links.get((union_id, member))
            if link is not None:
                values.append(ranks[link.lanes[-1].id])
            elif self.union_row[union_id] == row - 1:
                value = self.union_rank(union_id, ranks)
                if value is not None:
                    values.append(value)
        return values

    def upward_values(self, item: Item, row: int, ranks: dict[str, float]) -> list[float]:
        if isinstance(item, Lane):
            lanes = item.link.lanes
            index = lanes.index(item)
            below = lanes[index + 1].id if index + 1 < len(lanes) else item.link.child_id
            return [ranks[below]] if below in ranks else []
        values = []
        for member in item.members:
            for union_id in (*self.family.unions_of.get(member, ()), f"lone:{member}"):
                union = self.family.unions.get(union_id)
                if union is None or self.union_row[union_id] != row:
                    continue
                for child in union.children:
                    link = self.long_links.get((union_id, child))
                    point = link.lanes[0].id if link else child
                    if point in ranks:
                        values.append(ranks[point])
        return values

    def crossings(self, rows: list[list[Item]]) -> int:
        total = 0
        ranks = [self.ranks(items) for items in rows]
        for row in range(len(rows) - 1):
            edges: list[tuple[float, float]] = []
            upper, lower = ranks[row], ranks[row + 1]
            for union_id in self.unions_by_row.get(row, ()):
                start = self.union_rank(union_id, upper)
                if start is None:
                    continue
                for child in self.family.unions[union_id].children:
                    link = self.long_links.get((union_id, child))
                    point = link.lanes[0].id if link else child
                    if point in lower:
                        edges.append((start, lower[point]))
            for link in self.long_links.values():
                path = [*(lane.id for lane in link.lanes), link.child_id]
                for above, below in itertools.pairwise(path):
                    if above in upper and below in lower:
                        edges.append((upper[above], lower[below]))
            edges.sort()
            total += _inversions([b for _, b in edges])
        return total


def _inversions(values: list[float]) -> int:
    """Pairs i < j with values[i] > values[j] (merge sort, O(n log n))."""
    if len(values) < 2:
        return 0
    middle = len(values) // 2
    left, right = values[:middle], values[middle:]
    count = _inversions(left) + _inversions(right)
    left.sort()
    right.sort()
    i = 0
    for value in right:
        while i < len(left) and left[i] <= value:
            i += 1
        count += len(left) - i
    return count
