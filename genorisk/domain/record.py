"""CaseRecord: one whole case as an immutable value, with the look-ups every package needs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from genorisk.domain.entities import (
    Case,
    EmotionalLink,
    Entity,
    Household,
    HouseholdMember,
    LayoutNudge,
    ParentChildLink,
    Partnership,
    Person,
    TwinSet,
    VerificationItem,
)
from genorisk.domain.values import ParentKind

E = TypeVar("E", bound=Entity)

_EMPTY: Mapping[str, Entity] = MappingProxyType({})


@dataclass(frozen=True, slots=True, eq=False)
class CaseRecord:
    """Every record of one case, keyed by type then id, in insertion order.

    Applying a change returns a new CaseRecord sharing the unchanged tables, so keeping the record
    before and after an edit (for undo, validation and re-layout) is cheap.
    """

    case: Case
    tables: Mapping[type[Entity], Mapping[str, Entity]] = field(default_factory=dict)

    @classmethod
    def build(cls, case: Case, entities: Iterable[Entity]) -> CaseRecord:
        tables: dict[type[Entity], dict[str, Entity]] = {}
        for entity in entities:
            if isinstance(entity, Case):
                continue
            tables.setdefault(type(entity), {})[entity.id] = entity
        return cls(case, tables)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CaseRecord):
            return NotImplemented
        mine = {kind: dict(rows) for kind, rows in self.tables.items() if rows}
        theirs = {kind: dict(rows) for kind, rows in other.tables.items() if rows}
        return self.case == other.case and mine == theirs

    __hash__ = None  # type: ignore[assignment]

    # --- generic access -------------------------------------------------------------------------
    def all(self, kind: type[E]) -> tuple[E, ...]:
        """Every record of one type, in the order they were added."""
        return tuple(self.tables.get(kind, _EMPTY).values())  # type: ignore[arg-type]

    def get(self, kind: type[E], entity_id: str) -> E | None:
        found = self.tables.get(kind, _EMPTY).get(entity_id)
        return found if isinstance(found, kind) else None

    def find(self, entity_id: str) -> Entity | None:
        """Any record by id, whatever its type."""
        if entity_id == self.case.id:
            return self.case
        for rows in self.tables.values():
            if entity_id in rows:
                return rows[entity_id]
        return None

    def entities(self) -> Iterable[Entity]:
        """Every record except the case itself."""
        for rows in self.tables.values():
            yield from rows.values()

    def with_entities(self, put: Iterable[Entity] = (), removed: Iterable[Entity] = ()) -> CaseRecord:
        """A new record with some entities added or replaced and some removed."""
        tables = dict(self.tables)
        case = self.case
        copied: set[type[Entity]] = set()

        def writable(kind: type[Entity]) -> dict[str, Entity]:
            if kind not in copied:
                tables[kind] = dict(tables.get(kind, _EMPTY))
                copied.add(kind)
            return tables[kind]  # type: ignore[return-value]

        for entity in removed:
            writable(type(entity)).pop(entity.id, None)
        for entity in put:
            if isinstance(entity, Case):
                case = entity
            else:
                writable(type(entity))[entity.id] = entity
        return CaseRecord(case, tables)

    # --- the family ----------------------------------------------------------------------------
    @property
    def people(self) -> tuple[Person, ...]:
        return self.all(Person)

    @property
    def partnerships(self) -> tuple[Partnership, ...]:
        return self.all(Partnership)

    @property
    def parent_links(self) -> tuple[ParentChildLink, ...]:
        return self.all(ParentChildLink)

    @property
    def twin_sets(self) -> tuple[TwinSet, ...]:
        return self.all(TwinSet)

    @property
    def households(self) -> tuple[Household, ...]:
        return self.all(Household)

    @property
    def household_members(self) -> tuple[HouseholdMember, ...]:
        return self.all(HouseholdMember)

    @property
    def emotional_links(self) -> tuple[EmotionalLink, ...]:
        return self.all(EmotionalLink)

    @property
    def nudges(self) -> tuple[LayoutNudge, ...]:
        return self.all(LayoutNudge)

    @property
    def verification_items(self) -> tuple[VerificationItem, ...]:
        return self.all(VerificationItem)

    def person(self, person_id: str) -> Person:
        """The person with this id; KeyError naming the id if there is none."""
        found = self.get(Person, person_id)
        if found is None:
            raise KeyError(f"no person {person_id} in case {self.case.reference}")
        return found

    def name_of(self, person_id: str) -> str:
        found = self.get(Person, person_id)
        return found.display_name if found else f"unknown person {person_id[:8]}"

    @property
    def subject_children(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.is_subject_child)

    def partnerships_of(self, person_id: str) -> tuple[Partnership, ...]:
        """All of a person's partnerships, earliest first (undated ones last, in entry order)."""
        found = [p for p in self.partnerships if p.involves(person_id)]
        return tuple(sorted(found, key=_partnership_order))

    def parent_links_of_child(self, child_id: str) -> tuple[ParentChildLink, ...]:
        return tuple(link for link in self.parent_links if link.child_id == child_id)

    def parent_links_of_parent(self, parent_id: str) -> tuple[ParentChildLink, ...]:
        return tuple(link for link in self.parent_links if link.parent_id == parent_id)

    def birth_parents(self, child_id: str) -> tuple[str, ...]:
        return tuple(
            link.parent_id for link in self.parent_links_of_child(child_id) if link.kind is ParentKind.BIRTH
        )

    def children_of(self, parent_id: str) -> tuple[str, ...]:
        return tuple(link.child_id for link in self.parent_links_of_parent(parent_id))

    def partnership_between(self, a: str, b: str) -> Partnership | None:
        """The earliest partnership between two people, if any."""
        for partnership in self.partnerships_of(a):
            if partnership.involves(b):
                return partnership
        return None

    def household_members_of(self, household_id: str) -> tuple[HouseholdMember, ...]:
        return tuple(m for m in self.household_members if m.household_id == household_id)

    def referencing(self, person_id: str) -> tuple[Entity, ...]:
        """Every record (other than the person) that mentions the person."""
        return tuple(e for e in self.entities() if person_id in e.person_refs() and e.id != person_id)


def _partnership_order(partnership: Partnership) -> tuple[int, str]:
    start = partnership.start.midpoint().toordinal() if partnership.start else 10**9
    return (start, "")
