"""Shared fixtures for the report tests: the demo case with a few extra details to redact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from genorisk.domain.entities import Household, Person
from genorisk.domain.network import ItemKind, Meeting, MeetingItem
from genorisk.domain.record import CaseRecord
from genorisk.interop.bundle import demo_bundle
from genorisk.report import ReportOptions

AS_AT = date(2026, 11, 26)
VICTIM_ADDRESS = "7 Harbour Close, Seaton SE1 2AB"
VICTIM_PHONE = "07700 900999"


@pytest.fixture(scope="session")
def demo_record() -> CaseRecord:
    """The demo case, with a protected person's address and phone number recorded, and text in £ – ’."""
    record = demo_bundle().record
    leanne = record.person("p-leanne")
    refuge_home = record.get(Household, "h-hurst")
    assert refuge_home is not None and leanne.withhold_location
    meeting = record.get(Meeting, "m-cin2")
    assert meeting is not None
    item = MeetingItem(kind=ItemKind.FACT, text="Rent arrears of £250 – Kayleigh’s benefits were stopped in October.",
                       attributed_to="Kirkhaven Homes")
    return record.with_entities(put=(
        replace(leanne, contact_details=VICTIM_PHONE),
        replace(refuge_home, address=VICTIM_ADDRESS),
        replace(meeting, items=(*meeting.items, item)),
    ))


def options(**extra: object) -> ReportOptions:
    values: dict[str, object] = {"generated_by": "Priya Shah", "generated_at": datetime(2026, 11, 26, 10, 30),
                                 "today": AS_AT}
    values.update(extra)
    return ReportOptions(**values)  # type: ignore[arg-type]


def person(record: CaseRecord, pid: str) -> Person:
    return record.person(pid)
