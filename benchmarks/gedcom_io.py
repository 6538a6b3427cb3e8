"""GEDCOM import and export speed: median times and peak memory, as one JSON object on the last line.

    .venv/bin/python benchmarks/gedcom_io.py [--people 2000] [--repeats 7]

Builds a synthetic fictional family (``genorisk.genogram.synthetic.synthetic_case`` when present,
else a small generator here), writes it as GEDCOM 5.5.1 and 7.0, and reads each back with
``read_gedcom`` (parse, map and validate: everything ``genorisk case import`` does before saving).
Also reads ../shared/data/gedcom/sample.ged when it is there.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from genorisk.domain.entities import Case, Entity, ParentChildLink, Partnership, Person, StatusChange
from genorisk.domain.record import CaseRecord
from genorisk.domain.values import CaseStatus, PartialDate, PartnershipKind, Sex
from genorisk.interop.gedcom import read_gedcom, write_gedcom

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "gedcom" / "sample.ged"


def family_of(people: int, seed: int = 1) -> CaseRecord:
    try:
        from genorisk.genogram.synthetic import synthetic_case  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return _simple_family(people, seed)
    case, entities = synthetic_case(people, seed)
    return CaseRecord.build(case, entities)


def _simple_family(count: int, seed: int) -> CaseRecord:
    """Couples with one to four children each, some remarrying, until ``count`` people exist."""
    rng = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    case = Case(id="bench", case_id="bench", reference="BENCH", title="Synthetic family",
                status_history=(StatusChange(CaseStatus.CHILD_IN_NEED, date(2026, 1, 1)),),
                created_at=now, updated_at=now)
    entities: list[Entity] = []
    born: dict[str, int] = {}

    def person(year: int, sex: Sex) -> str:
        pid = f"p{len(born)}"
        born[pid] = year
        entities.append(Person(id=pid, case_id=case.id, given_names=f"Given{len(born)}", family_name="Synthetic",
                               sex=sex, date_of_birth=PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))))
        return pid

    waiting = [person(1900, Sex.MALE)]
    while len(born) < count and waiting:
        someone = waiting.pop(0)
        for _ in range(1 if rng.random() < 0.8 else 2):
            if len(born) >= count:
                break
            partner = person(born[someone] + rng.randint(-4, 4), rng.choice([Sex.MALE, Sex.FEMALE]))
            entities.append(Partnership(id=f"u{len(entities)}", case_id=case.id, person_a=someone, person_b=partner,
                                        kind=PartnershipKind.MARRIED, start=PartialDate(born[someone] + 22)))
            for _ in range(rng.randint(1, 4)):
                if len(born) >= count:
                    break
                child = person(born[someone] + rng.randint(20, 40), rng.choice([Sex.MALE, Sex.FEMALE]))
                for parent in (someone, partner):
                    entities.append(ParentChildLink(id=f"l{len(entities)}", case_id=case.id, parent_id=parent,
                                                    child_id=child))
                waiting.append(child)
    return CaseRecord.build(case, entities)


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mib(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    record = family_of(args.people)
    results: dict[str, object] = {"people": len(record.people), "partnerships": len(record.partnerships),
                                  "parent_links": len(record.parent_links), "repeats": args.repeats}
    with tempfile.TemporaryDirectory() as folder:
        for version in ("5.5.1", "7.0"):
            path = Path(folder) / f"family-{version}.ged"
            tag = version.replace(".", "")
            results[f"write_{tag}_median_s"] = round(median_seconds(
                lambda p=path, v=version: write_gedcom(record, p, v), args.repeats), 4)
            results[f"file_{tag}_people"] = write_gedcom(record, path, version).people
            results[f"file_{tag}_lines"] = len(path.read_text(encoding="utf-8").splitlines())
            results[f"read_{tag}_median_s"] = round(median_seconds(lambda p=path: read_gedcom(p), args.repeats), 4)
            results[f"read_{tag}_peak_mib"] = peak_mib(lambda p=path: read_gedcom(p))
    if SAMPLE.exists():
        results["read_sample_median_s"] = round(median_seconds(lambda: read_gedcom(SAMPLE), args.repeats), 4)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
