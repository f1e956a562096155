"""Daily check-ins and questionnaire scores over time (shown once any exist)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resilience_journal.charts.figure import (
    date_numbers,
    format_date_axis,
    legend,
    new_figure,
    nothing_to_show,
    style_axes,
)
from resilience_journal.charts.palette import LIGHT, ChartPalette
from resilience_journal.domain.trend_data import CHECKIN_FIELDS, TrendData
from resilience_journal.domain.trends import (
    checkin_series,
    instrument_label,
    measure_series,
    rolling_values,
    scale_label,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Above this many check-in days the chart shows rolling means instead of every day.
MAX_DAILY_POINTS = 90
#: The rolling window used then, in days.
SMOOTHING_DAYS = 28


def checkins(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """Mood, energy, sleep quality and workload (0–10) as one line each."""
    fig = new_figure(palette, size, 3.0, dpi)
    series = checkin_series(data.checkins)
    if not series:
        return nothing_to_show(fig, palette, "No check-ins in this period.")
    ax = fig.add_subplot()
    style_axes(ax, palette)
    labels = dict(CHECKIN_FIELDS)
    markers = ("o", "s", "^", "D")
    for i, (field, points) in enumerate(series.items()):
        label = labels[field]
        if len(points) > MAX_DAILY_POINTS:
            # Hundreds of daily zig-zags hide the story: draw each measure's 28-day mean.
            points = rolling_values(points, SMOOTHING_DAYS)
            label += f" ({SMOOTHING_DAYS}-day mean)"
        (line,) = ax.plot(
            date_numbers([d for d, _ in points]),
            [v for _, v in points],
            color=palette.series[i % len(palette.series)],
            marker=markers[i % len(markers)] if len(points) <= MAX_DAILY_POINTS else None,
            markersize=4.5,
            linewidth=1.4,
            label=label,
        )
        line.set_gid(f"checkin:{field}")
    ax.set_ylim(-0.4, 10.4)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("Rating (0–10)")
    lo, hi = date_numbers([data.start, data.end])
    ax.set_xlim(lo - 0.5, hi + 0.5)
    format_date_axis(ax)
    legend(ax, palette, loc="upper left", ncols=4)
    return fig


def questionnaires(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """One panel per questionnaire, a line per scale (scales differ between questionnaires)."""
    series = measure_series(data.measures)
    instruments = sorted({i for i, _ in series})
    fig = new_figure(palette, size, 2.6 * max(1, len(instruments)) + 0.3, dpi)
    if not series:
        return nothing_to_show(fig, palette, "No questionnaires in this period.")
    axes = fig.subplots(len(instruments), 1, squeeze=False, sharex=True)[:, 0]
    lo, hi = date_numbers([data.start, data.end])
    for ax, instrument in zip(axes, instruments, strict=True):
        style_axes(ax, palette)
        scales = [s for i, s in series if i == instrument]
        for k, scale in enumerate(scales):
            points = series[(instrument, scale)]
            (line,) = ax.plot(
                date_numbers([d for d, _ in points]),
                [v for _, v in points],
                marker="o",
                markersize=5,
                linewidth=1.6,
                color=palette.series[k % len(palette.series)],
                label=scale_label(scale),
            )
            line.set_gid(f"measure:{instrument}:{scale}")
        ax.set_title(instrument_label(instrument), fontsize=10, loc="left", color=palette.foreground)
        ax.set_xlim(lo - 0.5, hi + 0.5)
        ax.set_ylabel("Score")
        legend(ax, palette, loc="best", ncols=3)
        format_date_axis(ax)
    return fig
