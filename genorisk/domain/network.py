"""The professional network around a case: agencies, information sharing, meetings, supervision.

Also the records a practitioner keeps of the work itself: referrals and assessments (their dates
drive the Working Together timescales), the voice of the child and a safety map in the three
columns practitioners know (worries; what's working well; what needs to happen) with 0–10 scaling.

Everything here is a frozen, Qt-free value like the family entities. Records never point at each
other by object, only by id. Vocabulary values are the stable spellings written to the database
and case bundles; labels are the British English words practitioners see.

The Child BE review found agencies that did not know the child was a Child in Need, plans and
minutes not shared, and actions not followed up: :class:`AgencyNotification`, :class:`MeetingAction`
and :class:`SupervisionConcern` exist so those gaps can be seen and prompted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from genorisk.domain.entities import Entity
from genorisk.domain.values import CaseStatus, LabelledEnum


class NetworkVocabulary(LabelledEnum):
    """A labelled enum whose labels live in this module."""

    @property
    def label(self) -> str:
        return _LABELS.get((type(self), self.value), self.value.replace("_", " ").capitalize())


class AgencyKind(NetworkVocabulary):
    CHILDRENS_SOCIAL_CARE = "childrens_social_care"
    GP = "gp"
    HEALTH_VISITING = "health_visiting"
    MIDWIFERY = "midwifery"
    HOSPITAL = "hospital"
    AMBULANCE_111 = "ambulance_111"
    POLICE = "police"
    SCHOOL_OR_NURSERY = "school_or_nursery"
    HOUSING = "housing"
    PROBATION = "probation"
    ADULT_MENTAL_HEALTH = "adult_mental_health"
    SUBSTANCE_MISUSE = "substance_misuse"
    OTHER = "other"


class SharedItem(NetworkVocabulary):
    """What an agency was sent or told: the columns of the information-sharing matrix."""

    STATUS = "status"
    PLAN = "plan"
    MINUTES = "minutes"
    ASSESSMENT = "assessment"
    INVITATION = "invitation"


class ShareDecision(NetworkVocabulary):
    SHARED = "shared"
    DECLINED = "declined"


class LawfulBasis(NetworkVocabulary):
    """UK GDPR Article 6 basis. Public bodies normally rely on public task or legal obligation."""

    PUBLIC_TASK = "public_task"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    CONSENT = "consent"
    LEGITIMATE_INTERESTS = "legitimate_interests"


class Schedule1Condition(NetworkVocabulary):
    """The DPA 2018 Schedule 1 condition relied on for special category data."""

    NOT_SPECIAL_CATEGORY = "not_special_category"
    SAFEGUARDING = "para_18_safeguarding"
    HEALTH_OR_SOCIAL_CARE = "para_2_health_or_social_care"
    STATUTORY_PURPOSES = "para_6_statutory_purposes"
    PREVENTING_CRIME = "para_10_preventing_crime"


class ConsentPosition(NetworkVocabulary):
    """Whether consent was sought, or why not (golden rules 2 and 3)."""

    SOUGHT_AND_GIVEN = "sought_and_given"
    SOUGHT_AND_REFUSED = "sought_and_refused"
    NOT_SOUGHT_RISK_OF_HARM = "not_sought_risk_of_harm"
    NOT_SOUGHT_PREJUDICE = "not_sought_prejudice"
    NOT_SOUGHT_NOT_PRACTICABLE = "not_sought_not_practicable"
    NOT_SOUGHT_OTHER = "not_sought_other"


class MeetingKind(NetworkVocabulary):
    CIN = "cin"
    CORE_GROUP = "core_group"
    STRATEGY_DISCUSSION = "strategy_discussion"
    TEAM_AROUND_THE_FAMILY = "team_around_the_family"
    ICPC = "icpc"
    RCPC = "rcpc"
    MARAC = "marac"


class ItemKind(NetworkVocabulary):
    """Meeting minutes label each item as fact, statement or opinion, and attribute it."""

    FACT = "fact"
    STATEMENT = "statement"
    OPINION = "opinion"


class ActionStatus(NetworkVocabulary):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CLOSED = "closed"
    """Closed without being done (e.g. no longer needed), with a written rationale."""

    @property
    def is_outstanding(self) -> bool:
        return self in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ReferralDecision(NetworkVocabulary):
    IMMEDIATE_PROTECTION = "immediate_protection"
    SECTION_47 = "section_47"
    SECTION_17_ASSESSMENT = "section_17_assessment"
    EARLY_HELP = "early_help"
    SPECIALIST_ASSESSMENT = "specialist_assessment"
    NO_FURTHER_ACTION = "no_further_action"


class AssessmentKind(NetworkVocabulary):
    CHILD_AND_FAMILY = "child_and_family"
    SECTION_47 = "section_47"
    PRE_BIRTH = "pre_birth"
    EARLY_HELP = "early_help"


class VoiceKind(NetworkVocabulary):
    WORDS_AND_WISHES = "words_and_wishes"
    THREE_HOUSES = "three_houses"
    OBSERVATION = "observation"


_LABEL_LIST: tuple[tuple[LabelledEnum, str], ...] = (
    (AgencyKind.CHILDRENS_SOCIAL_CARE, "Children's social care"),
    (AgencyKind.GP, "GP"),
    (AgencyKind.AMBULANCE_111, "111 or ambulance"),
    (AgencyKind.SCHOOL_OR_NURSERY, "School or nursery"),
    (AgencyKind.SUBSTANCE_MISUSE, "Substance misuse service"),
    (SharedItem.STATUS, "Told the child's status"),
    (SharedItem.PLAN, "Has the plan"),
    (SharedItem.MINUTES, "Has the minutes"),
    (SharedItem.ASSESSMENT, "Has the assessment"),
    (SharedItem.INVITATION, "Invited to meetings"),
    (ShareDecision.DECLINED, "Declined to share"),
    (LawfulBasis.PUBLIC_TASK, "Public task (UK GDPR Art. 6(1)(e))"),
    (LawfulBasis.LEGAL_OBLIGATION, "Legal obligation (UK GDPR Art. 6(1)(c))"),
    (LawfulBasis.VITAL_INTERESTS, "Vital interests (UK GDPR Art. 6(1)(d))"),
    (LawfulBasis.CONSENT, "Consent (UK GDPR Art. 6(1)(a))"),
    (LawfulBasis.LEGITIMATE_INTERESTS, "Legitimate interests (UK GDPR Art. 6(1)(f))"),
    (Schedule1Condition.NOT_SPECIAL_CATEGORY, "Not special category data"),
    (Schedule1Condition.SAFEGUARDING, "Sch. 1 para 18: safeguarding of children and individuals at risk"),
    (Schedule1Condition.HEALTH_OR_SOCIAL_CARE, "Sch. 1 para 2: health or social care purposes"),
    (Schedule1Condition.STATUTORY_PURPOSES, "Sch. 1 para 6: statutory and government purposes"),
    (Schedule1Condition.PREVENTING_CRIME, "Sch. 1 para 10: preventing or detecting unlawful acts"),
    (ConsentPosition.SOUGHT_AND_GIVEN, "Sought and given"),
    (ConsentPosition.SOUGHT_AND_REFUSED, "Sought and refused"),
    (ConsentPosition.NOT_SOUGHT_RISK_OF_HARM, "Not sought: seeking it would put a child at risk"),
    (ConsentPosition.NOT_SOUGHT_PREJUDICE, "Not sought: it would prejudice an enquiry or investigation"),
    (ConsentPosition.NOT_SOUGHT_NOT_PRACTICABLE, "Not sought: it could not reasonably be obtained"),
    (ConsentPosition.NOT_SOUGHT_OTHER, "Not sought: other reason (see note)"),
    (MeetingKind.CIN, "Child in Need meeting"),
    (MeetingKind.CORE_GROUP, "Core group"),
    (MeetingKind.STRATEGY_DISCUSSION, "Strategy discussion"),
    (MeetingKind.TEAM_AROUND_THE_FAMILY, "Team around the family"),
    (MeetingKind.ICPC, "Initial child protection conference"),
    (MeetingKind.RCPC, "Review child protection conference"),
    (MeetingKind.MARAC, "MARAC"),
    (ActionStatus.IN_PROGRESS, "In progress"),
    (ActionStatus.CLOSED, "Closed, not done"),
    (ReferralDecision.SECTION_47, "Section 47 enquiry"),
    (ReferralDecision.SECTION_17_ASSESSMENT, "Section 17 assessment"),
    (ReferralDecision.NO_FURTHER_ACTION, "No further action"),
    (AssessmentKind.CHILD_AND_FAMILY, "Child and family assessment (s17)"),
    (AssessmentKind.SECTION_47, "Section 47 enquiry"),
    (AssessmentKind.PRE_BIRTH, "Pre-birth assessment"),
    (VoiceKind.WORDS_AND_WISHES, "Words and wishes"),
    (VoiceKind.THREE_HOUSES, "Three Houses"),
    (VoiceKind.OBSERVATION, "Observation of lived experience"),
)
# Keyed by (type, value): string enums of different types with the same value compare equal.
_LABELS: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _LABEL_LIST}

PLAN_STATUSES = frozenset({CaseStatus.CHILD_IN_NEED, CaseStatus.CHILD_PROTECTION, CaseStatus.LOOKED_AFTER})
"""Statuses under which a child has a plan that the whole network must know about."""

CONFERENCE_KINDS = frozenset({MeetingKind.ICPC, MeetingKind.RCPC})
PLAN_MEETING_KINDS = frozenset(
    {MeetingKind.CIN, MeetingKind.CORE_GROUP, MeetingKind.ICPC, MeetingKind.RCPC,
     MeetingKind.TEAM_AROUND_THE_FAMILY}
)
"""Meetings about the child's plan: their minutes go to the network and the network is invited."""


