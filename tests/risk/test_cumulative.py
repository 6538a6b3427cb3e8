"""The cumulative-over-time computation on the demo family, and its renderers (SVG, reportlab PDF)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

from pypdf import PdfReader
from reportlab.graphics import renderPDF

from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import RiskGroup
from genorisk.domain.values import HouseholdRole
from genorisk.risk.cumulative import all_child_timelines, child_timeline, exposure
from genorisk.risk.timeline_draw import layout_timeline, to_reportlab, to_svg, write_svg

DEMO_DAY = date(2026, 11, 26)


def test_tyler_lived_with_his_father_then_with_his_mothers_new_partner(demo: CaseRecord) -> None:
    timeline = child_timeline(demo, "p-tyler", DEMO_DAY)
    rows = {row.person_id: row for row in timeline.rows}
    assert set(rows) == {"p-kayleigh", "p-dean", "p-jason", "p-carol"}
    assert rows["p-dean"].relation == "father" and rows["p-jason"].relation == "mother's partner"
    (dean,) = rows["p-dean"].presence
    assert (dean.start, dean.end) == (date(2021, 4, 1), date(2023, 3, 31))
    (jason,) = rows["p-jason"].presence
    assert jason.start == date(2025, 9, 1) and jason.end == DEMO_DAY
    assert rows["p-carol"].role is HouseholdRole.REGULAR_VISITOR


def test_the_household_carries_jasons_history_from_when_he_moved_in(demo: CaseRecord) -> None:
    segments = exposure(child_timeline(demo, "p-tyler", DEMO_DAY))
    before = [s for s in segments if s.period.end < date(2025, 9, 1)]
    after = [s for s in segments if s.period.start >= date(2025, 9, 1)]
    assert all(RiskGroup.DOMESTIC_ABUSE not in s.history for s in before)
    assert all(s.history.get(RiskGroup.DOMESTIC_ABUSE) == ("p-jason",) for s in after)
    last = segments[-1]
    assert last.active[RiskGroup.SUBSTANCE_MISUSE] == ("p-jason",)  # suspected alcohol misuse since 10/2026
    assert last.active[RiskGroup.MENTAL_HEALTH] == ("p-kayleigh",)


def test_a_newborn_shows_the_household_he_was_born_into(demo: CaseRecord) -> None:
    timeline = child_timeline(demo, "p-rowan", DEMO_DAY)
    rows = {row.person_id: row for row in timeline.rows}
    assert rows["p-jason"].presence[0].start == date(2025, 9, 1)  # before Rowan's birth
    assert rows["p-carol"].presence[0].start == date(2026, 8, 16)
    assert [e.id for e in timeline.events][-2:] == ["ev-2026-callout", "dash-kayleigh-1"]


def test_every_subject_child_has_a_timeline(demo: CaseRecord) -> None:
    assert [t.child_id for t in all_child_timelines(demo, DEMO_DAY)] == ["p-rowan"]


def test_svg_names_each_adult_and_carries_the_marking(demo: CaseRecord, tmp_path) -> None:  # type: ignore[no-untyped-def]
    drawing = layout_timeline(child_timeline(demo, "p-tyler", DEMO_DAY), demo)
    path = tmp_path / "tyler.svg"
    write_svg(drawing, path, marking="OFFICIAL-SENSITIVE")
    root = ET.parse(path).getroot()
    ns = {"s": "http://www.w3.org/2000/svg"}
    people = {el.get("data-person-id") for el in root.iter("{http://www.w3.org/2000/svg}rect")}
    assert {"p-kayleigh", "p-dean", "p-jason", "p-carol"} <= people
    texts = " ".join(t.text or "" for t in root.iterfind(".//s:text", ns))
    assert "OFFICIAL-SENSITIVE" in texts and "Jason Pryce" in texts and "DA-P historic" in texts
    assert to_svg(drawing).count("<svg") == 1


def test_reportlab_drawing_renders_to_a_pdf_with_the_same_words(demo: CaseRecord) -> None:
    drawing = layout_timeline(child_timeline(demo, "p-rowan", DEMO_DAY), demo)
    buffer = io.BytesIO()
    renderPDF.drawToFile(to_reportlab(drawing, width=500), buffer)
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    assert "Rowan Pryce" in text and "Jason Pryce" in text and "Around the child" in text
