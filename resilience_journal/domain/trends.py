"""Aggregations behind the Trends page: pure functions from entries to the numbers drawn.

Every number on the page comes from one of these, so each can be checked by hand against the
entries it came from.  Means are plain arithmetic means; "median drop" is the median of the
per-use differences (before minus after), not the difference of two medians.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, median

from resilience_journal.domain.robust_trend import Trend, robust_trend
from resilience_journal.domain.trend_data import (
    CHECKIN_FIELDS,
    CheckIn,
    DecompressionUse,
    EmotionTally,
    MeasureScore,
    StressEntry,
)

#: A strategy needs at least this many uses before it is ranked against others.
MIN_USES_TO_RANK = 3
#: Rolling means drawn on the stress chart, in days.
ROLLING_WINDOWS = (7, 28)
#: Time-of-day bands for "when it hurts": (label, first hour, hour after the last).
TIME_BANDS: tuple[tuple[str, int, int], ...] = (
    ("Before 9", 0, 9),
    ("9–12", 9, 12),
    ("12–2", 12, 14),
    ("2–5", 14, 17),
    ("After 5", 17, 24),
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: The calendar heat map never shows more than this many weeks (a year view).
CALENDAR_MAX_WEEKS = 53
#: Above this many daily points, the trend test runs on weekly means, and above this many weeks
#: on monthly means (Theil–Sen compares every pair of points, so this keeps it quick and robust).
TREND_DAILY_LIMIT = 370
TREND_WEEKLY_LIMIT = 260


@dataclass(frozen=True)
class DayMean:
    day: date
    mean: float
    n: int


def daily_means(entries: Iterable[StressEntry]) -> list[DayMean]:
    """Mean stress of each day that has entries, oldest first."""
    sums: dict[date, int] = defaultdict(int)
    counts: dict[date, int] = defaultdict(int)
    for e in entries:
        day = e.local_date
        sums[day] += e.stress
        counts[day] += 1
    return [DayMean(d, sums[d] / counts[d], counts[d]) for d in sorted(sums)]


def rolling_means(entries: Iterable[StressEntry], window_days: int) -> list[tuple[date, float]]:
    """For each day with entries, the mean of every entry in the ``window_days`` ending that day.

    The window is in calendar days, so quiet days shorten the evidence rather than stretch
    the window; each entry counts once (a busy day weighs more than a quiet one).
    """
    return _rolling(daily_means(entries), window_days)


def rolling_values(points: Iterable[tuple[date, float]], window_days: int) -> list[tuple[date, float]]:
    """The same rolling mean for one value per day (e.g. a check-in measure)."""
    return _rolling([DayMean(d, float(v), 1) for d, v in sorted(points)], window_days)


def _rolling(days: list[DayMean], window_days: int) -> list[tuple[date, float]]:
    out: list[tuple[date, float]] = []
    total, count, first = 0.0, 0, 0
    for d in days:
        total += d.mean * d.n
        count += d.n
        while days[first].day <= d.day - timedelta(days=window_days):
            total -= days[first].mean * days[first].n
            count -= days[first].n
            first += 1
        out.append((d.day, total / count))
    return out


@dataclass(frozen=True)
class KindSummary:
    kind: str
    n: int
    mean: float
    median: float
    values: tuple[int, ...]


def by_kind(entries: Iterable[StressEntry]) -> list[KindSummary]:
    """Stress per activity kind, most frequent kind first (ties by name)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for e in entries:
        groups[e.activity_kind].append(e.stress)
    out = [KindSummary(k, len(v), fmean(v), median(v), tuple(v)) for k, v in groups.items()]
    return sorted(out, key=lambda s: (-s.n, s.kind))


@dataclass(frozen=True)
class StrategySummary:
    strategy: str
    n: int
    median_before: float
    median_after: float
    median_drop: float
    mean_before: float
    mean_after: float
    mean_drop: float
    ranked: bool  # False when used fewer than MIN_USES_TO_RANK times


