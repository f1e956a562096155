"""Stress over time, and stress by kind of work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resilience_journal.charts.figure import (
    date_numbers,
    format_date_axis,
    legend,
    new_figure,
    nothing_to_show,
    style_axes,
    text_width,
    wrapped,
)
from resilience_journal.charts.palette import LIGHT, ChartPalette
from resilience_journal.domain.trend_data import TrendData
from resilience_journal.domain.trends import ROLLING_WINDOWS, by_kind, daily_means, rolling_means

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Seconds in a day, for placing each entry at its time of day along the date axis.
_DAY = 86_400
#: Above this many entries, points overlap into a smear (and take long to draw): each entry is
#: then counted into a shaded grid of (week, stress) cells instead.
DENSITY_FROM = 3000


def _entry_density(ax, data: TrendData, palette: ChartPalette) -> list:
    """Entries as shade: the darker a (fortnight, stress) cell, the more entries it holds."""
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap, to_rgba
    from matplotlib.patches import Patch

    span = (data.end - data.start).days + 1
    bin_days = 7 if span <= 3 * 365 else 14
    bins = -(-span // bin_days)
    counts = np.zeros((11, bins))
    columns = np.array([(e.local_date - data.start).days // bin_days for e in data.entries])
    np.add.at(counts, (np.array([e.stress for e in data.entries]), columns), 1)
    r, g, b, _ = to_rgba(palette.muted)
    shades = LinearSegmentedColormap.from_list("entries", [(r, g, b, 0.12), (r, g, b, 0.75)])
    lo, _hi = date_numbers([data.start, data.end])
    image = ax.imshow(
        np.ma.masked_equal(counts, 0),
        cmap=shades,
        aspect="auto",
        origin="lower",
        interpolation="nearest",
        extent=(lo, lo + bins * bin_days, -0.5, 10.5),
    )
    image.set_gid("entries-density")
    weeks = "week" if bin_days == 7 else f"{bin_days // 7} weeks"
    return [Patch(color=(r, g, b, 0.5), label=f"Entries (shade: how many per {weeks})")]


def stress_over_time(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """Each entry as a faint point; the daily mean, and 7- and 28-day rolling means as lines.

    Lines carry gids ("entries", "daily-mean", "rolling-7", "rolling-28") so tests and the
    table view can find exactly what was drawn.
    """
    fig = new_figure(palette, size, 3.4, dpi)
    if not data.entries:
        return nothing_to_show(fig, palette)
    import numpy as np

    ax = fig.add_subplot()
    style_axes(ax, palette)
    entries = data.entries
    extra: list = []
    if len(entries) > DENSITY_FROM:
        extra = _entry_density(ax, data, palette)
    else:
        x = date_numbers([e.local_date for e in entries]) + np.array(
            [(e.occurred_at.hour * 3600 + e.occurred_at.minute * 60) / _DAY for e in entries]
        )
        points = ax.scatter(
            x, [e.stress for e in entries], s=12, alpha=0.35, color=palette.muted, linewidths=0, label="Each entry"
        )
        points.set_gid("entries")
    days = daily_means(entries)
    (line,) = ax.plot(
        date_numbers([d.day for d in days]) + 0.5,
        [d.mean for d in days],
        # The text colour, half strength: a quiet line that reads on every background and is
        # never confused with the coloured rolling means drawn over it.
        color=palette.foreground,
        linewidth=0.5 if len(days) > 400 else 0.8,
        alpha=0.5,
        label="Daily mean",
    )
    line.set_gid("daily-mean")
    for window, colour, width in zip(ROLLING_WINDOWS, (palette.series[0], palette.series[1]), (1.6, 2.4), strict=True):
        xs, ys = _break_gaps(rolling_means(entries, window), window)
        (line,) = ax.plot(
            xs,
            ys,
            color=colour,
            linewidth=width,
            label=f"{window}-day mean",
        )
        line.set_gid(f"rolling-{window}")
    ax.set_ylim(-0.4, 10.4)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("Stress (0–10)")
    lo, hi = date_numbers([data.start, data.end])
    ax.set_xlim(lo, hi + 1)
    format_date_axis(ax)
    handles, _labels = ax.get_legend_handles_labels()
    legend(ax, palette, handles=extra + handles, loc="upper left", ncols=4)
    return fig


def _break_gaps(series, window: int):
    """x and y of a rolling mean, with a gap (NaN) wherever no entry fell for a whole window.

    A line drawn straight across a fortnight's leave would claim a mean nobody measured.
    """
    import numpy as np

    x = date_numbers([d for d, _ in series]) + 0.5
    y = np.array([v for _, v in series], dtype=float)
    gaps = np.nonzero(np.diff(x) >= window)[0] + 1  # index of the first point after each gap
    return np.insert(x, gaps, np.nan), np.insert(y, gaps, np.nan)


def stress_by_kind(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """A box per kind of work (middle half of the entries, median line, mean diamond), with n."""
    kinds = by_kind(data.entries)
    fig = new_figure(palette, size, max(2.2, 0.55 * len(kinds) + 1.0), dpi)
    if not kinds:
        return nothing_to_show(fig, palette)
    ax = fig.add_subplot()
    style_axes(ax, palette, grid_axis="x")
    ordered = list(reversed(kinds))  # most frequent at the top
    boxes = ax.boxplot(
        [k.values for k in ordered],
        orientation="horizontal",
        widths=0.55,
        patch_artist=True,
        showmeans=True,
        showfliers=True,
        medianprops={"color": palette.series[1], "linewidth": 2},
        meanprops={
            "marker": "D",
            "markerfacecolor": palette.foreground,
            "markeredgecolor": palette.background,
            "markersize": 5,
        },
        whiskerprops={"color": palette.muted},
        capprops={"color": palette.muted},
        flierprops={
            "marker": "o",
            "markersize": 3,
            "markerfacecolor": palette.muted,
            "markeredgewidth": 0,
            "alpha": 0.6,
        },
    )
    for patch in boxes["boxes"]:
        patch.set_facecolor(palette.series[0])
        patch.set_alpha(0.35)
        patch.set_edgecolor(palette.series[0])
    for i, med in enumerate(boxes["medians"]):
        med.set_gid(f"median:{ordered[i].kind}")
    labels = [f"{k.kind}  (n = {k.n})" for k in ordered]
    ax.set_yticks(range(1, len(ordered) + 1), labels)
    ax.set_xlim(-0.4, 10.4)
    ax.set_xticks(range(0, 11))
    # Centred under the plot, which the kinds' names push to the right.
    names = max(text_width(label, 9) for label in labels)
    ax.set_xlabel(
        wrapped("Stress (0–10) — box: middle half of entries; line: median; ◆: mean", fig.get_figwidth(), beside=names)
    )
    return fig
