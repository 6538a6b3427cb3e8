"""``genorisk prompts REF``: a case's prompts, and recording a practitioner's decision on one.

    genorisk prompts DEMO-0001                  active prompts, one line each (rule, people, reason)
    genorisk prompts DEMO-0001 --json           the same as JSON, each with source, action and state
    genorisk prompts DEMO-0001 --all            include prompts already actioned or overridden
    genorisk prompts DEMO-0001 --on 01/12/2026  evaluate as on another date
    genorisk prompts DEMO-0001 --action KEY "what was done"
    genorisk prompts DEMO-0001 --override KEY "the written reason"

Prompts support professional judgement: the tool never closes or dismisses one by itself.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from typing import Any

from genorisk.cli.common import CliError, current_user, open_store
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import DecisionKind
from genorisk.domain.validation import ValidationFailed
from genorisk.domain.values import parse_display_date
from genorisk.risk.engine import PromptStatus, decide, prompt_states
from genorisk.risk.resources import DataFileError
from genorisk.store.repository import StoreError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "prompts", help="list a case's prompts (rule, people, reason); record actioned or overridden",
        description="List the prompts the rules raise for a case. Decision support only: a practitioner "
                    "marks each one actioned (saying what was done) or overridden (with a written reason).")
    parser.add_argument("reference", help="the case reference, e.g. DEMO-0001")
    parser.add_argument("--json", action="store_true", help="print JSON: rule id, people, reason, source, "
                                                            "suggested action and state for each prompt")
    parser.add_argument("--all", action="store_true", help="include prompts already actioned or overridden")
    parser.add_argument("--on", metavar="DD/MM/YYYY", help="evaluate as on this date (default: today)")
    decision = parser.add_mutually_exclusive_group()
    decision.add_argument("--action", nargs=2, metavar=("KEY", "TEXT"),
                          help="mark the prompt with this key actioned, saying what was done")
    decision.add_argument("--override", nargs=2, metavar=("KEY", "REASON"),
                          help="mark the prompt with this key overridden, with a written reason")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    on = _date(args.on)
    store = open_store(args.user)
    try:
        record = store.load_by_reference(args.reference)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    try:
        states = prompt_states(record, on)
    except DataFileError as exc:
        raise CliError(str(exc)) from exc
    if args.action or args.override:
        kind = DecisionKind.ACTIONED if args.action else DecisionKind.OVERRIDDEN
        key, text = args.action or args.override
        status = next((s for s in states if s.prompt.key == key), None)
        if status is None:
            raise CliError(f"case {args.reference} has no prompt with key '{key}' (see 'genorisk prompts "
                           f"{args.reference} --all')")
        try:
            command = decide(record, status.prompt, kind, text, current_user(args.user), datetime.now(UTC))
            store.apply(command)
        except (ValueError, ValidationFailed) as exc:
            raise CliError(str(exc)) from exc
        print(f"{status.prompt.rule_id}\t{kind.label.lower()}\t{key}")
        return 0
    shown = [s for s in states if args.all or s.is_active]
    if args.json:
        print(json.dumps([prompt_data(record, s) for s in shown], indent=2, ensure_ascii=False))
    else:
        for status in shown:
            print(prompt_line(record, status, with_state=args.all))
    return 0


def prompt_line(record: CaseRecord, status: PromptStatus, with_state: bool = False) -> str:
    """'RULE<TAB>people<TAB>reason' (with the state before the reason when asked)."""
    people = ", ".join(record.name_of(p) for p in status.prompt.person_ids) or "-"
    parts = [status.prompt.rule_id, people]
    if with_state:
        parts.append(status.state.value)
    parts.append(" ".join(status.prompt.reason.split()))
    return "\t".join(parts)


def prompt_data(record: CaseRecord, status: PromptStatus) -> dict[str, Any]:
    """One prompt as plain data: what the CLI prints with --json and what other tools may read."""
    prompt = status.prompt
    decision = status.decision
    return {
        "rule_id": prompt.rule_id,
        "rule_version": prompt.rule_version,
        "key": prompt.key,
        "title": prompt.title,
        "people": [{"id": p, "name": record.name_of(p)} for p in prompt.person_ids],
        "reason": prompt.reason,
        "source": prompt.source,
        "suggested_action": prompt.suggested_action,
        "urgency": prompt.urgency.value,
        "blocking": prompt.blocking,
        "state": status.state.value,
        "decision": None if decision is None else {
            "decision": decision.decision.value, "text": decision.text, "user": decision.user,
            "at": decision.at.isoformat(), "rule_version": decision.rule_version,
        },
        "evidence_ids": list(prompt.evidence_ids),
    }


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return parse_display_date(text)
    except ValueError as exc:
        raise CliError(f"--on: {exc}") from exc
