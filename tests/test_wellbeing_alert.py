"""When stress stays high: the rule, its thresholds, and a dismissal that only lasts while it should."""

from __future__ import annotations

from datetime import date, timedelta

from trends_support import entry

from resilience_journal.domain.wellbeing_alert import THRESHOLDS, check, should_show

TODAY = date(2026, 11, 25)


def test_a_28_day_mean_of_7_or_more_triggers():
    entries = [entry(TODAY - timedelta(days=i), s) for i, s in enumerate((7, 8, 6, 7, 7))]  # mean 7.0, n 5
    alert = check(entries, TODAY)
    assert alert is not None and alert.rule == "mean"
    assert (alert.n, alert.mean) == (5, 7.0)
    assert alert.window_start == date(2026, 10, 29)


def test_just_under_the_mean_does_not_trigger():
    entries = [entry(TODAY - timedelta(days=i), s) for i, s in enumerate((7, 8, 6, 7, 6))]  # mean 6.8
    assert check(entries, TODAY) is None


def test_a_high_mean_needs_enough_entries():
    assert check([entry(TODAY, 9), entry(TODAY, 9), entry(TODAY, 9), entry(TODAY, 9)], TODAY) is None


def test_five_in_a_row_at_8_or_more_triggers_even_with_a_lower_mean():
    older = [entry(TODAY - timedelta(days=20 - i), 2) for i in range(10)]
    latest = [entry(TODAY - timedelta(days=4 - i), 8) for i in range(5)]
    alert = check(older + latest, TODAY)
    assert alert is not None and alert.rule == "run" and alert.run == 5
    assert alert.mean < THRESHOLDS.mean_at_least


def test_a_run_broken_by_a_calmer_entry_does_not_trigger():
    older = [entry(TODAY - timedelta(days=20 - i), 2) for i in range(10)]
    latest = [entry(TODAY - timedelta(days=5 - i), s) for i, s in enumerate((8, 9, 8, 8, 6, 9))]
    assert check(older + latest, TODAY) is None


def test_entries_older_than_the_window_do_not_count():
    assert check([entry(TODAY - timedelta(days=28 + i), 10) for i in range(10)], TODAY) is None


def test_dismissal_snoozes_then_the_card_returns_only_while_the_condition_holds():
    alert = check([entry(TODAY - timedelta(days=i), 9) for i in range(5)], TODAY)
    assert should_show(alert, None, TODAY)
    assert not should_show(alert, TODAY, TODAY)
    assert not should_show(alert, TODAY, TODAY + timedelta(days=6))
    assert should_show(alert, TODAY, TODAY + timedelta(days=7))  # still high a week later: back
    assert not should_show(None, TODAY, TODAY + timedelta(days=7))  # no longer high: stays away
