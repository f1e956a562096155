"""Work off the GUI thread, one job at a time, with results delivered on the GUI thread.

A job is a callable returning an iterable; every item it yields is emitted as ``produced``
(tag, item), which Qt queues to the receiver's (GUI) thread.  Widgets are never touched from
the worker.  When the owner is deleted (the journal was locked), the pool is shut down and
whatever a running job still yields goes nowhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class BackgroundWorker(QObject):
    """Runs one job at a time off the GUI thread; each item it yields arrives as ``produced``."""

    produced = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject, name: str = "worker") -> None:
        super().__init__(parent)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pool = pool
        self.destroyed.connect(lambda *_: pool.shutdown(wait=False, cancel_futures=True))

    def submit(self, tag: int, work: Callable[[], Iterable[object]]) -> None:
        self._pool.submit(self._run, tag, work)

    def _run(self, tag: int, work: Callable[[], Iterable[object]]) -> None:
        try:
            for item in work():
                if not self._emit("produced", tag, item):
                    return  # the owner was deleted (journal locked): nobody is listening
        except Exception as exc:  # noqa: BLE001 - the window must survive anything a job does
            # Only the type: an exception's message could quote journal words.
            log.warning("background work failed: %s", type(exc).__name__)
            self._emit("failed", tag, type(exc).__name__)

    def _emit(self, signal: str, *args: object) -> bool:
        try:
            getattr(self, signal).emit(*args)
        except RuntimeError:  # "Internal C++ object already deleted"
            return False
        return True
