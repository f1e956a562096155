"""What helps: stress before → after for each decompression strategy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resilience_journal.charts.figure import new_figure, nothing_to_show, style_axes, wrapped
from resilience_journal.charts.palette import LIGHT, ChartPalette
from resilience_journal.domain.trend_data import TrendData
from resilience_journal.domain.trends import MIN_USES_TO_RANK, strategy_summaries

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def _number(x: float) -> str:
    return f"{x:g}" if float(x).is_integer() else f"{x:.1f}"


def decompression(data: TrendData, palette: ChartPalette = LIGHT, size=None, dpi: float = 100) -> Figure:
    """One row per strategy: hollow dot at the average before, filled dot at the average after.

    Averages, so the arrow's length is exactly the average drop (two medians need not differ by
    the median drop, which would make the picture contradict its label); the label gives the
    median drop, which ranks the strategies because one unusual use cannot sway it.

    Ranked strategies (at least ``MIN_USES_TO_RANK`` uses) come first, largest median drop at
    the top; the others are listed underneath in grey and say they are not ranked.
    """
    rows = strategy_summaries(data.decompressions)
    fig = new_figure(palette, size, max(2.2, 0.5 * len(rows) + 1.1), dpi)
    if not rows:
        return nothing_to_show(fig, palette, "No decompression with stress before and after in this period.")
    ax = fig.add_subplot()
    style_axes(ax, palette, grid_axis="x")
    n = len(rows)
    for i, s in enumerate(rows):
        y = n - 1 - i
        colour = palette.series[2] if s.ranked else palette.muted
        ax.annotate(
            "",
            xy=(s.mean_after, y),
            xytext=(s.mean_before, y),
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.8, "shrinkA": 4, "shrinkB": 4},
        )
        ax.plot(
            [s.mean_before], [y], "o", mfc=palette.background, mec=colour, mew=1.8, ms=8, gid=f"before:{s.strategy}"
        )
        ax.plot([s.mean_after], [y], "o", color=colour, ms=8, gid=f"after:{s.strategy}")
        if s.ranked:
            note = f"median drop {_number(s.median_drop)} · {s.n} uses"
        else:
            note = f"{s.n} use{'s' if s.n != 1 else ''} — too few to rank"
        ax.text(
            10.7, y, note, va="center", ha="left", fontsize=8.5, color=palette.foreground if s.ranked else palette.muted
        )
    ax.set_yticks(range(n), [s.strategy for s in reversed(rows)])
    for label, s in zip(ax.get_yticklabels(), reversed(rows), strict=True):
        label.set_color(palette.foreground if s.ranked else palette.muted)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlim(-0.4, 10.4)
    ax.set_xticks(range(0, 11))
    ax.set_xlabel(
        wrapped(
            f"Stress: ○ average before → ● average after (ranked by median drop, from {MIN_USES_TO_RANK} uses)",
            fig.get_figwidth(),
        )
    )
    ax.set_clip_on(False)
    return fig