# --- small value objects held inside entities ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgencyContact:
    """A named professional at an agency and how to reach them."""

    name: str
    role: str = ""
    telephone: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an agency contact needs a name")


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone at (or sending apologies to) a meeting, with their role and agency."""

    name: str
    role: str = ""
    agency_id: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a meeting participant needs a name")


@dataclass(frozen=True, slots=True)
class MeetingItem:
    """One minuted item: fact, statement or opinion, and who it comes from."""

    kind: ItemKind
    text: str
    attributed_to: str

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a minuted item needs its text")
        if not self.attributed_to.strip():
            raise ValueError(f"a minuted {self.kind.label.lower()} needs to say who it comes from")


@dataclass(frozen=True, slots=True)
class Rationale:
    """A decision and the reasons for it."""

    decision: str
    rationale: str

    def __post_init__(self) -> None:
        if not self.decision.strip():
            raise ValueError("a decision needs its text")
        if not self.rationale.strip():
            raise ValueError(f"the decision '{self.decision}' needs its rationale")


@dataclass(frozen=True, slots=True)
class SignOff:
    """A supervisor's sign-off: who, when and what they said."""

    by: str
    on: date
    comment: str = ""

    def __post_init__(self) -> None:
        if not self.by.strip():
            raise ValueError("a sign-off needs the name of the person signing")


