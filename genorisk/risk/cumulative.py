"""Cumulative risk over time, per child: who lived in or visited the child's household when, and
which risk factors those adults carried then (Qt-free, pure).

This is the cumulative view the Child BE review asked for. One model, :class:`ChildTimeline`, is
built here; :mod:`genorisk.risk.timeline_draw` lays it out once and renders that layout as SVG, as a
reportlab drawing for the PDF report, and (in the app) with Qt. Nothing here adds anything up into
a score: :func:`exposure` lists, for each stretch of time, which kinds of risk were present around
the child and through whom.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

from genorisk.domain.entities import Household, Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import ChronologyEvent, DashAssessment, NmiInjury, RiskGroup, RiskStatus
from genorisk.domain.values import HouseholdRole, ParentKind, PartialDate, Sex
from genorisk.risk.facts import RiskFact, facts_by_person, is_child

CONTEXT_YEARS = 2
"""How far before a young child's birth the timeline starts, to show the household they were born into."""
BORN_INTO_DAYS = 31
"""A first home joined within this many days of birth is the household the child was born into."""


@dataclass(frozen=True, slots=True)
class Period:
    """From ``start`` to ``end`` inclusive; ``*_known`` False where the date was not recorded."""

    start: date
    end: date
    start_known: bool = True
    end_known: bool = True

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def clip(self, other: Period) -> Period | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        if start > end:
            return None
        return Period(start, end, self.start_known if start == self.start else True,
                      self.end_known if end == self.end else True)

    def display(self) -> str:
        start = self.start.strftime("%d/%m/%Y") if self.start_known else "?"
        end = self.end.strftime("%d/%m/%Y") if self.end_known else "now"
        return f"{start} – {end}"


@dataclass(frozen=True, slots=True)
class FactSpan:
    """A risk fact an adult carries, with its own dates (not clipped)."""

    fact: RiskFact
    period: Period
    dated: bool
    """False when the fact has no dates at all: the adult carries it throughout."""

    @property
    def active_statuses(self) -> bool:
        return self.fact.status is not RiskStatus.HISTORIC


@dataclass(frozen=True, slots=True)
class AdultRow:
    """One adult who lived in or visited the child's household during the window."""

    person_id: str
    name: str
    relation: str
    """How they are related to the child, e.g. 'mother', 'mother's partner', 'grandmother'."""
    role: HouseholdRole
    household_id: str
    household_name: str
    presence: tuple[Period, ...]
    facts: tuple[FactSpan, ...]

    def present_on(self, day: date) -> bool:
        return any(p.start <= day <= p.end for p in self.presence)


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    id: str
    day: date
    kind: str
    text: str
    person_ids: tuple[str, ...]
    domestic_abuse: bool = False


@dataclass(frozen=True, slots=True)
class Home:
    household_id: str
    name: str
    period: Period


@dataclass(frozen=True, slots=True)
class ChildTimeline:
    """Everything the per-child timeline shows."""

    child_id: str
    child_name: str
    born: date | None
    window: Period
    homes: tuple[Home, ...]
    rows: tuple[AdultRow, ...]
    events: tuple[TimelineEvent, ...]
    as_of: date

    @property
    def is_empty(self) -> bool:
        return not self.homes


@dataclass(frozen=True, slots=True)
class ExposureSegment:
    """A stretch of time with the kinds of risk present around the child, and through whom.

    ``active`` groups had a fact in force then; ``history`` groups were carried by an adult present
    then from an earlier time (e.g. domestic abuse in a previous relationship).
    """

    period: Period
    active: dict[RiskGroup, tuple[str, ...]]
    history: dict[RiskGroup, tuple[str, ...]]


