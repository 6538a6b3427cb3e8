"""What a summary report is built with: marking, author, date, redaction profile."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from genorisk.domain.record import CaseRecord

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"


class RedactionProfile(StrEnum):
    """Who the report is for. ``PARENTS`` withholds where anyone who could be harmed can be found."""

    FULL = "full"
    PARENTS = "parents"

    @property
    def label(self) -> str:
        return {RedactionProfile.FULL: "Full (for professionals)",
                RedactionProfile.PARENTS: "For sharing with parents (locations withheld)"}[self]


@dataclass(frozen=True, slots=True)
class ReportOptions:
    generated_by: str
    generated_at: datetime = field(default_factory=datetime.now)
    marking: str = DEFAULT_MARKING
    redaction: RedactionProfile = RedactionProfile.FULL
    today: date | None = None
    """The date the report is 'as at' (ages, overdue actions, timescales); defaults to generated_at's."""
    include_genogram: bool = True
    include_ecomap: bool = True

    def __post_init__(self) -> None:
        if not self.marking.strip():
            raise ValueError("a report needs a protective marking (e.g. OFFICIAL-SENSITIVE)")
        if not self.generated_by.strip():
            raise ValueError("a report records who generated it")

    @property
    def as_at(self) -> date:
        return self.today or self.generated_at.date()


def default_file_name(record: CaseRecord, on: date, redaction: RedactionProfile = RedactionProfile.FULL) -> str:
    """``<reference>-summary-<yyyy-mm-dd>.pdf``: from the case reference, never a child's name."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", record.case.reference).strip("-") or "case"
    suffix = "-for-parents" if redaction is RedactionProfile.PARENTS else ""
    return f"{safe}-summary{suffix}-{on.isoformat()}.pdf"


SECTION_TITLES: tuple[str, ...] = (
    "Case and status",
    "Subject children",
    "Household now and over time",
    "Genogram",
    "Previous relationships and their children",
    "Risk factors",
    "Instrument results",
    "Prompts and decisions",
    "Chronology and cumulative timeline",
    "Agencies and information sharing",
    "Ecomap",
    "Meetings and outstanding actions",
    "Voice of the child",
    "Analysis",
    "Supervisor sign-off",
)
"""The summary's sections in order, without loading reportlab (the app's outline shows them)."""
