"""What is drawn for each person, before placement: symbol kind and size, inner text, label lines.

Measured here (Helvetica metrics) so the layout can give each person a slot wide enough that no two
people's symbols or labels ever overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from genorisk.domain.entities import Partnership, Person
from genorisk.domain.values import (
    GenderIdentity,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    PregnancyOutcome,
    Sex,
)
from genorisk.genogram.geometry import LabelRole, Shape, SymbolKind
from genorisk.genogram.settings import GenogramSettings, NotationStyle
from genorisk.genogram.text import LINE_SPACING, text_width, wrap

SYMBOL_SIZE = 40.0
LA_SYMBOL_SIZE = 48.0
PREGNANCY_SIZE = 30.0
LOSS_SIZE = 20.0
NAME_SIZE = 8.5
DETAIL_SIZE = 7.5
INNER_SIZE = 11.0
LA_INNER_SIZE = 7.5
UNION_TEXT_SIZE = 7.0
MAX_LABEL_WIDTH = 92.0
SLOT_PADDING = 6.0
MAX_PLAUSIBLE_AGE = 110
LABEL_GAP = 3.0


@dataclass(frozen=True, slots=True)
class TextLine:
    text: str
    size: float
    role: LabelRole
    bold: bool = False
    italic: bool = False

    @property
    def width(self) -> float:
        return text_width(self.text, self.size, self.bold, self.italic)


@dataclass(frozen=True, slots=True)
class PersonCard:
    """One person's symbol and text, measured; ``half_width`` is half their slot in the row."""

    person_id: str
    kind: SymbolKind
    shape: Shape
    size: float
    filled: bool
    deceased: bool
    subject: bool
    inner: tuple[TextLine, ...]
    below: tuple[TextLine, ...]
    needs_sex_at_birth: bool
    extra_right: float = 0.0
    """Room beside the symbol for risk-marker badges."""

    @property
    def label_width(self) -> float:
        return max((line.width for line in self.below), default=0.0)

    @property
    def half_width(self) -> float:
        return max(self.size + 2 * self.extra_right, self.label_width) / 2 + SLOT_PADDING

    @property
    def label_height(self) -> float:
        if not self.below:
            return 0.0
        return LABEL_GAP + sum(line.size * LINE_SPACING for line in self.below)


def symbol_kind(person: Person) -> SymbolKind:
    """By pregnancy outcome, else gender identity, else sex recorded at birth (NSGC 2022)."""
    if person.pregnancy is not None:
        return {
            PregnancyOutcome.PREGNANCY: SymbolKind.PREGNANCY,
            PregnancyOutcome.MISCARRIAGE: SymbolKind.MISCARRIAGE,
            PregnancyOutcome.TERMINATION: SymbolKind.TERMINATION,
            PregnancyOutcome.STILLBIRTH: SymbolKind.STILLBIRTH,
        }[person.pregnancy]
    gender = person.gender_identity
    if gender is GenderIdentity.MAN:
        return SymbolKind.MALE
    if gender is GenderIdentity.WOMAN:
        return SymbolKind.FEMALE
    if gender in (GenderIdentity.NON_BINARY, GenderIdentity.OTHER):
        return SymbolKind.UNKNOWN
    return {Sex.MALE: SymbolKind.MALE, Sex.FEMALE: SymbolKind.FEMALE}.get(person.sex, SymbolKind.UNKNOWN)


def sex_at_birth_note(person: Person) -> str:
    """'AMAB' / 'AFAB' when the symbol follows a gender that differs from sex recorded at birth."""
    if person.pregnancy is not None or person.gender_identity is GenderIdentity.NOT_RECORDED:
        return ""
    kind = symbol_kind(person)
    if person.sex is Sex.MALE and kind is not SymbolKind.MALE:
        return "AMAB"
    if person.sex is Sex.FEMALE and kind is not SymbolKind.FEMALE:
        return "AFAB"
    return ""


_SHAPES = {
    SymbolKind.MALE: Shape.SQUARE,
    SymbolKind.FEMALE: Shape.CIRCLE,
    SymbolKind.UNKNOWN: Shape.DIAMOND,
    SymbolKind.PREGNANCY: Shape.TRIANGLE,
    SymbolKind.MISCARRIAGE: Shape.TRIANGLE,
    SymbolKind.TERMINATION: Shape.TRIANGLE,
}


