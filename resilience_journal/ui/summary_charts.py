"""The Trends charts offered in "Prepare a summary", drawn to PNG and SVG for the document.

The catalogue (``charts/catalog.py``: ``CHARTS`` and ``load_trend_data``) is the same one the
Trends page draws from, so a chart in a summary looks like the chart the user knows.
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
    """Every chart in the Trends catalogue, in its order (empty if the catalogue is missing)."""
    try:
        from resilience_journal.charts.catalog import CHARTS
    except ImportError:
        return []
    return list(CHARTS.values()) if isinstance(CHARTS, dict) else list(CHARTS)


def load_data(journal, start: date, end: date):
    from resilience_journal.charts.catalog import load_trend_data

    return load_trend_data(journal, start, end)


def figure_bytes(figure) -> tuple[bytes, bytes]:
    """A matplotlib ``Figure`` as (PNG, SVG) bytes, on white paper whatever the app's theme."""
    figure.set_size_inches(*FIGURE_SIZE)
    png, svg = io.BytesIO(), io.BytesIO()
    figure.savefig(png, format="png", dpi=PNG_DPI, facecolor="white", bbox_inches="tight")
    figure.savefig(svg, format="svg", facecolor="white", bbox_inches="tight")
    return png.getvalue(), svg.getvalue()


def render_chart(spec, data) -> ChartChoice:
    """One catalogue chart for the period, ready for the summary."""
    png, svg = figure_bytes(spec.build(data))
    return ChartChoice(key=spec.key, title=spec.title, description=spec.describe(data), png=png, svg=svg)
