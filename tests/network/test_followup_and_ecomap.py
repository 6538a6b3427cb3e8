"""Follow-up lists on the demo, and the ecomap drawn by Graphviz with line styles that carry meaning."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from genorisk.domain.record import CaseRecord
from genorisk.interop.bundle import demo_bundle
from genorisk.network import followup
from genorisk.network.ecomap import LINE_STYLES, LinkKnowledge, ecomap_graph, ecomap_layout, render_ecomap

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo_record() -> CaseRecord:
    return demo_bundle().record


def test_the_demo_shows_overdue_actions_first(demo_record: CaseRecord) -> None:
    lines = followup.action_lines(demo_record, TODAY, outstanding_only=True)
    overdue = [line.action.id for line in lines if line.overdue]
    assert overdue == ["ac-gp", "ac-probation", "ac-darac"]
    assert lines[0].days_overdue == 64
    assert all(not line.overdue for line in lines[len(overdue):])


def test_concerns_carry_forward_until_closed(demo_record: CaseRecord) -> None:
    on_oct_1 = [c.id for c in followup.carried_forward(demo_record, date(2026, 10, 1))]
    on_nov_26 = [c.id for c in followup.carried_forward(demo_record, TODAY)]
    assert on_oct_1 == ["sc-history", "sc-unannounced"]
    assert on_nov_26 == ["sc-history"]


def test_review_date_comes_from_the_latest_supervision(demo_record: CaseRecord) -> None:
    from genorisk.domain.network import SupervisionConcern

    concern = demo_record.get(SupervisionConcern, "sc-history")
    assert concern is not None
    assert followup.review_date_of(demo_record, concern) == date(2026, 11, 19)
    assert [line.concern.id for line in followup.unresolved_past_review(demo_record, TODAY)] == ["sc-history"]


def test_ecomap_graph_uses_line_styles_and_words(demo_record: CaseRecord) -> None:
    source = ecomap_graph(demo_record, TODAY).source
    unknown = LINE_STYLES[LinkKnowledge.STATUS_UNKNOWN]
    assert "DOES NOT KNOW STATUS" in source and f"style={unknown.style}" in source
    assert "knows status, has plan" in source  # the health visitor
    assert "Harbour Women" in source


def test_ecomap_withholds_protected_agencies_names(demo_record: CaseRecord) -> None:
    source = ecomap_graph(demo_record, TODAY, withhold=True).source
    assert "Harbour Women" not in source and "details withheld" in source


needs_graphviz = pytest.mark.skipif(shutil.which("fdp") is None, reason="Graphviz (fdp) is not installed")


@needs_graphviz
def test_ecomap_renders_as_svg_png_and_pdf(demo_record: CaseRecord) -> None:
    svg = render_ecomap(demo_record, TODAY, "svg").decode("utf-8")
    assert "<svg" in svg and "Riverside Medical Practice" in svg and "stroke-dasharray" in svg
    assert render_ecomap(demo_record, TODAY, "png").startswith(b"\x89PNG")
    assert render_ecomap(demo_record, TODAY, "pdf").startswith(b"%PDF")


@needs_graphviz
def test_ecomap_layout_carries_drawing_operations(demo_record: CaseRecord) -> None:
    layout = ecomap_layout(demo_record, TODAY)
    assert layout["bb"] and any("_draw_" in node for node in layout["objects"])
    assert any(op.get("style") == "dotted" for edge in layout["edges"] for op in edge.get("_draw_", [])
               if op["op"] == "S")


def test_unknown_format_is_refused(demo_record: CaseRecord) -> None:
    with pytest.raises(ValueError, match="not 'gif'"):
        render_ecomap(demo_record, TODAY, "gif")
