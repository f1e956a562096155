"""Work off the GUI thread, one job at a time, with results delivered on the GUI thread.

A job is a callable returning an iterable; every item it yields is emitted as ``produced``
(tag, item), which Qt queues to the receiver's (GUI) thread.  Widgets are never touched from
the worker.  When the owner is deleted (the journal was locked), the pool is shut down and
whatever a running job still yields goes nowhere.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class _Emitter(QObject):
    """What the worker thread emits from.  It has no parent and the running job holds it, so it
    cannot be destroyed while a job is emitting — unlike the worker, which goes with its owner
    the moment the journal is locked (emitting on an object being deleted crashes the process)."""

    produced = Signal(int, object)
    failed = Signal(int, str)


class BackgroundWorker(QObject):
    """Runs one job at a time off the GUI thread; each item it yields arrives as ``produced``."""

    produced = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject, name: str = "worker") -> None:
        super().__init__(parent)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pool = pool
        self._emitter = _Emitter()
        # Signal to signal: queued to this worker's (GUI) thread; Qt drops the connection when
        # the worker is destroyed, so late items from a running job simply go nowhere.
        self._emitter.produced.connect(self.produced)
        self._emitter.failed.connect(self.failed)
        self.destroyed.connect(lambda *_: pool.shutdown(wait=False, cancel_futures=True))

    def submit(self, tag: int, work: Callable[[], Iterable[object]]) -> None:
        self._pool.submit(_run, self._emitter, tag, work)


def _run(emitter: _Emitter, tag: int, work: Callable[[], Iterable[object]]) -> None:
    try:
        for item in work():
            emitter.produced.emit(tag, item)
    except Exception as exc:  # noqa: BLE001 - the window must survive anything a job does
        # Only the type: an exception's message could quote journal words.
        log.warning("background work failed: %s", type(exc).__name__)
        emitter.failed.emit(tag, type(exc).__name__)


class _Once(QObject):
    """One per owner: a worker for single actions, and the callbacks waiting for each of them.

    ``deliver`` is a slot of an object living on the GUI thread, so Qt queues every answer there.
    """

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.setObjectName("runOnce")
        self.worker = BackgroundWorker(self, "once")
        self.waiting: dict[int, tuple[Callable, Callable]] = {}
        self.tags = itertools.count()
        self.worker.produced.connect(self.deliver)

    @Slot(int, object)
    def deliver(self, tag: int, outcome: object) -> None:
        on_done, on_error = self.waiting.pop(tag)
        ok, value = outcome
        (on_done if ok else on_error)(value)


def run_once(
    owner: QObject, work: Callable[[], object], on_done: Callable[[object], None], on_error: Callable[[Exception], None]
) -> None:
    """Run ``work()`` off the GUI thread, then ``on_done(result)`` or ``on_error(exc)`` on it.

    For single slow actions (backup, restore, rekey, export, import) whose failure the caller
    explains in its own words: the exception object itself comes back, never logged or shown.
    Actions for the same owner run one after another.
    """
    runner = owner.findChild(_Once, "runOnce", Qt.FindChildOption.FindDirectChildrenOnly) or _Once(owner)
    tag = next(runner.tags)
    runner.waiting[tag] = (on_done, on_error)

    def job() -> Iterable[object]:
        try:
            yield (True, work())
        except Exception as exc:  # noqa: BLE001 - handed to on_error, which picks the words
            yield (False, exc)

    runner.worker.submit(tag, job)
