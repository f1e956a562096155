"""The plain data behind the Trends page and the charts of the supervision export.

``storage.trends.load_trend_data`` fills a ``TrendData`` for a period; everything after that
(aggregations in ``domain.trends``, sentences in ``domain.insights``, figures in ``charts``) is
pure computation on these values, so it can run on a worker thread and be tested by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from resilience_journal.domain.checkin import RATINGS

# The per-entry values are NamedTuples rather than dataclasses on purpose: a tuple holding only
# times, words and numbers is dropped from the garbage collector's watch list, so ten years of
# entries (tens of thousands) do not lengthen every collection — each of which pauses all
# threads, the window's included.


class StressEntry(NamedTuple):
    """One reflection as the trends see it: when, what kind of work, how stressful."""

    occurred_at: datetime
    activity_kind: str
    stress: int

    @property
    def local_date(self) -> date:
        return self.occurred_at.date()


class DecompressionUse(NamedTuple):
    """One use of a decompression strategy with stress rated before and after."""

    local_date: date
    strategy: str
    stress_before: int
    stress_after: int

    @property
    def drop(self) -> int:
        """How far stress came down (negative when it went up)."""
        return self.stress_before - self.stress_after


class EmotionTally(NamedTuple):
    """How many reflections of one activity kind named one emotion word in the period."""

    activity_kind: str
    emotion: str
    n: int = 1


#: The check-in measures drawn over time, with the words used for them: the check-in's own list.
CHECKIN_FIELDS: tuple[tuple[str, str], ...] = RATINGS


@dataclass(frozen=True)
class CheckIn:
    """A daily check-in's ratings (0–10 each; None when skipped).

    Deliberately not ``domain.checkin.CheckIn``: trend data carries numbers only, never the
    note, so nothing a chart or its table shows can hold the user's words.
    """

    local_date: date
    mood: int | None = None
    energy: int | None = None
    sleep_quality: int | None = None
    workload: int | None = None


@dataclass(frozen=True)
class MeasureScore:
    """One scale score of one completed questionnaire."""

    local_date: date
    instrument: str
    scale: str
    score: float


@dataclass(frozen=True)
class TrendData:
    """Everything the Trends page shows for one period and activity-kind filter.

    ``entries`` and ``earlier_entries`` (the equally long span just before ``start``, for
    "up from ... before" comparisons) honour the filter; decompressions do too, through the
    reflection they belong to.  Check-ins and questionnaire scores are about the whole person,
    so the filter does not apply to them.
    """

    start: date
    end: date
    activity_kind: str | None = None
    entries: tuple[StressEntry, ...] = ()
    earlier_entries: tuple[StressEntry, ...] = ()
    decompressions: tuple[DecompressionUse, ...] = ()
    emotions: tuple[EmotionTally, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    measures: tuple[MeasureScore, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.entries or self.decompressions or self.checkins or self.measures)
