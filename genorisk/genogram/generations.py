"""Generations: which row each person is drawn in.

Parents sit above their children and partners share a row. Rows come from the longest path down the
parent-to-child graph with each set of partners merged into one node; people with no parents in
the record are then moved down to sit just above their nearest child (an in-law's parents join
the in-law's parents' generation rather than the top row).

Messy data is handled rather than refused: a partnership that would put someone above their own
ancestor (partners of different generations whose merge makes a cycle) is not merged, so that
couple is drawn across two rows; a parent link that makes a cycle (bad data) is ignored for the
rows; a second set of parents (foster, adoptive…) only counts when it does not conflict.

Every layout asks whether these graphs have cycles, so that is answered in plain Python
(:func:`~genorisk.domain.family_graph.is_acyclic`, reachability by search); networkx, slow to import,
is imported only when a cycle has to be taken apart (bad data).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable

from genorisk.domain.family_graph import is_acyclic
from genorisk.genogram.family import Family


def assign_generations(family: Family) -> dict[str, int]:
    """Row index (0 = top) for every person."""
    people = list(family.people)
    strong: list[tuple[str, str]] = []
    for child, union_id in family.child_union.items():
        for parent in family.unions[union_id].partners:
            strong.append((parent, child))
    strong = _acyclic(people, strong)
    weak = [
        (parent, other.child_id)
        for other in family.other_parents
        for parent in family.unions[other.union_id].partners
    ]
    edges = _add_if_acyclic(people, strong, weak)

    merges = [
        union.partners
        for union in sorted(family.unions.values(), key=lambda u: u.order_key)
        if len(union.partners) == 2
    ]
    while True:
        parent_of = _union_find(people, merges)
        cyclic = _cyclic_groups(parent_of, edges)
        if not cyclic:
            break
        merges = [pair for pair in merges if _find(parent_of, pair[0]) not in cyclic]
    return _longest_path_rows(people, parent_of, edges)


def _union_find(people: Iterable[str], merges: Iterable[tuple[str, ...]]) -> dict[str, str]:
    parent_of = {person: person for person in people}
    for a, b in merges:
        root_a, root_b = _find(parent_of, a), _find(parent_of, b)
        if root_a != root_b:
            if root_b < root_a:
                root_a, root_b = root_b, root_a
            parent_of[root_b] = root_a
    for person in parent_of:
        parent_of[person] = _find(parent_of, person)
    return parent_of


def _find(parent_of: dict[str, str], person: str) -> str:
    root = person
    while parent_of[root] != root:
        root = parent_of[root]
    while parent_of[person] != root:
        parent_of[person], person = root, parent_of[person]
    return root


def _group_edges(parent_of: dict[str, str], edges: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(parent_of[a], parent_of[b]) for a, b in edges}


def _cyclic_groups(parent_of: dict[str, str], edges: list[tuple[str, str]]) -> set[str]:
    """Groups that sit on a cycle (a group that is its own ancestor), or none."""
    group_edges = _group_edges(parent_of, edges)
    self_loops = {a for a, b in group_edges if a == b}
    between = [(a, b) for a, b in group_edges if a != b]
    if is_acyclic(between):
        return self_loops
    import networkx as nx  # only for bad data: see the module docstring

    graph = nx.DiGraph()
    graph.add_edges_from(between)
    cyclic = set(self_loops)
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            cyclic |= component
    return cyclic


def _acyclic(people: list[str], edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop edges that close a cycle (bad data: someone recorded as their own ancestor)."""
    if is_acyclic(edges):
        return edges
    import networkx as nx  # only for bad data: see the module docstring

    graph = nx.DiGraph()
    graph.add_nodes_from(people)
    graph.add_edges_from(edges)
    dropped: set[tuple[str, str]] = set()
    while True:
        try:
            cycle = nx.find_cycle(graph)
        except nx.NetworkXNoCycle:
            break
        edge = max((a, b) for a, b, *_ in cycle)
        graph.remove_edge(*edge)
        dropped.add(edge)
    return [edge for edge in edges if edge not in dropped]


def _add_if_acyclic(
    people: list[str], edges: list[tuple[str, str]], extra: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    if not extra:
        return list(edges)
    successors: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        successors[a].add(b)
    kept = list(edges)
    for a, b in extra:
        if a == b or _reaches(successors, b, a):
            continue
        successors[a].add(b)
        kept.append((a, b))
    return kept


def _reaches(successors: dict[str, set[str]], start: str, goal: str) -> bool:
    """True if ``goal`` can be reached from ``start`` along the edges (a path of length 0 counts)."""
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for target in successors.get(node, ()):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return False


def _longest_path_rows(
    people: list[str], parent_of: dict[str, str], edges: list[tuple[str, str]]
) -> dict[str, int]:
    groups = sorted(set(parent_of.values()))
    children: dict[str, set[str]] = defaultdict(set)
    indegree: dict[str, int] = dict.fromkeys(groups, 0)
    for a, b in _group_edges(parent_of, edges):
        if a != b and b not in children[a]:
            children[a].add(b)
            indegree[b] += 1
    has_parents = {group for group, count in indegree.items() if count}
    queue = deque(group for group in groups if indegree[group] == 0)
    order: list[str] = []
    row: dict[str, int] = dict.fromkeys(groups, 0)
    while queue:
        group = queue.popleft()
        order.append(group)
        for child in sorted(children[group]):
            row[child] = max(row[child], row[group] + 1)
            indegree[child] -= 1
            if indegree[child] == 0:
                queue.append(child)
    for group in reversed(order):
        if group not in has_parents and children[group]:
            row[group] = max(row[group], min(row[child] for child in children[group]) - 1)
    return {person: row[parent_of[person]] for person in people}
