"""What every chart shares: a themed ``Figure`` (never pyplot) and small drawing helpers.

matplotlib is imported inside these functions, not at module level, so the app can start (and
show the lock screen) without loading it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from resilience_journal.charts.palette import LIGHT, ChartPalette

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Default width of a chart, in inches at 100 dpi (about the width of the Trends page).
DEFAULT_WIDTH = 8.4
#: Words drawn on a chart with nothing to show.
NOTHING_TO_SHOW = "Nothing recorded for this chart in the chosen period."


def new_figure(
    palette: ChartPalette = LIGHT,
    size: tuple[float, float | None] | None = None,
    default_height: float = 3.2,
    dpi: float = 100,
) -> Figure:
    """An empty figure in the palette's colours, laid out so labels never overlap.

    ``size`` is (width, height) in inches; a height of None keeps the chart's own height, so
    the page can fit charts to its width without squashing them.
    """
    from matplotlib.figure import Figure

    width, height = size or (DEFAULT_WIDTH, None)
    figsize = (width, height or default_height)
    fig = Figure(figsize=figsize, dpi=dpi, layout="constrained", facecolor=palette.background)
    fig.get_layout_engine().set(w_pad=0.08, h_pad=0.08)
    return fig


def style_axes(ax: Axes, palette: ChartPalette, *, grid_axis: str = "y") -> None:
    """Quiet axes: no top/right frame, faint grid, text in the theme's colours."""
    ax.set_facecolor(palette.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(palette.grid)
    ax.tick_params(colors=palette.foreground, labelsize=9)
    ax.xaxis.label.set_color(palette.foreground)
    ax.yaxis.label.set_color(palette.foreground)
    ax.title.set_color(palette.foreground)
    if grid_axis:
        # On a dark background the theme's border colour is bright (white in high contrast):
        # fainter there, so the grid guides the eye without competing with the data.
        ax.grid(axis=grid_axis, color=palette.grid, linewidth=0.6, alpha=0.4 if palette.dark else 0.8)
        ax.set_axisbelow(True)


def titled(fig: Figure, title: str, start: date, end: date, palette: ChartPalette = LIGHT) -> Figure:
    """``fig`` headed with its title and period: a chart saved to a file must say what it shows
    (on the page, the card around it does)."""
    from resilience_journal.domain.periods import describe_range

    fig.suptitle(f"{title}, {describe_range(start, end)}", color=palette.foreground, fontsize=11, x=0.01, ha="left")
    return fig


def nothing_to_show(fig: Figure, palette: ChartPalette, text: str = NOTHING_TO_SHOW) -> Figure:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", color=palette.muted, fontsize=11, transform=ax.transAxes)
    return fig


def date_numbers(days: Sequence[date]):
    """Dates as matplotlib's day numbers (floats), for fast plotting of many points."""
    import numpy as np
    from matplotlib.dates import date2num

    return date2num(np.array(days, dtype="datetime64[D]")) if days else np.array([])


def format_date_axis(ax: Axes) -> None:
    """Readable dates whatever the span: days for a month, months for a year, years beyond.

    Call it once the axis's date limits are set: the ticks are chosen then and fixed.  A date
    locator walks a calendar rule every time ticks are asked for, and drawing one figure asks
    several times (the layout measures the labels, then they are drawn): fixing them made the
    three date charts about 15% faster to draw (median, ten-year journal).
    """
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.ticker import FixedFormatter, FixedLocator

    locator = AutoDateLocator(minticks=3, maxticks=9)
    locator.set_axis(ax.xaxis)
    # The offset (shown once at the axis end) is just the year, not "2026-Nov".
    concise = ConciseDateFormatter(locator, offset_formats=["", "%Y", "%Y", "%Y", "%Y", "%Y"])
    ticks = locator()
    # Days of the month as people write them: "5", not "05".
    words = [w[1:] if len(w) == 2 and w.startswith("0") and w.isdigit() else w for w in concise.format_ticks(ticks)]
    labels = FixedFormatter(words)
    labels.set_offset_string(concise.get_offset())
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(labels)


def text_colour_on(rgba: Sequence[float]) -> str:
    """Black or white, whichever reads better on a cell of colour ``rgba``."""
    r, g, b = rgba[:3]
    return "#000000" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "#ffffff"


#: Legend text size, in points.
LEGEND_FONTSIZE = 8.5
#: Axis label text size, in points (matplotlib's default).
LABEL_FONTSIZE = 10
#: What a legend entry needs besides its words, in ems: the line sample, the gap after it, and
#: the space before the next column (matplotlib's handlelength, handletextpad, columnspacing).
_LEGEND_ENTRY_EMS = 2.0 + 0.8 + 2.0
#: Room the y axis's numbers and label take from a chart's width, in inches.
_Y_AXIS_ROOM = 0.8
#: And a legend's own margins inside the plot (a legend wider than the plot makes the layout
#: squeeze the plot, which leaves the legend even less room).
_LEGEND_MARGINS = 0.6


def text_width(text: str, fontsize: float) -> float:
    """How wide ``text`` is when drawn, in inches (measured with the font, not guessed)."""
    from matplotlib.font_manager import FontProperties

    width, _height, _descent = _measurer().get_text_width_height_descent(
        text, FontProperties(size=fontsize), ismath=False
    )
    return width / 72


@cache
def _measurer():
    """One text measurer for every chart (it keeps the font it has loaded)."""
    from matplotlib.textpath import TextToPath

    return TextToPath()


def legend_columns(labels: Sequence[str], wanted: int, width: float, fontsize: float = LEGEND_FONTSIZE) -> int:
    """The most columns, up to ``wanted``, in which a legend of ``labels`` fits a chart ``width``
    inches wide.  matplotlib fills a legend column by column; too wide a legend would spill off
    the chart, and the layout would squeeze the plot to make room for it."""
    room = width - _Y_AXIS_ROOM - _LEGEND_MARGINS
    words = [text_width(label, fontsize) for label in labels]
    extra = _LEGEND_ENTRY_EMS * fontsize / 72
    for columns in range(max(1, wanted), 1, -1):
        rows = -(-len(words) // columns)
        widths = [max(words[i : i + rows]) + extra for i in range(0, len(words), rows)]
        if sum(widths) <= room:
            return columns
    return 1


def wrapped(text: str, width: float, fontsize: float = LABEL_FONTSIZE, *, beside: float = 0.0) -> str:
    """``text`` broken into lines that fit a chart ``width`` inches wide (an axis label, say);
    ``beside`` is room taken by labels beside the plot besides the usual axis numbers."""
    room = width - _Y_AXIS_ROOM - beside
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", fontsize) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def legend(ax: Axes, palette: ChartPalette, **kwargs) -> None:
    """A quiet legend, in as many columns (up to ``ncols``) as fit the chart's width."""
    handles = kwargs.get("handles")
    labels = [h.get_label() for h in handles] if handles is not None else ax.get_legend_handles_labels()[1]
    kwargs["ncols"] = legend_columns(labels, kwargs.get("ncols", 1), ax.figure.get_figwidth())
    leg = ax.legend(frameon=False, fontsize=LEGEND_FONTSIZE, labelcolor=palette.foreground, **kwargs)
    if leg is not None:
        leg.set_zorder(5)