@dataclass(frozen=True, slots=True)
class NextStep:
    """Something that needs to happen, with who will do it and by when."""

    step: str
    owner: str = ""
    due_on: date | None = None

    def __post_init__(self) -> None:
        if not self.step.strip():
            raise ValueError("a next step needs its text")


@dataclass(frozen=True, slots=True)
class SafetyRating:
    """One named person's 0–10 rating (10: safe enough to close; 0: the child cannot live at home)."""

    rater: str
    score: int
    role: str = ""
    reason: str = ""
    """'What makes it that?' in the rater's own words."""

    def __post_init__(self) -> None:
        if not self.rater.strip():
            raise ValueError("a safety rating needs the name of the person rating")
        if isinstance(self.score, bool) or not 0 <= self.score <= 10:
            raise ValueError(f"a safety rating is 0 to 10, not {self.score}")


# --- entities -------------------------------------------------------------------------------------


def _without(entity: Any, field_name: str, person_id: str) -> Entity:
    """``entity`` with ``person_id`` dropped from its tuple field ``field_name``."""
    current: tuple[str, ...] = getattr(entity, field_name)
    if person_id not in current:
        return entity  # type: ignore[no-any-return]
    return replace(entity, **{field_name: tuple(p for p in current if p != person_id)})  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True, kw_only=True)
