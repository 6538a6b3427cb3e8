"""The ONE generic form engine: draws any instrument definition (DASH, DARAC result, ACE history…).

The definition, the answers and their checks are Qt-free (:mod:`genorisk.risk.instruments`); this
module only turns a definition into widgets and widgets back into a plain answers mapping. A
per-child section repeats its fields for each child the form is about. Licensed wording never lives
here: item labels come from the instrument file (or an organisation's own wording file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from genorisk.domain.values import Provenance, SourceKind, display_date
from genorisk.risk.instruments import AnswerValue, FieldDef, FieldType, FormProblem, Instrument, validate_answers
from genorisk.ui.dialogs.fields import DateField, FormError, ProvenanceWidget, qt_datetime

SOURCE_CHOICES = (
    (SourceKind.SELF_REPORT, "Victim / person's own account"),
    (SourceKind.AGENCY_RECORD, "Agency record"),
    (SourceKind.OBSERVATION, "Practitioner observation"),
    (SourceKind.CHILD_ACCOUNT, "Child's account"),
)


class _AnswerWidget(QWidget):
    """Radio buttons for an item's answers, plus where the answer came from and a note."""

    changed = Signal()

    def __init__(self, f: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = f
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for option in f.options:
            button = QRadioButton(option.label)
            button.setObjectName(f"{f.key}_{option.value}")
            button.setAccessibleName(f"{_short(f)}: {option.label}")
            self.group.addButton(button)
            self.buttons[option.value] = button
            layout.addWidget(button)
            button.toggled.connect(lambda *_: self.changed.emit())
        self.source: QComboBox | None = None
        self.detail: QLineEdit | None = None
        if f.with_source:
            self.source = QComboBox()
            self.source.setObjectName(f"{f.key}_source")
            self.source.setAccessibleName(f"{_short(f)}: source")
            self.source.addItem("Source…", None)
            for kind, label in SOURCE_CHOICES:
                self.source.addItem(label, kind)
            self.detail = QLineEdit()
            self.detail.setObjectName(f"{f.key}_detail")
            self.detail.setPlaceholderText("who / which record")
            self.detail.setAccessibleName(f"{_short(f)}: who said it or which record")
            layout.addWidget(self.source)
            layout.addWidget(self.detail, 1)
        self.note: QLineEdit | None = None
        if f.with_note:
            self.note = QLineEdit()
            self.note.setObjectName(f"{f.key}_note")
            self.note.setPlaceholderText("in their words (optional)")
            self.note.setAccessibleName(f"{_short(f)}: note")
            layout.addWidget(self.note, 1)
        layout.addStretch(0)

    def value(self) -> AnswerValue | None:
        chosen = next((v for v, b in self.buttons.items() if b.isChecked()), None)
        if chosen is None:
            return None
        source = self.source.currentData() if self.source else None  # Qt hands enums back as text
        return AnswerValue(chosen, SourceKind(source) if source else None,
                           self.detail.text().strip() if self.detail else "",
                           self.note.text().strip() if self.note else "")

    def set_value(self, value: AnswerValue | None) -> None:
        if value is None:
            return
        button = self.buttons.get(value.value)
        if button:
            button.setChecked(True)
        if self.source and value.source is not None:
            self.source.setCurrentIndex(max(self.source.findData(value.source), 0))
        if self.detail:
            self.detail.setText(value.source_detail)
        if self.note:
            self.note.setText(value.note)


class InstrumentForm(QWidget):
    """Widgets for every field of an instrument; ``answers()`` reads them into a plain mapping."""

    changed = Signal()

    def __init__(self, instrument: Instrument, people: Iterable[tuple[str, str, bool]] = (),
                 children: Iterable[str] = (), user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.people = tuple(people)
        self.child_ids = tuple(children)
        self.user = user
        self.setObjectName(f"form_{instrument.id}")
        self._readers: dict[str, Callable[[], Any]] = {}
        self._writers: dict[str, Callable[[Any], None]] = {}
        self._widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        notice = QLabel(instrument.notice)
        notice.setWordWrap(True)
        notice.setObjectName("instrumentNotice")
        notice.setAccessibleName("About this form")
        notice.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 6px; }")
        layout.addWidget(notice)
        for section in instrument.sections:
            box = QGroupBox(section.title)
            box.setObjectName(f"section_{section.key}")
            inner = QVBoxLayout(box)
            if section.help:
                help_label = QLabel(section.help)
                help_label.setWordWrap(True)
                inner.addWidget(help_label)
            if section.per_child:
                for child_id in self.child_ids:
                    child_box = QGroupBox(self._name(child_id))
                    child_box.setObjectName(f"child_{child_id}")
                    form = QFormLayout(child_box)
                    for f in section.fields:
                        self._add(form, f, f"{section.key}.{child_id}.{f.key}")
                    inner.addWidget(child_box)
                if not self.child_ids:
                    inner.addWidget(QLabel("No children are linked to this form."))
            else:
                form = QFormLayout()
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
                inner.addLayout(form)
                for f in section.fields:
                    self._add(form, f, f.key)
            layout.addWidget(box)
        layout.addStretch(1)

    def _name(self, person_id: str) -> str:
        return next((name for pid, name, _child in self.people if pid == person_id), person_id)

    def _add(self, form: QFormLayout, f: FieldDef, path: str) -> None:
        widget, read, write = self._make(f, path)
        widget.setObjectName(path.replace(".", "__"))
        if not widget.accessibleName():
            widget.setAccessibleName(f.label)
        if f.help:
            widget.setToolTip(f.help)
        label = QLabel(("* " if f.required else "") + f.label)
        label.setWordWrap(True)
        label.setBuddy(widget)
        if f.type is FieldType.ANSWER:
            form.addRow(label)
            form.addRow(widget)
        else:
            form.addRow(label, widget)
        self._readers[path] = read
        self._writers[path] = write
        self._widgets[path] = widget

    def _make(self, f: FieldDef, path: str) -> tuple[QWidget, Callable[[], Any], Callable[[Any], None]]:
        kind = f.type
        if kind in (FieldType.TEXT,):
            line = QLineEdit(self.user if f.key == "assessor" else "")
            line.textChanged.connect(lambda *_: self.changed.emit())
            return line, lambda: line.text().strip(), lambda v: line.setText(str(v or ""))
        if kind is FieldType.MULTILINE:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(64)
            text.textChanged.connect(lambda *_: self.changed.emit())
            return text, lambda: text.toPlainText().strip(), lambda v: text.setPlainText(str(v or ""))
        if kind is FieldType.DATE:
            field = DateField(f.label, full=True, required=False)
            if f.required:
                field.set_value(date.today())
            field.textChanged.connect(lambda *_: self.changed.emit())

            def read_date() -> date | None:
                return field.full_date()

            return field, read_date, lambda v: field.set_value(v)
        if kind is FieldType.DATETIME:
            edit = QDateTimeEdit(QDateTime.currentDateTime())
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
            edit.setCalendarPopup(True)
            return (edit, lambda: edit.dateTime().toPython(),
                    lambda v: edit.setDateTime(qt_datetime(v)) if isinstance(v, datetime) else None)
        if kind is FieldType.INTEGER:
            spin = QSpinBox()
            spin.setRange(f.minimum if f.minimum is not None else 0, f.maximum if f.maximum is not None else 999)
            return spin, spin.value, lambda v: spin.setValue(int(v or 0))
        if kind is FieldType.BOOLEAN:
            check = QCheckBox(f.label)
            check.toggled.connect(lambda *_: self.changed.emit())
            return check, check.isChecked, lambda v: check.setChecked(bool(v))
        if kind is FieldType.CHOICE:
            combo = QComboBox()
            combo.addItem("Choose…", None)
            for option in f.options:
                combo.addItem(option.label, option.value)
            combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
            return (combo, lambda: combo.currentData(),
                    lambda v: combo.setCurrentIndex(max(combo.findData(v), 0)))
        if kind is FieldType.MULTI_CHOICE:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            checks: dict[str, QCheckBox] = {}
            for option in f.options:
                check = QCheckBox(option.label)
                check.setObjectName(f"{f.key}_{option.value}")
                check.toggled.connect(lambda *_: self.changed.emit())
                checks[option.value] = check
                column.addWidget(check)
            def write_checks(value: Any) -> None:
                for option_value, check in checks.items():
                    check.setChecked(option_value in (value or ()))

            return box, lambda: tuple(v for v, c in checks.items() if c.isChecked()), write_checks
        if kind is FieldType.PERSON:
            combo = QComboBox()
            combo.addItem("Not recorded in this case" if not f.required else "Choose…", None)
            for pid, name, is_child in self.people:
                if (f.people == "adult" and is_child) or (f.people == "child" and not is_child):
                    continue
                combo.addItem(name, pid)
            combo.currentIndexChanged.connect(lambda *_: self.changed.emit())
            return (combo, lambda: combo.currentData(),
                    lambda v: combo.setCurrentIndex(max(combo.findData(v), 0)))
        if kind is FieldType.ANSWER:
            answer = _AnswerWidget(f)
            answer.changed.connect(lambda *_: self.changed.emit())
            return answer, answer.value, answer.set_value
        if kind is FieldType.SOURCE:
            provenance = ProvenanceWidget(f.label, people=[name for _pid, name, _c in self.people], user=self.user)

            def read_source() -> Provenance | None:
                try:
                    return provenance.value()
                except FormError:
                    return None

            return provenance, read_source, lambda v: provenance.set_value(v) if v else None
        raise ValueError(f"unsupported field type {kind}")

    # --- reading and writing ------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        """The answers as the Qt-free binders take them (per-child sections nested by child id)."""
        answers: dict[str, Any] = {}
        for path, read in self._readers.items():
            try:
                value = read()
            except FormError:
                value = None
            parts = path.split(".")
            if len(parts) == 3:
                answers.setdefault(parts[0], {}).setdefault(parts[1], {})[parts[2]] = value
            else:
                answers[path] = value
        return answers

    def set_answers(self, answers: Mapping[str, Any]) -> None:
        """Fill the fields named in ``answers`` (others are left as they are)."""
        for path, write in self._writers.items():
            parts = path.split(".")
            if parts[0] not in answers:
                continue
            if len(parts) == 3:
                value = ((answers.get(parts[0]) or {}).get(parts[1]) or {}).get(parts[2])
            else:
                value = answers.get(path)
            write(value)

    def widget_for(self, path: str) -> QWidget | None:
        return self._widgets.get(path)

    def problems(self) -> list[FormProblem]:
        problems = validate_answers(self.instrument, self.answers(), self.child_ids)
        for path, widget in self._widgets.items():  # a typed date that does not parse
            if isinstance(widget, DateField):
                try:
                    widget.value()
                except FormError as error:
                    problems.insert(0, FormProblem(path, str(error)))
        return problems


class InstrumentDialog(QDialog):
    """A form in a dialog: OK checks the answers and hands them to ``build`` (answers → command).

    ``summary`` (optional) turns the current answers into a live line at the top, e.g. the DASH yes
    count against its threshold — a count, never a verdict.
    """

    def __init__(self, instrument: Instrument, build: Callable[[dict[str, Any]], Any], *,
                 people: Iterable[tuple[str, str, bool]] = (), children: Iterable[str] = (), user: str = "",
                 answers: Mapping[str, Any] | None = None,
                 summary: Callable[[dict[str, Any]], str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(instrument.title)
        self.setAccessibleName(instrument.title)
        self.setObjectName(f"dialog_{instrument.id}")
        self.build = build
        self.result_value: Any = None
        self.summary = summary
        outer = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("instrumentSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setVisible(summary is not None)
        self.summary_label.setStyleSheet("QLabel { font-weight: bold; padding: 4px; }")
        outer.addWidget(self.summary_label)
        self.form = InstrumentForm(instrument, people, children, user)
        if answers:
            self.form.set_answers(answers)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        outer.addWidget(scroll, 1)
        self.problems_label = QLabel()
        self.problems_label.setObjectName("formProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problems_label.setAccessibleName("Problems with the form")
        outer.addWidget(self.problems_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.form.changed.connect(self._refresh)
        self._refresh()
        self.resize(820, 720)

    def _refresh(self) -> None:
        if self.summary is not None:
            try:
                self.summary_label.setText(self.summary(self.form.answers()))
            except (ValueError, KeyError, TypeError) as error:
                self.summary_label.setText(str(error))

    def accept(self) -> None:
        problems = self.form.problems()
        blocking = [p for p in problems if p.blocking]
        notes = [p for p in problems if not p.blocking]
        if blocking:
            self.problems_label.setText("⚠ " + "\n⚠ ".join(p.message for p in blocking[:6]))
            widget = self.form.widget_for(blocking[0].key)
            if widget is not None:
                widget.setFocus()
            return
        try:
            self.result_value = self.build(self.form.answers())
        except (ValueError, KeyError) as error:
            self.problems_label.setText(f"⚠ {error}")
            return
        if notes:
            self.problems_label.setText("Note: " + "\nNote: ".join(p.message for p in notes))
        super().accept()


def _short(f: FieldDef) -> str:
    return f"Item {f.number}" if f.number is not None else f.label


def people_choices(record: Any, on: date | None = None) -> tuple[tuple[str, str, bool], ...]:
    """(id, name, is a child) for every person in the case except pregnancies."""
    from genorisk.risk.facts import is_child

    today = on or date.today()
    return tuple((p.id, p.display_name, is_child(p, today)) for p in record.people if p.pregnancy is None)


def describe_date(value: date | None) -> str:
    return display_date(value) if value else ""
