"""The Prompts panel: every prompt with its reason, source and suggested action; a practitioner marks
each one actioned (saying what was done) or overridden (with a written reason). Nothing is dismissed.

Decisions already made are shown with who made them and when, including decisions on prompts the
rules no longer raise (the facts changed), so the history stays visible.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import DecisionKind
from genorisk.risk.engine import PromptState, PromptStatus, decide, past_decisions, prompt_states
from genorisk.risk.markers import markers_shown, set_markers_shown
from genorisk.ui.flow_layout import FlowLayout
from genorisk.ui.panels import PanelContext
from genorisk.ui.risk.common import DecisionDialog, Table

FILTERS = (("Active", {PromptState.ACTIVE}), ("All", set(PromptState)),
           ("Actioned", {PromptState.ACTIONED}), ("Overridden", {PromptState.OVERRIDDEN}))
STATE_TEXT = {PromptState.ACTIVE: "● Active", PromptState.ACTIONED: "✓ Actioned",
              PromptState.OVERRIDDEN: "✗ Overridden"}


class PromptsPanel(QWidget):
    def __init__(self, context: PanelContext, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.setObjectName("promptsPanel")
        self.statuses: list[PromptStatus] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.setObjectName("promptsFilter")
        self.filter.setAccessibleName("Show prompts")
        for text, _states in FILTERS:
            self.filter.addItem(text)
        self.count = QLabel()
        self.count.setObjectName("promptsCount")
        self.markers = QCheckBox("Show risk markers on the genogram")
        self.markers.setObjectName("riskMarkersToggle")
        self.markers.setToolTip("Per case: McGoldrick-style markers for substance misuse, mental health, "
                                "domestic abuse and criminality, explained in the genogram's key")
        self.count.setWordWrap(True)
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.filter)
        top.addWidget(self.count, 1)
        layout.addLayout(top)
        layout.addWidget(self.markers)  # its own row: never clipped in a narrow dock
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = Table(("State", "Rule", "Prompt", "People", "Reason"), "prompts_table",
                           widths={"State": 80, "Rule": 80, "Prompt": 280})
        splitter.addWidget(self.table)
        self.detail = QTextBrowser()
        self.detail.setObjectName("promptDetail")
        self.detail.setAccessibleName("Prompt details and decisions")
        splitter.addWidget(self.detail)
        layout.addWidget(splitter, 1)
        buttons = FlowLayout()  # wraps in a narrow dock instead of clipping the labels
        self.action_button = QPushButton("Mark &actioned…")
        self.action_button.setObjectName("promptActioned")
        self.override_button = QPushButton("&Override…")
        self.override_button.setObjectName("promptOverride")
        self.show_people = QPushButton("Show peop&le")
        self.show_people.setObjectName("promptShowPeople")
        self.show_people.setToolTip("Select the people this prompt is about, on the genogram and in the tables")
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.override_button)
        buttons.addWidget(self.show_people)
        layout.addLayout(buttons)
        self.filter.currentIndexChanged.connect(self._fill)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.action_button.clicked.connect(lambda: self.decide(DecisionKind.ACTIONED))
        self.override_button.clicked.connect(lambda: self.decide(DecisionKind.OVERRIDDEN))
        self.show_people.clicked.connect(self._select_people)
        self.markers.toggled.connect(self._toggle_markers)
        context.record_changed.connect(lambda record, _touched: self.refresh(record))
        self.refresh(context.record)

    def refresh(self, record: CaseRecord) -> None:
        self.record = record
        self.statuses = prompt_states(record, self.today)
        self.markers.blockSignals(True)
        self.markers.setChecked(markers_shown(record))
        self.markers.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        wanted = FILTERS[self.filter.currentIndex()][1]
        shown = [s for s in self.statuses if s.state in wanted]
        rows = []
        for order, status in enumerate(shown):
            prompt = status.prompt
            people = ", ".join(self.record.name_of(p) for p in prompt.person_ids)
            tip = f"{prompt.reason}\n\nSuggested action: {prompt.suggested_action}\nSource: {prompt.source}"
            state = STATE_TEXT[status.state] + (" (blocking)" if prompt.blocking and status.is_active else "")
            rows.append((prompt.key, [(state, f"{status.state.value}{order:05d}", ""),
                                      (prompt.rule_id, order, prompt.rule_version),
                                      (prompt.title, order, prompt.title), (people, people, people),
                                      (prompt.reason, order, tip)]))
        self.table.fill(rows)
        active = sum(1 for s in self.statuses if s.is_active)
        self.count.setText(f"{active} active of {len(self.statuses)} prompts")
        if self.table.current_id() is None and rows:
            self.table.selectRow(0)
        self._show_detail()

    def current(self) -> PromptStatus | None:
        key = self.table.current_id()
        return next((s for s in self.statuses if s.prompt.key == key), None)

    def _show_detail(self) -> None:
        status = self.current()
        self.action_button.setEnabled(status is not None)
        self.override_button.setEnabled(status is not None)
        self.show_people.setEnabled(status is not None and bool(status.prompt.person_ids))
        html = []
        if status is not None:
            prompt = status.prompt
            html.append(f"<h3>{escape(prompt.rule_id)}: {escape(prompt.title)}</h3>")
            html.append(f"<p><b>State:</b> {escape(status.state.label)}"
                        + (" — <b>blocking</b>: the related record cannot be completed until this is done"
                           if prompt.blocking and status.is_active else "") + "</p>")
            html.append(f"<p><b>Why:</b> {escape(prompt.reason)}</p>")
            html.append(f"<p><b>Suggested action:</b> {escape(prompt.suggested_action)}</p>")
            html.append(f"<p><b>Source:</b> {escape(prompt.source)} (rule version {escape(prompt.rule_version)})</p>")
            if status.decisions:
                html.append("<p><b>Decisions:</b></p><ul>")
                for decision in status.decisions:
                    html.append(f"<li>{escape(decision.decision.label)} by {escape(decision.user)} on "
                                f"{decision.at.astimezone().strftime('%d/%m/%Y %H:%M')}: {escape(decision.text)}</li>")
                html.append("</ul>")
            html.append("<p><i>Decision support only: your professional judgement decides.</i></p>")
        history = past_decisions(self.record, [s.prompt for s in self.statuses])
        if history:
            html.append("<hr><p><b>Decisions on prompts no longer raised</b> (the facts have changed):</p><ul>")
            for decision in history:
                html.append(f"<li>{escape(decision.rule_id)} — {escape(decision.decision.label)} by "
                            f"{escape(decision.user)} on {decision.at.astimezone().strftime('%d/%m/%Y')}: "
                            f"{escape(decision.text)}</li>")
            html.append("</ul>")
        self.detail.setHtml("".join(html))

    def decide(self, kind: DecisionKind, text: str | None = None) -> bool:
        """Record a decision on the current prompt (asks for the text unless given, e.g. by a test)."""
        status = self.current()
        if status is None:
            return False
        if text is None:
            dialog = DecisionDialog(status.prompt, kind, self)
            if dialog.exec() != DecisionDialog.DialogCode.Accepted:
                return False
            text = dialog.value()
        command = decide(self.record, status.prompt, kind, text, self.context.user, datetime.now(UTC))
        key = status.prompt.key
        applied = self.context.apply(command)
        if applied:
            self.table.select_id(key)
        return applied

    def _select_people(self) -> None:
        status = self.current()
        if status is not None:
            self.context.select(status.prompt.person_ids)

    def _toggle_markers(self, shown: bool) -> None:
        if shown != markers_shown(self.record):
            self.context.apply(set_markers_shown(self.record, shown))
