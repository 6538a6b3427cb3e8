"""Risk markers for the genogram (McGoldrick-style), computed from risk facts (Qt-free).

``risk_markers(record)`` gives the genogram builder its ``markers`` argument: person id → markers.
Substance misuse fills the lower half of the symbol and mental health the left half (McGoldrick);
domestic abuse (causing harm / victim) and criminality are small boxed codes beside the symbol.
Status shows by pattern — solid current, hatched suspected or disputed, dotted outline in recovery —
and a historic fact is a badge with a dotted frame, so no two statuses look alike. The notation is
data (the ``markers`` section of resources/rules/risk.json); the legend explains every marker used;
nothing relies on colour.

The overlay is on unless the case's :class:`~genorisk.domain.risk.RiskOverlaySetting` turns it off:
:func:`set_markers_shown` makes the one command that toggles it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from genorisk.domain.commands import Command, Put
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import RiskCategory, RiskGroup, RiskOverlaySetting, RiskStatus, overlay_setting_id
from genorisk.genogram.geometry import GlyphSpec, Marker, MarkerForm, MarkerPattern
from genorisk.risk.engine import prompt_states
from genorisk.risk.facts import RiskFact, facts_by_person
from genorisk.risk.rules.config import rule_config

STATUS_ORDER = (RiskStatus.CURRENT, RiskStatus.SUSPECTED, RiskStatus.DISPUTED, RiskStatus.IN_RECOVERY,
                RiskStatus.HISTORIC)
"""When a person has several facts in one group, the marker shows the first of these statuses."""


def marker_group(category: RiskCategory) -> str | None:
    """The marker notation group of a category, or None when the genogram does not mark it."""
    if category is RiskCategory.DOMESTIC_ABUSE_PERPETRATOR:
        return "domestic_abuse_perpetrator"
    if category is RiskCategory.DOMESTIC_ABUSE_VICTIM:
        return "domestic_abuse_victim"
    if category.group in (RiskGroup.SUBSTANCE_MISUSE, RiskGroup.MENTAL_HEALTH, RiskGroup.CRIMINALITY):
        return category.group.value
    return None


def markers_shown(record: CaseRecord) -> bool:
    setting = record.get(RiskOverlaySetting, overlay_setting_id(record.case.id))
    return setting.show_markers if setting else True


def set_markers_shown(record: CaseRecord, shown: bool) -> Command:
    """The command turning this case's genogram risk markers on or off (one undo step)."""
    setting_id = overlay_setting_id(record.case.id)
    old = record.get(RiskOverlaySetting, setting_id)
    new = (replace(old, show_markers=shown) if old else
           RiskOverlaySetting(id=setting_id, case_id=record.case.id, show_markers=shown))
    return Command(f"{'Show' if shown else 'Hide'} risk markers on the genogram", (Put(new, old),))


def risk_markers(record: CaseRecord, today: date | None = None, *, respect_setting: bool = True
                 ) -> dict[str, tuple[Marker, ...]]:
    """Person id → markers, in a fixed order (fills first, then badges); {} when the overlay is off."""
    if respect_setting and not markers_shown(record):
        return {}
    notation = rule_config().markers
    groups: Mapping[str, Any] = notation["groups"]
    statuses: Mapping[str, Any] = notation["statuses"]
    result: dict[str, tuple[Marker, ...]] = {}
    for person_id, facts in facts_by_person(record, today).items():
        chosen: dict[str, RiskFact] = {}
        for fact in facts:
            group = marker_group(fact.category)
            if group is None or group not in groups:
                continue
            if group not in chosen or STATUS_ORDER.index(fact.status) < STATUS_ORDER.index(chosen[group].status):
                chosen[group] = fact
        markers = [_marker(groups[g], statuses[chosen[g].status.value]) for g in groups if g in chosen]
        if markers:
            result[person_id] = tuple(sorted(markers, key=lambda m: m.glyph.form is MarkerForm.BADGE))
    return result


PROMPT_MARKER = Marker(kind="Open prompt about this person (see the Prompts panel)", status="",
                       glyph=GlyphSpec(form=MarkerForm.BADGE, pattern=MarkerPattern.SOLID, code="!"))


def prompt_markers(record: CaseRecord, today: date | None = None) -> dict[str, tuple[Marker, ...]]:
    """A '!' badge on each person an active prompt is mainly about (its first person); {} when the
    overlay is off. Prompts thus show on the genogram as well as in the Prompts panel."""
    if not markers_shown(record):
        return {}
    people = {status.prompt.person_ids[0] for status in prompt_states(record, today)
              if status.is_active and status.prompt.person_ids}
    return {person_id: (PROMPT_MARKER,) for person_id in sorted(people)}


def genogram_markers(record: CaseRecord, today: date | None = None) -> dict[str, tuple[Marker, ...]]:
    """Everything the genogram shows for risk: McGoldrick-style risk markers, then open-prompt badges.

    This is the function to pass to ``layout_case(..., markers=...)`` (the app and the report)."""
    merged: dict[str, tuple[Marker, ...]] = dict(risk_markers(record, today))
    for person_id, markers in prompt_markers(record, today).items():
        merged[person_id] = merged.get(person_id, ()) + markers
    return merged


def describe_markers(record: CaseRecord, person_id: str, today: date | None = None) -> list[str]:
    """Plain words for the markers on one person (for tooltips and accessible text)."""
    return [m.legend_text for m in risk_markers(record, today, respect_setting=False).get(person_id, ())]


def _marker(group: Mapping[str, Any], status: Mapping[str, Any]) -> Marker:
    form = MarkerForm(group["form"])
    pattern = MarkerPattern(status["pattern"])
    word = str(status["word"])
    if status.get("badge") and form is not MarkerForm.BADGE:
        form = MarkerForm.BADGE
    if form is MarkerForm.BADGE:
        word = str(status.get("badge_word", word))
    code = str(group["code"]) if form is MarkerForm.BADGE else ""
    return Marker(kind=str(group["kind"]), status=word, glyph=GlyphSpec(form=form, pattern=pattern, code=code))
