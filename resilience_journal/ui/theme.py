"""Light, dark and high-contrast appearance, built from the theme files in ``resources/themes``."""

from __future__ import annotations

from functools import cache

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
    return dict(_theme_file(key))  # a copy: callers may adjust theirs


@cache
def _theme_file(key: str) -> dict[str, str]:
    # Read once: the Journal page asks for the colours for every highlighted row it lists.
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
    for name, value in {**colours, **font_sizes(app)}.items():
        sheet = sheet.replace("{" + name + "}", value)
    app.setStyleSheet(sheet)
    app.setProperty("rj_theme", key)


#: The smallest body text size we use, in points, even if the system asks for less.
MIN_BODY_POINTS = 10.0


def font_sizes(app: QApplication) -> dict[str, str]:
    """Style-sheet font sizes scaled from the system's own font size, remembered on first use
    (the style sheet itself changes ``app.font()`` afterwards)."""
    system = app.property("rj_system_pt")
    if not system:
        system = app.font().pointSizeF()
        app.setProperty("rj_system_pt", system)
    base = max(float(system) if system and system > 0 else MIN_BODY_POINTS, MIN_BODY_POINTS)
    return {
        "font_pt": f"{base:.1f}",
        "font_large_pt": f"{base * 1.12:.1f}",
        "font_heading_pt": f"{base * 1.25:.1f}",
        "font_display_pt": f"{base * 1.5:.1f}",
        "font_title_pt": f"{base * 1.6:.1f}",
        "font_huge_pt": f"{base * 3.8:.1f}",
    }


def current_theme(app: QApplication) -> str:
    return app.property("rj_theme") or DEFAULT_THEME
