"""Instruments as data: definitions, answers, validation, and the records they become (Qt-free).

One generic form engine draws every instrument: the Qt side (:mod:`genorisk.ui.risk.forms`) reads an
:class:`Instrument` and produces a plain answers mapping; this module checks the answers
(:func:`validate_answers`) and turns them into the stored record and back (``*_from_answers`` /
``answers_from_*``). DASH counting and its professional-judgement triggers are here too.

Answers are a ``dict``: field key → value. Values are ``str`` (text, choice), ``date``, ``datetime``,
``int``, ``bool``, ``tuple[str, ...]`` (multi-choice), a person id (``str``), :class:`AnswerValue`
(instrument items) or :class:`~genorisk.domain.values.Provenance` (source fields). A per-child
section's answers are ``{section key: {child id: {field key: value}}}``.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from genorisk.domain.entities import Person, new_id
from genorisk.domain.family_graph import households_of, residents_on
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import (
    AceAnswer,
    AceCategory,
    AceEntry,
    AceHistory,
    ChronologyEvent,
    DaracChildNote,
    DaracRecord,
    DashAnswer,
    DashAnswerValue,
    DashAssessment,
    EscalationRisk,
    EventKind,
)
from genorisk.domain.values import Provenance, SourceKind
from genorisk.risk.resources import INSTRUMENTS_DIR, DataFileError, load_checked, load_data_file

INSTRUMENT_SCHEMA = INSTRUMENTS_DIR / "instrument.schema.json"
WORDING_SCHEMA = INSTRUMENTS_DIR / "wording.schema.json"
INSTRUMENT_FILES = {"dash": "dash.json", "darac": "darac.json", "ace": "ace.json"}
WORDING_VARIABLE = "GENORISK_{kind}_WORDING"
"""E.g. GENORISK_DASH_WORDING=/path/to/licensed-wording.json."""


class FieldType(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    DATE = "date"
    DATETIME = "datetime"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    PERSON = "person"
    ANSWER = "answer"
    SOURCE = "source"


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class FieldDef:
    """One question on a form."""

    key: str
    type: FieldType
    label: str
    help: str = ""
    required: bool = False
    number: int | None = None
    theme: str = ""
    flags: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    with_source: bool = False
    with_note: bool = False
    people: str = "any"
    minimum: int | None = None
    maximum: int | None = None

    def option_label(self, value: str) -> str:
        return next((o.label for o in self.options if o.value == value), value)


@dataclass(frozen=True, slots=True)
class SectionDef:
    key: str
    title: str
    fields: tuple[FieldDef, ...]
    help: str = ""
    per_child: bool = False


@dataclass(frozen=True, slots=True)
class JudgementTrigger:
    """A professional-judgement trigger: raised by yes answers to items, or ticked by the assessor."""

    key: str
    label: str
    any_yes: tuple[int, ...] = ()
    all_groups_yes: tuple[tuple[int, ...], ...] = ()
    raises_r4: bool = True

    def raised_by(self, yes_items: frozenset[int]) -> bool:
        if self.any_yes and yes_items.intersection(self.any_yes):
            return True
        return bool(self.all_groups_yes) and all(yes_items.intersection(g) for g in self.all_groups_yes)


@dataclass(frozen=True, slots=True)
class Scoring:
    count_answer: str
    threshold_name: str
    default_threshold: int
    judgement_triggers: tuple[JudgementTrigger, ...]

    def trigger(self, key: str) -> JudgementTrigger | None:
        return next((t for t in self.judgement_triggers if t.key == key), None)


@dataclass(frozen=True, slots=True)
class Instrument:
    """A loaded, schema-checked instrument definition (with any licensed wording applied)."""

    id: str
    version: str
    kind: str
    title: str
    notice: str
    sections: tuple[SectionDef, ...]
    wording_id: str = ""
    paraphrased: bool = True
    licence: str = ""
    scoring: Scoring | None = None

    @property
    def wording(self) -> str:
        """What a stored record says about the wording shown, e.g. 'dash-paraphrase-genorisk 2026.1'."""
        return f"{self.wording_id or self.id} {self.version}"

    def fields(self) -> tuple[FieldDef, ...]:
        return tuple(f for section in self.sections for f in section.fields)

    def field(self, key: str) -> FieldDef:
        for candidate in self.fields():
            if candidate.key == key:
                return candidate
        raise KeyError(f"{self.id} has no field '{key}'")

    @property
    def items(self) -> tuple[FieldDef, ...]:
        """The numbered answer items, in number order."""
        numbered = [f for f in self.fields() if f.type is FieldType.ANSWER and f.number is not None]
        return tuple(sorted(numbered, key=lambda f: f.number or 0))

    def item(self, number: int) -> FieldDef:
        for candidate in self.items:
            if candidate.number == number:
                return candidate
        raise KeyError(f"{self.id} has no item {number}")


@dataclass(frozen=True, slots=True)
class AnswerValue:
    """An answer to an instrument item, with where it came from and an optional note."""

    value: str
    source: SourceKind | None = None
    source_detail: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class FormProblem:
    """Something wrong or missing on a form; ``blocking`` problems stop it being saved."""

    key: str
    message: str
    blocking: bool = True


# --- loading ---------------------------------------------------------------------------------------
def load_instrument(kind: str, wording_file: Path | None = None, directory: Path = INSTRUMENTS_DIR) -> Instrument:
    """The instrument for ``kind`` ('dash', 'darac', 'ace'), schema-checked.

    ``wording_file`` (default: the file named by GENORISK_<KIND>_WORDING, if set) is a licensed
    organisation's own item wording, which replaces the paraphrases; answers stay keyed by number.
    """
    if kind not in INSTRUMENT_FILES:
        raise DataFileError(f"no instrument called '{kind}' (known: {', '.join(INSTRUMENT_FILES)})")
    if wording_file is None:
        named = os.environ.get(WORDING_VARIABLE.format(kind=kind.upper()))
        wording_file = Path(named) if named else None
    path = directory / INSTRUMENT_FILES[kind]
    instrument = _load(kind, path, _modified(path))
    if wording_file is not None:
        instrument = apply_wording(instrument, wording_file, directory / "wording.schema.json")
    return instrument


@cache
def _load(kind: str, path: Path, _modified: int) -> Instrument:
    """The checked instrument (cached until the file changes)."""
    data = load_data_file(path, path.parent / "instrument.schema.json")
    instrument = _instrument_from_data(data)
    if instrument.kind != kind:
        raise DataFileError(f"{path}: is a '{instrument.kind}' instrument, expected '{kind}'")
    return instrument


def _modified(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def apply_wording(instrument: Instrument, wording_file: Path, schema: Path = WORDING_SCHEMA) -> Instrument:
    """The instrument with a licensed wording file's item texts in place of the paraphrases."""
    data = load_checked(wording_file, schema)
    if data["instrument"] != instrument.id:
        raise DataFileError(f"{wording_file}: is wording for '{data['instrument']}', not '{instrument.id}'")
    texts = {int(number): text for number, text in data["items"].items()}
    known = {f.number for f in instrument.items}
    unknown = sorted(set(texts) - known)
    if unknown:
        raise DataFileError(f"{wording_file}: $.items.{unknown[0]}: {instrument.id} has no item {unknown[0]}")
    sections = tuple(
        replace(section, fields=tuple(
            replace(f, label=f"{f.number}. {texts[f.number]}") if f.number in texts and f.type is FieldType.ANSWER
            else f
            for f in section.fields))
        for section in instrument.sections
    )
    return replace(instrument, sections=sections, wording_id=data["id"], version=data["version"],
                   paraphrased=False, licence=data["licence"])


