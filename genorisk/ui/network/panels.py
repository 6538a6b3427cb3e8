"""The network panels, contributed to the workspace through the panel registry (``PANELS``):
Agencies (who knows what, the sharing log, the ecomap), Meetings (actions, meetings, timescales),
Supervision (records, concerns carried forward, sign-off), Voice of the child (with the safety map)
and Summary (the assessment summary PDF: preview, save, print)."""

from __future__ import annotations

from genorisk.ui.network.agencies import AgenciesPanel
from genorisk.ui.network.meetings import MeetingsPanel
from genorisk.ui.network.summary import SummaryPanel
from genorisk.ui.network.supervision import SupervisionPanel
from genorisk.ui.network.voice import VoicePanel
from genorisk.ui.panels import PanelContext, PanelSpec


def _agencies(context: PanelContext) -> AgenciesPanel:
    return AgenciesPanel(context)


def _meetings(context: PanelContext) -> MeetingsPanel:
    return MeetingsPanel(context)


def _supervision(context: PanelContext) -> SupervisionPanel:
    return SupervisionPanel(context)


def _voice(context: PanelContext) -> VoicePanel:
    return VoicePanel(context)


def _summary(context: PanelContext) -> SummaryPanel:
    return SummaryPanel(context)


PANELS: list[PanelSpec] = [
    PanelSpec("agencies", "Agencies", _agencies, "bottom", "Ctrl+Shift+G"),
    PanelSpec("meetings", "Meetings and actions", _meetings, "bottom", "Ctrl+Shift+M"),
    PanelSpec("supervision", "Supervision and sign-off", _supervision, "bottom", "Ctrl+Shift+S"),
    PanelSpec("voice", "Voice of the child", _voice, "bottom", "Ctrl+Shift+V"),
    PanelSpec("summary", "Summary", _summary, "right", "Ctrl+Shift+Y"),
]
