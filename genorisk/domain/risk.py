"""Risk records: risk factors, ACE history, chronology, instrument results, injury records, claims,
and practitioners' decisions on prompts.

Everything here records facts and decisions with where they came from. Nothing here scores or
judges: there is no overall risk level, no ACE total, and DASH answers are stored by item number
only (the wording lives in a data file, paraphrased unless a licensed organisation loads its own).

Every record that mentions people says so through :meth:`Entity.person_refs`, so removing a person
removes or trims the records about them in the same undoable command.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from genorisk.domain.entities import Entity
from genorisk.domain.values import DateRange, LabelledEnum, PartialDate, Provenance, SourceKind


class RiskEnum(LabelledEnum):
    """A labelled enum whose labels live in this module (British English, plain words)."""

    @property
    def label(self) -> str:
        return _RISK_LABELS.get(self) or self.value.replace("_", " ").capitalize()


# --- vocabularies -----------------------------------------------------------------------------------
class RiskGroup(RiskEnum):
    """The headings practitioners and the reviews use; the 'trigger trio' is the first three."""

    DOMESTIC_ABUSE = "domestic_abuse"
    MENTAL_HEALTH = "mental_health"
    SUBSTANCE_MISUSE = "substance_misuse"
    CRIMINALITY = "criminality"
    CUMULATIVE = "cumulative"


class RiskCategory(RiskEnum):
    """What a risk factor is about (Pathways to harm; Child BE finding B4)."""

    DOMESTIC_ABUSE_VICTIM = "domestic_abuse_victim"
    DOMESTIC_ABUSE_PERPETRATOR = "domestic_abuse_perpetrator"
    DOMESTIC_ABUSE_CHILD_EXPOSED = "domestic_abuse_child_exposed"
    MENTAL_HEALTH = "mental_health"
    ALCOHOL_MISUSE = "alcohol_misuse"
    DRUG_MISUSE = "drug_misuse"
    CRIMINALITY_VIOLENT = "criminality_violent"
    CRIMINALITY_SEXUAL = "criminality_sexual"
    CRIMINALITY_OTHER = "criminality_other"
    MANY_CONSECUTIVE_PARTNERS = "many_consecutive_partners"
    ACRIMONIOUS_SEPARATION = "acrimonious_separation"
    SOCIAL_ISOLATION = "social_isolation"

    @property
    def group(self) -> RiskGroup:
        return _CATEGORY_GROUPS[self]

    @property
    def is_trio(self) -> bool:
        """Domestic abuse, mental health or substance misuse: the 'trigger trio'."""
        return self.group in (RiskGroup.DOMESTIC_ABUSE, RiskGroup.MENTAL_HEALTH, RiskGroup.SUBSTANCE_MISUSE)

    @property
    def is_domestic_abuse(self) -> bool:
        return self.group is RiskGroup.DOMESTIC_ABUSE

    @property
    def is_criminality(self) -> bool:
        return self.group is RiskGroup.CRIMINALITY


class RiskStatus(RiskEnum):
    CURRENT = "current"
    HISTORIC = "historic"
    SUSPECTED = "suspected"
    IN_RECOVERY = "in_recovery"
    DISPUTED = "disputed"


class CriminalBasis(RiskEnum):
    """For criminality: a conviction (or caution) on record, or an allegation."""

    CONVICTION = "conviction"
    ALLEGATION = "allegation"


class AceCategory(RiskEnum):
    """The ten ACE categories (CDC–Kaiser), all about the person's own childhood before 18.

    Recorded as history only. genorisk never counts them into a score.
    """

    EMOTIONAL_ABUSE = "emotional_abuse"
    PHYSICAL_ABUSE = "physical_abuse"
    SEXUAL_ABUSE = "sexual_abuse"
    EMOTIONAL_NEGLECT = "emotional_neglect"
    PHYSICAL_NEGLECT = "physical_neglect"
    DOMESTIC_VIOLENCE = "domestic_violence"
    HOUSEHOLD_SUBSTANCE_MISUSE = "household_substance_misuse"
    HOUSEHOLD_MENTAL_ILLNESS = "household_mental_illness"
    PARENTAL_SEPARATION = "parental_separation"
    HOUSEHOLD_IMPRISONMENT = "household_imprisonment"


class AceAnswer(RiskEnum):
    EXPERIENCED = "experienced"
    NOT_EXPERIENCED = "not_experienced"
    NOT_KNOWN = "not_known"
    DECLINED = "declined"


class EventKind(RiskEnum):
    INCIDENT = "incident"
    POLICE_CALL_OUT = "police_call_out"
    REFERRAL = "referral"
    INJURY = "injury"
    HOSPITAL_ATTENDANCE = "hospital_attendance"
    MISSED_APPOINTMENT = "missed_appointment"
    MEETING = "meeting"
    DISCLOSURE = "disclosure"
    OTHER = "other"


class DashAnswerValue(RiskEnum):
    YES = "yes"
    NO = "no"
    DONT_KNOW = "dont_know"


class Mobility(RiskEnum):
    """Motor milestones a practitioner ticks; rolling alone is not independent mobility."""

    ROLLING = "rolling"
    CRAWLING = "crawling"
    BOTTOM_SHUFFLING = "bottom_shuffling"
    PULLING_TO_STAND = "pulling_to_stand"
    CRUISING = "cruising"
    WALKING = "walking"


class MarkType(RiskEnum):
    BRUISE = "bruise"
    PETECHIAE = "petechiae"
    BURN = "burn"
    LACERATION = "laceration"
    BLEEDING = "bleeding"
    SUBCONJUNCTIVAL_HAEMORRHAGE = "subconjunctival_haemorrhage"
    SUSPECTED_FRACTURE = "suspected_fracture"
    OTHER = "other"


class BodyRegion(RiskEnum):
    """Body-map regions, front (F) and back (B) views; the TEN-4-FACESp ones are listed in
    resources/instruments/nmi-protocol.json."""

    SCALP = "scalp"
    FOREHEAD = "forehead"
    EYELID_LEFT = "eyelid_left"
    EYELID_RIGHT = "eyelid_right"
    SUBCONJUNCTIVA_LEFT = "subconjunctiva_left"
    SUBCONJUNCTIVA_RIGHT = "subconjunctiva_right"
    CHEEK_LEFT = "cheek_left"
    CHEEK_RIGHT = "cheek_right"
    EAR_LEFT = "ear_left"
    EAR_RIGHT = "ear_right"
    NOSE = "nose"
    MOUTH = "mouth"
    FRENULUM = "frenulum"
    JAW_ANGLE_LEFT = "jaw_angle_left"
    JAW_ANGLE_RIGHT = "jaw_angle_right"
    CHIN = "chin"
    NECK_FRONT = "neck_front"
    NECK_BACK = "neck_back"
    CHEST = "chest"
    ABDOMEN = "abdomen"
    GENITAL_AREA = "genital_area"
    UPPER_BACK = "upper_back"
    LOWER_BACK = "lower_back"
    BUTTOCKS = "buttocks"
    BACK_OF_HEAD = "back_of_head"
    UPPER_ARM_LEFT = "upper_arm_left"
    UPPER_ARM_RIGHT = "upper_arm_right"
    FOREARM_LEFT = "forearm_left"
    FOREARM_RIGHT = "forearm_right"
    HAND_LEFT = "hand_left"
    HAND_RIGHT = "hand_right"
    THIGH_LEFT = "thigh_left"
    THIGH_RIGHT = "thigh_right"
    LOWER_LEG_LEFT = "lower_leg_left"
    LOWER_LEG_RIGHT = "lower_leg_right"
    FOOT_LEFT = "foot_left"
    FOOT_RIGHT = "foot_right"


class DecisionKind(RiskEnum):
    """What a practitioner did with a prompt. There is no 'dismissed'."""

    ACTIONED = "actioned"
    OVERRIDDEN = "overridden"


class EscalationRisk(RiskEnum):
    YES = "yes"
    NO = "no"
    NOT_KNOWN = "not_known"


# --- risk factors and history -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class RiskFactor(Entity):
    """One risk factor a person carries, over a date range, with its source and verification.

    ``related_partnership_id`` says the factor belongs to a particular relationship (e.g. domestic
    abuse in a previous relationship). If that partnership is later removed the factor stays, about
    'a relationship no longer recorded'.
    """

    person_id: str
    category: RiskCategory
    status: RiskStatus = RiskStatus.CURRENT
    criminal_basis: CriminalBasis | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    provenance: Provenance
    related_partnership_id: str | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        if self.criminal_basis is not None and not self.category.is_criminality:
            raise ValueError("conviction or allegation applies only to criminality")
        if self.category.is_criminality and self.criminal_basis is None:
            raise ValueError("say whether the criminality is a conviction or an allegation")

    @property
    def dates(self) -> DateRange:
        return DateRange(self.start, self.end)

    @property
    def summary(self) -> str:
        return f"risk factor: {self.describe()}"

    def describe(self) -> str:
        """E.g. 'Criminality: violent (conviction), historic'."""
        text = self.category.label
        if self.criminal_basis is not None:
            text += f" ({self.criminal_basis.label.lower()})"
        return f"{text}, {self.status.label.lower()}"

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.person_id,))


@dataclass(frozen=True, slots=True)
class AceEntry:
    """One ACE category as told or recorded; its own source when it differs from the history's."""

    category: AceCategory
    answer: AceAnswer
    notes: str = ""
    provenance: Provenance | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AceHistory(Entity):
    """A parent's or carer's own childhood history, recorded as history and never scored."""

    person_id: str
    recorded_on: date
    entries: tuple[AceEntry, ...] = ()
    provenance: Provenance
    notes: str = ""

    def __post_init__(self) -> None:
        seen = [entry.category for entry in self.entries]
        if len(seen) != len(set(seen)):
            raise ValueError("each ACE category is recorded once per history")

    @property
    def summary(self) -> str:
        return "childhood history (ACEs)"

    def entry(self, category: AceCategory) -> AceEntry | None:
        return next((entry for entry in self.entries if entry.category is category), None)

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.person_id,))


