"""The Summary panel: build the assessment summary PDF off the GUI thread (with progress and Cancel),
preview its pages, save it under a name from the case reference, and print it.

PySide6-Essentials has no QtPdf, so the preview shows page images made by poppler's ``pdftoppm`` when
it is installed; without it the panel lists the report's sections instead, and Save still works.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from genorisk.interop.atomic import write_bytes_atomically
from genorisk.report.options import (
    DEFAULT_MARKING,
    SECTION_TITLES,
    RedactionProfile,
    ReportOptions,
    default_file_name,
)
from genorisk.ui.network.common import button, warn
from genorisk.ui.panels import PanelContext

PREVIEW_DPI = 60
PRINT_DPI = 150


@dataclass(frozen=True)
class BuiltReport:
    pdf: bytes
    pages: tuple[Path, ...]
    """Preview images, one per page (empty without pdftoppm)."""
    options: ReportOptions


def render_pages(pdf: bytes, dpi: int, folder: Path) -> tuple[Path, ...]:
    """PNG images of the PDF's pages through pdftoppm, or () when it is not installed."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return ()
    source = folder / "summary.pdf"
    source.write_bytes(pdf)
    subprocess.run([tool, "-png", "-r", str(dpi), str(source), str(folder / "page")], check=True,
                   capture_output=True, timeout=120)
    return tuple(sorted(folder.glob("page-*.png")))


def _orientation(image: QImage) -> QPageLayout.Orientation:
    return (QPageLayout.Orientation.Landscape if image.width() > image.height()
            else QPageLayout.Orientation.Portrait)


