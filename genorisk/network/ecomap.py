"""The ecomap: the child's family and its professional network, laid out by Graphviz (``fdp``, the
spring-model sibling of ``neato`` that can also draw the child's home as a boxed group).

Each agency is joined to the family members it works with (or to the subject children). The line
style says what the agency knows, and the agency's label says it again in words, so meaning never
rests on colour:

- thick solid: knows the child's current status and holds the plan;
- dashed: knows the status but has no plan on record;
- dotted: does not know the child's current status (no record, or told an old status);
- thin solid: involved, with no plan status to share (or the lead agency, marked as such).

One Graphviz layout serves every output: SVG, PDF and PNG straight from Graphviz for the app and
the command line, and Graphviz's JSON drawing operations (xdot) for the summary report, which
draws them as vector shapes with reportlab (:mod:`genorisk.report.xdot`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import graphviz

from genorisk.domain.entities import HouseholdMember, Person
from genorisk.domain.network import Agency, SharedItem
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import HouseholdRole, Sex
from genorisk.network import queries
from genorisk.network.matrix import CellState, InformationSharingMatrix, MatrixRow, build_matrix

FONT = "DejaVu Sans"
ENGINE = "fdp"
HOME_CLUSTER = "cluster_home"
CURVED_EDGES_UP_TO = 40
"""Edges curve round the boxes in maps of up to this many people and agencies; bigger maps get straight
lines (Graphviz's 'compound' routing takes about a minute for a hundred nodes)."""
FORMATS = ("svg", "pdf", "png", "json", "dot")


class EcomapError(RuntimeError):
    """The ecomap cannot be drawn, e.g. Graphviz is not installed; the message says what to do."""


class LinkKnowledge(StrEnum):
    """What an agency knows, as its line on the ecomap shows it."""

    STATUS_AND_PLAN = "status_and_plan"
    STATUS_ONLY = "status_only"
    STATUS_UNKNOWN = "status_unknown"
    INVOLVED = "involved"
    LEAD = "lead"


@dataclass(frozen=True, slots=True)
class LineStyle:
    style: str
    penwidth: float
    color: str
    sample: str
    """A few characters that draw the line style in the legend."""
    words: str
    """What the line means, for the label and the legend."""


LINE_STYLES: dict[LinkKnowledge, LineStyle] = {
    LinkKnowledge.STATUS_AND_PLAN: LineStyle("solid", 3.0, "#1f1f1f", "━━━━", "knows status, has plan"),
    LinkKnowledge.STATUS_ONLY: LineStyle("dashed", 1.8, "#1f1f1f", "╍╍╍╍", "knows status, NO PLAN"),
    LinkKnowledge.STATUS_UNKNOWN: LineStyle("dotted", 2.2, "#9b1c1c", "┈┈┈┈", "DOES NOT KNOW STATUS"),
    LinkKnowledge.INVOLVED: LineStyle("solid", 1.0, "#555555", "────", "involved"),
    LinkKnowledge.LEAD: LineStyle("solid", 3.0, "#1f1f1f", "━━━━", "lead agency"),
}


def knowledge_of(row: MatrixRow) -> LinkKnowledge:
    """How an agency's line is drawn, from its row of the information-sharing matrix."""
    if row.agency.lead_agency:
        return LinkKnowledge.LEAD
    status = row.cell(SharedItem.STATUS).state
    if status is CellState.NOT_NEEDED:
        return LinkKnowledge.INVOLVED
    if status.is_gap:
        return LinkKnowledge.STATUS_UNKNOWN
    plan = row.cell(SharedItem.PLAN).state
    return LinkKnowledge.STATUS_AND_PLAN if plan is CellState.DONE else LinkKnowledge.STATUS_ONLY


def family_in_view(record: CaseRecord, today: date) -> list[Person]:
    """The people the ecomap shows: subject children, their parents, who lives with or visits them,
    and anyone an agency works with."""
    wanted: dict[str, None] = {}
    subjects = [p.id for p in record.subject_children]
    for child_id in subjects:
        wanted[child_id] = None
        for parent_id in record.birth_parents(child_id):
            wanted[parent_id] = None
    homes = {m.household_id for m in record.household_members
             if m.person_id in subjects and m.role is HouseholdRole.RESIDENT and m.dates.covers(today)}
    for member in record.household_members:
        if member.household_id in homes and member.dates.covers(today):
            wanted[member.person_id] = None
    for agency in queries.agencies(record, on=today):
        for person_id in agency.involved_with:
            wanted[person_id] = None
    return [p for p in (record.get(Person, pid) for pid in wanted) if p is not None]


def _person_label(person: Person, today: date) -> str:
    age = person.age_on(today)
    lines = [person.display_name]
    if person.pregnancy is None and age is not None:
        lines.append(f"age {age}" if age >= 1 else f"{max(person.age_in_days_on(today) or 0, 0) // 30} months")
    if person.is_subject_child:
        lines.append("subject child")
    return "\n".join(lines)


def _agency_label(record: CaseRecord, agency: Agency, knowledge: LinkKnowledge, withhold: bool,
                  at_home: list[str]) -> str:
    name = f"{agency.kind.label} (details withheld)" if withhold and agency.withhold_details else agency.name
    kind = "" if name.startswith(agency.kind.label) else agency.kind.label
    in_home = [p for p in agency.involved_with if p in at_home]
    with_whom = ""
    if in_home:
        firsts = [record.name_of(p).split(" ")[0] for p in in_home]
        with_whom = "works with " + (", ".join(firsts[:-1]) + " and " + firsts[-1] if len(firsts) > 1 else firsts[0])
    return "\n".join(part for part in (name, kind, with_whom, LINE_STYLES[knowledge].words) if part)


def _legend() -> str:
    """The key as a Graphviz HTML-like table whose sample cells are drawn in the real line styles."""
    rows = "".join(
        f'<tr><td width="46" height="6" sides="b" border="{max(1, round(style.penwidth))}" style="{style.style}" '
        f'color="{style.color}"></td><td align="left">{style.words}</td></tr>'
        for knowledge, style in LINE_STYLES.items() if knowledge is not LinkKnowledge.LEAD
    )
    return (f'<<table border="0" cellspacing="3" cellpadding="1"><tr><td colspan="2" align="left">'
            f"<b>Lines from each agency</b></td></tr>{rows}</table>>")


def _home(record: CaseRecord, today: date) -> tuple[str, list[str], dict[str, HouseholdMember]]:
    """The subject children's current home: its name, who lives there now and who visits regularly."""
    subjects = [p.id for p in record.subject_children]
    for household in record.households:
        members = [m for m in record.household_members_of(household.id) if m.dates.covers(today)]
        residents = [m.person_id for m in members if m.role is HouseholdRole.RESIDENT]
        if any(child in residents for child in subjects):
            visitors = {m.person_id: m for m in members if m.role is HouseholdRole.REGULAR_VISITOR}
            return household.name, residents, visitors
    return "", subjects, {}


def ecomap_graph(record: CaseRecord, today: date, *, withhold: bool = False,
                 matrix: InformationSharingMatrix | None = None) -> graphviz.Graph:
    """The ecomap as a Graphviz graph (engine ``fdp``): the child's home as a boxed group, the rest of the
    family around it, and each agency joined to the home (its label names whom it works with there) and
    to anyone it works with outside the home. ``withhold`` hides protected agencies' names."""
    matrix = matrix or build_matrix(record, today)
    graph = graphviz.Graph("ecomap", engine=ENGINE)
    graph.attr("graph", overlap="vpsc", splines="compound", outputorder="edgesfirst", fontname=FONT, fontsize="10",
               label=_legend(), labelloc="b", labeljust="l", pad="0.2", K="0.45", sep="+8", start="7")
    graph.attr("node", fontname=FONT, fontsize="10", style="filled", fillcolor="white", margin="0.08,0.04")
    graph.attr("edge", fontname=FONT, fontsize="8")
    people = family_in_view(record, today)
    shown = {p.id for p in people}
    home_name, residents, visitors = _home(record, today)
    at_home = [p for p in residents if p in shown]
    with graph.subgraph(name=HOME_CLUSTER) as home:
        subjects = [p.display_name for p in people if p.is_subject_child]
        title = f"{' and '.join(subjects)}'s home" if subjects else "The child's home"
        home.attr(label=f"{title}" + (f" ({home_name})" if home_name else ""), style="rounded,dashed",
                  penwidth="1.4", fontsize="11", fontname=FONT, margin="14")
        for person in people:
            if person.id in at_home:
                _person_node(home, person, today)
    for person in people:
        if person.id not in at_home:
            _person_node(graph, person, today, visitors.get(person.id))
    for link in record.parent_links:
        if link.parent_id in shown and link.child_id in shown:
            graph.edge(link.parent_id, link.child_id, color="#8a8a8a", len="0.9")
    for partnership in record.partnerships:
        if partnership.person_a in shown and partnership.person_b in shown:
            graph.edge(partnership.person_a, partnership.person_b, color="#8a8a8a", len="0.9",
                       style="solid" if partnership.is_current else "dashed")
    for row in matrix.rows:
        agency = row.agency
        knowledge = knowledge_of(row)
        style = LINE_STYLES[knowledge]
        graph.node(agency.id, _agency_label(record, agency, knowledge, withhold, at_home), shape="box",
                   style="rounded,filled", fillcolor="#f4f4f4",
                   penwidth="2" if knowledge is LinkKnowledge.STATUS_UNKNOWN else "1")
        works_with = [p for p in agency.involved_with if p in shown]
        in_home = [p for p in works_with if p in at_home]
        targets = [HOME_CLUSTER] if (in_home or not works_with) else []
        targets += [p for p in works_with if p not in at_home]
        for target in targets:
            graph.edge(agency.id, target, style=style.style, penwidth=str(style.penwidth), color=style.color,
                       len="1.2")
    if len(people) + len(matrix.rows) > CURVED_EDGES_UP_TO:
        graph.attr("graph", splines="line")  # routing curves round every node grows too slow for big maps
    return graph


def _person_node(graph: graphviz.Graph, person: Person, today: date, visit: HouseholdMember | None = None) -> None:
    shape = {Sex.MALE: "box", Sex.FEMALE: "ellipse"}.get(person.sex, "diamond")
    label = _person_label(person, today)
    if visit is not None:
        label += "\nvisits the home" + (f" {visit.frequency}" if visit.frequency else "")
    graph.node(person.id, label, shape=shape,
               peripheries="2" if person.is_subject_child else "1",
               penwidth="1.6" if person.is_subject_child else "1")


def _pipe(graph: graphviz.Graph, fmt: str) -> bytes:
    try:
        data: bytes = graph.pipe(format=fmt, quiet=True)
    except graphviz.ExecutableNotFound as exc:
        raise EcomapError("Graphviz is not installed: install the 'graphviz' package (it provides "
                          "'fdp') to draw the ecomap") from exc
    except graphviz.CalledProcessError as exc:
        raise EcomapError(f"Graphviz could not draw the ecomap: {exc}") from exc
    return data


def render_ecomap(record: CaseRecord, today: date, fmt: str, *, withhold: bool = False) -> bytes:
    """The ecomap as SVG, PDF, PNG, Graphviz JSON or DOT source."""
    if fmt not in FORMATS:
        raise ValueError(f"the ecomap can be written as {', '.join(FORMATS)}, not '{fmt}'")
    graph = ecomap_graph(record, today, withhold=withhold)
    if fmt == "dot":
        return str(graph.source).encode("utf-8")
    return _pipe(graph, fmt)


def ecomap_layout(record: CaseRecord, today: date, *, withhold: bool = False,
                  matrix: InformationSharingMatrix | None = None) -> dict[str, Any]:
    """Graphviz's laid-out ecomap as JSON with its drawing operations, for vector drawing elsewhere."""
    graph = ecomap_graph(record, today, withhold=withhold, matrix=matrix)
    loaded: dict[str, Any] = json.loads(_pipe(graph, "json").decode("utf-8"))
    return loaded
