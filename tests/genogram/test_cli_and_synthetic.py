"""``genorisk genogram`` end to end on a real store, and the synthetic family generator."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from genorisk.cli.main import main
from genorisk.domain.record import CaseRecord
from genorisk.domain.validation import Severity, validate
from genorisk.genogram.synthetic import synthetic_case
from genorisk.store.repository import Store
from tests.conftest import shared_file
from tests.genogram.checks import assert_each_person_once, assert_no_overlaps, lay_out


def test_genogram_command_writes_all_four_formats_for_the_demo(demo: CaseRecord, store: Store, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    reference = demo.case.reference
    store.close()
    for suffix in (".svg", ".pdf", ".json", ".dot"):
        out = tmp_path / f"demo{suffix}"
        assert main(["genogram", reference, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    root = ET.parse(tmp_path / "demo.svg").getroot()
    ids = {e.get("data-person-id") for e in root.iter() if e.get("data-person-id")}
    assert ids == {person.id for person in demo.people}
    assert "OFFICIAL-SENSITIVE" in PdfReader(tmp_path / "demo.pdf").pages[0].extract_text()
    assert "Wrote" in capsys.readouterr().out


def test_genogram_command_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    assert main(["genogram", "NO-SUCH-REF", "-o", str(tmp_path / "x.svg")]) == 2
    assert "no case with reference 'NO-SUCH-REF'" in capsys.readouterr().err
    assert main(["genogram", "ANY", "-o", str(tmp_path / "x.png")]) == 2
    assert "'.png'" in capsys.readouterr().err
    assert main(["genogram", "-o", str(tmp_path / "x.svg")]) == 2
    assert main(["genogram", "--from-gedcom", str(tmp_path / "missing.ged"), "-o", str(tmp_path / "x.svg")]) == 2
    assert "no GEDCOM file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_genogram_from_gedcom_draws_without_saving(tmp_path: Path, store: Store) -> None:
    sample = shared_file("gedcom", "sample.ged")
    before = store.list_cases()
    store.close()
    out = tmp_path / "sample.svg"
    assert main(["genogram", "--from-gedcom", str(sample), "-o", str(out)]) == 0
    root = ET.parse(out).getroot()
    assert [e for e in root.iter() if e.get("data-person-id")]
    reopened = Store.open(store.path, user="Test Practitioner")
    assert reopened.list_cases() == before
    reopened.close()


@pytest.mark.parametrize("n", [1, 10, 100, 400])
def test_synthetic_family_has_exactly_n_valid_people_and_lays_out(n: int) -> None:
    case, entities = synthetic_case(n, seed=5)
    record = CaseRecord.build(case, entities)
    assert len(record.people) == n
    errors = [issue for issue in validate(record) if issue.severity is Severity.ERROR]
    assert errors == []
    geometry = lay_out(record)
    assert_each_person_once(record, geometry)
    assert_no_overlaps(geometry)


def test_synthetic_family_is_deterministic_and_realistic() -> None:
    first = synthetic_case(500, seed=2)
    second = synthetic_case(500, seed=2)
    assert first == second
    record = CaseRecord.build(*first)
    kinds = {type(entity).__name__ for entity in first[1]}
    assert {"Person", "Partnership", "ParentChildLink", "TwinSet", "Household", "HouseholdMember",
            "EmotionalLink"} <= kinds
    assert any(p.pregnancy for p in record.people)
    assert any(len(record.partnerships_of(p.id)) >= 2 for p in record.people)
    assert record.subject_children
    assert synthetic_case(500, seed=3) != first