def person_card(person: Person, settings: GenogramSettings) -> PersonCard:
    kind = symbol_kind(person)
    local_authority = settings.style is NotationStyle.LOCAL_AUTHORITY
    today = settings.today()
    base = LA_SYMBOL_SIZE if local_authority else SYMBOL_SIZE
    if kind is SymbolKind.STILLBIRTH:
        # NSGC: a small symbol of the baby's sex with a cross; here a small filled square/circle/diamond.
        shape = {Sex.MALE: Shape.SQUARE, Sex.FEMALE: Shape.CIRCLE}.get(person.sex, Shape.DIAMOND)
        size = LOSS_SIZE + 4
    else:
        shape = _SHAPES[kind]
        size = {SymbolKind.PREGNANCY: PREGNANCY_SIZE, SymbolKind.MISCARRIAGE: LOSS_SIZE,
                SymbolKind.TERMINATION: LOSS_SIZE}.get(kind, base)
    loss = kind in (SymbolKind.MISCARRIAGE, SymbolKind.TERMINATION, SymbolKind.STILLBIRTH)

    inner: list[TextLine] = []
    below: list[TextLine] = []
    name = person.display_name
    for line in wrap(name, NAME_SIZE, MAX_LABEL_WIDTH, bold=person.is_subject_child):
        below.append(TextLine(line, NAME_SIZE, LabelRole.NAME, bold=person.is_subject_child))

    born = person.date_of_birth
    age = _age_text(person, today)
    if kind is SymbolKind.PREGNANCY:
        if person.gestation_weeks:
            inner.append(TextLine(f"{person.gestation_weeks}w", DETAIL_SIZE, LabelRole.GESTATION))
        if born:
            below.append(TextLine(f"due {born.display()}", DETAIL_SIZE, LabelRole.DOB))
    elif loss:
        if born:
            below.append(TextLine(born.display(), DETAIL_SIZE, LabelRole.DOB))
        if person.gestation_weeks:
            below.append(TextLine(f"{person.gestation_weeks} weeks", DETAIL_SIZE, LabelRole.GESTATION))
        if kind is SymbolKind.STILLBIRTH and name != PregnancyOutcome.STILLBIRTH.label:
            below.append(TextLine("SB", DETAIL_SIZE, LabelRole.GESTATION, bold=True))
    elif local_authority:
        if born and not person.deceased:
            for part in _split_date(born):
                inner.append(TextLine(part, LA_INNER_SIZE, LabelRole.DOB_INSIDE))
        elif born:
            below.append(TextLine(f"b. {born.display()}", DETAIL_SIZE, LabelRole.DOB))
        if age and not person.deceased:
            below.append(TextLine(f"Age {age}", DETAIL_SIZE, LabelRole.AGE))
    else:
        if age and not person.deceased:
            inner.append(TextLine(age, INNER_SIZE, LabelRole.AGE))
        if born:
            below.append(TextLine(f"b. {born.display()}", DETAIL_SIZE, LabelRole.DOB))
    if person.deceased and not loss:
        died = f"d. {person.date_of_death.display()}" if person.date_of_death else "died"
        if age:
            died += f" (aged {age})"
        below.append(TextLine(died, DETAIL_SIZE, LabelRole.DEATH))
    note = sex_at_birth_note(person)
    if note:
        below.append(TextLine(note, DETAIL_SIZE, LabelRole.SEX_AT_BIRTH, italic=True))
    return PersonCard(
        person_id=person.id,
        kind=kind,
        shape=shape,
        size=size,
        filled=kind is SymbolKind.MISCARRIAGE,
        deceased=person.deceased and not loss,
        subject=person.is_subject_child,
        inner=tuple(inner),
        below=tuple(below),
        needs_sex_at_birth=bool(note),
    )


def _age_text(person: Person, today: date) -> str:
    """Whole years (as on ``today``, or at death); 'c.' when the date of birth is estimated."""
    born = person.date_of_birth
    if born is None:
        return ""
    until = today
    if person.deceased:
        if person.date_of_death is None:
            return ""
        until = person.date_of_death.midpoint()
    years = person.age_on(until)
    if years is None or years < 0 or (years > MAX_PLAUSIBLE_AGE and not person.deceased):
        return ""  # no death recorded for someone born long ago: an age would mislead
    if years == 0 and not person.deceased:
        months = (until.year - born.midpoint().year) * 12 + until.month - born.midpoint().month
        months -= until.day < born.midpoint().day
        return f"{max(months, 0)}m"
    return f"c.{years}" if born.estimated or born.month is None else str(years)


def _split_date(value: PartialDate) -> list[str]:
    text = value.display()
    if value.day is not None and value.month is not None:
        return [text[:-5], text[-4:]]
    return [text]


def union_text(partnership: Partnership | None) -> list[str]:
    """Dates written on a union line: 'm. 2010', 'sep. 2015', 'div. 03/2018'…"""
    if partnership is None:
        return []
    lines: list[str] = []
    if partnership.start:
        prefix = {PartnershipKind.MARRIED: "m. ", PartnershipKind.CIVIL_PARTNERSHIP: "cp. "}.get(
            partnership.kind, "from "
        )
        lines.append(prefix + partnership.start.display())
    status = partnership.status
    ended_on = partnership.end or next(
        (period.since for period in reversed(partnership.statuses) if period.status is status and period.since),
        None,
    )
    if status is not PartnershipStatus.TOGETHER and ended_on:
        word = {
            PartnershipStatus.SEPARATED: "sep. ",
            PartnershipStatus.DIVORCED: "div. ",
            PartnershipStatus.WIDOWED: "widowed ",
            PartnershipStatus.ENDED: "ended ",
        }[status]
        lines.append(word + ended_on.display())
    elif partnership.end:
        lines.append("to " + partnership.end.display())
    return lines


def union_text_width(partnership: Partnership | None) -> float:
    return max((text_width(line, UNION_TEXT_SIZE) for line in union_text(partnership)), default=0.0)
