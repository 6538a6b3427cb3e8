"""The family as the layout sees it: people, unions, and which union each child hangs from.

Derived from a :class:`~genorisk.domain.record.CaseRecord` with orderings keyed only on stable facts
(dates, names, ids), never on dict or hash order, so the same record always lays out the same way.

- A *union* is a partnership, an implied couple (two parents of a child with no partnership
  recorded) or a lone parent (the other parent unknown).
- Each child hangs from exactly one *primary* union: its birth parents if any are recorded, else
  adoptive, kinship, then foster parents. Other parent sets are drawn as extra lines from their union.
- Step-parent links draw nothing of their own: the step-relationship shows through the union.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from genorisk.domain.entities import ParentChildLink, Partnership, Person, TwinSet
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import ParentKind, PartialDate

_NO_DATE = 10**7
PLACEMENT_PRECEDENCE = (ParentKind.BIRTH, ParentKind.ADOPTIVE, ParentKind.KINSHIP, ParentKind.FOSTER)


def date_key(value: PartialDate | None) -> int:
    """Days since year 1 of a partial date's midpoint; unknown dates sort last."""
    return value.midpoint().toordinal() if value else _NO_DATE


@dataclass(slots=True)
class Union:
    """Parents that children hang from: two partners, or one parent alone (``lone``)."""

    id: str
    partners: tuple[str, ...]
    partnership: Partnership | None
    children: list[str] = field(default_factory=list)
    """Children placed under this union, eldest first."""
    order_key: tuple[int, int, str] = (0, 0, "")

    @property
    def lone(self) -> bool:
        return len(self.partners) == 1

    @property
    def implied(self) -> bool:
        return self.partnership is None and len(self.partners) == 2


@dataclass(frozen=True, slots=True)
class OtherParents:
    """A child's second set of parents (adoptive, foster, kinship) drawn as a line from their union."""

    union_id: str
    child_id: str
    kind: ParentKind
    link_ids: tuple[str, ...]


@dataclass(slots=True)
class Family:
    """Everything the layout needs, with stable orderings."""

    people: dict[str, Person]
    unions: dict[str, Union]
    unions_of: dict[str, list[str]]
    """Person id -> ids of the two-person unions they are in, in date order."""
    child_union: dict[str, str]
    child_kind: dict[str, ParentKind]
    child_link_ids: dict[str, tuple[str, ...]]
    other_parents: list[OtherParents]
    twin_set_of: dict[str, TwinSet]
    birth_keys: dict[str, tuple[int, int, str, str]]

    def partner_in(self, union_id: str, person_id: str) -> str | None:
        partners = self.unions[union_id].partners
        if len(partners) != 2:
            return None
        return partners[1] if partners[0] == person_id else partners[0]


def _partnership_key(partnership: Partnership) -> tuple[int, int, str]:
    """Date order: by start; undated ones by end; undated current ones last; then id."""
    if partnership.start:
        first = date_key(partnership.start)
    elif partnership.end:
        first = date_key(partnership.end)
    else:
        first = _NO_DATE + (1 if partnership.is_current else 0)
    return (first, date_key(partnership.end), partnership.id)


def build_family(record: CaseRecord) -> Family:
    """Derive the layout's view of a case. Records pointing at missing people are ignored."""
    people = {person.id: person for person in sorted(record.people, key=lambda p: p.id)}

    twin_set_of: dict[str, TwinSet] = {}
    for twin_set in sorted(record.twin_sets, key=lambda t: t.id):
        for member in twin_set.member_ids:
            if member in people:
                twin_set_of.setdefault(member, twin_set)

    birth_keys: dict[str, tuple[int, int, str, str]] = {}
    for person in people.values():
        found = twin_set_of.get(person.id)
        twin_rank = found.member_ids.index(person.id) if found else 0
        birth_keys[person.id] = (date_key(person.date_of_birth), twin_rank, (found.id if found else ""), person.id)

    unions: dict[str, Union] = {}
    unions_of: dict[str, list[str]] = defaultdict(list)
    pair_union: dict[tuple[str, str], str] = {}
    for partnership in sorted(record.partnerships, key=_partnership_key):
        a, b = partnership.person_a, partnership.person_b
        if a == b or a not in people or b not in people:
            continue
        unions[partnership.id] = Union(partnership.id, (a, b), partnership,
                                       order_key=_partnership_key(partnership))
        unions_of[a].append(partnership.id)
        unions_of[b].append(partnership.id)
        pair_union.setdefault(_pair(a, b), partnership.id)

    def union_for(parent_ids: list[str]) -> str:
        if len(parent_ids) == 1:
            union_id = f"lone:{parent_ids[0]}"
            if union_id not in unions:
                unions[union_id] = Union(union_id, (parent_ids[0],), None, order_key=(_NO_DATE + 2, 0, union_id))
            return union_id
        pair = _pair(parent_ids[0], parent_ids[1])
        existing = pair_union.get(pair)
        if existing:
            return existing
        union_id = f"implied:{pair[0]}:{pair[1]}"
        unions[union_id] = Union(union_id, pair, None, order_key=(_NO_DATE + 1, 0, union_id))
        unions_of[pair[0]].append(union_id)
        unions_of[pair[1]].append(union_id)
        pair_union[pair] = union_id
        return union_id

    links_by_child: dict[str, list[ParentChildLink]] = defaultdict(list)
    for link in sorted(record.parent_links, key=lambda item: item.id):
        if link.child_id in people and link.parent_id in people and link.child_id != link.parent_id:
            links_by_child[link.child_id].append(link)

    child_union: dict[str, str] = {}
    child_kind: dict[str, ParentKind] = {}
    child_link_ids: dict[str, tuple[str, ...]] = {}
    other_parents: list[OtherParents] = []
    for child_id in sorted(links_by_child):
        by_kind: dict[ParentKind, list[ParentChildLink]] = defaultdict(list)
        for link in links_by_child[child_id]:
            if link.kind is not ParentKind.STEP:
                by_kind[link.kind].append(link)
        placed = False
        for kind in PLACEMENT_PRECEDENCE:
            links = by_kind.get(kind)
            if not links:
                continue
            chosen = _choose_parents(links, pair_union)
            union_id = union_for([link.parent_id for link in chosen])
            if not placed:
                child_union[child_id] = union_id
                child_kind[child_id] = kind
                child_link_ids[child_id] = tuple(link.id for link in chosen)
                unions[union_id].children.append(child_id)
                placed = True
            else:
                other_parents.append(OtherParents(union_id, child_id, kind, tuple(link.id for link in chosen)))

    for union in unions.values():
        union.children.sort(key=birth_keys.__getitem__)
    for union_ids in unions_of.values():
        union_ids.sort(key=lambda union_id: unions[union_id].order_key)
    return Family(
        people=people,
        unions=unions,
        unions_of=dict(unions_of),
        child_union=child_union,
        child_kind=child_kind,
        child_link_ids=child_link_ids,
        other_parents=other_parents,
        twin_set_of=twin_set_of,
        birth_keys=birth_keys,
    )


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _choose_parents(
    links: list[ParentChildLink], pair_union: dict[tuple[str, str], str]
) -> list[ParentChildLink]:
    """One or two parents of one kind; with more (bad data), a recorded couple first, else by id."""
    distinct: dict[str, ParentChildLink] = {}
    for link in links:
        distinct.setdefault(link.parent_id, link)
    if len(distinct) <= 2:
        return list(distinct.values())
    ids = sorted(distinct)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if _pair(a, b) in pair_union:
                return [distinct[a], distinct[b]]
    return [distinct[ids[0]], distinct[ids[1]]]