# --- the chronology -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class ChronologyEvent(Entity):
    """A dated event linked to people and risk categories, with its source."""

    date: PartialDate
    kind: EventKind
    person_ids: tuple[str, ...] = ()
    categories: tuple[RiskCategory, ...] = ()
    description: str
    provenance: Provenance

    def __post_init__(self) -> None:
        if not self.description.strip():
            raise ValueError("a chronology event needs a description")

    @property
    def summary(self) -> str:
        return f"{self.kind.label.lower()} on {self.date.display()}"

    @property
    def is_domestic_abuse(self) -> bool:
        return any(category.is_domestic_abuse for category in self.categories)

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.person_ids)

    def without_person(self, person_id: str) -> Entity | None:
        if person_id not in self.person_ids:
            return self
        remaining = tuple(p for p in self.person_ids if p != person_id)
        return replace(self, person_ids=remaining) if remaining else None


# --- DASH -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DashAnswer:
    """One DASH item by number (1–24): yes / no / don't know, and where the answer came from."""

    item: int
    answer: DashAnswerValue
    source: SourceKind = SourceKind.SELF_REPORT
    source_detail: str = ""
    """Who said it, or which record it is from."""

    def __post_init__(self) -> None:
        if not 1 <= self.item <= 99:
            raise ValueError(f"DASH item {self.item} is not an item number")


