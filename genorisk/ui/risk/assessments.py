"""Assessments: DASH, DARAC results, ACE histories and injury records, each opened in the one generic
form engine (or the injury dialog). A DASH shows its yes count against the threshold as a count, and
its professional-judgement triggers — never a risk level."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from genorisk.domain.commands import Command, Put
from genorisk.domain.entities import Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import (
    AceAnswer,
    AceHistory,
    DaracRecord,
    DashAnswer,
    DashAnswerValue,
    DashAssessment,
    NmiInjury,
)
from genorisk.risk.facts import focus_households, is_child
from genorisk.risk.instruments import (
    AnswerValue,
    ace_from_answers,
    answers_from_ace,
    answers_from_darac,
    answers_from_dash,
    darac_from_answers,
    dash_from_answers,
    load_instrument,
    score_dash,
)
from genorisk.risk.recording import record_darac
from genorisk.risk.rules.config import rule_config
from genorisk.ui.flow_layout import FlowLayout
from genorisk.ui.panels import PanelContext
from genorisk.ui.risk.common import Table
from genorisk.ui.risk.forms import InstrumentDialog, people_choices
from genorisk.ui.risk.nmi import NmiDialog, default_child


def dash_summary(record: CaseRecord, answers: dict[str, Any], entity_id: str = "preview") -> str:
    """The live line at the top of the DASH form: the yes count against the threshold, and triggers."""
    instrument = load_instrument("dash")
    filled = dict(answers)
    filled.setdefault("assessor", "preview")
    if not filled.get("victim_id") or not filled.get("completed_on"):
        return "Choose the victim and the date to see the count."
    given = [DashAnswer(f.number or 0, DashAnswerValue(a.value)) for f in instrument.items
             if isinstance(a := filled.get(f.key), AnswerValue)]
    dash = DashAssessment(id=entity_id, case_id=record.case.id, completed_on=filled["completed_on"],
                          victim_id=filled["victim_id"], perpetrator_id=filled.get("perpetrator_id"),
                          assessor="preview", answers=tuple(given),
                          judgement_triggers=tuple(filled.get("judgement_triggers") or ()))
    result = score_dash(instrument, dash, record, rule_config().values)
    text = result.describe()
    triggers = [t.label for t in result.r4_triggers]
    if triggers:
        text += ". Professional-judgement triggers: " + "; ".join(triggers)
    if result.repeat_of_marac_referral:
        text += f". Repeat: Marac referral on {result.repeat_of_marac_referral.strftime('%d/%m/%Y')}"
    if result.children:
        text += f". Children linked (each a victim in their own right): {len(result.children)}"
    return text + "."


class AssessmentsPanel(QWidget):
    def __init__(self, context: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("assessmentsPanel")
        layout = QVBoxLayout(self)
        intro = QLabel("Structured tools support professional judgement; they never give a verdict.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = Table(("Date", "Assessment", "About", "Result (as recorded)"), "assessments_table",
                           widths={"Date": 90, "Assessment": 110, "About": 140, "Result (as recorded)": 260})
        layout.addWidget(self.table, 1)
        buttons = FlowLayout()  # wraps in a narrow dock instead of clipping the labels
        self.new_dash = QPushButton("New &DASH…")
        self.new_dash.setObjectName("newDash")
        self.new_darac = QPushButton("DARAC &result…")
        self.new_darac.setObjectName("newDarac")
        self.new_ace = QPushButton("&Childhood history (ACEs)…")
        self.new_ace.setObjectName("newAce")
        self.new_injury = QPushButton("&Injury to a baby…")
        self.new_injury.setObjectName("newInjury")
        self.open_button = QPushButton("&Open…")
        self.open_button.setObjectName("openAssessment")
        for button in (self.new_dash, self.new_darac, self.new_ace, self.new_injury, self.open_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.new_dash.clicked.connect(lambda: self.open_dash())
        self.new_darac.clicked.connect(lambda: self.open_darac())
        self.new_ace.clicked.connect(lambda: self.open_ace())
        self.new_injury.clicked.connect(lambda: self.open_injury())
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        context.record_changed.connect(lambda record, _touched: self.refresh(record))
        self.refresh(context.record)

    # --- the list ---------------------------------------------------------------------------------------
    def refresh(self, record: CaseRecord) -> None:
        self.record = record
        name = record.name_of
        rows = []
        dash_instrument = load_instrument("dash")
        for dash in record.all(DashAssessment):
            result = score_dash(dash_instrument, dash, record, rule_config().values)
            about = name(dash.victim_id) + (f" / {name(dash.perpetrator_id)}" if dash.perpetrator_id else "")
            rows.append((dash.id, [(dash.completed_on.strftime("%d/%m/%Y"), dash.completed_on, ""),
                                   ("DASH", "DASH", dash.wording), (about, about, ""),
                                   (result.describe(), result.yes_count, result.describe())]))
        for darac in record.all(DaracRecord):
            about = ", ".join(name(c) for c in darac.child_ids)
            text = f"Level {darac.level}; escalation risk {darac.escalation_risk.label.lower()}"
            rows.append((darac.id, [(darac.completed_on.strftime("%d/%m/%Y"), darac.completed_on, ""),
                                    ("DARAC result", "DARAC", darac.form_reference), (about, about, ""),
                                    (text, darac.level, darac.rationale)]))
        for history in record.all(AceHistory):
            told = [e.category.label for e in history.entries if e.answer is AceAnswer.EXPERIENCED]
            text = ("Recorded as history: " + "; ".join(told)) if told else "Recorded; none reported"
            rows.append((history.id, [(history.recorded_on.strftime("%d/%m/%Y"), history.recorded_on, ""),
                                      ("Childhood history", "ACE", ""), (name(history.person_id), "", ""),
                                      (text, "", text)]))
        for injury in record.all(NmiInjury):
            state = "Completed" if injury.completed else "DRAFT: not completed (referral needed)"
            rows.append((injury.id, [(injury.seen_at.strftime("%d/%m/%Y"), injury.seen_at.date(), ""),
                                     ("Injury record", "Injury", ""), (name(injury.child_id), "", ""),
                                     (state, state, "")]))
        self.table.fill(rows)

    def open_selected(self) -> None:
        entity_id = self.table.current_id()
        if not entity_id:
            return
        entity = self.record.find(entity_id)
        if isinstance(entity, DashAssessment):
            self.open_dash(entity)
        elif isinstance(entity, DaracRecord):
            self.open_darac(entity)
        elif isinstance(entity, AceHistory):
            self.open_ace(entity)
        elif isinstance(entity, NmiInjury):
            self.open_injury(entity)

    # --- forms ------------------------------------------------------------------------------------------
    def _apply(self, entity: Any, old: Any, name: str) -> None:
        self.context.apply(Command(name, (Put(entity, old),)))

    def open_dash(self, existing: DashAssessment | None = None, exec_dialog: bool = True) -> InstrumentDialog:
        instrument = load_instrument("dash")
        record = self.record

        def build(answers: dict[str, Any]) -> DashAssessment:
            return dash_from_answers(instrument, answers, case_id=record.case.id,
                                     entity_id=existing.id if existing else None)

        dialog = InstrumentDialog(instrument, build, people=people_choices(record), user=self.context.user,
                                  answers=answers_from_dash(instrument, existing) if existing else None,
                                  summary=lambda answers: dash_summary(record, answers), parent=self)
        if exec_dialog and dialog.exec() and dialog.result_value is not None:
            dash = dialog.result_value
            verb = "Edit" if existing else "Record"
            self._apply(dash, existing, f"{verb} DASH with {record.name_of(dash.victim_id)}")
        return dialog

    def darac_children(self) -> tuple[str, ...]:
        """Children the DARAC is about: those living where the case's subject children live, and those
        linked to any adult with domestic abuse recorded there."""
        today = date.today()
        children: list[str] = []
        for household_children in focus_households(self.record, today).values():
            children += household_children
        if not children:
            children = [p.id for p in self.record.people if is_child(p, today)]
        return tuple(dict.fromkeys(children))

    def open_darac(self, existing: DaracRecord | None = None, exec_dialog: bool = True) -> InstrumentDialog:
        instrument = load_instrument("darac")
        record = self.record
        children = existing.child_ids if existing else self.darac_children()

        def build(answers: dict[str, Any]) -> DaracRecord:
            return darac_from_answers(instrument, answers, children, case_id=record.case.id,
                                      entity_id=existing.id if existing else None)

        dialog = InstrumentDialog(instrument, build, people=people_choices(record), children=children,
                                  user=self.context.user,
                                  answers=answers_from_darac(existing) if existing else None, parent=self)
        if exec_dialog and dialog.exec() and dialog.result_value is not None:
            self.context.apply(record_darac(record, dialog.result_value, self.context.user, datetime.now(UTC)))
        return dialog

    def open_ace(self, existing: AceHistory | None = None, exec_dialog: bool = True) -> InstrumentDialog:
        instrument = load_instrument("ace")
        record = self.record

        def build(answers: dict[str, Any]) -> AceHistory:
            return ace_from_answers(instrument, answers, case_id=record.case.id,
                                    entity_id=existing.id if existing else None)

        selection = [p for p in self.context.selection if record.get(Person, p)]
        initial = answers_from_ace(existing) if existing else ({"person_id": selection[0]} if selection else None)
        dialog = InstrumentDialog(instrument, build, people=people_choices(record), user=self.context.user,
                                  answers=initial, parent=self)
        if exec_dialog and dialog.exec() and dialog.result_value is not None:
            history = dialog.result_value
            self._apply(history, existing, f"Record childhood history of {record.name_of(history.person_id)}")
        return dialog

    def open_injury(self, existing: NmiInjury | None = None) -> None:
        child = existing.child_id if existing else (
            next((p for p in self.context.selection if self._is_child(p)), None) or default_child(self.record))
        dialog = NmiDialog(self.record, child, self.context.user, existing, parent=self)
        if dialog.exec() and dialog.command is not None:
            self.context.apply(dialog.command)

    def _is_child(self, person_id: str) -> bool:
        person = self.record.get(Person, person_id)
        return person is not None and is_child(person, date.today())


__all__ = ["AssessmentsPanel", "dash_summary"]
