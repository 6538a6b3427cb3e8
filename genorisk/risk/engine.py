"""The rules engine: every registered rule, run over a case, with practitioners' decisions joined on.

``evaluate(record, today)`` imports every module in :mod:`genorisk.risk.rules` (so all registered
rules run, whoever wrote them), reads the rule texts and thresholds from resources/rules/*.json, and
returns the prompts in a stable order. ``prompt_states`` joins each prompt with the latest
:class:`~genorisk.domain.risk.PromptDecision` on its key: active, actioned or overridden. Nothing is
ever dismissed: :func:`decide` records a decision (what was done, or a mandatory written reason)
with the user and the time, as one named command.

A rule that fails does not stop the others: it becomes an 'ENGINE' prompt naming the rule and the
error, so a broken rule is seen rather than silently missing.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from genorisk.domain.commands import Command, Put
from genorisk.domain.entities import new_id
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import DecisionKind, PromptDecision
from genorisk.risk import rules as rules_package
from genorisk.risk.rules.base import RULES, Prompt, Rule, RuleContext, Urgency
from genorisk.risk.rules.config import RuleConfig, rule_config

_URGENCY_ORDER = {Urgency.TODAY: 0, Urgency.SOON: 1, Urgency.ROUTINE: 2}
ENGINE_RULE_ID = "ENGINE"


class PromptState(StrEnum):
    ACTIVE = "active"
    ACTIONED = "actioned"
    OVERRIDDEN = "overridden"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True, slots=True)
class PromptStatus:
    """A prompt with its state and the decisions made on it (latest last)."""

    prompt: Prompt
    state: PromptState
    decisions: tuple[PromptDecision, ...] = ()

    @property
    def decision(self) -> PromptDecision | None:
        return self.decisions[-1] if self.decisions else None

    @property
    def is_active(self) -> bool:
        return self.state is PromptState.ACTIVE


def load_rules() -> dict[str, Rule]:
    """Import every module in genorisk.risk.rules so each registers its rules; the registry."""
    for module in pkgutil.iter_modules(rules_package.__path__):
        importlib.import_module(f"{rules_package.__name__}.{module.name}")
    return RULES


def check_rule_texts(config: RuleConfig | None = None) -> list[str]:
    """Problems between code and data: registered rules with no text, texts with no rule."""
    config = config or rule_config()
    rules = load_rules()
    problems = [f"rule {rule_id} has no text in resources/rules" for rule_id in rules if rule_id not in config.texts]
    problems += [f"resources/rules defines {rule_id} but no rule is registered for it"
                 for rule_id in config.texts if rule_id not in rules]
    return problems


def evaluate(record: CaseRecord, today: date | None = None, config: RuleConfig | None = None,
             only: Iterable[str] | None = None) -> list[Prompt]:
    """Every prompt for the case on ``today`` (by default the real date), most urgent first.

    ``only`` limits the run to some rule ids (for tests and focused views).
    """
    config = config or rule_config()
    context = RuleContext(record=record, today=today or date.today(), thresholds=config.values,
                          texts=config.texts)
    wanted = set(only) if only is not None else None
    prompts: dict[str, Prompt] = {}
    for rule_id, rule in sorted(load_rules().items()):
        if wanted is not None and rule_id not in wanted:
            continue
        try:
            for prompt in rule.evaluate(context):
                prompts.setdefault(prompt.key, prompt)
        except Exception as exc:  # a broken rule must show, not stop the others
            problem = _engine_prompt(rule_id, exc)
            prompts[problem.key] = problem
    return sorted(prompts.values(), key=_order)


_LAST: list[tuple[CaseRecord, date, list[PromptStatus]]] = []


def prompt_states(record: CaseRecord, today: date | None = None, config: RuleConfig | None = None,
                  only: Iterable[str] | None = None) -> list[PromptStatus]:
    """Every prompt with its state: active until a practitioner actions or overrides it.

    The last full evaluation is remembered for the very same (immutable) record and day, so the
    Prompts panel and the genogram's prompt badges do not evaluate the rules twice per change.
    """
    day = today or date.today()
    default = config is None and only is None
    if default and _LAST and _LAST[0][0] is record and _LAST[0][1] == day:
        return list(_LAST[0][2])
    result = _prompt_states(record, day, config, only)
    if default:
        _LAST[:] = [(record, day, result)]
    return list(result)


def forget_remembered_evaluation() -> None:
    """Drop the remembered evaluation, so the next call evaluates every rule (benchmarks time that)."""
    _LAST.clear()


def _prompt_states(record: CaseRecord, today: date, config: RuleConfig | None,
                   only: Iterable[str] | None) -> list[PromptStatus]:
    history = decisions_by_key(record)
    result = []
    for prompt in evaluate(record, today, config, only):
        decisions = history.get(prompt.key, ())
        state = PromptState.ACTIVE if not decisions else PromptState(decisions[-1].decision.value)
        result.append(PromptStatus(prompt, state, decisions))
    return result


def active_prompts(record: CaseRecord, today: date | None = None) -> list[Prompt]:
    return [s.prompt for s in prompt_states(record, today) if s.is_active]


def decisions_by_key(record: CaseRecord) -> dict[str, tuple[PromptDecision, ...]]:
    """Every decision, grouped by prompt key, oldest first."""
    grouped: dict[str, list[PromptDecision]] = {}
    for decision in sorted(record.all(PromptDecision), key=lambda d: (d.at, d.id)):
        grouped.setdefault(decision.prompt_key, []).append(decision)
    return {key: tuple(items) for key, items in grouped.items()}


def past_decisions(record: CaseRecord, prompts: Sequence[Prompt]) -> list[PromptDecision]:
    """Decisions on prompts that are no longer raised (the facts changed): kept and shown as history."""
    raised = {p.key for p in prompts}
    return [d for d in sorted(record.all(PromptDecision), key=lambda d: d.at) if d.prompt_key not in raised]


def decide(record: CaseRecord, prompt: Prompt, decision: DecisionKind, text: str, user: str,
           at: datetime) -> Command:
    """The command recording a practitioner's decision on a prompt.

    Actioned needs what was done; overridden needs a written reason. ValueError if the text is empty.
    """
    if prompt.rule_id == ENGINE_RULE_ID:
        raise ValueError("a rule that could not run cannot be actioned: report it to your system administrator")
    entry = PromptDecision(id=new_id(), case_id=record.case.id, prompt_key=prompt.key, rule_id=prompt.rule_id,
                           rule_version=prompt.rule_version, decision=decision, text=text.strip(), user=user, at=at)
    verb = "Action" if decision is DecisionKind.ACTIONED else "Override"
    return Command(f"{verb} prompt {prompt.rule_id}: {prompt.title}", (Put(entry),))


def _order(prompt: Prompt) -> tuple[int, int, str, str]:
    return (_URGENCY_ORDER.get(prompt.urgency, 3), 0 if prompt.blocking else 1, _rule_sort_key(prompt.rule_id),
            prompt.key)


def _rule_sort_key(rule_id: str) -> str:
    """R2 before R12; named rules after numbered ones."""
    if rule_id[:1] == "R" and rule_id[1:].isdigit():
        return f"0{int(rule_id[1:]):04d}"
    return f"1{rule_id}"


def _engine_prompt(rule_id: str, error: Exception) -> Prompt:
    return Prompt(
        rule_id=ENGINE_RULE_ID, rule_version="1", key=f"{ENGINE_RULE_ID}:{rule_id}",
        title=f"Rule {rule_id} could not run",
        reason=f"Rule {rule_id} stopped with an error, so its prompts are missing: {type(error).__name__}: {error}",
        source="genorisk", suggested_action="Report this to your system administrator; check this rule by hand.",
        urgency=Urgency.TODAY,
    )
