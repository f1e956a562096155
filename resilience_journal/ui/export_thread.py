"""Writing an export on a Qt thread, with the outcome delivered on the GUI thread.

Rendering a PDF lays text out with QTextDocument, which starts Qt timers; a Qt thread has the
event dispatcher those need (a plain Python thread does not, and Qt complains on every page).
Running threads are kept here rather than by a widget, so locking the journal mid-write (which
deletes every widget) cannot destroy a running thread; its result then simply goes nowhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

log = logging.getLogger(__name__)

#: Threads still running (strong references, so Python does not collect them mid-run).
_RUNNING: set[QThread] = set()


class ExportThread(QThread):
    """Runs ``job`` once; ``finishedWith`` carries its return value, ``failedWith`` an error's type name."""

    finishedWith = Signal(object)
    failedWith = Signal(str)

    def __init__(self, job: Callable[[], object]) -> None:
        super().__init__()
        self._job = job
        self.finished.connect(self._forget)

    def run(self) -> None:
        try:
            outcome = self._job()
        except Exception as exc:  # noqa: BLE001 - the window must survive anything an export does
            # Only the type: a message could quote journal words.
            log.warning("export failed: %s", type(exc).__name__)
            self.failedWith.emit(type(exc).__name__)
            return
        self.finishedWith.emit(outcome)

    def _forget(self) -> None:
        _RUNNING.discard(self)
        self.deleteLater()


def start_export(
    job: Callable[[], object], done: Callable[[object], None], failed: Callable[[str], None]
) -> ExportThread:
    """Run ``job`` on its own Qt thread; ``done(result)`` or ``failed(kind)`` is called on the GUI thread.

    ``done`` and ``failed`` must be methods of a QObject living on the GUI thread: Qt then queues
    the call to that thread, and drops it if the object was deleted meanwhile.
    """
    thread = ExportThread(job)
    thread.finishedWith.connect(done)
    thread.failedWith.connect(failed)
    _RUNNING.add(thread)
    thread.start()
    return thread
