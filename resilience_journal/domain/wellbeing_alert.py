"""When stress stays high: the rule for showing a supportive card, and for its dismissal.

This is not a diagnosis and never says so much; it notices a pattern in the user's own ratings
and points to support.  All thresholds live in ``THRESHOLDS``.  Dismissing the card snoozes it
for ``snooze_days``; after that it comes back only if the condition still holds.  When the
condition is no longer met the dismissal is forgotten, so a later, new stretch of high stress
is shown straight away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from resilience_journal.domain.trend_data import StressEntry


@dataclass(frozen=True)
class AlertThresholds:
    #: The look-back window, in days, ending today.
    window_days: int = 28
    #: A mean stress over the window of at least this much counts as staying high...
    mean_at_least: float = 7.0
    #: ...provided the window holds at least this many entries (one bad day is not a pattern).
    min_entries_for_mean: int = 5
    #: Or: the most recent ``run_length`` entries in the window all at ``run_level`` or more.
    run_level: int = 8
    run_length: int = 5
    #: Days a dismissal keeps the card away.
    snooze_days: int = 7


#: The one place the thresholds are set.
THRESHOLDS = AlertThresholds()
#: Key in the journal's (encrypted) ``setting`` table holding the day the card was dismissed.
DISMISSED_SETTING = "wellbeing_alert.dismissed_on"


@dataclass(frozen=True)
class HighStress:
    """Why the card is shown: which rule, with the numbers behind it."""

    rule: str  # "mean" or "run"
    window_start: date
    window_end: date
    n: int  # entries in the window
    mean: float  # mean stress of those entries
    run: int  # length of the latest run of entries at run_level or more


def window(today: date, t: AlertThresholds = THRESHOLDS) -> tuple[date, date]:
    """The days the rule looks at: the last ``window_days`` up to and including today."""
    return today - timedelta(days=t.window_days - 1), today


def check(entries: Sequence[StressEntry], today: date, t: AlertThresholds = THRESHOLDS) -> HighStress | None:
    """Whether stress has stayed high, from all entries (any kind of work) up to ``today``."""
    start, end = window(today, t)
    recent = sorted((e for e in entries if start <= e.local_date <= end), key=lambda e: e.occurred_at)
    if not recent:
        return None
    run = 0
    for e in reversed(recent):
        if e.stress < t.run_level:
            break
        run += 1
    mean = fmean(e.stress for e in recent)
    if len(recent) >= t.min_entries_for_mean and mean >= t.mean_at_least:
        rule = "mean"
    elif run >= t.run_length:
        rule = "run"
    else:
        return None
    return HighStress(rule, start, end, len(recent), mean, run)


def should_show(
    alert: HighStress | None, dismissed_on: date | None, today: date, t: AlertThresholds = THRESHOLDS
) -> bool:
    """Show the card when the condition holds and it was not dismissed in the last ``snooze_days``."""
    if alert is None:
        return False
    return dismissed_on is None or today >= dismissed_on + timedelta(days=t.snooze_days)
