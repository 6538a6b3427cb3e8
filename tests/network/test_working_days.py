"""Working days: weekends and England and Wales bank holidays skipped; the calendar file is checked."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from genorisk.network.working_days import DEFAULT_CALENDAR, CalendarError, default_calendar, load_calendar


def test_the_calendar_covers_2018_to_2030_with_every_year_listed() -> None:
    calendar = default_calendar()
    assert calendar.covers(date(2018, 1, 1)) and calendar.covers(date(2030, 12, 31))
    for year in range(2018, 2031):
        days = [h for h in calendar.holidays if h.day.year == year]
        assert len(days) >= 8, year


@pytest.mark.parametrize(("day", "title_part"), [
    (date(2020, 5, 8), "VE day"),
    (date(2022, 6, 3), "Platinum Jubilee"),
    (date(2022, 9, 19), "State Funeral"),
    (date(2023, 5, 8), "coronation"),
    (date(2021, 12, 28), "Boxing Day"),
    (date(2026, 12, 28), "Boxing Day"),
])
def test_special_and_substitute_days_are_bank_holidays(day: date, title_part: str) -> None:
    calendar = default_calendar()
    assert calendar.is_bank_holiday(day)
    assert any(title_part in h.title for h in calendar.holidays if h.day == day)


def test_a_referral_on_the_friday_before_a_bank_holiday_monday_is_due_on_tuesday() -> None:
    # Friday 22/05/2026; Monday 25/05/2026 is the spring bank holiday.
    assert default_calendar().add_working_days(date(2026, 5, 22), 1) == date(2026, 5, 26)


def test_a_referral_on_a_friday_is_due_on_monday() -> None:
    assert default_calendar().add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 23)


def test_counting_across_christmas_and_new_year_skips_every_bank_holiday() -> None:
    calendar = default_calendar()
    # Friday 23/12/2022: 26th and 27th (substitute) and 02/01/2023 (substitute) are bank holidays.
    assert calendar.working_days_between(date(2022, 12, 23), date(2023, 1, 3)) == 4
    assert calendar.add_working_days(date(2022, 12, 23), 4) == date(2023, 1, 3)


def test_counting_across_easter_skips_good_friday_and_easter_monday() -> None:
    calendar = default_calendar()
    # Thursday 02/04/2026; Good Friday 03/04 and Easter Monday 06/04.
    assert calendar.add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)
    assert calendar.working_days_between(date(2026, 4, 2), date(2026, 4, 10)) == 4


def test_45_working_days_from_a_referral() -> None:
    # 20/08/2026 + 45 working days, skipping the summer bank holiday of 31/08/2026.
    assert default_calendar().add_working_days(date(2026, 8, 20), 45) == date(2026, 10, 23)


def test_counting_backwards_is_refused() -> None:
    with pytest.raises(ValueError, match="forwards"):
        default_calendar().add_working_days(date(2026, 1, 1), -1)


def test_a_calendar_file_that_breaks_its_schema_is_refused_naming_the_field(tmp_path: Path) -> None:
    data = json.loads(DEFAULT_CALENDAR.read_text(encoding="utf-8"))
    data["events"][0]["date"] = "01/01/2018"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CalendarError, match=r"events/0/date"):
        load_calendar(bad)


def test_a_calendar_with_a_holiday_at_a_weekend_is_refused(tmp_path: Path) -> None:
    data = json.loads(DEFAULT_CALENDAR.read_text(encoding="utf-8"))
    data["events"].append({"date": "2026-11-28", "title": "A Saturday"})
    bad = tmp_path / "weekend.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CalendarError, match="weekend"):
        load_calendar(bad)
