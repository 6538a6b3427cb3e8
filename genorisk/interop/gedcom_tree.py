"""GEDCOM files to a plain tree of lines, with line numbers, for GEDCOM 5.x and 7.0.

Two maintained parser libraries do the line-level work, one per version, behind this one module:

* **GEDCOM 7.x** goes through ``gedcom7``, whose line grammar is generated from the 7.0 ABNF and which
  rejects any non-conforming line with its line number. 7.0 files are UTF-8 by definition.
* **GEDCOM 5.x** (5.5, 5.5.1, 5.5.5) goes through ``ged4py``'s line reader, which knows the 5.x
  quirks (leading white space, ``@#D...@`` calendar escapes, CONC/CONT nesting) and checks level
  nesting, again with line numbers. Its ANSEL codec (from the ``ansel`` package it registers) decodes
  old files; this module chooses the encoding (BOM, then ``HEAD.CHAR``, then fallbacks) and transcodes
  the file to UTF-8 first, so one decoding path serves every file.

Both produce the same :class:`GedcomNode` tree, each node carrying the number of the line it came from,
so the importer can name the line of anything it cannot accept. Nothing here knows about genorisk's
domain: mapping the tree to a family is :mod:`genorisk.interop.gedcom_read`.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import gedcom7
from ged4py.parser import GedcomReader, IntegrityError, ParserError

VOID_POINTER = "@VOID@"
_POINTER = re.compile(r"^@[^@#\s][^@]*@$")
_TRAILING_BLANKS = re.compile(rb"[ \t]+(?=\r\n|\r|\n|$)")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


class GedcomError(ValueError):
    """A GEDCOM file that cannot be imported; the message names the file, the line and the fault."""

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        self.source = source
        self.line = line
        self.problem = problem
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


@dataclass(slots=True, eq=False)
class GedcomNode:
    """One GEDCOM structure: its tag, payload (CONC/CONT already joined), line and substructures."""

    tag: str
    value: str
    line: int
    xref: str | None = None
    pointer: str | None = None
    """The record this line points at (``@I1@``), or None; ``@VOID@`` counts as None."""
    children: list[GedcomNode] = field(default_factory=list)

    def first(self, tag: str) -> GedcomNode | None:
        """The first substructure with this tag, or None."""
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def every(self, tag: str) -> Iterator[GedcomNode]:
        """Every substructure with this tag, in file order."""
        return (child for child in self.children if child.tag == tag)

    def text_of(self, tag: str) -> str:
        """The payload of the first substructure with this tag, or an empty string."""
        found = self.first(tag)
        return found.value if found else ""


@dataclass(frozen=True, slots=True)
class GedcomDocument:
    """A whole parsed file: its GEDCOM version, the encoding it was read with and its records."""

    source: str
    version: str
    """``HEAD.GEDC.VERS`` as written (e.g. ``5.5.1``, ``7.0.14``), or ``unknown``."""
    encoding: str
    records: tuple[GedcomNode, ...]
    """Every level-0 record, HEAD first and TRLR last."""
    notes: tuple[tuple[int | None, str], ...] = ()
    """Things the reader had to assume (encoding fallbacks), as (line, message)."""

    @property
    def header(self) -> GedcomNode:
        return self.records[0]

    @property
    def major_version(self) -> int:
        return 7 if self.version.startswith("7") else 5

    @property
    def source_system(self) -> str:
        """The program that wrote the file (``HEAD.SOUR``), or an empty string."""
        return self.header.text_of("SOUR")


def parse_gedcom_file(path: Path | str) -> GedcomDocument:
    """Parse a GEDCOM file; raise :class:`GedcomError` naming the line of the first fault."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GedcomError(path.name, None, f"cannot be read ({error.strerror or error})") from error
    return parse_gedcom_bytes(data, path.name)


def parse_gedcom_bytes(data: bytes, source: str = "GEDCOM data") -> GedcomDocument:
    """Parse GEDCOM bytes (any version and encoding); ``source`` names the data in error messages."""
    notes: list[tuple[int | None, str]] = []
    data, encoding = _as_utf8(data, source, notes)
    if not data.strip():
        raise GedcomError(source, None, "the file is empty")
    first_line = _LINE_BREAK.split(data.lstrip(b" \t"), maxsplit=1)[0].strip()
    if first_line != b"0 HEAD":
        raise GedcomError(source, 1, "not a GEDCOM file: the first line should be '0 HEAD'")
    body = data.rstrip()
    if _LINE_BREAK.split(body[-256:])[-1].strip() != b"0 TRLR":
        raise GedcomError(source, _line_of(body, len(body)),
                          "the file ends without its closing '0 TRLR' line; it may be cut short")
    version = _header_version(data)
    records = _parse_version_7(data, source) if version.startswith("7") else _parse_version_5(data, source)
    if not records or records[-1].tag != "TRLR":
        last = _last_line(records[-1]) if records else None
        raise GedcomError(source, last, "the file ends without its closing '0 TRLR' line; it may be cut short")
    return GedcomDocument(source, version, encoding, tuple(records), tuple(notes))


