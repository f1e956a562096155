"""Settings that say anything about the person, kept inside the encrypted journal.

Values are JSON.  Only harmless UI state (window size, theme) may live outside, in QSettings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resilience_journal.storage.convert import from_json, to_json

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal


class SettingsRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    def get(self, key: str, default: Any = None) -> Any:
        rows = self._j.query("SELECT value FROM setting WHERE key=?", (key,))
        return from_json(rows[0][0]) if rows else default

    def set(self, key: str, value: Any) -> None:
        with self._j.transaction() as conn:
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, to_json(value)),
            )
