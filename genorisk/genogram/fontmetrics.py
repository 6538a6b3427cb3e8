"""Advance widths from a TrueType file, read with ``struct``: the layout's text metrics without reportlab.

The layout measures every label (:func:`genorisk.genogram.text.text_width`) at start-up. Parsing the
fonts through ``reportlab.pdfbase.ttfonts.TTFont`` builds a full character and glyph table for the whole
font and imports reportlab, which made measuring the first label cost about a quarter of a second.
This reader takes only what a width needs — ``head.unitsPerEm``, ``hhea.numberOfHMetrics``,
``maxp.numGlyphs``, the ``hmtx`` advances and one ``cmap`` subtable (format 4 or 12) — and looks a
character's glyph up only when that character is first measured.

The widths are exactly reportlab's (``TTFontFile.extractInfo`` and its pure-Python
``instanceStringWidthTTF``), so what the layout measures is what the PDF renderer draws:

* a character's width is its glyph's advance scaled to 1/1000 em (``advance * (1000 / unitsPerEm)``);
  glyphs past ``numberOfHMetrics`` reuse the last advance;
* a character the cmap does not map (or maps past ``numGlyphs``) has the width of glyph 0;
* the no-break space takes the width of the space (or the space the no-break space's, if only that one
  is mapped);
* the cmap subtable used is the last in the table's list that reportlab would accept (Unicode
  platform 0 except encoding 5, Windows platform 3, Macintosh Roman only if nothing better came first);
* a string's width is ``0.001 * size * sum(widths)``, summed left to right.
"""

from __future__ import annotations

import struct
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from pathlib import Path

_HEAD_MAGIC = 0x5F0F3CF5
_SFNT_VERSIONS = (b"\x00\x01\x00\x00", b"true")


class FontFileError(ValueError):
    """A font file that cannot be read as a TrueType font; the message names the file and the problem."""


class FontMetrics:
    """The advance widths of one TrueType face, measured as reportlab measures them."""

    def __init__(self, units_per_em: int, advances: tuple[int, ...], glyph_count: int,
                 glyph_of: Callable[[int], int | None]) -> None:
        self.units_per_em = units_per_em
        self._advances = advances
        self._glyph_count = glyph_count
        self._glyph_of = glyph_of
        self._scale = 1.0 if units_per_em == 1000 else 1000 / units_per_em
        self.default_width = self._scaled(advances[0])
        """Width of a character the font lacks (glyph 0's advance), in 1/1000 em."""
        self._widths: dict[int, float] = {}
        space_glyph, nbsp_glyph = glyph_of(0x20), glyph_of(0xA0)
        if space_glyph is not None:
            self._widths[0xA0] = self._widths[0x20] = self._glyph_width(space_glyph)
        elif nbsp_glyph is not None:
            self._widths[0x20] = self._widths[0xA0] = self._glyph_width(nbsp_glyph)

    def _scaled(self, advance: int) -> float:
        return advance if self.units_per_em == 1000 else advance * self._scale

    def _glyph_width(self, glyph: int) -> float:
        if glyph >= self._glyph_count:
            return self.default_width
        return self._scaled(self._advances[min(glyph, len(self._advances) - 1)])

    def char_width(self, code: int) -> float:
        """Width of the character with this code point, in 1/1000 em."""
        width = self._widths.get(code)
        if width is None:
            glyph = self._glyph_of(code)
            width = self.default_width if glyph is None else self._glyph_width(glyph)
            self._widths[code] = width
        return width

    def string_width(self, text: str, size: float) -> float:
        """Width in points of ``text`` at ``size`` points (no kerning, as reportlab)."""
        char_width = self.char_width
        return 0.001 * size * sum(char_width(ord(char)) for char in text)


