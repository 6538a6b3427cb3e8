"""GEDCOM import: a GEDCOM 5.5.1 or 7.0 file to a genorisk case, checked before anything is saved.

What is mapped (everything else is ignored and counted, see :class:`ImportedFamily`):

* ``INDI``: the first ``NAME`` (``GIVN``/``SURN`` when given, else the ``Given /Family/`` payload;
  ``NICK`` → known as), ``SEX`` M/F/X/U, ``BIRT.DATE``, ``DEAT`` (present → deceased) with its date,
  ``BURI``/``CREM`` (→ deceased).
* ``FAM``: ``HUSB`` + ``WIFE`` → a :class:`Partnership` (married if ``MARR``, civil partnership when the
  ``MARR.TYPE`` says so, engaged if ``ENGA``, cohabiting, dating or brief when an ``EVEN.TYPE`` says so,
  else unknown; ``MARR`` date → start); ``DIV`` → divorced, ``ANUL`` → ended, ``EVEN`` typed separated,
  widowed or ended → that status, each from its date; the first of them → the end date.
* Children: ``FAM.CHIL`` and ``INDI.FAMC`` (taken in the child's ``FAMC`` order) → one
  :class:`ParentChildLink` per parent. ``FAMC.PEDI`` gives the kind (birth, adopted, foster; ``OTHER``
  with a phrase or a 5.5.1 value naming step or kinship/guardian care); an ``ADOP`` event naming the
  family (``ADOP.FAMC``, with ``ADOP`` HUSB/WIFE/BOTH) makes the named parent(s) adoptive and the other a
  birth parent; ``FAMC.STAT`` challenged or disproven → paternity disputed on the father's link.

Relationships and parentage carry :class:`Provenance` of kind agency record, agency ``GEDCOM import``,
reference ``<file name> <record id>`` (e.g. ``smith.ged @F3@``), so every imported fact says which
record of which file it came from, and reads as unverified until a practitioner checks it.

Faults that make the family wrong (a syntax error, a pointer to a record that does not exist, a person
who is their own partner or ancestor) raise :class:`GedcomError` naming the line; nothing is returned,
so nothing can be saved. Doubtful details (an unreadable date, a third birth parent) become warnings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from genorisk.domain.entities import (
    Case,
    Entity,
    ParentChildLink,
    Partnership,
    PartnershipPeriod,
    Person,
    StatusChange,
    new_id,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.validation import Severity, validate
from genorisk.domain.values import (
    CaseStatus,
    ParentKind,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    Provenance,
    Sex,
    SourceKind,
)
from genorisk.interop.gedcom_dates import read_gedcom_date
from genorisk.interop.gedcom_tree import GedcomDocument, GedcomError, GedcomNode, parse_gedcom_bytes, parse_gedcom_file

IMPORT_AGENCY = "GEDCOM import"
_T = TypeVar("_T")

_STANDARD_TAG_NAMES = """
    ABBR ADDR ADOP ADR1 ADR2 ADR3 AFN AGE AGNC ALIA ANCE ANCI ANUL ASSO AUTH BAPL BAPM BARM BASM BIRT BLES
    BLOB BURI CALN CAST CAUS CENS CHAN CHAR CHIL CHR CHRA CITY CONC CONF CONL CONT COPR CORP CREA
    CREM CROP CTRY DATA DATE DEAT DESC DESI DEST DIV DIVF DSCR EDUC EMAIL EMIG ENDL ENGA EVEN EXID FACT
    FAM FAMC FAMF FAMS FAX FCOM FILE FONE FORM GEDC GIVN GRAD HEAD HEIGHT HUSB IDNO IMMI INDI INIL LANG
    LATI LEFT LEGA LONG MAP MARB MARC MARL MARR MARS MEDI MIME NAME NATI NATU NCHI NICK NMR NO NOTE NPFX
    NSFX OBJE OCCU ORDI ORDN PAGE PEDI PHON PHRASE PLAC POST PROB PROP PUBL QUAY REFN RELA RELI REPO
    RESI RESN RETI RFN RIN ROLE ROMN SCHMA SDATE SEX SLGC SLGS SNOTE SOUR SPFX SSN STAE STAT SUBM SUBN
    SURN TAG TEMP TEXT TIME TITL TOP TRAN TRLR TYPE UID VERS WIDTH WIFE WILL WWW"""
STANDARD_TAGS = frozenset(_STANDARD_TAG_NAMES.split())
"""Every tag GEDCOM 5.5.1 or 7.0 defines; any other tag (``_DEG``, a misspelling) is *unknown*."""

_SEX = {"M": Sex.MALE, "F": Sex.FEMALE, "X": Sex.INTERSEX, "U": Sex.UNKNOWN}
_PEDIGREE = {"BIRTH": ParentKind.BIRTH, "ADOPTED": ParentKind.ADOPTIVE, "FOSTER": ParentKind.FOSTER}
_PEDIGREE_WORDS = (
    ("STEP", ParentKind.STEP),
    ("KINSHIP", ParentKind.KINSHIP),
    ("GUARDIAN", ParentKind.KINSHIP),
    ("ADOPT", ParentKind.ADOPTIVE),
    ("FOSTER", ParentKind.FOSTER),
    ("BIRTH", ParentKind.BIRTH),
)
"""Words in a PEDI phrase (7.0 ``OTHER`` + ``PHRASE``) or in a non-standard 5.5.1 PEDI value."""
_KIND_EVENTS = (
    ("DATING", PartnershipKind.DATING),
    ("BRIEF", PartnershipKind.BRIEF),
    ("AFFAIR", PartnershipKind.BRIEF),
    ("COHABIT", PartnershipKind.COHABITING),
    ("LIVING TOGETHER", PartnershipKind.COHABITING),
    ("CIVIL PARTNERSHIP", PartnershipKind.CIVIL_PARTNERSHIP),
    ("ENGAGE", PartnershipKind.ENGAGED),
)
"""Words in a family ``EVEN.TYPE`` that say what kind of relationship it is (checked in this order)."""
_END_EVENTS = (
    ("SEPARAT", PartnershipStatus.SEPARATED),
    ("WIDOW", PartnershipStatus.WIDOWED),
    ("DIVORCE", PartnershipStatus.DIVORCED),
    ("ENDED", PartnershipStatus.ENDED),
    ("ANNUL", PartnershipStatus.ENDED),
)
"""Words in a family ``EVEN.TYPE`` that record a change of status."""
_METADATA_RECORDS = frozenset({"SUBM", "SUBN"})
"""Records about who sent the file, not about the family: like the header, neither imported nor counted."""


@dataclass(frozen=True, slots=True)
class GedcomWarning:
    """Something imported with an assumption, or left out, that a practitioner may want to check."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line is not None else self.message