def _instrument_from_data(data: Mapping[str, Any]) -> Instrument:
    sections = tuple(
        SectionDef(
            key=s["key"], title=s["title"], help=s.get("help", ""), per_child=s.get("per_child", False),
            fields=tuple(_field_from_data(f) for f in s["fields"]),
        )
        for s in data["sections"]
    )
    scoring = None
    if "scoring" in data:
        sc = data["scoring"]
        scoring = Scoring(
            count_answer=sc["count_answer"], threshold_name=sc["threshold_name"],
            default_threshold=sc["default_threshold"],
            judgement_triggers=tuple(
                JudgementTrigger(t["key"], t["label"], tuple(t.get("any_yes", ())),
                                 tuple(tuple(g) for g in t.get("all_groups_yes", ())), t.get("raises_r4", True))
                for t in sc["judgement_triggers"]
            ),
        )
    wording = data.get("wording", {})
    return Instrument(
        id=data["id"], version=data["version"], kind=data["kind"], title=data["title"], notice=data["notice"],
        sections=sections, wording_id=wording.get("id", ""), paraphrased=wording.get("paraphrased", True),
        licence=wording.get("licence", ""), scoring=scoring,
    )


def _field_from_data(data: Mapping[str, Any]) -> FieldDef:
    return FieldDef(
        key=data["key"], type=FieldType(data["type"]), label=data["label"], help=data.get("help", ""),
        required=data.get("required", False), number=data.get("number"), theme=data.get("theme", ""),
        flags=tuple(data.get("flags", ())),
        options=tuple(Option(o["value"], o["label"]) for o in data.get("options", ())),
        with_source=data.get("with_source", False), with_note=data.get("with_note", False),
        people=data.get("people", "any"), minimum=data.get("minimum"), maximum=data.get("maximum"),
    )


