"""Migration 2: the emotion words and decompression strategies a journal starts with.

As a migration (rather than in ``Journal.create``) so journals made before these lists existed
get them too.  Words already present (e.g. typed by the user) keep their place.
"""

from __future__ import annotations

from resilience_journal.domain.decompression import DEFAULT_STRATEGIES, STRATEGY_LIST
from resilience_journal.domain.emotions import EMOTION_LIST, builtin_emotions

NAME = "emotion and strategy vocabularies"


def apply(conn) -> None:
    lists = ((EMOTION_LIST, list(builtin_emotions())), (STRATEGY_LIST, [(s, "") for s in DEFAULT_STRATEGIES]))
    for list_name, words in lists:
        for word, grp in words:
            conn.execute(
                "INSERT OR IGNORE INTO vocabulary (list, word, grp, position, custom) VALUES"
                " (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM vocabulary WHERE list=?), 0)",
                (list_name, word, grp, list_name),
            )
