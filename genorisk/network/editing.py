"""Named commands for the network records: each user action is one command, one undo step, one audit line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from genorisk.domain.commands import Change, Command, Put, Remove
from genorisk.domain.entities import Entity, new_id
from genorisk.domain.network import (
    ActionStatus,
    Agency,
    AgencyNotification,
    Assessment,
    InformationSharingDecision,
    Meeting,
    MeetingAction,
    SharedItem,
    SignOff,
    Supervision,
    SupervisionConcern,
)
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import CaseStatus
from genorisk.network.followup import carried_forward


class IncompleteRecord(ValueError):
    """A form that cannot be saved yet; the message says what is missing."""


def _current(record: CaseRecord, kind: type[Entity], entity_id: str) -> Entity:
    found = record.get(kind, entity_id)
    if found is None:
        raise KeyError(f"no {kind.__name__} {entity_id} in case {record.case.reference}")
    return found


def add_record(entity: Entity, name: str) -> Command:
    """Add one new network record (agency, meeting, referral…) under a name the Undo menu shows."""
    return Command(name, (Put(entity),))


def replace_record(record: CaseRecord, new: Entity, name: str) -> Command:
    return Command(name, (Put(new, _current(record, type(new), new.id)),))


def record_notification(record: CaseRecord, agency_id: str, item: SharedItem, on: date, *,
                        status: CaseStatus | None = None, meeting_id: str | None = None,
                        sent_by: str = "", method: str = "", notes: str = "") -> Command:
    """Record that an agency was told the status, sent a document, or invited to a meeting."""
    agency = _current(record, Agency, agency_id)
    if item is SharedItem.STATUS and status is None:
        status = record.case.status_on(on) or record.case.status
    notification = AgencyNotification(id=new_id(), case_id=record.case.id, agency_id=agency_id, item=item,
                                      on=on, status=status, meeting_id=meeting_id, sent_by=sent_by,
                                      method=method, notes=notes)
    what = f"told {status.label}" if item is SharedItem.STATUS and status else f"{item.label.lower()}"
    return Command(f"Record {agency.summary} {what}", (Put(notification),))


def log_sharing_decision(decision: InformationSharingDecision) -> Command:
    """Log a share or decline decision; the log needs a reason, a lawful basis and a recipient (R13)."""
    missing = decision.missing()
    if missing:
        raise IncompleteRecord("The information-sharing decision needs " + ", ".join(missing) + ".")
    verb = "shared with" if decision.decision.value == "shared" else "declined to share with"
    return Command(f"Log information {verb} {decision.recipient or 'agency'}", (Put(decision),))


def complete_action(record: CaseRecord, action_id: str, on: date, note: str) -> Command:
    action = _current(record, MeetingAction, action_id)
    assert isinstance(action, MeetingAction)
    if not note.strip():
        raise IncompleteRecord("Say what was done to complete the action.")
    done = replace(action, status=ActionStatus.COMPLETED, completed_on=on, completion_note=note)
    return Command(f"Complete {action.summary}", (Put(done, action),))


def close_action(record: CaseRecord, action_id: str, on: date, rationale: str) -> Command:
    """Close an action without doing it: only with a written rationale."""
    action = _current(record, MeetingAction, action_id)
    assert isinstance(action, MeetingAction)
    if not rationale.strip():
        raise IncompleteRecord("Closing an action that was not done needs a rationale.")
    closed = replace(action, status=ActionStatus.CLOSED, completed_on=on, completion_note=rationale)
    return Command(f"Close {action.summary}", (Put(closed, action),))


def reassign_action(record: CaseRecord, action_id: str, owner: str, due_on: date,
                    owner_agency_id: str | None = None) -> Command:
    action = _current(record, MeetingAction, action_id)
    assert isinstance(action, MeetingAction)
    moved = replace(action, owner=owner, due_on=due_on, owner_agency_id=owner_agency_id)
    return Command(f"Reassign {action.summary} to {owner}", (Put(moved, action),))


def record_supervision(record: CaseRecord, supervision: Supervision, new_concerns: Iterable[str] = (),
                       child_ids: tuple[str, ...] = ()) -> Command:
    """Add a supervision record: it reviews every concern carried forward, and may raise new ones."""
    carried = tuple(c.id for c in carried_forward(record, supervision.held_on))
    reviewed = tuple(dict.fromkeys((*supervision.concerns_reviewed, *carried)))
    changes: list[Change] = [Put(replace(supervision, concerns_reviewed=reviewed))]
    for text in new_concerns:
        if text.strip():
            changes.append(Put(SupervisionConcern(id=new_id(), case_id=record.case.id, raised_in=supervision.id,
                                                  raised_on=supervision.held_on, description=text.strip(),
                                                  child_ids=child_ids)))
    return Command(f"Record {supervision.summary}", tuple(changes))


def close_concern(record: CaseRecord, concern_id: str, on: date, reason: str) -> Command:
    concern = _current(record, SupervisionConcern, concern_id)
    assert isinstance(concern, SupervisionConcern)
    if not reason.strip():
        raise IncompleteRecord("A supervision concern is closed only with a reason.")
    return Command(f"Close {concern.summary}", (Put(replace(concern, closed_on=on, closure_reason=reason), concern),))


def sign_off(record: CaseRecord, entity_id: str, by: str, on: date, comment: str = "") -> Command:
    """A supervisor signs off an assessment or a supervision record."""
    target = record.find(entity_id)
    if not isinstance(target, (Assessment, Supervision)):
        raise KeyError(f"nothing to sign off with id {entity_id}")
    if target.sign_off is not None:
        raise IncompleteRecord(f"The {target.summary} was already signed off by {target.sign_off.by}.")
    if isinstance(target, Assessment) and target.completed_on is None:
        raise IncompleteRecord("An assessment is signed off only once it is completed.")
    signed = replace(target, sign_off=SignOff(by=by, on=on, comment=comment))
    return Command(f"Sign off {target.summary}", (Put(signed, target),))


def remove_agency(record: CaseRecord, agency_id: str) -> Command:
    """Remove an agency entered by mistake, with what it was told. An agency that took part in meetings,
    owns actions or received shared information stays on file: end its involvement instead."""
    agency = _current(record, Agency, agency_id)
    used_in = [m.summary for m in record.all(Meeting) if agency_id in m.agency_ids()]
    used_in += [a.summary for a in record.all(MeetingAction) if a.owner_agency_id == agency_id]
    used_in += [d.summary for d in record.all(InformationSharingDecision) if d.recipient_agency_id == agency_id]
    if used_in:
        raise IncompleteRecord(f"{agency.summary} is named in the {used_in[0]}: record the date its involvement "
                               "ended instead of removing it.")
    changes: list[Change] = [Remove(n) for n in record.all(AgencyNotification) if n.agency_id == agency_id]
    changes.append(Remove(agency))
    return Command(f"Remove {agency.summary}", tuple(changes))