@dataclass(frozen=True, slots=True, kw_only=True)
class DashAssessment(Entity):
    """A completed DASH risk checklist, stored by item number only (never the licensed wording).

    The yes count and thresholds are worked out by :mod:`genorisk.risk.instruments`, not stored.
    """

    completed_on: date
    victim_id: str
    perpetrator_id: str | None = None
    assessor: str
    agency: str = ""
    answers: tuple[DashAnswer, ...] = ()
    judgement_triggers: tuple[str, ...] = ()
    """Professional-judgement triggers the assessor ticked (keys from the instrument file)."""
    judgement_reason: str = ""
    marac_referral_on: date | None = None
    wording: str = ""
    """Which wording file was shown (its id and version), for the record."""
    notes: str = ""

    def __post_init__(self) -> None:
        if not self.assessor.strip():
            raise ValueError("a DASH needs the assessor's name")
        items = [answer.item for answer in self.answers]
        if len(items) != len(set(items)):
            raise ValueError("each DASH item is answered once")
        if self.perpetrator_id is not None and self.perpetrator_id == self.victim_id:
            raise ValueError("the victim and the person causing harm must be different people")

    @property
    def summary(self) -> str:
        return f"DASH of {self.completed_on.strftime('%d/%m/%Y')}"

    def answer(self, item: int) -> DashAnswerValue | None:
        found = next((a for a in self.answers if a.item == item), None)
        return found.answer if found else None

    def person_refs(self) -> frozenset[str]:
        return frozenset(p for p in (self.victim_id, self.perpetrator_id) if p)

    def without_person(self, person_id: str) -> Entity | None:
        if person_id == self.victim_id:
            return None
        if person_id == self.perpetrator_id:
            return replace(self, perpetrator_id=None)
        return self


