"""Start-up: the demo on first start, the last case afterwards, settings and window state kept."""

from __future__ import annotations

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