def read_font_metrics(path: Path) -> FontMetrics:
    """Read the metrics of the TrueType font at ``path``; FontFileError if it cannot be used."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FontFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        return _parse(data)
    except FontFileError as exc:
        raise FontFileError(f"{path}: {exc}") from exc
    except (struct.error, IndexError) as exc:
        raise FontFileError(f"{path}: truncated or damaged font file") from exc


def _parse(data: bytes) -> FontMetrics:
    if data[:4] not in _SFNT_VERSIONS:
        raise FontFileError("not a TrueType font (only single .ttf files with TrueType outlines are read)")
    tables = _table_offsets(data)

    head = tables["head"]
    if struct.unpack_from(">H", data, head)[0] != 1:
        raise FontFileError("unknown head table version")
    if struct.unpack_from(">L", data, head + 12)[0] != _HEAD_MAGIC:
        raise FontFileError("invalid head table magic number")
    units_per_em = struct.unpack_from(">H", data, head + 18)[0]
    if units_per_em == 0:
        raise FontFileError("head.unitsPerEm is 0")

    hhea = tables["hhea"]
    if struct.unpack_from(">H", data, hhea)[0] != 1:
        raise FontFileError("unknown hhea table version")
    metric_format, metric_count = struct.unpack_from(">hH", data, hhea + 32)
    if metric_format != 0:
        raise FontFileError(f"unknown horizontal metric data format ({metric_format})")
    if metric_count == 0:
        raise FontFileError("the number of horizontal metrics is 0")

    maxp = tables["maxp"]
    glyph_count = struct.unpack_from(">H", data, maxp + 4)[0]
    if glyph_count == 0:
        raise FontFileError("the font has no glyphs")

    # hmtx holds (advance, left side bearing) pairs; only the advances matter here
    pairs = struct.unpack_from(f">{2 * metric_count}H", data, tables["hmtx"])
    advances = pairs[0::2]
    return FontMetrics(units_per_em, advances, glyph_count, _cmap_lookup(data, tables["cmap"]))


def _table_offsets(data: bytes) -> dict[str, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    tables: dict[str, int] = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * index)
        if offset + length > len(data):
            raise FontFileError(f"table {tag.decode('latin-1')!r} runs past the end of the file")
        tables[tag.decode("latin-1")] = offset
    missing = [name for name in ("head", "hhea", "maxp", "hmtx", "cmap") if name not in tables]
    if missing:
        raise FontFileError(f"missing table(s): {', '.join(missing)}")
    return tables


def _cmap_lookup(data: bytes, cmap: int) -> Callable[[int], int | None]:
    """The chosen subtable's code point -> glyph look-up (None for a code it does not map)."""
    version, count = struct.unpack_from(">HH", data, cmap)
    if count == 0 and version != 0:  # reportlab's tolerance of swapped header fields
        count = version
    chosen: int | None = None
    kind = 0
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", data, cmap + 4 + 8 * index)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            kind, chosen = 1, offset
        elif platform == 1 and encoding == 0 and kind != 1:
            kind, chosen = 2, offset
    if chosen is None:
        raise FontFileError("no suitable cmap subtable")
    start = cmap + chosen
    subtable_format = struct.unpack_from(">H", data, start)[0]
    if subtable_format == 4:
        return _format4(data, start)
    if subtable_format == 12:
        return _format12(data, start)
    raise FontFileError(f"cmap subtable format {subtable_format} is not read (formats 4 and 12 are)")


def _format4(data: bytes, start: int) -> Callable[[int], int | None]:
    length = struct.unpack_from(">H", data, start + 2)[0]
    limit = min(start + length, len(data))  # a length past the end of the file is not believed
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends_at = start + 14
    end_codes = struct.unpack_from(f">{segments}H", data, ends_at)
    start_codes = struct.unpack_from(f">{segments}H", data, ends_at + 2 * segments + 2)
    deltas = struct.unpack_from(f">{segments}h", data, ends_at + 4 * segments + 2)
    range_offsets_at = ends_at + 6 * segments + 2
    range_offsets = struct.unpack_from(f">{segments}H", data, range_offsets_at)

    def glyph_of(code: int) -> int | None:
        segment = bisect_left(end_codes, code)
        if segment == segments or start_codes[segment] > code:
            return None
        if range_offsets[segment] == 0:
            return int(code + deltas[segment]) & 0xFFFF
        where = range_offsets_at + 2 * segment + range_offsets[segment] + 2 * (code - start_codes[segment])
        if where + 2 > limit:  # as reportlab: a broken font's out-of-range offset means glyph 0
            return 0
        glyph: int = struct.unpack_from(">H", data, where)[0]
        return (glyph + deltas[segment]) & 0xFFFF if glyph else 0

    return glyph_of


def _format12(data: bytes, start: int) -> Callable[[int], int | None]:
    groups = struct.unpack_from(">L", data, start + 12)[0]
    values = struct.unpack_from(f">{3 * groups}L", data, start + 16)
    first_codes, last_codes, first_glyphs = values[0::3], values[1::3], values[2::3]

    def glyph_of(code: int) -> int | None:
        group = bisect_right(first_codes, code) - 1
        if group < 0 or code > last_codes[group]:
            return None
        return int(first_glyphs[group] + code - first_codes[group])

    return glyph_of
