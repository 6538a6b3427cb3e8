"""Benchmark: the assessment summary PDF for the demo case and for a 1,000-person case.

Targets (issue 6 §8): the demo case's summary in 1 s or less; a 1,000-person case in 5 s or less.
Each case is built several times in one process after one untimed warm-up (fonts, rule files and
Graphviz are loaded once per process in the app too); the cold first build is reported as well.
The 1,000-person case is the genogram engine's synthetic family with a busy synthetic professional
network added (25 agencies, 12 meetings with actions, supervision, a sharing log). Times cover the
whole build: redaction, rules engine, matrix, genogram layout and tiling, ecomap
(Graphviz), timeline and reportlab layout to PDF bytes. The file is not written.

    .venv/bin/python benchmarks/report.py [--runs N]

The last line printed is one JSON object with the medians.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from genorisk.domain.entities import Entity
from genorisk.domain.network import (
    Agency,
    AgencyContact,
    AgencyKind,
    AgencyNotification,
    ConsentPosition,
    InformationSharingDecision,
    ItemKind,
    LawfulBasis,
    Meeting,
    MeetingAction,
    MeetingItem,
    MeetingKind,
    Participant,
    ShareDecision,
    SharedItem,
    Supervision,
)
from genorisk.domain.record import CaseRecord
from genorisk.genogram.synthetic import synthetic_case
from genorisk.interop.bundle import demo_bundle
from genorisk.report import ReportOptions, build_summary

TARGETS = {"demo": 1.0, "people_1000": 5.0}


def with_network(record: CaseRecord, seed: int = 7) -> CaseRecord:
    """A busy professional network on a synthetic case: 25 agencies, 12 meetings with minuted items and
    actions, 6 supervisions, 20 information-sharing decisions and status notifications."""
    rng = random.Random(seed)
    case_id = record.case.id
    people = [p.id for p in record.people]
    subjects = [p.id for p in record.subject_children] or people[:1]
    kinds = list(AgencyKind)
    entities: list[Entity] = []
    for index in range(25):
        agency = Agency(id=f"bench-a{index}", case_id=case_id, kind=kinds[index % len(kinds)],
                        name=f"Agency {index}", involved_with=tuple(rng.sample(people, 3)),
                        contacts=(AgencyContact(name=f"Worker {index}", role="Key worker", telephone="01632 960000"),))
        entities.append(agency)
        if index % 3:
            entities.append(AgencyNotification(id=f"bench-n{index}", case_id=case_id, agency_id=agency.id,
                                               item=SharedItem.STATUS, on=date(2026, 9, 1),
                                               status=record.case.status))
    for index in range(12):
        held = date(2026, 1, 5) + timedelta(days=28 * index)
        meeting = Meeting(id=f"bench-m{index}", case_id=case_id, kind=MeetingKind.CIN, held_on=held,
                          child_ids=tuple(subjects),
                          attendees=tuple(Participant(name=f"Worker {i}", agency_id=f"bench-a{i}") for i in range(6)),
                          items=tuple(MeetingItem(kind=ItemKind.FACT, text=f"Item {i} of meeting {index}. " * 4,
                                                  attributed_to=f"Worker {i}") for i in range(5)),
                          decisions=("Plan continues.",))
        entities.append(meeting)
        for i in range(4):
            entities.append(MeetingAction(id=f"bench-act{index}-{i}", case_id=case_id, meeting_id=meeting.id,
                                          description=f"Action {i} from meeting {index}", owner=f"Worker {i}",
                                          due_on=held + timedelta(days=14)))
    for index in range(6):
        entities.append(Supervision(id=f"bench-s{index}", case_id=case_id, supervisor="Team manager",
                                    held_on=date(2026, 2, 1) + timedelta(days=40 * index),
                                    analysis="Analysis. " * 30,
                                    review_on=date(2026, 2, 1) + timedelta(days=40 * index + 28)))
    for index in range(20):
        entities.append(InformationSharingDecision(
            id=f"bench-d{index}", case_id=case_id, decision=ShareDecision.SHARED, decided_on=date(2026, 3, 1),
            information="Plan summary", recipient=f"Worker {index}", lawful_basis=LawfulBasis.PUBLIC_TASK,
            consent=ConsentPosition.SOUGHT_AND_GIVEN, reason="Needed for the plan" if index % 4 else ""))
    return record.with_entities(put=entities)


def _time(record: CaseRecord, runs: int) -> dict[str, float | int]:
    options = ReportOptions(generated_by="Benchmark", generated_at=datetime(2026, 11, 26, 10, 0))
    started = time.perf_counter()
    data = build_summary(record, options)
    cold = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        data = build_summary(record, options)
        times.append(time.perf_counter() - started)
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "cold_s": round(cold, 3), "runs": runs, "bytes": len(data),
            "pages": data.count(b"/Type /Page\n") or data.count(b"/Type /Page")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    demo = demo_bundle().record
    case, entities = synthetic_case(1000, seed=1)
    big = with_network(CaseRecord.build(case, entities))
    results: dict[str, object] = {}
    for name, record in (("demo", demo), ("people_1000", big)):
        figures = _time(record, args.runs)
        figures["people"] = len(record.people)
        figures["target_s"] = TARGETS[name]
        figures["meets_target"] = figures["median_s"] <= TARGETS[name]
        results[name] = figures
        print(f"{name}: {len(record.people)} people, median {figures['median_s']} s over {args.runs} runs "
              f"(cold {figures['cold_s']} s), target {TARGETS[name]} s", file=sys.stderr)
    print(json.dumps({"benchmark": "report", **results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
