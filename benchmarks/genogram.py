"""Genogram engine speed and memory: medians, with one JSON object on the last line.

    .venv/bin/python benchmarks/genogram.py [--repeats 5] [--quick]

Measures, on synthetic fictional families (``genorisk.genogram.synthetic.synthetic_case``) of 10, 100,
1,000 and 5,000 people: the median time to lay out a case (``layout_case``: family model, rows,
ordering, placement, drawing, legend) and to render the geometry as SVG, and the peak memory of one
layout (tracemalloc). Also ../shared/data/gedcom/sample.ged when present, and end to end for a
2,000-person family written as GEDCOM 5.5.1: read the file, lay it out, write the SVG, compared with
Graphviz ``dot -Tsvg`` on the same family's DOT (dot alone, not counting writing the DOT).

Targets (2-core reference machine): layout of 1,000 people <= 250 ms; 5,000 <= 2 s; 2,000-person
GEDCOM to SVG <= 1.5 s and faster than dot alone.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from genorisk.domain.record import CaseRecord
from genorisk.genogram.dot import render_dot
from genorisk.genogram.layout import layout_case
from genorisk.genogram.svg import render_svg
from genorisk.genogram.synthetic import synthetic_case

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "gedcom" / "sample.ged"
SIZES = (10, 100, 1000, 5000)
END_TO_END_PEOPLE = 2000
DOT_TIMEOUT = 600


def median_ms(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``run`` in milliseconds, after one warm-up run."""
    run()
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def peak_mib(run: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def family(people: int, seed: int = 1) -> CaseRecord:
    case, entities = synthetic_case(people, seed)
    return CaseRecord.build(case, entities)


def bench_sizes(repeats: int, sizes: tuple[int, ...]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for people in sizes:
        record = family(people)
        runs = repeats if people <= 1000 else max(3, repeats // 2)
        geometry = layout_case(record)
        results[str(people)] = {
            "layout_ms": median_ms(lambda record=record: layout_case(record), runs),
            "svg_ms": median_ms(lambda geometry=geometry: render_svg(geometry), runs),
            "peak_layout_mib": peak_mib(lambda record=record: layout_case(record)),
            "rows": len({symbol.generation for symbol in geometry.symbols}),
        }
        print(f"{people:>5} people: layout {results[str(people)]['layout_ms']} ms, "
              f"SVG {results[str(people)]['svg_ms']} ms, peak {results[str(people)]['peak_layout_mib']} MiB",
              file=sys.stderr)
    return results


def gedcom_reader() -> Any:
    try:
        from genorisk.interop.gedcom import read_gedcom, write_gedcom
    except ImportError:
        return None, None
    return read_gedcom, write_gedcom


def bench_sample(repeats: int) -> dict[str, Any] | None:
    read_gedcom, _ = gedcom_reader()
    if read_gedcom is None or not SAMPLE.exists():
        return {"skipped": f"{SAMPLE} or the GEDCOM reader is not available"}

    def run() -> str:
        imported = read_gedcom(SAMPLE)
        return render_svg(layout_case(CaseRecord.build(imported.case, imported.entities)))

    imported = read_gedcom(SAMPLE)
    record = CaseRecord.build(imported.case, imported.entities)
    return {
        "people": len(record.people),
        "layout_ms": median_ms(lambda: layout_case(record), repeats),
        "gedcom_to_svg_ms": median_ms(run, repeats),
    }


def bench_end_to_end(repeats: int, people: int) -> dict[str, Any]:
    read_gedcom, write_gedcom = gedcom_reader()
    if read_gedcom is None:
        return {"skipped": "the GEDCOM reader is not available"}
    record = family(people, seed=7)
    with tempfile.TemporaryDirectory() as folder:
        ged = Path(folder) / "family.ged"
        svg = Path(folder) / "family.svg"
        write_gedcom(record, ged)

        def run() -> None:
            imported = read_gedcom(ged)
            geometry = layout_case(CaseRecord.build(imported.case, imported.entities))
            svg.write_text(render_svg(geometry), encoding="utf-8")

        result: dict[str, Any] = {"people": people, "gedcom_to_svg_ms": median_ms(run, repeats)}
        result["peak_gedcom_to_svg_mib"] = peak_mib(run)
        dot = shutil.which("dot")
        if dot is None:
            result["dot_svg_ms"] = None
            result["dot_skipped"] = "Graphviz dot is not installed"
            return result
        dot_file = Path(folder) / "family.dot"
        dot_file.write_text(render_dot(record), encoding="utf-8")
        times = []
        for _ in range(max(1, repeats // 2)):
            start = time.perf_counter()
            try:
                subprocess.run([dot, "-Tsvg", str(dot_file), "-o", str(Path(folder) / "dot.svg")], check=True,
                               timeout=DOT_TIMEOUT, capture_output=True)
            except subprocess.TimeoutExpired:
                result["dot_svg_ms"] = None
                result["dot_skipped"] = f"dot took longer than {DOT_TIMEOUT} s"
                return result
            times.append((time.perf_counter() - start) * 1000)
        result["dot_svg_ms"] = round(statistics.median(times), 1)
        result["faster_than_dot"] = result["gedcom_to_svg_ms"] < result["dot_svg_ms"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="sizes 10 and 100 only, no dot comparison")
    args = parser.parse_args()
    sizes = SIZES[:2] if args.quick else SIZES
    figures: dict[str, Any] = {
        "benchmark": "genogram",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.system()},
        "repeats": args.repeats,
        "sizes": bench_sizes(args.repeats, sizes),
        "sample_ged": bench_sample(args.repeats),
    }
    if not args.quick:
        figures["gedcom_to_svg_2000"] = bench_end_to_end(args.repeats, END_TO_END_PEOPLE)
        sizes_result = figures["sizes"]
        end_to_end = figures["gedcom_to_svg_2000"]
        figures["targets"] = {
            "layout_1000_le_250ms": sizes_result["1000"]["layout_ms"] <= 250,
            "layout_5000_le_2000ms": sizes_result["5000"]["layout_ms"] <= 2000,
            "gedcom_svg_2000_le_1500ms": end_to_end.get("gedcom_to_svg_ms", 10**9) <= 1500,
            "gedcom_svg_2000_faster_than_dot": bool(end_to_end.get("faster_than_dot")),
        }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
