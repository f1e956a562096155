"""The Trends page's heavy lifting, done on a worker thread: load, compute, draw.

``compute`` is a generator so the page can show each piece as soon as it is ready (insights
first, then one chart at a time) and a newer request can cut an older one short.  Nothing here
touches a widget: figures are drawn to RGBA pixels with the Agg renderer, and the GUI thread
only copies those pixels onto the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from resilience_journal.charts.alternatives import ChartTable
from resilience_journal.charts.palette import ChartPalette
from resilience_journal.domain import wellbeing_alert
from resilience_journal.domain.insights import Insight, insights
from resilience_journal.domain.periods import period_range
from resilience_journal.domain.trend_data import TrendData
from resilience_journal.storage.trends import activity_kinds_used, first_day, load_trend_data, stress_entries

#: Logical pixels per inch when drawing for the screen.
SCREEN_DPI = 100


@dataclass(frozen=True)
class TrendsRequest:
    generation: int
    period: str  # a PERIOD_CHOICES key
    today: date
    activity_kind: str | None = None
    custom: tuple[date, date] | None = None  # for period "custom"
    width_px: int = 840  # logical pixels available for each chart
    pixel_ratio: float = 1.0
    palette: ChartPalette | None = None
    #: Data from an earlier request with the same period and filter (a redraw after a resize
    #: or a theme change need not read the journal again).
    reuse: TrendData | None = None
    #: Charts to draw first (those in view), in this order; the rest follow in page order.
    first: tuple[str, ...] = ()


@dataclass
class Summary:
    """Everything but the charts: shown first."""

    data: TrendData
    insights: list[Insight]
    alert: wellbeing_alert.HighStress | None
    show_alert: bool
    kinds: list[str]
    chart_keys: list[str]  # the charts that will follow, in order


@dataclass
class RenderedChart:
    key: str
    title: str
    rgba: bytes
    width: int  # physical pixels
    height: int
    pixel_ratio: float
    background: str
    description: str
    table: ChartTable


@dataclass
class Finished:
    generation: int
    timings: dict[str, float] = field(default_factory=dict)


def resolve_range(journal, request: TrendsRequest) -> tuple[date, date]:
    if request.period == "custom":
        if request.custom is None:
            raise ValueError("a custom period needs its dates")
        return request.custom
    first = first_day(journal) if request.period == "all" else None
    return period_range(request.period, request.today, first)


def drawing_order(specs: list, first: tuple[str, ...]) -> list:
    """``specs`` with the ones named in ``first`` moved to the front, in that order."""
    rank = {key: i for i, key in enumerate(first)}
    return sorted(specs, key=lambda s: rank.get(s.key, len(rank)))


def compute(journal, request: TrendsRequest, still_wanted: Callable[[], bool] = lambda: True) -> Iterator[object]:
    """Yield a ``Summary``, then one ``RenderedChart`` per chart with data, then ``Finished``."""
    import time

    from resilience_journal.charts.catalog import CHARTS
    from resilience_journal.charts.palette import LIGHT

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    data = request.reuse
    if data is None:
        start, end = resolve_range(journal, request)
        data = load_trend_data(journal, start, end, request.activity_kind)
    recent = stress_entries(journal, *wellbeing_alert.window(request.today))
    alert = wellbeing_alert.check(recent, request.today)
    dismissed = journal.settings.get(wellbeing_alert.DISMISSED_SETTING)
    dismissed_on = date.fromisoformat(dismissed) if isinstance(dismissed, str) else None
    if alert is None and dismissed_on is not None:
        # The stretch of high stress is over: forget the dismissal so a new one is shown.
        journal.settings.set(wellbeing_alert.DISMISSED_SETTING, None)
        dismissed_on = None
    specs = [s for s in CHARTS if s.available(data)]
    timings["load"] = time.perf_counter() - t0
    yield Summary(
        data=data,
        insights=insights(data),
        alert=alert,
        show_alert=wellbeing_alert.should_show(alert, dismissed_on, request.today),
        kinds=activity_kinds_used(journal),
        chart_keys=[s.key for s in specs],
    )
    timings["summary"] = time.perf_counter() - t0
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    palette = request.palette or LIGHT
    for spec in drawing_order(specs, request.first):
        if not still_wanted():
            return
        t = time.perf_counter()
        fig = spec.build(
            data, palette, size=(request.width_px / SCREEN_DPI, None), dpi=SCREEN_DPI * request.pixel_ratio
        )
        agg = FigureCanvasAgg(fig)
        agg.draw()
        width, height = agg.get_width_height(physical=True)
        rgba = bytes(agg.buffer_rgba())
        # Only the pixels go to the window.  Clearing breaks the figure's reference cycles so
        # its thousands of objects are freed now, not in a later collection that would pause
        # every thread (exports build a fresh figure).
        fig.clear()
        del fig, agg
        yield RenderedChart(
            key=spec.key,
            title=spec.title,
            rgba=rgba,
            width=int(width),
            height=int(height),
            pixel_ratio=request.pixel_ratio,
            background=palette.background,
            description=spec.describe(data),
            table=spec.table(data),
        )
        timings[spec.key] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    yield Finished(request.generation, timings)
