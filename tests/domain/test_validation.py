from dataclasses import replace

from genorisk.domain.entities import EmotionalLink, ParentChildLink
from genorisk.domain.validation import Severity, validate
from genorisk.domain.values import EmotionalLinkKind, PartialDate, PartnershipStatus, Sex
from tests.builders import Family


def codes(family: Family, severity: Severity) -> set[str]:
    return {issue.code for issue in validate(family.record) if issue.severity is severity}


def messages(family: Family) -> str:
    return " | ".join(issue.message for issue in validate(family.record))


def test_a_sensible_family_has_no_errors_or_warnings() -> None:
    family = Family()
    family.person("mum", Sex.FEMALE, "1990")
    family.person("kid", Sex.MALE, "2015", is_subject_child=True)
    family.child("kid", "mum")
    assert validate(family.record) == []


def test_a_person_cannot_be_their_own_ancestor() -> None:
    family = Family()
    family.person("a", Sex.FEMALE)
    family.person("b", Sex.MALE)
    family.person("c", Sex.FEMALE)
    family.child("b", "a")
    family.child("c", "b")
    family.child("a", "c")
    assert "own-ancestor" in codes(family, Severity.ERROR)
    assert "would be their own ancestor" in messages(family)


def test_more_than_two_birth_parents_is_an_error_naming_them() -> None:
    family = Family()
    for pid in ("p1", "p2", "p3", "kid"):
        family.person(pid)
    family.child("kid", "p1", "p2", "p3")
    assert "too-many-birth-parents" in codes(family, Severity.ERROR)
    assert "Kid Test has more than two birth parents (P1 Test, P2 Test, P3 Test)" in messages(family)


def test_links_from_a_person_to_themselves_are_errors() -> None:
    family = Family()
    family.person("a")
    family.union("a", "a")
    family.entities.append(EmotionalLink(id="e", case_id="case-test", from_id="a", to_id="a",
                                         kind=EmotionalLinkKind.CLOSE))
    family.entities.append(ParentChildLink(id="l", case_id="case-test", parent_id="a", child_id="a"))
    errors = [i for i in validate(family.record) if i.code == "self-link"]
    assert len(errors) == 3


def test_implausible_facts_are_warnings() -> None:
    family = Family()
    family.person("mum", Sex.FEMALE, "2010-01-01", deceased=True,
                  date_of_death=PartialDate(2019))
    family.person("kid", Sex.MALE, "2020-06-01")
    family.child("kid", "mum")
    family.person("ghost", Sex.MALE, "2000", deceased=True,
                  date_of_death=PartialDate(1999))
    family.union("mum", "ghost", "2018", "2015", PartnershipStatus.SEPARATED)
    family.person("subject", Sex.FEMALE, "2025", is_subject_child=True)
    warnings = codes(family, Severity.WARNING)
    assert {"young-parent", "birth-after-mother-death", "death-before-birth",
            "partnership-ends-before-start", "subject-without-parent"} <= warnings
    assert not codes(family, Severity.ERROR)


def test_records_pointing_at_missing_records_are_errors_naming_what_is_missing() -> None:
    from genorisk.domain.entities import HouseholdMember

    family = Family()
    family.person("a")
    family.entities.append(HouseholdMember(id="m", case_id="case-test", household_id="gone", person_id="a"))
    family.entities.append(EmotionalLink(id="e", case_id="case-test", from_id="a", to_id="ghost",
                                         kind=EmotionalLinkKind.CLOSE))
    text = messages(family)
    assert "A household member (m) refers to a household that is not in this case (gone)" in text
    assert "refers to a person not in this case (ghost)" in text


def test_twins_are_in_one_set_and_share_a_parent() -> None:
    from genorisk.domain.entities import TwinSet

    family = Family()
    for pid in ("m1", "m2", "a", "b", "c"):
        family.person(pid)
    family.child("a", "m1")
    family.child("b", "m2")
    family.entities.append(TwinSet(id="t1", case_id="case-test", member_ids=("a", "b")))
    family.entities.append(TwinSet(id="t2", case_id="case-test", member_ids=("b", "c")))
    assert "twin-in-two-sets" in codes(family, Severity.ERROR)
    assert "twins-without-common-parent" in codes(family, Severity.WARNING)


def test_a_repeated_partnership_is_a_warning() -> None:
    family = Family()
    family.person("a")
    family.person("b")
    family.union("a", "b", "2001")
    family.entities.append(replace(family.entities[-1], id="again"))
    assert "repeated-partnership" in codes(family, Severity.WARNING)


def test_a_partner_under_16_is_flagged_to_check_never_refused() -> None:
    family = Family()
    family.person("girl", Sex.FEMALE, "2010-03-01")
    family.person("man", Sex.MALE, "1990")
    family.union("girl", "man", "2024")  # she was 13 or 14
    family.person("adult", Sex.FEMALE, "1990")
    family.person("other", Sex.MALE, "1988")
    family.union("adult", "other", "2012")
    young = [issue for issue in validate(family.record) if issue.code == "young-partner"]
    assert [issue.person_ids for issue in young] == [("girl", "man")]
    assert young[0].severity is Severity.WARNING and "safeguarding" in young[0].message
    assert not codes(family, Severity.ERROR)


def test_demo_family_has_no_young_partner_warning() -> None:
    from genorisk.interop.bundle import demo_bundle

    assert not [i for i in validate(demo_bundle().record) if i.code == "young-partner"]


def test_a_past_relationship_with_no_start_is_judged_at_its_end_and_ages_from_years_are_approximate() -> None:
    family = Family()
    family.person("teen", Sex.FEMALE, "2009")  # year only: her age is approximate
    family.person("adult", Sex.MALE, "1990")
    family.union("teen", "adult", None, "2023", PartnershipStatus.SEPARATED)  # no start; ended at about 14
    (young,) = [issue for issue in validate(family.record) if issue.code == "young-partner"]
    assert "was about 14 when the relationship ended" in young.message
