"""GEDCOM dates to genorisk partial dates and back (5.5.1 and 7.0 date syntax).

A genogram needs a day, month or year and whether it is exact, so every GEDCOM qualifier that is not
a plain date (``ABT``, ``CAL``, ``EST``, ``BEF``, ``AFT``, ``BET … AND …``, ``FROM``/``TO``, ``INT``)
becomes an *estimated* partial date. ``BEF``/``AFT`` keep their one date; ``BET x AND y`` keeps the
precision the two ends share, or the middle year when they differ. Julian dates are kept as written and
marked estimated (they are at most 13 days from the Gregorian date). Hebrew and French Republican
dates, dates before year 1000, BCE dates and free-text phrases are not converted: the caller warns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from genorisk.domain.values import PartialDate

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
_APPROXIMATE = frozenset({"ABT", "CAL", "EST", "BEF", "AFT", "INT", "ABOUT", "CIRCA", "C.", "CA", "CA."})
_GREGORIAN = frozenset({"", "GREGORIAN", "@#DGREGORIAN@"})
_JULIAN = frozenset({"JULIAN", "@#DJULIAN@"})
_ESCAPE = re.compile(r"@#D[A-Z ]+@|\b(?:GREGORIAN|JULIAN|HEBREW|FRENCH_R|_[A-Z0-9_]+)\b")
_SIMPLE = re.compile(r"^(?:(?:(?P<day>\d{1,2})\s+)?(?P<month>[A-Z]{3})\s+)?(?P<year>\d{1,4})(?:/(?P<dual>\d{2}))?$")


@dataclass(frozen=True, slots=True)
class DateReading:
    """A GEDCOM date read as a partial date, or None with the reason it could not be."""

    date: PartialDate | None
    problem: str = ""


@lru_cache(maxsize=4096)
def read_gedcom_date(text: str) -> DateReading:
    """Read a GEDCOM date payload (5.5.1 or 7.0 syntax) as a :class:`PartialDate`."""
    raw = " ".join(text.upper().split())
    if not raw:
        return DateReading(None)
    if raw.startswith("("):
        return DateReading(None, f"date '{text.strip()}' is only a phrase")
    raw = re.sub(r"\(.*\)$", "", raw).strip()  # INT 1850 (about the time of the flood)
    calendars = {match.group(0) for match in _ESCAPE.finditer(raw)}
    for calendar in calendars:
        if calendar not in _GREGORIAN and calendar not in _JULIAN:
            return DateReading(None, f"date '{text.strip()}' is not in the Gregorian or Julian calendar")
    estimated = bool(calendars & _JULIAN)
    raw = " ".join(_ESCAPE.sub(" ", raw).split())
    if raw.endswith(("BCE", "B.C.", "BC")):
        return DateReading(None, f"date '{text.strip()}' is before the common era")

    words = raw.split(" ", 1)
    qualifier = words[0]
    if qualifier == "BET" or (qualifier == "FROM" and " TO " in raw):
        first, _, second = raw.split(" ", 1)[1].partition(" AND " if qualifier == "BET" else " TO ")
        return _between(text, first, second)
    if qualifier in ("FROM", "TO") and len(words) == 2:
        return _simple(text, words[1], estimated=True)
    if qualifier in _APPROXIMATE and len(words) == 2:
        return _simple(text, words[1], estimated=True)
    return _simple(text, raw, estimated=estimated)


def _simple(original: str, text: str, *, estimated: bool) -> DateReading:
    match = _SIMPLE.match(text.strip())
    if not match:
        return DateReading(None, f"date '{original.strip()}' is not a date genorisk can read")
    parts = match.groupdict()
    year = int(parts["year"])
    if parts["dual"]:  # 1699/00: the later (New Style) year
        year += 1
        estimated = True
    month = _MONTH_NUMBER.get(parts["month"]) if parts["month"] else None
    if parts["month"] and month is None:
        return DateReading(None, f"date '{original.strip()}' has an unknown month '{parts['month']}'")
    day = int(parts["day"]) if parts["day"] else None
    try:
        return DateReading(PartialDate(year, month, day, estimated=estimated))
    except ValueError as error:
        return DateReading(None, f"date '{original.strip()}' is not possible ({error})")


def _between(original: str, first_text: str, second_text: str) -> DateReading:
    first = _simple(original, first_text, estimated=True)
    second = _simple(original, second_text, estimated=True)
    if first.date is None or second.date is None:
        return first if first.date is None else second
    a, b = first.date, second.date
    if a.year != b.year:
        middle = (a.midpoint().toordinal() + b.midpoint().toordinal()) // 2
        return DateReading(PartialDate(date.fromordinal(middle).year, estimated=True))
    if a.month is not None and a.month == b.month:
        day = a.day if a.day == b.day else None
        return DateReading(PartialDate(a.year, a.month, day, estimated=True))
    return DateReading(PartialDate(a.year, estimated=True))


def write_gedcom_date(value: PartialDate) -> str:
    """A partial date as a GEDCOM date (same syntax in 5.5.1 and 7.0): ``ABT 12 MAR 2019`` etc."""
    text = str(value.year)
    if value.month is not None:
        text = f"{MONTHS[value.month - 1]} {text}"
        if value.day is not None:
            text = f"{value.day} {text}"
    return f"ABT {text}" if value.estimated else text
