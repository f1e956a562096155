"""When the journal should lock itself.

Pure logic, driven by a clock: the window reports activity with ``touch()`` and asks
``is_due()`` on a timer.  Tests move a ``FakeClock`` instead of sleeping.
"""

from __future__ import annotations

from resilience_journal.domain.clock import Clock

#: Lock after this long without keyboard or mouse activity, unless the user chooses otherwise.
DEFAULT_IDLE_MINUTES = 5
#: The choices offered in Settings (0 means never lock on idle).
IDLE_CHOICES_MINUTES = (1, 2, 5, 10, 15, 30, 60, 0)


class IdleLock:
    """Tracks the last activity and says when the idle timeout has passed."""

    def __init__(self, clock: Clock, minutes: int = DEFAULT_IDLE_MINUTES) -> None:
        self._clock = clock
        self.minutes = minutes
        self._last = clock.monotonic()

    def touch(self) -> None:
        """The user did something: restart the countdown."""
        self._last = self._clock.monotonic()

    def seconds_idle(self) -> float:
        return max(0.0, self._clock.monotonic() - self._last)

    def is_due(self) -> bool:
        """True once the user has been idle for the whole timeout (never when it is off)."""
        return self.minutes > 0 and self.seconds_idle() >= self.minutes * 60
