"""Long work that says how far it has got and can be cancelled, up to a point of no return.

The window and the worker share a ``CancelToken``.  The window calls ``cancel()`` when the person
presses Cancel; the worker calls ``check()`` between steps (rows, batches, pages — never per
character) and stops with ``Cancelled`` once asked, after undoing what it had started.

Work that rewrites the journal (restore, change of passphrase) passes a *point of no return*
just before the step that cannot be stopped half-way.  ``point_of_no_return()`` and ``cancel()``
take the same lock, so exactly one of them wins: either the work stops before that step, or
``cancel()`` answers False and the work runs to the end.  Nothing is ever left half-done.

A ``Progress`` callback receives (done, total); ``total`` is None when the length is not known.
It is called on the worker's thread, so a window must hand it on to its own thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

#: (done, total) — total is None when the length of the work is not known ahead.
Progress = Callable[[int, int | None], None]


class Cancelled(Exception):
    """The person cancelled before the point of no return; everything started was undone."""


class CancelToken:
    """A thread-safe "please stop", shared by the window (which cancels) and the worker (which checks).

    ``on_no_return`` is called (on the worker's thread) when the work passes its point of no return.
    """

    def __init__(self, on_no_return: Callable[[], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._past_no_return = False
        self._on_no_return = on_no_return

    def cancel(self) -> bool:
        """Ask the work to stop.  False if it is past its point of no return (it will finish)."""
        with self._lock:
            if self._past_no_return:
                return False
            self._cancelled = True
            return True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @property
    def past_no_return(self) -> bool:
        return self._past_no_return

    def check(self) -> None:
        """Raise ``Cancelled`` if the work was asked to stop."""
        if self._cancelled:
            raise Cancelled()

    def point_of_no_return(self) -> None:
        """From here the work finishes whatever happens; raises ``Cancelled`` if it was asked to stop first."""
        with self._lock:
            if self._cancelled:
                raise Cancelled()
            self._past_no_return = True
        if self._on_no_return is not None:
            self._on_no_return()


def step(token: CancelToken | None, progress: Progress | None, done: int, total: int | None) -> None:
    """Say how far the work has got, then stop there if it was cancelled (both optional)."""
    if progress is not None:
        progress(done, total)
    if token is not None:
        token.check()


def no_return(token: CancelToken | None) -> None:
    """Pass the point of no return (a no-op for work that nobody can cancel)."""
    if token is not None:
        token.point_of_no_return()


class Ticker:
    """Counts the steps of work whose length is known, reporting and checking every ``every`` steps."""

    def __init__(self, token: CancelToken | None, progress: Progress | None, total: int, every: int = 1) -> None:
        self.token, self.progress, self.total, self.every = token, progress, total, max(1, every)
        self.done = 0
        step(token, progress, 0, total)

    def tick(self, n: int = 1) -> None:
        before, self.done = self.done, self.done + n
        if self.done // self.every != before // self.every or self.done >= self.total:
            step(self.token, self.progress, self.done, self.total)
