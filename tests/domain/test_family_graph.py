"""Family graph queries on a blended family shaped like the review's (fictional)."""

from datetime import date

import pytest

from genorisk.domain import family_graph as fg
from genorisk.domain.values import HouseholdRole, PartnershipStatus, Sex
from tests.builders import Family

TODAY = date(2026, 11, 26)


@pytest.fixture
def blended() -> Family:
    """Mother with children by two fathers; new partner with children from two earlier relationships;
    an infant subject child; a grandmother who visits daily."""
    f = Family()
    f.person("mum", Sex.FEMALE, "1996")
    f.person("dad1", Sex.MALE, "1994")
    f.person("dad2", Sex.MALE, "1990")  # mum's new partner
    f.person("ex1", Sex.FEMALE, "1991")
    f.person("ex2", Sex.FEMALE, "1992")
    f.person("gran", Sex.FEMALE, "1970")
    f.union("dad1", "mum", "2015", "2022", PartnershipStatus.SEPARATED)
    f.union("dad2", "ex1", "2010", "2014", PartnershipStatus.SEPARATED)
    f.union("dad2", "ex2", "2016", "2021", PartnershipStatus.DIVORCED)
    f.union("dad2", "mum", "2024")
    for kid, born, parents in [("older1", "2016", ("mum", "dad1")), ("older2", "2019", ("mum", "dad1")),
                               ("halfa", "2012", ("dad2", "ex1")), ("halfb", "2018", ("dad2", "ex2")),
                               ("baby", "2026-08", ("mum", "dad2"))]:
        f.person(kid, Sex.UNKNOWN, born, is_subject_child=kid == "baby")
        f.child(kid, *parents)
    f.child("mum", "gran")
    f.household("home", "mum", "older1", "older2", start="2016")
    f.live("home", "baby", start="2026-08")
    f.live("home", "dad2", start="2025")
    f.live("home", "dad1", start="2016", end="2022")
    f.live("home", "gran", start="2026-08", role=HouseholdRole.REGULAR_VISITOR)
    f.household("ex1-home", "ex1", "halfa")
    f.household("ex2-home", "ex2", "halfb")
    return f


def test_every_child_of_the_household_including_half_siblings_elsewhere(blended: Family) -> None:
    found = {c.person_id: c for c in fg.household_children(blended.record, "home", TODAY)}
    assert set(found) == {"older1", "older2", "baby", "halfa", "halfb"}
    assert found["baby"].connection is fg.ChildConnection.LIVES_HERE
    assert found["halfa"].connection is fg.ChildConnection.CHILD_OF_RESIDENT
    assert found["halfa"].through == ("dad2",)


def test_who_lived_with_the_child_when(blended: Family) -> None:
    record = blended.record
    assert set(fg.adults_with_access(record, "older1", TODAY)) == {"mum", "dad2", "gran"}
    assert set(fg.adults_with_access(record, "older1", date(2020, 1, 1))) == {"mum", "dad1"}
    # the new partner's own children are not in the household before he arrived
    found = {c.person_id for c in fg.household_children(record, "home", date(2023, 1, 1))}
    assert found == {"older1", "older2"}


def test_previous_partners_and_the_children_of_those_relationships(blended: Family) -> None:
    previous = fg.previous_relationships(blended.record, "dad2")
    assert [(p.partner_id, p.children) for p in previous] == [("ex1", ("halfa",)), ("ex2", ("halfb",))]
    assert fg.previous_relationships(blended.record, "mum")[0].children == ("older1", "older2")
    assert set(fg.children_by_other_parents(blended.record, "dad2", current_partner="mum")) == {"halfa", "halfb"}


def test_siblings_and_half_sibling_groups(blended: Family) -> None:
    kinds = fg.siblings(blended.record, "baby")
    assert kinds == {"older1": fg.SiblingKind.HALF, "older2": fg.SiblingKind.HALF,
                     "halfa": fg.SiblingKind.HALF, "halfb": fg.SiblingKind.HALF}
    groups = fg.half_sibling_groups(blended.record, "baby")
    assert groups[frozenset({"mum", "dad1"})] == ("older1", "older2")
    assert groups[frozenset({"mum", "dad2"})] == ("baby",)
    assert fg.siblings(blended.record, "older1")["older2"] is fg.SiblingKind.FULL


def test_generations(blended: Family) -> None:
    levels = fg.generations(blended.record)
    assert levels["gran"] == 0
    assert {levels[p] for p in ("mum", "dad1", "dad2", "ex1", "ex2")} == {1}
    assert {levels[p] for p in ("older1", "baby", "halfa")} == {2}


def test_the_demo_family_links_every_child_of_the_household() -> None:
    from genorisk.interop.bundle import demo_bundle

    record = demo_bundle().record
    children = {record.name_of(c.person_id) for c in fg.household_children(record, "h-fellside", TODAY)}
    assert {"Rowan Pryce", "Tyler Morton", "Maisie Morton", "Kai Hurst", "Lily-Rose Pryce"} <= children
