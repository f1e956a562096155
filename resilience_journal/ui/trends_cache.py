"""The Trends views already drawn, kept so that going back to one is instant.

People compare: four weeks, then twelve months, then back.  Each view (a period, a filter, a
width and a theme) costs one to two seconds of drawing on a ten-year journal and a few MB of
pixels to keep, so the most recent few are kept, within a budget.  Anything that changes the
journal empties the cache (the page calls ``clear``): a kept view is never out of date.

Kept only in memory, like everything else the page shows; locking deletes the page and this
with it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field

from resilience_journal.ui.trends_job import Summary
from resilience_journal.ui.widgets.chart_panel import ShownChart

#: Views kept (each holds its period's entries as well as its pictures).
MAX_VIEWS = 4
#: Pixels kept, at most, for views other than the newest (the newest is on screen anyway).
PIXEL_BUDGET = 48 * 1024 * 1024


@dataclass
class TrendsView:
    """Everything one request showed: the summary first, then the charts as they arrived."""

    summary: Summary
    charts: list[ShownChart] = field(default_factory=list)

    def pixel_bytes(self) -> int:
        return sum(c.pixel_bytes() for c in self.charts)


class ViewCache:
    def __init__(self, max_views: int = MAX_VIEWS, pixel_budget: int = PIXEL_BUDGET) -> None:
        self._views: OrderedDict[Hashable, TrendsView] = OrderedDict()
        self._max_views = max_views
        self._budget = pixel_budget

    def __len__(self) -> int:
        return len(self._views)

    def get(self, key: Hashable) -> TrendsView | None:
        view = self._views.get(key)
        if view is not None:
            self._views.move_to_end(key)
        return view

    def put(self, key: Hashable, view: TrendsView) -> None:
        """Keep a complete view; the oldest go first when over either limit."""
        self._views[key] = view
        self._views.move_to_end(key)
        while len(self._views) > self._max_views or (len(self._views) > 1 and self._older_bytes() > self._budget):
            self._views.popitem(last=False)

    def _older_bytes(self) -> int:
        *older, _newest = self._views.values()
        return sum(v.pixel_bytes() for v in older)

    def clear(self) -> None:
        self._views.clear()