def strategy_summaries(uses: Iterable[DecompressionUse]) -> list[StrategySummary]:
    """Before → after per strategy: ranked ones first (largest median drop first), then the rest."""
    groups: dict[str, list[DecompressionUse]] = defaultdict(list)
    for u in uses:
        groups[u.strategy].append(u)
    out = [
        StrategySummary(
            strategy=s,
            n=len(g),
            median_before=median(u.stress_before for u in g),
            median_after=median(u.stress_after for u in g),
            median_drop=median(u.drop for u in g),
            mean_before=fmean(u.stress_before for u in g),
            mean_after=fmean(u.stress_after for u in g),
            mean_drop=fmean(u.drop for u in g),
            ranked=len(g) >= MIN_USES_TO_RANK,
        )
        for s, g in groups.items()
    ]
    ranked = sorted((s for s in out if s.ranked), key=lambda s: (-s.median_drop, -s.n, s.strategy))
    unranked = sorted((s for s in out if not s.ranked), key=lambda s: (-s.n, s.strategy))
    return ranked + unranked


def emotion_counts(tallies: Iterable[EmotionTally]) -> list[tuple[str, int]]:
    """How often each emotion was named, most frequent first (ties alphabetical)."""
    counts: Counter[str] = Counter()
    for t in tallies:
        counts[t.emotion] += t.n
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))


@dataclass(frozen=True)
class CountGrid:
    """Counts in rows × columns, e.g. activity kinds × emotions."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]


def emotions_by_kind(tallies: Sequence[EmotionTally], top: int = 8) -> CountGrid:
    """The ``top`` most frequent emotions, counted per activity kind (kinds by total, descending)."""
    columns = tuple(e for e, _ in emotion_counts(tallies)[:top])
    per_kind: dict[str, Counter] = defaultdict(Counter)
    for t in tallies:
        per_kind[t.activity_kind][t.emotion] += t.n
    kinds = sorted(per_kind, key=lambda k: (-sum(per_kind[k].values()), k))
    counts = tuple(tuple(per_kind[k][e] for e in columns) for k in kinds)
    return CountGrid(tuple(kinds), columns, counts)


@dataclass(frozen=True)
class MeanGrid:
    """Mean stress (None where there is nothing) and counts in rows × columns."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    means: tuple[tuple[float | None, ...], ...]
    counts: tuple[tuple[int, ...], ...]


def time_band(hour: int) -> int:
    """Index into ``TIME_BANDS`` of the band containing ``hour``."""
    return _BAND_OF_HOUR[hour]


_BAND_OF_HOUR = tuple(next(i for i, (_, lo, hi) in enumerate(TIME_BANDS) if lo <= h < hi) for h in range(24))


def weekday_time_grid(entries: Iterable[StressEntry]) -> MeanGrid:
    """Mean stress by weekday (rows, Monday first) and time of day (columns)."""
    sums = [[0] * len(TIME_BANDS) for _ in WEEKDAYS]
    counts = [[0] * len(TIME_BANDS) for _ in WEEKDAYS]
    for e in entries:
        when = e.occurred_at
        r, c = when.weekday(), _BAND_OF_HOUR[when.hour]
        sums[r][c] += e.stress
        counts[r][c] += 1
    means = tuple(
        tuple(sums[r][c] / counts[r][c] if counts[r][c] else None for c in range(len(TIME_BANDS)))
        for r in range(len(WEEKDAYS))
    )
    return MeanGrid(WEEKDAYS, tuple(b[0] for b in TIME_BANDS), means, tuple(tuple(r) for r in counts))


@dataclass(frozen=True)
class CalendarGrid:
    """Daily mean stress laid out as weekday rows × week columns (a calendar heat map)."""

    first_monday: date
    span_start: date
    span_end: date
    means: tuple[tuple[float | None, ...], ...]  # [weekday][week]

    @property
    def weeks(self) -> int:
        return len(self.means[0]) if self.means else 0

    def day_at(self, weekday: int, week: int) -> date:
        return self.first_monday + timedelta(days=7 * week + weekday)


