"""The Trends charts offered in "Prepare a summary", drawn to PNG and SVG for the document.

The catalogue (``charts/catalog.py``: ``CHARTS``) and its data (``storage/trends.py``:
``load_trend_data``) are the ones the Trends page draws from, so a chart in a summary looks like
the chart the user knows — always in the light palette, because the file is read on paper.
"""

from __future__ import annotations

import io
from datetime import date

from resilience_journal.domain.summary import ChartChoice

#: Size of a chart in the exported document, in inches (A4 text width is about 6.7 inches).
FIGURE_SIZE = (6.4, 3.2)
#: PNG resolution: sharp on paper without making the file heavy.
PNG_DPI = 160


def chart_specs() -> list:
    """Every chart in the Trends catalogue, in its order."""
    from resilience_journal.charts.catalog import CHARTS

    return list(CHARTS)


def load_data(journal, start: date, end: date):
    """The Trends data for the period (one set of queries for every chart)."""
    from resilience_journal.storage.trends import load_trend_data

    return load_trend_data(journal, start, end)


def has_data(spec, data) -> bool:
    """Whether the chart has anything to show for the period (specs without the check always do)."""
    available = getattr(spec, "available", None)
    return True if available is None else bool(available(data))


def figure_bytes(figure) -> tuple[bytes, bytes]:
    """A matplotlib ``Figure`` as (PNG, SVG) bytes, on white paper whatever the app's theme."""
    png, svg = io.BytesIO(), io.BytesIO()
    # No dates or tool names in the pictures: only the chart leaves.
    figure.savefig(png, format="png", dpi=PNG_DPI, facecolor="white", metadata={"Software": None})
    figure.savefig(svg, format="svg", facecolor="white", metadata={"Date": None, "Creator": None})
    return png.getvalue(), svg.getvalue()


def render_chart(spec, data) -> ChartChoice:
    """One catalogue chart for the period, ready for the summary."""
    png, svg = figure_bytes(spec.build(data, size=FIGURE_SIZE))
    return ChartChoice(key=spec.key, title=spec.title, description=spec.describe(data), png=png, svg=svg)
