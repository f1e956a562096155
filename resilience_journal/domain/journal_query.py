"""What the Journal page asks for: filters, periods, "on this day", and where search words match."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

#: Days an entry stays in the Trash before it is erased for good.
TRASH_DAYS = 30

#: Period choices for the Journal page: (key, label).
PERIODS = (
    ("all", "Any time"),
    ("7d", "Last 7 days"),
    ("30d", "Last 30 days"),
    ("90d", "Last 3 months"),
    ("year", "Last 12 months"),
)


@dataclass(frozen=True)
class ReflectionFilter:
    """Which entries to show.  Empty or None fields don't filter."""

    start: date | None = None
    end: date | None = None
    activity_kind: str = ""
    emotion: str = ""
    tag: str = ""
    for_supervision: bool = False
    safety_concern: bool = False
    text: str = ""

    def is_empty(self) -> bool:
        return self == ReflectionFilter()


def period_range(key: str, today: date) -> tuple[date | None, date | None]:
    """The first and last day of a period ending today (None, None for "any time")."""
    days = {"7d": 7, "30d": 30, "90d": 91, "year": 365}.get(key)
    if days is None:
        return None, None
    return today - timedelta(days=days - 1), today


def _fold(text: str) -> str:
    """Lower-case without accents, keeping one character per character so offsets still line up."""
    if text.isascii():  # nothing to strip: the common case, and 100x faster (see docs/performance.md)
        return text.lower()
    # One dash or curly quote makes a text non-ASCII; str.translate folds it in C, each distinct
    # character worked out once (a Python loop over every character cost ~10 ms a keystroke).
    return text.translate(_FOLDED)


def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)
    stripped = "".join(c for c in base if not unicodedata.combining(c))
    return stripped[0].lower() if len(stripped) == 1 else ch.lower()[:1] or ch


class _Folding(dict):
    """Code point → its folded character, filled in as characters are first met."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLDED = _Folding()


def search_words(query: str) -> list[str]:
    return re.findall(r"\w+", query, flags=re.UNICODE)


def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the words of ``query`` occur in ``text`` as word prefixes, like the search itself.

    Case and accents are ignored ("cafe" marks "Café"), matching FTS5's unicode61 tokenizer.
    """
    words = [_fold(w) for w in search_words(query)]
    if not words or not text:
        return []
    folded = _fold(text)
    if len(folded) != len(text):  # a character that folds to several; fall back to plain lower
        folded = text.lower() if len(text.lower()) == len(text) else text
    # A word start (\b) followed by the longest query word that fits: one regex pass in C rather
    # than a Python loop over every token (the Journal page runs this for 200 entries a keystroke).
    longest_first = sorted(set(words), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in longest_first) + ")")
    return [(m.start(), m.end()) for m in pattern.finditer(folded)]


def months_ago_words(then: date, today: date) -> str:
    """ "1 month ago", "2 years ago" — for "on this day"."""
    months = (today.year - then.year) * 12 + today.month - then.month
    if months >= 12 and months % 12 == 0:
        years = months // 12
        return "1 year ago" if years == 1 else f"{years} years ago"
    return "1 month ago" if months == 1 else f"{months} months ago"
