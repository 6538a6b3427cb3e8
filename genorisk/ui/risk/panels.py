"""The risk panels, contributed to the workspace through the panel registry (``PANELS``).

Importing this module also registers the genogram marker source, so the canvas draws this case's
McGoldrick-style risk markers and a '!' badge on each person an open prompt is about (when the case's
overlay toggle is on), through the same geometry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from genorisk.risk.markers import genogram_markers
from genorisk.ui.canvas.layout import register_marker_source
from genorisk.ui.panels import PanelContext, PanelSpec

if TYPE_CHECKING:
    from genorisk.ui.risk.assessments import AssessmentsPanel
    from genorisk.ui.risk.chronology import ChronologyPanel
    from genorisk.ui.risk.factors import RiskFactorsPanel
    from genorisk.ui.risk.prompts import PromptsPanel
    from genorisk.ui.risk.timeline import TimelinePanel

# Each factory imports its panel's module when the panel is first shown (the workspace builds panels
# lazily), so opening the app does not pay for the panels nobody has looked at yet.


def _prompts(context: PanelContext) -> PromptsPanel:
    from genorisk.ui.risk.prompts import PromptsPanel

    return PromptsPanel(context)


def _factors(context: PanelContext) -> RiskFactorsPanel:
    from genorisk.ui.risk.factors import RiskFactorsPanel

    return RiskFactorsPanel(context)


def _chronology(context: PanelContext) -> ChronologyPanel:
    from genorisk.ui.risk.chronology import ChronologyPanel

    return ChronologyPanel(context)


def _timeline(context: PanelContext) -> TimelinePanel:
    from genorisk.ui.risk.timeline import TimelinePanel

    return TimelinePanel(context)


def _assessments(context: PanelContext) -> AssessmentsPanel:
    from genorisk.ui.risk.assessments import AssessmentsPanel

    return AssessmentsPanel(context)


PANELS: list[PanelSpec] = [
    PanelSpec("prompts", "Prompts", _prompts, "right", "Ctrl+Alt+P"),
    PanelSpec("risk_factors", "Risk factors", _factors, "right", "Ctrl+Alt+R"),
    PanelSpec("assessments", "Assessments and injuries", _assessments, "right", "Ctrl+Alt+A"),
    PanelSpec("chronology", "Chronology", _chronology, "bottom", "Ctrl+Alt+C"),
    PanelSpec("timeline", "Timeline per child", _timeline, "bottom", "Ctrl+Alt+T"),
]

register_marker_source(genogram_markers)
