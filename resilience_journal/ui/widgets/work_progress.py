"""A progress bar with a Cancel button, for long work running on a worker.

``start()`` hands out a cancel token and a progress callback for the worker; the callback may be
called on any thread and hands each report to the GUI thread through a queued signal, at most
once per percent (or per step when the total is small).  The bar is determinate when the work
knows its length and a busy indicator when it does not.  Cancel asks the token to stop; once the
work passes its point of no return the button is disabled and ``finishing`` is emitted, so the
dialog can say it is finishing.  While work runs, Esc or closing the dialog means Cancel
(``refuse_close``), never walking away from a half-written file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QProgressBar, QWidget

from resilience_journal.domain import messages
from resilience_journal.domain.progress import CancelToken, Progress
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.fit import grow_to_fit, say


class _Relay(QObject):
    """Emitted from the worker, received on the GUI thread.  Parentless: the running job holds it,
    so it is never destroyed while a job is emitting (see ``ui/background.py``)."""

    moved = Signal(int, int)  # done, total (-1: not known)
    noReturn = Signal()

    def __init__(self, hook: Callable[[int, int | None], None] | None) -> None:
        super().__init__()
        self._last: tuple | None = None
        self._hook = hook

    def report(self, done: int, total: int | None) -> None:
        key = (None,) if total is None else (total, done * 100 // max(total, 1))
        if key != self._last:
            self._last = key
            self.moved.emit(done, -1 if total is None else total)
        if self._hook is not None:
            self._hook(done, total)


class WorkProgress(QWidget):
    """Hidden until ``start()``; ``stop()`` when the work's outcome has arrived."""

    #: The person pressed Cancel (or Esc) and the work agreed to stop.
    cancelled = Signal()
    #: The work passed its point of no return: it will finish, and Cancel is disabled.
    finishing = Signal()

    def __init__(self, name: str, what: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(f"Progress of {what}")
        #: For tests: called on the worker's thread with every report (e.g. to pause the work).
        self.hook: Callable[[int, int | None], None] | None = None
        self.token: CancelToken | None = None
        self._relay: _Relay | None = None
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{name}Bar")
        self.bar.setAccessibleName(f"How far the {what} has got")
        self.bar.setFormat("%p%")
        self.bar.setTextVisible(False)
        self.cancel_button = push_button("Cancel", f"{name}Cancel", self.cancel)
        self.cancel_button.setAccessibleName(f"Cancel the {what}")
        self.cancel_button.setToolTip("Stop now; nothing half-done is kept (Esc)")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    @property
    def busy(self) -> bool:
        return self.token is not None

    def start(self) -> tuple[CancelToken, Progress]:
        """Show the bar (busy until the first report) and return the worker's token and callback."""
        relay = _Relay(self.hook)
        relay.moved.connect(self._moved)
        relay.noReturn.connect(self._no_return)
        self.token, self._relay = CancelToken(on_no_return=relay.noReturn.emit), relay
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.cancel_button.setEnabled(True)
        self.show()
        window = self.window()
        if isinstance(window, QDialog) and window.isVisible():
            grow_to_fit(window)  # the bar's row must not push the dialog's buttons out of sight
        self.cancel_button.setFocus()
        return self.token, relay.report

    def stop(self) -> None:
        """The work is over (done, failed or cancelled): hide, and ignore any late report."""
        if self._relay is not None:
            self._relay.moved.disconnect(self._moved)
            self._relay.noReturn.disconnect(self._no_return)
        self.token, self._relay = None, None
        self.hide()

    def cancel(self) -> bool:
        """Ask the work to stop; False when nothing runs or it is past its point of no return."""
        if self.token is None or not self.token.cancel():
            return False
        self.cancel_button.setEnabled(False)
        self.cancelled.emit()
        return True

    def refuse_close(self) -> bool:
        """For a dialog's ``reject``: while work runs, Esc or closing means Cancel and the dialog stays."""
        if not self.busy:
            return False
        self.cancel()
        return True

    def _moved(self, done: int, total: int) -> None:
        known = total >= 0
        self.bar.setTextVisible(known)  # a percentage only where there is one
        if known:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(min(done, max(total, 1)))
        else:
            self.bar.setRange(0, 0)

    def _no_return(self) -> None:
        self.cancel_button.setEnabled(False)
        self.finishing.emit()

    def speak_through(self, label: FieldMessage | Callable[[], FieldMessage]) -> None:
        """Say "Stopping…" and "Finishing…" in ``label`` (or in the label it names at the time, for
        a dialog whose pieces of work report in different places) when the work is cancelled or
        passes its point of no return."""
        where = label if callable(label) else (lambda: label)
        self.cancelled.connect(lambda: say(where(), messages.WORK_STOPPING))
        self.finishing.connect(lambda: say(where(), messages.WORK_FINISHING))


class WorkingDialog(QDialog):
    """A dialog whose long work runs with ``self.work`` (a ``WorkProgress``): while it runs, Esc or
    closing the dialog cancels the work instead, and locking the journal cancels it too."""

    work: WorkProgress
    buttons: QDialogButtonBox

    def set_working(self, busy: bool, fields: tuple[QWidget, ...]) -> None:
        """While working, ``fields`` are disabled and the dialog's own buttons give way to the
        progress bar's Cancel (one Cancel at a time); afterwards the bar goes away."""
        for w in fields:
            w.setEnabled(not busy)
        self.buttons.setVisible(not busy)
        if not busy:
            self.work.stop()

    def reject(self) -> None:
        if not self.work.refuse_close():
            super().reject()

    def before_lock(self) -> None:
        """Locking stops the work in progress rather than waiting for it."""
        self.work.cancel()
