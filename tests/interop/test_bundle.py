"""Case bundles: checked before anything is written; deterministic, byte-identical round trips."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genorisk.domain.entities import Case, HouseholdMember, ParentChildLink, Partnership, Person, StatusChange
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import (
    CaseStatus,
    HouseholdRole,
    ParentalResponsibility,
    ParentKind,
    PartialDate,
    PartnershipKind,
    Provenance,
    Sex,
    SourceKind,
)
from genorisk.interop import bundle
from genorisk.interop.bundle_schema import bundle_schema
from genorisk.store.repository import Store

DOCS_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "case-bundle.schema.json"


def test_demo_export_import_export_is_byte_identical(tmp_path: Path) -> None:
    first = Store.open(tmp_path / "one.db")
    record = first.load(bundle.install_demo(first))
    bundle.export_case(record, tmp_path / "a.genorisk.json")
    second = Store.open(tmp_path / "empty" / "two.db")
    imported = bundle.import_bundle(second, tmp_path / "a.genorisk.json")
    bundle.export_case(imported, tmp_path / "b.genorisk.json")
    assert (tmp_path / "a.genorisk.json").read_bytes() == (tmp_path / "b.genorisk.json").read_bytes()


def _demo_data() -> dict:  # type: ignore[type-arg]
    return json.loads(bundle.dumps(bundle.demo_bundle().record))


@pytest.mark.parametrize(
    ("corrupt", "named"),
    [
        (lambda d: d["records"]["Person"][2].__setitem__("sex", "robot"), "$.records.Person[2].sex"),
        (lambda d: d["records"]["Person"][0].__setitem__("date_of_birth", "31/31/2020"),
         "$.records.Person[0].date_of_birth"),
        (lambda d: d["records"]["Partnership"][0].__setitem__("colour", "red"), "$.records.Partnership[0]"),
        (lambda d: d["case"].pop("reference"), "reference"),
        (lambda d: d.__setitem__("version", 99), "$.version"),
        (lambda d: d["records"]["Person"][1].__setitem__("date_of_birth", "2019-02-30"),
         "$.records.Person[1].date_of_birth"),
    ],
)
def test_a_malformed_bundle_names_the_bad_field_and_writes_nothing(tmp_path: Path, store: Store, corrupt,  # type: ignore[no-untyped-def]
                                                                 named: str) -> None:
    data = _demo_data()
    corrupt(data)
    path = tmp_path / "bad.genorisk.json"
    path.write_text(json.dumps(data))
    with pytest.raises(bundle.BundleError) as caught:
        bundle.import_bundle(store, path)
    assert named in str(caught.value)
    assert store.list_cases() == []


def test_structural_errors_are_caught_before_writing(tmp_path: Path, store: Store) -> None:
    data = _demo_data()
    data["records"]["ParentChildLink"].append(
        {"id": "loop", "case_id": "case-demo", "parent_id": "p-rowan", "child_id": "p-kayleigh"})
    path = tmp_path / "loop.genorisk.json"
    path.write_text(json.dumps(data))
    with pytest.raises(bundle.BundleError, match="own ancestor"):
        bundle.import_bundle(store, path)
    assert store.list_cases() == []


def test_not_json_reports_line_and_column(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "broken.genorisk.json"
    path.write_text('{\n  "format": ,\n}')
    with pytest.raises(bundle.BundleError, match="line 2, column 13"):
        bundle.import_bundle(store, path)


def test_the_published_schema_is_current() -> None:
    published = json.loads(DOCS_SCHEMA.read_text(encoding="utf-8"))
    assert published == bundle_schema(bundle.entity_types()), (
        "regenerate: python -m genorisk.interop.bundle_schema > docs/case-bundle.schema.json")


def test_default_file_names_never_contain_a_name() -> None:
    record = bundle.demo_bundle().record
    name = bundle.default_file_name(record)
    assert name == "DEMO-0001.genorisk.json"
    assert not any(p.given_names and p.given_names in name for p in record.people)


# --- property: any valid family survives export → import → export unchanged ----------------------
names = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "Zs", "Pd")), max_size=12)
partial_dates = st.builds(
    lambda y, m, d, e: PartialDate(y, m, min(d, 28) if (m and d) else None, e),
    st.integers(1930, 2026), st.one_of(st.none(), st.integers(1, 12)), st.one_of(st.none(), st.integers(1, 28)),
    st.booleans(),
)
provenances = st.one_of(
    st.none(),
    st.builds(lambda who, day: Provenance(SourceKind.SELF_REPORT, day, reported_by=who.strip() or "Someone"),
              names, st.dates(date(2000, 1, 1), date(2026, 12, 31))),
    st.builds(lambda agency, ref: Provenance(SourceKind.AGENCY_RECORD, date(2026, 1, 2),
                                             agency=agency.strip() or "Police", reference=ref), names, names),
)


@st.composite
def families(draw: st.DrawFn) -> CaseRecord:
    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    case = Case(id="c", case_id="c", reference=draw(st.from_regex(r"[A-Z]{2}-[0-9]{1,5}", fullmatch=True)),
                title=draw(names), created_at=now, updated_at=now,
                status_history=(StatusChange(draw(st.sampled_from(CaseStatus)), date(2026, 1, 1)),))
    count = draw(st.integers(1, 12))
    people = [Person(id=f"p{i}", case_id="c", given_names=draw(names), family_name=draw(names),
                     sex=draw(st.sampled_from(Sex)), date_of_birth=draw(st.one_of(st.none(), partial_dates)),
                     notes=draw(names), is_subject_child=draw(st.booleans())) for i in range(count)]
    entities: list = [*people]  # type: ignore[type-arg]
    for child in range(1, count):
        for parent in draw(st.lists(st.integers(0, child - 1), max_size=2, unique=True)):
            entities.append(ParentChildLink(
                id=f"l{parent}-{child}", case_id="c", parent_id=f"p{parent}", child_id=f"p{child}",
                kind=draw(st.sampled_from(ParentKind)),
                parental_responsibility=draw(st.sampled_from(ParentalResponsibility)),
                provenance=draw(provenances)))
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=6))
    for index, (a, b) in enumerate(pairs):
        if a != b:
            entities.append(Partnership(id=f"u{index}", case_id="c", person_a=f"p{a}", person_b=f"p{b}",
                                        kind=draw(st.sampled_from(PartnershipKind)),
                                        start=draw(st.one_of(st.none(), partial_dates)), provenance=draw(provenances)))
    if draw(st.booleans()):
        from genorisk.domain.entities import Household

        entities.append(Household(id="h", case_id="c", name=draw(names) or "Home"))
        for i in draw(st.lists(st.integers(0, count - 1), unique=True)):
            entities.append(HouseholdMember(id=f"m{i}", case_id="c", household_id="h", person_id=f"p{i}",
                                            role=draw(st.sampled_from(HouseholdRole))))
    return CaseRecord.build(case, entities)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=families())
def test_any_valid_family_round_trips_byte_identically(record: CaseRecord, tmp_path_factory: pytest.TempPathFactory
                                                        ) -> None:
    text = bundle.dumps(record)
    parsed = bundle.parse_bundle(json.loads(text))
    assert parsed.record == record
    assert bundle.dumps(parsed.record) == text
