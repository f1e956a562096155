"""Insights in words: exact sentences, with their period and n, and silence when data is thin."""

from __future__ import annotations

from datetime import date, timedelta

from trends_support import DECOMPRESSIONS, entry, mention, use

from resilience_journal.domain.insights import insights
from resilience_journal.domain.trend_data import CheckIn, TrendData

START, END = date(2026, 10, 29), date(2026, 11, 25)  # the last 4 weeks
EARLIER = date(2026, 10, 5)  # a Monday in the 4 weeks before


def _month() -> TrendData:
    """11 entries now (6 home visits at 6/7, 5 phone calls at 3) and 10 in the 4 weeks before."""
    home_now = [entry(date(2026, 11, d), s, hour=10) for d, s in ((10, 6), (10, 7), (12, 6), (12, 7), (14, 6), (14, 7))]
    phone_now = [entry(date(2026, 10, 30), 3, kind="Phone call", hour=14 + i % 3) for i in range(5)]
    home_before = [entry(EARLIER, 5, hour=9 + i) for i in range(5)]
    phone_before = [entry(EARLIER, 3, kind="Phone call", hour=14) for _ in range(5)]
    emotions = [mention("Tired")] * 4 + [mention("Calm")] * 2
    return TrendData(
        start=START,
        end=END,
        entries=tuple(phone_now + home_now),
        earlier_entries=tuple(home_before + phone_before),
        decompressions=DECOMPRESSIONS,
        emotions=tuple(emotions),
    )


def test_month_insights_name_numbers_period_and_counts():
    said = {(i.key, i.text) for i in insights(_month())}
    assert said == {
        (
            "overall",
            "Your stress averaged 4.9 from 29 Oct to 25 Nov 2026 (11 entries), "
            "up from 4.0 in the 4 weeks before (10 entries).",
        ),
        (
            "hardest_kind",
            "After home visits, your stress averaged 6.5 (6 entries), the highest of any kind of work "
            "with at least 5 entries from 29 Oct to 25 Nov 2026.",
        ),
        (
            "kind_change",
            "After home visits, your stress averaged 6.5 from 29 Oct to 25 Nov 2026 (6 entries), "
            "up from 5.0 in the 4 weeks before (5 entries).",
        ),
        (
            "strategy",
            "After “Walk”, your stress fell by 3 points (the median over 4 uses, from 29 Oct to 25 Nov 2026).",
        ),
        (
            "strategy",
            "After “Breathing”, your stress fell by 1 point (the median over 3 uses, from 29 Oct to 25 Nov 2026).",
        ),
        ("emotion", "The feeling you named most often from 29 Oct to 25 Nov 2026 was “Tired” (in 4 of 11 entries)."),
    }
    # Not said: phone calls did not change (3.0 both times), Music had only 2 uses, only 4 days
    # had entries (too few for a trend), and only one weekday/time cell has 5 entries.


def test_too_little_data_says_nothing():
    data = TrendData(
        start=START,
        end=END,
        entries=tuple(entry(date(2026, 11, 10 + i), 9) for i in range(4)),
        decompressions=(use(date(2026, 11, 10), "Walk", 8, 2), use(date(2026, 11, 11), "Walk", 8, 2)),
        emotions=(mention("Tired"),) * 2,
        checkins=tuple(CheckIn(date(2026, 11, 10 + i), mood=3) for i in range(4)),
    )
    assert insights(data) == []


def test_filtered_period_speaks_of_that_kind_only():
    data = TrendData(
        start=START,
        end=END,
        activity_kind="Court",
        entries=tuple(entry(date(2026, 11, 2 + i), 8, kind="Court") for i in range(5)),
        earlier_entries=tuple(entry(date(2026, 10, 5 + i), 6, kind="Court") for i in range(5)),
    )
    assert [i.text for i in insights(data)] == [
        "After court, your stress averaged 8.0 from 29 Oct to 25 Nov 2026 (5 entries), "
        "up from 6.0 in the 4 weeks before (5 entries)."
    ]


