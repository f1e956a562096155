"""Light, dark and high-contrast appearance, built from the theme files in ``resources/themes``."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from resilience_journal.resource_files import read_json, read_text

#: Appearance choices offered in Settings: (key, label).
THEMES = (("light", "Light"), ("dark", "Dark"), ("high-contrast", "High contrast"))
DEFAULT_THEME = "light"

_PALETTE_ROLES = {
    "window": QPalette.ColorRole.Window,
    "window_text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "alternate_base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button_text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted_text": QPalette.ColorRole.HighlightedText,
    "placeholder": QPalette.ColorRole.PlaceholderText,
    "link": QPalette.ColorRole.Link,
}


def theme_colours(key: str) -> dict[str, str]:
    """The named colours of a theme (also used by charts to match the window)."""
    if key not in dict(THEMES):
        key = DEFAULT_THEME
    return read_json("themes", f"{key}.json")


def apply_theme(app: QApplication, key: str) -> None:
    """Switch the whole application to the theme ``key``.

    Font sizes in the style sheet are in points, so the system's font scaling still applies.
    """
    colours = theme_colours(key)
    app.setStyle("Fusion")
    palette = QPalette()
    for name, role in _PALETTE_ROLES.items():
        palette.setColor(role, QColor(colours[name]))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(colours["base"]))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(colours["text"]))
    app.setPalette(palette)
    sheet = read_text("themes", "style.qss")
    for name, value in colours.items():
        sheet = sheet.replace("{" + name + "}", value)
    app.setStyleSheet(sheet)
    app.setProperty("rj_theme", key)


def current_theme(app: QApplication) -> str:
    return app.property("rj_theme") or DEFAULT_THEME
