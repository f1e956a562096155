"""Work off the GUI thread, one job at a time, with results delivered on the GUI thread.

A job is a callable returning an iterable; every item it yields is emitted as ``produced``
(tag, item), which Qt queues to the receiver's (GUI) thread.  Widgets are never touched from
the worker.  When the owner is deleted (the journal was locked), the pool is shut down and a
running job is stopped at its next item.

Pacing: after each item the worker waits until the GUI thread has handled it.  Python runs one
thread at a time (the GIL), and a GUI handler makes hundreds of small calls into Qt, each of
which hands the GIL over and must win it back from a busy worker (up to
``sys.getswitchinterval()`` each).  Left to compete, a handler that takes 20 ms alone took
100–170 ms while the Trends worker drew the next chart; paced, it runs alone.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

#: The longest a worker waits for the GUI thread to handle an item before going on anyway (a
#: GUI thread busy elsewhere, say in a modal dialog's own loop, must not stall the work).
PACE_TIMEOUT_S = 1.0
#: "The GUI has handled an item": posted below every other event's priority, so it is delivered
#: only after the layout and repaint that the item's receivers asked for (Qt posts repaints at
#: Qt.LowEventPriority, -1).
_HANDLED = QEvent.Type(QEvent.registerEventType())
_AFTER_REPAINTS = -10


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
        handled, stopped = threading.Event(), threading.Event()
        self._handled, self._stopped = handled, stopped
        # Connected before any receiver, so it runs first; the event it posts arrives once the
        # receivers have returned and the window has been laid out and repainted.
        self.produced.connect(self._item_arrived)
        # Signal to signal: queued to this worker's (GUI) thread; Qt drops the connection when
        # the worker is destroyed, so late items from a running job simply go nowhere.
        self._emitter.produced.connect(self.produced)
        self._emitter.failed.connect(self.failed)

        def owner_gone(*_: object) -> None:
            stopped.set()
            handled.set()
            pool.shutdown(wait=False, cancel_futures=True)

        self.destroyed.connect(owner_gone)

    def submit(self, tag: int, work: Callable[[], Iterable[object]]) -> None:
        self._pool.submit(_run, self._emitter, tag, work, self._handled, self._stopped)

    @property
    def gone(self) -> threading.Event:
        """Set once the owner is gone: a long step of a job can look at it (from any thread) and
        stop early, rather than finish work that nobody will see."""
        return self._stopped

    @Slot(int, object)
    def _item_arrived(self, _tag: int, _item: object) -> None:
        QCoreApplication.postEvent(self, QEvent(_HANDLED), _AFTER_REPAINTS)

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _HANDLED:
            self._handled.set()


def _run(
    emitter: _Emitter,
    tag: int,
    work: Callable[[], Iterable[object]],
    handled: threading.Event,
    stopped: threading.Event,
) -> None:
    try:
        for item in work():
            if stopped.is_set():
                return  # the owner is gone: nobody will see what is left to do
            handled.clear()
            emitter.produced.emit(tag, item)
            handled.wait(PACE_TIMEOUT_S)
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