def _last_line(node: GedcomNode) -> int:
    """The line number of the last line of a structure (its last substructure's, recursively)."""
    while node.children:
        node = node.children[-1]
    return node.line + node.value.count("\n")


# --- encodings ---------------------------------------------------------------------------------------

_CHAR_TO_CODEC = {
    "UTF-8": "utf-8",
    "UTF8": "utf-8",
    "UNICODE": "utf-16",
    "ASCII": "ascii",
    "ANSEL": "ansel",
    "ANSI": "cp1252",
    "WINDOWS": "cp1252",
    "IBM WINDOWS": "cp1252",
    "IBM_WINDOWS": "cp1252",
    "CP1252": "cp1252",
    "WINDOWS-1252": "cp1252",
    "ISO-8859-1": "latin-1",
    "ISO8859-1": "latin-1",
    "LATIN1": "latin-1",
    "MACINTOSH": "mac-roman",
}
_CHAR_LINE = re.compile(rb"^[ \t]*1[ \t]+CHAR[ \t]+(?P<name>[^\r\n]*?)[ \t]*(?:\r\n|\r|\n)", re.MULTILINE)


def _as_utf8(data: bytes, source: str, notes: list[tuple[int | None, str]]) -> tuple[bytes, str]:
    """The file as UTF-8 bytes with no BOM (its ``HEAD.CHAR`` rewritten to match), and the encoding read.

    The encoding is taken from a byte-order mark, else from ``HEAD.CHAR``, else UTF-8 when the bytes
    are valid UTF-8, else ANSEL (the 5.5.1 default). If the bytes do not decode as declared, the file is
    read as Windows-1252 (then Latin-1, which always decodes) and a note says so.
    """
    declared = ""
    if data.startswith(codecs.BOM_UTF8):
        data, codec = data[len(codecs.BOM_UTF8) :], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        match = _CHAR_LINE.search(data[:4096])
        declared = match.group("name").decode("ascii", "replace").strip().upper() if match else ""
        codec = _CHAR_TO_CODEC.get(declared, "")
        if not codec:
            codec = "utf-8" if _decodes(data, "utf-8") else "ansel"
            if declared:
                notes.append((_line_of(data, match.start() if match else 0),
                              f"unknown character set '{declared}'; read as {_ENCODING_NAMES[codec]}"))
    text, used = _decode_with_fallback(data, codec, source, notes)
    if used == "ansel":  # ANSEL puts combining marks before their letter: compose them
        text = unicodedata.normalize("NFC", text)
    result = text.removeprefix("\ufeff").encode("utf-8")
    if used != "utf-8" or declared not in ("", "UTF-8"):
        result = _CHAR_LINE.sub(lambda m: m.group(0).replace(m.group("name"), b"UTF-8"), result, count=1)
    return result, _ENCODING_NAMES.get(used, used)


_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16", "ascii": "ASCII", "ansel": "ANSEL",
                   "cp1252": "Windows-1252", "latin-1": "Latin-1", "mac-roman": "Mac Roman"}


def _decode_with_fallback(
    data: bytes, codec: str, source: str, notes: list[tuple[int | None, str]]
) -> tuple[str, str]:
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as error:
        line = _line_of(data, error.start)
        for fallback in ("cp1252", "latin-1"):
            if fallback == codec:
                continue
            try:
                text = data.decode(fallback)
            except UnicodeDecodeError:
                continue
            notes.append((line, f"the file is not valid {_ENCODING_NAMES.get(codec, codec)} (first bad byte "
                                f"here); read as {_ENCODING_NAMES[fallback]}"))
            return text, fallback
        raise GedcomError(source, line, f"cannot be decoded as {codec}") from error  # pragma: no cover


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line number of a byte offset (CR, LF and CR LF all end a line)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _header_version(data: bytes) -> str:
    """``HEAD.GEDC.VERS`` read from the raw lines of the header, or ``unknown``."""
    in_gedc = False
    for number, raw in enumerate(_LINE_BREAK.split(data[:65536])):
        words = raw.split()
        if not words:
            continue
        if number and words[0] == b"0":
            break
        if len(words) >= 2 and words[0] == b"1":
            in_gedc = words[1] == b"GEDC"
        elif in_gedc and len(words) >= 3 and words[0] == b"2" and words[1] == b"VERS":
            return words[2].decode("ascii", "replace")
    return "unknown"


# --- GEDCOM 7 through gedcom7 --------------------------------------------------------------------------


