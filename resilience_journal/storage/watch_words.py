"""The user's own watch list for the confidentiality check (names, places, a school...).

Kept inside the encrypted journal: the list itself is identifying.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal


class WatchWordRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    def words(self) -> list[str]:
        return [r[0] for r in self._j.query("SELECT word FROM watch_word ORDER BY word COLLATE NOCASE")]

    def add(self, word: str) -> None:
        word = " ".join(word.split())
        if word:
            with self._j.transaction() as conn:
                conn.execute("INSERT OR IGNORE INTO watch_word (word) VALUES (?)", (word,))

    def remove(self, word: str) -> None:
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM watch_word WHERE word=?", (word,))
        self._j.checkpoint()

    def replace_all(self, words: Iterable[str]) -> None:
        """Make the list exactly ``words`` (blank lines and repeats ignored)."""
        cleaned = {" ".join(w.split()) for w in words} - {""}
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM watch_word")
            conn.executemany("INSERT INTO watch_word (word) VALUES (?)", [(w,) for w in sorted(cleaned)])
        self._j.checkpoint()
