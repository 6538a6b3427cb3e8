"""The practitioner's preferences, kept in QSettings behind one small typed object.

When GENORISK_HOME is set (tests, demos, portable use) the settings live in an INI file inside it, so
nothing leaks into, or is read from, the real user's settings.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_MARKING = "OFFICIAL-SENSITIVE"
THEMES = ("system", "light", "dark")


def open_qsettings() -> QSettings:
    """The settings store: an INI file under GENORISK_HOME, else the platform's native place."""
    home = os.environ.get("GENORISK_HOME")
    if home:
        Path(home).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings("genorisk", "genorisk")


def login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class UiSettings:
    """Typed access to the handful of preferences the workspace keeps."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or open_qsettings()

    def _text(self, key: str, default: str = "") -> str:
        value = self._settings.value(key, default)
        return str(value) if value is not None else default

    def _set(self, key: str, value: object) -> None:
        if isinstance(value, str) and self._settings.value(key) == value:
            return  # unchanged (e.g. reopening the last case at start-up): no file to rewrite
        self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def user_name(self) -> str:
        """The name recorded against every change (last used, else the login name)."""
        return self._text("user/name") or login_name()

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._set("user/name", value.strip())

    @property
    def last_case_id(self) -> str:
        return self._text("workspace/last_case_id")

    @last_case_id.setter
    def last_case_id(self, value: str) -> None:
        self._set("workspace/last_case_id", value)

    @property
    def demo_offered(self) -> bool:
        """True once the demo case has been installed (or offered) on first start."""
        return self._text("workspace/demo_offered") == "yes"

    @demo_offered.setter
    def demo_offered(self, value: bool) -> None:
        self._set("workspace/demo_offered", "yes" if value else "no")

    @property
    def protective_marking(self) -> str:
        """The marking printed top and bottom of every printed or exported page."""
        return self._text("print/marking", DEFAULT_MARKING).strip() or DEFAULT_MARKING

    @protective_marking.setter
    def protective_marking(self, value: str) -> None:
        self._set("print/marking", value.strip() or DEFAULT_MARKING)

    @property
    def theme(self) -> str:
        """'system' (follow the desktop), 'light' or 'dark'."""
        value = self._text("view/theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("view/theme", value if value in THEMES else "system")

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set("window/state", value)

    def window_state_for(self, key: str) -> QByteArray | None:
        """Saved dock layout of one part of the window (e.g. the case workspace)."""
        value = self._settings.value(f"window/{key}_state")
        return value if isinstance(value, QByteArray) else None

    def set_window_state_for(self, key: str, value: QByteArray) -> None:
        self._set(f"window/{key}_state", value)

    @property
    def export_folder(self) -> str:
        return self._text("export/folder", str(Path.home()))

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._set("export/folder", value)