def child_timeline(record: CaseRecord, child_id: str, as_of: date, context_years: int = CONTEXT_YEARS
                   ) -> ChildTimeline:
    """The timeline model for one child on ``as_of``."""
    child = record.person(child_id)
    born = child.date_of_birth.earliest() if child.date_of_birth else None
    homes = _homes(record, child_id, as_of)
    earliest_home = min((h.period.start for h in homes), default=as_of)
    start = min(born or earliest_home, _years_before(as_of, context_years))
    if born is not None:
        start = min(start, born)
    window = Period(start, as_of)
    facts = facts_by_person(record, as_of)
    rows: list[AdultRow] = []
    for index, home in enumerate(homes):
        if index == 0 and born is not None and (home.period.start - born).days <= BORN_INTO_DAYS:
            # the household the child was born into: show who lived there before the birth too
            home = Home(home.household_id, home.name, Period(window.start, home.period.end, False,
                                                             home.period.end_known))
        for member in record.household_members_of(home.household_id):
            if member.person_id == child_id:
                continue
            person = record.get(Person, member.person_id)
            if person is None or person.pregnancy is not None or is_child(person, as_of):
                continue
            membership = _period(member.start, member.end, window.start, as_of)
            presence = membership.clip(home.period)
            presence = presence.clip(window) if presence else None
            if presence is None:
                continue
            existing = next((r for r in rows if r.person_id == person.id and r.household_id == home.household_id
                             and r.role is member.role), None)
            if existing is not None:
                rows[rows.index(existing)] = _with_presence(existing, presence)
                continue
            spans = tuple(_span(f, window, as_of) for f in facts.get(person.id, ()))
            rows.append(AdultRow(person.id, person.display_name, relation_to_child(record, person.id, child_id),
                                 member.role, home.household_id, home.name, (presence,), spans))
    rows.sort(key=lambda r: (r.role is not HouseholdRole.RESIDENT, min(p.start for p in r.presence), r.name))
    people = {child_id, *(r.person_id for r in rows)}
    return ChildTimeline(child_id, child.display_name, born, window, tuple(homes), tuple(rows),
                         _events(record, people, child_id, window), as_of)


def all_child_timelines(record: CaseRecord, as_of: date) -> tuple[ChildTimeline, ...]:
    """A timeline for every subject child (every child living in a household when none is marked)."""
    subjects = [p for p in record.subject_children if p.pregnancy is None]
    if not subjects:
        subjects = [p for p in record.people if is_child(p, as_of) and
                    any(m.person_id == p.id for m in record.household_members)]
    return tuple(child_timeline(record, p.id, as_of) for p in subjects)


def exposure(timeline: ChildTimeline) -> tuple[ExposureSegment, ...]:
    """For each stretch between changes, the risk groups around the child and who carried them."""
    cuts = {timeline.window.start, timeline.window.end + timedelta(days=1)}
    for row in timeline.rows:
        for presence in row.presence:
            cuts |= {presence.start, presence.end + timedelta(days=1)}
        for span in row.facts:
            if span.dated:
                cuts |= {span.period.start, span.period.end + timedelta(days=1)}
    points = sorted(c for c in cuts if timeline.window.start <= c <= timeline.window.end + timedelta(days=1))
    segments: list[ExposureSegment] = []
    for left, right in itertools.pairwise(points):
        period = Period(left, right - timedelta(days=1))
        active: dict[RiskGroup, list[str]] = {}
        history: dict[RiskGroup, list[str]] = {}
        for row in timeline.rows:
            if not any(p.overlaps(period) for p in row.presence):
                continue
            for span in row.facts:
                group = span.fact.category.group
                if not span.dated or span.period.overlaps(period):
                    active.setdefault(group, []).append(row.person_id)
                elif span.period.end < period.start:
                    history.setdefault(group, []).append(row.person_id)
        if segments and _same(segments[-1], active, history):
            last = segments[-1]
            segments[-1] = ExposureSegment(Period(last.period.start, period.end), last.active, last.history)
            continue
        segments.append(ExposureSegment(
            period, {g: tuple(dict.fromkeys(p)) for g, p in active.items()},
            {g: tuple(dict.fromkeys(p)) for g, p in history.items() if g not in active}))
    return tuple(segments)


def describe_exposure(record: CaseRecord, segment: ExposureSegment) -> str:
    """E.g. '06/2025 – now: domestic abuse (history: Jason Pryce); mental health (Kayleigh Ashby)'."""
    order = list(RiskGroup)
    parts = [f"{g.label.lower()} ({', '.join(record.name_of(p) for p in people)})"
             for g, people in sorted(segment.active.items(), key=lambda item: order.index(item[0]))]
    parts += [f"{g.label.lower()} (history: {', '.join(record.name_of(p) for p in people)})"
              for g, people in sorted(segment.history.items(), key=lambda item: order.index(item[0]))]
    return f"{segment.period.display()}: " + ("; ".join(parts) if parts else "no risk factors recorded")


