"""Geometric facts read from the geometry model, shared by the genogram tests."""

from __future__ import annotations

from collections import Counter
from datetime import date

from genorisk.domain.record import CaseRecord
from genorisk.genogram.geometry import Box, Geometry, LabelRole, Line, LineKind
from genorisk.genogram.layout import layout_case
from genorisk.genogram.settings import GenogramSettings

AS_OF = date(2024, 6, 1)


def lay_out(record: CaseRecord, **options: object) -> Geometry:
    return layout_case(record, GenogramSettings(as_of=AS_OF, **options))  # type: ignore[arg-type]


def centre_x(geometry: Geometry, person_id: str) -> float:
    symbol = geometry.symbol_for(person_id)
    assert symbol is not None, f"{person_id} is not drawn"
    return symbol.box.centre_x


def centre_y(geometry: Geometry, person_id: str) -> float:
    symbol = geometry.symbol_for(person_id)
    assert symbol is not None, f"{person_id} is not drawn"
    return symbol.box.centre[1]


def assert_each_person_once(record: CaseRecord, geometry: Geometry) -> None:
    counts = Counter(symbol.person_id for symbol in geometry.symbols)
    assert set(counts) == {person.id for person in record.people}
    assert all(count == 1 for count in counts.values()), [p for p, c in counts.items() if c > 1]


def overlapping_pairs(boxes: list[tuple[str, Box]]) -> list[tuple[str, str]]:
    """Pairs of named boxes that share area (sweep over x, so large families stay quick)."""
    ordered = sorted(boxes, key=lambda item: item[1].x)
    found = []
    active: list[tuple[str, Box]] = []
    for name, box in ordered:
        active = [(n, b) for n, b in active if b.right > box.x]
        for other_name, other in active:
            if other.overlaps(box):
                found.append((other_name, name))
        active.append((name, box))
    return found


def assert_no_overlaps(geometry: Geometry, ignore: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """No two people's symbols-with-labels overlap, and no other text sits on someone's symbol or labels."""
    footprints = [(s.person_id, s.footprint) for s in geometry.symbols if s.person_id not in ignore]
    pairs = overlapping_pairs(footprints)
    assert pairs == [], pairs
    drawn = [(s.person_id, s.box) for s in geometry.symbols if s.person_id not in ignore]
    drawn += [(label.person_id, label.box) for label in geometry.labels
              if label.person_id and label.person_id not in ignore]
    free_labels = [(f"label:{label.text}", label.box) for label in geometry.labels
                   if not label.person_id and label.role not in (LabelRole.LINK_TAG, LabelRole.TITLE)]
    clashes = [pair for pair in overlapping_pairs(drawn + free_labels)
               if pair[0].startswith("label:") != pair[1].startswith("label:")]
    assert clashes == [], clashes


def line(geometry: Geometry, line_id: str) -> Line:
    found = [item for item in geometry.lines if item.id == line_id]
    assert found, f"no line {line_id}"
    return found[0]


def lines_of(geometry: Geometry, kind: LineKind) -> list[Line]:
    return [item for item in geometry.lines if item.kind is kind]


def horizontal_span(points: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    xs = [x for x, _ in points]
    return min(xs), max(xs)
