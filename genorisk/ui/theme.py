"""Light and dark palettes: follow the desktop, or the practitioner's choice (View ▸ Theme).

Meaning on the genogram never rests on colour: the canvas is ink on paper in either theme.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from genorisk.ui.canvas.items import CanvasColours
from genorisk.ui.canvas.painting import Colours


def is_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme == "light":
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor("#1e2124"), QColor("#2a2e33"), QColor("#e8eaed")
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#262a2e"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#32373d"))
    palette.setColor(QPalette.ColorRole.ToolTipText, text)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9aa0a6"))
    palette.setColor(QPalette.ColorRole.Text, text)
    palette.setColor(QPalette.ColorRole.Button, QColor("#33383e"))
    palette.setColor(QPalette.ColorRole.ButtonText, text)
    palette.setColor(QPalette.ColorRole.BrightText, QColor("#ff8a80"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#4b7bd1"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7c828a"))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f3f4f6"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1b1d20"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f1f4f8"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffff0"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#1b1d20"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1b1d20"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#e9ebee"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1b1d20"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f62c4"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#1f55b5"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b7078"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9a9fa6"))
    return palette


def apply_theme(app: QApplication, theme: str) -> bool:
    """Set the Fusion style with a light or dark palette; returns True when dark."""
    dark = is_dark(theme)
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if dark else light_palette())
    if dark:
        CanvasColours.current = Colours(QColor("#e8eaed"), QColor("#1e2124"), QColor("#8ab4f8"))
    else:
        CanvasColours.current = Colours(QColor("#000000"), QColor("#ffffff"), QColor("#1f5fbf"))
    return dark