def relation_to_child(record: CaseRecord, person_id: str, child_id: str) -> str:
    """A plain description of how an adult is related to a child ('' when not related in the record)."""
    person = record.get(Person, person_id)
    if person is None:
        return ""
    word = {Sex.FEMALE: ("mother", "grandmother"), Sex.MALE: ("father", "grandfather")}.get(
        person.sex, ("parent", "grandparent"))
    for link in record.parent_links_of_child(child_id):
        if link.parent_id == person_id:
            prefix = "" if link.kind is ParentKind.BIRTH else f"{link.kind.label.lower().split(' ')[0]} "
            return prefix + word[0]
    parents = [link.parent_id for link in record.parent_links_of_child(child_id)]
    for parent_id in parents:
        if person_id in record.birth_parents(parent_id) or any(
                link.parent_id == person_id for link in record.parent_links_of_child(parent_id)):
            return word[1]
        for union in record.partnerships_of(parent_id):
            if union.involves(person_id):
                parent = record.get(Person, parent_id)
                whose = {Sex.FEMALE: "mother's", Sex.MALE: "father's"}.get(parent.sex if parent else Sex.UNKNOWN,
                                                                          "parent's")
                return f"{whose} {'partner' if union.is_current else 'former partner'}"
    return ""


def _homes(record: CaseRecord, child_id: str, as_of: date) -> list[Home]:
    homes = []
    child = record.person(child_id)
    born = child.date_of_birth.earliest() if child.date_of_birth else None
    for member in record.household_members:
        if member.person_id != child_id or member.role is not HouseholdRole.RESIDENT:
            continue
        household = record.get(Household, member.household_id)
        floor = born or (member.start.earliest() if member.start else _years_before(as_of, CONTEXT_YEARS))
        period = _period(member.start, member.end, floor, as_of)
        if period.start > as_of:
            continue
        homes.append(Home(member.household_id, household.name if household else "household", period))
    return sorted(homes, key=lambda h: h.period.start)


def _period(start: PartialDate | None, end: PartialDate | None, floor: date, as_of: date) -> Period:
    begin = start.earliest() if start else floor
    finish = end.latest() if end else as_of
    return Period(begin, max(begin, min(finish, as_of)), start is not None, end is not None)


def _span(fact: RiskFact, window: Period, as_of: date) -> FactSpan:
    if fact.start is None and fact.end is None:
        return FactSpan(fact, Period(window.start, as_of, False, False), dated=False)
    return FactSpan(fact, _period(fact.start, fact.end, fact.end.earliest() if fact.end else window.start, as_of),
                    dated=True)


def _with_presence(row: AdultRow, presence: Period) -> AdultRow:
    return AdultRow(row.person_id, row.name, row.relation, row.role, row.household_id, row.household_name,
                    tuple(sorted((*row.presence, presence), key=lambda p: p.start)), row.facts)


def _events(record: CaseRecord, people: set[str], child_id: str, window: Period) -> tuple[TimelineEvent, ...]:
    events: list[TimelineEvent] = []
    for event in record.all(ChronologyEvent):
        day = event.date.midpoint()
        if window.start <= day <= window.end and people.intersection(event.person_ids):
            events.append(TimelineEvent(event.id, day, event.kind.label, event.description, event.person_ids,
                                        event.is_domestic_abuse))
    for injury in record.all(NmiInjury):
        day = injury.seen_at.date()
        if injury.child_id == child_id and window.start <= day <= window.end:
            marks = ", ".join(m.label.lower() for m in injury.mark_types) or "mark"
            events.append(TimelineEvent(injury.id, day, "Injury", f"{marks.capitalize()} recorded by "
                                        f"{injury.recorded_by}", (child_id,)))
    for dash in record.all(DashAssessment):
        if window.start <= dash.completed_on <= window.end and dash.victim_id in people:
            text = f"DASH with {record.name_of(dash.victim_id)}"
            events.append(TimelineEvent(dash.id, dash.completed_on, "DASH", text, (dash.victim_id,), True))
    return tuple(sorted(events, key=lambda e: (e.day, e.id)))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _same(segment: ExposureSegment, active: dict[RiskGroup, list[str]], history: dict[RiskGroup, list[str]]) -> bool:
    def norm(d: dict[RiskGroup, list[str]] | dict[RiskGroup, tuple[str, ...]]) -> dict[RiskGroup, frozenset[str]]:
        return {g: frozenset(p) for g, p in d.items()}

    new_history = {g: p for g, p in history.items() if g not in active}
    return norm(segment.active) == norm(active) and norm(segment.history) == norm(new_history)
