"""The layout's own TrueType reader gives reportlab's widths exactly, and measuring needs no reportlab."""

from __future__ import annotations

import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from genorisk.genogram import text
from genorisk.genogram.fontmetrics import FontFileError, read_font_metrics

FOLDER = next((Path(folder) for folder in text._FONT_FOLDERS
               if all((Path(folder) / name).is_file() for name in text._FACES.values())), None)
needs_dejavu = pytest.mark.skipif(FOLDER is None, reason="DejaVu Sans is not installed in a known font folder")

SAMPLES = (
    "", " ", "Jo Smith", "b. 12/03/1990", "0123456789", "Zoë Ångström-Öberg", "née Brown (c. 1962)",
    "…", "Ñandú — «café» crème brûlée", "Łódź Šťastný Ærø", "½ ¾ © ® ™ • ✓", "\u00a0non\u00a0break",
    "Ω λ π Ж я", "a\u0301 combining", "𝔸 outside the BMP", "\ufffd\uffff unmapped",
)
SIZES = (5.0, 7.5, 8.0, 9.5, 12.0, 33.3)


@pytest.fixture(params=sorted(text._FACES))
def face(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@needs_dejavu
def test_widths_equal_reportlabs_in_every_face_at_every_size(face: str) -> None:
    assert FOLDER is not None
    path = FOLDER / text._FACES[face]
    ours = read_font_metrics(path)
    theirs = TTFont(f"test-{face}", str(path))
    for sample in SAMPLES:
        for size in SIZES:
            assert ours.string_width(sample, size) == pytest.approx(theirs.stringWidth(sample, size), abs=1e-6), (
                face, sample, size)
    assert ours.default_width == theirs.face.defaultWidth


@needs_dejavu
def test_every_character_of_the_regular_face_matches() -> None:
    """Every code point of the Basic Multilingual Plane and the next, mapped or not."""
    assert FOLDER is not None
    path = FOLDER / text._FACES["regular"]
    ours, theirs = read_font_metrics(path), TTFont("test-all", str(path)).face
    different = [code for code in range(0x20000)
                 if ours.char_width(code) != theirs.charWidths.get(code, theirs.defaultWidth)]
    assert different == []


def _without_format12(source: Path, target: Path) -> Path:
    """A copy of the font whose format-12 cmap subtables are hidden (moved to an unused platform),
    so both readers fall back to the format-4 subtable."""
    data = bytearray(source.read_bytes())
    tables = {}
    for index in range(struct.unpack_from(">H", data, 4)[0]):
        tag, _checksum, offset, _length = struct.unpack_from(">4sLLL", data, 12 + 16 * index)
        tables[tag] = offset
    cmap = tables[b"cmap"]
    hidden = 0
    for index in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        entry = cmap + 4 + 8 * index
        offset = struct.unpack_from(">L", data, entry + 4)[0]
        if struct.unpack_from(">H", data, cmap + offset)[0] == 12:
            struct.pack_into(">H", data, entry, 2)  # platform 2 (ISO) is never chosen
            hidden += 1
    assert hidden, "the test font has no format-12 subtable to hide"
    target.write_bytes(bytes(data))
    return target


@needs_dejavu
def test_the_format_4_subtable_gives_the_same_widths(tmp_path: Path) -> None:
    assert FOLDER is not None
    path = _without_format12(FOLDER / text._FACES["bold"], tmp_path / "format4.ttf")
    ours, theirs = read_font_metrics(path), TTFont("test-format4", str(path))
    different = [code for code in range(0x10000)
                 if ours.char_width(code) != theirs.face.charWidths.get(code, theirs.face.defaultWidth)]
    assert different == []
    for sample in SAMPLES:
        assert ours.string_width(sample, 9.0) == pytest.approx(theirs.stringWidth(sample, 9.0), abs=1e-6)


@pytest.mark.parametrize("content, problem", [
    (b"", "not a TrueType font"),
    (b"OTTO" + bytes(40), "not a TrueType font"),
    (b"\x00\x01\x00\x00\x00\x01" + bytes(6), "truncated or damaged"),
])
def test_a_damaged_font_file_is_refused_naming_it(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "broken.ttf"
    path.write_bytes(content)
    with pytest.raises(FontFileError, match=problem) as caught:
        read_font_metrics(path)
    assert str(path) in str(caught.value)


def test_a_missing_font_file_is_refused_naming_it(tmp_path: Path) -> None:
    with pytest.raises(FontFileError, match="cannot read") as caught:
        read_font_metrics(tmp_path / "absent.ttf")
    assert "absent.ttf" in str(caught.value)


@pytest.fixture
def no_dejavu(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """text.py as on a machine without DejaVu Sans (caches emptied before and after)."""
    def clear() -> None:
        for cached in (text._font_folder, text._metrics, text._registered, text.text_width):
            cached.cache_clear()

    clear()
    monkeypatch.setattr(text, "_FONT_FOLDERS", ("/nonexistent/fonts",))
    yield
    monkeypatch.undo()
    clear()


def test_without_dejavu_helvetica_metrics_are_widened(no_dejavu: None) -> None:
    for bold, italic, name in ((False, False, "Helvetica"), (True, False, "Helvetica-Bold"),
                               (False, True, "Helvetica-Oblique"), (True, True, "Helvetica-BoldOblique")):
        assert text.pdf_font(bold, italic) == name
        expected = pdfmetrics.stringWidth("Jo Smith (b. 1990)", name, 8.0) * text.FALLBACK_WIDENING
        assert text.text_width("Jo Smith (b. 1990)", 8.0, bold, italic) == pytest.approx(expected, abs=1e-9)


def test_a_damaged_face_falls_back_to_helvetica(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                no_dejavu: None) -> None:
    for name in text._FACES.values():
        (tmp_path / name).write_bytes(b"not a font")
    monkeypatch.setattr(text, "_FONT_FOLDERS", (str(tmp_path),))
    expected = pdfmetrics.stringWidth("Alex", "Helvetica", 10.0) * text.FALLBACK_WIDENING
    assert text.text_width("Alex", 10.0) == pytest.approx(expected, abs=1e-9)
    assert text.pdf_font() == "Helvetica"


@needs_dejavu
def test_text_width_measures_with_dejavu_as_the_pdf_draws_it() -> None:
    font = text.pdf_font(bold=True)
    assert font == "GenoriskSans-Bold"
    for sample in SAMPLES:
        assert text.text_width(sample, 7.5, bold=True) == pytest.approx(pdfmetrics.stringWidth(sample, font, 7.5),
                                                                       abs=1e-6)


def test_laying_out_a_family_imports_neither_reportlab_nor_jsonschema_nor_networkx() -> None:
    """The start-up path (validation, risk markers, every rule for the prompt badges, layout) stays free
    of the slow imports."""
    code = (
        "import sys\n"
        "from genorisk.domain.record import CaseRecord\n"
        "from genorisk.domain.validation import validate\n"
        "from genorisk.genogram.layout import layout_case\n"
        "from genorisk.genogram.synthetic import synthetic_case\n"
        "from genorisk.risk.markers import genogram_markers, risk_markers\n"
        "import genorisk.genogram.draw\n"
        "slow = ('reportlab', 'jsonschema', 'networkx')\n"
        "case, entities = synthetic_case(60, seed=2)\n"
        "record = CaseRecord.build(case, entities)\n"
        "validate(record)\n"
        "assert layout_case(record, markers=risk_markers(record)).symbols\n"
        "print(' '.join(name for name in slow if name in sys.modules))\n"
        "layout_case(record, markers=genogram_markers(record))\n"
        "print(' '.join(name for name in slow if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.splitlines() == ["", ""]


def test_one_damaged_face_falls_back_alone_and_alike_for_measuring_and_drawing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, no_dejavu: None) -> None:
    monkeypatch.undo()  # find the real fonts first
    real = text._font_folder()
    text._font_folder.cache_clear()
    if real is None:
        pytest.skip("DejaVu Sans is not installed (make setup installs it)")
    for face, name in text._FACES.items():
        (tmp_path / name).write_bytes(b"not a font" if face == "bold" else (real / name).read_bytes())
    monkeypatch.setattr(text, "_FONT_FOLDERS", (str(tmp_path),))
    # bold: Helvetica-Bold for both the layout's measure and the PDF
    assert text.pdf_font(bold=True) == "Helvetica-Bold"
    expected = pdfmetrics.stringWidth("Alex", "Helvetica-Bold", 10.0) * text.FALLBACK_WIDENING
    assert text.text_width("Alex", 10.0, bold=True) == pytest.approx(expected, abs=1e-9)
    # the other faces stay DejaVu Sans, measured and drawn alike
    assert text.pdf_font() == "GenoriskSans"
    assert text.text_width("Alex", 10.0) == pytest.approx(pdfmetrics.stringWidth("Alex", "GenoriskSans", 10.0),
                                                          abs=1e-6)
