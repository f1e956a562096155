"""User-editable word lists: activity kinds, decompression strategies, emotion words.

Each list keeps the user's order; words can be hidden (kept for old entries, not offered for new
ones).  A word used in an entry is remembered, so typing a new activity kind adds it to the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal


class VocabularyRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    def words(self, list_name: str, *, include_hidden: bool = False) -> list[str]:
        """The list's words in the user's order."""
        hidden = "" if include_hidden else " AND hidden=0"
        rows = self._j.query(f"SELECT word FROM vocabulary WHERE list=?{hidden} ORDER BY position, word", (list_name,))
        return [r[0] for r in rows]

    def groups(self, list_name: str) -> list[tuple[str, str]]:
        """(word, group) pairs, visible words only, in order."""
        rows = self._j.query(
            "SELECT word, grp FROM vocabulary WHERE list=? AND hidden=0 ORDER BY position, word", (list_name,)
        )
        return [(w, g) for w, g in rows]

    def seed(self, list_name: str, words: Iterable[str | tuple[str, str]]) -> None:
        """Add built-in words (with an optional group) that are not there yet."""
        with self._j.transaction() as conn:
            for w in words:
                word, grp = (w, "") if isinstance(w, str) else w
                self._insert(conn, list_name, word, grp, custom=False)

    def add(self, list_name: str, word: str, group: str = "") -> None:
        """Add the user's own word at the end of the list (or unhide it)."""
        word = word.strip()
        if not word:
            return
        with self._j.transaction() as conn:
            self._insert(conn, list_name, word, group, custom=True)
            conn.execute("UPDATE vocabulary SET hidden=0 WHERE list=? AND word=?", (list_name, word))

    def remember(self, conn, list_name: str, word: str) -> None:
        """Inside a caller's transaction: make sure a word used in an entry is in the list."""
        if word.strip():
            self._insert(conn, list_name, word.strip(), "", custom=True)

    def set_hidden(self, list_name: str, word: str, hidden: bool) -> None:
        with self._j.transaction() as conn:
            conn.execute("UPDATE vocabulary SET hidden=? WHERE list=? AND word=?", (int(hidden), list_name, word))

    def reorder(self, list_name: str, words: list[str]) -> None:
        with self._j.transaction() as conn:
            for i, w in enumerate(words):
                conn.execute("UPDATE vocabulary SET position=? WHERE list=? AND word=?", (i, list_name, w))

    @staticmethod
    def _insert(conn, list_name: str, word: str, grp: str, *, custom: bool) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO vocabulary (list, word, grp, position, custom)"
            " VALUES (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM vocabulary WHERE list=?), ?)",
            (list_name, word, grp, list_name, int(custom)),
        )
