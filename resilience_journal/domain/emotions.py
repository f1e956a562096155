"""Feeling words: our own vocabulary, grouped so it is quick to scan (``resources/emotions.json``)."""

from __future__ import annotations

from functools import cache

from resilience_journal.resource_files import read_json

#: The vocabulary list that holds emotion words (with their group in ``grp``).
EMOTION_LIST = "emotion"
#: Group given to words the user adds themselves.
OWN_WORDS_GROUP = "My own words"


@cache
def builtin_emotions() -> tuple[tuple[str, str], ...]:
    """(word, group) pairs in display order."""
    data = read_json("emotions.json")
    return tuple((word, g["name"]) for g in data["groups"] for word in g["words"])


def group_names() -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for _w, g in builtin_emotions():
        seen.setdefault(g, None)
    return tuple(seen)