# --- DARAC ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DaracChildNote:
    """Child-focused notes for one child: what the child sees, hears and experiences, in their own
    words where possible, and the impact on their daily life."""

    child_id: str
    sees_hears_experiences: str = ""
    childs_own_account: str = ""
    impact_on_lived_experience: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DaracRecord(Entity):
    """The RESULT of a DARAC completed on the licensed form by a trained assessor.

    The DARAC items are released only with training and are never reproduced here: genorisk keeps
    the date, assessor, level, escalation risk, rationale and a reference to the completed form.
    """

    completed_on: date
    assessor: str
    assessor_trained: bool
    level: int
    escalation_risk: EscalationRisk = EscalationRisk.NOT_KNOWN
    rationale: str
    form_reference: str = ""
    child_notes: tuple[DaracChildNote, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 4:
            raise ValueError(f"DARAC level {self.level} is not 1 to 4")
        if not self.assessor.strip():
            raise ValueError("a DARAC result needs the assessor's name")
        if not self.rationale.strip():
            raise ValueError("a DARAC result needs the rationale for the level")

    @property
    def summary(self) -> str:
        return f"DARAC of {self.completed_on.strftime('%d/%m/%Y')}"

    @property
    def child_ids(self) -> tuple[str, ...]:
        return tuple(note.child_id for note in self.child_notes)

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.child_ids)

    def without_person(self, person_id: str) -> Entity | None:
        if person_id not in self.child_ids:
            return self
        return replace(self, child_notes=tuple(n for n in self.child_notes if n.child_id != person_id))


# --- injury to a baby or young child --------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class NmiInjury(Entity):
    """An injury or mark seen on a baby or young child (the non-mobile infant prompt).

    It cannot be completed (:attr:`completed`) without either a referral reference and time, or a
    manager-approved documented reason: :func:`genorisk.risk.nmi.completion_problems` says what is
    missing, and the store refuses a completed record that lacks both.
    """

    child_id: str
    seen_at: datetime
    seen_where: str = ""
    recorded_by: str
    mobility: tuple[Mobility, ...] = ()
    mobility_limited_by_disability: bool = False
    mark_types: tuple[MarkType, ...] = ()
    regions: tuple[BodyRegion, ...] = ()
    patterned: bool = False
    size: str = ""
    colour: str = ""
    number_of_marks: int = 1
    explanation_verbatim: str = ""
    explanation_given_by: str = ""
    explanation_given_at: datetime | None = None
    medical_cause_documented: bool = False
    medical_cause_detail: str = ""
    unwell_now: bool = False
    parents_informed: bool | None = None
    parents_not_informed_reason: str = ""
    referral_reference: str = ""
    referral_made_at: datetime | None = None
    paediatric_assessment: str = ""
    """What was arranged: e.g. 'Same-day child protection medical, Kirkhaven General, 15:00'."""
    manager_reason: str = ""
    manager_name: str = ""
    manager_approved_at: datetime | None = None
    completed: bool = False
    completed_at: datetime | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        if self.number_of_marks < 1:
            raise ValueError("the number of marks is at least 1")
        if self.completed and not (self.has_referral or self.has_manager_reason):
            raise ValueError(
                "the injury record cannot be completed without a referral reference and time, "
                "or a manager-approved documented reason"
            )

    @property
    def has_referral(self) -> bool:
        return bool(self.referral_reference.strip()) and self.referral_made_at is not None

    @property
    def has_manager_reason(self) -> bool:
        return (bool(self.manager_reason.strip()) and bool(self.manager_name.strip())
                and self.manager_approved_at is not None)

    @property
    def independently_mobile(self) -> bool:
        """Crawling, bottom-shuffling, pulling to stand, cruising or walking (rolling is not)."""
        if self.mobility_limited_by_disability:
            return False
        return any(m is not Mobility.ROLLING for m in self.mobility)

    @property
    def summary(self) -> str:
        return f"injury record of {self.seen_at.strftime('%d/%m/%Y')}"

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.child_id,))


