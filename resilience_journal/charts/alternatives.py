"""The same data as each chart, as text and as a table, for screen readers and for checking.

Pure Python (no matplotlib): the Trends page's "Show as table" and the export's chart
descriptions use these.  Every number here is the number drawn on the chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import fmean

from resilience_journal.domain.periods import describe_range
from resilience_journal.domain.trend_data import CHECKIN_FIELDS, TrendData
from resilience_journal.domain.trends import (
    ROLLING_WINDOWS,
    TIME_BANDS,
    WEEKDAYS,
    by_kind,
    calendar_grid,
    checkin_series,
    daily_means,
    emotion_counts,
    emotions_by_kind,
    instrument_label,
    measure_series,
    rolling_means,
    scale_label,
    strategy_summaries,
    weekday_time_grid,
)


@dataclass(frozen=True)
class ChartTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def f1(x: float | None) -> str:
    """One decimal place, the way every mean on the page is shown."""
    return "–" if x is None else f"{x:.1f}"


def _num(x: float) -> str:
    return f"{x:g}" if float(x).is_integer() else f"{x:.1f}"


def _span(data: TrendData) -> str:
    kind = f" ({data.activity_kind} only)" if data.activity_kind else ""
    return f"{describe_range(data.start, data.end)}{kind}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --- stress over time ---------------------------------------------------------------------


def stress_table(data: TrendData) -> ChartTable:
    days = daily_means(data.entries)
    rolls = [dict(rolling_means(data.entries, w)) for w in ROLLING_WINDOWS]
    rows = tuple((d.day.isoformat(), str(d.n), f1(d.mean), *(f1(r[d.day]) for r in rolls)) for d in days)
    return ChartTable(("Date", "Entries", "Daily mean", *(f"{w}-day mean" for w in ROLLING_WINDOWS)), rows)


def stress_describe(data: TrendData) -> str:
    if not data.entries:
        return f"No entries from {_span(data)}."
    values = [e.stress for e in data.entries]
    days = daily_means(data.entries)
    parts = [
        f"Stress from {_span(data)}: {_entries(len(values))} on "
        f"{_plural(len(days), 'day')}, mean {f1(fmean(values))}, lowest {min(values)}, highest {max(values)}."
    ]
    for w in ROLLING_WINDOWS:
        last_day, last = rolling_means(data.entries, w)[-1]
        parts.append(f"The {w}-day mean on {last_day.strftime('%-d %b')} was {f1(last)}.")
    return " ".join(parts)


# --- by kind ------------------------------------------------------------------------------


def kind_table(data: TrendData) -> ChartTable:
    rows = tuple(
        (k.kind, str(k.n), f1(k.mean), _num(k.median), str(min(k.values)), str(max(k.values)))
        for k in by_kind(data.entries)
    )
    return ChartTable(("Kind of work", "Entries", "Mean", "Median", "Lowest", "Highest"), rows)


def kind_describe(data: TrendData) -> str:
    kinds = by_kind(data.entries)
    if not kinds:
        return f"No entries from {_span(data)}."
    items = "; ".join(f"{k.kind}: mean {f1(k.mean)}, median {_num(k.median)} ({_entries(k.n)})" for k in kinds)
    return f"Stress by kind of work, {_span(data)}. {items}."


def _entries(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"


# --- decompression ------------------------------------------------------------------------


def strategy_table(data: TrendData) -> ChartTable:
    rows = tuple(
        (
            s.strategy,
            str(s.n),
            f1(s.mean_before),
            f1(s.mean_after),
            _num(s.median_drop),
            "yes" if s.ranked else "no — too few uses",
        )
        for s in strategy_summaries(data.decompressions)
    )
    return ChartTable(("Strategy", "Uses", "Average before", "Average after", "Median drop", "Ranked"), rows)


def strategy_describe(data: TrendData) -> str:
    rows = strategy_summaries(data.decompressions)
    if not rows:
        return f"No decompression rated before and after, {_span(data)}."
    ranked = [s for s in rows if s.ranked]
    rest = [s for s in rows if not s.ranked]
    text = f"Decompression, {_span(data)}, stress before and after."
    if ranked:
        text += (
            " Ranked by median drop: "
            + "; ".join(
                f"{s.strategy}: on average {f1(s.mean_before)} to {f1(s.mean_after)}, median drop {_num(s.median_drop)} "
                f"({_plural(s.n, 'use')})"
                for s in ranked
            )
            + "."
        )
    if rest:
        text += " Too few uses to rank: " + "; ".join(f"{s.strategy} ({_plural(s.n, 'use')})" for s in rest) + "."
    return text


# --- emotions -----------------------------------------------------------------------------


def emotion_table(data: TrendData) -> ChartTable:
    return ChartTable(("Feeling", "Entries"), tuple((e, str(n)) for e, n in emotion_counts(data.emotions)))


def emotion_describe(data: TrendData) -> str:
    counts = emotion_counts(data.emotions)
    if not counts:
        return f"No emotions were noted, {_span(data)}."
    top = ", ".join(f"{e} {n}" for e, n in counts[:12])
    return f"Feelings named most often, {_span(data)} (number of entries): {top}."


def emotion_kind_table(data: TrendData) -> ChartTable:
    grid = emotions_by_kind(data.emotions)
    return ChartTable(
        ("Kind of work", *grid.columns),
        tuple((k, *(str(c) for c in row)) for k, row in zip(grid.rows, grid.counts, strict=True)),
    )


def emotion_kind_describe(data: TrendData) -> str:
    grid = emotions_by_kind(data.emotions)
    if not grid.rows:
        return f"No emotions were noted, {_span(data)}."
    parts = []
    for kind, row in zip(grid.rows, grid.counts, strict=True):
        named = [(e, c) for e, c in zip(grid.columns, row, strict=True) if c]
        named.sort(key=lambda ec: -ec[1])
        parts.append(f"{kind}: " + ", ".join(f"{e} {c}" for e, c in named[:4]))
    return f"Most frequent feelings by kind of work, {_span(data)}. " + "; ".join(parts) + "."


# --- calendar and when it hurts -----------------------------------------------------------


def calendar_table(data: TrendData) -> ChartTable:
    grid = calendar_grid(data.entries, data.start, data.end)
    rows = tuple(
        (d.day.isoformat(), WEEKDAYS[d.day.weekday()], f1(d.mean), str(d.n))
        for d in daily_means(data.entries)
        if grid.span_start <= d.day <= grid.span_end
    )
    return ChartTable(("Date", "Day", "Mean stress", "Entries"), rows)


def calendar_describe(data: TrendData) -> str:
    if not data.entries:
        return f"No entries from {_span(data)}."
    grid = calendar_grid(data.entries, data.start, data.end)
    days = [d for d in daily_means(data.entries) if grid.span_start <= d.day <= grid.span_end]
    hi = max(days, key=lambda d: (d.mean, d.day))
    lo = min(days, key=lambda d: (d.mean, d.day))
    return (
        f"Calendar of daily mean stress, {describe_range(grid.span_start, grid.span_end)}: "
        f"{_plural(len(days), 'day')} with entries. Highest {f1(hi.mean)} on {hi.day.strftime('%a %-d %b %Y')}; "
        f"lowest {f1(lo.mean)} on {lo.day.strftime('%a %-d %b %Y')}."
    )


def when_table(data: TrendData) -> ChartTable:
    grid = weekday_time_grid(data.entries)
    rows = tuple(
        (WEEKDAYS[r], TIME_BANDS[c][0], f1(grid.means[r][c]), str(grid.counts[r][c]))
        for r in range(7)
        for c in range(len(TIME_BANDS))
        if grid.counts[r][c]
    )
    return ChartTable(("Day", "Time", "Mean stress", "Entries"), rows)


def when_describe(data: TrendData) -> str:
    cells = when_table(data).rows
    if not cells:
        return f"No entries from {_span(data)}."
    ordered = sorted(cells, key=lambda c: (-float(c[2]), -int(c[3])))
    hi, lo = ordered[0], ordered[-1]
    return (
        f"Mean stress by weekday and time of day, {_span(data)}: highest {hi[2]} on {hi[0]} {hi[1]} "
        f"({_entries(int(hi[3]))}), lowest {lo[2]} on {lo[0]} {lo[1]} ({_entries(int(lo[3]))})."
    )


# --- self-care ----------------------------------------------------------------------------


def checkin_table(data: TrendData) -> ChartTable:
    rows = tuple(
        (c.local_date.isoformat(), *("–" if getattr(c, f) is None else str(getattr(c, f)) for f, _ in CHECKIN_FIELDS))
        for c in sorted(data.checkins, key=lambda c: c.local_date)
    )
    return ChartTable(("Date", *(label for _, label in CHECKIN_FIELDS)), rows)


def checkin_describe(data: TrendData) -> str:
    series = checkin_series(data.checkins)
    if not series:
        return f"No check-ins, {describe_range(data.start, data.end)}."
    labels = dict(CHECKIN_FIELDS)
    means = "; ".join(
        f"{labels[f].lower()} averaged {f1(fmean(v for _, v in pts))} over {_plural(len(pts), 'day')}"
        for f, pts in series.items()
    )
    return f"Daily check-ins, {describe_range(data.start, data.end)}: {means}."


def measure_table(data: TrendData) -> ChartTable:
    rows = tuple(
        (d.isoformat(), instrument_label(i), scale_label(s), _num(round(v, 1)))
        for (i, s), points in measure_series(data.measures).items()
        for d, v in points
    )
    return ChartTable(("Date", "Questionnaire", "Scale", "Score"), tuple(sorted(rows)))


def measure_describe(data: TrendData) -> str:
    series = measure_series(data.measures)
    if not series:
        return f"No questionnaires, {describe_range(data.start, data.end)}."
    parts = []
    for (i, s), points in series.items():
        first, last = points[0], points[-1]
        if len(points) == 1:
            parts.append(
                f"{instrument_label(i)}, {scale_label(s)}: {_num(round(last[1], 1))} on {describe_range(last[0], last[0])}"
            )
        else:
            parts.append(
                f"{instrument_label(i)}, {scale_label(s)}: from {_num(round(first[1], 1))} on "
                f"{describe_range(first[0], first[0])} to {_num(round(last[1], 1))} on "
                f"{describe_range(last[0], last[0])} ({len(points)} times)"
            )
    return f"Questionnaire scores, {describe_range(data.start, data.end)}. " + "; ".join(parts) + "."
