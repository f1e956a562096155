"""Which reminder, if any, is due now — a pure decision, so it is tested with a fake clock.

Reminders are off by default and only appear while the app is running.  Their wording is
fixed here and never contains anything the user wrote: a notification can be seen over a
shoulder or on a lock screen.

- End-of-day check-in: after the chosen time, on a day without a check-in and not on leave.
- "A visit that stays with me?": the morning after a day with a high-stress entry (looking back
  a few days, so a Friday's hard visit is still offered on Monday), once per such day.
Each reminder has a key; one that was shown is not shown again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

#: How many days back a high-stress entry still earns a follow-up prompt.
FOLLOWUP_WINDOW_DAYS = 3
#: Stress from which an entry counts as high (0–10), unless the user changes it.
DEFAULT_HIGH_STRESS = 7

CHECKIN_TITLE = "Time for your check-in?"
CHECKIN_MESSAGE = "If you have a minute, how was today? A quick check-in is waiting on the Today page."
FOLLOWUP_TITLE = "A visit that stays with you?"
FOLLOWUP_MESSAGE = (
    "Recently you had a hard day. If a visit is still on your mind, a few lines or a short "
    "breathing break can help. Only if you want to."
)


@dataclass(frozen=True)
class ReminderSettings:
    checkin_enabled: bool = False
    checkin_time: time = time(17, 0)
    followup_enabled: bool = False
    followup_time: time = time(9, 0)
    high_stress: int = DEFAULT_HIGH_STRESS

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["checkin_time"] = self.checkin_time.strftime("%H:%M")
        d["followup_time"] = self.followup_time.strftime("%H:%M")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> ReminderSettings:
        """Settings from the journal; anything missing or unreadable falls back to the default."""
        base = cls()
        if not isinstance(d, dict):
            return base

        def clock_time(key: str, default: time) -> time:
            try:
                return time.fromisoformat(str(d[key]))
            except (KeyError, ValueError):
                return default

        stress = d.get("high_stress", base.high_stress)
        return cls(
            checkin_enabled=bool(d.get("checkin_enabled", False)),
            checkin_time=clock_time("checkin_time", base.checkin_time),
            followup_enabled=bool(d.get("followup_enabled", False)),
            followup_time=clock_time("followup_time", base.followup_time),
            high_stress=stress if isinstance(stress, int) and 0 <= stress <= 10 else base.high_stress,
        )


@dataclass(frozen=True)
class Reminder:
    kind: str  # 'checkin' or 'followup'
    key: str  # e.g. 'checkin:2026-11-25'; shown once
    title: str
    message: str


def due_reminder(
    now: datetime,
    settings: ReminderSettings,
    *,
    last_checkin: date | None,
    recent_stress: Iterable[tuple[date, int]],
    shown: Iterable[str] = (),
    on_leave: bool = False,
) -> Reminder | None:
    """The reminder to show now, or None.

    ``recent_stress`` is (local date, stress) of recent entries; ``shown`` the keys already shown.
    """
    shown = set(shown)
    today = now.date()
    if settings.followup_enabled and now.time() >= settings.followup_time:
        window = {today - timedelta(days=k) for k in range(1, FOLLOWUP_WINDOW_DAYS + 1)}
        hard_days = sorted({d for d, stress in recent_stress if d in window and stress >= settings.high_stress})
        for day in reversed(hard_days):
            key = f"followup:{day.isoformat()}"
            if key not in shown:
                return Reminder("followup", key, FOLLOWUP_TITLE, FOLLOWUP_MESSAGE)
    if settings.checkin_enabled and now.time() >= settings.checkin_time and not on_leave and last_checkin != today:
        key = f"checkin:{today.isoformat()}"
        if key not in shown:
            return Reminder("checkin", key, CHECKIN_TITLE, CHECKIN_MESSAGE)
    return None