# --- validation ------------------------------------------------------------------------------------
def validate_answers(instrument: Instrument, answers: Mapping[str, Any],
                     children: Iterable[str] = ()) -> list[FormProblem]:
    """Everything missing or wrong on a form, in form order; blocking problems stop a save."""
    problems: list[FormProblem] = []
    child_ids = tuple(children)
    for section in instrument.sections:
        if section.per_child:
            per_child = answers.get(section.key) or {}
            if not child_ids:
                problems.append(FormProblem(section.key, f"{section.title}: no children are linked to this "
                                                         "form; add the child-focused notes for each child",
                                            blocking=False))
            for child_id in child_ids:
                given = per_child.get(child_id) or {}
                for f in section.fields:
                    problems += _check_field(f, given.get(f.key), f"{section.key}.{child_id}.{f.key}")
        else:
            for f in section.fields:
                problems += _check_field(f, answers.get(f.key), f.key)
    if instrument.kind == "darac" and answers.get("assessor_trained") is False:
        problems.append(FormProblem("assessor_trained", "A DARAC should be completed by a practitioner trained to "
                                                        "use it: record who will review this result", blocking=False))
    if instrument.kind == "dash":
        problems += _dash_problems(instrument, answers)
    return problems


def _check_field(f: FieldDef, value: Any, path: str) -> list[FormProblem]:
    empty = value is None or value == "" or value == () or (isinstance(value, str) and not value.strip())
    if empty:
        return [FormProblem(path, f"{_short(f)}: an answer is needed")] if f.required else []
    expected: dict[FieldType, type | tuple[type, ...]] = {
        FieldType.TEXT: str, FieldType.MULTILINE: str, FieldType.PERSON: str, FieldType.CHOICE: str,
        FieldType.DATE: date, FieldType.DATETIME: datetime, FieldType.INTEGER: int, FieldType.BOOLEAN: bool,
        FieldType.MULTI_CHOICE: tuple, FieldType.ANSWER: AnswerValue, FieldType.SOURCE: Provenance,
    }
    if not isinstance(value, expected[f.type]) or (f.type is FieldType.INTEGER and isinstance(value, bool)):
        return [FormProblem(path, f"{_short(f)}: not a valid {f.type.value.replace('_', ' ')}")]
    allowed = {o.value for o in f.options}
    if f.type is FieldType.CHOICE and value not in allowed:
        return [FormProblem(path, f"{_short(f)}: '{value}' is not one of the choices")]
    if f.type is FieldType.MULTI_CHOICE and isinstance(value, tuple) and not set(value) <= allowed:
        return [FormProblem(path, f"{_short(f)}: not one of the choices")]
    if f.type is FieldType.ANSWER and isinstance(value, AnswerValue):
        if value.value not in allowed:
            return [FormProblem(path, f"{_short(f)}: '{value.value}' is not one of the answers")]
        if f.with_source and value.source is None:
            return [FormProblem(path, f"{_short(f)}: say where this answer came from")]
    if f.type is FieldType.INTEGER and isinstance(value, int):
        if f.minimum is not None and value < f.minimum:
            return [FormProblem(path, f"{_short(f)}: must be at least {f.minimum}")]
        if f.maximum is not None and value > f.maximum:
            return [FormProblem(path, f"{_short(f)}: must be at most {f.maximum}")]
    return []


