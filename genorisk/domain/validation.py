"""Checks that a case makes sense: errors for impossible structures, warnings for implausible facts.

An error stops the change that would cause it, with a message naming the people; warnings are
stored with the case and listed for the practitioner to review. Qt-free and pure.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from genorisk.domain.entities import Partnership, Person
from genorisk.domain.family_graph import is_acyclic
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import ParentKind, PartnershipStatus, PregnancyOutcome

YOUNGEST_PLAUSIBLE_PARENT = 12
AGE_OF_CONSENT = 16
"""A partner recorded younger than this (at the relationship's start, else today) is flagged to check."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Issue:
    """One validation finding: a stable code, a message naming the people, and their ids."""

    severity: Severity
    code: str
    message: str
    person_ids: tuple[str, ...] = ()


class ValidationFailed(ValueError):
    """A change would leave the case impossible; nothing was written."""

    def __init__(self, errors: Iterable[Issue]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(error.message for error in self.errors))


def validate(record: CaseRecord) -> list[Issue]:
    """Every error and warning for a case, errors first."""
    issues = [*_structural_errors(record), *_implausible_facts(record)]
    return sorted(issues, key=lambda i: (i.severity is not Severity.ERROR, i.code, i.message))


def errors_in(record: CaseRecord) -> list[Issue]:
    return [i for i in validate(record) if i.severity is Severity.ERROR]


def _structural_errors(record: CaseRecord) -> Iterable[Issue]:
    name = record.name_of
    yield from _dangling_references(record)
    for partnership in record.partnerships:
        if partnership.person_a == partnership.person_b:
            yield Issue(Severity.ERROR, "self-link",
                        f"{name(partnership.person_a)} cannot be their own partner", (partnership.person_a,))
    for link in record.emotional_links:
        if link.from_id == link.to_id:
            yield Issue(Severity.ERROR, "self-link",
                        f"{name(link.from_id)} cannot have a {link.kind.label.lower()} link to themselves",
                        (link.from_id,))
    births: dict[str, list[str]] = defaultdict(list)
    seen_pairs: set[tuple[str, str]] = set()
    for parent_link in record.parent_links:
        if parent_link.parent_id == parent_link.child_id:
            yield Issue(Severity.ERROR, "self-link", f"{name(parent_link.child_id)} cannot be their own parent",
                        (parent_link.child_id,))
        if (parent_link.parent_id, parent_link.child_id) in seen_pairs:
            yield Issue(Severity.ERROR, "duplicate-parent",
                        f"{name(parent_link.parent_id)} is recorded twice as a parent of {name(parent_link.child_id)}",
                        (parent_link.parent_id, parent_link.child_id))
        seen_pairs.add((parent_link.parent_id, parent_link.child_id))
        if parent_link.kind is ParentKind.BIRTH:
            births[parent_link.child_id].append(parent_link.parent_id)
    for child_id, parents in births.items():
        if len(parents) > 2:
            listed = ", ".join(name(p) for p in parents)
            yield Issue(Severity.ERROR, "too-many-birth-parents",
                        f"{name(child_id)} has more than two birth parents ({listed})", (child_id, *parents))
    yield from _twin_errors(record)
    yield from _ancestry_cycles(record)


_NOT_REFERENCES = frozenset({"id", "case_id", "rule_id"})
_REFERENCE_FIELDS: dict[type, tuple[str, ...]] = {}


def _reference_fields(kind: type) -> tuple[str, ...]:
    """Fields of a record type that hold the id of another record (``…_id``, except its own ids)."""
    found = _REFERENCE_FIELDS.get(kind)
    if found is None:
        found = tuple(f.name for f in dataclasses.fields(kind)
                      if f.name.endswith("_id") and f.name not in _NOT_REFERENCES)
        _REFERENCE_FIELDS[kind] = found
    return found


def _dangling_references(record: CaseRecord) -> Iterable[Issue]:
    """Every person a record is about, and every record it points at, must be in this case."""
    people = {p.id for p in record.people}
    known = {entity.id for entity in record.entities()} | {record.case.id}
    for entity in record.entities():
        what = type(entity).__name__
        for person_id in sorted(entity.person_refs() - people):
            yield Issue(Severity.ERROR, "unknown-person",
                        f"A {_words(what)} ({entity.id}) refers to a person not in this case ({person_id})",
                        (person_id,))
        for field_name in _reference_fields(type(entity)):
            target = getattr(entity, field_name)
            if isinstance(target, str) and target and target not in known:
                yield Issue(Severity.ERROR, "dangling-reference",
                            f"A {_words(what)} ({entity.id}) refers to a {_words(field_name[:-3])} that is not "
                            f"in this case ({target}); remove or change that record first",
                            tuple(sorted(entity.person_refs() & people)))


def _words(identifier: str) -> str:
    """'HouseholdMember' or 'related_partnership' → 'household member', 'related partnership'."""
    spaced = "".join(f" {ch.lower()}" if ch.isupper() else ch for ch in identifier).strip()
    return spaced.replace("_", " ")


def _twin_errors(record: CaseRecord) -> Iterable[Issue]:
    seen: dict[str, str] = {}
    for twin_set in record.twin_sets:
        for member in twin_set.member_ids:
            if member in seen and seen[member] != twin_set.id:
                yield Issue(Severity.ERROR, "twin-in-two-sets",
                            f"{record.name_of(member)} is in two sets of twins", (member,))
            seen[member] = twin_set.id
        parent_sets = [set(record.birth_parents(member)) for member in twin_set.member_ids]
        if all(parent_sets) and not set.intersection(*parent_sets):
            names = " and ".join(record.name_of(m) for m in twin_set.member_ids)
            yield Issue(Severity.WARNING, "twins-without-common-parent",
                        f"{names} are recorded as twins but have no birth parent in common",
                        twin_set.member_ids)


def _ancestry_cycles(record: CaseRecord) -> Iterable[Issue]:
    edges = [(link.parent_id, link.child_id) for link in record.parent_links if link.parent_id != link.child_id]
    if is_acyclic(edges):  # the usual answer, found without networkx (validation runs on every change)
        return
    # a cycle: networkx (imported only now; it is slow to import) names the one to explain
    import networkx as nx

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_edges_from(edges)
    for cycle in nx.simple_cycles(graph):
        names = " → ".join(record.name_of(p) for p in [*cycle, cycle[0]])
        yield Issue(Severity.ERROR, "own-ancestor",
                    f"{record.name_of(cycle[0])} would be their own ancestor ({names})", tuple(cycle))
        return  # one cycle is enough to explain the problem


def _young_partners(partnership: Partnership, people: dict[str, Person],
                    name: Callable[[str], str]) -> Iterable[Issue]:
    """A partner under 16 is either a data-entry slip or something a practitioner must consider.

    Age is taken at the start of the relationship; with no start, at its end (under 16 then means under
    16 throughout); with neither, today, for a relationship still going on."""
    if partnership.start:
        on, when = partnership.start, "when the relationship started"
    elif partnership.end:
        on, when = partnership.end, "when the relationship ended"
    elif partnership.status is PartnershipStatus.TOGETHER:
        on, when = None, "now"
    else:
        return
    day = on.midpoint() if on is not None else date.today()
    for person_id, other_id in ((partnership.person_a, partnership.person_b),
                                (partnership.person_b, partnership.person_a)):
        person = people.get(person_id)
        if person is None or person.date_of_birth is None:
            continue
        age = person.age_on(day)
        if age is not None and 0 <= age < AGE_OF_CONSENT:
            approximate = person.date_of_birth.day is None or (on is not None and on.day is None)
            verb = "is" if on is None else "was"
            yield Issue(Severity.WARNING, "young-partner",
                        f"{name(person_id)} {verb} {'about ' if approximate else ''}{age} {when}, and is recorded "
                        f"as a partner of {name(other_id)}: check this is right, and whether it raises a "
                        f"safeguarding concern", (person_id, other_id))


def _implausible_facts(record: CaseRecord) -> Iterable[Issue]:
    name = record.name_of
    people = {p.id: p for p in record.people}
    for person in people.values():
        if person.date_of_birth and person.date_of_death and (
            person.date_of_death.latest() < person.date_of_birth.earliest()
        ):
            yield Issue(Severity.WARNING, "death-before-birth",
                        f"{name(person.id)} is recorded as dying ({person.date_of_death.display()}) before "
                        f"being born ({person.date_of_birth.display()})", (person.id,))
        if person.is_subject_child and not record.parent_links_of_child(person.id):
            yield Issue(Severity.WARNING, "subject-without-parent",
                        f"Subject child {name(person.id)} has no recorded parent", (person.id,))
    for link in record.parent_links:
        parent, child = people.get(link.parent_id), people.get(link.child_id)
        if not parent or not child or not parent.date_of_birth or not child.date_of_birth:
            continue
        if link.kind is ParentKind.BIRTH and child.pregnancy is not PregnancyOutcome.PREGNANCY:
            parent_age = parent.age_on(child.date_of_birth.midpoint())
            if parent_age is not None and parent_age < YOUNGEST_PLAUSIBLE_PARENT:
                yield Issue(Severity.WARNING, "young-parent",
                            f"{name(parent.id)} would have been {max(parent_age, 0)} at the birth of "
                            f"{name(child.id)}", (parent.id, child.id))
            if parent.date_of_death and child.date_of_birth.earliest() > parent.date_of_death.latest() and (
                # a father may die before the birth; a birth after the mother's death is implausible
                parent.sex.value == "female"
            ):
                yield Issue(Severity.WARNING, "birth-after-mother-death",
                            f"{name(child.id)} is recorded as born after the death of their mother "
                            f"{name(parent.id)}", (parent.id, child.id))
    pairs: set[frozenset[str]] = set()
    for partnership in record.partnerships:
        pair = frozenset((partnership.person_a, partnership.person_b))
        if pair in pairs and len(pair) == 2:
            yield Issue(Severity.WARNING, "repeated-partnership",
                        f"{name(partnership.person_a)} and {name(partnership.person_b)} have more than one "
                        f"partnership recorded: check it is not a duplicate", tuple(sorted(pair)))
        pairs.add(pair)
        yield from _young_partners(partnership, people, name)
        if partnership.dates.is_reversed:
            yield Issue(Severity.WARNING, "partnership-ends-before-start",
                        f"The partnership of {name(partnership.person_a)} and {name(partnership.person_b)} "
                        f"ends before it starts", (partnership.person_a, partnership.person_b))
    for member in record.household_members:
        if member.dates.is_reversed:
            yield Issue(Severity.WARNING, "membership-ends-before-start",
                        f"{name(member.person_id)}'s time in a household ends before it starts",
                        (member.person_id,))
