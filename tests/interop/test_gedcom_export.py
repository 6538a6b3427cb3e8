"""GEDCOM export: deterministic, atomic, valid, and an export imports back to the same structure."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import gedcom7
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genorisk.domain.entities import (
    Entity,
    ParentChildLink,
    Partnership,
    PartnershipPeriod,
    Person,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import (
    ParentKind,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    PregnancyOutcome,
    Sex,
)
from genorisk.interop.gedcom import gedcom_text, read_gedcom, read_gedcom_bytes, write_gedcom
from tests.builders import Family, make_case
from tests.conftest import shared_file

Structure = tuple[tuple[object, ...], tuple[object, ...], tuple[object, ...]]


def structure(record: CaseRecord) -> Structure:
    """What GEDCOM carries, with people named instead of identified by id."""
    key = {p.id: (p.given_names, p.family_name) for p in record.people}
    people = tuple(sorted(
        (p.given_names, p.family_name, p.known_as, p.sex.value, _iso(p.date_of_birth), p.deceased,
         _iso(p.date_of_death))
        for p in record.people
    ))
    unions = tuple(sorted(
        (tuple(sorted((key[u.person_a], key[u.person_b]))), u.kind.value,
         tuple((s.status.value, _iso(s.since)) for s in u.statuses), _iso(u.start), _iso(u.end))
        for u in record.partnerships
    ))
    links = tuple(sorted(
        (key[k.parent_id], key[k.child_id], k.kind.value, k.paternity_disputed) for k in record.parent_links
    ))
    return people, unions, links


def _iso(value: PartialDate | None) -> str:
    return value.to_iso() if value else ""


def round_trip(record: CaseRecord, version: str) -> CaseRecord:
    text = gedcom_text(record, version)
    return read_gedcom_bytes(text.encode("utf-8"), f"round-trip-{version}.ged").record()


def blended_family() -> Family:
    """A fictional family using every kind of union and parenthood GEDCOM export carries."""
    f = Family()
    mum = f.person("mum", Sex.FEMALE, "1985-04-02", known_as="Mo")
    dad = f.person("dad", Sex.MALE, "~1983")
    step = f.person("step", Sex.MALE, "1980")
    nan = f.person("nan", Sex.FEMALE, "1950", deceased=True, date_of_death=PartialDate(2020, 1, 5))
    grandad = f.person("grandad", Sex.MALE, deceased=True)
    ex = f.person("ex", Sex.FEMALE, "1982-07")
    carer = f.person("carer", Sex.FEMALE, "1960")
    date_ = f.person("date", Sex.INTERSEX)
    fling = f.person("fling", Sex.UNKNOWN)
    fiance = f.person("fiance", Sex.MALE)
    f.union(nan, grandad, "1975", kind=PartnershipKind.MARRIED, status=PartnershipStatus.WIDOWED, end="1999")
    f.union(dad, mum, "2004-06-01", "2012", status=PartnershipStatus.DIVORCED)
    f.union(mum, step, "2014", kind=PartnershipKind.COHABITING)
    f.union(step, ex, "2005", "2010", kind=PartnershipKind.CIVIL_PARTNERSHIP, status=PartnershipStatus.SEPARATED)
    f.union(ex, fling, kind=PartnershipKind.BRIEF)
    f.union(carer, date_, kind=PartnershipKind.DATING, status=PartnershipStatus.ENDED, end="2021-02")
    f.union(carer, fiance, "2022", kind=PartnershipKind.ENGAGED)
    f.person("kid1", Sex.FEMALE, "2006-01-01")
    f.person("kid2", Sex.MALE, "2009-03-04")
    f.person("baby", Sex.MALE, "2024-11-30", is_subject_child=True)
    f.person("adopted", Sex.FEMALE, "2016")
    f.person("fostered", Sex.MALE, "2015")
    f.person("stepkid", Sex.FEMALE, "2007")
    f.person("solo", Sex.UNKNOWN, "2001")
    f.child("mum", nan, grandad)
    f.child("kid1", dad, mum)
    f.entities.append(ParentChildLink(id="l-dad-kid2", case_id=f.case.id, parent_id=dad, child_id="kid2",
                                      paternity_disputed=True))
    f.child("kid2", mum)
    f.child("baby", mum, step)
    f.child("adopted", mum, step, kind=ParentKind.ADOPTIVE)
    f.child("fostered", carer, kind=ParentKind.FOSTER)
    f.child("fostered", nan, kind=ParentKind.KINSHIP)
    f.child("stepkid", step, ex)
    f.child("stepkid", mum, kind=ParentKind.STEP)
    f.child("kid1", step, kind=ParentKind.ADOPTIVE)  # step-parent adoption: birth mother, adoptive step-father
    f.child("solo", ex)
    return f


@pytest.mark.parametrize("version", ["5.5.1", "7.0"])
def test_export_then_import_gives_the_same_structure(version: str) -> None:
    record = blended_family().record
    if version == "5.5.1":  # 5.5.1 has no X: intersex is written as U
        record = record.with_entities(put=[replace(record.person("date"), sex=Sex.UNKNOWN)])

    assert structure(round_trip(record, version)) == structure(record)


@pytest.mark.parametrize("version", ["5.5.1", "7.0"])
def test_everything_exported_is_imported_without_warnings(version: str) -> None:
    family = read_gedcom_bytes(gedcom_text(blended_family().record, version).encode(), "export.ged")

    assert family.unknown_tag_count == 0 and family.not_imported_count == 0
    assert family.warnings == ()


def test_the_shared_sample_survives_export_and_import() -> None:
    imported = read_gedcom(shared_file("gedcom", "sample.ged")).record()

    for version in ("5.5.1", "7.0"):
        assert structure(round_trip(imported, version)) == structure(imported)


def test_export_is_deterministic_whatever_the_order_of_the_records() -> None:
    family = blended_family()
    shuffled = CaseRecord.build(family.case, list(reversed(family.entities)))

    assert gedcom_text(family.record) == gedcom_text(shuffled)
    assert gedcom_text(family.record, "7.0") == gedcom_text(shuffled, "7.0")


def test_write_is_atomic_and_replaces_an_existing_file(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "family.ged"
    target.write_text("old contents", encoding="utf-8")

    export = write_gedcom(blended_family().record, target, exported_on=date(2026, 2, 3))

    assert target.read_text(encoding="utf-8") == gedcom_text(blended_family().record, exported_on=date(2026, 2, 3))
    assert "1 DATE 3 FEB 2026" in target.read_text(encoding="utf-8")
    assert [p.name for p in folder.iterdir()] == ["family.ged"]  # no temporary file left behind
    assert (export.people, export.families, export.version) == (17, 10, "5.5.1")
    assert export.left_out == ("Date Test: intersex written as U (GEDCOM 5.5.1 has no X)",)


def test_gedcom_7_export_passes_the_gedcom7_librarys_validation() -> None:
    text = gedcom_text(blended_family().record, "7.0")

    assert gedcom7.validate(gedcom7.loads(text)) == []
    assert "1 SEX X" in text and "2 PEDI OTHER\n3 PHRASE Step-parent" in text


def test_gedcom_5_export_is_plain_5_5_1() -> None:
    text = gedcom_text(blended_family().record)

    assert text.startswith("0 HEAD\n1 SOUR GENORISK\n") and text.endswith("0 TRLR\n")
    assert "2 VERS 5.5.1\n2 FORM LINEAGE-LINKED\n1 CHAR UTF-8" in text
    assert "2 PEDI adopted" in text and "2 PEDI foster" in text and "2 STAT challenged" in text
    assert "1 SEX X" not in text
    assert max(len(line) for line in text.splitlines()) <= 255


def test_pregnancies_are_left_out_and_named(tmp_path: Path) -> None:
    family = blended_family()
    family.entities.append(Person(id="loss", case_id=family.case.id, pregnancy=PregnancyOutcome.MISCARRIAGE))
    family.child("loss", "mum")

    export = write_gedcom(family.record, tmp_path / "out.ged", "7.0")

    assert export.people == 17
    assert export.left_out == ("Miscarriage: miscarriage (GEDCOM cannot record it)",)
    assert "Miscarriage" not in (tmp_path / "out.ged").read_text(encoding="utf-8")


def test_long_names_and_at_signs_survive_5_5_1_line_limits() -> None:
    case = make_case()
    long_given = " ".join(["Maximiliana"] * 40)
    record = CaseRecord.build(case, [
        Person(id="long", case_id=case.id, given_names=long_given, family_name="Test", sex=Sex.FEMALE),
        Person(id="at", case_id=case.id, given_names="@home", family_name="Test", sex=Sex.MALE),
    ])

    text = gedcom_text(record)
    again = round_trip(record, "5.5.1")

    assert "CONC" in text
    assert sorted(p.given_names for p in again.people) == sorted([long_given, "@home"])
    assert sorted(p.given_names for p in round_trip(record, "7.0").people) == sorted([long_given, "@home"])


def test_an_unsupported_version_is_refused() -> None:
    with pytest.raises(ValueError, match=r"5\.5\.1 or 7\.0"):
        gedcom_text(blended_family().record, "5.5")


# --- property: any family the export can carry comes back unchanged ------------------------------------------

KINDS = [PartnershipKind.MARRIED, PartnershipKind.CIVIL_PARTNERSHIP, PartnershipKind.COHABITING,
         PartnershipKind.DATING, PartnershipKind.ENGAGED, PartnershipKind.BRIEF, PartnershipKind.UNKNOWN]
ENDINGS = [PartnershipStatus.DIVORCED, PartnershipStatus.SEPARATED, PartnershipStatus.WIDOWED,
           PartnershipStatus.ENDED]

partial_dates = st.builds(
    lambda year, month, day, estimated: PartialDate(year, month, day if month else None, estimated),
    st.integers(1900, 2025), st.one_of(st.none(), st.integers(1, 12)), st.one_of(st.none(), st.integers(1, 28)),
    st.booleans(),
)


@st.composite
def families(draw: st.DrawFn) -> CaseRecord:
    case = make_case()
    count = draw(st.integers(2, 12))
    people: list[Entity] = []
    for index in range(count):
        deceased = draw(st.booleans())
        people.append(Person(
            id=f"p{index}", case_id=case.id, given_names=f"Given{index}",
            family_name=draw(st.sampled_from(["", "Ash", "Birch", "O'Neil", "Smith-Jones"])),
            known_as=draw(st.sampled_from(["", "Jo"])), sex=draw(st.sampled_from([Sex.MALE, Sex.FEMALE, Sex.UNKNOWN])),
            date_of_birth=draw(st.one_of(st.none(), partial_dates)), deceased=deceased,
            date_of_death=draw(st.one_of(st.none(), partial_dates)) if deceased else None,
        ))
    entities = list(people)
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=8))
    seen: set[frozenset[int]] = set()
    for a, b in pairs:
        if a == b or frozenset((a, b)) in seen:
            continue
        seen.add(frozenset((a, b)))
        kind = draw(st.sampled_from(KINDS))
        start = None if kind is PartnershipKind.UNKNOWN else draw(st.one_of(st.none(), partial_dates))
        endings = tuple(PartnershipPeriod(s, draw(st.one_of(st.none(), partial_dates)))
                        for s in draw(st.lists(st.sampled_from(ENDINGS), max_size=2)))
        entities.append(Partnership(
            id=f"u{a}-{b}", case_id=case.id, person_a=f"p{a}", person_b=f"p{b}", kind=kind,
            statuses=(PartnershipPeriod(PartnershipStatus.TOGETHER, start), *endings), start=start,
            end=endings[0].since if endings else None,
        ))
    for child in range(1, count):  # parents always come earlier: nobody is their own ancestor
        parents = draw(st.lists(st.integers(0, child - 1), max_size=3, unique=True))
        births = 0
        for parent in parents:
            kind = draw(st.sampled_from(list(ParentKind)))
            if kind is ParentKind.BIRTH:
                births += 1
                if births > 2:
                    kind = ParentKind.STEP
            entities.append(ParentChildLink(id=f"l{parent}-{child}", case_id=case.id, parent_id=f"p{parent}",
                                            child_id=f"p{child}", kind=kind))
    return CaseRecord.build(case, entities)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(families(), st.sampled_from(["5.5.1", "7.0"]))
def test_any_exportable_family_round_trips(record: CaseRecord, version: str) -> None:
    assert structure(round_trip(record, version)) == structure(record)
