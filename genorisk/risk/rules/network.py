"""Network rules: who knows the child's status (R7), timescales (R9), drifting actions and concerns (R11),
and the information-sharing log (R13). Prompts only: a practitioner actions or overrides each one.

The texts and the timescale limits are data in resources/rules/network.json. Each prompt's key
names exactly what it is about (the agency and status, the timescale and its due date, the action
and its due date…), so a decision stays with that fact and a changed fact raises a fresh prompt.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from genorisk.domain.entities import Person
from genorisk.domain.network import Agency, InformationSharingDecision, SharedItem
from genorisk.domain.values import display_date
from genorisk.network import followup
from genorisk.network.matrix import CellState, build_matrix
from genorisk.network.timescales import DEFAULT_LIMITS, timescales
from genorisk.risk.rules.base import Prompt, RuleContext, register


def _names(context: RuleContext, person_ids: Iterable[str]) -> str:
    names = [context.record.name_of(p) for p in person_ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@register
class AgencyNotToldStatus:
    """R7: the child is CIN, CP or LAC and an agency in the network has no record of being told."""

    rule_id = "R7"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record = context.record
        matrix = build_matrix(record, context.today)
        subjects = [p.id for p in record.subject_children]
        for row in matrix.rows:
            cell = row.cell(SharedItem.STATUS)
            if not cell.state.is_gap or matrix.status is None:
                continue
            agency: Agency = row.agency
            works_with = [p for p in agency.involved_with if record.get(Person, p) is not None]
            with_whom = f", which works with {_names(context, works_with)}," if works_with else ""
            gap = "there is no record that it was told" if cell.state is CellState.GAP else _lower_first(cell.detail)
            whose = f"{_names(context, subjects)}'s" if subjects else "the child's"
            reason = (f"{agency.name} ({agency.kind.label}){with_whom} may not know {whose} status "
                      f"({matrix.status.label}): {gap}.")
            others = [_lower_first(c.detail) for c in row.gaps if c.item is not SharedItem.STATUS]
            if others:
                reason += " Also: " + "; ".join(others) + "."
            yield context.prompt("R7", (agency.id, matrix.status.value), reason,
                                 person_ids=(*subjects, *works_with), evidence_ids=(agency.id,))


@register
class TimescaleExceeded:
    """R9: a Working Together timescale has passed, or was missed with no reason recorded."""

    rule_id = "R9"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        limits: dict[str, Any] = {}
        for name in DEFAULT_LIMITS:
            limits[name] = context.threshold(name)
        for check in timescales(context.record, context.today, limits):
            if not check.state.needs_prompt:
                continue
            reason = f"{check.kind.label}: {check.description}."
            if check.state.value == "late":
                reason += " No reason for the delay is recorded."
            yield context.prompt("R9", (check.key,), reason, person_ids=check.child_ids,
                                 evidence_ids=(check.record_id,))


@register
class OverdueActionOrConcern:
    """R11: a meeting action past its due date, or a supervision concern still open after its review date."""

    rule_id = "R11"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        record = context.record
        for line in followup.overdue_actions(record, context.today):
            action = line.action
            meeting = f" (agreed at the {line.meeting.summary})" if line.meeting else ""
            reason = (f"The action '{action.description}'{meeting}, owned by {action.owner}, was due on "
                      f"{display_date(action.due_on)} and is still {action.status.label.lower()}: "
                      f"{line.days_overdue} day{'s' if line.days_overdue != 1 else ''} overdue.")
            children = line.meeting.child_ids if line.meeting else ()
            yield context.prompt("R11", ("action", action.id, action.due_on.isoformat()), reason,
                                 person_ids=children, evidence_ids=(action.id,))
        for concern_line in followup.unresolved_past_review(record, context.today):
            concern = concern_line.concern
            assert concern_line.review_on is not None
            reason = (f"The supervision concern '{concern.description}', raised {display_date(concern.raised_on)}, "
                      f"is still open after its review date of {display_date(concern_line.review_on)}.")
            yield context.prompt("R11", ("concern", concern.id, concern_line.review_on.isoformat()), reason,
                                 person_ids=concern.child_ids, evidence_ids=(concern.id,))


@register
class SharingDecisionIncomplete:
    """R13: a share or decline decision without its reason, lawful basis, recipient or consent position."""

    rule_id = "R13"

    def evaluate(self, context: RuleContext) -> Iterable[Prompt]:
        for decision in context.record.all(InformationSharingDecision):
            missing = decision.missing()
            if not missing:
                continue
            what = f" ({decision.information})" if decision.information else ""
            verb = "share" if decision.decision.value == "shared" else "not share"
            reason = (f"The decision of {display_date(decision.decided_on)} to {verb} information{what} "
                      f"does not record {_join(missing)}.")
            yield context.prompt("R13", (decision.id,), reason, person_ids=decision.person_ids,
                                 evidence_ids=(decision.id,))


def _join(parts: tuple[str, ...]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
