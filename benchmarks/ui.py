"""Desktop workspace speed: medians, with one JSON object on the last line.

    .venv/bin/python benchmarks/ui.py [--repeats 5]

Measures (never as timed tests):

1. Cold start to an interactive window with the last case open (the demo): a subprocess timed from
   its start to the "ready" line it prints on the first pass of the event loop after the window is
   shown, against a bare PySide6 window started and timed the same way on the same machine.
   Target: at most 2 × the bare window. Beside them, a "floor": the bare window plus the work no
   genorisk window can skip (the Qt classes its widgets use, its Qt-free packages, reading and laying
   out the case with its markers) but none of genorisk's widgets — how much of the start is the floor.
2. Opening a 1,000-person case (``genorisk.genogram.synthetic.synthetic_case``) and showing its
   genogram: from asking the main window to open it (reading it from SQLite with a fresh store, laying
   it out with the engine, building the scene and the panels) to the canvas painted. Target ≤ 1 s.
3. One edit on a 200-person case (add a partner), saved in one transaction, re-laid out by the engine
   and repainted. Target ≤ 100 ms.

All start-ups run with QT_QPA_PLATFORM=offscreen so the figure does not depend on a display, and with
Python's compiled bytecode kept (in a private PYTHONPYCACHEPREFIX folder, warmed by the first start) as an
installed app has it: a machine with PYTHONDONTWRITEBYTECODE set would otherwise recompile genorisk from
source on every start, which no installed copy does.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WINDOW_PROGRAM = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
{work}
window = QMainWindow()
window.setCentralWidget(QLabel("{name} window"))
window.resize(1360, 860)
window.show()
def ready():
    print("{name}: ready", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
sys.exit(app.exec())
"""
"""A window shown, timed to the first pass of its event loop, after doing ``work``."""

BARE_WINDOW = WINDOW_PROGRAM.format(work="", name="bare")

GENORISK_WINDOW = "import sys; from genorisk.cli.main import main; sys.exit(main([]))"

FLOOR_WORK = """
import datetime, importlib
for module, name in QT_NAMES:
    getattr(importlib.import_module(module), name)
from genorisk.genogram.layout import layout_case
from genorisk.genogram.settings import GenogramSettings
from genorisk.risk.markers import genogram_markers
from genorisk.store.repository import Store
store = Store.open()
record = store.load(store.list_cases()[0].id)
layout_case(record, GenogramSettings(), genogram_markers(record, datetime.date.today()))
"""
"""The part of a start no genorisk window can skip, done before showing a bare window: every Qt class
genorisk's widgets import (PySide6 builds each class's Python enums on first use: Qt's namespace alone
has 93), genorisk's Qt-free packages, and reading, checking and laying out the last case with its risk
markers. No widget of genorisk's is built. If this alone is over 2 x the bare window, the target cannot
be met by trimming the app; the figure says how much of the start is the floor."""


