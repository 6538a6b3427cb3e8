"""Print and export: every page carries the protective marking top and bottom and 'Page X of Y';
tiles never cut a symbol or label; files are named after the case reference, never a child."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage, QPageLayout
from PySide6.QtPrintSupport import QPrinter

from genorisk.domain.record import CaseRecord
from genorisk.ui.canvas.layout import compute_geometry
from genorisk.ui.canvas.painting import drawing_bounds
from genorisk.ui.main_window import MainWindow
from genorisk.ui.printing import (
    PrintOptions,
    default_file_name,
    export_png,
    export_svg,
    obstacles_of,
    plan_pages,
    render_to_printer,
)
from genorisk.ui.tiling import cut_through


def pdf_pages(path: Path) -> list[str]:
    """Each page's text with runs of white space (Qt writes words apart) made single spaces."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def print_to_pdf(path: Path, demo: CaseRecord, options: PrintOptions, marking: str = "OFFICIAL-SENSITIVE") -> int:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return render_to_printer(printer, compute_geometry(demo), options, marking, f"Case {demo.case.reference}")


def test_fit_to_one_a4_page_through_qprinter(qtbot: Any, tmp_path: Path, demo: CaseRecord) -> None:
    target = tmp_path / "fit.pdf"
    assert print_to_pdf(target, demo, PrintOptions(paper="A4", mode="fit")) == 1
    (text,) = pdf_pages(target)
    assert text.count("OFFICIAL-SENSITIVE") == 2, "marking at the top and at the bottom"
    assert "Page 1 of 1" in text
    assert "Kayleigh Ashby" in text and "Case DEMO-0001" in text
    reader = PdfReader(str(target))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(max(width, height) - 842) < 3 and abs(min(width, height) - 595) < 3, "A4"


def test_tiled_across_a3_portrait_pages_every_page_marked(qtbot: Any, tmp_path: Path, demo: CaseRecord) -> None:
    target = tmp_path / "tiled.pdf"
    options = PrintOptions(paper="A3", orientation="portrait", mode="tile", scale=2.5)
    pages = print_to_pdf(target, demo, options, marking="Official-Sensitive: personal")
    texts = pdf_pages(target)
    assert pages == len(texts) > 1
    for number, text in enumerate(texts, start=1):
        assert text.count("OFFICIAL-SENSITIVE: PERSONAL") == 2
        assert f"Page {number} of {pages}" in text
    reader = PdfReader(str(target))
    page = reader.pages[0]
    assert float(page.mediabox.height) > float(page.mediabox.width), "portrait"
    assert abs(float(page.mediabox.height) - 1191) < 3, "A3"


def test_tile_cuts_fall_between_people(qtbot: Any, demo: CaseRecord) -> None:
    geometry = compute_geometry(demo)
    options = PrintOptions(paper="A4", orientation="landscape", mode="tile", scale=3.0)
    printable = options.page_layout(drawing_bounds(geometry)).paintRectPoints()
    plan = plan_pages(geometry, options, QSizeF(printable.width(), printable.height()))
    assert len(plan.tiles) > 2
    assert cut_through(plan.tiles, obstacles_of(geometry)) == []
    assert plan.legend_page and plan.pages == len(plan.tiles) + 1


def test_orientation_follows_the_drawing_when_asked(qtbot: Any, demo: CaseRecord) -> None:
    geometry = compute_geometry(demo)
    wide = drawing_bounds(geometry)
    assert wide.width() > wide.height()
    assert PrintOptions(orientation="auto").resolved_orientation(wide) is QPageLayout.Orientation.Landscape
    assert PrintOptions(orientation="portrait").resolved_orientation(wide) is QPageLayout.Orientation.Portrait


def test_png_and_svg_exports_carry_the_marking(qtbot: Any, tmp_path: Path, demo: CaseRecord) -> None:
    geometry = compute_geometry(demo)
    png = tmp_path / default_file_name(demo.case.reference, ".png")
    size = export_png(png, geometry, "OFFICIAL-SENSITIVE", "Case DEMO-0001")
    image = QImage(str(png))
    assert not image.isNull() and image.size() == size and image.width() > 1000
    svg = tmp_path / default_file_name(demo.case.reference, ".svg")
    export_svg(svg, geometry, "OFFICIAL-SENSITIVE", "Case DEMO-0001")
    text = svg.read_text(encoding="utf-8")
    assert "<title>OFFICIAL-SENSITIVE" in text and text.count("OFFICIAL-SENSITIVE") >= 3
    assert not list(tmp_path.glob(".*")), "no temporary files left behind"


def test_file_names_use_the_case_reference_never_a_name(qtbot: Any) -> None:
    assert default_file_name("CIN/2025 0142", ".pdf") == "CIN-2025-0142-genogram.pdf"


def test_export_from_the_window_runs_in_the_background(qtbot: Any, tmp_path: Path, window: MainWindow,
                                                       demo: CaseRecord) -> None:
    window.settings.protective_marking = "OFFICIAL"
    window.open_case(demo.case.id)
    target = tmp_path / "from-window.pdf"
    window.export_genogram("pdf", target, PrintOptions(mode="fit"))
    qtbot.waitUntil(target.exists, timeout=15000)
    (text,) = pdf_pages(target)
    assert text.count("OFFICIAL") == 2 and "OFFICIAL-SENSITIVE" not in text


def test_print_preview_shows_the_pages_that_will_print(qtbot: Any, tmp_path: Path, window: MainWindow,
                                                       demo: CaseRecord) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    options = PrintOptions(paper="A4", orientation="portrait", mode="tile", scale=2.5)
    expected = print_to_pdf(tmp_path / "same.pdf", demo, options)
    assert window.open_case(demo.case.id) and window.workspace is not None
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.geometry_model is not None)
    assert window.print_preview_action.isEnabled()
    import gc

    pages = window.preview_genogram(options).findChild(QPrintPreviewWidget)
    gc.collect()  # the dialog must keep its printer alive by itself (a freed QPrinter crashes Qt)
    pages.updatePreview()
    qtbot.waitUntil(lambda: pages.pageCount() > 0)
    assert pages.pageCount() == expected > 1
    window._print_preview[0].reject()
    qtbot.waitUntil(lambda: window._print_preview is None)  # printer released only once the dialog is gone


def test_file_print_preview_asks_for_the_options_then_shows_the_pages(qtbot: Any, window: MainWindow,
                                                                       demo: CaseRecord, modal: Any) -> None:
    """Through the menu action, as a practitioner does: the options dialog first, then the pages."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QDialogButtonBox

    from genorisk.ui.printing import PrintOptionsDialog

    assert window.open_case(demo.case.id) and window.workspace is not None
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.geometry_model is not None)
    asked: list[str] = []

    def choose_a4_fit(dialog: PrintOptionsDialog) -> None:
        asked.append(dialog.windowTitle())
        asked.append(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).text())
        dialog.paper.setCurrentText("A4")
        dialog.fit.setChecked(True)
        dialog.accept()

    modal.expect(PrintOptionsDialog, choose_a4_fit)
    window.print_preview_action.trigger()
    assert asked == ["Print preview", "Preview"]
    assert window._print_preview is not None
    pages = window._print_preview[0].findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: pages.pageCount() > 0)
    assert pages.pageCount() == 1
    window._print_preview[0].reject()
