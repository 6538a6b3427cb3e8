"""The generation rows' graph questions, answered without networkx, agree with networkx's answers.

The layout used networkx for three questions on every change; it now answers them in plain Python
and imports networkx only to take a cycle apart. The old networkx versions are the oracle here.
"""

from __future__ import annotations

import random
from dataclasses import replace

import networkx as nx
import pytest

from genorisk.domain.entities import ParentChildLink, new_id
from genorisk.domain.family_graph import is_acyclic
from genorisk.domain.record import CaseRecord
from genorisk.domain.validation import Severity, validate
from genorisk.genogram import generations
from genorisk.genogram.family import build_family
from genorisk.genogram.layout import layout_case
from genorisk.genogram.synthetic import synthetic_case
from tests.genogram import builders


def _random_edges(rng: random.Random, nodes: int, edges: int, self_loops: bool = True) -> list[tuple[str, str]]:
    names = [f"p{i:02d}" for i in range(nodes)]
    result = []
    for _ in range(edges):
        a, b = rng.choice(names), rng.choice(names)
        if a != b or self_loops:
            result.append((a, b))
    return result


# --- the old implementations, kept as the oracle ------------------------------------------------------
def _old_cyclic_groups(parent_of: dict[str, str], edges: list[tuple[str, str]]) -> set[str]:
    group_edges = {(parent_of[a], parent_of[b]) for a, b in edges}
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_edges_from((a, b) for a, b in group_edges if a != b)
    cyclic = {a for a, b in group_edges if a == b}
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            cyclic |= component
    return cyclic


def _old_add_if_acyclic(people: list[str], edges: list[tuple[str, str]],
                        extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if not extra:
        return list(edges)
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(people)
    graph.add_edges_from(edges)
    kept = list(edges)
    for a, b in extra:
        if a == b or nx.has_path(graph, b, a):
            continue
        graph.add_edge(a, b)
        kept.append((a, b))
    return kept


@pytest.mark.parametrize("seed", range(40))
def test_is_acyclic_agrees_with_networkx(seed: int) -> None:
    rng = random.Random(seed)
    edges = _random_edges(rng, rng.randint(1, 12), rng.randint(0, 16), self_loops=seed % 3 == 0)
    graph: nx.DiGraph[str] = nx.DiGraph(edges)
    assert is_acyclic(edges) == nx.is_directed_acyclic_graph(graph)


def test_is_acyclic_on_plain_cases() -> None:
    assert is_acyclic([])
    assert is_acyclic([("a", "b"), ("b", "c"), ("a", "c"), ("a", "c")])
    assert not is_acyclic([("a", "a")])
    assert not is_acyclic([("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")])


@pytest.mark.parametrize("seed", range(40))
def test_cycle_groups_and_second_parents_agree_with_networkx(seed: int) -> None:
    rng = random.Random(seed)
    people = [f"p{i:02d}" for i in range(rng.randint(2, 14))]
    edges = _random_edges(rng, len(people), rng.randint(0, 18))
    parent_of = {person: rng.choice(people[: max(1, len(people) // 2)]) if rng.random() < 0.3 else person
                 for person in people}
    assert generations._cyclic_groups(parent_of, edges) == _old_cyclic_groups(parent_of, edges)
    strong = generations._acyclic(people, [edge for edge in edges if edge[0] != edge[1]])
    extra = _random_edges(rng, len(people), rng.randint(0, 8))
    assert generations._add_if_acyclic(people, strong, extra) == _old_add_if_acyclic(people, strong, extra)


def _with_cycle(record: CaseRecord, seed: int) -> CaseRecord:
    """The record with one bad parent link that makes someone their own ancestor."""
    rng = random.Random(seed)
    link = rng.choice(record.parent_links)
    bad = replace(link, id=new_id(), parent_id=link.child_id, child_id=link.parent_id)
    assert isinstance(bad, ParentChildLink)
    return record.with_entities(put=[bad])


def _families() -> list[CaseRecord]:
    records = [builder().record() for builder in (
        builders.blended_family_three_fathers, builders.man_with_three_partners, builders.adoption_and_foster,
        builders.cousins_who_partner, builders.four_generations, builders.twins_family)]
    records += [CaseRecord.build(*synthetic_case(size, seed=seed)) for size, seed in ((40, 1), (120, 7), (300, 11))]
    return records


@pytest.mark.parametrize("index", range(9))
def test_rows_are_as_before_with_and_without_a_cycle(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    record = _families()[index]
    for case in (record, _with_cycle(record, index)):
        family = build_family(case)
        rows = generations.assign_generations(family)
        with monkeypatch.context() as patched:
            patched.setattr(generations, "_cyclic_groups", _old_cyclic_groups)
            patched.setattr(generations, "_add_if_acyclic", _old_add_if_acyclic)
            assert rows == generations.assign_generations(family)


def test_a_family_with_a_cycle_is_still_laid_out_and_validation_names_the_cycle() -> None:
    record = _with_cycle(builders.four_generations().record(), 3)
    geometry = layout_case(record)
    assert {symbol.person_id for symbol in geometry.symbols} == {person.id for person in record.people}
    errors = [issue for issue in validate(record) if issue.severity is Severity.ERROR]
    assert [issue.code for issue in errors] == ["own-ancestor"]
    assert "would be their own ancestor" in errors[0].message and len(errors[0].person_ids) >= 2
