"""Keep the garbage collector's pauses short while work runs beside the window.

A full collection walks every container object the process holds and pauses every thread while
it does; on the Trends page that was 40–70 ms at a time, several times per period change.  Most
of those objects live as long as the app (the widgets, and matplotlib's modules, fonts and
caches once it is loaded), so they are moved out of the collector's rounds with ``gc.freeze``:
when the window is built, when a journal is unlocked, and when matplotlib has drawn its first
chart.

Frozen objects are never collected, and a frozen object that becomes garbage stays in memory.
While a journal is unlocked that is harmless (what was alive at the freeze belongs to the open
session or to the app), but nothing of a session may outlive its lock: locking unfreezes
everything, and the collection that follows frees what showed the journal.

Every call here is made on the GUI thread: a collection destroys whatever garbage it finds on the
thread that runs it, and Qt objects made on the GUI thread must not be destroyed on a worker.
"""

from __future__ import annotations

import gc

_charts_drawn = False


def freeze_long_lived() -> None:
    """Everything alive now lives as long as the app: stop the collector walking it."""
    gc.freeze()


def before_unlock() -> None:
    """About to open a journal: what remains of the last session is freed, what is left is the
    app's own (and matplotlib's, once loaded), frozen for the session to come."""
    gc.collect()
    gc.freeze()


def after_first_chart() -> None:
    """Call once a chart has been shown: matplotlib's modules and caches are loaded for good.

    Collected first, so any garbage made while loading is freed rather than frozen.  Only the
    first call in the life of the app does anything.
    """
    global _charts_drawn
    if _charts_drawn:
        return
    _charts_drawn = True
    gc.collect()
    gc.freeze()


def after_lock() -> None:
    """The journal was locked and its widgets are gone: let the collector free all of them."""
    gc.unfreeze()
    gc.collect()