def _qt_names_used_by_the_ui() -> list[tuple[str, str]]:
    """(module, name) for every PySide6 name a genorisk.ui module imports at module level."""
    names: set[tuple[str, str]] = set()
    for source in (ROOT / "genorisk" / "ui").rglob("*.py"):
        for node in ast.parse(source.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                names.update((node.module or "", alias.name) for alias in node.names)
    return sorted(names)


def _timed_run(code: str, environment: dict[str, str]) -> float:
    """Milliseconds from starting the interpreter to its 'ready' line (the window up, the event loop
    running); shutting down afterwards is not counted, for either program."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.rstrip().endswith("ready"):
            elapsed = (time.perf_counter() - started) * 1000
    _, errors = process.communicate(timeout=300)
    if process.returncode != 0 or elapsed is None:
        raise RuntimeError(f"start-up failed: {errors[-1500:]}")
    return elapsed


def cold_start(repeats: int) -> dict[str, Any]:
    """Median start-up of genorisk (last case open) and of a bare window, alternating runs."""
    home = Path(tempfile.mkdtemp(prefix="genorisk-bench-"))
    try:
        environment = {key: value for key, value in os.environ.items()
                       if not key.startswith("GENORISK_") and key != "PYTHONDONTWRITEBYTECODE"}
        environment.update(PYTHONPYCACHEPREFIX=str(home / "bytecode"))
        environment.update(QT_QPA_PLATFORM="offscreen", GENORISK_HOME=str(home), GENORISK_USER="Benchmark",
                           GENORISK_QUIT_WHEN_READY="1")
        _timed_run(GENORISK_WINDOW, environment)  # first start: installs the demo, sets it as the last case
        _timed_run(BARE_WINDOW, environment)  # warm the file cache for both
        floor = WINDOW_PROGRAM.format(work=f"QT_NAMES = {_qt_names_used_by_the_ui()!r}\n{FLOOR_WORK}", name="floor")
        _timed_run(floor, environment)
        genorisk_times, bare_times, floor_times = [], [], []
        for _ in range(repeats):
            bare_times.append(_timed_run(BARE_WINDOW, environment))
            genorisk_times.append(_timed_run(GENORISK_WINDOW, environment))
            floor_times.append(_timed_run(floor, environment))
        genorisk_ms = statistics.median(genorisk_times)
        bare_ms = statistics.median(bare_times)
        floor_ms = statistics.median(floor_times)
        return {
            "genorisk_ms": round(genorisk_ms, 1),
            "bare_pyside6_ms": round(bare_ms, 1),
            "ratio": round(genorisk_ms / bare_ms, 2),
            "target_ratio": 2.0,
            "floor_ms": round(floor_ms, 1),
            "floor_ratio": round(floor_ms / bare_ms, 2),
            "runs": repeats,
        }
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _workspace_timings(repeats: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from genorisk.domain import editing
    from genorisk.domain.entities import Person, new_id
    from genorisk.domain.values import Sex
    from genorisk.genogram.synthetic import synthetic_case
    from genorisk.store.repository import Store
    from genorisk.ui.app import make_application
    from genorisk.ui.main_window import MainWindow
    from genorisk.ui.settings import UiSettings

    app = make_application([])
    home = Path(tempfile.mkdtemp(prefix="genorisk-bench-"))
    os.environ["GENORISK_HOME"] = str(home)
    try:
        # synthetic ids repeat between families, so each family gets its own database file
        path, mid_path = home / "big.db", home / "mid.db"
        big_case, big_entities = synthetic_case(1000, seed=3)
        mid_case, mid_entities = synthetic_case(200, seed=5)
        for file, case, entities in ((path, big_case, big_entities), (mid_path, mid_case, mid_entities)):
            setup = Store.open(file, user="Benchmark")
            setup.create_case(case, entities)
            setup.close()

        open_times: list[float] = []
        for _ in range(repeats + 1):
            store = Store.open(path, user="Benchmark")  # nothing cached: the case is read from SQLite
            window = MainWindow(store, "Benchmark", UiSettings())
            window.resize(1360, 860)
            window.show()
            app.processEvents()
            started = time.perf_counter()
            window.open_case(big_case.id)
            assert window.workspace is not None
            while window.workspace.geometry_model is None:  # a big family is laid out in the background
                app.processEvents()
            window.workspace.view.viewport().repaint()
            app.processEvents()
            open_times.append((time.perf_counter() - started) * 1000)
            people_drawn = len(window.workspace.scene.symbols)
            window.close_case(show_list=False)
            window.close()
            window.deleteLater()
            app.processEvents()
            store.close()
        open_times = open_times[1:]  # the first run warms Python's imports and caches

        store = Store.open(mid_path, user="Benchmark")
        window = MainWindow(store, "Benchmark", UiSettings())
        window.resize(1360, 860)
        window.show()
        window.open_case(mid_case.id)
        app.processEvents()
        assert window.session is not None and window.workspace is not None
        session, workspace = window.session, window.workspace
        edit_times: list[float] = []
        layout_times: list[float] = []
        anchors = [p.id for p in session.record.people][:: max(len(session.record.people) // (repeats + 2), 1)]
        for number, anchor in enumerate(anchors[: repeats + 1]):
            partner = Person(id=new_id(), case_id=mid_case.id, given_names=f"Partner{number}", family_name="Bench",
                             sex=Sex.UNKNOWN)
            union = editing.new_partnership(mid_case.id, anchor, partner.id)
            command = editing.add_partner(session.record, anchor, partner, union)
            started = time.perf_counter()
            assert session.execute(command)
            workspace.view.viewport().repaint()
            edit_times.append((time.perf_counter() - started) * 1000)
            layout_times.append(workspace.last_layout_ms)
        edit_times, layout_times = edit_times[1:], layout_times[1:]
        window.close_case(show_list=False)
        store.close()
        app.processEvents()
        del app
        return {
            "open_1000_person_case_ms": round(statistics.median(open_times), 1),
            "open_1000_target_ms": 1000,
            "people_drawn": people_drawn,
            "edit_200_person_case_ms": round(statistics.median(edit_times), 1),
            "edit_200_layout_part_ms": round(statistics.median(layout_times), 1),
            "edit_200_target_ms": 100,
            "runs": repeats,
        }
    finally:
        shutil.rmtree(home, ignore_errors=True)
        _ = QApplication


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    start = cold_start(args.repeats)
    print(f"cold start: genorisk {start['genorisk_ms']} ms, bare PySide6 {start['bare_pyside6_ms']} ms "
          f"(ratio {start['ratio']}, target ≤ 2); floor (no genorisk widgets) {start['floor_ms']} ms "
          f"(ratio {start['floor_ratio']})", file=sys.stderr)
    workspace = _workspace_timings(args.repeats)
    print(f"open 1,000 people: {workspace['open_1000_person_case_ms']} ms (target ≤ 1000); one edit on 200: "
          f"{workspace['edit_200_person_case_ms']} ms (target ≤ 100)", file=sys.stderr)
    result = {
        "benchmark": "ui",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "cold_start": start,
        "workspace": workspace,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
