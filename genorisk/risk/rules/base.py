"""The rules framework: rules read a case and raise prompts; practitioners decide.

A rule never gives a verdict or a score. Each prompt carries the rule's id and version, a
plain-language reason with its source, the people it concerns and a suggested action. A prompt's
``key`` is stable across evaluations, so a practitioner's decision (actioned, with what was done;
overridden, with a written reason) stays attached to it.

Rule texts and thresholds are data (resources/rules/), loaded and schema-checked by
:mod:`genorisk.risk.rules.config`. Rules themselves are small classes registered with
:func:`register`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from genorisk.domain.record import CaseRecord


class Urgency(StrEnum):
    """How soon a practitioner should look: an ordering aid, never a risk level."""

    TODAY = "today"
    SOON = "soon"
    ROUTINE = "routine"


@dataclass(frozen=True, slots=True)
class RuleText:
    """A rule's published text, from the rules data file."""

    rule_id: str
    version: str
    title: str
    reason: str
    source: str
    suggested_action: str
    urgency: Urgency = Urgency.ROUTINE


@dataclass(frozen=True, slots=True)
class Prompt:
    """One prompt raised by one rule about specific people."""

    rule_id: str
    rule_version: str
    key: str
    """Stable identity: the rule id plus what it is about (people, record ids)."""
    title: str
    reason: str
    """Why it was raised, in plain language, naming the people and facts."""
    source: str
    suggested_action: str
    person_ids: tuple[str, ...] = ()
    urgency: Urgency = Urgency.ROUTINE
    blocking: bool = False
    """True where the workflow must not complete until it is actioned (e.g. R1)."""
    evidence_ids: tuple[str, ...] = ()
    """Ids of the records that triggered it, for 'show me why'."""


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may read: the case, today's date, and the configured thresholds."""

    record: CaseRecord
    today: date
    thresholds: Mapping[str, Any] = field(default_factory=dict)
    texts: Mapping[str, RuleText] = field(default_factory=dict)

    def text(self, rule_id: str) -> RuleText:
        return self.texts[rule_id]

    def threshold(self, name: str) -> Any:
        """A configured threshold; KeyError naming it if the data file lacks it."""
        try:
            return self.thresholds[name]
        except KeyError:
            raise KeyError(f"threshold '{name}' is missing from the rules configuration") from None

    def prompt(self, rule_id: str, about: Iterable[str], reason: str, person_ids: Iterable[str] = (),
               evidence_ids: Iterable[str] = (), blocking: bool = False) -> Prompt:
        """A prompt for ``rule_id`` using its configured title, source, action and urgency.

        ``about`` makes the stable key (e.g. the person ids and record ids concerned).
        """
        text = self.text(rule_id)
        return Prompt(
            rule_id=rule_id,
            rule_version=text.version,
            key=":".join((rule_id, *sorted(about))),
            title=text.title,
            reason=reason,
            source=text.source,
            suggested_action=text.suggested_action,
            person_ids=tuple(dict.fromkeys(person_ids)),
            urgency=text.urgency,
            blocking=blocking,
            evidence_ids=tuple(evidence_ids),
        )


class Rule(Protocol):
    """A rule: its id, and a pure function from a case to prompts."""

    rule_id: str

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]: ...


RULES: dict[str, Rule] = {}


def register(rule_class: Callable[[], Rule]) -> Callable[[], Rule]:
    """Class decorator adding a rule to the registry (one instance per rule id)."""
    rule = rule_class()
    if rule.rule_id in RULES:
        raise ValueError(f"rule {rule.rule_id} is registered twice")
    RULES[rule.rule_id] = rule
    return rule_class
