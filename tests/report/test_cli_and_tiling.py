"""``genorisk report`` on a real database, and big genograms tiled without cutting anyone."""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from genorisk.cli.main import main
from genorisk.domain.record import CaseRecord
from genorisk.genogram.layout import layout_case
from genorisk.genogram.synthetic import synthetic_case
from genorisk.report.context import LANDSCAPE
from genorisk.report.tiling import cut_through, obstacles, plan_tiles
from genorisk.store.repository import Store


def test_report_command_writes_the_default_file_name(store: Store, demo: CaseRecord, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", "DEMO-0001", "--as-at", "26/11/2026"]) == 0
    written = capsys.readouterr().out.strip()
    assert written == "DEMO-0001-summary-2026-11-26.pdf"
    reader = PdfReader(BytesIO((tmp_path / written).read_bytes()))
    first = reader.pages[0].extract_text() or ""
    assert "OFFICIAL-SENSITIVE" in first and f"Page 1 of {len(reader.pages)}" in first
    assert os.environ["GENORISK_USER"] in first


def test_report_command_marking_and_parents_copy(store: Store, demo: CaseRecord, tmp_path: Path) -> None:
    target = tmp_path / "out" / "copy.pdf"
    assert main(["report", "DEMO-0001", "-o", str(target), "--marking", "official", "--for-parents"]) == 0
    text = PdfReader(BytesIO(target.read_bytes())).pages[0].extract_text() or ""
    assert "OFFICIAL" in text and "OFFICIAL-SENSITIVE" not in text and "parents" in text


@pytest.mark.parametrize(("argv", "message"), [
    (["report", "NO-SUCH-CASE"], "no case with reference 'NO-SUCH-CASE'"),
    (["report", "DEMO-0001", "-o", "summary.docx"], "name the file .pdf"),
    (["report", "DEMO-0001", "--as-at", "31/02/2026"], "--as-at"),
    (["ecomap", "DEMO-0001", "-o", "map.gif"], "write the ecomap as"),
])
def test_bad_input_exits_2_with_one_line(store: Store, demo: CaseRecord, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                         argv: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    error = capsys.readouterr().err.strip()
    assert message in error and "\n" not in error
    assert not list(tmp_path.glob("*.pdf"))


def test_ecomap_command_writes_svg(store: Store, demo: CaseRecord, tmp_path: Path) -> None:
    target = tmp_path / "ecomap.svg"
    assert main(["ecomap", "DEMO-0001", "-o", str(target), "--as-at", "26/11/2026"]) == 0
    assert "Riverside Medical Practice" in target.read_text(encoding="utf-8")


def test_a_1000_person_genogram_is_tiled_without_cutting_a_symbol_or_label() -> None:
    case, entities = synthetic_case(1000, seed=3)
    geometry = layout_case(CaseRecord.build(case, entities))
    plan = plan_tiles(geometry, LANDSCAPE[0] - 85, LANDSCAPE[1] - 145)
    assert len(plan.tiles) > 1 and plan.scale >= 0.6
    assert cut_through(plan, obstacles(geometry)) == []
    for symbol in geometry.symbols:  # every person is on exactly one page
        assert sum(tile.contains_box(symbol.footprint) for tile in plan.tiles) == 1


def test_a_small_family_fits_one_page() -> None:
    case, entities = synthetic_case(10, seed=1)
    geometry = layout_case(CaseRecord.build(case, entities))
    plan = plan_tiles(geometry, LANDSCAPE[0] - 85, LANDSCAPE[1] - 145)
    assert len(plan.tiles) == 1 and plan.tiles[0] == geometry.bounds


def test_the_light_section_list_matches_the_report() -> None:
    from genorisk.report.options import SECTION_TITLES
    from genorisk.report.summary import SECTIONS

    assert tuple(section.title for section in SECTIONS) == SECTION_TITLES
