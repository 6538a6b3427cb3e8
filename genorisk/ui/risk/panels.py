"""The risk panels, contributed to the workspace through the panel registry (``PANELS``).

Importing this module also registers the genogram marker source, so the canvas draws this case's
McGoldrick-style risk markers and a '!' badge on each person an open prompt is about (when the case's
overlay toggle is on), through the same geometry.
"""

from __future__ import annotations

from genorisk.risk.markers import genogram_markers
from genorisk.ui.canvas.layout import register_marker_source
from genorisk.ui.panels import PanelContext, PanelSpec
from genorisk.ui.risk.assessments import AssessmentsPanel
from genorisk.ui.risk.chronology import ChronologyPanel
from genorisk.ui.risk.factors import RiskFactorsPanel
from genorisk.ui.risk.prompts import PromptsPanel
from genorisk.ui.risk.timeline import TimelinePanel


def _prompts(context: PanelContext) -> PromptsPanel:
    return PromptsPanel(context)


def _factors(context: PanelContext) -> RiskFactorsPanel:
    return RiskFactorsPanel(context)


def _chronology(context: PanelContext) -> ChronologyPanel:
    return ChronologyPanel(context)


def _timeline(context: PanelContext) -> TimelinePanel:
    return TimelinePanel(context)


def _assessments(context: PanelContext) -> AssessmentsPanel:
    return AssessmentsPanel(context)


PANELS: list[PanelSpec] = [
    PanelSpec("prompts", "Prompts", _prompts, "right", "Ctrl+Alt+P"),
    PanelSpec("risk_factors", "Risk factors", _factors, "right", "Ctrl+Alt+R"),
    PanelSpec("assessments", "Assessments and injuries", _assessments, "right", "Ctrl+Alt+A"),
    PanelSpec("chronology", "Chronology", _chronology, "bottom", "Ctrl+Alt+C"),
    PanelSpec("timeline", "Timeline per child", _timeline, "bottom", "Ctrl+Alt+T"),
]

register_marker_source(genogram_markers)
