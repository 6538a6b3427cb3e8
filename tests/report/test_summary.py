"""The summary PDF, read back with pypdf: every section, the marking and 'Page X of Y' on every page,
the right fonts, atomic writing, Cancel."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from genorisk.domain.record import CaseRecord
from genorisk.report import SECTIONS, ReportCancelled, build_summary, write_summary
from genorisk.report import summary as summary_module
from genorisk.report.summary import section_heading
from tests.report.conftest import options


@pytest.fixture(scope="module")
def demo_pdf(demo_record: CaseRecord) -> PdfReader:
    return PdfReader(BytesIO(build_summary(demo_record, options())))


def _pages(reader: PdfReader) -> list[str]:
    return [page.extract_text() or "" for page in reader.pages]


def test_every_section_is_there_in_order(demo_pdf: PdfReader) -> None:
    text = "\n".join(_pages(demo_pdf))
    positions = []
    for number, section in enumerate(SECTIONS, 1):
        heading = section_heading(number, section)
        assert heading in text, heading
        positions.append(text.index(heading))
    assert positions == sorted(positions)
    assert len(SECTIONS) == 15


def test_every_page_has_the_marking_top_and_bottom_and_page_x_of_y(demo_pdf: PdfReader) -> None:
    pages = _pages(demo_pdf)
    total = len(pages)
    assert total > 5
    for number, text in enumerate(pages, 1):
        assert text.count("OFFICIAL-SENSITIVE") >= 2, f"page {number}"
        assert f"Page {number} of {total}" in text, f"page {number}"
        assert "Case DEMO-0001" in text
        assert "Generated 26/11/2026 10:30 by Priya Shah" in text


def test_the_genogram_is_on_a_landscape_page(demo_pdf: PdfReader) -> None:
    pages = _pages(demo_pdf)
    genogram_page = next(i for i, text in enumerate(pages) if "4. Genogram" in text)
    box = demo_pdf.pages[genogram_page].mediabox
    assert float(box.width) > float(box.height)
    assert "Rowan Pryce" in pages[genogram_page] and "Key" in pages[genogram_page]
    first = demo_pdf.pages[0].mediabox
    assert float(first.width) < float(first.height)


def test_the_marking_is_configurable(demo_record: CaseRecord) -> None:
    reader = PdfReader(BytesIO(build_summary(demo_record, options(marking="OFFICIAL"))))
    for text in _pages(reader):
        assert "OFFICIAL" in text and "OFFICIAL-SENSITIVE" not in text
    assert reader.metadata is not None and "OFFICIAL" in (reader.metadata.subject or "")


def test_the_case_file_facts_a_supervisor_looks_for(demo_pdf: PdfReader) -> None:
    text = re.sub(r"\s+", " ", "\n".join(_pages(demo_pdf)))
    assert "Riverside Medical Practice" in text and "GAP" in text           # an agency that does not know
    assert "OVERDUE by 64 days" in text                                        # an overdue action
    assert "AWAITING SIGN-OFF" in text                                         # supervision awaiting sign-off
    assert "DOES NOT KNOW STATUS" in text                                      # the ecomap says it in words
    assert "SELF-REPORT ONLY" in text                                          # facts resting on self-report
    assert "NOT YET ACTIONED OR OVERRIDDEN" in text                            # prompts and decisions


def test_pound_dash_and_apostrophe_survive(demo_pdf: PdfReader) -> None:
    text = "\n".join(_pages(demo_pdf))
    assert "£250 – Kayleigh’s benefits" in re.sub(r"\s+", " ", text)
    fonts = set()
    for page in demo_pdf.pages[:2]:
        resources = page["/Resources"]["/Font"]
        fonts |= {str(resources[key]["/BaseFont"]) for key in resources}
    assert any("DejaVu" in font for font in fonts) or any("Helvetica" in font for font in fonts)


def test_the_pdf_is_written_atomically_and_not_at_all_when_the_build_fails(
        demo_record: CaseRecord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"the previous report")

    def broken(_ctx: object) -> list[object]:
        raise RuntimeError("a section failed")

    sections = list(summary_module.SECTIONS)
    sections[5] = summary_module.Section("Risk factors", broken)  # type: ignore[arg-type]
    monkeypatch.setattr(summary_module, "SECTIONS", tuple(sections))
    with pytest.raises(RuntimeError, match="a section failed"):
        write_summary(demo_record, target, options())
    assert target.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")] == ["summary.pdf"]


def test_cancel_stops_the_build_and_writes_nothing(demo_record: CaseRecord, tmp_path: Path) -> None:
    seen: list[int] = []
    target = tmp_path / "summary.pdf"
    with pytest.raises(ReportCancelled):
        write_summary(demo_record, target, options(), progress=lambda percent, _words: seen.append(percent),
                      cancelled=lambda: len(seen) >= 3)
    assert not target.exists()
    assert seen == sorted(seen) and len(seen) == 3


def test_progress_reaches_100(demo_record: CaseRecord, tmp_path: Path) -> None:
    seen: list[tuple[int, str]] = []
    write_summary(demo_record, tmp_path / "s.pdf", options(), progress=lambda p, w: seen.append((p, w)))
    assert seen[-1] == (100, "Done") and any(words == "Ecomap" for _, words in seen)
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")


def test_a_nearly_empty_case_still_gives_every_section() -> None:
    from tests.builders import Family

    family = Family()
    family.person("only", born="2025-01-01", is_subject_child=True)
    reader = PdfReader(BytesIO(build_summary(family.record, options())))
    text = "\n".join(_pages(reader))
    for number, section in enumerate(SECTIONS, 1):
        assert section_heading(number, section) in text
    assert "No agencies are recorded on this case." in text
    assert "No record of Only Test's voice or lived experience" in text
