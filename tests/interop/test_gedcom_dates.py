"""GEDCOM dates (5.5.1 and 7.0 syntax) to partial dates and back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from genorisk.domain.values import PartialDate
from genorisk.interop.gedcom_dates import read_gedcom_date, write_gedcom_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 MAR 2019", PartialDate(2019, 3, 12)),
        ("MAR 2019", PartialDate(2019, 3)),
        ("2019", PartialDate(2019)),
        ("  12  mar  2019 ", PartialDate(2019, 3, 12)),
        ("ABT 1850", PartialDate(1850, estimated=True)),
        ("EST JAN 1850", PartialDate(1850, 1, estimated=True)),
        ("CAL 3 JAN 1850", PartialDate(1850, 1, 3, estimated=True)),
        ("BEF 1900", PartialDate(1900, estimated=True)),
        ("AFT 5 MAY 1900", PartialDate(1900, 5, 5, estimated=True)),
        ("BET 1900 AND 1904", PartialDate(1902, estimated=True)),
        ("BET JAN 1900 AND MAR 1900", PartialDate(1900, estimated=True)),
        ("BET 3 JAN 1900 AND 20 JAN 1900", PartialDate(1900, 1, estimated=True)),
        ("FROM 1990 TO 1995", PartialDate(1992, estimated=True)),
        ("FROM 1990", PartialDate(1990, estimated=True)),
        ("INT 1850 (about the time of the flood)", PartialDate(1850, estimated=True)),
        ("@#DGREGORIAN@ 1 JAN 1950", PartialDate(1950, 1, 1)),
        ("GREGORIAN 1 JAN 1950", PartialDate(1950, 1, 1)),
        ("@#DJULIAN@ 1 JAN 1700", PartialDate(1700, 1, 1, estimated=True)),
        ("JULIAN 1 JAN 1700", PartialDate(1700, 1, 1, estimated=True)),
        ("20 FEB 1699/00", PartialDate(1700, 2, 20, estimated=True)),
    ],
)
def test_gedcom_dates_read_as_partial_dates(text: str, expected: PartialDate) -> None:
    reading = read_gedcom_date(text)

    assert reading.problem == ""
    assert reading.date == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("(in the winter)", "only a phrase"),
        ("@#DHEBREW@ 5 TSH 5780", "Gregorian or Julian"),
        ("HEBREW 5 TSH 5780", "Gregorian or Julian"),
        ("@#DFRENCH R@ 1 VEND 11", "Gregorian or Julian"),
        ("30 FEB 2001", "not possible"),
        ("12 XYZ 2001", "unknown month"),
        ("900", "not possible"),
        ("44 BCE", "before the common era"),
        ("next Tuesday", "not a date"),
    ],
)
def test_dates_genorisk_cannot_hold_give_a_reason(text: str, problem: str) -> None:
    reading = read_gedcom_date(text)

    assert reading.date is None
    assert problem in reading.problem


def test_an_empty_date_is_no_date_and_no_problem() -> None:
    assert read_gedcom_date("  ") == read_gedcom_date("")
    assert read_gedcom_date("").date is None and read_gedcom_date("").problem == ""


@given(
    st.integers(1000, 9999), st.one_of(st.none(), st.integers(1, 12)), st.integers(1, 28), st.booleans(),
    st.booleans(),
)
def test_every_partial_date_writes_and_reads_back(year: int, month: int | None, day: int, has_day: bool,
                                                  estimated: bool) -> None:
    value = PartialDate(year, month, day if month and has_day else None, estimated)

    assert read_gedcom_date(write_gedcom_date(value)).date == value