def calendar_grid(entries: Iterable[StressEntry], start: date, end: date) -> CalendarGrid:
    """Daily means from ``start`` to ``end``, or over the last year when the span is longer."""
    earliest_monday = end - timedelta(days=end.weekday() + 7 * (CALENDAR_MAX_WEEKS - 1))
    span_start = max(start, earliest_monday)
    first_monday = span_start - timedelta(days=span_start.weekday())
    weeks = (end - first_monday).days // 7 + 1
    means = [[None] * weeks for _ in range(7)]
    for d in daily_means(e for e in entries if span_start <= e.local_date <= end):
        offset = (d.day - first_monday).days
        means[offset % 7][offset // 7] = d.mean
    return CalendarGrid(first_monday, span_start, end, tuple(tuple(r) for r in means))


def trend_unit(entries: Sequence[StressEntry]) -> str:
    """What the points of ``stress_trend`` are: "days with entries", "weeks" or "months"."""
    days = len({e.local_date for e in entries})
    if days <= TREND_DAILY_LIMIT:
        return "days with entries"
    weeks = len({e.local_date - timedelta(days=e.local_date.weekday()) for e in entries})
    return "weeks" if weeks <= TREND_WEEKLY_LIMIT else "months"


def stress_trend(entries: Sequence[StressEntry]) -> Trend | None:
    """The robust trend of daily mean stress (weekly or monthly means on long spans).

    None with too little data.  Each point is the mean of the daily means in it, so a busy day
    counts once, like a quiet one.
    """
    days = daily_means(entries)
    unit = trend_unit(entries)
    if unit == "days with entries":
        points = [(d.day, d.mean) for d in days]
    else:
        groups: dict[date, list[float]] = defaultdict(list)
        for d in days:
            key = d.day - timedelta(days=d.day.weekday()) if unit == "weeks" else d.day.replace(day=1)
            groups[key].append(d.mean)
        points = [(k, fmean(v)) for k, v in sorted(groups.items())]
    if not points:
        return None
    origin = points[0][0]
    return robust_trend([(d - origin).days for d, _ in points], [v for _, v in points])


def checkin_series(checkins: Iterable[CheckIn]) -> dict[str, list[tuple[date, int]]]:
    """Each check-in measure over time (only the days it was rated), keyed by field name."""
    rows = sorted(checkins, key=lambda c: c.local_date)
    out: dict[str, list[tuple[date, int]]] = {}
    for field, _label in CHECKIN_FIELDS:
        series = [(c.local_date, getattr(c, field)) for c in rows if getattr(c, field) is not None]
        if series:
            out[field] = series
    return out


def measure_series(measures: Iterable[MeasureScore]) -> dict[tuple[str, str], list[tuple[date, float]]]:
    """Each questionnaire scale's scores over time, keyed by (instrument, scale)."""
    out: dict[tuple[str, str], list[tuple[date, float]]] = defaultdict(list)
    for m in sorted(measures, key=lambda m: (m.instrument, m.scale, m.local_date)):
        out[(m.instrument, m.scale)].append((m.local_date, m.score))
    return dict(out)


def mean_stress(entries: Sequence[StressEntry]) -> float | None:
    return fmean(e.stress for e in entries) if entries else None


#: Readable names of the questionnaires the self-care pages record (others show their id).
INSTRUMENT_NAMES = {"cbi": "Copenhagen Burnout Inventory", "proqol5": "ProQOL 5"}
#: Readable names of their scales.
SCALE_NAMES = {
    "personal": "Personal burnout",
    "work": "Work-related burnout",
    "client": "Client-related burnout",
    "compassion_satisfaction": "Compassion satisfaction",
    "burnout": "Burnout",
    "secondary_traumatic_stress": "Secondary traumatic stress",
}


def instrument_label(instrument: str) -> str:
    return INSTRUMENT_NAMES.get(instrument, instrument)


def scale_label(scale: str) -> str:
    return SCALE_NAMES.get(scale, scale.replace("_", " ").capitalize())
