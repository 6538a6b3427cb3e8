from datetime import date

import pytest

from genorisk.domain.values import (
    DateRange,
    PartialDate,
    Provenance,
    SourceKind,
    age_in_years,
    display_date,
    parse_display_date,
)


@pytest.mark.parametrize(
    ("text", "iso", "shown"),
    [
        ("2019", "2019", "2019"),
        ("2019-04", "2019-04", "04/2019"),
        ("2019-04-23", "2019-04-23", "23/04/2019"),
        ("23/04/2019", "2019-04-23", "23/04/2019"),
        ("4/2019", "2019-04", "04/2019"),
        ("~1985", "~1985", "c. 1985"),
        ("c. 03/1985", "~1985-03", "c. 03/1985"),
    ],
)
def test_partial_dates_parse_store_and_show_british(text: str, iso: str, shown: str) -> None:
    value = PartialDate.parse(text)
    assert value.to_iso() == iso
    assert value.display() == shown
    assert PartialDate.parse(value.to_iso()) == value


@pytest.mark.parametrize("text", ["31/02/2020", "2020-13", "yesterday", "12/12/99", ""])
def test_impossible_dates_are_refused_with_the_text_named(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_date_bounds() -> None:
    value = PartialDate(2024, 2)
    assert value.earliest() == date(2024, 2, 1)
    assert value.latest() == date(2024, 2, 29)
    assert PartialDate(2023).latest() == date(2023, 12, 31)
    assert PartialDate(2023, 12).latest() == date(2023, 12, 31)


def test_full_dates_are_shown_and_read_day_first() -> None:
    assert display_date(date(2026, 3, 4)) == "04/03/2026"
    assert parse_display_date("04/03/2026") == date(2026, 3, 4)
    with pytest.raises(ValueError, match="not a full date"):
        parse_display_date("03/2026")
    assert age_in_years(date(2020, 5, 1), date(2026, 4, 30)) == 5


def test_provenance_requires_who_said_it_and_which_agency() -> None:
    with pytest.raises(ValueError, match="needs who said it"):
        Provenance(SourceKind.SELF_REPORT, date(2026, 1, 1))
    with pytest.raises(ValueError, match="agency"):
        Provenance(SourceKind.AGENCY_RECORD, date(2026, 1, 1))
    with pytest.raises(ValueError, match="verified"):
        Provenance(SourceKind.OBSERVATION, date(2026, 1, 1), verified=True)


def test_self_report_only_until_verified() -> None:
    said = Provenance(SourceKind.SELF_REPORT, date(2026, 1, 1), reported_by="Jo Smith")
    assert said.self_report_only
    assert "not verified" in said.describe()
    checked = Provenance(SourceKind.SELF_REPORT, date(2026, 1, 1), reported_by="Jo Smith", verified=True,
                         verified_on=date(2026, 1, 5), verified_by="Sam Okafor")
    assert not checked.self_report_only
    assert "verified 05/01/2026 by Sam Okafor" in checked.describe()
    record = Provenance(SourceKind.AGENCY_RECORD, date(2026, 1, 1), agency="Police", reference="12/345")
    assert not record.self_report_only
    assert record.describe().startswith("Agency record: Police (ref 12/345)")


def test_date_ranges_read_partial_dates_generously() -> None:
    lived = DateRange(PartialDate(2021, 4), PartialDate(2023, 3))
    assert lived.covers(date(2021, 4, 30))
    assert lived.covers(date(2023, 3, 31))
    assert not lived.covers(date(2023, 4, 1))
    assert DateRange(PartialDate(2024), None).covers(date(2030, 1, 1))
    assert DateRange(PartialDate(2024), PartialDate(2023)).is_reversed
