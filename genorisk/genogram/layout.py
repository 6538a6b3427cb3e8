"""The one entry point: a case record in, the geometry model out.

    geometry = layout_case(record, GenogramSettings(), markers={person_id: (Marker(...),)})

Steps: derive the family (unions, which union each child hangs from) → generations (rows) →
left-to-right order → x placement → drawing (symbols, labels, lines, households, overlays, nudges
applied last) → legend. Pure Python; no Graphviz.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from genorisk.domain.record import CaseRecord
from genorisk.genogram.cards import person_card
from genorisk.genogram.draw import BADGE_OFFSET, BADGE_STEP, build_drawing, label
from genorisk.genogram.family import build_family
from genorisk.genogram.generations import assign_generations
from genorisk.genogram.geometry import Box, Geometry, LabelRole, Marker, MarkerForm, TextAlign
from genorisk.genogram.legend import build_legend
from genorisk.genogram.notation import notation as load_notation
from genorisk.genogram.ordering import order_rows
from genorisk.genogram.placement import place
from genorisk.genogram.settings import GenogramSettings

MARGIN = 24.0
LEGEND_GAP = 48.0
TITLE_SIZE = 12.0


def layout_case(
    record: CaseRecord,
    settings: GenogramSettings | None = None,
    markers: Mapping[str, tuple[Marker, ...]] | None = None,
) -> Geometry:
    """Lay out a whole case and describe everything to draw.

    ``markers`` maps a person id to risk overlay markers (computed by the risk package); they are
    drawn on that person's symbol and added to the legend. They never affect the layout except to
    leave room for badge markers.
    """
    settings = settings or GenogramSettings()
    markers = markers or {}
    notation = load_notation()
    family = build_family(record)
    cards = {person_id: person_card(person, settings) for person_id, person in family.people.items()}
    for person_id, person_markers in markers.items():
        badges = sum(1 for marker in person_markers if marker.glyph.form is MarkerForm.BADGE)
        if badges and person_id in cards:
            overhang = BADGE_OFFSET + badges * BADGE_STEP - cards[person_id].size / 2
            cards[person_id] = replace(cards[person_id], extra_right=max(0.0, overhang))
    row_of = assign_generations(family)
    ordering = order_rows(family, row_of)
    placement = place(family, cards, ordering)
    drawn = build_drawing(
        record, family, row_of, ordering, placement.x, cards, notation, markers,
        settings.show_households, settings.show_emotional_links, settings.show_union_dates,
    )
    boxes = [symbol.footprint for symbol in drawn.symbols]
    boxes += [lbl.box for lbl in drawn.labels]
    for line in drawn.lines:
        xs = [point[0] for point in line.points]
        ys = [point[1] for point in line.points]
        boxes.append(Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    for boundary in drawn.boundaries:
        for outline in boundary.outlines:
            xs = [point[0] for point in outline]
            ys = [point[1] for point in outline]
            boxes.append(Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    diagram = Box.enclosing(boxes) or Box(0, 0, 0, 0)
    title_text = settings.title if settings.title is not None else _default_title(record)
    labels = list(drawn.labels)
    if title_text:
        title = label(title_text, diagram.x, diagram.y - 14, TITLE_SIZE, LabelRole.TITLE, align=TextAlign.START,
                      bold=True)
        labels.append(title)
        diagram = diagram.union(title.box)
    legend = None
    if settings.show_legend:
        legend = build_legend(drawn.legend_keys, list(drawn.markers.values()), notation, settings.style,
                              diagram.right + LEGEND_GAP, diagram.y, tuple(drawn.shortened_households))
    bounds = diagram.union(legend.box) if legend else diagram
    return Geometry(
        case_id=record.case.id,
        title=title_text,
        bounds=bounds.expanded(MARGIN),
        symbols=tuple(drawn.symbols),
        lines=tuple(drawn.lines),
        labels=tuple(labels),
        boundaries=tuple(drawn.boundaries),
        legend=legend,
        notation=settings.style.value,
    )


def _default_title(record: CaseRecord) -> str:
    case = record.case
    return f"{case.reference}: {case.title}" if case.title else case.reference
