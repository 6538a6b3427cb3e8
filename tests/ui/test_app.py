"""Start-up: the demo on first start, the last case afterwards, settings and window state kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from genorisk.store.repository import Store
from genorisk.ui.app import ask_user_name, make_application, open_first_case
from genorisk.ui.main_window import MainWindow
from genorisk.ui.settings import DEFAULT_MARKING, UiSettings
from genorisk.ui.theme import apply_theme


def test_first_start_installs_and_opens_the_demo_then_reopens_the_last_case(qtbot: Any, store: Store) -> None:
    settings = UiSettings()
    first = MainWindow(store, "Test Practitioner", settings)
    qtbot.addWidget(first)
    open_first_case(first, settings)
    assert first.session is not None and first.session.record.case.reference == "DEMO-0001"
    assert first.people_label.text().startswith("13 people")
    demo_id = first.session.case_id
    first.close()

    again = MainWindow(store, "Test Practitioner", UiSettings())
    qtbot.addWidget(again)
    open_first_case(again, UiSettings())
    assert again.session is not None and again.session.case_id == demo_id
    assert len(store.list_cases()) == 1, "the demo is installed once"


def test_user_name_comes_from_the_environment_in_tests(qtbot: Any) -> None:
    assert ask_user_name(UiSettings()) == "Test Practitioner"


def test_application_identity_and_british_locale(qtbot: Any) -> None:
    app = make_application()
    from PySide6.QtCore import QDate, QLocale

    assert app.applicationName() == "genorisk" and app.organizationName() == "genorisk"
    assert QLocale().toString(QDate(2026, 8, 14), QLocale.FormatType.ShortFormat) == "14/08/2026"


def test_settings_have_safe_defaults_and_persist(qtbot: Any) -> None:
    settings = UiSettings()
    assert settings.protective_marking == DEFAULT_MARKING == "OFFICIAL-SENSITIVE"
    settings.protective_marking = ""
    assert UiSettings().protective_marking == DEFAULT_MARKING, "an empty marking falls back, never blank"
    settings.theme = "dark"
    assert UiSettings().theme == "dark"


def test_window_geometry_is_restored(qtbot: Any, store: Store) -> None:
    window = MainWindow(store, "Test Practitioner", UiSettings())
    qtbot.addWidget(window)
    window.show()
    window.resize(720, 520)  # within the offscreen screen (800 × 600)
    window.close()
    restored = MainWindow(store, "Test Practitioner", UiSettings())
    qtbot.addWidget(restored)
    restored.restore_window()
    restored.show()
    assert (restored.width(), restored.height()) == (720, 520)


def test_dark_and_light_palettes(qtbot: Any, store: Store) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert apply_theme(app, "dark")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert not apply_theme(app, "light")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    finally:
        apply_theme(app, "light")


START_AND_REPORT = """
import json, sys
import genorisk.ui.app as app_module

def report(app, window):
    from PySide6.QtCore import QTimer

    def ready():
        workspace = window.workspace
        print(json.dumps({
            "case": window.session.record.case.reference if window.session else None,
            "drawn": len(workspace.scene.symbols) if workspace else 0,
            "built": list(workspace.built_panels()) if workspace else [],
            "built_and_visible": [key for key in (workspace.built_panels() if workspace else ())
                                  if workspace.docks[key].widget().isVisible()],
            "loaded": sorted(name for name in ("reportlab", "genorisk.report", "genorisk.ui.case_list",
                                               "genorisk.ui.dialogs.family", "genorisk.ui.network.summary",
                                               "genorisk.ui.risk.chronology") if name in sys.modules),
        }))
        app.quit()

    QTimer.singleShot(0, ready)

app_module._install_hooks = report
from genorisk.cli.main import main
sys.exit(main([]))
"""


def test_start_up_opens_the_last_case_with_only_the_panels_on_screen(tmp_path: Path) -> None:
    """The real start (a subprocess, as a practitioner starts it): the last case's genogram is drawn and the
    panels on screen are built, while the panels behind other tabs, the dialogs, the case list and the
    report package (reportlab) wait until they are first needed."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("GENORISK_")}
    environment.update(QT_QPA_PLATFORM="offscreen", GENORISK_HOME=str(tmp_path), GENORISK_USER="Test Practitioner",
                       GENORISK_QUIT_WHEN_READY="1")
    root = Path(__file__).resolve().parents[2]
    first = subprocess.run([sys.executable, "-c", "import sys; from genorisk.cli.main import main; sys.exit(main([]))"],
                           env=environment, cwd=root, capture_output=True, text=True, timeout=120)
    assert "genorisk: ready" in first.stdout, first.stderr[-2000:]  # first start installs the demo
    again = subprocess.run([sys.executable, "-c", START_AND_REPORT], env=environment, cwd=root,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    state = json.loads(again.stdout.strip().splitlines()[-1])
    assert state["case"] == "DEMO-0001" and state["drawn"] == 13
    assert set(state["built"]) == {"people", "relationships", "prompts"}  # the first tab of each dock area
    assert set(state["built_and_visible"]) == set(state["built"])
    assert state["loaded"] == []
