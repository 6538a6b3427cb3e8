"""Settings that change how a genogram is drawn (not what it says)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class NotationStyle(StrEnum):
    MCGOLDRICK = "mcgoldrick"
    """Age inside the symbol; name and date of birth below."""
    LOCAL_AUTHORITY = "local_authority"
    """Date of birth inside the symbol (as many UK local-authority templates ask); name and age below."""


@dataclass(frozen=True, slots=True)
class GenogramSettings:
    """How to draw: notation style, the date ages are worked out on, and which layers to show."""

    style: NotationStyle = NotationStyle.MCGOLDRICK
    as_of: date | None = None
    """Ages are shown as on this day; None means today."""
    show_legend: bool = True
    show_households: bool = True
    show_emotional_links: bool = True
    show_union_dates: bool = True
    title: str | None = None
    """Title drawn above the diagram; None means the case reference and title."""

    def today(self) -> date:
        return self.as_of or date.today()
