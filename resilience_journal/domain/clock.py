"""Where the time comes from.

Everything that depends on the time (auto-lock, "since last supervision", reminders, streaks)
asks a clock object instead of calling ``datetime.now()`` itself, so tests can move time forward
without sleeping.  ``SystemClock`` is the real one; ``FakeClock`` is for tests and benchmarks.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    """Anything that can say what time it is."""

    def now(self) -> datetime:
        """The current local time, timezone-aware."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (for measuring idle time)."""
        ...


class SystemClock:
    """The computer's clock.

    ``monotonic`` deliberately uses wall-clock time rather than ``time.monotonic``: the idle lock
    must count time the laptop spent asleep (a monotonic clock may pause during suspend, which is
    how KeePassXC's issue #2014 left databases unlocked after a night in a bag).
    """

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.time()


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime, tz: tzinfo | None = None) -> None:
        if start.tzinfo is None:
            start = start.replace(tzinfo=tz) if tz else start.astimezone()
        self._now = start
        self._mono = 1_000.0

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float = 0.0, **kwargs: float) -> None:
        """Move time forward by ``seconds`` (plus any ``timedelta`` keyword, e.g. ``days=1``)."""
        delta = timedelta(seconds=seconds, **kwargs)
        self._now += delta
        self._mono += delta.total_seconds()

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (forwards only, like real time)."""
        delta = (when - self._now).total_seconds()
        if delta < 0:
            raise ValueError("a fake clock only moves forwards")
        self.advance(delta)


def today(clock: Clock) -> date:
    """The local calendar date according to ``clock``."""
    return clock.now().date()
