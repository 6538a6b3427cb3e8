"""Builders for the commands practitioners issue: each returns one named :class:`Command`.

They only describe changes; nothing is written until the store applies the command. Names follow the
pattern the Undo menu shows, e.g. "Add partner Jo Smith".
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from genorisk.domain.commands import Change, Command, Put, Remove
from genorisk.domain.entities import (
    Entity,
    HouseholdMember,
    LayoutNudge,
    ParentChildLink,
    Partnership,
    PartnershipPeriod,
    Person,
    TwinSet,
    new_id,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import (
    HouseholdRole,
    ParentalResponsibility,
    ParentKind,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    Provenance,
    Zygosity,
)


def add_entity(name: str, entity: Entity) -> Command:
    return Command(name, (Put(entity),))


def update_entity(record: CaseRecord, new: Entity, name: str | None = None) -> Command:
    """Replace a record with an edited version of itself."""
    old = record.find(new.id)
    if old is None:
        raise KeyError(f"{new.summary} is not in case {record.case.reference}")
    return Command(name or f"Edit {old.summary}", (Put(new, old),))


def remove_entity(record: CaseRecord, entity_id: str, name: str | None = None) -> Command:
    """Remove a record and, through :func:`removal_changes`, whatever depends on it."""
    old = record.find(entity_id)
    if old is None:
        raise KeyError(f"nothing with id {entity_id} in case {record.case.reference}")
    return Command(name or f"Remove {old.summary}", tuple(removal_changes(record, old)))


def removal_changes(record: CaseRecord, root: Entity) -> list[Change]:
    """The changes that remove ``root`` and keep every other record pointing at something real.

    A record about a removed person drops them (``without_person``) or goes too; a record whose
    optional ``…_id`` field points at a removed record has that field cleared; one whose required
    reference does goes too — repeated until nothing else depends on what is removed.
    """
    removed: dict[str, Entity] = {root.id: root}
    removed_people: set[str] = {root.id} if isinstance(root, Person) else set()
    updated: dict[str, tuple[Entity, Entity]] = {}
    changed = True
    while changed:
        changed = False
        for entity in record.entities():
            if entity.id in removed:
                continue
            current = updated[entity.id][1] if entity.id in updated else entity
            result: Entity | None = current
            for person_id in current.person_refs() & removed_people:
                result = result.without_person(person_id) if result is not None else None
            if result is not None:
                result = _clear_references(result, removed)
            if result is None:
                removed[entity.id] = entity
                updated.pop(entity.id, None)
                if isinstance(entity, Person):
                    removed_people.add(entity.id)
                changed = True
            elif result != current:
                updated[entity.id] = (entity, result)
                changed = True
    changes: list[Change] = [Put(new, old) for old, new in updated.values()]
    changes += [Remove(entity) for entity_id, entity in removed.items() if entity_id != root.id]
    changes.append(Remove(root))
    return changes


def _clear_references(entity: Entity, removed: dict[str, Entity]) -> Entity | None:
    for field in fields(entity):
        if not field.name.endswith("_id") or field.name in ("id", "case_id", "rule_id"):
            continue
        if getattr(entity, field.name) in removed:
            if field.default is not None:  # a required reference: the record cannot stand alone
                return None
            cleared: dict[str, Any] = {field.name: None}
            entity = replace(entity, **cleared)
    return entity


def add_person(person: Person, name: str | None = None) -> Command:
    return Command(name or f"Add {person.display_name}", (Put(person),))


def remove_person(record: CaseRecord, person_id: str) -> Command:
    """Remove a person and every record about them (links, memberships, nudges…), undoably."""
    person = record.person(person_id)
    return Command(f"Remove {person.display_name}", tuple(removal_changes(record, person)))


def mark_subject_child(record: CaseRecord, person_id: str, subject: bool = True) -> Command:
    person = record.person(person_id)
    verb = "Mark" if subject else "Unmark"
    return Command(
        f"{verb} {person.display_name} as subject child",
        (Put(replace(person, is_subject_child=subject), person),),
    )


def new_partnership(
    case_id: str,
    person_a: str,
    person_b: str,
    kind: PartnershipKind = PartnershipKind.UNKNOWN,
    status: PartnershipStatus = PartnershipStatus.TOGETHER,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    provenance: Provenance | None = None,
) -> Partnership:
    statuses: tuple[PartnershipPeriod, ...] = (PartnershipPeriod(PartnershipStatus.TOGETHER, start),)
    if status is not PartnershipStatus.TOGETHER:
        statuses += (PartnershipPeriod(status, end),)
    return Partnership(
        id=new_id(),
        case_id=case_id,
        person_a=person_a,
        person_b=person_b,
        kind=kind,
        statuses=statuses,
        start=start,
        end=end,
        provenance=provenance,
    )


def add_partner(
    record: CaseRecord, person_id: str, partner: Person, partnership: Partnership
) -> Command:
    """Add a new person as someone's partner (any number of partners per person)."""
    record.person(person_id)
    if not partnership.involves(person_id) or not partnership.involves(partner.id):
        raise ValueError("the partnership must join the person and the new partner")
    return Command(f"Add partner {partner.display_name}", (Put(partner), Put(partnership)))


