"""Which feelings come up most, overall and by kind of work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resilience_journal.charts.figure import new_figure, nothing_to_show, style_axes, text_colour_on
from resilience_journal.charts.palette import LIGHT, ChartPalette
from resilience_journal.domain.trend_data import TrendData
from resilience_journal.domain.trends import emotion_counts, emotions_by_kind

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: How many emotions the frequency chart lists.
TOP_EMOTIONS = 12
#: How many emotions the by-kind grid has as columns.
TOP_BY_KIND = 8


def emotion_frequency(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """The most often named emotions as horizontal bars, each with its count."""
    counts = emotion_counts(data.emotions)[:TOP_EMOTIONS]
    fig = new_figure(palette, size, max(2.2, 0.3 * len(counts) + 1.0), dpi)
    if not counts:
        return nothing_to_show(fig, palette, "No emotions were noted in this period.")
    ax = fig.add_subplot()
    style_axes(ax, palette, grid_axis="x")
    ordered = list(reversed(counts))
    bars = ax.barh(range(len(ordered)), [c for _, c in ordered], color=palette.series[0], height=0.65)
    for patch, (emotion, _) in zip(bars, ordered, strict=True):
        patch.set_gid(f"emotion:{emotion}")
    ax.set_yticks(range(len(ordered)), [e for e, _ in ordered])
    ax.bar_label(bars, padding=3, fontsize=8.5, color=palette.foreground)
    ax.set_xlabel("Entries naming this feeling")
    ax.margins(x=0.08)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: never a tick at 0.5 entries
    return fig


def emotions_by_activity(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """A grid of counts: kinds of work (rows) × the most frequent emotions (columns)."""
    grid = emotions_by_kind(data.emotions, top=TOP_BY_KIND)
    fig = new_figure(palette, size, max(2.2, 0.42 * len(grid.rows) + 1.4), dpi)
    if not grid.rows:
        return nothing_to_show(fig, palette, "No emotions were noted in this period.")
    import numpy as np
    from matplotlib import colormaps

    ax = fig.add_subplot()
    style_axes(ax, palette, grid_axis="")
    values = np.array(grid.counts, dtype=float)
    cmap = colormaps[palette.sequential]
    top = max(values.max(), 1)
    image = ax.imshow(values, cmap=cmap, vmin=0, vmax=top, aspect="auto")
    image.set_gid("emotion-kind-grid")
    for r in range(values.shape[0]):
        for c in range(values.shape[1]):
            ax.text(
                c,
                r,
                f"{int(values[r, c])}",
                ha="center",
                va="center",
                fontsize=8.5,
                color=text_colour_on(cmap(values[r, c] / top)),
            )
    ax.set_xticks(range(len(grid.columns)), grid.columns, rotation=30, ha="right")
    ax.set_yticks(range(len(grid.rows)), grid.rows)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig
