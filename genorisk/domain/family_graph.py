"""Questions about the family as a graph, answered the same way everywhere.

The Child BE review found that parents' previous relationships and all the children of the
household were never linked. These queries make those links explicit: every child connected to a
household, every adult with access to a child on a date, and each adult's previous partners with the
children of those relationships wherever they now live.

networkx is imported inside the few functions that build a networkx graph, not at module level:
importing it costs about a tenth of a second, and the household questions the risk rules ask at
start-up do not need it. :func:`is_acyclic` answers the common "any cycle?" question without it.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from genorisk.domain.entities import Partnership, Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import HouseholdRole, ParentKind

if TYPE_CHECKING:
    import networkx as nx

ADULT_AGE = 18


class SiblingKind(StrEnum):
    FULL = "full"
    HALF = "half"
    STEP = "step"


class ChildConnection(StrEnum):
    """How a child is connected to a household."""

    LIVES_HERE = "lives here"
    CHILD_OF_RESIDENT = "child of a resident, lives elsewhere"
    STEP_CHILD_OF_RESIDENT = "stepchild of a resident, lives elsewhere"


@dataclass(frozen=True, slots=True)
class HouseholdChild:
    person_id: str
    connection: ChildConnection
    through: tuple[str, ...]
    """The resident adults the child is connected through."""


@dataclass(frozen=True, slots=True)
class PreviousRelationship:
    """One of an adult's earlier partnerships, with the children of that relationship."""

    partnership: Partnership
    partner_id: str
    children: tuple[str, ...]


def family_graph(record: CaseRecord) -> nx.MultiDiGraph[str]:
    """People as nodes; ``parent`` edges parent→child (with kind), ``partner`` edges both ways."""
    import networkx as nx  # here, not at module level: see the module docstring

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_nodes_from(p.id for p in record.people)
    for link in record.parent_links:
        graph.add_edge(link.parent_id, link.child_id, relation="parent", kind=link.kind, id=link.id)
    for union in record.partnerships:
        graph.add_edge(union.person_a, union.person_b, relation="partner", id=union.id)
        graph.add_edge(union.person_b, union.person_a, relation="partner", id=union.id)
    return graph


def residents_on(record: CaseRecord, household_id: str, on: date,
                 roles: Iterable[HouseholdRole] = (HouseholdRole.RESIDENT,)) -> tuple[str, ...]:
    """People in a household on a date, in the given roles."""
    wanted = set(roles)
    return tuple(dict.fromkeys(
        m.person_id for m in record.household_members_of(household_id)
        if m.role in wanted and m.dates.covers(on)
    ))


def is_child_on(person: Person, on: date) -> bool:
    """Under 18 on the date (a person with no date of birth counts as a child only if a subject)."""
    age = person.age_on(on)
    return person.is_subject_child if age is None else 0 <= age < ADULT_AGE


def household_children(record: CaseRecord, household_id: str, on: date) -> tuple[HouseholdChild, ...]:
    """Every child connected to a household on a date: those living there, and the children and
    stepchildren of its resident adults wherever they live (half- and step-siblings included)."""
    residents = residents_on(record, household_id, on)
    found: dict[str, HouseholdChild] = {}
    for person_id in residents:
        person = record.person(person_id)
        if is_child_on(person, on) and person.pregnancy is None:
            found[person_id] = HouseholdChild(person_id, ChildConnection.LIVES_HERE, ())
    through: dict[str, list[str]] = defaultdict(list)
    step_through: dict[str, list[str]] = defaultdict(list)
    for adult_id in residents:
        for link in record.parent_links_of_parent(adult_id):
            target = step_through if link.kind is ParentKind.STEP else through
            target[link.child_id].append(adult_id)
        for union in record.partnerships_of(adult_id):
            if union.active_on(on):
                for child_id in record.children_of(union.partner_of(adult_id)):
                    step_through[child_id].append(adult_id)
    for connections, kind in ((through, ChildConnection.CHILD_OF_RESIDENT),
                              (step_through, ChildConnection.STEP_CHILD_OF_RESIDENT)):
        for child_id, adults in connections.items():
            child = record.get(Person, child_id)
            if child is None or child_id in found or child.pregnancy is not None or not is_child_on(child, on):
                continue
            found[child_id] = HouseholdChild(child_id, kind, tuple(dict.fromkeys(adults)))
    return tuple(found.values())


def households_of(record: CaseRecord, person_id: str, on: date) -> tuple[str, ...]:
    """Households a person lives in on a date."""
    return tuple(dict.fromkeys(
        m.household_id for m in record.household_members
        if m.person_id == person_id and m.role is HouseholdRole.RESIDENT and m.dates.covers(on)
    ))


def adults_with_access(record: CaseRecord, child_id: str, on: date) -> tuple[str, ...]:
    """Every adult living in, or regularly visiting, any household the child lives in on a date."""
    adults: list[str] = []
    for household_id in households_of(record, child_id, on):
        for person_id in residents_on(record, household_id, on,
                                      (HouseholdRole.RESIDENT, HouseholdRole.REGULAR_VISITOR)):
            person = record.person(person_id)
            if person_id != child_id and not is_child_on(person, on) and person.pregnancy is None:
                adults.append(person_id)
    return tuple(dict.fromkeys(adults))


def children_of_couple(record: CaseRecord, a: str, b: str) -> tuple[str, ...]:
    """Children with both people as parents (any kind of parenthood other than step)."""
    of_a = {link.child_id for link in record.parent_links_of_parent(a) if link.kind is not ParentKind.STEP}
    return tuple(link.child_id for link in record.parent_links_of_parent(b)
                 if link.kind is not ParentKind.STEP and link.child_id in of_a)


def previous_relationships(record: CaseRecord, person_id: str) -> tuple[PreviousRelationship, ...]:
    """Every partnership of a person other than a current one, earliest first, with its children."""
    found = []
    for union in record.partnerships_of(person_id):
        if union.is_current:
            continue
        partner = union.partner_of(person_id)
        found.append(PreviousRelationship(union, partner, children_of_couple(record, person_id, partner)))
    return tuple(found)


def children_by_other_parents(record: CaseRecord, person_id: str, current_partner: str | None = None
                              ) -> tuple[str, ...]:
    """A person's children whose other parent is not their current partner (or is unknown)."""
    result = []
    for link in record.parent_links_of_parent(person_id):
        others = {p for p in record.birth_parents(link.child_id) if p != person_id}
        if current_partner is None or current_partner not in others:
            result.append(link.child_id)
    return tuple(dict.fromkeys(result))


def siblings(record: CaseRecord, person_id: str) -> dict[str, SiblingKind]:
    """Full, half and step siblings of a person."""
    own = set(_parents(record, person_id))
    result: dict[str, SiblingKind] = {}
    for parent in own:
        for child in record.children_of(parent):
            if child == person_id:
                continue
            theirs = set(_parents(record, child))
            result[child] = SiblingKind.FULL if theirs == own and len(own) == 2 else SiblingKind.HALF
    for parent in own:
        for union in record.partnerships_of(parent):
            for child in record.children_of(union.partner_of(parent)):
                if child != person_id and child not in result:
                    result[child] = SiblingKind.STEP
    return result


def half_sibling_groups(record: CaseRecord, person_id: str) -> dict[frozenset[str], tuple[str, ...]]:
    """A person's siblings (and the person) grouped by their set of birth/adoptive parents."""
    groups: dict[frozenset[str], list[str]] = defaultdict(list)
    for child in (person_id, *(c for c, kind in siblings(record, person_id).items() if kind is not SiblingKind.STEP)):
        groups[frozenset(_parents(record, child))].append(child)
    return {parents: tuple(children) for parents, children in groups.items()}


def generations(record: CaseRecord) -> dict[str, int]:
    """Generation number per person: 0 for the eldest line; partners share a generation.

    A child sits one below its lowest parent. Partners are then pulled to the lower of the two rows,
    repeatedly, until stable (cousins who marry, partners from other families).
    """
    import networkx as nx  # here, not at module level: see the module docstring

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(p.id for p in record.people)
    graph.add_edges_from(
        (link.parent_id, link.child_id) for link in record.parent_links if link.kind is not ParentKind.STEP
    )
    if not nx.is_directed_acyclic_graph(graph):
        raise ValueError("the family has a person who is their own ancestor")
    level = {node: 0 for node in graph.nodes}
    order = list(nx.topological_sort(graph))
    for _ in range(len(record.partnerships) + 1):
        for node in order:
            for child in graph.successors(node):
                level[child] = max(level[child], level[node] + 1)
        changed = False
        for union in record.partnerships:
            a, b = union.person_a, union.person_b
            if a in level and b in level and level[a] != level[b]:
                low = max(level[a], level[b])
                level[a] = level[b] = low
                changed = True
        if not changed:
            break
    return level


def _parents(record: CaseRecord, child_id: str) -> tuple[str, ...]:
    return tuple(
        link.parent_id for link in record.parent_links_of_child(child_id) if link.kind is not ParentKind.STEP
    )


def is_acyclic(edges: Iterable[tuple[str, str]]) -> bool:
    """True when the directed graph of these edges has no cycle (a self-loop is a cycle).

    Kahn's algorithm in plain Python: what ``networkx.is_directed_acyclic_graph`` answers, without
    importing networkx on the paths (validation, layout) that ask it on every change.
    """
    successors: dict[str, set[str]] = defaultdict(set)
    indegree: dict[str, int] = defaultdict(int)
    for source, target in edges:
        if target not in successors[source]:
            successors[source].add(target)
            indegree[target] += 1
    nodes = set(successors) | set(indegree)
    ready = deque(node for node in nodes if indegree[node] == 0)
    seen = 0
    while ready:
        node = ready.popleft()
        seen += 1
        for target in successors.get(node, ()):
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return seen == len(nodes)
