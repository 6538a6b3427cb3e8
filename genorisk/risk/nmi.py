"""The injury-to-a-baby prompt (non-mobile infant, NMI): protocol, assessment and completion (Qt-free).

The Child BE review's rule, in the words of its recommendation BE3: injuries to non-mobile infants
should always be reported to Children's Social Care regardless of a plausible explanation. So:

* a child is treated as not independently mobile when under the protocol's age (6 months by
  default) whatever their milestones, when disability limits their mobility, or when no milestone
  beyond rolling is ticked (rolling is not independent mobility);
* when such a child has any injury or mark not already documented as medical by a health
  practitioner, the mandated actions apply whatever the explanation;
* a TEN-4-FACESp-negative result never clears a non-mobile infant; TEN-4-FACESp positives are only
  ever reasons to seek a same-day medical assessment;
* the record cannot be completed without a referral reference and time, or a manager-approved
  documented reason (the entity itself refuses, and :func:`completion_problems` says what is missing).

The local protocol (ages, milestones, actions, contacts) is a data file: resources/instruments/
nmi-protocol.json, or a partnership's own file named by GENORISK_NMI_PROTOCOL.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path

from genorisk.domain.commands import Command, Put
from genorisk.domain.entities import Person, new_id
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import BodyRegion, DecisionKind, MarkType, Mobility, NmiInjury, PromptDecision
from genorisk.risk.resources import INSTRUMENTS_DIR, DataFileError, load_data_file
from genorisk.risk.rules.config import rule_config

PROTOCOL_VARIABLE = "GENORISK_NMI_PROTOCOL"
DEFAULT_PROTOCOL = INSTRUMENTS_DIR / "nmi-protocol.json"
PROTOCOL_SCHEMA = INSTRUMENTS_DIR / "nmi-protocol.schema.json"
DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True, slots=True)
class MandatedAction:
    key: str
    text: str


@dataclass(frozen=True, slots=True)
class NmiProtocol:
    """A local protocol for injuries to babies and young children."""

    id: str
    version: str
    title: str
    sources: tuple[str, ...]
    not_independently_mobile_under_months: float
    independent_mobility: frozenset[Mobility]
    ten4_max_age_years: float
    ten4_any_bruise_under_months: float
    ten4_mark_types: frozenset[MarkType]
    ten4_regions: Mapping[str, tuple[BodyRegion, ...]]
    mandated_actions: tuple[MandatedAction, ...]
    medical_cause_help: str
    unwell_now_action: str
    referral_contact: str
    paediatric_contact: str

    def ten4_group(self, region: BodyRegion) -> str | None:
        """The TEN-4-FACESp group a body-map region belongs to (e.g. 'E: ears'), if any."""
        for group, regions in self.ten4_regions.items():
            if region in regions:
                return group
        return None

    @property
    def ten4_region_set(self) -> frozenset[BodyRegion]:
        return frozenset(r for regions in self.ten4_regions.values() for r in regions)


def load_nmi_protocol(path: Path | None = None) -> NmiProtocol:
    """The protocol in force: ``path``, else GENORISK_NMI_PROTOCOL, else the default file."""
    if path is None:
        named = os.environ.get(PROTOCOL_VARIABLE)
        path = Path(named) if named else DEFAULT_PROTOCOL
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        modified = 0
    return _load(path, modified)


@cache
def _load(path: Path, _modified: int) -> NmiProtocol:
    data = load_data_file(path, PROTOCOL_SCHEMA)
    try:
        regions = {group: tuple(BodyRegion(r) for r in names) for group, names in data["ten4"]["regions"].items()}
        mark_types = frozenset(MarkType(m) for m in data["ten4"]["mark_types"])
    except ValueError as exc:
        raise DataFileError(f"{path}: $.ten4: {exc}") from exc
    return NmiProtocol(
        id=data["id"], version=data["version"], title=data["title"], sources=tuple(data["sources"]),
        not_independently_mobile_under_months=float(data["not_independently_mobile_under_months"]),
        independent_mobility=frozenset(Mobility(m) for m in data["independent_mobility"]),
        ten4_max_age_years=float(data["ten4"]["max_age_years"]),
        ten4_any_bruise_under_months=float(data["ten4"]["any_bruise_under_months"]),
        ten4_mark_types=mark_types, ten4_regions=regions,
        mandated_actions=tuple(MandatedAction(a["key"], a["text"]) for a in data["mandated_actions"]),
        medical_cause_help=data.get("medical_cause_help", ""), unwell_now_action=data["unwell_now_action"],
        referral_contact=data["referral_contact"], paediatric_contact=data["paediatric_contact"],
    )


def age_in_months(child: Person, on: date) -> float | None:
    """Age in months (days / 30.44) on a day, from the date of birth's earliest possible day."""
    if child.date_of_birth is None:
        return None
    return (on - child.date_of_birth.earliest()).days / DAYS_PER_MONTH


