"""The real app, started as a practitioner starts it (``genorisk`` with no arguments), on a real X
server (Xvfb), saving a screenshot through the GENORISK_SCREENSHOT hook."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = pytest.mark.xvfb


def _free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (make setup installs it)")
    number = _free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Xvfb :{number} did not start")
            time.sleep(0.05)
        with socket.socket(socket.AF_UNIX) as probe:
            probe.connect(f"/tmp/.X11-unix/X{number}")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _is_blank(image: QImage) -> bool:
    colours = set()
    step_x, step_y = max(image.width() // 60, 1), max(image.height() // 60, 1)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
    return len(colours) < 8


def test_the_real_app_starts_on_x_and_shows_the_demo(xvfb: str, tmp_path: Path) -> None:
    screenshot = tmp_path / "genorisk.png"
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("QT_", "GENORISK_"))
    }
    environment.update(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", GENORISK_HOME=str(tmp_path / "home"),
                       GENORISK_USER="Test Practitioner", GENORISK_SCREENSHOT=str(screenshot))
    finished = subprocess.run(
        [sys.executable, "-c", "import sys; from genorisk.cli.main import main; sys.exit(main([]))"],
        env=environment, capture_output=True, text=True, timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert screenshot.exists(), finished.stderr
    image = QImage(str(screenshot))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 500
    assert not _is_blank(image)
    # the demo case was installed on first start and reopened: its database is there
    assert (tmp_path / "home" / "genorisk.db").exists()