class SummaryPanel(QWidget):
    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("summaryPanel")
        self.setAccessibleName("Assessment summary")
        self.built: BuiltReport | None = None
        self._folder = tempfile.TemporaryDirectory(prefix="genorisk-summary-")
        self.task: object | None = None
        layout = QVBoxLayout(self)
        options = QHBoxLayout()
        options.addWidget(QLabel("&Marking:"))
        self.marking = QLineEdit(self._default_marking())
        self.marking.setObjectName("summaryMarking")
        self.marking.setAccessibleName("Protective marking")
        self.marking.setMinimumWidth(self.marking.fontMetrics().horizontalAdvance("OFFICIAL-SENSITIVE") + 24)
        options.itemAt(0).widget().setBuddy(self.marking)  # type: ignore[union-attr]
        options.addWidget(self.marking)
        self.profile = QComboBox()
        self.profile.setObjectName("summaryProfile")
        self.profile.setAccessibleName("Who the report is for")
        for profile in RedactionProfile:
            self.profile.addItem(profile.label, profile)
        options.addWidget(self.profile)
        layout.addLayout(options)
        actions = QHBoxLayout()
        self.preview_button = button("&Preview", "summaryPreview", self.preview, "Build the summary and show its pages")
        self.save_button = button("&Save PDF…", "summarySave", self.save)
        self.print_button = button("P&rint…", "summaryPrint", self.print_)
        for widget in (self.preview_button, self.save_button, self.print_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.status = QLabel("Press Preview to build the summary.")
        self.status.setObjectName("summaryStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setObjectName("summaryPages")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        layout.addWidget(scroll, 1)
        self.outline = QListWidget()
        self.outline.setObjectName("summaryOutline")
        self.outline.setAccessibleName("Sections of the summary")
        for number, title in enumerate(SECTION_TITLES, 1):
            self.outline.addItem(f"{number}. {title}")
        layout.addWidget(self.outline)
        if shutil.which("pdftoppm") is None:
            self.print_button.setEnabled(False)
            self.print_button.setToolTip("Printing needs poppler's pdftoppm: install poppler-utils. "
                                         "Save the PDF and print it from a PDF reader instead.")
        context.record_changed.connect(lambda *_: self._stale())

    def _default_marking(self) -> str:
        settings = self.context.settings
        marking = getattr(settings, "protective_marking", None) if settings is not None else None
        return str(marking) if marking else DEFAULT_MARKING

    def _stale(self) -> None:
        if self.built is not None:
            self.status.setText("The case has changed since the preview: press Preview to rebuild it.")
        self.built = None

    def options(self) -> ReportOptions:
        return ReportOptions(generated_by=self.context.user, generated_at=datetime.now(),
                             marking=self.marking.text().strip() or DEFAULT_MARKING,
                             redaction=RedactionProfile(self.profile.currentData()), today=date.today())

    # --- building off the GUI thread ---------------------------------------------------------------
    def build(self, then: object = None, dpi: int = PREVIEW_DPI, show: bool = True) -> None:
        """Build the report in the background; then show the pages (unless ``show`` is False) and call
        ``then(built)`` if given."""
        record = self.context.record
        options = self.options()
        folder = Path(tempfile.mkdtemp(dir=self._folder.name))

        def work(progress: object, cancelled: object) -> BuiltReport:
            # reportlab loads only when a summary is first built, not at start-up
            from genorisk.report.summary import ReportCancelled, build_summary

            def report(percent: int, words: str) -> None:
                progress(percent, 100, words)  # type: ignore[operator]

            try:
                pdf = build_summary(record, options, report, cancelled)  # type: ignore[arg-type]
            except ReportCancelled:
                from genorisk.ui.background import Cancelled

                raise Cancelled() from None
            report(95, "Drawing the preview")
            return BuiltReport(pdf, render_pages(pdf, dpi, folder), options)

        def done(built: BuiltReport) -> None:
            self.task = None
            if show:
                self.built = built
                self._show(built)
            if callable(then):
                then(built)

        def failed(error: BaseException) -> None:
            self.task = None
            self.status.setText(f"The summary could not be built: {error}")
            warn(self, "Summary not built", str(error))

        def cancelled() -> None:
            self.task = None
            self.status.setText("Cancelled: nothing was built.")

        self.status.setText("Building the summary…")
        self.task = self.context.run_in_background(self, "Building the assessment summary…", work, done, failed,
                                                   cancelled)

    def preview(self) -> None:
        self.build()

    def _show(self, built: BuiltReport) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if built.pages:
            for number, page in enumerate(built.pages, 1):
                label = QLabel()
                label.setPixmap(QPixmap(str(page)))
                label.setAccessibleName(f"Page {number} of {len(built.pages)}")
                label.setFrameShape(QLabel.Shape.Box)
                self.pages_layout.addWidget(label)
            self.outline.hide()
        else:
            self.outline.show()
        pages = f"{len(built.pages)} pages, " if built.pages else ""
        self.status.setText(f"Summary built: {pages}{built.options.redaction.label.lower()}, marked "
                            f"{built.options.marking}. Save or print it; the file name uses the case reference.")

    # --- save and print -----------------------------------------------------------------------------
    def suggested_name(self) -> str:
        return default_file_name(self.context.record, date.today(), RedactionProfile(self.profile.currentData()))

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the assessment summary", self.suggested_name(),
                                              "PDF (*.pdf)")
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Build (unless the preview is current) and write the PDF atomically."""
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def write(built: BuiltReport) -> None:
            try:
                write_bytes_atomically(path, built.pdf)
            except OSError as problem:
                warn(self, "Summary not saved", f"{path}: {problem.strerror or problem}")
                return
            self.status.setText(f"Saved {path.name}.")

        if self.built is not None and self.built.options.redaction is RedactionProfile(self.profile.currentData()) \
                and self.built.options.marking == (self.marking.text().strip() or DEFAULT_MARKING):
            write(self.built)
        else:
            self.build(write)

    def print_(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print the summary's pages (rendered at print resolution in the background) to ``printer``."""
        def paint(built: BuiltReport) -> None:
            images = [QImage(str(page)) for page in built.pages]
            if not images:
                warn(self, "Not printed", "Printing needs poppler's pdftoppm: save the PDF and print it instead.")
                return
            painter = QPainter()
            printer.setPageOrientation(_orientation(images[0]))
            if not painter.begin(printer):
                warn(self, "Not printed", "The printer could not be started.")
                return
            try:
                for index, image in enumerate(images):
                    if index:
                        printer.setPageOrientation(_orientation(image))  # the genogram pages are landscape
                        printer.newPage()
                    target = painter.viewport()
                    scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                    painter.setWindow(image.rect())
                    painter.drawImage(0, 0, image)
                    painter.setViewport(target)
            finally:
                painter.end()
            self.status.setText(f"Sent {len(built.pages)} pages to the printer.")

        self.build(paint, dpi=PRINT_DPI, show=False)

    def closeEvent(self, event: object) -> None:
        self._folder.cleanup()
        super().closeEvent(event)  # type: ignore[arg-type]
