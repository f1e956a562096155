"""Kept Trends views: the newest few, within a pixel budget, forgotten together."""

from __future__ import annotations

from PySide6.QtGui import QImage

from resilience_journal.charts.alternatives import ChartTable
from resilience_journal.ui.trends_cache import TrendsView, ViewCache
from resilience_journal.ui.trends_job import Summary, drawing_order
from resilience_journal.ui.widgets.chart_panel import ShownChart


def _view(megabytes: int, alert: bool = False) -> TrendsView:
    summary = Summary(data=None, insights=[], alert=None, show_alert=alert, kinds=[], chart_keys=["c"])
    side = int((megabytes * 1024 * 1024 / 4) ** 0.5)
    image = QImage(side, side, QImage.Format.Format_RGBA8888)
    return TrendsView(summary, [ShownChart("c", image, "#ffffff", "", ChartTable((), ()))])


def test_the_newest_views_are_kept_and_the_oldest_go_first():
    cache = ViewCache(max_views=3, pixel_budget=1 << 40)
    for key in "abcd":
        cache.put(key, _view(1))
    assert [cache.get(k) is not None for k in "abcd"] == [False, True, True, True]
    cache.get("b")  # looked at again: now the newest
    cache.put("e", _view(1))
    assert cache.get("c") is None and cache.get("b") is not None


def test_pixels_beyond_the_budget_are_not_kept_but_the_newest_always_is():
    cache = ViewCache(max_views=10, pixel_budget=5 * 1024 * 1024)
    cache.put("a", _view(3))
    cache.put("b", _view(3))
    cache.put("huge", _view(20))  # over the budget alone, but it is the one on screen
    assert cache.get("huge") is not None
    assert cache.get("b") is not None  # 3 MB of older views: within budget
    assert cache.get("a") is None  # 6 MB would not have been
    assert len(cache) == 2


def test_clearing_forgets_everything():
    # (A dismissed card staying dismissed in kept views is the page's doing, checked there:
    # test_a_dismissed_card_stays_dismissed_in_views_kept_from_before.)
    cache = ViewCache()
    cache.put("a", _view(1, alert=True))
    cache.put("b", _view(1, alert=True))
    cache.clear()
    assert len(cache) == 0 and cache.get("a") is None


def test_charts_in_view_are_drawn_first_and_the_rest_keep_their_page_order():
    class Spec:
        def __init__(self, key):
            self.key = key

    specs = [Spec(k) for k in ("one", "two", "three", "four", "five")]
    assert [s.key for s in drawing_order(specs, ("four", "three"))] == ["four", "three", "one", "two", "five"]
    assert [s.key for s in drawing_order(specs, ())] == ["one", "two", "three", "four", "five"]
    assert [s.key for s in drawing_order(specs, ("gone",))] == ["one", "two", "three", "four", "five"]