def link_parent(
    case_id: str,
    parent_id: str,
    child_id: str,
    kind: ParentKind = ParentKind.BIRTH,
    responsibility: ParentalResponsibility = ParentalResponsibility.UNKNOWN,
    provenance: Provenance | None = None,
) -> ParentChildLink:
    return ParentChildLink(
        id=new_id(),
        case_id=case_id,
        parent_id=parent_id,
        child_id=child_id,
        kind=kind,
        parental_responsibility=responsibility,
        provenance=provenance,
    )


def add_child(
    record: CaseRecord,
    child: Person,
    parent_ids: tuple[str, ...],
    kind: ParentKind = ParentKind.BIRTH,
    provenance: Provenance | None = None,
) -> Command:
    """Add a child to a union (two parents) or to a single parent with the other unknown."""
    if not 1 <= len(parent_ids) <= 2:
        raise ValueError("a child is added to one parent or to a couple")
    changes: list[Change] = [Put(child)]
    for parent_id in parent_ids:
        record.person(parent_id)
        link = link_parent(record.case.id, parent_id, child.id, kind, provenance=provenance)
        changes.append(Put(link))
    return Command(f"Add child {child.display_name}", tuple(changes))


def add_parents(
    record: CaseRecord,
    child_id: str,
    parents: tuple[Person, ...],
    partnership_kind: PartnershipKind | None = PartnershipKind.UNKNOWN,
    provenance: Provenance | None = None,
) -> Command:
    """Add one or two new birth parents to an existing person (and their union, if two)."""
    child = record.person(child_id)
    changes: list[Change] = [Put(parent) for parent in parents]
    changes += [Put(link_parent(record.case.id, p.id, child_id, provenance=provenance)) for p in parents]
    if len(parents) == 2 and partnership_kind is not None:
        union = new_partnership(record.case.id, parents[0].id, parents[1].id, partnership_kind,
                                provenance=provenance)
        changes.append(Put(union))
    return Command(f"Add parents of {child.display_name}", tuple(changes))


def add_sibling(record: CaseRecord, person_id: str, sibling: Person) -> Command:
    """Add a full sibling: a new child of the same parents (kind of parenthood kept)."""
    person = record.person(person_id)
    changes: list[Change] = [Put(sibling)]
    for link in record.parent_links_of_child(person_id):
        changes.append(Put(replace(link, id=new_id(), child_id=sibling.id)))
    return Command(f"Add sibling {sibling.display_name} of {person.display_name}", tuple(changes))


def add_twin(
    record: CaseRecord, person_id: str, twin: Person, zygosity: Zygosity = Zygosity.UNKNOWN
) -> Command:
    """Add a twin: a sibling born the same day, joined to (or forming) the person's twin set."""
    person = record.person(person_id)
    twin = replace(twin, date_of_birth=twin.date_of_birth or person.date_of_birth)
    sibling = add_sibling(record, person_id, twin)
    existing = next((t for t in record.twin_sets if person_id in t.member_ids), None)
    if existing is None:
        twin_change: Change = Put(
            TwinSet(id=new_id(), case_id=record.case.id, member_ids=(person_id, twin.id), zygosity=zygosity)
        )
    else:
        twin_change = Put(replace(existing, member_ids=(*existing.member_ids, twin.id)), existing)
    return Command(f"Add twin {twin.display_name} of {person.display_name}", (*sibling.changes, twin_change))


def join_household(
    record: CaseRecord,
    household_id: str,
    person_id: str,
    role: HouseholdRole = HouseholdRole.RESIDENT,
    start: PartialDate | None = None,
    provenance: Provenance | None = None,
) -> Command:
    person = record.person(person_id)
    member = HouseholdMember(
        id=new_id(),
        case_id=record.case.id,
        household_id=household_id,
        person_id=person_id,
        role=role,
        start=start,
        provenance=provenance,
    )
    verb = "moves into" if role is HouseholdRole.RESIDENT else "visits"
    return Command(f"{person.display_name} {verb} household", (Put(member),))


def nudge_person(record: CaseRecord, person_id: str, dx: float, dy: float) -> Command:
    """Store a practitioner's drag of a person on the genogram (cumulative with earlier nudges)."""
    person = record.person(person_id)
    existing = next((n for n in record.nudges if n.person_id == person_id), None)
    if existing is None:
        change: Change = Put(LayoutNudge(id=new_id(), case_id=record.case.id, person_id=person_id, dx=dx, dy=dy))
    else:
        change = Put(replace(existing, dx=existing.dx + dx, dy=existing.dy + dy), existing)
    return Command(f"Move {person.display_name}", (change,))
