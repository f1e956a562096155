"""Heat maps in time: the calendar of daily mean stress, and weekday × time of day."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resilience_journal.charts.figure import DEFAULT_WIDTH, new_figure, nothing_to_show, style_axes, text_colour_on
from resilience_journal.charts.palette import LIGHT, ChartPalette
from resilience_journal.domain.trend_data import TrendData
from resilience_journal.domain.trends import WEEKDAYS, calendar_grid, weekday_time_grid

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Largest calendar square, in inches (a four-week calendar should not be a wall of colour).
MAX_CELL = 0.3


def _stress_cmap(palette: ChartPalette):
    from matplotlib import colormaps

    # Days without entries are see-through, so the page (or the faint "no entry" layer) shows.
    return colormaps[palette.sequential].with_extremes(bad=(0, 0, 0, 0))


def stress_calendar(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """Days as squares (weekday rows, week columns), coloured by that day's mean stress.

    Squares stay square: a short period gives bigger squares (up to ``MAX_CELL`` inches), a year
    fills the width.  Days in the span without entries are faintly shaded, days outside it blank.
    """
    if not data.entries:
        return nothing_to_show(new_figure(palette, size, 2.6, dpi), palette)
    import numpy as np
    from matplotlib.colors import ListedColormap

    grid = calendar_grid(data.entries, data.start, data.end)
    width = (size or (DEFAULT_WIDTH, None))[0]
    cell = min(MAX_CELL, (width - 1.6) / grid.weeks)
    # A few weeks at the largest cell size need less than the width: the figure shrinks to fit
    # them (drawn from the left, like every chart), rather than floating them in empty space.
    width = min(width, grid.weeks * cell + 1.6)
    fig = new_figure(palette, (width, size[1] if size and size[1] else 7 * cell + 0.9), dpi=dpi)
    values = np.array([[np.nan if v is None else v for v in row] for row in grid.means], dtype=float)
    in_span = np.array(
        [[grid.span_start <= grid.day_at(d, w) <= grid.span_end for w in range(grid.weeks)] for d in range(7)]
    )
    ax = fig.add_subplot()
    style_axes(ax, palette, grid_axis="")
    quiet = np.where(in_span & np.isnan(values), 1.0, np.nan)
    ax.imshow(np.ma.masked_invalid(quiet), cmap=ListedColormap([palette.grid]), alpha=0.6, aspect="equal")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=_stress_cmap(palette), vmin=0, vmax=10, aspect="equal")
    image.set_gid("calendar")
    ax.set_yticks(range(7), WEEKDAYS, fontsize=8)
    months: list[tuple[int, str]] = []
    seen: set[tuple[int, int]] = set()
    for w in range(grid.weeks):
        day = max(grid.day_at(0, w), grid.span_start)
        if (day.year, day.month) in seen:
            continue
        seen.add((day.year, day.month))
        if months and w - months[-1][0] < 3:
            if len(months) > 1:
                continue  # too close to the last label to read
            months.pop()  # the first month is only a sliver: label the next one instead
        months.append((w, day.strftime("%b %Y") if day.month == 1 or not months else day.strftime("%b")))
    ax.set_xticks([w for w, _ in months], [m for _, m in months], fontsize=8)
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(image, ax=ax, shrink=0.9, pad=0.01, aspect=10, fraction=0.05)
    bar.set_label("Mean stress", color=palette.foreground, fontsize=8)
    bar.ax.tick_params(colors=palette.foreground, labelsize=7)
    bar.outline.set_visible(False)
    return fig


def when_it_hurts(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """Mean stress by weekday and time of day; each cell shows its mean and number of entries."""
    fig = new_figure(palette, size, 3.2, dpi)
    if not data.entries:
        return nothing_to_show(fig, palette)
    import numpy as np

    grid = weekday_time_grid(data.entries)
    # Weekend rows only when something happened at the weekend.
    rows = [r for r in range(7) if r < 5 or any(grid.counts[r])]
    values = np.array([[np.nan if v is None else v for v in grid.means[r]] for r in rows], dtype=float)
    cmap = _stress_cmap(palette)
    ax = fig.add_subplot()
    style_axes(ax, palette, grid_axis="")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=0, vmax=10, aspect="auto")
    image.set_gid("weekday-time")
    for i, r in enumerate(rows):
        for c in range(len(grid.columns)):
            n = grid.counts[r][c]
            if n:
                mean = grid.means[r][c]
                ax.text(
                    c,
                    i,
                    f"{mean:.1f}\nn={n}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color=text_colour_on(cmap(mean / 10)),
                )
            else:
                ax.text(c, i, "–", ha="center", va="center", fontsize=9, color=palette.muted)
    ax.set_xticks(range(len(grid.columns)), grid.columns)
    ax.set_yticks(range(len(rows)), [grid.rows[r] for r in rows])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    # No colour bar: every cell carries its number, so colour only has to show the pattern.
    return fig
