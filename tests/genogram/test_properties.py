"""Property tests over random valid families: the layout never raises, draws everyone once, overlaps nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genorisk.domain.values import EmotionalLinkKind, ParentKind, PartnershipKind, PartnershipStatus, Zygosity
from genorisk.genogram.geometry import Geometry
from tests.genogram.builders import FamilyBuilder
from tests.genogram.checks import assert_each_person_once, assert_no_overlaps, lay_out


@st.composite
def families(draw: st.DrawFn) -> FamilyBuilder:
    """People in birth order; children only of older people; any partnerships (across generations too)."""
    fam = FamilyBuilder()
    count = draw(st.integers(min_value=1, max_value=22))
    people = []
    for index in range(count):
        sex = draw(st.sampled_from("mfu"))
        year = 1940 + index * draw(st.integers(min_value=0, max_value=4))
        people.append(fam.person(f"P{index:02d}", sex, str(year)))
    for index in range(1, count):
        parents = draw(st.lists(st.integers(min_value=0, max_value=index - 1), max_size=2, unique=True))
        kind = draw(st.sampled_from([ParentKind.BIRTH] * 4 + [ParentKind.ADOPTIVE, ParentKind.FOSTER,
                                                              ParentKind.STEP, ParentKind.KINSHIP]))
        if parents:
            fam.child(people[index], *(people[p] for p in parents), kind=kind)
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=count))
    seen = set()
    for a, b in pairs:
        if a != b and (min(a, b), max(a, b)) not in seen:
            seen.add((min(a, b), max(a, b)))
            fam.couple(people[a], people[b], draw(st.sampled_from(list(PartnershipKind))),
                       status=draw(st.sampled_from(list(PartnershipStatus))))
    if count >= 3 and draw(st.booleans()):
        fam.twins(people[-1], people[-2], zygosity=draw(st.sampled_from(list(Zygosity))))
    members = draw(st.lists(st.sampled_from(people), max_size=6, unique=True))
    if members:
        fam.household("Home", *members)
    links = draw(st.lists(st.tuples(st.sampled_from(people), st.sampled_from(people),
                                    st.sampled_from(list(EmotionalLinkKind))), max_size=4))
    for source, target, kind in links:
        if source != target:
            fam.link(source, target, kind, directed=kind.is_abuse)
    return fam


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families())
def test_random_families_lay_out_once_without_overlaps(fam: FamilyBuilder) -> None:
    record = fam.record()
    geometry = lay_out(record)
    assert_each_person_once(record, geometry)
    assert_no_overlaps(geometry)
    assert Geometry.from_json(geometry.to_json()) == geometry
