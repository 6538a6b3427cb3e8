"""Risk engine, markers and cumulative timeline speed: medians, one JSON object on the last line.

    .venv/bin/python benchmarks/risk.py [--repeats 5]

On the fictional demo case and on synthetic fictional families (``genorisk.genogram.synthetic``) of 200
and 1,000 people with a risk factor on every fifth adult and no subject child marked, so every household
with a child is in focus (deterministic): the median time to evaluate
every registered rule (``genorisk.risk.engine.prompt_states``), to compute the genogram risk markers,
and, for the demo's subject child, to build the timeline model, lay it out and render it as SVG.
Targets (2-core reference machine): demo prompts <= 100 ms; 1,000-person prompts <= 2 s; markers on
1,000 people <= 100 ms (they are recomputed on every genogram re-layout).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from genorisk.domain.entities import Person
from genorisk.domain.record import CaseRecord
from genorisk.domain.risk import RiskCategory, RiskFactor, RiskStatus
from genorisk.domain.values import Provenance, SourceKind
from genorisk.genogram.synthetic import synthetic_case
from genorisk.interop.bundle import demo_bundle
from genorisk.risk.cumulative import child_timeline
from genorisk.risk.engine import forget_remembered_evaluation, prompt_states
from genorisk.risk.markers import risk_markers
from genorisk.risk.timeline_draw import layout_timeline, to_svg

TODAY = date(2026, 11, 26)
CATEGORIES = (RiskCategory.MENTAL_HEALTH, RiskCategory.ALCOHOL_MISUSE, RiskCategory.DOMESTIC_ABUSE_PERPETRATOR,
              RiskCategory.DRUG_MISUSE, RiskCategory.SOCIAL_ISOLATION)


def median_ms(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``run`` in milliseconds, after one warm-up run. The engine remembers its last
    evaluation of a record, so that memory is dropped before every run: each run evaluates the rules."""
    run()
    times = []
    for _ in range(repeats):
        gc.collect()
        forget_remembered_evaluation()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def synthetic_with_risk(people: int) -> CaseRecord:
    case, entities = synthetic_case(people, seed=7)
    # No subject child: every household with a child is in focus, the heaviest case for the rules.
    entities = [replace(e, is_subject_child=False) if isinstance(e, Person) else e for e in entities]
    record = CaseRecord.build(case, entities)
    provenance = Provenance(SourceKind.SELF_REPORT, date(2026, 1, 1), reported_by="Synthetic parent")
    factors = []
    adults = [p for p in record.all(Person) if (p.age_on(TODAY) or 0) >= 18]
    for index, person in enumerate(adults[::5]):
        factors.append(RiskFactor(id=f"rf-{index}", case_id=case.id, person_id=person.id,
                                  category=CATEGORIES[index % len(CATEGORIES)], status=RiskStatus.CURRENT,
                                  provenance=provenance))
    return record.with_entities(put=factors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    repeats = args.repeats
    results: dict[str, object] = {"python": platform.python_version(), "machine": platform.machine(),
                                  "repeats": repeats}
    demo = demo_bundle().record
    results["demo_prompts"] = len(prompt_states(demo, TODAY))
    results["demo_prompts_ms"] = median_ms(lambda: prompt_states(demo, TODAY), repeats)
    results["demo_markers_ms"] = median_ms(lambda: risk_markers(demo, TODAY), repeats)
    results["demo_timeline_model_ms"] = median_ms(lambda: child_timeline(demo, "p-rowan", TODAY), repeats)
    timeline = child_timeline(demo, "p-rowan", TODAY)
    results["demo_timeline_layout_ms"] = median_ms(lambda: layout_timeline(timeline, demo), repeats)
    drawing = layout_timeline(timeline, demo)
    results["demo_timeline_svg_ms"] = median_ms(lambda: to_svg(drawing), repeats)
    print(f"demo: {results['demo_prompts']} prompts in {results['demo_prompts_ms']} ms; markers "
          f"{results['demo_markers_ms']} ms; timeline model {results['demo_timeline_model_ms']} ms, layout "
          f"{results['demo_timeline_layout_ms']} ms, SVG {results['demo_timeline_svg_ms']} ms")
    for size in (200, 1000):
        record = synthetic_with_risk(size)
        count = len(prompt_states(record, TODAY))
        prompts_ms = median_ms(lambda record=record: prompt_states(record, TODAY), max(1, repeats // 2))
        markers_ms = median_ms(lambda record=record: risk_markers(record, TODAY), repeats)
        results[f"synthetic_{size}_prompts"] = count
        results[f"synthetic_{size}_prompts_ms"] = prompts_ms
        results[f"synthetic_{size}_markers_ms"] = markers_ms
        print(f"{size} people: {count} prompts in {prompts_ms} ms; markers {markers_ms} ms")
    print(json.dumps(results, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
