"""Every chart the app can draw, in the order the Trends page shows them.

The supervision export offers the user a pick from ``CHARTS``; the Trends page draws them all.
Each spec pairs a builder (``TrendData`` → ``Figure``) with its text alternative and table, so
no chart ever appears without the same data in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resilience_journal.charts import alternatives as alt
from resilience_journal.charts import calendar, decompression, emotions, selfcare, stress
from resilience_journal.domain.trend_data import TrendData

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _always(_data: TrendData) -> bool:
    return True


@dataclass(frozen=True)
class ChartSpec:
    """One chart.

    ``build(data, palette=LIGHT, size=None, dpi=100)`` returns a new ``Figure``; ``describe`` the
    same data as a sentence; ``table`` as rows; ``available`` says whether the chart has anything
    to show for ``data`` (the page hides check-in and questionnaire charts until they exist).
    """

    key: str
    title: str
    build: Callable[..., Figure]
    describe: Callable[[TrendData], str]
    table: Callable[[TrendData], alt.ChartTable] = lambda _d: alt.ChartTable((), ())
    available: Callable[[TrendData], bool] = _always


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        "stress_over_time",
        "Stress over time",
        stress.stress_over_time,
        alt.stress_describe,
        alt.stress_table,
        lambda d: bool(d.entries),
    ),
    ChartSpec(
        "stress_by_kind",
        "Stress by kind of work",
        stress.stress_by_kind,
        alt.kind_describe,
        alt.kind_table,
        lambda d: bool(d.entries),
    ),
    ChartSpec(
        "decompression",
        "What helps you come down",
        decompression.decompression,
        alt.strategy_describe,
        alt.strategy_table,
        lambda d: bool(d.decompressions),
    ),
    ChartSpec(
        "emotions",
        "Feelings you named most",
        emotions.emotion_frequency,
        alt.emotion_describe,
        alt.emotion_table,
        lambda d: bool(d.emotions),
    ),
    ChartSpec(
        "emotions_by_kind",
        "Feelings by kind of work",
        emotions.emotions_by_activity,
        alt.emotion_kind_describe,
        alt.emotion_kind_table,
        lambda d: bool(d.emotions),
    ),
    ChartSpec(
        "calendar",
        "Calendar of daily stress",
        calendar.stress_calendar,
        alt.calendar_describe,
        alt.calendar_table,
        lambda d: bool(d.entries),
    ),
    ChartSpec(
        "when_it_hurts",
        "When it hurts: weekday and time of day",
        calendar.when_it_hurts,
        alt.when_describe,
        alt.when_table,
        lambda d: bool(d.entries),
    ),
    ChartSpec(
        "checkins",
        "Daily check-ins",
        selfcare.checkins,
        alt.checkin_describe,
        alt.checkin_table,
        lambda d: bool(d.checkins),
    ),
    ChartSpec(
        "questionnaires",
        "Questionnaire scores",
        selfcare.questionnaires,
        alt.measure_describe,
        alt.measure_table,
        lambda d: bool(d.measures),
    ),
)


def chart(key: str) -> ChartSpec:
    """The spec with ``key``; KeyError if there is none."""
    for spec in CHARTS:
        if spec.key == key:
            return spec
    raise KeyError(key)
