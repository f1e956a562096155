"""Workarounds for defects in the Qt binding, applied once at start-up.

PySide6 6.12.0 on Python 3.11: every ``SignalInstance.emit()`` drops one reference to ``True``
(whatever it returns).  Python before 3.12 frees objects whose count reaches zero, and
freeing ``True`` aborts the interpreter ("bool_dealloc: deallocating True or False") — in a
real session after a few hundred emitted signals (about 570 here).  Emits from worker threads
count too.

``guard_signal_emit_refcount()`` measures whether the running binding has the defect and, if
so, gives ``True`` a very large number of extra references, so it can never reach zero.  ``True``
is never freed anyway; the only effect is that the count cannot underflow.  Python 3.12+
makes ``True`` immortal, and a fixed PySide6 loses nothing, so then this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

#: Extra references given to ``True``: enough for a billion emits.
_PADDING = 1 << 30
_guarded = False


def emit_drops_true_reference(samples: int = 20) -> bool:
    """Whether ``Signal.emit`` in this binding loses references to ``True`` (measured, not guessed)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(samples):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    # Other threads may take or drop references meanwhile: demand most of the samples.
    return lost >= samples * 3 // 4


def guard_signal_emit_refcount() -> bool:
    """Apply the workaround if this binding needs it; True when it was applied.  Safe to call twice."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _guarded
    if emit_drops_true_reference():
        # ob_refcnt is the first field of every CPython object (non-debug builds).
        refcount = ctypes.c_ssize_t.from_address(id(True))
        refcount.value += _PADDING
        _guarded = True
    return _guarded