def describe_age(months: float | None) -> str:
    if months is None:
        return "age not known (no date of birth)"
    if months < 1:
        return f"{int(months * DAYS_PER_MONTH / 7)} weeks old"
    if months < 24:
        return f"{int(months)} months old"
    return f"{int(months // 12)} years old"


@dataclass(frozen=True, slots=True)
class NmiAssessment:
    """What the protocol says about one injury record. Prompts and actions; never 'low risk'."""

    age_months: float | None
    not_independently_mobile: bool
    mobility_reasons: tuple[str, ...]
    medical_cause_documented: bool
    mandated: bool
    """Not independently mobile and no documented medical cause: refer today, whatever the explanation."""
    ten4_applies: bool
    ten4_groups: tuple[str, ...]
    """TEN-4-FACESp groups with a mark, e.g. ('E: ears', 'C: cheeks')."""
    ten4_any_bruise_infant: bool
    patterned: bool
    unwell_now: bool
    actions: tuple[str, ...]

    @property
    def high_risk_bruise(self) -> bool:
        """R2: a TEN-4-FACESp region, a patterned bruise, or any bruise on a baby under 5 months."""
        return self.ten4_applies and bool(self.ten4_groups or self.patterned or self.ten4_any_bruise_infant)

    @property
    def goes_straight_to_referral(self) -> bool:
        return self.mandated

    def banner(self) -> str:
        """The one-line message at the top of the referral step."""
        if self.mandated:
            return ("Injury to a baby who is not independently mobile: contact Children's Social Care today, "
                    "whatever the explanation, and arrange a same-day paediatric assessment.")
        if self.high_risk_bruise:
            return "High-risk bruise location or pattern: seek a same-day medical child-protection assessment."
        return "Record the referral, or a manager-approved documented reason, to complete this record."


def assess_injury(injury: NmiInjury, child: Person, protocol: NmiProtocol) -> NmiAssessment:
    """Apply the protocol to an injury record (pure; used by the dialog and by rules R1 and R2)."""
    seen_on = injury.seen_at.date()
    months = age_in_months(child, seen_on)
    reasons: list[str] = []
    if months is not None and months < protocol.not_independently_mobile_under_months:
        reasons.append(f"under {protocol.not_independently_mobile_under_months:g} months ({describe_age(months)})")
    if injury.mobility_limited_by_disability:
        reasons.append("mobility limited by disability")
    if not protocol.independent_mobility.intersection(injury.mobility) and not injury.mobility_limited_by_disability:
        ticked = ", ".join(m.label.lower() for m in injury.mobility) or "no milestones recorded"
        reasons.append(f"not crawling, shuffling, pulling to stand, cruising or walking ({ticked})")
    nim = bool(reasons)
    mandated = nim and not injury.medical_cause_documented
    ten4_applies = months is None or months < protocol.ten4_max_age_years * 12
    bruise = bool(protocol.ten4_mark_types.intersection(injury.mark_types))
    groups = tuple(dict.fromkeys(
        g for r in injury.regions if bruise and (g := protocol.ten4_group(r)) is not None))
    any_bruise_infant = bruise and (months is None or months <= protocol.ten4_any_bruise_under_months)
    actions: list[str] = []
    if injury.unwell_now:
        actions.append(protocol.unwell_now_action)
    if mandated:
        actions += [a.text for a in protocol.mandated_actions]
    elif ten4_applies and (groups or injury.patterned or any_bruise_infant):
        actions.append("Seek a same-day medical child-protection assessment and record its outcome.")
    return NmiAssessment(
        age_months=months, not_independently_mobile=nim, mobility_reasons=tuple(reasons),
        medical_cause_documented=injury.medical_cause_documented, mandated=mandated, ten4_applies=ten4_applies,
        ten4_groups=groups, ten4_any_bruise_infant=any_bruise_infant, patterned=injury.patterned and bruise,
        unwell_now=injury.unwell_now, actions=tuple(actions),
    )