class Agency(Entity):
    """An agency in the professional network, with its contacts and the family members it works with."""

    kind: AgencyKind
    name: str
    contacts: tuple[AgencyContact, ...] = ()
    address: str = ""
    involved_with: tuple[str, ...] = ()
    """Ids of the family members this agency works with (a GP's patients, a probation officer's case)."""
    involved_from: date | None = None
    involved_to: date | None = None
    """When the agency stopped being involved; None while it still is."""
    lead_agency: bool = False
    """The agency holding the case (children's social care): it writes the plan, so is not 'told' it."""
    withhold_details: bool = False
    """The agency's name, address and contacts could lead someone to a victim (e.g. a refuge)."""
    notes: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an agency needs a name")

    @property
    def summary(self) -> str:
        return self.name

    def is_involved_on(self, day: date) -> bool:
        if self.involved_from and day < self.involved_from:
            return False
        return not (self.involved_to and day > self.involved_to)

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.involved_with)

    def without_person(self, person_id: str) -> Entity | None:
        return _without(self, "involved_with", person_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class AgencyNotification(Entity):
    """A dated record that an agency was told the child's status, sent a document, or invited.

    The information-sharing matrix reads the latest of each kind per agency.
    """

    agency_id: str
    item: SharedItem
    on: date
    status: CaseStatus | None = None
    """For ``SharedItem.STATUS``: which status the agency was told."""
    meeting_id: str | None = None
    """For minutes and invitations: which meeting."""
    sent_by: str = ""
    method: str = ""
    """How it was shared, e.g. 'secure email', 'letter', 'telephone'."""
    notes: str = ""

    def __post_init__(self) -> None:
        if self.item is SharedItem.STATUS and self.status is None:
            raise ValueError("a status notification needs the status the agency was told")
        if self.item is not SharedItem.STATUS and self.status is not None:
            raise ValueError(f"'{self.item.label}' does not carry a status")

    @property
    def summary(self) -> str:
        return f"{self.item.label.lower()} ({self.on:%d/%m/%Y})"


@dataclass(frozen=True, slots=True, kw_only=True)
class InformationSharingDecision(Entity):
    """One decision to share, or not to share, information (golden rule 7: record it either way).

    Missing pieces are allowed in storage (an imported or half-entered record) so rule R13 can
    prompt for them; the app's form will not save without a reason, a lawful basis and a recipient.
    """

    decision: ShareDecision
    decided_on: date
    decided_by: str = ""
    information: str = ""
    """What was shared (or asked for and not shared)."""
    recipient: str = ""
    """With whom: a named person and their role."""
    recipient_agency_id: str | None = None
    requested_by: str = ""
    lawful_basis: LawfulBasis | None = None
    special_category: bool = False
    """Health, sexual life, criminal allegations…: then a Schedule 1 condition is needed too."""
    schedule1_condition: Schedule1Condition | None = None
    consent: ConsentPosition | None = None
    consent_note: str = ""
    reason: str = ""
    person_ids: tuple[str, ...] = ()
    """Whom the information is about."""

    @property
    def summary(self) -> str:
        return f"information-sharing decision of {self.decided_on:%d/%m/%Y}"

    def missing(self) -> tuple[str, ...]:
        """What the log entry still needs, in words (empty when it is complete)."""
        gaps = []
        if not self.reason.strip():
            gaps.append("the reason")
        if self.lawful_basis is None:
            gaps.append("the lawful basis")
        if not self.recipient.strip() and self.recipient_agency_id is None:
            gaps.append("the recipient")
        if self.special_category and self.schedule1_condition in (None, Schedule1Condition.NOT_SPECIAL_CATEGORY):
            gaps.append("the Schedule 1 condition for special category data")
        if self.consent is None:
            gaps.append("whether consent was sought, or why not")
        elif self.consent is ConsentPosition.NOT_SOUGHT_OTHER and not self.consent_note.strip():
            gaps.append("why consent was not sought")
        return tuple(gaps)

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.person_ids)

    def without_person(self, person_id: str) -> Entity | None:
        return _without(self, "person_ids", person_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Referral(Entity):
    """A referral to children's social care; its decision is due within 1 working day."""

    received_on: date
    referrer: str = ""
    referrer_agency_id: str | None = None
    child_ids: tuple[str, ...] = ()
    concerns: str = ""
    decision: ReferralDecision | None = None
    decided_on: date | None = None
    late_reason: str = ""
    """Why a timescale was missed, recorded by the social worker."""

    def __post_init__(self) -> None:
        if (self.decision is None) != (self.decided_on is None):
            raise ValueError("a referral decision needs both the decision and the date it was made")
        if self.decided_on and self.decided_on < self.received_on:
            raise ValueError("a referral cannot be decided before it was received")

    @property
    def summary(self) -> str:
        return f"referral of {self.received_on:%d/%m/%Y}"

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.child_ids)

    def without_person(self, person_id: str) -> Entity | None:
        return _without(self, "child_ids", person_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment(Entity):
    """An assessment of the child(ren): at most 45 working days from referral; signed off by a supervisor."""

    kind: AssessmentKind
    started_on: date
    child_ids: tuple[str, ...] = ()
    referral_id: str | None = None
    completed_on: date | None = None
    author: str = ""
    analysis: str = ""
    late_reason: str = ""
    sign_off: SignOff | None = None

    def __post_init__(self) -> None:
        if self.completed_on and self.completed_on < self.started_on:
            raise ValueError("an assessment cannot be completed before it started")
        if self.sign_off and self.completed_on is None:
            raise ValueError("an assessment is signed off only once it is completed")

    @property
    def summary(self) -> str:
        return f"{self.kind.label.lower()} started {self.started_on:%d/%m/%Y}"

    @property
    def awaiting_sign_off(self) -> bool:
        return self.completed_on is not None and self.sign_off is None

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.child_ids)

    def without_person(self, person_id: str) -> Entity | None:
        return _without(self, "child_ids", person_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting(Entity):
    """A multi-agency meeting: who came, what was said (fact / statement / opinion), what was decided."""

    kind: MeetingKind
    held_on: date
    chair: str = ""
    child_ids: tuple[str, ...] = ()
    attendees: tuple[Participant, ...] = ()
    apologies: tuple[Participant, ...] = ()
    items: tuple[MeetingItem, ...] = ()
    decisions: tuple[str, ...] = ()
    minutes_agreed_on: date | None = None
    conference_needed: bool | None = None
    """Strategy discussions only: False once it is recorded that no conference will follow."""
    late_reason: str = ""
    notes: str = ""

    @property
    def summary(self) -> str:
        return f"{self.kind.label} of {self.held_on:%d/%m/%Y}"

    def agency_ids(self) -> frozenset[str]:
        """Agencies represented at the meeting or sending apologies (so they were invited)."""
        return frozenset(p.agency_id for p in (*self.attendees, *self.apologies) if p.agency_id)

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.child_ids)

    def without_person(self, person_id: str) -> Entity | None:
        return _without(self, "child_ids", person_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingAction(Entity):
    """An agreed action: owner, due date, status and a completion note."""

    meeting_id: str
    description: str
    owner: str
    due_on: date
    owner_agency_id: str | None = None
    status: ActionStatus = ActionStatus.OPEN
    completed_on: date | None = None
    completion_note: str = ""

    def __post_init__(self) -> None:
        if not self.description.strip():
            raise ValueError("an action needs a description")
        if not self.owner.strip():
            raise ValueError(f"the action '{self.description}' needs an owner")
        if self.status is ActionStatus.COMPLETED and self.completed_on is None:
            raise ValueError(f"the action '{self.description}' is completed but has no completion date")
        if self.status is ActionStatus.CLOSED and not self.completion_note.strip():
            raise ValueError(f"closing the action '{self.description}' without doing it needs a rationale")

    @property
    def summary(self) -> str:
        return f"action '{self.description}'"

    def is_overdue_on(self, day: date) -> bool:
        return self.status.is_outstanding and self.due_on < day


@dataclass(frozen=True, slots=True, kw_only=True)
class Supervision(Entity):
    """A supervision session on this case, signed off by the supervisor."""

    held_on: date
    supervisor: str
    supervisee: str = ""
    concerns_reviewed: tuple[str, ...] = ()
    """Ids of the :class:`SupervisionConcern` records discussed (open ones carry forward)."""
    analysis: str = ""
    decisions: tuple[Rationale, ...] = ()
    review_on: date | None = None
    sign_off: SignOff | None = None

    def __post_init__(self) -> None:
        if not self.supervisor.strip():
            raise ValueError("a supervision record needs the supervisor's name")
        if self.review_on and self.review_on < self.held_on:
            raise ValueError("a supervision review date cannot be before the supervision")

    @property
    def summary(self) -> str:
        return f"supervision of {self.held_on:%d/%m/%Y}"

    @property
    def awaiting_sign_off(self) -> bool:
        return self.sign_off is None


@dataclass(frozen=True, slots=True, kw_only=True)
class SupervisionConcern(Entity):
    """A concern raised in supervision. It carries forward to each supervision until closed with a reason."""

    raised_in: str
    """Id of the supervision that raised it."""
    raised_on: date
    description: str
    child_ids: tuple[str, ...] = ()
    closed_on: date | None = None
    closure_reason: str = ""

    def __post_init__(self) -> None:
        if not self.description.strip():
            raise ValueError("a supervision concern needs a description")
        if self.closed_on is not None and not self.closure_reason.strip():
            raise ValueError(f"closing the concern '{self.description}' needs a reason")

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def summary(self) -> str:
        return f"concern '{self.description}'"

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.child_ids)

    def without_person(self, person_id: str) -> Entity | None:
        return _without(self, "child_ids", person_id)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildVoice(Entity):
    """The child's own words and wishes, Three Houses, or (for babies) observed lived experience."""

    child_id: str
    recorded_on: date
    recorded_by: str
    kind: VoiceKind = VoiceKind.WORDS_AND_WISHES
    context: str = ""
    """Where and how the child was seen, e.g. 'seen alone at nursery'."""
    words: str = ""
    """The child's own words, verbatim."""
    wishes: str = ""
    worries: str = ""
    good_things: str = ""
    dreams: str = ""
    observations: str = ""
    """What the child's day is like, as observed: for babies and children who cannot say."""

    def __post_init__(self) -> None:
        if not self.recorded_by.strip():
            raise ValueError("the voice of the child needs who recorded it")
        if not any(text.strip() for text in (self.words, self.wishes, self.worries, self.good_things,
                                             self.dreams, self.observations)):
            raise ValueError("the voice of the child record is empty")

    @property
    def summary(self) -> str:
        return f"{self.kind.label.lower()} recorded {self.recorded_on:%d/%m/%Y}"

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.child_id,))


@dataclass(frozen=True, slots=True, kw_only=True)
class SafetyMap(Entity):
    """A three-column safety map (worries; what's working well; what needs to happen) with scaling."""

    recorded_on: date
    recorded_by: str = ""
    child_ids: tuple[str, ...] = ()
    harms: tuple[str, ...] = ()
    danger_statements: tuple[str, ...] = ()
    complicating_factors: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    existing_safety: tuple[str, ...] = ()
    safety_goals: tuple[str, ...] = ()
    next_steps: tuple[NextStep, ...] = ()
    ratings: tuple[SafetyRating, ...] = ()

    @property
    def summary(self) -> str:
        return f"safety map of {self.recorded_on:%d/%m/%Y}"

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.child_ids)

    def without_person(self, person_id: str) -> Entity | None:
        return _without(self, "child_ids", person_id)


NETWORK_ENTITY_TYPES: tuple[type[Entity], ...] = (
    Agency,
    AgencyNotification,
    InformationSharingDecision,
    Referral,
    Assessment,
    Meeting,
    MeetingAction,
    Supervision,
    SupervisionConcern,
    ChildVoice,
    SafetyMap,
)
"""Every entity type this module defines, in an order that respects references between them."""