# --- parental claims (professional curiosity) ----------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class ParentalClaim(Entity):
    """A key claim by a parent or carer, e.g. 'no contact with ex-partner', and whether it has been
    corroborated, and whether the child's account differs (disguised compliance)."""

    claimed_by: str
    claim: str
    claimed_on: date
    about_person_id: str | None = None
    corroborated: bool = False
    corroborated_on: date | None = None
    corroborating_source: str = ""
    """The agency or record that confirmed it, e.g. 'Police PNC check, ref 26/1102'."""
    childs_account_differs: bool = False
    childs_account: str = ""
    child_id: str | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        if not self.claim.strip():
            raise ValueError("a parental claim needs the claim itself")
        if self.corroborated and (self.corroborated_on is None or not self.corroborating_source.strip()):
            raise ValueError("a corroborated claim needs the date and the corroborating source")

    @property
    def summary(self) -> str:
        return f"claim '{self.claim[:40]}'"

    def person_refs(self) -> frozenset[str]:
        return frozenset(p for p in (self.claimed_by, self.about_person_id, self.child_id) if p)

    def without_person(self, person_id: str) -> Entity | None:
        if person_id == self.claimed_by:
            return None
        if person_id == self.about_person_id:
            return replace(self, about_person_id=None)
        if person_id == self.child_id:
            return replace(self, child_id=None)
        return self


# --- decisions on prompts -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class PromptDecision(Entity):
    """A practitioner's decision on one prompt: actioned (what was done) or overridden (why).

    Decisions are never edited or deleted: a later decision on the same prompt supersedes an earlier
    one, and both stay in the record. They mention no people directly (the prompt key does), so
    removing a person leaves the decision history intact.
    """

    prompt_key: str
    rule_id: str
    rule_version: str
    decision: DecisionKind
    text: str
    """What was done (actioned) or the written reason (overridden): mandatory either way."""
    user: str
    at: datetime

    def __post_init__(self) -> None:
        if not self.text.strip():
            what = "what was done" if self.decision is DecisionKind.ACTIONED else "a written reason"
            raise ValueError(f"a decision to mark a prompt {self.decision.label.lower()} needs {what}")
        if not self.user.strip():
            raise ValueError("a decision records who made it")

    @property
    def summary(self) -> str:
        return f"{self.decision.label.lower()} prompt {self.rule_id}"


# --- per-case display ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class RiskOverlaySetting(Entity):
    """Whether this case's genogram shows risk markers (on when no setting is stored)."""

    show_markers: bool = True

    @property
    def summary(self) -> str:
        return "risk markers on the genogram"


def overlay_setting_id(case_id: str) -> str:
    """The fixed id of a case's overlay setting (one per case)."""
    return f"{case_id}:risk-overlay"


