"""Kill a writer mid-stream: every committed change survives, nothing is half-written."""

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from genorisk.store.repository import Store

WRITER = """
import sys
from pathlib import Path
from genorisk.domain import editing
from genorisk.domain.entities import Person
from genorisk.store.repository import Store
from tests.builders import Family

store = Store.open(Path(sys.argv[1]))
family = Family()
family.person("root")
record = store.create_case(family.case, family.entities)
for i in range(100000):
    child = Person(id=f"kid{i}", case_id=record.case.id, given_names=f"Kid {i}")
    record = store.apply(editing.add_child(record, child, ("root",)))
    print(i, flush=True)
"""


def test_a_killed_writer_leaves_a_consistent_database(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    root = Path(__file__).resolve().parents[2]
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=root, stdout=subprocess.PIPE,
                              text=True)
    assert writer.stdout is not None
    committed = -1
    deadline = time.monotonic() + 60
    while committed < 25 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        committed = int(line.split()[0])
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert committed >= 25, "the writer did not get going"

    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    record = Store.open(path).load_by_reference("TEST-1")
    children = {link.child_id for link in record.parent_links}
    people = {p.id for p in record.people} - {"root"}
    assert children == people  # every child has its link: no change was half-applied
    assert len(people) >= committed + 1  # everything reported as committed is there
