"""Commands that record an assessment together with the decisions it answers (Qt-free).

Recording a DARAC result is the action the DARAC-NEEDED prompt asks for, so the same command marks
those prompts actioned for the children it covers, with what was done, the user and the time: the
prompt then leaves the active list with its decision in the history, never silently.
"""

from __future__ import annotations

from datetime import date, datetime

from genorisk.domain.commands import Change, Command, Put
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import DaracRecord, DecisionKind
from genorisk.risk.engine import decide, prompt_states


def record_darac(record: CaseRecord, darac: DaracRecord, user: str, at: datetime,
                 today: date | None = None) -> Command:
    """Save a DARAC result and action the open DARAC-NEEDED prompts for the children it covers."""
    old = record.get(DaracRecord, darac.id)
    changes: list[Change] = [Put(darac, old)]
    text = (f"DARAC completed on {darac.completed_on.strftime('%d/%m/%Y')} by {darac.assessor}: level "
            f"{darac.level}, escalation risk {darac.escalation_risk.label.lower()}"
            + (f" (form {darac.form_reference})" if darac.form_reference else "") + ".")
    for status in prompt_states(record, today):
        prompt = status.prompt
        if prompt.rule_id == "DARAC-NEEDED" and status.is_active and prompt.person_ids[:1] and \
                prompt.person_ids[0] in darac.child_ids:
            changes.extend(decide(record, prompt, DecisionKind.ACTIONED, text, user, at).changes)
    verb = "Edit" if old else "Record"
    return Command(f"{verb} DARAC result of {darac.completed_on.strftime('%d/%m/%Y')}", tuple(changes))