def test_small_change_is_called_about_the_same():
    data = TrendData(
        start=START,
        end=END,
        entries=tuple(entry(date(2026, 11, 2), s) for s in (5, 5, 5, 5, 6)),  # 5.2
        earlier_entries=tuple(entry(date(2026, 10, 5), 5) for _ in range(5)),  # 5.0
    )
    assert insights(data)[0].text == (
        "Your stress averaged 5.2 from 29 Oct to 25 Nov 2026 (5 entries), "
        "about the same as 5.0 in the 4 weeks before (5 entries)."
    )


def test_rising_trend_gives_its_size_and_basis():
    # One entry every 3 days, each one point higher: a Theil–Sen slope of 1/3 a day.
    data = TrendData(
        start=START, end=END, entries=tuple(entry(START + timedelta(days=3 * i), 1 + i) for i in range(10))
    )
    trend = [i.text for i in insights(data) if i.key == "trend"]
    assert trend == [
        "Your daily stress rose from 29 Oct to 25 Nov 2026, by about 10.0 points a month "
        "(robust trend over 10 days with entries)."
    ]


def test_steady_and_when_insights():
    # Ten Mondays-to-Fridays of alternating 4 and 6: steady; Monday mornings are the hardest.
    days = [date(2026, 11, d) for d in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13)]
    entries = [entry(d, 4 + 2 * (i % 2), hour=14) for i, d in enumerate(days)]
    entries += [entry(date(2026, 11, 2), 8, hour=10), entry(date(2026, 11, 9), 8, hour=10)]
    entries += [entry(date(2026, 11, 16), 8, hour=10), entry(date(2026, 11, 23), 8, hour=10)]
    entries += [entry(date(2026, 11, 23), 7, hour=11)]
    data = TrendData(start=START, end=END, entries=tuple(entries))
    texts = {i.key: i.text for i in insights(data)}
    assert texts["trend"] == (
        "Your daily stress held steady from 29 Oct to 25 Nov 2026: no clear rise or fall (12 days with entries)."
    )
    # Monday 9–12 has 5 entries (mean 7.8); the 2–5 cells have 2 each, so no other cell has 5:
    assert "when" not in texts
    entries += [entry(date(2026, 11, d), 5, hour=15) for d in (4, 11, 18, 25, 4)]  # Wednesday 2–5: five more
    texts = {i.key: i.text for i in insights(TrendData(start=START, end=END, entries=tuple(entries)))}
    assert texts["when"] == (
        "Your stress ran highest on Mondays between 9 am and noon: 7.8 on average (5 entries, from 29 Oct to 25 Nov 2026)."
    )
    # With one kind of work chosen, the sentence says so.
    only = TrendData(start=START, end=END, entries=tuple(entries), activity_kind="Home visit")
    assert {i.key: i.text for i in insights(only)}["when"].startswith(
        "After home visits, your stress ran highest on Mondays between 9 am and noon"
    )


def test_checkin_mood_insight():
    data = TrendData(
        start=START,
        end=END,
        checkins=tuple(CheckIn(date(2026, 11, 1 + i), mood=m) for i, m in enumerate((4, 5, 6, 7, 8))),
    )
    assert [i.text for i in insights(data)] == [
        "On the 5 days you rated your mood from 29 Oct to 25 Nov 2026, it averaged 6.0 out of 10."
    ]


def test_kind_names_read_naturally_inside_a_sentence():
    def said(kind: str) -> str:
        data = TrendData(
            start=START, end=END, activity_kind=kind, entries=tuple(entry(END, 5, kind=kind) for _ in range(5))
        )
        return insights(data)[0].text.split(",")[0]

    assert said("Conference or meeting") == "After conferences and meetings"
    assert said("Other") == "After other work"
    assert said("Strategy discussion") == "After strategy discussion"  # the user's own words, kept
    assert said("CAMHS liaison") == "After CAMHS liaison"
