"""Harmless UI state (appearance, idle timeout, window geometry) kept in an INI file.

Nothing personal or from the journal goes here: the file is plaintext.  Anything that says
something about the person lives in the journal's own ``setting`` table.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from resilience_journal.domain.autolock import DEFAULT_IDLE_MINUTES
from resilience_journal.ui.theme import DEFAULT_THEME

#: The INI file's name, inside the data folder.
FILE_NAME = "ui-settings.ini"


class UiSettings:
    def __init__(self, folder: Path) -> None:
        self._s = QSettings(str(folder / FILE_NAME), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return Path(self._s.fileName())

    def _get(self, key: str, default, kind):
        value = self._s.value(key, default)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def idle_minutes(self) -> int:
        return self._get("lock/idle_minutes", DEFAULT_IDLE_MINUTES, int)

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._s.setValue("lock/idle_minutes", int(value))

    @property
    def lock_on_minimise(self) -> bool:
        return str(self._s.value("lock/on_minimise", "false")).lower() == "true"

    @lock_on_minimise.setter
    def lock_on_minimise(self, value: bool) -> None:
        self._s.setValue("lock/on_minimise", "true" if value else "false")

    @property
    def theme(self) -> str:
        return self._get("appearance/theme", DEFAULT_THEME, str)

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("appearance/theme", value)

    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    def sync(self) -> None:
        self._s.sync()
