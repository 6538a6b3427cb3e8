"""The family as a Graphviz graph (DOT), for interchange with other tools.

Made with the ``graphviz`` package from the same family model the layout uses: one node per person
(shape by symbol kind), one small point node per union, edges partner → union and union → child
(styled by the kind of parenthood), generation rows as ``rank=same`` groups, and emotional links as
non-constraining edges. This is not how genorisk lays out a genogram; it is a portable description.
"""

from __future__ import annotations

from pathlib import Path

import graphviz

from genorisk.domain.record import CaseRecord
from genorisk.genogram.cards import symbol_kind
from genorisk.genogram.family import build_family
from genorisk.genogram.generations import assign_generations
from genorisk.genogram.geometry import SymbolKind
from genorisk.genogram.notation import notation
from genorisk.interop.atomic import write_text_atomically

_SHAPES = {
    SymbolKind.MALE: "box",
    SymbolKind.FEMALE: "ellipse",
    SymbolKind.UNKNOWN: "diamond",
    SymbolKind.PREGNANCY: "triangle",
    SymbolKind.MISCARRIAGE: "triangle",
    SymbolKind.TERMINATION: "triangle",
    SymbolKind.STILLBIRTH: "box",
}
_DOT_STYLE = {"solid": "solid", "dashed": "dashed", "dotted": "dotted", "dash_dot": "dashed",
              "zigzag": "bold", "double": "bold", "broken": "dashed"}


def family_graph(record: CaseRecord) -> graphviz.Digraph:
    """The case's family as a Graphviz directed graph."""
    family = build_family(record)
    rows = assign_generations(family)
    notes = notation()
    graph = graphviz.Digraph(name="genogram", graph_attr={"rankdir": "TB",
                                                          "label": record.case.reference})
    graph.attr("node", fontname="DejaVu Sans", fontsize="9")
    by_row: dict[int, list[str]] = {}
    for person_id, person in family.people.items():
        kind = symbol_kind(person)
        born = person.date_of_birth.display() if person.date_of_birth else ""
        label = person.display_name + (f"\nb. {born}" if born else "")
        attrs = {"shape": _SHAPES[kind], "label": label, "genorisk_kind": kind.value}
        if kind is SymbolKind.MISCARRIAGE:
            attrs["style"] = "filled"
            attrs["fillcolor"] = "black"
            attrs["fontcolor"] = "white"
        if person.is_subject_child:
            attrs["peripheries"] = "2"
        if person.deceased:
            attrs["label"] += "\n(died)"
        graph.node(person_id, **attrs)
        by_row.setdefault(rows[person_id], []).append(person_id)
    for row in sorted(by_row):
        with graph.subgraph() as same:
            same.attr(rank="same")
            for person_id in by_row[row]:
                same.node(person_id)
    for union_id in sorted(family.unions):
        union = family.unions[union_id]
        node = f"u_{union_id}"
        union_kind = union.partnership.kind.value if union.partnership else "unknown"
        style = _DOT_STYLE[notes.unions[union_kind].style.value]
        graph.node(node, shape="point", width="0.05", label="")
        for partner in union.partners:
            graph.edge(partner, node, dir="none", style=style, genorisk_role="partner")
        for child in union.children:
            child_style = _DOT_STYLE[notes.children[family.child_kind[child].value].style.value]
            graph.edge(node, child, style=child_style, genorisk_role=family.child_kind[child].value)
    for other in family.other_parents:
        other_style = _DOT_STYLE[notes.children[other.kind.value].style.value]
        graph.edge(f"u_{other.union_id}", other.child_id, style=other_style, genorisk_role=other.kind.value)
    for link in sorted(record.emotional_links, key=lambda item: item.id):
        if link.from_id in family.people and link.to_id in family.people:
            meaning = notes.emotional[link.kind.value]
            graph.edge(link.from_id, link.to_id, constraint="false", style=_DOT_STYLE[meaning.style.value],
                       color="firebrick" if link.kind.is_abuse else "gray40",
                       dir="forward" if (link.directed or link.kind.is_abuse) else "none",
                       label=meaning.tag or link.kind.label, genorisk_role=link.kind.value)
    return graph


def render_dot(record: CaseRecord) -> str:
    return str(family_graph(record).source)


def write_dot(record: CaseRecord, path: Path) -> None:
    write_text_atomically(Path(path), render_dot(record))