def _short(f: FieldDef) -> str:
    return f"item {f.number}" if f.number is not None and f.type is FieldType.ANSWER else f.label


def _dash_problems(instrument: Instrument, answers: Mapping[str, Any]) -> list[FormProblem]:
    problems: list[FormProblem] = []
    unanswered = [f.number for f in instrument.items if not isinstance(answers.get(f.key), AnswerValue)]
    if unanswered:
        listed = ", ".join(str(n) for n in unanswered)
        problems.append(FormProblem("items", f"Items not answered: {listed}. Use 'don't know' rather than leaving "
                                             "an item empty or answering 'no' when it is not known",
                                    blocking=False))
    triggers = answers.get("judgement_triggers") or ()
    if triggers and not str(answers.get("judgement_reason") or "").strip():
        problems.append(FormProblem("judgement_reason", "Say why you ticked a professional-judgement trigger"))
    victim, perpetrator = answers.get("victim_id"), answers.get("perpetrator_id")
    if victim and perpetrator and victim == perpetrator:
        problems.append(FormProblem("perpetrator_id", "The victim and the person causing harm must be different "
                                                      "people"))
    return problems


# --- DASH ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DashResult:
    """What a DASH shows, for the form and the rules. A count against a threshold, never a verdict."""

    yes_count: int
    no_count: int
    dont_know_count: int
    unanswered: tuple[int, ...]
    threshold: int
    meets_threshold: bool
    item_triggers: tuple[JudgementTrigger, ...]
    """Professional-judgement triggers raised by the answers themselves."""
    recorded_triggers: tuple[JudgementTrigger, ...]
    """Triggers the assessor ticked."""
    police_call_outs_12_months: int = 0
    escalation_by_call_outs: bool = False
    repeat_of_marac_referral: date | None = None
    """A Marac referral for the same victim within the repeat window before this DASH, if any."""
    children: tuple[str, ...] = ()
    """Children linked to the victim or the person causing harm (each a victim in their own right)."""

    @property
    def r4_triggers(self) -> tuple[JudgementTrigger, ...]:
        seen: dict[str, JudgementTrigger] = {}
        for trigger in (*self.item_triggers, *self.recorded_triggers):
            if trigger.raises_r4:
                seen.setdefault(trigger.key, trigger)
        return tuple(seen.values())

    def describe(self) -> str:
        """One line for forms and reports, e.g. '15 yes of 24 (threshold 14: met); 2 don't know'."""
        met = "met" if self.meets_threshold else "not met"
        text = f"{self.yes_count} yes (high-risk threshold {self.threshold}: {met})"
        if self.dont_know_count:
            text += f"; {self.dont_know_count} don't know"
        if self.unanswered:
            text += f"; {len(self.unanswered)} not answered"
        return text


def score_dash(instrument: Instrument, dash: DashAssessment, record: CaseRecord | None = None,
               thresholds: Mapping[str, Any] | None = None) -> DashResult:
    """Count a DASH's answers and find its triggers; with the case, also escalation, repeats and children.

    ``thresholds`` are the rules configuration's values (see :mod:`genorisk.risk.rules.config`).
    """
    if instrument.scoring is None:
        raise ValueError(f"{instrument.id} has no scoring")
    settings = thresholds or {}
    scoring = instrument.scoring
    threshold = int(settings.get(scoring.threshold_name, scoring.default_threshold))
    values = {a.item: a.answer for a in dash.answers}
    yes = frozenset(item for item, value in values.items() if value is DashAnswerValue.YES)
    numbers = [f.number for f in instrument.items if f.number is not None]
    item_triggers = tuple(t for t in scoring.judgement_triggers if t.raised_by(yes))
    recorded = tuple(t for key in dash.judgement_triggers if (t := scoring.trigger(key)) is not None)
    call_outs = 0
    escalation = False
    repeat: date | None = None
    children: tuple[str, ...] = ()
    if record is not None:
        call_outs = police_call_outs_within(record, dash.victim_id, dash.completed_on, months=12)
        escalation = call_outs >= int(settings.get("escalation_police_call_outs", 3))
        repeat = previous_marac_referral(record, dash, int(settings.get("dash_repeat_window_months", 12)))
        children = children_linked_to(record, (dash.victim_id, dash.perpetrator_id), dash.completed_on,
                                      int(settings.get("child_age_under", 18)))
    if escalation and scoring.trigger("escalation") and all(t.key != "escalation" for t in item_triggers):
        item_triggers += (scoring.trigger("escalation"),)  # type: ignore[operator]
    return DashResult(
        yes_count=len(yes),
        no_count=sum(1 for v in values.values() if v is DashAnswerValue.NO),
        dont_know_count=sum(1 for v in values.values() if v is DashAnswerValue.DONT_KNOW),
        unanswered=tuple(n for n in numbers if n not in values),
        threshold=threshold,
        meets_threshold=len(yes) >= threshold,
        item_triggers=item_triggers,
        recorded_triggers=recorded,
        police_call_outs_12_months=call_outs,
        escalation_by_call_outs=escalation,
        repeat_of_marac_referral=repeat,
        children=children,
    )


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when that month is shorter)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(day.day, last_day))


