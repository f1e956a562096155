"""Migration 2: the emotion words and decompression strategies a journal starts with, and an
index for the Journal page's newest-first list.

As a migration (rather than in ``Journal.create``) so journals made before these lists existed
get them too.  Words already present (e.g. typed by the user) keep their place.
"""

from __future__ import annotations

from resilience_journal.domain.decompression import DEFAULT_STRATEGIES, STRATEGY_LIST
from resilience_journal.domain.emotions import EMOTION_LIST, builtin_emotions

NAME = "emotion and strategy vocabularies; newest-first index"

#: The Journal page lists entries newest first; without this index every refresh decrypts and
#: sorts the whole table (55 ms on a ten-year journal, 14 ms with it; see bench/journal_queries.py).
NEWEST_FIRST_INDEX = (
    "CREATE INDEX IF NOT EXISTS reflection_newest ON reflection(local_date, occurred_at, id) WHERE deleted_at IS NULL"
)


def apply(conn) -> None:
    conn.execute(NEWEST_FIRST_INDEX)
    lists = ((EMOTION_LIST, list(builtin_emotions())), (STRATEGY_LIST, [(s, "") for s in DEFAULT_STRATEGIES]))
    for list_name, words in lists:
        for word, grp in words:
            conn.execute(
                "INSERT OR IGNORE INTO vocabulary (list, word, grp, position, custom) VALUES"
                " (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM vocabulary WHERE list=?), 0)",
                (list_name, word, grp, list_name),
            )
