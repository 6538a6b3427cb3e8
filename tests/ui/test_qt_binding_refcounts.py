"""The installed Qt binding does not leak references to None.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a C++ method that
returns nothing; after a few thousand paints the interpreter aborts ("none_dealloc"). pyproject.toml
pins PySide6-Essentials below 6.12 for that reason. This test, run in a subprocess so a crash cannot
take the suite down, fails if an upgrade brings the fault back.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = """
import sys
from PySide6.QtCore import QObject
carrier = QObject()
before = sys.getrefcount(None)
for _ in range(20_000):
    carrier.setObjectName("x")  # a void method
print(sys.getrefcount(None) - before)
"""


def test_void_qt_calls_keep_none_alive() -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    finished = subprocess.run([sys.executable, "-c", CALLS], capture_output=True, text=True, timeout=120,
                              env=environment, check=False)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert abs(int(finished.stdout.strip())) < 100
