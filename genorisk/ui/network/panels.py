"""The network panels, contributed to the workspace through the panel registry (``PANELS``):
Agencies (who knows what, the sharing log, the ecomap), Meetings (actions, meetings, timescales),
Supervision (records, concerns carried forward, sign-off), Voice of the child (with the safety map)
and Summary (the assessment summary PDF: preview, save, print)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from genorisk.ui.panels import PanelContext, PanelSpec

# Each factory imports its panel's module when the panel is first shown (the workspace builds panels
# lazily): the Summary panel in particular brings in the report package, and with it reportlab.

MIN_PANEL_WIDTH = 720
MIN_PANEL_HEIGHT = 320


class ScrollingPanel(QScrollArea):
    """A panel in a dock: when the dock is smaller than the panel needs, it scrolls rather than squashing
    tables and buttons on top of each other."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__()
        self.panel = panel
        self.setObjectName(f"{panel.objectName()}Scroll")
        self.setAccessibleName(panel.accessibleName())
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        panel.setMinimumSize(MIN_PANEL_WIDTH, MIN_PANEL_HEIGHT)
        self.setWidget(panel)


def _agencies(context: PanelContext) -> QWidget:
    from genorisk.ui.network.agencies import AgenciesPanel

    return ScrollingPanel(AgenciesPanel(context))


def _meetings(context: PanelContext) -> QWidget:
    from genorisk.ui.network.meetings import MeetingsPanel

    return ScrollingPanel(MeetingsPanel(context))


def _supervision(context: PanelContext) -> QWidget:
    from genorisk.ui.network.supervision import SupervisionPanel

    return ScrollingPanel(SupervisionPanel(context))


def _voice(context: PanelContext) -> QWidget:
    from genorisk.ui.network.voice import VoicePanel

    return ScrollingPanel(VoicePanel(context))


def _summary(context: PanelContext) -> QWidget:
    from genorisk.ui.network.summary import SummaryPanel

    return SummaryPanel(context)


PANELS: list[PanelSpec] = [
    PanelSpec("agencies", "Agencies", _agencies, "bottom", "Ctrl+Shift+G"),
    PanelSpec("meetings", "Meetings and actions", _meetings, "bottom", "Ctrl+Shift+E"),
    PanelSpec("supervision", "Supervision and sign-off", _supervision, "bottom", "Ctrl+Shift+U"),
    PanelSpec("voice", "Voice of the child", _voice, "bottom", "Ctrl+Shift+V"),
    PanelSpec("summary", "Summary", _summary, "right", "Ctrl+Shift+Y"),
]
