"""Genogram conventions on canonical families, asserted as geometric facts of the geometry model."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import pytest

from genorisk.domain.values import (
    EmotionalLinkKind,
    GenderIdentity,
    ParentKind,
    PartnershipKind,
    PregnancyOutcome,
)
from genorisk.genogram.geometry import Geometry, LabelRole, LineKind, LineLayer, LineStyle, Shape, SymbolKind
from genorisk.genogram.notation import notation
from genorisk.genogram.outline import point_in_outlines
from genorisk.genogram.settings import NotationStyle
from tests.genogram import builders
from tests.genogram.builders import FamilyBuilder
from tests.genogram.checks import (
    assert_each_person_once,
    assert_no_overlaps,
    centre_x,
    centre_y,
    horizontal_span,
    lay_out,
    line,
    lines_of,
)

CANONICAL = {
    "blended family with three fathers": builders.blended_family_three_fathers,
    "man with three successive partners": builders.man_with_three_partners,
    "remarriage after widowhood": builders.remarriage_after_widowhood,
    "identical and non-identical twins": builders.twins_family,
    "adoption and foster with the birth family": builders.adoption_and_foster,
    "cousins who become partners": builders.cousins_who_partner,
    "four generations": builders.four_generations,
    "a parent whose partner is unknown": builders.unknown_partner,
}


def _distance_to_polyline(point: tuple[float, float], points: tuple[tuple[float, float], ...]) -> float:
    best = math.inf
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((point[0] - x1) * dx + (point[1] - y1) * dy) / length))
        best = min(best, math.dist(point, (x1 + t * dx, y1 + t * dy)))
    return best


@pytest.mark.parametrize("name", list(CANONICAL))
def test_each_person_drawn_once_with_nothing_overlapping(name: str) -> None:
    record = CANONICAL[name]().record()
    geometry = lay_out(record)
    assert_each_person_once(record, geometry)
    assert_no_overlaps(geometry)


@pytest.mark.parametrize("name", list(CANONICAL))
def test_siblings_left_to_right_by_date_of_birth_and_hang_from_their_own_union(name: str) -> None:
    record = CANONICAL[name]().record()
    geometry = lay_out(record)
    unions = {p.id: p for p in record.partnerships}
    by_parents: dict[tuple[str, ...], list[str]] = {}
    for person in record.people:
        parents = tuple(sorted(link.parent_id for link in record.parent_links_of_child(person.id)
                               if link.kind is ParentKind.BIRTH))
        if parents:
            by_parents.setdefault(parents, []).append(person.id)
    for parents, children in by_parents.items():
        ordered_by_x = sorted(children, key=lambda c: centre_x(geometry, c))
        births = [record.person(c).date_of_birth.midpoint() for c in ordered_by_x]  # type: ignore[union-attr]
        assert births == sorted(births), (parents, ordered_by_x)
        if len(parents) == 2:
            partnership = record.partnership_between(*parents)
            assert partnership is not None and partnership.id in unions
            union_line = line(geometry, f"union:{partnership.id}")
            descent = line(geometry, f"descent:{partnership.id}")
            # The children's line leaves their parents' own union line...
            assert _distance_to_polyline(descent.points[0], union_line.points) < 0.5
            bar_y = descent.points[-1][1]
            for child in children:
                child_line = line(geometry, f"child:{child}")
                # ...and each child's line runs from that union's bar down to the child.
                assert child_line.points[0][1] == pytest.approx(bar_y)
                assert child_line.points[-1][1] == pytest.approx(geometry.symbol_for(child).box.y)  # type: ignore[union-attr]


def test_blended_family_three_fathers_half_siblings_grouped_and_households_exact() -> None:
    fam = builders.blended_family_three_fathers()
    record = fam.record()
    geometry = lay_out(record)
    # Partners outward from Kelly in date order: Dean (first) beside her; Ryan then Jason further out.
    kelly = centre_x(geometry, "kelly")
    distances = [abs(centre_x(geometry, p) - kelly) for p in ("dean", "ryan", "jason")]
    assert distances == sorted(distances)
    assert centre_x(geometry, "dean") < kelly < centre_x(geometry, "ryan") < centre_x(geometry, "jason")
    # Half-siblings grouped under the right union, the groups in the order of the unions.
    assert max(centre_x(geometry, c) for c in ("tyler", "chloe")) < centre_x(geometry, "mason")
    assert centre_x(geometry, "mason") < min(centre_x(geometry, c) for c in ("loss", "ruby"))
    # Each household's dotted boundary holds exactly its current resident members.
    expected = {"Kelly's home": {"kelly", "jason", "chloe", "mason", "ruby"}, "Dean's flat": {"dean", "tyler"}}
    assert {b.name for b in geometry.boundaries} == set(expected)
    for boundary in geometry.boundaries:
        assert set(boundary.member_ids) == expected[boundary.name]
        for symbol in geometry.symbols:
            inside = point_in_outlines(symbol.box.centre, boundary.outlines)
            assert inside == (symbol.person_id in expected[boundary.name]), (boundary.name, symbol.person_id)
        assert all(stroke.dash == notation().dash(LineStyle.DOTTED) and stroke.closed for stroke in boundary.strokes)


def test_household_boundary_leaves_out_people_who_moved_out_and_visitors() -> None:
    fam = builders.unknown_partner()
    fam.household("Lucy's flat", "lucy", "max", ended=("nell",), visitors=("oscar",))
    geometry = lay_out(fam.record())
    (boundary,) = geometry.boundaries
    assert set(boundary.member_ids) == {"lucy", "max"}
    assert not point_in_outlines(geometry.symbol_for("nell").box.centre, boundary.outlines)  # type: ignore[union-attr]
    assert not point_in_outlines(geometry.symbol_for("oscar").box.centre, boundary.outlines)  # type: ignore[union-attr]


def test_man_with_three_partners_outward_in_date_order_children_by_each() -> None:
    record = builders.man_with_three_partners().record()
    geometry = lay_out(record)
    gary = centre_x(geometry, "gary")
    ann, bev, cath = (centre_x(geometry, p) for p in ("ann", "bev", "cath"))
    assert ann < gary < bev < cath  # first partner on one side; later ones outward on the other
    groups = [("amber", "aaron"), ("bella", "billy"), ("carl", "cleo")]
    spans = [(min(centre_x(geometry, c) for c in g), max(centre_x(geometry, c) for c in g)) for g in groups]
    assert spans[0][1] < spans[1][0] and spans[1][1] < spans[2][0]
    # The union lines: first marriage divorced (two slashes), second separated (one), third none.
    slashes = {p.person_b: line(geometry, f"union:{p.id}").slashes for p in record.partnerships}
    assert slashes == {"ann": 2, "bev": 1, "cath": 0}
    # Cath (not beside Gary) is joined by a U-shaped line under the labels, clear of everyone.
    cath_union = next(p for p in record.partnerships if p.person_b == "cath")
    u_line = line(geometry, f"union:{cath_union.id}")
    assert len(u_line.points) == 4
    bottom_y = u_line.points[1][1]
    assert all(bottom_y > s.footprint.bottom for s in geometry.symbols if s.generation == 0)
    assert u_line.style is LineStyle.DASHED


def test_remarriage_after_widowhood() -> None:
    record = builders.remarriage_after_widowhood().record()
    geometry = lay_out(record)
    harold = geometry.symbol_for("harold")
    assert harold is not None and harold.deceased and len(harold.cross) == 2
    first = next(p for p in record.partnerships if p.involves("harold"))
    second = next(p for p in record.partnerships if p.involves("jack"))
    assert line(geometry, f"union:{first.id}").slashes == 0  # widowed: no separation slashes
    assert line(geometry, f"union:{second.id}").style is LineStyle.SOLID
    assert any(label.text.startswith("widowed") for label in geometry.labels if label.role is LabelRole.UNION_DATES)
    # Both husbands beside her: the first on the left, the second on the right.
    order = sorted(("harold", "iris", "jack"), key=lambda p: centre_x(geometry, p))
    assert order == ["harold", "iris", "jack"]
    assert any(label.text.startswith("d. 2005") for label in geometry.labels_for("harold"))


def test_twins_fork_from_one_point_identical_with_a_bar() -> None:
    record = builders.twins_family().record()
    geometry = lay_out(record)
    order = sorted(("nina", "olly", "otto", "pip", "poppy", "pete"), key=lambda p: centre_x(geometry, p))
    assert order.index("otto") == order.index("olly") + 1
    assert abs(order.index("poppy") - order.index("pete")) == 1
    olly, otto = line(geometry, "child:olly"), line(geometry, "child:otto")
    assert olly.points[0] == pytest.approx(otto.points[0])  # one fork point
    assert olly.points[0][0] != pytest.approx(olly.points[-1][0])  # diagonal to each twin
    poppy, pete = line(geometry, "child:poppy"), line(geometry, "child:pete")
    assert poppy.points[0] == pytest.approx(pete.points[0])
    bars = lines_of(geometry, LineKind.TWIN_BAR)
    assert [set(bar.person_ids) for bar in bars] == [{"olly", "otto"}]
    keys = {entry.key for entry in geometry.legend.entries}  # type: ignore[union-attr]
    assert {"twins.identical", "twins.non_identical"} <= keys


def test_adoption_and_foster_shown_together_with_the_birth_family() -> None:
    record = builders.adoption_and_foster().record()
    geometry = lay_out(record)
    # Both children stay with their birth parents' union...
    birth = record.partnership_between("rob", "sue")
    assert birth is not None
    for child in ("tom", "uma"):
        assert line(geometry, f"child:{child}").style is LineStyle.SOLID
    # ...with a dashed line from the adoptive parents' union and a dotted one from the foster carer.
    adoption = next(item for item in lines_of(geometry, LineKind.OTHER_PARENTS) if "uma" in item.person_ids)
    foster = next(item for item in lines_of(geometry, LineKind.OTHER_PARENTS) if "tom" in item.person_ids)
    assert adoption.style is LineStyle.DASHED and adoption.strokes[0].dash == notation().dash(LineStyle.DASHED)
    assert foster.style is LineStyle.DOTTED and foster.strokes[0].dash == notation().dash(LineStyle.DOTTED)
    tom_box = geometry.symbol_for("tom").box  # type: ignore[union-attr]
    assert foster.points[-1][1] == pytest.approx(tom_box.y + tom_box.height * 0.1)
    keys = {entry.key for entry in geometry.legend.entries}  # type: ignore[union-attr]
    assert {"child.birth", "child.adoptive", "child.foster"} <= keys


def test_cousins_who_become_partners_are_drawn_once_side_by_side() -> None:
    record = builders.cousins_who_partner().record()
    geometry = lay_out(record)
    assert_each_person_once(record, geometry)
    assert centre_y(geometry, "hugo") == centre_y(geometry, "ivy")
    union = record.partnership_between("hugo", "ivy")
    assert union is not None
    assert len(line(geometry, f"union:{union.id}").points) == 2  # adjacent: a straight line between them
    assert centre_y(geometry, "jude") > centre_y(geometry, "hugo")


def test_four_generations_in_four_rows() -> None:
    record = builders.four_generations().record()
    geometry = lay_out(record)
    rows = [centre_y(geometry, p) for p in ("great", "grand", "parent", "child")]
    assert rows == sorted(rows) and len(set(rows)) == 4
    assert centre_y(geometry, "greatgran") == rows[0] and centre_y(geometry, "dad") == rows[2]
    for parent, spouse, child in (("great", "greatgran", "grand"), ("grand", "grandma", "parent"),
                                  ("parent", "dad", "child")):
        mid = (centre_x(geometry, parent) + centre_x(geometry, spouse)) / 2
        assert centre_x(geometry, child) == pytest.approx(mid, abs=1.0)  # an only child sits under the union


def test_parent_whose_partner_is_unknown() -> None:
    record = builders.unknown_partner().record()
    geometry = lay_out(record)
    lucy = geometry.symbol_for("lucy")
    assert lucy is not None
    descent = line(geometry, "descent:lone:lucy")
    assert descent.points[0] == pytest.approx((lucy.box.centre_x, lucy.box.bottom))
    assert all(label.halo for label in geometry.labels_for("lucy"))  # the line passes behind her name
    dating = next(iter(record.partnerships))
    assert line(geometry, f"union:{dating.id}").style is LineStyle.DOTTED


def test_symbols_follow_the_notation() -> None:
    fam = FamilyBuilder()
    fam.person("Mum", "f", "1990")
    fam.person("Sam", "f", "2010", gender=GenderIdentity.MAN)
    fam.person("Alex", "u", "2012", gender=GenderIdentity.NON_BINARY)
    fam.person("Bump", "u", "2024", pregnancy=PregnancyOutcome.PREGNANCY, weeks=20)
    fam.person("Lost", "u", "2015", pregnancy=PregnancyOutcome.MISCARRIAGE)
    fam.person("Ended", "u", "2016", pregnancy=PregnancyOutcome.TERMINATION)
    fam.person("Still", "m", "2017", pregnancy=PregnancyOutcome.STILLBIRTH)
    fam.person("Kid", "m", "01/01/2019", subject=True)
    for child in ("sam", "alex", "bump", "lost", "ended", "still", "kid"):
        fam.child(child, "mum")
    geometry = lay_out(fam.record())
    symbol = {s.person_id: s for s in geometry.symbols}
    assert (symbol["mum"].shape, symbol["mum"].kind) == (Shape.CIRCLE, SymbolKind.FEMALE)
    assert symbol["sam"].shape is Shape.SQUARE  # drawn by gender...
    assert [label.text for label in geometry.labels_for("sam") if label.role is LabelRole.SEX_AT_BIRTH] == ["AFAB"]
    assert symbol["alex"].shape is Shape.DIAMOND
    assert symbol["bump"].shape is Shape.TRIANGLE and [t.text for t in symbol["bump"].inner_text] == ["20w"]
    losses = {symbol[p].kind: symbol[p] for p in ("lost", "ended", "still")}
    assert losses[SymbolKind.MISCARRIAGE].filled and not losses[SymbolKind.TERMINATION].filled
    assert len(losses[SymbolKind.TERMINATION].cross) == 1 and len(losses[SymbolKind.STILLBIRTH].cross) == 1
    assert losses[SymbolKind.STILLBIRTH].shape is Shape.SQUARE
    assert all(s.box.width < symbol["mum"].box.width for s in losses.values())
    kid = symbol["kid"]
    assert kid.double_outline and kid.inner_box is not None and kid.box.contains_box(kid.inner_box)
    assert [t.text for t in kid.inner_text] == ["5"]  # age inside (as on 01/06/2024)
    keys = [entry.key for entry in geometry.legend.entries]  # type: ignore[union-attr]
    assert "symbol.subject" in keys and "symbol.stillbirth" in keys and "symbol.deceased" not in keys


def test_local_authority_style_puts_date_of_birth_inside() -> None:
    geometry = lay_out(builders.unknown_partner().record(), style=NotationStyle.LOCAL_AUTHORITY)
    max_symbol = geometry.symbol_for("max")
    assert max_symbol is not None
    assert [t.text for t in max_symbol.inner_text] == ["01/05", "2015"]
    assert [t.text for t in geometry.labels_for("max") if t.role is LabelRole.AGE] == ["Age 9"]
    assert all(max_symbol.box.contains_box(t.box) for t in max_symbol.inner_text)


def test_emotional_links_are_overlays_that_never_move_anyone() -> None:
    fam = builders.blended_family_three_fathers()
    with_links = lay_out(fam.record())
    plain = FamilyBuilder(entities=[e for e in fam.entities if type(e).__name__ != "EmotionalLink"])
    without = lay_out(plain.record())
    assert [s.box for s in with_links.symbols] == [s.box for s in without.symbols]
    overlays = [item for item in with_links.lines if item.layer is LineLayer.OVERLAY]
    assert {item.meaning for item in overlays} == {"emotional.coercive_control", "emotional.close"}
    abuse = next(item for item in overlays if item.meaning == "emotional.coercive_control")
    assert abuse.arrow
    kelly = with_links.symbol_for("kelly")
    assert kelly is not None
    tip = abuse.points[-1]
    assert math.dist(tip, (kelly.box.centre_x, kelly.box.y - 1)) < 1.0  # the arrow points at the person harmed
    assert any(s.filled and s.closed for s in abuse.strokes)  # arrow head: shape, not colour
    assert any(label.text == "CC" for label in with_links.labels if label.role is LabelRole.LINK_TAG)
    close = next(item for item in overlays if item.meaning == "emotional.close")
    assert len(close.strokes) == 2  # double line


@pytest.mark.parametrize("kind, strokes_expected", [
    (EmotionalLinkKind.DISTANT, 1), (EmotionalLinkKind.CONFLICT, 1), (EmotionalLinkKind.CUTOFF, 4),
])
def test_emotional_line_styles(kind: EmotionalLinkKind, strokes_expected: int) -> None:
    fam = builders.four_generations()
    fam.link("grand", "child", kind)
    geometry = lay_out(fam.record())
    (overlay,) = [item for item in geometry.lines if item.layer is LineLayer.OVERLAY]
    assert len(overlay.strokes) == strokes_expected
    if kind is EmotionalLinkKind.CONFLICT:
        assert len(overlay.strokes[0].points) > 6  # a zigzag
    if kind is EmotionalLinkKind.DISTANT:
        assert overlay.strokes[0].dash == notation().dash(LineStyle.DASHED)


def test_legend_shows_only_what_is_used_and_meaning_is_not_colour_alone() -> None:
    geometry = lay_out(builders.blended_family_three_fathers().record())
    keys = [entry.key for entry in geometry.legend.entries]  # type: ignore[union-attr]
    assert "union.married" in keys and "union.cohabiting" in keys and "status.divorced" in keys
    assert "symbol.miscarriage" in keys and "household" in keys and "emotional.coercive_control" in keys
    assert not any(key in keys for key in ("union.dating", "child.foster", "twins.identical", "symbol.pregnancy"))
    # Every kind of line the legend lists differs from the others in form, not only colour.
    forms = {}
    for entry in geometry.legend.entries:  # type: ignore[union-attr]
        for legend_line in entry.lines:
            form = (legend_line.style, tuple(s.dash for s in legend_line.strokes), len(legend_line.strokes),
                    entry.text.split("[")[-1])
            assert form not in forms.values(), entry.key
            forms[entry.key] = form


def test_nudges_are_applied_last_and_kept() -> None:
    fam = builders.blended_family_three_fathers()
    before = lay_out(fam.record())
    fam.nudge("tyler", 30.0, -12.0)
    after = lay_out(fam.record())
    moved = after.symbol_for("tyler")
    original = before.symbol_for("tyler")
    assert moved is not None and original is not None
    assert moved.box.x == pytest.approx(original.box.x + 30.0)
    assert moved.box.y == pytest.approx(original.box.y - 12.0)
    assert line(after, "child:tyler").points[-1] == pytest.approx((moved.box.centre_x, moved.box.y))
    others = [s.box for s in after.symbols if s.person_id != "tyler"]
    assert others == [s.box for s in before.symbols if s.person_id != "tyler"]


def test_adding_one_person_moves_unrelated_people_little() -> None:
    fam = builders.man_with_three_partners()
    before = lay_out(fam.record())
    fam.person("Cody", "m", "01/01/2012")
    fam.child("cody", "gary", "cath")
    after = lay_out(fam.record())
    unrelated = ("ann", "amber", "aaron", "bev", "bella", "billy")
    moves = [abs(centre_x(after, p) - centre_x(before, p)) for p in unrelated]
    assert max(moves) <= 40.0, dict(zip(unrelated, moves, strict=True))
    assert all(abs(centre_y(after, p) - centre_y(before, p)) <= 10.0 for p in unrelated)


def test_same_record_always_gives_the_same_geometry() -> None:
    fam = builders.blended_family_three_fathers()
    first = lay_out(fam.record())
    shuffled = FamilyBuilder(entities=list(reversed(fam.entities)))
    second = lay_out(shuffled.record())
    assert [(s.person_id, s.box) for s in first.symbols] == [(s.person_id, s.box) for s in second.symbols]


def test_disconnected_families_side_by_side() -> None:
    fam = builders.unknown_partner()
    fam.person("Zed", "m", "1960", family="Other")
    fam.person("Zoe", "f", "1962", family="Other")
    fam.couple("zed", "zoe", PartnershipKind.MARRIED, "1985")
    geometry = lay_out(fam.record())
    first = [centre_x(geometry, p) for p in ("lucy", "max", "nell", "oscar")]
    second = [centre_x(geometry, p) for p in ("zed", "zoe")]
    assert max(first) < min(second) or max(second) < min(first)
    assert_no_overlaps(geometry)


def test_parents_of_different_generations_and_partner_with_no_parents() -> None:
    fam = builders.four_generations()
    # Grand's younger brother has a child with Parent (his niece): partners of different generations.
    fam.person("Uncle", "m", "1955")
    fam.child("uncle", "great", "greatgran")
    fam.person("Late", "f", "2000")
    fam.child("late", "uncle", "parent")
    fam.couple("uncle", "parent", PartnershipKind.BRIEF)
    record = fam.record()
    geometry = lay_out(record)
    assert_each_person_once(record, geometry)
    assert_no_overlaps(geometry)
    assert centre_y(geometry, "late") > centre_y(geometry, "parent")


def test_union_dates_sit_on_the_line() -> None:
    record = builders.man_with_three_partners().record()
    geometry = lay_out(record)
    ann = next(p for p in record.partnerships if p.person_b == "ann")
    texts = [label.text for label in geometry.labels if label.entity_id == ann.id]
    assert texts == ["m. 1990", "div. 1995"]
    union_line = line(geometry, f"union:{ann.id}")
    low, high = horizontal_span(union_line.points)
    for label in geometry.labels:
        if label.entity_id == ann.id:
            assert low <= label.x <= high


def test_empty_case_lays_out() -> None:
    geometry = lay_out(FamilyBuilder().record())
    assert geometry.symbols == () and geometry.legend is None


def test_hiding_layers() -> None:
    fam = builders.blended_family_three_fathers()
    geometry = lay_out(fam.record(), show_households=False, show_emotional_links=False, show_legend=False)
    assert geometry.boundaries == () and geometry.legend is None
    assert not [item for item in geometry.lines if item.layer is LineLayer.OVERLAY]


def test_person_names_are_wrapped_not_overlapping() -> None:
    fam = builders.unknown_partner()
    entities = [replace(e, given_names="Maximilian Alexander Bartholomew") if getattr(e, "id", "") == "max" else e
                for e in fam.entities]
    geometry = lay_out(FamilyBuilder(entities=entities).record())
    names = [label for label in geometry.labels_for("max") if label.role is LabelRole.NAME]
    assert len(names) == 2
    assert_no_overlaps(geometry)


@pytest.mark.parametrize("seed", range(1, 9))
def test_adding_a_child_in_a_large_family_reorders_nobody_and_moves_everyone_about_one_slot(seed: int) -> None:
    """A social worker adding a child must not see the family reshuffle.

    Nobody else changes place in their row, and nobody moves much more than one slot (neighbours in
    these families are about 86 pt apart). Seed 3 once moved 50 people up to 33 places (2,842 pt) when
    a sibship's date-of-birth order was restored by permuting items among its slots. Placement can
    still slide a family at the edge of its group by more (seed 12: about 190 pt), which these
    thresholds do not claim to rule out.
    """
    from genorisk.domain.entities import ParentChildLink, Person
    from genorisk.domain.record import CaseRecord
    from genorisk.domain.values import PartialDate, Sex
    from genorisk.genogram.synthetic import synthetic_case

    def rows(geometry: Geometry) -> dict[int, list[str]]:
        found: dict[int, list[tuple[float, str]]] = {}
        for symbol in geometry.symbols:
            found.setdefault(symbol.generation, []).append((symbol.box.x + symbol.box.width / 2, symbol.person_id))
        return {row: [person for _, person in sorted(people)] for row, people in found.items()}

    case, entities = synthetic_case(300, seed=seed)
    record = CaseRecord.build(case, entities)
    before = lay_out(record)
    couples = [p for p in record.partnerships if record.children_of(p.person_a)]
    for couple in (couples[len(couples) // 4], couples[len(couples) // 2], couples[-3]):
        child = Person(id="new-child", case_id=case.id, given_names="New", family_name="Child", sex=Sex.MALE,
                       date_of_birth=PartialDate(2023, 1, 1))
        links = [ParentChildLink(id=f"new-link-{n}", case_id=case.id, parent_id=parent, child_id=child.id)
                 for n, parent in enumerate((couple.person_a, couple.person_b))]
        after = lay_out(record.with_entities(put=[child, *links]))
        after_rows = {row: [p for p in people if p != child.id] for row, people in rows(after).items()}
        assert after_rows == rows(before)
        moves = [abs(after.symbol_for(s.person_id).box.x - s.box.x) for s in before.symbols]  # type: ignore[union-attr]
        assert max(moves) <= 120.0  # about one slot (worst seen over seeds 1-8: 112 pt)
        assert sorted(moves)[len(moves) // 2] <= 100.0  # worst seen: 93 pt