@dataclass(frozen=True, slots=True)
class ImportedFamily:
    """A GEDCOM file read as a new case, not yet saved: the caller stores ``case`` and ``entities``."""

    case: Case
    entities: tuple[Entity, ...]
    unknown_tags: Mapping[str, int]
    """Tags GEDCOM does not define (extensions such as ``_DEG``): ignored, counted by tag."""
    not_imported_tags: Mapping[str, int]
    """Standard GEDCOM details genorisk does not hold (places, notes, sources…): counted by tag."""
    warnings: tuple[GedcomWarning, ...]
    person_ids: Mapping[str, str]
    """GEDCOM record id (``@I1@``) → genorisk person id."""
    version: str
    encoding: str
    source_system: str = ""

    @property
    def unknown_tag_count(self) -> int:
        return sum(self.unknown_tags.values())

    @property
    def not_imported_count(self) -> int:
        return sum(self.not_imported_tags.values())

    @property
    def people(self) -> tuple[Person, ...]:
        return tuple(e for e in self.entities if isinstance(e, Person))

    @property
    def partnerships(self) -> tuple[Partnership, ...]:
        return tuple(e for e in self.entities if isinstance(e, Partnership))

    @property
    def parent_links(self) -> tuple[ParentChildLink, ...]:
        return tuple(e for e in self.entities if isinstance(e, ParentChildLink))

    def record(self) -> CaseRecord:
        """The family as a case record (for drawing it without saving)."""
        return CaseRecord.build(self.case, self.entities)

    def summary(self) -> str:
        """One line for the CLI and the interface."""
        text = (f"{len(self.people)} people, {len(self.partnerships)} partnerships, "
                f"{len(self.parent_links)} parent links from GEDCOM {self.version}")
        if self.unknown_tags:
            listed = ", ".join(f"{tag} ×{count}" for tag, count in sorted(self.unknown_tags.items()))
            text += f"; {self.unknown_tag_count} unknown tags ignored ({listed})"
        if self.not_imported_tags:
            text += f"; {self.not_imported_count} other details not imported"
        if self.warnings:
            text += f"; {len(self.warnings)} warnings"
        return text


