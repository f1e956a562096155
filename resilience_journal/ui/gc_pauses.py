"""Keep the garbage collector's pauses short while work runs beside the window.

A full collection walks every container object the process holds and pauses every thread while
it does; on the Trends page that was 40–70 ms at a time, several times per period change.  Most
of those objects live as long as the app (the widgets, and matplotlib's modules, fonts and
caches once it is loaded), so they are moved out of the collector's rounds with ``gc.freeze``:
once when the window is built, and once more when matplotlib has drawn its first chart.
"""

from __future__ import annotations

import gc
import threading

_after_charts = threading.Event()


def freeze_long_lived() -> None:
    """Everything alive now lives as long as the app: stop the collector walking it."""
    gc.freeze()


def after_first_chart() -> None:
    """Call once a chart has been drawn: matplotlib's modules and caches are loaded for good.

    Collected first, so any garbage made while loading is freed rather than frozen for ever.
    Only the first call does anything.
    """
    if _after_charts.is_set():
        return
    _after_charts.set()
    gc.collect()
    gc.freeze()
