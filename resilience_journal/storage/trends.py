"""Reading what the Trends page and the export's charts need, in as few index-only queries as possible.

``load_trend_data`` is the single entry point: a period (and optionally one activity kind) in,
a ``TrendData`` of plain values out.  All computation happens afterwards in ``domain``.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING

from resilience_journal.domain.periods import previous_range
from resilience_journal.domain.trend_data import (
    CheckIn,
    DecompressionUse,
    EmotionTally,
    MeasureScore,
    StressEntry,
    TrendData,
)
from resilience_journal.storage.convert import dt_from_db

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal


def load_trend_data(journal: Journal, start: date, end: date, activity_kind: str | None = None) -> TrendData:
    """Everything the charts and insights need for ``start``..``end`` (inclusive)."""
    if end < start:
        raise ValueError("the period ends before it starts")
    before = previous_range(start, end)
    return TrendData(
        start=start,
        end=end,
        activity_kind=activity_kind,
        entries=tuple(stress_entries(journal, start, end, activity_kind)),
        earlier_entries=tuple(stress_entries(journal, *before, activity_kind)),
        decompressions=tuple(_decompressions(journal, start, end, activity_kind)),
        emotions=tuple(_emotions(journal, start, end, activity_kind)),
        checkins=tuple(_checkins(journal, start, end)),
        measures=tuple(_measures(journal, start, end)),
    )


def stress_entries(journal: Journal, start: date, end: date, activity_kind: str | None = None) -> list[StressEntry]:
    """Reflections (not in the Trash) of the span as (time, kind, stress), oldest first.

    Read half a year at a time: building tens of thousands of rows in one call would hold Python's
    lock long enough to stall the window while this runs on a worker thread.
    """
    out: list[StressEntry] = []
    for lo, hi in _spans(start, end, CHUNK_DAYS):
        sql = (
            "SELECT occurred_at, activity_kind, stress FROM reflection"
            " WHERE local_date BETWEEN ? AND ? AND deleted_at IS NULL"
        )
        params: tuple = (lo.isoformat(), hi.isoformat())
        if activity_kind is not None:
            sql += " AND activity_kind = ?"
            params += (activity_kind,)
        rows = journal.query(sql + " ORDER BY occurred_at, id", params)
        out.extend(StressEntry(dt_from_db(t), k, s) for t, k, s in rows)
    return out


#: Days read per query on long periods (see ``stress_entries``).
CHUNK_DAYS = 183


def _spans(start: date, end: date, days: int) -> list[tuple[date, date]]:
    spans, lo = [], start
    while lo <= end:
        hi = min(end, lo + timedelta(days=days - 1))
        spans.append((lo, hi))
        lo = hi + timedelta(days=1)
    return spans


def first_day(journal: Journal) -> date | None:
    """The earliest day with anything the Trends page shows, or None for an empty journal."""
    rows = journal.query(
        "SELECT min(d) FROM ("
        " SELECT min(local_date) AS d FROM reflection WHERE deleted_at IS NULL"
        " UNION ALL SELECT min(local_date) FROM decompression WHERE deleted_at IS NULL"
        " UNION ALL SELECT min(local_date) FROM checkin"
        " UNION ALL SELECT min(local_date) FROM measure)"
    )
    return date.fromisoformat(rows[0][0]) if rows and rows[0][0] else None


def activity_kinds_used(journal: Journal) -> list[str]:
    """Activity kinds that have at least one entry, in the order of the user's list."""
    rows = journal.query(
        "SELECT k FROM (SELECT DISTINCT activity_kind AS k FROM reflection WHERE deleted_at IS NULL)"
        " LEFT JOIN vocabulary v ON v.list = 'activity_kind' AND v.word = k"
        " ORDER BY coalesce(v.position, 1e9), k"
    )
    return [r[0] for r in rows]


def _decompressions(journal: Journal, start: date, end: date, activity_kind: str | None) -> list[DecompressionUse]:
    # Only uses rated both before and after can say whether a strategy helped.
    sql = (
        "SELECT d.local_date, d.strategy, d.stress_before, d.stress_after FROM decompression d"
        " WHERE d.local_date BETWEEN ? AND ? AND d.deleted_at IS NULL"
        " AND d.stress_before IS NOT NULL AND d.stress_after IS NOT NULL"
    )
    params: tuple = (start.isoformat(), end.isoformat())
    if activity_kind is not None:
        sql += " AND d.reflection_id IN (SELECT id FROM reflection WHERE activity_kind = ? AND deleted_at IS NULL)"
        params += (activity_kind,)
    # In the index's order (by day): no sort step, and every column comes from the index.
    days = _DayCache()
    out: list[DecompressionUse] = []
    for lo, hi in _spans(start, end, CHUNK_DAYS):
        rows = journal.query(sql, (lo.isoformat(), hi.isoformat(), *params[2:]))
        out.extend(DecompressionUse(days(d), s, b, a) for d, s, b, a in rows)
    return out


def _emotions(journal: Journal, start: date, end: date, activity_kind: str | None) -> list[EmotionTally]:
    # Counted in SQL: ten years hold tens of thousands of mentions but only a few hundred tallies.
    sql = (
        "SELECT r.activity_kind, e.emotion, count(*) FROM reflection r"
        " JOIN reflection_emotion e ON e.reflection_id = r.id"
        " WHERE r.local_date BETWEEN ? AND ? AND r.deleted_at IS NULL"
    )
    params: tuple = (start.isoformat(), end.isoformat())
    if activity_kind is not None:
        sql += " AND r.activity_kind = ?"
        params += (activity_kind,)
    rows = journal.query(sql + " GROUP BY r.activity_kind, e.emotion ORDER BY r.activity_kind, e.emotion", params)
    return [EmotionTally(k, e, n) for k, e, n in rows]


class _DayCache:
    """Parses each ISO date once: a long period repeats the same few thousand days many times."""

    def __init__(self) -> None:
        self._seen: dict[str, date] = {}

    def __call__(self, text: str) -> date:
        day = self._seen.get(text)
        if day is None:
            day = self._seen[text] = date.fromisoformat(text)
        return day


def _checkins(journal: Journal, start: date, end: date) -> list[CheckIn]:
    rows = journal.query(
        "SELECT local_date, mood, energy, sleep_quality, workload FROM checkin"
        " WHERE local_date BETWEEN ? AND ? ORDER BY local_date",
        (start.isoformat(), end.isoformat()),
    )
    return [CheckIn(date.fromisoformat(d), m, e, s, w) for d, m, e, s, w in rows]


def _measures(journal: Journal, start: date, end: date) -> list[MeasureScore]:
    rows = journal.query(
        "SELECT local_date, instrument, scores FROM measure WHERE local_date BETWEEN ? AND ? ORDER BY local_date, id",
        (start.isoformat(), end.isoformat()),
    )
    out: list[MeasureScore] = []
    for d, instrument, scores in rows:
        try:
            parsed = json.loads(scores)
        except ValueError:
            continue  # a damaged row must not take the whole page down
        if not isinstance(parsed, dict):
            continue
        for scale, score in parsed.items():
            if isinstance(score, int | float) and not isinstance(score, bool):
                out.append(MeasureScore(date.fromisoformat(d), instrument, scale, float(score)))
    return out