def read_gedcom(
    path: Path | str,
    *,
    case_reference: str | None = None,
    case_title: str | None = None,
    status: CaseStatus = CaseStatus.EARLY_HELP,
    recorded_on: date | None = None,
    check: bool = True,
) -> ImportedFamily:
    """Read a GEDCOM 5.5.1 or 7.0 file as a new, unsaved case.

    ``case_reference`` defaults to the file's name without its extension. ``recorded_on`` (default
    today) dates the provenance of every imported relationship. With ``check`` (the default) the
    family is validated as the store would: an impossible structure raises :class:`GedcomError`
    naming the lines of the people involved, and implausible facts become warnings.
    """
    path = Path(path)
    document = parse_gedcom_file(path)
    return _Importer(document, path.stem, case_reference, case_title, status, recorded_on).run(check)


def read_gedcom_bytes(
    data: bytes,
    source: str = "GEDCOM data",
    *,
    case_reference: str | None = None,
    case_title: str | None = None,
    status: CaseStatus = CaseStatus.EARLY_HELP,
    recorded_on: date | None = None,
    check: bool = True,
) -> ImportedFamily:
    """As :func:`read_gedcom`, from bytes; ``source`` names them in messages and provenance."""
    document = parse_gedcom_bytes(data, source)
    stem = Path(source).stem or "GEDCOM"
    return _Importer(document, stem, case_reference, case_title, status, recorded_on).run(check)


@dataclass(slots=True)
class _Membership:
    """A child's place in one family, in the child's own order of families."""

    family: str
    line: int
    pedigree: GedcomNode | None = None
    status: GedcomNode | None = None


