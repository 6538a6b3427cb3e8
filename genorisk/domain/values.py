"""Value objects and vocabularies shared by every genorisk package.

Everything here is immutable and Qt-free. Enum *values* are the stable spellings written to the
database and to case bundles; enum *labels* are the British English words shown to practitioners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label for the interface."""

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())


class CaseStatus(LabelledEnum):
    EARLY_HELP = "early_help"
    CHILD_IN_NEED = "child_in_need"
    CHILD_PROTECTION = "child_protection"
    LOOKED_AFTER = "looked_after"
    CLOSED = "closed"


class Sex(LabelledEnum):
    """Sex recorded at birth."""

    MALE = "male"
    FEMALE = "female"
    INTERSEX = "intersex"
    UNKNOWN = "unknown"


class GenderIdentity(LabelledEnum):
    """Gender identity; NOT_RECORDED means draw by sex recorded at birth."""

    NOT_RECORDED = "not_recorded"
    MAN = "man"
    WOMAN = "woman"
    NON_BINARY = "non_binary"
    OTHER = "other"


class PregnancyOutcome(LabelledEnum):
    """A pregnancy, or the loss of one; a person with this set is drawn as a pregnancy symbol."""

    PREGNANCY = "pregnancy"
    MISCARRIAGE = "miscarriage"
    TERMINATION = "termination"
    STILLBIRTH = "stillbirth"


class PartnershipKind(LabelledEnum):
    MARRIED = "married"
    CIVIL_PARTNERSHIP = "civil_partnership"
    COHABITING = "cohabiting"
    DATING = "dating"
    ENGAGED = "engaged"
    BRIEF = "brief"
    UNKNOWN = "unknown"


class PartnershipStatus(LabelledEnum):
    TOGETHER = "together"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"
    ENDED = "ended"


class ParentKind(LabelledEnum):
    BIRTH = "birth"
    ADOPTIVE = "adoptive"
    STEP = "step"
    FOSTER = "foster"
    KINSHIP = "kinship"


