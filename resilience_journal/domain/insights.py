"""Insights in words: short, honest sentences about a period, each naming its span and its n.

An insight is only said when there is enough behind it (``MIN_ENTRIES`` entries for a mean,
``MIN_USES_TO_RANK`` uses for a strategy, ``robust_trend.MIN_TREND_POINTS`` points for a trend).  With too
little data the list is simply shorter — possibly empty — rather than guessing.  Changes smaller
than ``MIN_CHANGE`` are called "about the same", not up or down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean

from resilience_journal.domain.periods import describe_length, describe_range, previous_range
from resilience_journal.domain.trend_data import StressEntry, TrendData
from resilience_journal.domain.trends import (
    TIME_BANDS,
    by_kind,
    emotion_counts,
    strategy_summaries,
    stress_trend,
    trend_unit,
    weekday_time_grid,
)

#: Fewest entries behind any mean an insight states.
MIN_ENTRIES = 5
#: Smallest difference between two means that is called a rise or a fall.
MIN_CHANGE = 0.5
#: Fewest times an emotion must be named before it is called the most frequent.
MIN_EMOTION_COUNT = 3
#: Most kinds of work whose change is reported.
MAX_KIND_CHANGES = 2

_WEEKDAY_PLURALS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")
_BAND_WORDS = ("before 9 am", "between 9 am and noon", "between noon and 2 pm", "between 2 and 5 pm", "after 5 pm")
assert len(_BAND_WORDS) == len(TIME_BANDS)


@dataclass(frozen=True)
class Insight:
    key: str  # what kind of insight, stable for tests and for choosing what to share
    text: str


def insights(data: TrendData) -> list[Insight]:
    """Everything worth saying about ``data``, most general first."""
    out: list[Insight] = []
    for make in (_overall, _kinds, _strategies, _trend, _emotion, _when, _checkins):
        out.extend(make(data))
    return out


def _n_entries(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"


def _change(now: float, before: float) -> str:
    diff = now - before
    if diff >= MIN_CHANGE:
        return "up from"
    if diff <= -MIN_CHANGE:
        return "down from"
    return "about the same as"


def _who(kind: str | None) -> str:
    """'After home visits, your stress' / 'Your stress'."""
    return f"After {_kind_phrase(kind)}, your stress" if kind else "Your stress"


#: How the built-in activity kinds read inside a sentence ("After home visits, ...").
_KIND_PHRASES = {
    "Home visit": "home visits",
    "Office visit": "office visits",
    "Phone call": "phone calls",
    "Court": "court",
    "Conference or meeting": "conferences and meetings",
    "Duty": "duty",
    "Other": "other work",
}


def _kind_phrase(kind: str) -> str:
    """An activity kind inside a sentence; the user's own kinds keep their words (first letter lowered)."""
    if kind in _KIND_PHRASES:
        return _KIND_PHRASES[kind]
    return kind[0].lower() + kind[1:] if kind[:1].isupper() and not kind[:2].isupper() else kind


def _compare_sentence(
    kind: str | None, now: Sequence[StressEntry], before: Sequence[StressEntry], data: TrendData
) -> str:
    span = describe_range(data.start, data.end)
    mean_now = fmean(e.stress for e in now)
    text = f"{_who(kind)} averaged {mean_now:.1f} from {span} ({_n_entries(len(now))})"
    if len(before) >= MIN_ENTRIES:
        mean_before = fmean(e.stress for e in before)
        length = describe_length(*previous_range(data.start, data.end))
        text += (
            f", {_change(mean_now, mean_before)} {mean_before:.1f} in the {length} before ({_n_entries(len(before))})"
        )
    return text + "."


def _overall(data: TrendData) -> list[Insight]:
    if len(data.entries) < MIN_ENTRIES:
        return []
    return [Insight("overall", _compare_sentence(data.activity_kind, data.entries, data.earlier_entries, data))]