def police_call_outs_within(record: CaseRecord, victim_id: str, on: date, months: int) -> int:
    """Police call-outs involving the victim in the ``months`` up to ``on`` (chronology events)."""
    since = months_before(on, months)
    return sum(
        1 for event in record.all(ChronologyEvent)
        if event.kind is EventKind.POLICE_CALL_OUT and victim_id in event.person_ids
        and since <= event.date.midpoint() <= on
    )


def previous_marac_referral(record: CaseRecord, dash: DashAssessment, months: int) -> date | None:
    """The latest Marac referral for the same victim (and person causing harm, where both are known)
    made within ``months`` before this DASH."""
    since = months_before(dash.completed_on, months)
    found: list[date] = []
    for other in record.all(DashAssessment):
        if other.id == dash.id or other.marac_referral_on is None or other.victim_id != dash.victim_id:
            continue
        if dash.perpetrator_id and other.perpetrator_id and dash.perpetrator_id != other.perpetrator_id:
            continue
        if since <= other.marac_referral_on <= dash.completed_on:
            found.append(other.marac_referral_on)
    return max(found) if found else None


def children_linked_to(record: CaseRecord, adult_ids: Iterable[str | None], on: date,
                       under: int = 18) -> tuple[str, ...]:
    """Children (under ``under`` on the date) who are the children of, or live with, any of the adults.

    Any kind of parenthood counts (birth, step, adoptive…), wherever the child lives, so children of
    previous relationships are included: the Domestic Abuse Act 2021 s.3 and Child BE point.
    """
    found: list[str] = []
    for adult in (a for a in adult_ids if a):
        found += record.children_of(adult)
        for union in record.partnerships_of(adult):
            if union.is_current:
                found += record.children_of(union.partner_of(adult))
        for household_id in households_of(record, adult, on):
            found += residents_on(record, household_id, on)
    result = []
    adults = {a for a in adult_ids if a}
    for person_id in dict.fromkeys(found):
        person = record.get(Person, person_id)
        if person is None or person_id in adults or person.pregnancy is not None:
            continue
        age = person.age_on(on)
        if (age is not None and 0 <= age < under) or (age is None and person.is_subject_child):
            result.append(person_id)
    return tuple(result)


def dash_from_answers(instrument: Instrument, answers: Mapping[str, Any], *, case_id: str,
                      entity_id: str | None = None) -> DashAssessment:
    """The DASH record for a completed form; ValueError naming the first blocking problem."""
    _raise_blocking(instrument, answers)
    dash_answers = []
    for f in instrument.items:
        given = answers.get(f.key)
        if isinstance(given, AnswerValue) and f.number is not None:
            dash_answers.append(DashAnswer(f.number, DashAnswerValue(given.value),
                                           given.source or SourceKind.SELF_REPORT, given.source_detail))
    return DashAssessment(
        id=entity_id or new_id(), case_id=case_id, completed_on=answers["completed_on"],
        victim_id=answers["victim_id"], perpetrator_id=answers.get("perpetrator_id") or None,
        assessor=answers["assessor"], agency=answers.get("agency") or "", answers=tuple(dash_answers),
        judgement_triggers=tuple(answers.get("judgement_triggers") or ()),
        judgement_reason=answers.get("judgement_reason") or "",
        marac_referral_on=answers.get("marac_referral_on"), wording=instrument.wording,
        notes=answers.get("notes") or "",
    )


