"""The Voice of the child panel: each child's own words and wishes, Three Houses, observations of a
baby's lived experience, and the three-column safety map with 0–10 scaling by named raters."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.entities import new_id
from genorisk.domain.network import ChildVoice, NextStep, SafetyMap, SafetyRating, VoiceKind
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import display_date, parse_display_date
from genorisk.network import editing, queries
from genorisk.ui.dialogs.fields import DateField, FormError, enum_combo
from genorisk.ui.models import Column
from genorisk.ui.network.agencies import checked_people, people_list
from genorisk.ui.network.common import (
    FormDialog,
    GridEditor,
    RecordTable,
    button,
    button_row,
    chosen_required,
    day,
    day_sort,
    dialog_buttons,
    lines_edit,
    lines_of,
    text_edit,
)
from genorisk.ui.panels import PanelContext


class VoiceDialog(FormDialog):
    def __init__(self, record: CaseRecord, user: str, child_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle("Voice of the child")
        self.setObjectName("voiceDialog")
        form = QFormLayout(self)
        self.child = QComboBox()
        self.child.setObjectName("voiceChild")
        self.child.setAccessibleName("Child")
        for person in sorted(record.people, key=lambda p: (not p.is_subject_child, p.display_name)):
            age = person.age_on(date.today())
            if person.pregnancy is None and (age is None or age < 18):
                self.child.addItem(person.display_name, person.id)
        if child_id:
            self.child.setCurrentIndex(max(self.child.findData(child_id), 0))
        self.kind = enum_combo(VoiceKind, VoiceKind.WORDS_AND_WISHES, "voiceKind")
        self.on = DateField("Recorded on", full=True, required=True)
        self.on.set_value(date.today())
        self.by = QLineEdit(user)
        self.by.setObjectName("voiceBy")
        self.by.setAccessibleName("Recorded by")
        self.context_ = QLineEdit()
        self.context_.setObjectName("voiceContext")
        self.context_.setAccessibleName("Where and how the child was seen")
        self.context_.setPlaceholderText("e.g. seen alone at school")
        self.words = text_edit("voiceWords", "The child's own words, exactly as said")
        self.wishes = text_edit("voiceWishes", "Wishes")
        self.worries = text_edit("voiceWorries", "House of worries")
        self.good = text_edit("voiceGood", "House of good things")
        self.dreams = text_edit("voiceDreams", "House of dreams")
        self.observations = text_edit("voiceObservations", "Observed lived experience (babies and children "
                                                           "who cannot say)", height=80)
        form.addRow("&Child", self.child)
        form.addRow("&Kind", self.kind)
        form.addRow("&Recorded on", self.on)
        form.addRow("Recorded &by", self.by)
        form.addRow("&Where and how", self.context_)
        form.addRow("Own &words", self.words)
        form.addRow("W&ishes", self.wishes)
        form.addRow("W&orries", self.worries)
        form.addRow("&Good things", self.good)
        form.addRow("&Dreams", self.dreams)
        form.addRow("O&bserved", self.observations)
        form.addRow(dialog_buttons(self, "Save"))
        self.resize(620, 720)

    def build(self) -> ChildVoice:
        on = self.on.full_date()
        assert on is not None
        if self.child.currentData() is None:
            raise FormError("Choose the child.", self.child)
        return ChildVoice(id=new_id(), case_id=self.record.case.id, child_id=self.child.currentData(), recorded_on=on,
                          recorded_by=self.by.text().strip(), kind=chosen_required(self.kind, VoiceKind),
                          context=self.context_.text().strip(), words=self.words.toPlainText().strip(),
                          wishes=self.wishes.toPlainText().strip(), worries=self.worries.toPlainText().strip(),
                          good_things=self.good.toPlainText().strip(), dreams=self.dreams.toPlainText().strip(),
                          observations=self.observations.toPlainText().strip())


class SafetyMapDialog(FormDialog):
    """A new safety map: worries with danger statements, what's working well, what needs to happen with
    safety goals, and 0–10 scaling by named raters. Starts from the latest map so it can be updated."""

    def __init__(self, record: CaseRecord, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        latest = queries.safety_maps(record)[-1] if queries.safety_maps(record) else None
        self.setWindowTitle("Safety map")
        self.setObjectName("safetyMapDialog")
        form = QFormLayout(self)
        self.on = DateField("Recorded on", full=True, required=True)
        self.on.set_value(date.today())
        self.by = QLineEdit(user)
        self.by.setObjectName("mapBy")
        self.by.setAccessibleName("Recorded by")
        subjects = latest.child_ids if latest else [p.id for p in record.subject_children]
        self.child_list = people_list(record, "mapChildren", subjects)
        self.harms = lines_edit("mapHarms", "Harm: what has happened (one per line)", latest.harms if latest else ())
        self.dangers = lines_edit("mapDangers", "Danger statements: who is worried, about what, what will happen "
                                  "if nothing changes", latest.danger_statements if latest else ())
        self.complicating = lines_edit("mapComplicating", "Complicating factors",
                                       latest.complicating_factors if latest else ())
        self.strengths = lines_edit("mapStrengths", "What's working well: strengths",
                                    latest.strengths if latest else ())
        self.safety = lines_edit("mapSafety", "What's working well: existing safety",
                                 latest.existing_safety if latest else ())
        self.goals = lines_edit("mapGoals", "Safety goals", latest.safety_goals if latest else ())
        self.steps = GridEditor("mapSteps", ["Next step", "Who", "By (dd/mm/yyyy)"])
        for step in latest.next_steps if latest else ():
            self.steps.add_row((step.step, step.owner, display_date(step.due_on) if step.due_on else ""))
        self.ratings = GridEditor("mapRatings", ["Who", "Role", "Score 0–10", "What makes it that?"])
        form.addRow("&Recorded on", self.on)
        form.addRow("Recorded &by", self.by)
        form.addRow("&Children", self.child_list)
        form.addRow("&Harm", self.harms)
        form.addRow("&Danger statements", self.dangers)
        form.addRow("C&omplicating", self.complicating)
        form.addRow("&Strengths", self.strengths)
        form.addRow("E&xisting safety", self.safety)
        form.addRow("Safety &goals", self.goals)
        form.addRow("&Next steps", self.steps.with_buttons("step"))
        form.addRow("Sc&aling", self.ratings.with_buttons("rating"))
        form.addRow(dialog_buttons(self, "Save safety map"))
        self.resize(760, 860)

    def build(self) -> SafetyMap:
        on = self.on.full_date()
        assert on is not None
        steps = []
        for step, owner, due in self.steps.values():
            try:
                due_on = parse_display_date(due) if due else None
            except ValueError as exc:
                raise FormError(f"Next step “{step}”: {exc}", self.steps) from exc
            steps.append(NextStep(step=step, owner=owner, due_on=due_on))
        ratings = []
        for rater, role, score, reason in self.ratings.values():
            if not score.isdigit() or not 0 <= int(score) <= 10:
                raise FormError(f"{rater or 'A rater'}: the score is a whole number from 0 to 10.", self.ratings)
            ratings.append(SafetyRating(rater=rater, role=role, score=int(score), reason=reason))
        return SafetyMap(id=new_id(), case_id=self.record.case.id, recorded_on=on, recorded_by=self.by.text().strip(),
                         child_ids=checked_people(self.child_list), harms=lines_of(self.harms),
                         danger_statements=lines_of(self.dangers), complicating_factors=lines_of(self.complicating),
                         strengths=lines_of(self.strengths), existing_safety=lines_of(self.safety),
                         safety_goals=lines_of(self.goals), next_steps=tuple(steps), ratings=tuple(ratings))


def voice_html(record: CaseRecord, voice: ChildVoice) -> str:
    parts = [f"<h3>{escape(record.name_of(voice.child_id))}: {escape(voice.kind.label)}, "
             f"{display_date(voice.recorded_on)}</h3>",
             f"<p><i>Recorded by {escape(voice.recorded_by)}"
             + (f"; {escape(voice.context)}" if voice.context else "") + "</i></p>"]
    if voice.words:
        parts.append(f"<blockquote>{escape(voice.words)}</blockquote>")
    if voice.worries or voice.good_things or voice.dreams:
        parts.append("<table border='1' cellspacing='0' cellpadding='4'><tr><th>House of worries</th>"
                     "<th>House of good things</th><th>House of dreams</th></tr>"
                     f"<tr><td>{escape(voice.worries)}</td><td>{escape(voice.good_things)}</td>"
                     f"<td>{escape(voice.dreams)}</td></tr></table>")
    if voice.wishes:
        parts.append(f"<p><b>Wishes:</b> {escape(voice.wishes)}</p>")
    if voice.observations:
        parts.append(f"<p><b>Observed lived experience:</b> {escape(voice.observations)}</p>")
    return "".join(parts)


def safety_map_html(record: CaseRecord, safety: SafetyMap) -> str:
    def items(values: tuple[str, ...]) -> str:
        return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>" if values else "<p>–</p>"

    steps = "<ul>" + "".join(
        f"<li>{escape(s.step)}" + (f" ({escape(s.owner)}" + (f", by {display_date(s.due_on)}" if s.due_on else "")
                                   + ")" if s.owner else "") + "</li>" for s in safety.next_steps) + "</ul>"
    ratings = "".join(f"<tr><td>{escape(r.rater)}</td><td>{escape(r.role)}</td><td><b>{r.score} / 10</b></td>"
                      f"<td>{escape(r.reason)}</td></tr>" for r in safety.ratings)
    return (f"<h3>Safety map, {display_date(safety.recorded_on)}</h3>"
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr><th>What are we worried about?</th>"
            "<th>What's working well?</th><th>What needs to happen?</th></tr><tr>"
            f"<td><b>Harm</b>{items(safety.harms)}<b>Danger statements</b>{items(safety.danger_statements)}"
            f"<b>Complicating factors</b>{items(safety.complicating_factors)}</td>"
            f"<td><b>Strengths</b>{items(safety.strengths)}<b>Existing safety</b>{items(safety.existing_safety)}</td>"
            f"<td><b>Safety goals</b>{items(safety.safety_goals)}<b>Next steps</b>{steps}</td></tr></table>"
            "<p><b>Scaling</b> (0 = the children cannot live at home; 10 = safe enough to close)</p>"
            f"<table border='1' cellspacing='0' cellpadding='3'><tr><th>Who</th><th>Role</th><th>Score</th>"
            f"<th>What makes it that?</th></tr>{ratings}</table>")


class VoicePanel(QWidget):
    def __init__(self, context: PanelContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("voicePanel")
        self.setAccessibleName("Voice of the child and safety map")
        layout = QVBoxLayout(self)
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.voices: RecordTable[ChildVoice] = RecordTable("voicesTable", [
            Column("Child", lambda v: self.record.name_of(v.child_id)),
            Column("Date", lambda v: day(v.recorded_on), lambda v: day_sort(v.recorded_on)),
            Column("Kind", lambda v: v.kind.label),
        ])
        left_layout.addWidget(self.voices)
        left_layout.addLayout(button_row(button("Add &voice of the child…", "addVoice", self.add_voice),
                                         button("New &safety map…", "addSafetyMap", self.add_safety_map)))
        self.detail = QTextBrowser()
        self.detail.setObjectName("voiceDetail")
        self.detail.setAccessibleName("The child's voice and the safety map")
        split.addWidget(left)
        split.addWidget(self.detail)
        layout.addWidget(split)
        self.voices.selectionModel().selectionChanged.connect(lambda *_: self._show())
        context.record_changed.connect(lambda *_: self.refresh())
        self.refresh()

    @property
    def record(self) -> CaseRecord:
        return self.context.record

    def refresh(self) -> None:
        self.voices.set_rows(list(reversed(queries.voices(self.record))))
        if self.voices.current_id() is None and self.voices.row_count():
            self.voices.selectRow(0)
        self._show()

    def _show(self) -> None:
        parts = []
        voice = self.voices.current_row()
        missing = [c.display_name for c in self.record.subject_children
                   if not any(v.child_id == c.id for v in queries.voices(self.record))]
        if missing:
            parts.append(f"<p><b>No voice or lived experience recorded for: {escape(', '.join(missing))}.</b></p>")
        if voice is not None:
            parts.append(voice_html(self.record, voice))
        else:
            parts.append("<p>Select a record to read it.</p>")
        maps = queries.safety_maps(self.record)
        if maps:
            parts.append(safety_map_html(self.record, maps[-1]))
        self.detail.setHtml("".join(parts))

    def add_voice(self) -> None:
        child = self.voices.current_row()
        dialog = VoiceDialog(self.record, self.context.user, child.child_id if child else None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            voice = dialog.result_value
            assert isinstance(voice, ChildVoice)
            self.context.apply(editing.add_record(voice, f"Record the voice of {self.record.name_of(voice.child_id)}"))

    def add_safety_map(self) -> None:
        dialog = SafetyMapDialog(self.record, self.context.user, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            safety = dialog.result_value
            assert isinstance(safety, SafetyMap)
            self.context.apply(editing.add_record(safety, f"Record {safety.summary}"))

