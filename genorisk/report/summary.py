"""The assessment summary PDF: one case, in the order a supervisor reads it, ready for the case file.

``build_summary(record, options)`` returns the PDF bytes; ``write_summary`` writes them atomically
(temporary file in the same folder, fsync, rename) only once the whole build has succeeded. Both take
optional ``progress(percent, words)`` and ``cancelled()`` callbacks so the app can run them off the GUI
thread with a progress dialog and a working Cancel.

Every page carries the protective marking at top and bottom, the case reference, who generated the
report and when, and "Page X of Y". The genogram sits on landscape pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from genorisk.domain.record import CaseRecord
from genorisk.interop.atomic import write_bytes_atomically
from genorisk.report.canvas import PageFurniture, numbered_canvas
from genorisk.report.context import BOTTOM_MARGIN, LANDSCAPE, PORTRAIT, SIDE_MARGIN, TOP_MARGIN, ReportContext
from genorisk.report.options import ReportOptions
from genorisk.report.redaction import redact
from genorisk.report.sections import family, genogram, network, risk
from genorisk.report.styles import markup, para, styles, text

REPORT_TITLE = "Assessment summary"

Progress = Callable[[int, str], None]
Cancelled = Callable[[], bool]


class ReportCancelled(RuntimeError):
    """The practitioner cancelled the report; nothing was written."""


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    build: Callable[[ReportContext], list[Flowable]]
    landscape: bool = False


SECTIONS: tuple[Section, ...] = (
    Section("Case and status", family.case_and_status),
    Section("Subject children", family.subject_children),
    Section("Household now and over time", family.households),
    Section("Genogram", genogram.genogram_pages, landscape=True),
    Section("Previous relationships and their children", family.previous_relationships),
    Section("Risk factors", risk.risk_factors),
    Section("Instrument results", risk.instruments),
    Section("Prompts and decisions", risk.prompts),
    Section("Chronology and cumulative timeline", risk.chronology),
    Section("Agencies and information sharing", network.agencies),
    Section("Ecomap", network.ecomap),
    Section("Meetings and outstanding actions", network.meetings),
    Section("Voice of the child", network.voice_of_the_child),
    Section("Analysis", network.analysis),
    Section("Supervisor sign-off", network.sign_off),
)
"""The sections in the order of issue 6 §6. Their numbered titles appear in the PDF's text."""


def section_heading(number: int, section: Section) -> str:
    return f"{number}. {section.title}"


def _document(buffer: io.BytesIO, record: CaseRecord, options: ReportOptions) -> BaseDocTemplate:
    def frame(size: tuple[float, float], name: str) -> Frame:
        return Frame(SIDE_MARGIN, BOTTOM_MARGIN, size[0] - 2 * SIDE_MARGIN, size[1] - TOP_MARGIN - BOTTOM_MARGIN,
                     id=name, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    doc = BaseDocTemplate(
        buffer, pagesize=PORTRAIT, leftMargin=SIDE_MARGIN, rightMargin=SIDE_MARGIN, topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=f"{REPORT_TITLE} {record.case.reference}", author=options.generated_by,
        subject=f"{options.marking} · {REPORT_TITLE} · case {record.case.reference}",
        keywords=[options.marking, record.case.reference], creator="genorisk",
    )
    doc.addPageTemplates([
        PageTemplate(id="portrait", frames=[frame(PORTRAIT, "portrait")], pagesize=PORTRAIT),
        PageTemplate(id="landscape", frames=[frame(LANDSCAPE, "landscape")], pagesize=LANDSCAPE),
    ])
    return doc


def build_story(ctx: ReportContext, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> list[Flowable]:
    """The report's flowables, section by section (checking for Cancel between sections)."""
    st = styles()
    case = ctx.record.case
    story: list[Flowable] = [
        markup(f"{REPORT_TITLE}: case {text(case.reference)}", st.title),
        para(case.title, st.subtitle),
    ]
    landscape_now = False
    for number, section in enumerate(SECTIONS, 1):
        if cancelled is not None and cancelled():
            raise ReportCancelled("the report was cancelled")
        if progress is not None:
            progress(int(5 + 80 * (number - 1) / len(SECTIONS)), section.title)
        if section.landscape != landscape_now:
            story.append(NextPageTemplate("landscape" if section.landscape else "portrait"))
            story.append(PageBreak())
            landscape_now = section.landscape
        heading = markup(text(section_heading(number, section)), st.h1)
        body = section.build(ctx)
        # The heading always starts a page together with the start of its section.
        lead = _leading_headings(body) + 1
        story.append(KeepTogether([heading, *body[:lead]]))
        story += body[lead:]
        story.append(Spacer(1, 4))
    return story


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write compressed page streams as binary rather than ASCII85 text while building: the PDF is a
    quarter smaller and, without reportlab's optional C accelerator, a second or so faster for a big
    family. Restored afterwards for other reportlab users in the process."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def _leading_headings(body: list[Flowable]) -> int:
    """How many sub-headings open a section (kept with the section heading and what follows them)."""
    count = 0
    headings = {styles().h2.name, styles().h3.name}
    for flowable in body:
        style = getattr(flowable, "style", None)
        if style is None or getattr(style, "name", "") not in headings:
            break
        count += 1
    return count


def build_summary(record: CaseRecord, options: ReportOptions, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> bytes:
    """The summary PDF for a case as bytes."""
    redaction = redact(record, options.redaction)
    ctx = ReportContext(redaction, options)
    story = build_story(ctx, progress, cancelled)
    if progress is not None:
        progress(88, "Laying out pages")
    buffer = io.BytesIO()
    doc = _document(buffer, record, options)
    generated = f"Generated {options.generated_at:%d/%m/%Y %H:%M} by {options.generated_by}"
    furniture = PageFurniture(options.marking, record.case.reference, generated, REPORT_TITLE)
    with _binary_streams():
        doc.build(story, canvasmaker=numbered_canvas(furniture))
    if cancelled is not None and cancelled():
        raise ReportCancelled("the report was cancelled")
    if progress is not None:
        progress(100, "Done")
    return buffer.getvalue()


def write_summary(record: CaseRecord, path: Path, options: ReportOptions, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> Path:
    """Build the summary and write it atomically to ``path`` (nothing is written if the build fails)."""
    data = build_summary(record, options, progress, cancelled)
    write_bytes_atomically(Path(path), data)
    return Path(path)