def _parse_version_7(data: bytes, source: str) -> list[GedcomNode]:
    """Parse with ``gedcom7``; trailing blanks on a line (a common slip) are dropped first."""
    text = _TRAILING_BLANKS.sub(b"", data).decode("utf-8")
    try:
        structures = gedcom7.loads(text)
    except gedcom7.GedcomParseError as error:
        raise GedcomError(source, error.line_number, _describe_v7_problem(error.message)) from error
    return _nodes_from_v7(structures, _documented_extensions(structures))


def _describe_v7_problem(message: str) -> str:
    return message.replace("malformed line:", "this line is not valid GEDCOM 7:")


def _documented_extensions(structures: list[gedcom7.types.GedcomStructure]) -> dict[str, str]:
    """``HEAD.SCHMA.TAG`` declarations as URI → tag, so extension tags keep their written names."""
    found: dict[str, str] = {}
    header = structures[0]
    for schema in (c for c in header.children if c.tag == "SCHMA"):
        for declaration in (c for c in schema.children if c.tag == "TAG"):
            tag, _, uri = declaration.text.partition(" ")
            found[uri.strip()] = tag
    return found


def _nodes_from_v7(
    structures: list[gedcom7.types.GedcomStructure], uri_to_tag: dict[str, str]
) -> list[GedcomNode]:
    """Convert gedcom7's structures to nodes; line numbers follow from file order.

    ``gedcom7`` keeps every line, in order, and joins CONT lines into the payload with a newline, so
    a structure's line is one more than the last line of everything before it (a pre-order walk).
    """
    records: list[GedcomNode] = []
    line = 1
    pending: list[tuple[gedcom7.types.GedcomStructure, list[GedcomNode]]] = [
        (structure, records) for structure in reversed(structures)
    ]
    while pending:
        structure, siblings = pending.pop()
        text = structure.text
        pointer = structure.pointer
        node = GedcomNode(uri_to_tag.get(structure.tag, structure.tag), text, line, structure.xref,
                          pointer if pointer and pointer != VOID_POINTER else None)
        siblings.append(node)
        line += 1 + text.count("\n") if text else 1
        if structure.children:
            pending.extend((child, node.children) for child in reversed(structure.children))
    return records


# --- GEDCOM 5.x through ged4py -------------------------------------------------------------------------


def _parse_version_5(data: bytes, source: str) -> list[GedcomNode]:
    """Parse UTF-8 bytes with ged4py's line reader and assemble the tree, joining CONC/CONT."""
    records: list[GedcomNode] = []
    stack: list[GedcomNode] = []
    raw_values: dict[int, bytearray] = {}
    line = 0
    with GedcomReader(io.BytesIO(data), encoding="utf-8", errors="strict") as reader:
        try:
            for gline in reader.GedcomLines(0):
                line += 1
                level = gline.level
                if gline.tag in ("CONC", "CONT") and stack:
                    parent = stack[-1]
                    joined = raw_values.setdefault(id(parent), bytearray(parent.value.encode("utf-8")))
                    if gline.tag == "CONT":
                        joined += b"\n"
                    joined += (gline.value or b"").replace(b"@@", b"@")
                    continue
                if level > len(stack):
                    raise GedcomError(source, line, f"level {level} cannot follow level {len(stack) - 1}")
                del stack[level:]
                value = gline.value.decode("utf-8") if gline.value else ""
                pointer = value if value != VOID_POINTER and _POINTER.match(value) else None
                if pointer is None and "@@" in value:
                    value = value.replace("@@", "@")  # 5.x doubles every @ in a payload
                node = GedcomNode(gline.tag, value, line, gline.xref_id, pointer)
                if level == 0:
                    records.append(node)
                else:
                    stack[-1].children.append(node)
                stack.append(node)
        except (ParserError, IntegrityError) as error:
            # ged4py stops on the line after the last one it gave us
            raise GedcomError(source, line + 1, _describe_v5_problem(str(error))) from error
    if raw_values:
        _apply_joined_values(records, raw_values)
    return records


def _describe_v5_problem(message: str) -> str:
    """ged4py's message in plain words, without its own (identical) line number."""
    quoted = re.search(r"`(.*)'", message)
    text = f": '{quoted.group(1)}'" if quoted else ""
    if "level nesting" in message:
        return f"this line is more than one level deeper than the line before it{text}"
    if "CONC/CONT" in message:
        return f"this CONC or CONT line is not one level below the line it continues{text}"
    if "Invalid syntax" in message:
        return f"this line is not a GEDCOM line (a level number, an optional @id@, a tag, a value){text}"
    return re.sub(r"\s*at line \d+", "", message)


def _apply_joined_values(records: list[GedcomNode], raw_values: dict[int, bytearray]) -> None:
    """Decode payloads joined from CONC/CONT lines (joined as bytes: some programs split characters)."""
    pending = list(records)
    while pending:
        node = pending.pop()
        joined = raw_values.get(id(node))
        if joined is not None:
            node.value = bytes(joined).decode("utf-8", "replace")
        pending.extend(node.children)
