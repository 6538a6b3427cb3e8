"""Start the desktop app: ``run()`` is what ``genorisk`` (no arguments) and ``make run`` call.

It creates the QApplication (names, British English locale, high-DPI), asks who is working (prefilled
from last time or the login name; skipped when GENORISK_USER is set), opens the store, installs the
fictional demo case on first start, reopens the last case and restores the window.

Hooks for tests and benchmarks, all off unless set:
- GENORISK_SCREENSHOT=path.png — once the window is up, save a screenshot there and quit;
- GENORISK_QUIT_WHEN_READY=1 — print "genorisk: ready" and quit as soon as the window is up and idle
  (start-up timing).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from genorisk import __version__
from genorisk.store.repository import Store
from genorisk.ui.main_window import MainWindow
from genorisk.ui.settings import UiSettings
from genorisk.ui.theme import apply_theme

log = logging.getLogger(__name__)


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, configured once (safe to call when one already exists, as in tests)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("genorisk")
    app.setApplicationDisplayName("genorisk")
    app.setOrganizationName("genorisk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon.fromTheme("x-office-address-book"))
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return app


def ask_user_name(settings: UiSettings) -> str | None:
    """Who is working: GENORISK_USER, else asked (prefilled). None if the practitioner cancels."""
    from_environment = os.environ.get("GENORISK_USER", "").strip()
    if from_environment:
        return from_environment
    while True:
        name, ok = QInputDialog.getText(
            None, "Welcome to genorisk",
            "Your name. It is recorded against every change you make, so colleagues know who recorded what:",
            QLineEdit.EchoMode.Normal, settings.user_name)
        if not ok:
            return None
        if name.strip():
            settings.user_name = name.strip()
            return name.strip()


def open_first_case(window: MainWindow, settings: UiSettings) -> None:
    """The last case opened; on first start the demo case (installed then); else the case list."""
    store = window.store
    if not settings.demo_offered:
        settings.demo_offered = True
        if not store.list_cases():
            try:
                from genorisk.interop.bundle import install_demo

                settings.last_case_id = install_demo(store)
            except Exception:  # the app is still useful without the demo
                log.exception("could not install the demo case")
    known = {case.id for case in store.list_cases()}
    last = settings.last_case_id
    if last and last in known and window.open_case(last):
        return
    window.show_case_list()


def run(argv: Sequence[str] | None = None) -> int:
    """Start genorisk's window; returns the exit code."""
    logging.basicConfig(level=logging.INFO if os.environ.get("GENORISK_DEBUG") else logging.WARNING)
    app = make_application(argv)
    settings = UiSettings()
    apply_theme(app, settings.theme)
    user = ask_user_name(settings)
    if user is None:
        return 0
    try:
        store = Store.open(user=user)
    except Exception as failure:
        QMessageBox.critical(None, "genorisk cannot open its data", str(failure))
        return 1
    window = MainWindow(store, user, settings)
    if settings.theme == "system":
        app.styleHints().colorSchemeChanged.connect(lambda _: window.set_theme("system"))
    window.restore_window()
    open_first_case(window, settings)
    window.show()
    _install_hooks(app, window)
    code = app.exec()
    store.close()
    return int(code)


def _install_hooks(app: QApplication, window: MainWindow) -> None:
    screenshot = os.environ.get("GENORISK_SCREENSHOT")
    if screenshot:
        def save() -> None:
            window.grab().save(screenshot, "PNG")
            app.quit()

        QTimer.singleShot(int(os.environ.get("GENORISK_SCREENSHOT_DELAY_MS", "800")), save)
    elif os.environ.get("GENORISK_QUIT_WHEN_READY"):
        def ready() -> None:
            print("genorisk: ready", flush=True)  # the start-up benchmark times this line
            app.quit()

        QTimer.singleShot(0, ready)
