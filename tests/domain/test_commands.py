from dataclasses import replace

import pytest

from genorisk.domain import editing
from genorisk.domain.commands import Command, ConflictError, Put
from genorisk.domain.entities import EmotionalLink, LayoutNudge, Person, TwinSet
from genorisk.domain.values import EmotionalLinkKind, PartnershipKind, Sex, Zygosity
from tests.builders import Family


def blended() -> Family:
    family = Family()
    family.person("mum", Sex.FEMALE, "1990")
    family.person("dad", Sex.MALE, "1988")
    family.union("mum", "dad", "2010")
    family.person("kid", Sex.MALE, "2012-05-01")
    family.child("kid", "mum", "dad")
    return family


def test_a_command_and_its_inverse_return_the_case_to_where_it_was() -> None:
    record = blended().record
    jo = Person(id="jo", case_id=record.case.id, given_names="Jo", family_name="Smith", sex=Sex.MALE)
    union = editing.new_partnership(record.case.id, "mum", "jo", PartnershipKind.COHABITING)
    command = editing.add_partner(record, "mum", jo, union)
    assert command.name == "Add partner Jo Smith"
    after = command.apply_to(record)
    assert len(after.partnerships_of("mum")) == 2
    assert command.inverse().apply_to(after) == record
    assert command.inverse().name == command.name


def test_a_command_built_against_an_old_state_is_refused() -> None:
    record = blended().record
    mum = record.person("mum")
    first = editing.update_entity(record, replace(mum, known_as="Mandy"))
    second = editing.update_entity(record, replace(mum, known_as="Mo"))
    after = first.apply_to(record)
    with pytest.raises(ConflictError, match="has changed"):
        second.apply_to(after)


def test_removing_a_person_removes_their_links_and_undo_restores_them() -> None:
    family = blended()
    family.person("twin", Sex.MALE, "2012-05-01")
    family.person("triplet", Sex.MALE, "2012-05-01")
    family.child("twin", "mum", "dad")
    family.child("triplet", "mum", "dad")
    family.entities.append(TwinSet(id="t1", case_id="case-test", member_ids=("kid", "twin", "triplet"),
                                   zygosity=Zygosity.IDENTICAL))
    family.entities.append(EmotionalLink(id="e1", case_id="case-test", from_id="dad", to_id="kid",
                                         kind=EmotionalLinkKind.PHYSICAL_ABUSE, directed=True))
    family.entities.append(LayoutNudge(id="n1", case_id="case-test", person_id="kid", dx=3, dy=0))
    record = family.record
    command = editing.remove_person(record, "kid")
    assert command.name == "Remove Kid Test"
    after = command.apply_to(record)
    assert after.get(Person, "kid") is None
    assert not after.referencing("kid")
    assert after.twin_sets[0].member_ids == ("twin", "triplet")  # the set shrinks, it is not lost
    assert command.inverse().apply_to(after) == record


def test_add_twin_forms_a_twin_set_with_the_same_birth_date_and_parents() -> None:
    record = blended().record
    twin = Person(id="twin", case_id=record.case.id, given_names="Tam", family_name="Test")
    after = editing.add_twin(record, "kid", twin, Zygosity.NON_IDENTICAL).apply_to(record)
    assert after.person("twin").date_of_birth == after.person("kid").date_of_birth
    assert set(after.birth_parents("twin")) == {"mum", "dad"}
    assert after.twin_sets[0].member_ids == ("kid", "twin")


def test_nudges_accumulate_on_one_record_per_person() -> None:
    record = blended().record
    record = editing.nudge_person(record, "kid", 10, 0).apply_to(record)
    record = editing.nudge_person(record, "kid", -4, 2).apply_to(record)
    (nudge,) = record.nudges
    assert (nudge.dx, nudge.dy) == (6, 2)


def test_commands_need_a_name_for_the_undo_menu() -> None:
    record = blended().record
    with pytest.raises(ValueError, match="Undo menu"):
        Command("  ", (Put(record.person("mum")),))


def test_removing_a_household_removes_its_memberships_and_undo_restores_them() -> None:
    family = blended()
    family.household("home", "mum", "kid")
    record = family.record
    command = editing.remove_entity(record, "home")
    after = command.apply_to(record)
    assert after.households == () and after.household_members == ()
    assert command.inverse().apply_to(after) == record


def test_removing_a_partnership_clears_optional_references_to_it() -> None:
    from genorisk.domain.risk import RiskCategory, RiskFactor

    family = blended()
    union_id = family.record.partnerships[0].id
    from datetime import date

    from genorisk.domain.values import Provenance, SourceKind

    factor = RiskFactor(id="rf", case_id="case-test", person_id="dad", category=next(iter(RiskCategory)),
                        related_partnership_id=union_id,
                        provenance=Provenance(SourceKind.AGENCY_RECORD, date(2026, 1, 1), agency="Police"))
    family.entities.append(factor)
    record = family.record
    after = editing.remove_entity(record, union_id).apply_to(record)
    assert after.get(RiskFactor, "rf") == replace(factor, related_partnership_id=None)
