"""GEDCOM import: real files through the real parsers (ged4py for 5.x, gedcom7 for 7.0) to entities."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from genorisk.domain.entities import ParentChildLink, Partnership, Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import (
    ParentKind,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    Sex,
    SourceKind,
)
from genorisk.interop.gedcom import IMPORT_AGENCY, GedcomError, ImportedFamily, read_gedcom, read_gedcom_bytes
from genorisk.interop.gedcom_tree import parse_gedcom_bytes
from genorisk.store.repository import Store
from tests.conftest import shared_file

FIXTURES = Path(__file__).parent / "fixtures"


def by_name(family: ImportedFamily) -> dict[str, Person]:
    return {p.display_name: p for p in family.people}


def links_named(family: ImportedFamily) -> set[tuple[str, str, ParentKind, bool]]:
    record = family.record()
    return {(record.name_of(k.parent_id), record.name_of(k.child_id), k.kind, k.paternity_disputed)
            for k in family.parent_links}


def partnership_named(family: ImportedFamily, a: str, b: str) -> Partnership:
    record = family.record()
    for partnership in family.partnerships:
        if {record.name_of(partnership.person_a), record.name_of(partnership.person_b)} == {a, b}:
            return partnership
    raise AssertionError(f"no partnership between {a} and {b}")


def gedcom(*body: str, version: str = "5.5.1", char: str | None = "UTF-8") -> str:
    """A small GEDCOM text around the given record lines."""
    head = ["0 HEAD", "1 GEDC", f"2 VERS {version}"]
    if version.startswith("5"):
        head.append("2 FORM LINEAGE-LINKED")
        if char:
            head.append(f"1 CHAR {char}")
    return "\n".join([*head, *body, "0 TRLR"]) + "\n"


# --- the shared sample (Gramps' example file, 5.5) -------------------------------------------------------


def test_the_shared_sample_imports_with_its_counts() -> None:
    family = read_gedcom(shared_file("gedcom", "sample.ged"), recorded_on=date(2026, 3, 1))

    assert len(family.people) == 42
    assert len(family.partnerships) == 15
    assert len(family.parent_links) == 52  # 26 CHIL lines, each child with two parents
    assert family.version == "5.5" and family.encoding == "UTF-8" and family.source_system == "Gramps"
    assert family.case.reference == "sample"
    assert dict(family.unknown_tags) == {"_DEG": 2}
    assert family.unknown_tag_count == 2
    assert family.not_imported_tags["PLAC"] > 0 and family.not_imported_tags["CHAN"] > 0

    anna = by_name(family)["Anna Hansdotter"]
    assert anna.sex is Sex.FEMALE
    assert anna.date_of_birth == PartialDate(1864, 10, 2)
    assert anna.deceased and anna.date_of_death == PartialDate(1945, 9, 29)
    assert family.person_ids["@I0@"] == anna.id
    married = [p for p in family.partnerships if p.kind is PartnershipKind.MARRIED]
    assert len(married) == 13


def test_the_sample_adoption_events_make_adoptive_parents() -> None:
    family = read_gedcom(shared_file("gedcom", "sample.ged"))

    adoptive = {(parent, child) for parent, child, kind, _ in links_named(family) if kind is ParentKind.ADOPTIVE}

    assert adoptive == {
        ("Lloyd Smith", "Eric Lloyd Smith"), ("Janis Elaine Green", "Eric Lloyd Smith"),
        ("Eric Lloyd Smith", "Lars Peter Smith"), ("Darcy Horne", "Lars Peter Smith"),
    }


def test_imported_relationships_carry_gedcom_provenance_and_store_as_a_case(store: Store) -> None:
    family = read_gedcom(shared_file("gedcom", "sample.ged"), case_reference="GED-1", recorded_on=date(2026, 3, 1))
    some_link = family.parent_links[0]
    assert some_link.provenance is not None
    assert some_link.provenance.source is SourceKind.AGENCY_RECORD
    assert some_link.provenance.agency == IMPORT_AGENCY
    assert some_link.provenance.reference.startswith("sample.ged @F")
    assert some_link.provenance.recorded_on == date(2026, 3, 1)
    assert not some_link.provenance.verified

    store.create_case(family.case, family.entities)
    loaded = store.load(store.case_id_for("GED-1"))

    assert len(loaded.people) == 42 and len(loaded.partnerships) == 15 and len(loaded.parent_links) == 52
    assert loaded.get(ParentChildLink, some_link.id) == some_link


# --- GEDCOM 7.0 ------------------------------------------------------------------------------------------


def test_a_gedcom_7_file_maps_sex_dates_pedigree_and_unions() -> None:
    family = read_gedcom(FIXTURES / "seven_family.ged")
    people = by_name(family)

    assert family.version == "7.0"
    assert len(family.people) == 7
    assert people["Corin Quince"].sex is Sex.INTERSEX  # SEX X
    assert people["Gale Sorrel"].sex is Sex.UNKNOWN
    assert people["Corin Quince"].date_of_birth == PartialDate(2009, estimated=True)  # BET 2008 AND 2010
    assert people["Bryony Quince"].date_of_birth == PartialDate(1982, estimated=True)  # ABT 1982
    assert people["Dee Quince"].given_names == "Dara" and people["Dee Quince"].known_as == "Dee"
    assert people["Ellis Rowan"].deceased and people["Ellis Rowan"].date_of_death is None  # DEAT Y
    assert links_named(family) == {
        ("Alder Quince", "Corin Quince", ParentKind.BIRTH, True),  # STAT CHALLENGED: the father's link
        ("Bryony Quince", "Corin Quince", ParentKind.BIRTH, False),
        ("Alder Quince", "Dee Quince", ParentKind.ADOPTIVE, False),
        ("Bryony Quince", "Dee Quince", ParentKind.ADOPTIVE, False),
        ("Ellis Rowan", "Fern Rowan", ParentKind.BIRTH, False),  # first family keeps the father's kind
        ("Bryony Quince", "Fern Rowan", ParentKind.STEP, False),  # PEDI OTHER, PHRASE Step-daughter…
        ("Gale Sorrel", "Fern Rowan", ParentKind.FOSTER, False),
    }
    marriage = partnership_named(family, "Alder Quince", "Bryony Quince")
    assert marriage.kind is PartnershipKind.MARRIED
    assert marriage.start == PartialDate(2005, 6, 12)
    assert [s.status for s in marriage.statuses] == [PartnershipStatus.TOGETHER, PartnershipStatus.DIVORCED]
    assert marriage.status is PartnershipStatus.DIVORCED and marriage.end == PartialDate(2014)
    cohabiting = partnership_named(family, "Ellis Rowan", "Bryony Quince")
    assert cohabiting.kind is PartnershipKind.COHABITING and cohabiting.start == PartialDate(2015)
    assert len(family.partnerships) == 2  # one-parent families and a @VOID@ partner make no partnership


def test_gedcom_7_extension_tags_are_counted_by_their_written_names() -> None:
    family = read_gedcom(FIXTURES / "seven_family.ged")

    assert dict(family.unknown_tags) == {"_HOBBY": 1, "_UNDOCUMENTED": 1}
    assert dict(family.not_imported_tags) == {"NOTE": 1}
    assert "2 unknown tags ignored" in family.summary()


def test_gedcom_7_line_numbers_count_continuation_lines() -> None:
    text = (FIXTURES / "seven_family.ged").read_text(encoding="utf-8")
    lines = text.splitlines()
    broken_at = lines.index("0 @F4@ FAM") + 2  # the WIFE line of @F4@, after the NOTE's CONT line
    lines[broken_at - 1] = "1 WIFE @I99@"

    with pytest.raises(GedcomError) as raised:
        read_gedcom_bytes("\n".join(lines).encode(), "seven.ged")

    assert raised.value.line == broken_at
    assert "@I99@" in str(raised.value) and f"line {broken_at}" in str(raised.value)


def test_a_malformed_gedcom_7_line_is_reported_by_number() -> None:
    text = gedcom("0 @I1@ INDI", "1 NAME Rue /Birch/", "this is not a line", version="7.0")

    with pytest.raises(GedcomError) as raised:
        read_gedcom_bytes(text.encode(), "bad7.ged")

    assert raised.value.line == 6
    assert "not valid GEDCOM 7" in str(raised.value)


# --- GEDCOM 5.5.1 pedigree, adoption and fostering -------------------------------------------------------


def test_pedigree_adoption_by_a_step_parent_fostering_and_one_way_links() -> None:
    family = read_gedcom(FIXTURES / "pedigree_551.ged")

    assert links_named(family) == {
        ("Ivo Tansy", "Kit Tansy", ParentKind.BIRTH, False),
        ("Holly Vetch", "Kit Tansy", ParentKind.BIRTH, False),
        ("Juniper Wold", "Kit Tansy", ParentKind.ADOPTIVE, False),  # ADOP.FAMC with ADOP HUSB
        ("Juniper Wold", "Lark Ash", ParentKind.FOSTER, False),
        ("Holly Vetch", "Lark Ash", ParentKind.FOSTER, False),
        ("Juniper Wold", "Moss Wold", ParentKind.BIRTH, False),  # listed only in FAM.CHIL
        ("Holly Vetch", "Moss Wold", ParentKind.BIRTH, False),
        ("Holly Vetch", "Nell Vetch", ParentKind.BIRTH, False),  # a parent whose partner is unknown
    }
    separated = partnership_named(family, "Ivo Tansy", "Holly Vetch")
    assert separated.kind is PartnershipKind.UNKNOWN
    assert separated.status is PartnershipStatus.SEPARATED and separated.end == PartialDate(2016)
    assert partnership_named(family, "Juniper Wold", "Holly Vetch").start == PartialDate(2017, 6, 6)
    assert by_name(family)["Nell Vetch"].date_of_birth == PartialDate(2010, estimated=True)  # BEF 2010


def test_unknown_tags_are_ignored_and_counted() -> None:
    family = read_gedcom(FIXTURES / "pedigree_551.ged")

    assert dict(family.unknown_tags) == {"_FOO": 1, "_LOC": 1, "_MILT": 1}
    assert family.unknown_tag_count == 3
    assert dict(family.not_imported_tags) == {"DATE": 1, "NOTE": 2, "PLAC": 2}


def test_conc_and_cont_lines_are_joined() -> None:
    document = parse_gedcom_bytes((FIXTURES / "pedigree_551.ged").read_bytes(), "pedigree_551.ged")
    nell = next(r for r in document.records if r.xref == "@I7@")

    note = nell.first("NOTE")
    assert note is not None
    assert note.value == ("Nell's note runs over more than one line: the first part, then a continued part,\n"
                          "and a second line.")


def test_a_third_birth_parent_is_imported_as_a_step_parent_with_a_warning() -> None:
    text = gedcom(
        "0 @I1@ INDI", "1 NAME Sage /One/", "1 SEX F",
        "0 @I2@ INDI", "1 NAME Reed /Two/", "1 SEX M",
        "0 @I3@ INDI", "1 NAME Flint /Three/", "1 SEX M",
        "0 @I4@ INDI", "1 NAME Wren /Two/", "1 FAMC @F1@", "1 FAMC @F2@",
        "0 @F1@ FAM", "1 HUSB @I2@", "1 WIFE @I1@", "1 CHIL @I4@",
        "0 @F2@ FAM", "1 HUSB @I3@", "1 WIFE @I1@", "1 CHIL @I4@",
    )

    family = read_gedcom_bytes(text.encode(), "three.ged")

    assert ("Flint Three", "Wren Two", ParentKind.STEP, False) in links_named(family)
    assert ("Sage One", "Wren Two", ParentKind.BIRTH, False) in links_named(family)
    assert any("already has two birth parents" in str(w) and w.line == 18 for w in family.warnings)


# --- broken files: a clear error with the line, and no family ---------------------------------------------


def test_a_broken_level_reports_its_line() -> None:
    with pytest.raises(GedcomError) as raised:
        read_gedcom(FIXTURES / "broken_level.ged")

    assert raised.value.line == 9
    assert str(raised.value).startswith("broken_level.ged, line 9: ")
    assert "more than one level deeper" in str(raised.value) and "3 DATE 1 JAN 2000" in str(raised.value)


def test_a_pointer_to_a_missing_individual_reports_its_line() -> None:
    with pytest.raises(GedcomError) as raised:
        read_gedcom(FIXTURES / "broken_pointer.ged")

    assert raised.value.line == 12
    assert "@I9@" in str(raised.value) and "no such individual" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (gedcom("0 @I1@ INDI", "1 NAME Ash /Elm/", "1 ??"), 8, "not a GEDCOM line"),
        (gedcom("0 @I1@ INDI", "1 FAMC @F7@"), 7, "no such family"),
        (gedcom("0 @I1@ INDI", "0 @I1@ INDI"), 7, "used twice"),
        (gedcom("0 @I1@ INDI", "0 @F1@ FAM", "1 HUSB @I1@", "1 WIFE @I1@"), 7, "both partners"),
        ("0 HEAD\n1 GEDC\n2 VERS 5.5.1\n0 @I1@ INDI\n1 NAME Cut /Short/\n", 5, "cut short"),
        ("1 INDI\n", 1, "first line should be '0 HEAD'"),
        ("0 HEAD\n1 GEDC\n2 VERS 7.0\n0 @I1@ INDI\n1 NAME Cut /Short/\n\n", 5, "cut short"),
    ],
)
def test_broken_files_name_the_line_and_the_fault(text: str, line: int, words: str) -> None:
    with pytest.raises(GedcomError) as raised:
        read_gedcom_bytes(text.encode(), "broken.ged")

    assert raised.value.line == line
    assert words in str(raised.value)


def test_a_person_who_is_their_own_ancestor_is_an_error_naming_the_lines() -> None:
    text = gedcom(
        "0 @I1@ INDI", "1 NAME Loop /A/", "1 FAMC @F2@",
        "0 @I2@ INDI", "1 NAME Loop /B/", "1 FAMC @F1@",
        "0 @F1@ FAM", "1 HUSB @I1@", "1 CHIL @I2@",
        "0 @F2@ FAM", "1 HUSB @I2@", "1 CHIL @I1@",
    )

    with pytest.raises(GedcomError) as raised:
        read_gedcom_bytes(text.encode(), "loop.ged")

    assert "own ancestor" in str(raised.value)
    assert "lines 6, 9" in str(raised.value)


def test_an_unreadable_file_is_a_gedcom_error(tmp_path: Path) -> None:
    with pytest.raises(GedcomError, match="cannot be read"):
        read_gedcom(tmp_path / "missing.ged")


# --- encodings and line endings --------------------------------------------------------------------------

ZOE = gedcom("0 @I1@ INDI", "1 NAME Zoë /Brontë/", char=None)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ZOE.encode("utf-8"), "UTF-8"),  # no CHAR, valid UTF-8
        (codecs.BOM_UTF8 + ZOE.replace("2 FORM", "1 CHAR UTF-8\n2 FORM").encode("utf-8"), "UTF-8"),
        (ZOE.replace("\n", "\r\n").encode("utf-8"), "UTF-8"),
        (ZOE.replace("\n", "\r").encode("utf-8"), "UTF-8"),
        (ZOE.encode("utf-16"), "UTF-16"),
        (gedcom("0 @I1@ INDI", "1 NAME Zoë /Brontë/", char="ANSEL").encode("ansel"), "ANSEL"),
        (gedcom("0 @I1@ INDI", "1 NAME Zoë /Brontë/", char="ANSI").encode("cp1252"), "Windows-1252"),
    ],
    ids=["utf8-no-char", "utf8-bom", "crlf", "cr", "utf16", "ansel", "ansi"],
)
def test_encodings_and_line_endings_are_read(data: bytes, encoding: str) -> None:
    family = read_gedcom_bytes(data, "zoe.ged")

    assert [(p.given_names, p.family_name) for p in family.people] == [("Zoë", "Brontë")]
    assert family.encoding == encoding


def test_a_file_that_is_not_the_encoding_it_declares_falls_back_to_windows_1252() -> None:
    data = gedcom("0 @I1@ INDI", "1 NAME Zoë /Brontë/", char="UTF-8").encode("cp1252")

    family = read_gedcom_bytes(data, "zoe.ged")

    assert family.people[0].given_names == "Zoë"
    assert family.encoding == "Windows-1252"
    assert any("not valid UTF-8" in w.message and w.line == 7 for w in family.warnings)


# --- dates and values that need a warning ------------------------------------------------------------------


def test_unreadable_dates_become_warnings_with_their_line() -> None:
    text = gedcom("0 @I1@ INDI", "1 NAME Ash /Elm/", "1 BIRT", "2 DATE @#DHEBREW@ 5 TSH 5780",
                  "1 DEAT", "2 DATE (in the winter)", "1 SEX Q")

    family = read_gedcom_bytes(text.encode(), "dates.ged")

    person = family.people[0]
    assert person.date_of_birth is None and person.deceased and person.date_of_death is None
    messages = {w.line: w.message for w in family.warnings}
    assert "Gregorian" in messages[9] and "phrase" in messages[11] and "not M, F, X or U" in messages[12]


def test_the_imported_family_is_a_valid_record_that_needs_no_store() -> None:
    family = read_gedcom(FIXTURES / "seven_family.ged", case_reference="SEVEN")

    record = family.record()

    assert isinstance(record, CaseRecord)
    assert record.case.reference == "SEVEN"
    assert {p.id for p in record.people} == set(family.person_ids.values())
    assert all(isinstance(e, Person | Partnership | ParentChildLink) for e in family.entities)


def test_an_unknown_character_set_is_read_as_utf8_with_a_warning() -> None:
    data = gedcom("0 @I1@ INDI", "1 NAME Zoë /Brontë/", char="WEIRD-9").encode("utf-8")

    family = read_gedcom_bytes(data, "weird.ged")

    assert family.people[0].given_names == "Zoë" and family.encoding == "UTF-8"
    assert [str(w) for w in family.warnings] == ["line 5: unknown character set 'WEIRD-9'; read as UTF-8"]