class ParentalResponsibility(LabelledEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Zygosity(LabelledEnum):
    IDENTICAL = "identical"
    NON_IDENTICAL = "non_identical"
    UNKNOWN = "unknown"


class HouseholdRole(LabelledEnum):
    RESIDENT = "resident"
    REGULAR_VISITOR = "regular_visitor"


class EmotionalLinkKind(LabelledEnum):
    CLOSE = "close"
    DISTANT = "distant"
    CONFLICT = "conflict"
    HOSTILE = "hostile"
    CUTOFF = "cutoff"
    PHYSICAL_ABUSE = "physical_abuse"
    EMOTIONAL_ABUSE = "emotional_abuse"
    SEXUAL_ABUSE = "sexual_abuse"
    NEGLECT = "neglect"
    COERCIVE_CONTROL = "coercive_control"
    FEAR = "fear"

    @property
    def is_abuse(self) -> bool:
        """Abuse links are drawn as an arrow pointing at the person harmed."""
        return self in _ABUSE_LINKS


class SourceKind(LabelledEnum):
    SELF_REPORT = "self_report"
    AGENCY_RECORD = "agency_record"
    OBSERVATION = "observation"
    CHILD_ACCOUNT = "child_account"


class VerificationStatus(LabelledEnum):
    OPEN = "open"
    RESOLVED = "resolved"


_ABUSE_LINKS = frozenset(
    {
        EmotionalLinkKind.PHYSICAL_ABUSE,
        EmotionalLinkKind.EMOTIONAL_ABUSE,
        EmotionalLinkKind.SEXUAL_ABUSE,
        EmotionalLinkKind.NEGLECT,
        EmotionalLinkKind.COERCIVE_CONTROL,
    }
)

_LABELS: dict[StrEnum, str] = {
    CaseStatus.CHILD_IN_NEED: "Child in Need",
    CaseStatus.CHILD_PROTECTION: "Child Protection",
    CaseStatus.LOOKED_AFTER: "Looked After",
    CaseStatus.EARLY_HELP: "Early Help",
    GenderIdentity.NON_BINARY: "Non-binary",
    PartnershipKind.DATING: "Dating, not cohabiting",
    PartnershipKind.BRIEF: "Brief relationship or affair",
    ParentKind.KINSHIP: "Special guardianship or kinship carer",
    Zygosity.NON_IDENTICAL: "Non-identical",
    HouseholdRole.REGULAR_VISITOR: "Regular visitor",
    EmotionalLinkKind.CUTOFF: "Cut-off",
    SourceKind.SELF_REPORT: "Self-report",
    SourceKind.CHILD_ACCOUNT: "Child's account",
}


_PARTIAL_DATE = re.compile(r"^(?P<est>~)?(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
_DISPLAY_DATE = re.compile(r"^(?P<est>(?:c\.|~)\s*)?(?:(?:(?P<d>\d{1,2})/)?(?P<m>\d{1,2})/)?(?P<y>\d{4})$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, possibly estimated.

    Stored as ISO text (``2019``, ``2019-04``, ``2019-04-23``) with a leading ``~`` when estimated,
    and shown to practitioners as dd/mm/yyyy (``c.`` in front when estimated).
    """

    year: int
    month: int | None = None
    day: int | None = None
    estimated: bool = False

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1 to 12")
        if self.day is not None and self.month is not None:
            date(self.year, self.month, self.day)  # raises ValueError naming the bad day

    @classmethod
    def of(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse the stored ISO form or the displayed dd/mm/yyyy form; raise ValueError otherwise."""
        text = text.strip()
        match = _PARTIAL_DATE.match(text) or _DISPLAY_DATE.match(text)
        if not match:
            raise ValueError(f"'{text}' is not a date (use dd/mm/yyyy, mm/yyyy or yyyy)")
        parts = match.groupdict()
        month = int(parts["m"]) if parts["m"] else None
        day = int(parts["d"]) if parts["d"] else None
        return cls(int(parts["y"]), month, day, estimated=bool(parts["est"]))

    def to_iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return ("~" + text) if self.estimated else text

    def display(self) -> str:
        """British form: 23/04/2019, 04/2019 or 2019; 'c. ' in front when estimated."""
        text = str(self.year)
        if self.month is not None:
            text = f"{self.month:02d}/{text}"
            if self.day is not None:
                text = f"{self.day:02d}/{text}"
        return ("c. " + text) if self.estimated else text

    @property
    def is_exact(self) -> bool:
        return self.day is not None and not self.estimated

    def earliest(self) -> date:
        """The first day this partial date could mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day this partial date could mean."""
        if self.day is not None and self.month is not None:
            return date(self.year, self.month, self.day)
        if self.month is not None:
            next_month = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return date.fromordinal(next_month.toordinal() - 1)
        return date(self.year, 12, 31)

    def midpoint(self) -> date:
        """A single representative day, for ordering and ages."""
        return date.fromordinal((self.earliest().toordinal() + self.latest().toordinal()) // 2)


def display_date(value: date | None) -> str:
    """Show a full date as dd/mm/yyyy, or an empty string."""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_display_date(text: str) -> date:
    """Parse dd/mm/yyyy (or ISO yyyy-mm-dd) into a date; raise ValueError naming the text."""
    partial = PartialDate.parse(text)
    if partial.day is None or partial.month is None:
        raise ValueError(f"'{text}' is not a full date (use dd/mm/yyyy)")
    return partial.earliest()


def age_in_years(born: date, on: date) -> int:
    """Whole years between two dates."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact came from and whether it has been checked.

    The Child BE review found assessments rested on parents' self-report; every fact that matters
    carries one of these so the record always shows which facts are only self-reported.
    """

    source: SourceKind
    recorded_on: date
    reported_by: str = ""
    """For self-report or a child's account: who said it (a person id in the case, or a name)."""
    agency: str = ""
    reference: str = ""
    """For an agency record: the agency and its record reference."""
    verified: bool = False
    verified_on: date | None = None
    verified_by: str = ""

    def __post_init__(self) -> None:
        if self.source is SourceKind.AGENCY_RECORD and not self.agency.strip():
            raise ValueError("an agency record needs the agency's name")
        if self.source in (SourceKind.SELF_REPORT, SourceKind.CHILD_ACCOUNT) and not self.reported_by.strip():
            raise ValueError(f"{self.source.label} needs who said it")
        if self.verified and (self.verified_on is None or not self.verified_by.strip()):
            raise ValueError("a verified fact needs the date and who verified it")

    @property
    def self_report_only(self) -> bool:
        """True when the fact rests only on someone's own say-so and nobody has checked it."""
        return self.source is SourceKind.SELF_REPORT and not self.verified

    def describe(self) -> str:
        """One line for tables and reports, e.g. 'Agency record: Police (ref 12/345), verified 02/03/2024'."""
        if self.source is SourceKind.AGENCY_RECORD:
            text = f"Agency record: {self.agency}" + (f" (ref {self.reference})" if self.reference else "")
        elif self.source in (SourceKind.SELF_REPORT, SourceKind.CHILD_ACCOUNT):
            text = f"{self.source.label} by {self.reported_by}"
        else:
            text = self.source.label
        text += f", recorded {display_date(self.recorded_on)}"
        if self.verified:
            text += f", verified {display_date(self.verified_on)} by {self.verified_by}"
        else:
            text += ", not verified"
        return text


@dataclass(frozen=True, slots=True)
class DateRange:
    """From and to dates, either open; used for household membership, relationships and risk."""

    start: PartialDate | None = None
    end: PartialDate | None = None

    @property
    def is_reversed(self) -> bool:
        """True when the end is before the start: a validation warning, not an error."""
        return bool(self.start and self.end and self.end.latest() < self.start.earliest())

    def covers(self, day: date) -> bool:
        """True if the range could include the day (partial dates read generously)."""
        if self.start and day < self.start.earliest():
            return False
        return not (self.end and day > self.end.latest())

    def overlaps(self, other: DateRange) -> bool:
        if self.end and other.start and self.end.latest() < other.start.earliest():
            return False
        return not (other.end and self.start and other.end.latest() < self.start.earliest())

    def display(self) -> str:
        start = self.start.display() if self.start else "?"
        end = self.end.display() if self.end else "now"
        return f"{start} – {end}"