_CATEGORY_GROUPS: dict[RiskCategory, RiskGroup] = {
    RiskCategory.DOMESTIC_ABUSE_VICTIM: RiskGroup.DOMESTIC_ABUSE,
    RiskCategory.DOMESTIC_ABUSE_PERPETRATOR: RiskGroup.DOMESTIC_ABUSE,
    RiskCategory.DOMESTIC_ABUSE_CHILD_EXPOSED: RiskGroup.DOMESTIC_ABUSE,
    RiskCategory.MENTAL_HEALTH: RiskGroup.MENTAL_HEALTH,
    RiskCategory.ALCOHOL_MISUSE: RiskGroup.SUBSTANCE_MISUSE,
    RiskCategory.DRUG_MISUSE: RiskGroup.SUBSTANCE_MISUSE,
    RiskCategory.CRIMINALITY_VIOLENT: RiskGroup.CRIMINALITY,
    RiskCategory.CRIMINALITY_SEXUAL: RiskGroup.CRIMINALITY,
    RiskCategory.CRIMINALITY_OTHER: RiskGroup.CRIMINALITY,
    RiskCategory.MANY_CONSECUTIVE_PARTNERS: RiskGroup.CUMULATIVE,
    RiskCategory.ACRIMONIOUS_SEPARATION: RiskGroup.CUMULATIVE,
    RiskCategory.SOCIAL_ISOLATION: RiskGroup.CUMULATIVE,
}

_RISK_LABELS: dict[StrEnum, str] = {
    RiskGroup.CUMULATIVE: "Other cumulative factors",
    RiskCategory.DOMESTIC_ABUSE_VICTIM: "Domestic abuse: victim",
    RiskCategory.DOMESTIC_ABUSE_PERPETRATOR: "Domestic abuse: person causing harm",
    RiskCategory.DOMESTIC_ABUSE_CHILD_EXPOSED: "Domestic abuse: child living with it",
    RiskCategory.MENTAL_HEALTH: "Parental mental health",
    RiskCategory.ALCOHOL_MISUSE: "Substance misuse: alcohol",
    RiskCategory.DRUG_MISUSE: "Substance misuse: drugs",
    RiskCategory.CRIMINALITY_VIOLENT: "Criminality: violent",
    RiskCategory.CRIMINALITY_SEXUAL: "Criminality: sexual",
    RiskCategory.CRIMINALITY_OTHER: "Criminality: other",
    RiskCategory.MANY_CONSECUTIVE_PARTNERS: "Many consecutive partners",
    RiskCategory.SOCIAL_ISOLATION: "Social isolation",
    RiskStatus.IN_RECOVERY: "In recovery",
    AceCategory.EMOTIONAL_ABUSE: "Emotional or verbal abuse by a parent or adult at home",
    AceCategory.DOMESTIC_VIOLENCE: "Mother (or carer) treated violently",
    AceCategory.HOUSEHOLD_SUBSTANCE_MISUSE: "Substance misuse in the household",
    AceCategory.HOUSEHOLD_MENTAL_ILLNESS: "Mental illness or suicide attempt in the household",
    AceCategory.PARENTAL_SEPARATION: "Parents separated or divorced",
    AceCategory.HOUSEHOLD_IMPRISONMENT: "A household member imprisoned",
    AceAnswer.EXPERIENCED: "Yes, experienced",
    AceAnswer.NOT_EXPERIENCED: "No",
    AceAnswer.DECLINED: "Declined to say",
    EventKind.POLICE_CALL_OUT: "Police call-out",
    EventKind.HOSPITAL_ATTENDANCE: "A&E or hospital attendance",
    DashAnswerValue.DONT_KNOW: "Don't know",
    Mobility.BOTTOM_SHUFFLING: "Bottom-shuffling",
    MarkType.PETECHIAE: "Petechiae",
    MarkType.BLEEDING: "Bleeding (mouth, nose)",
    BodyRegion.JAW_ANGLE_LEFT: "Angle of jaw (left)",
    BodyRegion.JAW_ANGLE_RIGHT: "Angle of jaw (right)",
    BodyRegion.SUBCONJUNCTIVA_LEFT: "Subconjunctiva (left eye)",
    BodyRegion.SUBCONJUNCTIVA_RIGHT: "Subconjunctiva (right eye)",
    BodyRegion.NECK_FRONT: "Neck (front)",
    BodyRegion.NECK_BACK: "Neck (back)",
    BodyRegion.FRENULUM: "Frenulum (inside lip)",
    EscalationRisk.NOT_KNOWN: "Not known",
}

for _side in ("left", "right"):
    for _region in BodyRegion:
        if _region.value.endswith("_" + _side) and _region not in _RISK_LABELS:
            _base = _region.value[: -len(_side) - 1].replace("_", " ").capitalize()
            _RISK_LABELS[_region] = f"{_base} ({_side})"