@dataclass(slots=True)
class _Importer:
    document: GedcomDocument
    stem: str
    case_reference: str | None
    case_title: str | None
    status: CaseStatus
    recorded_on: date | None
    case_id: str = field(default_factory=new_id)
    warnings: list[GedcomWarning] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    individuals: dict[str, GedcomNode] = field(default_factory=dict)
    families: dict[str, GedcomNode] = field(default_factory=dict)
    person_ids: dict[str, str] = field(default_factory=dict)
    person_lines: dict[str, int] = field(default_factory=dict)
    memberships: dict[str, list[_Membership]] = field(default_factory=dict)
    adopted_by: dict[tuple[str, str], str] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    # --- the whole run ---------------------------------------------------------------------------------
    def run(self, check: bool) -> ImportedFamily:
        if self.recorded_on is not None:
            self.today = self.recorded_on
        self.warnings.extend(GedcomWarning(line, message) for line, message in self.document.notes)
        self._index()
        people = [self._person(xref, node) for xref, node in self.individuals.items()]
        partnerships = [p for p in (self._family(xref, node) for xref, node in self.families.items()) if p]
        links = self._parent_links()
        case = self._case()
        entities: tuple[Entity, ...] = (*people, *partnerships, *links)
        if check:
            self._check(CaseRecord.build(case, entities))
        unknown, not_imported = self._tally()
        return ImportedFamily(
            case=case,
            entities=entities,
            unknown_tags=MappingProxyType(dict(sorted(unknown.items()))),
            not_imported_tags=MappingProxyType(dict(sorted(not_imported.items()))),
            warnings=tuple(self.warnings),
            person_ids=MappingProxyType(dict(self.person_ids)),
            version=self.document.version,
            encoding=self.document.encoding,
            source_system=self.document.source_system,
        )

    def _fail(self, line: int | None, problem: str) -> GedcomError:
        return GedcomError(self.document.source, line, problem)

    def _warn(self, line: int | None, message: str) -> None:
        self.warnings.append(GedcomWarning(line, message))

    def _take(self, node: GedcomNode, tag: str) -> GedcomNode | None:
        """The first substructure with ``tag``, marked as imported."""
        found = node.first(tag)
        if found is not None:
            self.used.add(id(found))
        return found

    def _take_all(self, node: GedcomNode, tag: str) -> list[GedcomNode]:
        found = list(node.every(tag))
        self.used.update(id(child) for child in found)
        return found

    def _index(self) -> None:
        for record in self.document.records[1:-1]:
            if record.tag not in ("INDI", "FAM"):
                continue
            table = self.individuals if record.tag == "INDI" else self.families
            key = record.xref or f"(line {record.line})"
            if key in table:
                raise self._fail(record.line, f"the record id {key} is used twice "
                                              f"(first on line {table[key].line})")
            table[key] = record
            self.used.add(id(record))
        for xref in self.individuals:
            self.person_ids[xref] = new_id()

    def _case(self) -> Case:
        now = datetime.now(UTC)
        reference = (self.case_reference or self.stem).strip() or "GEDCOM"
        return Case(
            id=self.case_id,
            case_id=self.case_id,
            reference=reference,
            title=self.case_title or f"Family imported from {self.document.source}",
            status_history=(StatusChange(self.status, self.today, f"Imported from {self.document.source}"),),
            created_at=now,
            updated_at=now,
        )

    def _provenance(self, xref: str) -> Provenance:
        return Provenance(
            source=SourceKind.AGENCY_RECORD,
            recorded_on=self.today,
            agency=IMPORT_AGENCY,
            reference=f"{self.document.source} {xref}",
        )

    # --- people ----------------------------------------------------------------------------------------
    def _person(self, xref: str, node: GedcomNode) -> Person:
        self.person_lines[xref] = node.line
        given, family, known_as = self._names(node)
        sex = Sex.UNKNOWN
        sex_node = self._take(node, "SEX")
        if sex_node is not None and sex_node.value.strip():
            code = sex_node.value.strip().upper()[:1]
            if code not in _SEX:
                self._warn(sex_node.line, f"sex '{sex_node.value}' is not M, F, X or U; imported as unknown")
            sex = _SEX.get(code, Sex.UNKNOWN)
        birth = self._event_date(self._take(node, "BIRT"))
        death_node = self._take(node, "DEAT")
        burial = [n for n in (self._take(node, "BURI"), self._take(node, "CREM")) if n is not None]
        deceased = death_node is not None or bool(burial)
        if death_node is not None and death_node.value.strip().upper() == "N":
            deceased = bool(burial)
        death = self._event_date(death_node) if deceased else None
        self._family_links_of(xref, node)
        return Person(
            id=self.person_ids[xref],
            case_id=self.case_id,
            given_names=given,
            family_name=family,
            known_as=known_as,
            sex=sex,
            date_of_birth=birth,
            deceased=deceased,
            date_of_death=death,
        )

    def _names(self, node: GedcomNode) -> tuple[str, str, str]:
        name = self._take(node, "NAME")
        if name is None:
            return "", "", ""
        given_node, surname_node = self._take(name, "GIVN"), self._take(name, "SURN")
        nickname = self._take(name, "NICK")
        written_given, written_family = _split_name(name.value)
        given = given_node.value.strip() if given_node else written_given
        family = surname_node.value.strip() if surname_node else written_family
        return given, family, nickname.value.strip() if nickname else ""

    def _event_date(self, event: GedcomNode | None) -> PartialDate | None:
        if event is None:
            return None
        date_node = self._take(event, "DATE")
        if date_node is None:
            return None
        reading = read_gedcom_date(date_node.value)
        if reading.problem:
            self._warn(date_node.line, f"{reading.problem}; left blank")
        return reading.date

    def _family_links_of(self, xref: str, node: GedcomNode) -> None:
        """Record the families this person is a child of (FAMC order) and adoptions (ADOP.FAMC)."""
        for spouse_of in self._take_all(node, "FAMS"):
            self._family_at(spouse_of)
        for child_of in self._take_all(node, "FAMC"):
            family = self._family_at(child_of)
            if family is None:
                continue
            pedigree, status = self._take(child_of, "PEDI"), self._take(child_of, "STAT")
            for detail in (pedigree, status):
                if detail is not None:
                    self._take(detail, "PHRASE")
            self._join(xref, _Membership(family, child_of.line, pedigree, status))
        for adoption in node.every("ADOP"):
            family_node = adoption.first("FAMC")
            family = self._family_at(family_node) if family_node else None
            if family is None:
                continue
            self.used.update((id(adoption), id(family_node)))
            by_node = self._take(family_node, "ADOP") if family_node else None
            by = by_node.value.strip().upper() if by_node else "BOTH"
            self.adopted_by[(xref, family)] = by if by in ("HUSB", "WIFE") else "BOTH"
            self._join(xref, _Membership(family, adoption.line))

    def _join(self, child: str, membership: _Membership) -> None:
        """Add a family to a child's list unless it is there already (first mention keeps its details)."""
        listed = self.memberships.setdefault(child, [])
        for existing in listed:
            if existing.family == membership.family:
                existing.pedigree = existing.pedigree or membership.pedigree
                existing.status = existing.status or membership.status
                return
        listed.append(membership)

    def _family_at(self, pointer_node: GedcomNode) -> str | None:
        pointer = pointer_node.pointer
        if pointer is None:
            return None
        if pointer not in self.families:
            raise self._fail(pointer_node.line, f"{pointer_node.tag} points at family {pointer}, "
                                                "but the file has no such family")
        return pointer

    def _individual_at(self, pointer_node: GedcomNode | None) -> str | None:
        if pointer_node is None or pointer_node.pointer is None:
            return None
        pointer = pointer_node.pointer
        if pointer not in self.individuals:
            raise self._fail(pointer_node.line, f"{pointer_node.tag} points at individual {pointer}, "
                                                "but the file has no such individual")
        return pointer

    # --- families --------------------------------------------------------------------------------------
    def _family(self, xref: str, node: GedcomNode) -> Partnership | None:
        husband = self._individual_at(self._take(node, "HUSB"))
        wife = self._individual_at(self._take(node, "WIFE"))
        for extra in [*list(node.every("HUSB"))[1:], *list(node.every("WIFE"))[1:]]:
            self._warn(extra.line, f"family {xref} has more than one {extra.tag}; only the first is imported")
        for child_node in self._take_all(node, "CHIL"):
            child = self._individual_at(child_node)
            if child is not None:
                self._join(child, _Membership(xref, child_node.line))
        if husband is None or wife is None:
            return None
        if husband == wife:
            raise self._fail(node.line, f"family {xref} has {husband} as both partners")
        return self._partnership(xref, node, husband, wife)

    def _partnership(self, xref: str, node: GedcomNode, husband: str, wife: str) -> Partnership:
        kind, start = PartnershipKind.UNKNOWN, None
        marriage, engagement = self._take(node, "MARR"), self._take(node, "ENGA")
        if marriage is not None:
            marriage_type = self._take(marriage, "TYPE")
            civil = marriage_type is not None and "CIVIL" in marriage_type.value.upper()
            kind = PartnershipKind.CIVIL_PARTNERSHIP if civil else PartnershipKind.MARRIED
            start = self._event_date(marriage)
        elif engagement is not None:
            kind, start = PartnershipKind.ENGAGED, self._event_date(engagement)
        endings: list[PartnershipPeriod] = []
        for event in node.children:
            if event.tag == "NO":
                self.used.add(id(event))  # 7.0 "NO MARR": known not to have married
            elif event.tag in ("DIV", "ANUL"):
                self.used.add(id(event))
                status = PartnershipStatus.DIVORCED if event.tag == "DIV" else PartnershipStatus.ENDED
                endings.append(PartnershipPeriod(status, self._event_date(event)))
            elif event.tag == "EVEN":
                typed = (event.text_of("TYPE") or event.value).upper()
                event_kind = _first_match(typed, _KIND_EVENTS)
                ending = _first_match(typed, _END_EVENTS)
                if ending is not None:
                    endings.append(PartnershipPeriod(ending, self._event_date(event)))
                elif kind is PartnershipKind.UNKNOWN and event_kind is not None:
                    kind, start = event_kind, self._event_date(event)
                else:
                    continue  # not imported: counted
                self.used.add(id(event))
                self._take(event, "TYPE")
        statuses = (PartnershipPeriod(PartnershipStatus.TOGETHER, start), *endings)
        return Partnership(
            id=new_id(),
            case_id=self.case_id,
            person_a=self.person_ids[husband],
            person_b=self.person_ids[wife],
            kind=kind,
            statuses=statuses,
            start=start,
            end=endings[0].since if endings else None,
            provenance=self._provenance(xref),
        )

    # --- parentage -------------------------------------------------------------------------------------
    def _parent_links(self) -> list[ParentChildLink]:
        links: list[ParentChildLink] = []
        linked: set[tuple[str, str]] = set()
        for child, memberships in self.memberships.items():
            birth_parents: list[str] = []
            for membership in memberships:
                family = self.families[membership.family]
                parents = [(role, p) for role in ("HUSB", "WIFE") if (p := self._parent_in(family, role))]
                if not parents:
                    self._warn(membership.line, f"family {membership.family} names no parents; "
                                                f"{self._label(child)} is imported without parents from it")
                    continue
                kinds = self._kinds(child, membership, [role for role, _ in parents])
                disputed_role = self._disputed_role(membership, [role for role, _ in parents])
                for role, parent in parents:
                    if (parent, child) in linked:
                        continue
                    kind = kinds[role]
                    if kind is ParentKind.BIRTH and len(birth_parents) >= 2:
                        self._warn(membership.line, f"{self._label(child)} already has two birth parents; "
                                                    f"{self._label(parent)} from family {membership.family} "
                                                    "is imported as a step-parent")
                        kind = ParentKind.STEP
                    if kind is ParentKind.BIRTH:
                        birth_parents.append(parent)
                    linked.add((parent, child))
                    links.append(ParentChildLink(
                        id=new_id(),
                        case_id=self.case_id,
                        parent_id=self.person_ids[parent],
                        child_id=self.person_ids[child],
                        kind=kind,
                        paternity_disputed=role == disputed_role,
                        provenance=self._provenance(membership.family),
                    ))
        return links

    def _parent_in(self, family: GedcomNode, role: str) -> str | None:
        found = family.first(role)
        return found.pointer if found is not None and found.pointer in self.individuals else None

    def _kinds(self, child: str, membership: _Membership, roles: list[str]) -> dict[str, ParentKind]:
        """The kind of parenthood each parent of one family has for this child."""
        kind = ParentKind.BIRTH
        pedigree = membership.pedigree
        if pedigree is not None and pedigree.value.strip():
            value = pedigree.value.strip().upper()
            phrase = pedigree.text_of("PHRASE").upper()
            kind_or_none = _PEDIGREE.get(value) or _first_match(f"{phrase} {value}", _PEDIGREE_WORDS)
            if kind_or_none is None:
                self._warn(pedigree.line, f"pedigree '{pedigree.value}' is not birth, adopted, foster, step "
                                          "or kinship; imported as a birth parent")
            elif value == "SEALING":
                self._warn(pedigree.line, "pedigree 'sealing' imported as a birth parent")
            kind = kind_or_none or ParentKind.BIRTH
        adopters = self.adopted_by.get((child, membership.family))
        if adopters is None:
            return dict.fromkeys(roles, kind)
        return {role: ParentKind.ADOPTIVE if adopters in ("BOTH", role) else
                (ParentKind.BIRTH if kind is ParentKind.ADOPTIVE else kind) for role in roles}

    def _disputed_role(self, membership: _Membership, roles: list[str]) -> str | None:
        """FAMC.STAT challenged or disproven: paternity is disputed, so the father's link (HUSB)."""
        status = membership.status
        value = status.value.strip().upper() if status is not None else ""
        if value not in ("CHALLENGED", "DISPROVEN"):
            return None
        if value == "DISPROVEN" and status is not None:
            self._warn(status.line, "this parentage is recorded as disproven; imported as disputed")
        return "HUSB" if "HUSB" in roles else roles[0]

    def _label(self, xref: str) -> str:
        node = self.individuals[xref]
        given, family = _split_name(node.text_of("NAME"))
        name = " ".join(part for part in (given, family) if part)
        return f"{name} ({xref})" if name else xref

    # --- checks and counts -----------------------------------------------------------------------------
    def _check(self, record: CaseRecord) -> None:
        """Validate as the store would; errors raise naming the people's lines, warnings are kept."""
        line_of = {self.person_ids[xref]: line for xref, line in self.person_lines.items()}
        for issue in validate(record):
            lines = sorted({line_of[p] for p in issue.person_ids if p in line_of})
            if issue.severity is Severity.ERROR:
                where = ", ".join(str(line) for line in lines)
                raise self._fail(lines[0] if lines else None,
                                 f"{issue.message} (individuals on lines {where})" if lines else issue.message)
            self._warn(lines[0] if lines else None, issue.message)

    def _tally(self) -> tuple[Counter[str], Counter[str]]:
        """Count what was not imported: the outermost structure of each, by tag."""
        unknown: Counter[str] = Counter()
        not_imported: Counter[str] = Counter()
        pending = [r for r in self.document.records[1:-1] if r.tag not in _METADATA_RECORDS]
        while pending:
            node = pending.pop()
            if id(node) in self.used:
                pending.extend(node.children)
            elif node.tag in STANDARD_TAGS:
                not_imported[node.tag] += 1
            else:
                unknown[node.tag] += 1
        return unknown, not_imported


def _split_name(text: str) -> tuple[str, str]:
    """``Anna Maria /Hansdotter/ Jr`` → (``Anna Maria``, ``Hansdotter``); no slashes → all given."""
    if "/" not in text:
        return " ".join(text.split()), ""
    before, _, rest = text.partition("/")
    surname, _, after = rest.partition("/")
    given = " ".join(f"{before} {after}".split()) if not before.strip() else " ".join(before.split())
    return given, " ".join(surname.split())


def _first_match(text: str, table: Iterable[tuple[str, _T]]) -> _T | None:
    for word, value in table:
        if word in text:
            return value
    return None