def completion_problems(injury: NmiInjury) -> list[str]:
    """What must still be entered before the record can be completed (empty when it can be)."""
    problems: list[str] = []
    if not (injury.has_referral or injury.has_manager_reason):
        missing_referral = [what for what, ok in (("the referral reference", bool(injury.referral_reference.strip())),
                                                  ("the time of the referral", injury.referral_made_at is not None))
                            if not ok]
        problems.append(
            "Enter " + " and ".join(missing_referral) + ", or a documented reason approved by a manager "
            "(the reason, the manager's name and the time of approval)"
        )
    if not injury.explanation_verbatim.strip():
        problems.append("Record the explanation in the carer's own words, or write 'no explanation given'")
    if not injury.mark_types:
        problems.append("Say what kind of mark or injury it is")
    return problems


def complete_injury(record: CaseRecord, injury: NmiInjury, user: str, now: datetime,
                    protocol: NmiProtocol | None = None) -> Command:
    """One command that saves the completed record and the decisions on its prompts.

    The R1 prompt is marked actioned with the referral (or overridden with the manager-approved
    reason); R2, where it applies, is marked actioned when a paediatric assessment is recorded.
    ValueError lists what is missing if the record cannot be completed.
    """
    problems = completion_problems(injury)
    if problems:
        raise ValueError("; ".join(problems))
    protocol = protocol or load_nmi_protocol()
    child = record.person(injury.child_id)
    assessment = assess_injury(injury, child, protocol)
    completed = replace(injury, completed=True, completed_at=now)
    old = record.get(NmiInjury, injury.id)
    changes: list[Put] = [Put(completed, old)]
    if assessment.mandated:
        if injury.has_referral:
            text = (f"Referred to Children's Social Care, reference {injury.referral_reference}, at "
                    f"{_when(injury.referral_made_at)}.")
            if injury.paediatric_assessment.strip():
                text += f" Paediatric assessment: {injury.paediatric_assessment.strip()}."
            changes.append(Put(_decision(record, f"R1:{injury.id}", "R1", DecisionKind.ACTIONED, text, user, now)))
        else:
            text = (f"Not referred: reason approved by {injury.manager_name} at {_when(injury.manager_approved_at)}: "
                    f"{injury.manager_reason.strip()}")
            changes.append(Put(_decision(record, f"R1:{injury.id}", "R1", DecisionKind.OVERRIDDEN, text, user, now)))
    if assessment.high_risk_bruise and injury.paediatric_assessment.strip():
        text = f"Medical child-protection assessment arranged: {injury.paediatric_assessment.strip()}."
        changes.append(Put(_decision(record, f"R2:{injury.id}", "R2", DecisionKind.ACTIONED, text, user, now)))
    return Command(f"Complete injury record for {child.display_name}", tuple(changes))


def _decision(record: CaseRecord, key: str, rule_id: str, kind: DecisionKind, text: str, user: str,
              now: datetime) -> PromptDecision:
    version = rule_config().texts[rule_id].version
    return PromptDecision(id=new_id(), case_id=record.case.id, prompt_key=key, rule_id=rule_id, rule_version=version,
                          decision=kind, text=text, user=user, at=now)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%d/%m/%Y %H:%M") if moment else "an unrecorded time"
