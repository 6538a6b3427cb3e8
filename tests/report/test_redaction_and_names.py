"""The redaction profile for parents, and file names that never name a child."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

from pypdf import PdfReader

from genorisk.domain.network import Agency
from genorisk.domain.record import CaseRecord
from genorisk.report import RedactionProfile, build_summary, default_file_name
from genorisk.report.redaction import WITHHELD, redact
from tests.report.conftest import VICTIM_ADDRESS, VICTIM_PHONE, options


def _text(data: bytes) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages))


def test_redaction_for_parents_withholds_where_protected_people_can_be_found(demo_record: CaseRecord) -> None:
    redacted = redact(demo_record, RedactionProfile.PARENTS).record
    leanne = redacted.person("p-leanne")
    assert leanne.contact_details == WITHHELD
    hurst_home = next(h for h in redacted.households if h.id == "h-hurst")
    assert hurst_home.address == WITHHELD and "Leanne" not in hurst_home.name
    refuge = redacted.get(Agency, "a-refuge")
    assert refuge is not None and "Harbour" not in refuge.name
    assert all(c.telephone == "" and c.email == "" and c.name == WITHHELD for c in refuge.contacts)
    police = redacted.get(Agency, "a-police")  # works with the victim: its contacts could lead to her
    assert police is not None and all(c.telephone in ("", WITHHELD) for c in police.contacts)
    gp = redacted.get(Agency, "a-gp")  # works only with people who are not protected: unchanged
    assert gp == demo_record.get(Agency, "a-gp")
    assert redacted.person("p-kayleigh") == demo_record.person("p-kayleigh")


def test_the_full_report_has_the_details_and_the_parents_copy_does_not(demo_record: CaseRecord) -> None:
    full = _text(build_summary(demo_record, options()))
    parents = _text(build_summary(demo_record, options(redaction=RedactionProfile.PARENTS)))
    for secret in (VICTIM_ADDRESS, "Harbour Women", "07700 900456", "idva@harbour.example.org", "101 ext 4471"):
        assert secret in full, secret
        assert secret not in parents, secret
    assert VICTIM_PHONE not in parents
    assert "Redacted for sharing with parents" in parents
    # What parents may see is still there.
    assert "Flat 3, 12 Fellside Road" in parents and "01632 960330" in parents


def test_full_profile_changes_nothing(demo_record: CaseRecord) -> None:
    assert redact(demo_record, RedactionProfile.FULL).record == demo_record


def test_default_file_name_is_the_reference_and_date_never_a_childs_name(demo_record: CaseRecord) -> None:
    name = default_file_name(demo_record, date(2026, 11, 26))
    assert name == "DEMO-0001-summary-2026-11-26.pdf"
    parents = default_file_name(demo_record, date(2026, 11, 26), RedactionProfile.PARENTS)
    assert parents == "DEMO-0001-summary-for-parents-2026-11-26.pdf"
    for person in demo_record.people:
        for part in (person.given_names, person.family_name, person.known_as):
            if part:
                assert part.lower() not in name.lower() and part.lower() not in parents.lower()


def test_odd_references_make_safe_file_names(demo_record: CaseRecord) -> None:
    from dataclasses import replace

    odd = demo_record.with_entities(put=(replace(demo_record.case, reference="CIN/2026 07:12"),))
    assert default_file_name(odd, date(2026, 1, 2)) == "CIN-2026-07-12-summary-2026-01-02.pdf"
