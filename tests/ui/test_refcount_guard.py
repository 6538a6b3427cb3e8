"""The workspace survives the PySide6 6.12 'void call drops a reference to None' fault on Python 3.11."""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = """
import genorisk.ui  # installs the guard
from PySide6.QtCore import QObject
carrier = QObject()
for _ in range(300_000):
    carrier.setObjectName("x")  # each call of a void method drops a reference to None on 3.11
print("alive")
"""


def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    finished = subprocess.run([sys.executable, "-c", CALLS], capture_output=True, text=True, timeout=120,
                              env=environment)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert finished.stdout.strip() == "alive"
