"""Aggregations behind the Trends page, checked against numbers worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest
from trends_support import DECOMPRESSIONS, ROLLING_ENTRIES, entry, mention

from resilience_journal.domain.periods import describe_length, describe_range, period_range, previous_range
from resilience_journal.domain.robust_trend import mann_kendall, robust_trend, theil_sen_slope
from resilience_journal.domain.trends import (
    by_kind,
    calendar_grid,
    daily_means,
    emotion_counts,
    emotions_by_kind,
    rolling_means,
    strategy_summaries,
    stress_trend,
    weekday_time_grid,
)


def test_daily_means_average_each_day():
    days = daily_means(ROLLING_ENTRIES)
    assert [(d.day.day, d.mean, d.n) for d in days] == [(1, 5.0, 2), (3, 8.0, 1), (9, 2.0, 1), (10, 4.0, 1)]


def test_seven_day_rolling_mean_uses_calendar_days_and_counts_each_entry():
    # 1 Nov: (4+6)/2; 3 Nov: (4+6+8)/3; 9 Nov: 3-9 Nov = (8+2)/2; 10 Nov: 4-10 Nov = (2+4)/2.
    assert rolling_means(ROLLING_ENTRIES, 7) == [
        (date(2026, 11, 1), 5.0),
        (date(2026, 11, 3), 6.0),
        (date(2026, 11, 9), 5.0),
        (date(2026, 11, 10), 3.0),
    ]


def test_twenty_eight_day_rolling_mean():
    assert [v for _, v in rolling_means(ROLLING_ENTRIES, 28)] == [5.0, 6.0, 5.0, 4.8]


def test_by_kind_counts_and_medians():
    entries = [entry(date(2026, 11, 2), s) for s in (6, 8, 7, 3)] + [
        entry(date(2026, 11, 2), s, kind="Court") for s in (9, 7)
    ]
    kinds = by_kind(entries)
    assert [(k.kind, k.n, k.mean, k.median) for k in kinds] == [("Home visit", 4, 6.0, 6.5), ("Court", 2, 8.0, 8.0)]


def test_strategy_summaries_rank_by_median_drop_and_list_rare_ones_last():
    rows = strategy_summaries(DECOMPRESSIONS)
    assert [(s.strategy, s.n, s.median_before, s.median_after, s.median_drop, s.ranked) for s in rows] == [
        ("Walk", 4, 6.5, 4.5, 3.0, True),
        ("Breathing", 3, 6, 5, 1, True),
        ("Music", 2, 5.5, 1.5, 4.0, False),  # the biggest drop, but only 2 uses: not ranked
    ]
    assert (rows[0].mean_before, rows[0].mean_after, rows[0].mean_drop) == (6.5, 4.0, 2.5)


def test_emotion_counts_most_frequent_first_ties_alphabetical():
    mentions = [mention(e) for e in ("Tired", "calm", "Tired", "Anxious", "Calm")]
    assert emotion_counts(mentions) == [("Tired", 2), ("Anxious", 1), ("Calm", 1), ("calm", 1)]


def test_emotions_by_kind_grid():
    mentions = [mention("Tired"), mention("Tired"), mention("Sad"), mention("Tired", kind="Court")]
    grid = emotions_by_kind(mentions)
    assert grid.rows == ("Home visit", "Court")
    assert grid.columns == ("Tired", "Sad")
    assert grid.counts == ((2, 1), (1, 0))


def test_weekday_time_grid_means_and_counts():
    tuesday = date(2026, 11, 10)
    entries = [entry(tuesday, 6, hour=10), entry(tuesday, 8, hour=11, minute=59), entry(tuesday, 2, hour=17)]
    grid = weekday_time_grid(entries)
    assert grid.columns == ("Before 9", "9–12", "12–2", "2–5", "After 5")
    assert grid.means[1][1] == 7.0 and grid.counts[1][1] == 2
    assert grid.means[1][4] == 2.0 and grid.counts[1][4] == 1
    assert grid.means[0][1] is None and grid.counts[0][1] == 0


def test_calendar_grid_places_days_under_their_weekday():
    grid = calendar_grid(ROLLING_ENTRIES, date(2026, 11, 1), date(2026, 11, 10))
    assert grid.first_monday == date(2026, 10, 26)
    assert grid.weeks == 3
    assert grid.means[6][0] == 5.0  # Sunday 1 Nov
    assert grid.means[1][1] == 8.0  # Tuesday 3 Nov
    assert grid.means[0][2] == 2.0 and grid.means[1][2] == 4.0  # Mon 9, Tue 10 Nov
    assert grid.means[2][1] is None


def test_calendar_grid_is_at_most_a_year_wide():
    grid = calendar_grid(
        [entry(date(2020, 1, 6), 5), entry(date(2026, 11, 10), 6)], date(2020, 1, 1), date(2026, 11, 25)
    )
    assert grid.weeks == 53
    assert grid.span_start == date(2025, 11, 24)  # the Monday 52 weeks before Monday 23 Nov 2026
    assert grid.means[1][grid.weeks - 3] == 6.0


def test_mann_kendall_on_a_strict_rise():
    s, p = mann_kendall(list(range(1, 11)))
    assert s == 45  # every one of the 10·9/2 pairs rises
    assert p == pytest.approx(8.3e-5, rel=0.02)  # z = 44/√125


def test_theil_sen_ignores_one_wild_point():
    xs = list(range(10))
    ys = [2 * x for x in xs]
    ys[4] = 100
    assert theil_sen_slope(xs, ys) == 2.0


def test_robust_trend_directions_and_too_little_data():
    xs = list(range(12))
    assert robust_trend(xs, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).direction == "rising"
    assert robust_trend(xs, list(reversed(range(12)))).direction == "falling"
    flat = robust_trend(xs, [5, 6] * 6)
    assert flat.direction == "steady"
    assert robust_trend(xs[:9], list(range(9))) is None  # 9 points: too few to say anything


def test_stress_trend_uses_daily_means():
    entries = [entry(date(2026, 11, 1 + 3 * i), 1 + i) for i in range(10)]
    trend = stress_trend(entries)
    assert trend.direction == "rising"
    assert trend.slope_per_day == pytest.approx(1 / 3)
    assert trend.n == 10


def test_periods():
    today = date(2026, 11, 25)
    assert period_range("4w", today, None) == (date(2026, 10, 29), today)
    assert period_range("12m", today, None) == (date(2025, 11, 26), today)
    assert period_range("all", today, date(2019, 3, 4)) == (date(2019, 3, 4), today)
    assert period_range("all", today, None) == (today, today)
    assert previous_range(date(2026, 10, 29), today) == (date(2026, 10, 1), date(2026, 10, 28))
    assert describe_range(date(2026, 10, 29), today) == "29 Oct to 25 Nov 2026"
    assert describe_range(date(2025, 12, 30), date(2026, 1, 2)) == "30 Dec 2025 to 2 Jan 2026"
    assert describe_length(date(2026, 10, 29), today) == "4 weeks"
    with pytest.raises(ValueError):
        period_range("custom", today, None)