def answers_from_dash(instrument: Instrument, dash: DashAssessment) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "completed_on": dash.completed_on, "victim_id": dash.victim_id, "perpetrator_id": dash.perpetrator_id,
        "assessor": dash.assessor, "agency": dash.agency, "judgement_triggers": dash.judgement_triggers,
        "judgement_reason": dash.judgement_reason, "marac_referral_on": dash.marac_referral_on,
        "notes": dash.notes,
    }
    for answer in dash.answers:
        try:
            key = instrument.item(answer.item).key
        except KeyError:
            continue
        answers[key] = AnswerValue(answer.answer.value, answer.source, answer.source_detail)
    return answers


# --- DARAC -----------------------------------------------------------------------------------------
def darac_from_answers(instrument: Instrument, answers: Mapping[str, Any], children: Iterable[str], *,
                       case_id: str, entity_id: str | None = None) -> DaracRecord:
    child_ids = tuple(children)
    _raise_blocking(instrument, answers, child_ids)
    section = next(s for s in instrument.sections if s.per_child)
    per_child = answers.get(section.key) or {}
    notes = tuple(
        DaracChildNote(child_id,
                       sees_hears_experiences=(per_child.get(child_id) or {}).get("sees_hears_experiences") or "",
                       childs_own_account=(per_child.get(child_id) or {}).get("childs_own_account") or "",
                       impact_on_lived_experience=(per_child.get(child_id) or {}).get(
                           "impact_on_lived_experience") or "")
        for child_id in child_ids
    )
    return DaracRecord(
        id=entity_id or new_id(), case_id=case_id, completed_on=answers["completed_on"],
        assessor=answers["assessor"], assessor_trained=bool(answers["assessor_trained"]),
        level=int(answers["level"]), escalation_risk=EscalationRisk(answers["escalation_risk"]),
        rationale=answers["rationale"], form_reference=answers.get("form_reference") or "",
        child_notes=notes, notes=answers.get("notes") or "",
    )


def answers_from_darac(record: DaracRecord) -> dict[str, Any]:
    return {
        "completed_on": record.completed_on, "assessor": record.assessor,
        "assessor_trained": record.assessor_trained, "level": str(record.level),
        "escalation_risk": record.escalation_risk.value, "rationale": record.rationale,
        "form_reference": record.form_reference, "notes": record.notes,
        "children": {
            note.child_id: {"sees_hears_experiences": note.sees_hears_experiences,
                            "childs_own_account": note.childs_own_account,
                            "impact_on_lived_experience": note.impact_on_lived_experience}
            for note in record.child_notes
        },
    }


# --- ACE history -----------------------------------------------------------------------------------
def ace_from_answers(instrument: Instrument, answers: Mapping[str, Any], *, case_id: str,
                     entity_id: str | None = None) -> AceHistory:
    """The ACE history for a form: each category as told, never a total."""
    _raise_blocking(instrument, answers)
    entries = []
    for category in AceCategory:
        given = answers.get(category.value)
        if isinstance(given, AnswerValue):
            entries.append(AceEntry(category, AceAnswer(given.value), given.note))
    return AceHistory(
        id=entity_id or new_id(), case_id=case_id, person_id=answers["person_id"],
        recorded_on=answers["recorded_on"], entries=tuple(entries), provenance=answers["provenance"],
        notes=answers.get("notes") or "",
    )


def answers_from_ace(history: AceHistory) -> dict[str, Any]:
    answers: dict[str, Any] = {"person_id": history.person_id, "recorded_on": history.recorded_on,
                               "provenance": history.provenance, "notes": history.notes}
    for entry in history.entries:
        answers[entry.category.value] = AnswerValue(entry.answer.value, note=entry.notes)
    return answers


def _raise_blocking(instrument: Instrument, answers: Mapping[str, Any], children: Iterable[str] = ()) -> None:
    blocking = [p for p in validate_answers(instrument, answers, children) if p.blocking]
    if blocking:
        raise ValueError(f"{instrument.title}: {blocking[0].message}")


@dataclass(frozen=True, slots=True)
class FormContext:
    """What a form needs to know about the case: people to choose from and the children it covers."""

    people: tuple[tuple[str, str, bool], ...] = ()
    """(id, display name, is a child today) for every person in the case."""
    children: tuple[str, ...] = field(default_factory=tuple)
