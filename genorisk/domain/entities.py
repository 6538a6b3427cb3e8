"""The family and case entities: immutable records, each with an id and the case it belongs to.

Entities never hold references to each other, only ids, so a whole case is a plain value that can be
compared, serialised and rebuilt. Changes are made by replacing an entity (``dataclasses.replace``)
inside a :class:`~genorisk.domain.commands.Command`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from genorisk.domain.values import (
    CaseStatus,
    DateRange,
    EmotionalLinkKind,
    GenderIdentity,
    HouseholdRole,
    ParentalResponsibility,
    ParentKind,
    PartialDate,
    PartnershipKind,
    PartnershipStatus,
    PregnancyOutcome,
    Provenance,
    Sex,
    VerificationStatus,
    Zygosity,
)


def new_id() -> str:
    """A fresh random identifier for an entity."""
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """Base of every stored record: its own id and its case's id."""

    id: str
    case_id: str

    @property
    def summary(self) -> str:
        """Words naming this record for command names and messages."""
        return type(self).__name__

    def person_refs(self) -> frozenset[str]:
        """Ids of the people this record is about; removing one of them touches this record."""
        return frozenset()

    def without_person(self, person_id: str) -> Entity | None:
        """This record once a person is removed from the case: None to remove it too.

        Records about several people (a twin set, a chronology event) override this to drop just the
        one person while they still make sense.
        """
        return None if person_id in self.person_refs() else self


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A case status from a date, with the reason it changed."""

    status: CaseStatus
    since: date
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Case(Entity):
    """A case: its reference, title, dated status history and lead professional.

    ``case_id`` equals ``id`` for a Case so every entity, the case included, names its case.
    """

    reference: str
    title: str
    status_history: tuple[StatusChange, ...]
    lead_professional: str = ""
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        if not self.reference.strip():
            raise ValueError("a case needs a reference")
        if not self.status_history:
            raise ValueError("a case needs at least one status")

    @property
    def status(self) -> CaseStatus:
        return self.status_history[-1].status

    def status_on(self, day: date) -> CaseStatus | None:
        """The status in force on a day, or None before the case opened."""
        current = None
        for change in sorted(self.status_history, key=lambda c: c.since):
            if change.since <= day:
                current = change.status
        return current

    @property
    def summary(self) -> str:
        return f"case {self.reference}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(Entity):
    """A member of the family, or a pregnancy (``pregnancy`` set)."""

    given_names: str = ""
    family_name: str = ""
    known_as: str = ""
    sex: Sex = Sex.UNKNOWN
    gender_identity: GenderIdentity = GenderIdentity.NOT_RECORDED
    date_of_birth: PartialDate | None = None
    deceased: bool = False
    date_of_death: PartialDate | None = None
    pregnancy: PregnancyOutcome | None = None
    gestation_weeks: int | None = None
    is_subject_child: bool = False
    is_index_person: bool = False
    contact_details: str = ""
    """Address, telephone and other ways of finding the person: redacted when ``withhold_location``."""
    withhold_location: bool = False
    """Victims, and anyone who could be harmed if found: their contact details never leave the case."""
    notes: str = ""

    def __post_init__(self) -> None:
        if self.gestation_weeks is not None and not 1 <= self.gestation_weeks <= 45:
            raise ValueError(f"gestation of {self.gestation_weeks} weeks is not possible")
        if self.date_of_death is not None and not self.deceased:
            raise ValueError("a date of death is recorded but the person is not marked deceased")

    @property
    def display_name(self) -> str:
        """The name practitioners use: known-as, else given names, with the family name."""
        first = self.known_as or self.given_names
        name = " ".join(part for part in (first, self.family_name) if part)
        if name:
            return name
        return self.pregnancy.label if self.pregnancy else "Unnamed person"

    @property
    def summary(self) -> str:
        return self.display_name

    def age_on(self, day: date) -> int | None:
        """Age in whole years on a day, from the midpoint of a partial date of birth."""
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth.midpoint()
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def age_in_days_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        return (day - self.date_of_birth.midpoint()).days


@dataclass(frozen=True, slots=True)
class PartnershipPeriod:
    """A partnership status from a date (``since`` may be unknown)."""

    status: PartnershipStatus
    since: PartialDate | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Partnership(Entity):
    """A relationship between two people. Any person may have any number of these, past and present."""

    person_a: str
    person_b: str
    kind: PartnershipKind = PartnershipKind.UNKNOWN
    statuses: tuple[PartnershipPeriod, ...] = (PartnershipPeriod(PartnershipStatus.TOGETHER),)
    start: PartialDate | None = None
    end: PartialDate | None = None
    provenance: Provenance | None = None
    notes: str = ""

    @property
    def status(self) -> PartnershipStatus:
        return self.statuses[-1].status if self.statuses else PartnershipStatus.TOGETHER

    @property
    def is_current(self) -> bool:
        return self.status is PartnershipStatus.TOGETHER and self.end is None

    @property
    def dates(self) -> DateRange:
        return DateRange(self.start, self.end)

    def active_on(self, day: date) -> bool:
        """Together on a day: within its dates, and not ended without a recorded end date."""
        if not self.dates.covers(day):
            return False
        return self.end is not None or self.status is PartnershipStatus.TOGETHER

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.person_a, self.person_b))

    def partner_of(self, person_id: str) -> str:
        """The other person in this partnership."""
        if person_id == self.person_a:
            return self.person_b
        if person_id == self.person_b:
            return self.person_a
        raise KeyError(f"{person_id} is not in partnership {self.id}")

    def involves(self, person_id: str) -> bool:
        return person_id in (self.person_a, self.person_b)


@dataclass(frozen=True, slots=True, kw_only=True)
class ParentChildLink(Entity):
    """One parent of one child, with the kind of parenthood and parental responsibility.

    A child with two birth parents has two links; with one parent unknown, one link. The union a child
    hangs from on the genogram is the partnership between its birth (or adoptive) parents.
    """

    parent_id: str
    child_id: str
    kind: ParentKind = ParentKind.BIRTH
    parental_responsibility: ParentalResponsibility = ParentalResponsibility.UNKNOWN
    paternity_disputed: bool = False
    start: PartialDate | None = None
    end: PartialDate | None = None
    provenance: Provenance | None = None

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.parent_id, self.child_id))


@dataclass(frozen=True, slots=True, kw_only=True)
class TwinSet(Entity):
    """Two or more children of one birth who are twins (or more)."""

    member_ids: tuple[str, ...]
    zygosity: Zygosity = Zygosity.UNKNOWN

    def __post_init__(self) -> None:
        if len(set(self.member_ids)) < 2:
            raise ValueError("a twin set needs at least two different people")

    def person_refs(self) -> frozenset[str]:
        return frozenset(self.member_ids)

    def without_person(self, person_id: str) -> Entity | None:
        remaining = tuple(member for member in self.member_ids if member != person_id)
        if len(remaining) == len(self.member_ids):
            return self
        return replace(self, member_ids=remaining) if len(remaining) >= 2 else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Household(Entity):
    """A household: a place where some of the family live."""

    name: str
    address: str = ""
    notes: str = ""

    @property
    def summary(self) -> str:
        return f"household {self.name}"


@dataclass(frozen=True, slots=True, kw_only=True)
class HouseholdMember(Entity):
    """A person living in (resident) or regularly visiting a household over a dated period."""

    household_id: str
    person_id: str
    role: HouseholdRole = HouseholdRole.RESIDENT
    start: PartialDate | None = None
    end: PartialDate | None = None
    frequency: str = ""
    """For regular visitors: how often, e.g. 'daily'."""
    provenance: Provenance | None = None

    @property
    def dates(self) -> DateRange:
        return DateRange(self.start, self.end)

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.person_id,))


@dataclass(frozen=True, slots=True, kw_only=True)
class EmotionalLink(Entity):
    """An emotional or abusive relationship, drawn as an overlay and never used for layout.

    When ``directed``, it runs from ``from_id`` to ``to_id``: for abuse, from the person causing harm to
    the person harmed.
    """

    from_id: str
    to_id: str
    kind: EmotionalLinkKind
    directed: bool = False
    start: PartialDate | None = None
    end: PartialDate | None = None
    provenance: Provenance | None = None
    notes: str = ""

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.from_id, self.to_id))


@dataclass(frozen=True, slots=True, kw_only=True)
class LayoutNudge(Entity):
    """A practitioner's drag of one person on the genogram, kept across re-layout and restart."""

    person_id: str
    dx: float
    dy: float

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.person_id,))


@dataclass(frozen=True, slots=True, kw_only=True)
class VerificationItem(Entity):
    """Something not yet known that a practitioner must check, e.g. a parent's previous partners."""

    person_id: str | None
    topic: str
    description: str
    status: VerificationStatus = VerificationStatus.OPEN
    raised_on: date = field(default_factory=date.today)
    resolved_on: date | None = None
    resolution: str = ""

    @property
    def summary(self) -> str:
        return f"check: {self.topic}"

    def person_refs(self) -> frozenset[str]:
        return frozenset((self.person_id,)) if self.person_id else frozenset()
