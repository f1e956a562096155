"""Running slow journal work (backup, restore, rekey, export, import) off the GUI thread.

The work function runs on Qt's thread pool and must not touch widgets; its result or exception
comes back on the GUI thread through a signal.  The journal's own lock keeps the shared
connection safe meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the GUI thread, which decides what to say
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


def run_in_background(
    owner: QObject, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None]
) -> _Relay:
    """Start ``work`` on a worker thread; call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    ``owner`` keeps the relay alive; if the owner is deleted first, the answer is dropped.
    """
    relay = _Relay(owner)
    relay.done.connect(on_done)
    relay.failed.connect(on_error)
    relay.done.connect(relay.deleteLater)
    relay.failed.connect(relay.deleteLater)
    QThreadPool.globalInstance().start(_Task(work, relay))
    return relay
