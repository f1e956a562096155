"""Hand-made trend data for the trends tests: small enough to check every number by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

from resilience_journal.domain.trend_data import DecompressionUse, EmotionTally, StressEntry


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def entry(day: date, stress: int, kind: str = "Home visit", hour: int = 10, minute: int = 0) -> StressEntry:
    return StressEntry(at(day, hour, minute), kind, stress)


def use(day: date, strategy: str, before: int, after: int) -> DecompressionUse:
    return DecompressionUse(day, strategy, before, after)


def mention(emotion: str, kind: str = "Home visit", n: int = 1) -> EmotionTally:
    return EmotionTally(kind, emotion, n)


#: Five days in November with entries: daily means 5, 8, 2, 4 (7-day rolling 5, 6, 5, 3).
ROLLING_ENTRIES = (
    entry(date(2026, 11, 1), 4, hour=9),
    entry(date(2026, 11, 1), 6, hour=15),
    entry(date(2026, 11, 3), 8),
    entry(date(2026, 11, 9), 2),
    entry(date(2026, 11, 10), 4),
)

#: Walk: drops 3, 4, 3, 0 (median 3); Breathing: drops 1, 2, 1 (median 1); Music: 2 uses only.
DECOMPRESSIONS = (
    use(date(2026, 11, 2), "Walk", 7, 4),
    use(date(2026, 11, 3), "Walk", 6, 2),
    use(date(2026, 11, 4), "Walk", 8, 5),
    use(date(2026, 11, 5), "Walk", 5, 5),
    use(date(2026, 11, 2), "Breathing", 6, 5),
    use(date(2026, 11, 3), "Breathing", 7, 5),
    use(date(2026, 11, 4), "Breathing", 5, 4),
    use(date(2026, 11, 6), "Music", 6, 2),
    use(date(2026, 11, 7), "Music", 5, 1),
)
