"""GEDCOM export of the structural part of a case: people, names, sex, birth, death, families, children.

Deliberately structural: notes, contact details, households, emotional and abuse links, risk facts and
provenance never leave genorisk in a GEDCOM file. Pregnancies and pregnancy losses are left out (GEDCOM
has no way to draw them) and listed in :attr:`GedcomExport.left_out`.

Output is deterministic (the same case gives the same bytes: people ordered by name, date of birth and
id; families by start date and partners) and written atomically. GEDCOM 5.5.1 (the default, what most
genealogy programs read) and 7.0 are both written; the mapping is the one the importer reads, so an
export imports back to the same structure:

* A partnership is a ``FAM``; its kind is ``MARR`` (married; civil partnership as ``MARR`` with
  ``TYPE Civil partnership``), ``ENGA`` (engaged) or ``EVEN`` with ``TYPE`` Cohabiting / Dating, not
  cohabiting / Brief relationship or affair; later statuses are ``DIV`` or ``EVEN`` typed Separated,
  Widowed or Ended, each with its date.
* A child joins a family for each pair of its parents who are partners and have the same kind of
  parenthood, with ``FAMC.PEDI`` saying which (5.5.1: birth, adopted, foster, and the widely read but
  non-standard step, kinship; 7.0: BIRTH, ADOPTED, FOSTER, OTHER with a PHRASE). A parent with no such
  partner gets a one-parent family. A step- or other parent whose partner is already linked joins
  through that partnership's family, listed after the child's first family so the first kind stays.
* Disputed paternity is ``FAMC.STAT challenged`` on the father's family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import genorisk
from genorisk.domain.entities import ParentChildLink, Partnership, Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import ParentKind, PartialDate, PartnershipKind, PartnershipStatus, Sex
from genorisk.interop.atomic import write_bytes_atomically
from genorisk.interop.gedcom_dates import MONTHS, write_gedcom_date

VERSIONS = ("5.5.1", "7.0")
_MAX_LINE_5 = 240
"""GEDCOM 5.5.1 lines may be at most 255 characters; longer payloads continue on CONC lines."""

_KIND_ORDER = {ParentKind.BIRTH: 0, ParentKind.ADOPTIVE: 1, ParentKind.FOSTER: 2, ParentKind.KINSHIP: 3,
               ParentKind.STEP: 4}
_PEDIGREE_5 = {ParentKind.BIRTH: "birth", ParentKind.ADOPTIVE: "adopted", ParentKind.FOSTER: "foster",
               ParentKind.STEP: "step", ParentKind.KINSHIP: "kinship"}
_PEDIGREE_7 = {ParentKind.BIRTH: "BIRTH", ParentKind.ADOPTIVE: "ADOPTED", ParentKind.FOSTER: "FOSTER"}
_PHRASE_7 = {ParentKind.STEP: "Step-parent", ParentKind.KINSHIP: "Kinship carer"}
_KIND_EVENT_TYPES = {
    PartnershipKind.COHABITING: "Cohabiting",
    PartnershipKind.DATING: "Dating, not cohabiting",
    PartnershipKind.BRIEF: "Brief relationship or affair",
}
_STATUS_EVENT_TYPES = {
    PartnershipStatus.SEPARATED: "Separated",
    PartnershipStatus.WIDOWED: "Widowed",
    PartnershipStatus.ENDED: "Ended",
}


@dataclass(frozen=True, slots=True)
class GedcomExport:
    """What an export wrote."""

    path: Path
    version: str
    people: int
    families: int
    left_out: tuple[str, ...]
    """People or details GEDCOM cannot carry, named for the practitioner."""


def write_gedcom(
    record: CaseRecord, path: Path | str, version: str = "5.5.1", *, exported_on: date | None = None
) -> GedcomExport:
    """Write the structural part of a case as GEDCOM ``version`` (5.5.1 or 7.0), atomically.

    ``exported_on`` adds ``HEAD.DATE``; without it the file depends only on the case.
    """
    path = Path(path)
    text, export = _export(record, version, exported_on)
    write_bytes_atomically(path, text.encode("utf-8"))
    return GedcomExport(path, version, export.people, export.families, export.left_out)


def gedcom_text(record: CaseRecord, version: str = "5.5.1", *, exported_on: date | None = None) -> str:
    """The GEDCOM text :func:`write_gedcom` would write."""
    return _export(record, version, exported_on)[0]


@dataclass(frozen=True, slots=True)
class _Counts:
    people: int
    families: int
    left_out: tuple[str, ...]


@dataclass(slots=True)
class _Family:
    """A FAM record to write: a partnership, or one parent with children whose other parent is unknown."""

    husband: str | None
    wife: str | None
    partnership: Partnership | None
    children: list[str]
    xref: str = ""


def _export(record: CaseRecord, version: str, exported_on: date | None) -> tuple[str, _Counts]:
    if version not in VERSIONS:
        raise ValueError(f"GEDCOM version '{version}' is not supported (use {' or '.join(VERSIONS)})")
    modern = version == "7.0"
    left_out: list[str] = []
    people = sorted((p for p in record.people if p.pregnancy is None), key=_person_order)
    left_out.extend(f"{p.display_name}: {p.pregnancy.label.lower()} (GEDCOM cannot record it)"
                    for p in record.people if p.pregnancy is not None)
    xref = {person.id: f"@I{number}@" for number, person in enumerate(people, start=1)}

    families, by_partnership = _partnership_families(record, xref)
    child_of = _child_families(record, xref, families, by_partnership)
    for number, family in enumerate(families, start=1):
        family.xref = f"@F{number}@"
    spouse_of: dict[str, list[_Family]] = defaultdict(list)
    for family in families:
        for partner in (family.husband, family.wife):
            if partner is not None:
                spouse_of[partner].append(family)
    born = {p.id: (p.date_of_birth.midpoint().isoformat() if p.date_of_birth else "9999", xref[p.id])
            for p in people}

    lines: list[str] = _header(version, exported_on)
    for person in people:
        lines.extend(_individual(person, xref[person.id], child_of.get(person.id, ()),
                                 spouse_of.get(person.id, ()), modern))
        if person.sex is Sex.INTERSEX and not modern:
            left_out.append(f"{person.display_name}: intersex written as U (GEDCOM 5.5.1 has no X)")
    for family in families:
        family.children.sort(key=born.__getitem__)
        lines.extend(_family_lines(family, xref))
    lines.append("0 TRLR")
    if not modern:
        lines = list(_wrap_long_lines(lines))
    return "\n".join(lines) + "\n", _Counts(len(people), len(families), tuple(left_out))


def _person_order(person: Person) -> tuple[str, str, str, str]:
    born = person.date_of_birth.to_iso().lstrip("~") if person.date_of_birth else "~"
    return (person.family_name.casefold(), person.given_names.casefold(), born, person.id)


def _partnership_families(
    record: CaseRecord, xref: dict[str, str]
) -> tuple[list[_Family], dict[frozenset[str], _Family]]:
    """One family per partnership of two exported people, earliest first."""

    def order(partnership: Partnership) -> tuple[str, str, str, str]:
        start = partnership.start.to_iso().lstrip("~") if partnership.start else "~"
        a, b = sorted((xref[partnership.person_a], xref[partnership.person_b]), key=_xref_number)
        return (start, f"{_xref_number(a):09d}", f"{_xref_number(b):09d}", partnership.id)

    sexes = {p.id: p.sex for p in record.people}
    families: list[_Family] = []
    by_pair: dict[frozenset[str], _Family] = {}
    exported = [p for p in record.partnerships if p.person_a in xref and p.person_b in xref]
    for partnership in sorted(exported, key=order):
        husband, wife = partnership.person_a, partnership.person_b
        if sexes.get(husband) is Sex.FEMALE and sexes.get(wife) is Sex.MALE:
            husband, wife = wife, husband
        family = _Family(husband, wife, partnership, [])
        families.append(family)
        by_pair.setdefault(frozenset((husband, wife)), family)
    return families, by_pair


def _xref_number(text: str) -> int:
    return int(text.strip("@")[1:])


def _child_families(
    record: CaseRecord,
    xref: dict[str, str],
    families: list[_Family],
    by_pair: dict[frozenset[str], _Family],
) -> dict[str, list[tuple[_Family, ParentKind, bool]]]:
    """For each child, the families it belongs to, in order, with the kind of parenthood and dispute."""
    links_of: dict[str, list[ParentChildLink]] = defaultdict(list)
    for link in record.parent_links:
        if link.parent_id in xref and link.child_id in xref:
            links_of[link.child_id].append(link)
    solo: dict[str, _Family] = {}
    result: dict[str, list[tuple[_Family, ParentKind, bool]]] = {}
    for child in sorted(links_of, key=lambda c: _xref_number(xref[c])):
        links = sorted(links_of[child], key=lambda link: _KIND_ORDER.get(link.kind, 9))
        covered: set[str] = set()
        joined: list[tuple[_Family, ParentKind, bool]] = []
        for link in links:
            if link.parent_id in covered:
                continue
            others = [o for o in links if o.parent_id != link.parent_id
                      and frozenset((link.parent_id, o.parent_id)) in by_pair]
            same_kind = [o for o in others if o.parent_id not in covered and o.kind is link.kind]
            earlier = [o for o in others if o.parent_id in covered]
            if same_kind:
                partner = same_kind[0]
                family = by_pair[frozenset((link.parent_id, partner.parent_id))]
                covered.add(partner.parent_id)
                disputed = link.paternity_disputed or partner.paternity_disputed
            elif earlier:
                family = by_pair[frozenset((link.parent_id, earlier[0].parent_id))]
                disputed = link.paternity_disputed
            else:
                family = solo.get(link.parent_id) or _solo_family(record, link.parent_id, families, solo)
                disputed = link.paternity_disputed
            covered.add(link.parent_id)
            family.children.append(child)
            joined.append((family, link.kind, disputed))
        result[child] = joined
    return result


def _solo_family(record: CaseRecord, parent: str, families: list[_Family], solo: dict[str, _Family]) -> _Family:
    person = record.get(Person, parent)
    female = person is not None and person.sex is Sex.FEMALE
    family = _Family(None if female else parent, parent if female else None, None, [])
    families.append(family)
    solo[parent] = family
    return family


# --- lines -----------------------------------------------------------------------------------------------


def _header(version: str, exported_on: date | None) -> list[str]:
    lines = ["0 HEAD"]
    if version == "7.0":
        lines += ["1 GEDC", "2 VERS 7.0", "1 SOUR GENORISK", "2 VERS " + genorisk.__version__, "2 NAME genorisk"]
        if exported_on:
            lines.append("1 DATE " + _exact(exported_on))
        return lines
    lines += ["1 SOUR GENORISK", "2 VERS " + genorisk.__version__, "2 NAME genorisk"]
    if exported_on:
        lines.append("1 DATE " + _exact(exported_on))
    lines += ["1 SUBM @U1@", "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8",
              "0 @U1@ SUBM", "1 NAME genorisk export"]
    return lines


def _exact(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _individual(
    person: Person,
    xref: str,
    child_of: Iterable[tuple[_Family, ParentKind, bool]],
    spouse_of: Iterable[_Family],
    modern: bool,
) -> list[str]:
    lines = [f"0 {xref} INDI"]
    given, family = _clean(person.given_names).replace("/", ""), _clean(person.family_name).replace("/", "")
    if given or family:
        lines.append("1 NAME " + _payload(f"{given} /{family}/".strip() if family else given, modern))
        if given:
            lines.append("2 GIVN " + _payload(given, modern))
        if family:
            lines.append("2 SURN " + _payload(family, modern))
    if person.known_as.strip():
        if not (given or family):
            lines.append("1 NAME " + _payload(_clean(person.known_as), modern))
        lines.append("2 NICK " + _payload(_clean(person.known_as), modern))
    lines.append("1 SEX " + _sex(person.sex, modern))
    if person.date_of_birth:
        lines += ["1 BIRT", "2 DATE " + write_gedcom_date(person.date_of_birth)]
    if person.deceased:
        if person.date_of_death:
            lines += ["1 DEAT", "2 DATE " + write_gedcom_date(person.date_of_death)]
        else:
            lines.append("1 DEAT Y")
    for family_, kind, disputed in child_of:
        lines.append(f"1 FAMC {family_.xref}")
        if modern:
            lines.append("2 PEDI " + _PEDIGREE_7.get(kind, "OTHER"))
            if kind in _PHRASE_7:
                lines.append("3 PHRASE " + _PHRASE_7[kind])
        else:
            lines.append("2 PEDI " + _PEDIGREE_5[kind])
        if disputed:
            lines.append("2 STAT " + ("CHALLENGED" if modern else "challenged"))
    lines.extend(f"1 FAMS {f.xref}" for f in sorted(spouse_of, key=lambda f: _xref_number(f.xref)))
    return lines


def _sex(sex: Sex, modern: bool) -> str:
    if sex is Sex.MALE:
        return "M"
    if sex is Sex.FEMALE:
        return "F"
    return "X" if sex is Sex.INTERSEX and modern else "U"


def _family_lines(family: _Family, xref: dict[str, str]) -> list[str]:
    lines = [f"0 {family.xref} FAM"]
    if family.husband:
        lines.append(f"1 HUSB {xref[family.husband]}")
    if family.wife:
        lines.append(f"1 WIFE {xref[family.wife]}")
    lines.extend(f"1 CHIL {xref[child]}" for child in dict.fromkeys(family.children))
    partnership = family.partnership
    if partnership is None:
        return lines
    kind = partnership.kind
    if kind in (PartnershipKind.MARRIED, PartnershipKind.CIVIL_PARTNERSHIP):
        civil = "Civil partnership" if kind is PartnershipKind.CIVIL_PARTNERSHIP else ""
        lines += _event("MARR", partnership.start, civil)
    elif kind is PartnershipKind.ENGAGED:
        lines += _event("ENGA", partnership.start)
    elif kind in _KIND_EVENT_TYPES:
        lines += _event("EVEN", partnership.start, _KIND_EVENT_TYPES[kind])
    for period in partnership.statuses:
        if period.status is PartnershipStatus.DIVORCED:
            lines += _event("DIV", period.since)
        elif period.status in _STATUS_EVENT_TYPES:
            lines += _event("EVEN", period.since, _STATUS_EVENT_TYPES[period.status])
    return lines


def _event(tag: str, when: PartialDate | None, event_type: str = "") -> list[str]:
    """An event line with its type and date; ``Y`` asserts an event with neither."""
    lines = [f"1 {tag}" if event_type or when else f"1 {tag} Y"]
    if event_type:
        lines.append("2 TYPE " + event_type)
    if when:
        lines.append("2 DATE " + write_gedcom_date(when))
    return lines


def _clean(text: str) -> str:
    """One line of text: no line breaks, single spaces."""
    return " ".join(text.split())


def _payload(text: str, modern: bool) -> str:
    """A line payload with ``@`` escaped: 5.5.1 doubles every ``@``, 7.0 only a leading one."""
    if modern:
        return "@" + text if text.startswith("@") else text
    return text.replace("@", "@@")


def _wrap_long_lines(lines: Iterable[str]) -> Iterable[str]:
    """Split 5.5.1 payloads longer than the line limit onto CONC lines (never inside a space run)."""
    for line in lines:
        if len(line) <= _MAX_LINE_5:
            yield line
            continue
        level, tag, payload = line.split(" ", 2)
        head = f"{level} {tag} "
        sub = f"{int(level) + 1} CONC "
        room = _MAX_LINE_5 - len(head)
        while len(payload) > room:
            cut = room
            while cut > 1 and (payload[cut - 1] in " @" or payload[cut] == " "):
                cut -= 1  # a CONC line must not start or end with a space, nor split an escaped @@
            yield head + payload[:cut]
            payload = payload[cut:]
            head, room = sub, _MAX_LINE_5 - len(sub)
        yield head + payload