def _kinds(data: TrendData) -> list[Insight]:
    if data.activity_kind is not None:
        return []  # the overall sentence already speaks of the one kind
    out: list[Insight] = []
    kinds = [k for k in by_kind(data.entries) if k.n >= MIN_ENTRIES]
    if len(kinds) >= 2:
        top = max(kinds, key=lambda k: (k.mean, k.n))
        out.append(
            Insight(
                "hardest_kind",
                f"{_who(top.kind)} averaged {top.mean:.1f} ({_n_entries(top.n)}), the highest of any kind of work "
                f"with at least {MIN_ENTRIES} entries from {describe_range(data.start, data.end)}.",
            )
        )
    changes = []
    now_by_kind, before_by_kind = _group(data.entries), _group(data.earlier_entries)
    for k in kinds:
        now, before = now_by_kind[k.kind], before_by_kind.get(k.kind, [])
        if len(before) >= MIN_ENTRIES:
            diff = fmean(e.stress for e in now) - fmean(e.stress for e in before)
            if abs(diff) >= MIN_CHANGE:
                changes.append((abs(diff), k.kind, now, before))
    changes.sort(key=lambda c: (-c[0], c[1]))
    for _, kind, now, before in changes[:MAX_KIND_CHANGES]:
        out.append(Insight("kind_change", _compare_sentence(kind, now, before, data)))
    return out


def _group(entries: Sequence[StressEntry]) -> dict[str, list[StressEntry]]:
    out: dict[str, list[StressEntry]] = {}
    for e in entries:
        out.setdefault(e.activity_kind, []).append(e)
    return out


def _strategies(data: TrendData) -> list[Insight]:
    helpful = [s for s in strategy_summaries(data.decompressions) if s.ranked and s.median_drop > 0]
    span = describe_range(data.start, data.end)
    out = []
    for s in helpful[:2]:
        points = "point" if s.median_drop == 1 else "points"
        drop = f"{s.median_drop:g}" if float(s.median_drop).is_integer() else f"{s.median_drop:.1f}"
        out.append(
            Insight(
                "strategy",
                # The strategy in the user's own words, whatever their grammar ("Walk", "Talked
                # to a colleague"), so it is quoted rather than made the subject of the sentence.
                f"After “{s.strategy}”, your stress fell by {drop} {points} (the median over {s.n} uses, from {span}).",
            )
        )
    return out


def _trend(data: TrendData) -> list[Insight]:
    trend = stress_trend(data.entries)
    if trend is None:
        return []
    span = describe_range(data.start, data.end)
    basis = f"{trend.n} {trend_unit(data.entries)}"
    who = f"After {_kind_phrase(data.activity_kind)}, your" if data.activity_kind else "Your"
    if trend.direction == "steady":
        return [Insight("trend", f"{who} daily stress held steady from {span}: no clear rise or fall ({basis}).")]
    verb = "rose" if trend.direction == "rising" else "fell"
    per_month = trend.slope_per_day * 30
    return [
        Insight(
            "trend",
            f"{who} daily stress {verb} from {span}, by about {abs(per_month):.1f} points a month "
            f"(robust trend over {basis}).",
        )
    ]


def _emotion(data: TrendData) -> list[Insight]:
    counts = emotion_counts(data.emotions)
    if not counts or counts[0][1] < MIN_EMOTION_COUNT:
        return []
    emotion, n = counts[0]
    if len(counts) > 1 and counts[1][1] == n:
        return []  # a tie has no "most often"
    return [
        Insight(
            "emotion",
            f"The feeling you named most often from {describe_range(data.start, data.end)} was “{emotion}” "
            f"(in {n} of {_n_entries(len(data.entries))}).",
        )
    ]


def _when(data: TrendData) -> list[Insight]:
    grid = weekday_time_grid(data.entries)
    cells = [
        (grid.means[r][c], grid.counts[r][c], r, c)
        for r in range(len(grid.rows))
        for c in range(len(grid.columns))
        if grid.counts[r][c] >= MIN_ENTRIES
    ]
    if len(cells) < 2:
        return []
    cells.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    mean, n, r, c = cells[0]
    if mean - cells[-1][0] < MIN_CHANGE:
        return []  # no time stands out
    return [
        Insight(
            "when",
            f"{_who(data.activity_kind)} ran highest on {_WEEKDAY_PLURALS[r]} {_BAND_WORDS[c]}: {mean:.1f} on average "
            f"({_n_entries(n)}, from {describe_range(data.start, data.end)}).",
        )
    ]


def _checkins(data: TrendData) -> list[Insight]:
    moods = [c.mood for c in data.checkins if c.mood is not None]
    if len(moods) < MIN_ENTRIES:
        return []
    return [
        Insight(
            "checkins",
            f"On the {len(moods)} days you rated your mood from {describe_range(data.start, data.end)}, "
            f"it averaged {fmean(moods):.1f} out of 10.",
        )
    ]
