"""Working days for the Working Together timescales, counted with the England and Wales bank holidays.

A working day is Monday to Friday and not a bank holiday. Timescales count from the day after the
event: a referral received on a Friday must be decided by the Monday (or the Tuesday after a bank
holiday Monday). The bank holidays are versioned data in
``resources/calendars/england-and-wales-bank-holidays.json``, which must match its JSON Schema (the
shipped file is checked by the tests, any other file when loaded: the rule in :mod:`genorisk.resources`);
outside the years the file covers only weekends are skipped, and :meth:`covers` says so.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from genorisk.resources import is_shipped, resource_path

CALENDARS_DIR = resource_path("calendars")
DEFAULT_CALENDAR = CALENDARS_DIR / "england-and-wales-bank-holidays.json"
SCHEMA_FILE = CALENDARS_DIR / "bank-holidays.schema.json"


class CalendarError(ValueError):
    """A bank-holiday file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True, slots=True)
class BankHoliday:
    day: date
    title: str
    projected: bool = False
    """Computed from the usual rules rather than announced: check against gov.uk."""


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    """Bank holidays for one division and the dates they cover."""

    division: str
    version: str
    covers_from: date
    covers_to: date
    holidays: tuple[BankHoliday, ...]
    _days: frozenset[date] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_days", frozenset(h.day for h in self.holidays))

    def covers(self, day: date) -> bool:
        """True when the file lists this day's year's bank holidays."""
        return self.covers_from <= day <= self.covers_to

    def is_bank_holiday(self, day: date) -> bool:
        return day in self._days

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._days

    def add_working_days(self, start: date, count: int) -> date:
        """The date ``count`` working days after ``start`` (``start`` itself is not counted)."""
        if count < 0:
            raise ValueError("count working days forwards only")
        day = start
        remaining = count
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end is not after start)."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def _check_against_schema(path: Path, data: Any) -> None:
    import jsonschema  # here, not at module level: the shipped calendar is not checked at start-up

    errors = sorted(jsonschema.Draft202012Validator(_schema()).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(part) for part in errors[0].absolute_path) or "(top level)"
        raise CalendarError(f"{path}: {where}: {errors[0].message}")


def load_calendar(path: Path = DEFAULT_CALENDAR) -> WorkingCalendar:
    """Read and check a bank-holiday file; CalendarError names the file and the problem."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CalendarError(f"{path}: cannot read the bank holidays: {exc}") from exc
    if not is_shipped(path):
        _check_against_schema(path, data)
    try:
        covers_from = date.fromisoformat(data["covers"]["from"])
        covers_to = date.fromisoformat(data["covers"]["to"])
        holidays = tuple(
            BankHoliday(date.fromisoformat(e["date"]), e["title"], bool(e.get("projected", False)))
            for e in data["events"]
        )
    except ValueError as exc:
        raise CalendarError(f"{path}: {exc}") from exc
    for holiday in holidays:
        if not covers_from <= holiday.day <= covers_to:
            raise CalendarError(f"{path}: {holiday.day} ({holiday.title}) is outside the dates the file covers")
        if holiday.day.weekday() >= 5:
            raise CalendarError(f"{path}: {holiday.day} ({holiday.title}) falls at a weekend")
    days = [h.day for h in holidays]
    if len(set(days)) != len(days):
        raise CalendarError(f"{path}: a bank holiday is listed twice")
    return WorkingCalendar(data["division"], data["version"], covers_from, covers_to,
                           tuple(sorted(holidays, key=lambda h: h.day)))


@functools.cache
def default_calendar() -> WorkingCalendar:
    """The England and Wales calendar shipped with genorisk (read once)."""
    return load_calendar(DEFAULT_CALENDAR)
