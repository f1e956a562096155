"""The leave clock: days off and leave the user records, and how long it has been since a break.

Only what the user records counts as a break — weekends are not assumed, because duty and
emergency work often fall on them.  Past a threshold the user sets, the Today page adds a
gentle note; it never nags or scolds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from resilience_journal.domain import messages
from resilience_journal.domain.ids import Uid, new_uid
from resilience_journal.domain.validation import MAX_SHORT_TEXT, Checker

#: Kinds of time away the form offers (the user may type their own).
LEAVE_KINDS = ("Annual leave", "Day off", "Time off in lieu", "Sick leave", "Other")
#: Default number of days without a recorded break after which the Today page says something.
DEFAULT_THRESHOLD_DAYS = 60
#: A single recorded period longer than this is surely a typing slip.
MAX_PERIOD_DAYS = 366


@dataclass(frozen=True)
class LeavePeriod:
    start: date
    end: date
    kind: str = "Annual leave"
    note: str = ""
    id: int | None = None
    uid: Uid = field(default_factory=new_uid)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


def validate_leave(p: LeavePeriod) -> None:
    check = Checker()
    if p.end < p.start:
        check.add("end", messages.LEAVE_ENDS_BEFORE_START)
    elif p.days > MAX_PERIOD_DAYS:
        check.add("end", messages.LEAVE_TOO_LONG.format(limit=MAX_PERIOD_DAYS))
    check.required("kind", p.kind, messages.LEAVE_KIND_MISSING)
    check.text("kind", p.kind, limit=MAX_SHORT_TEXT)
    check.text("note", p.note, limit=MAX_SHORT_TEXT)
    check.raise_if_any()


@dataclass(frozen=True)
class LeaveStatus:
    """What the Today page says about breaks."""

    on_leave: bool
    #: Days since the last recorded break ended: 1 the day after (None: no break recorded yet).
    days_since: int | None
    last_break_end: date | None
    next_break_start: date | None
    threshold_days: int

    @property
    def past_threshold(self) -> bool:
        return (
            not self.on_leave
            and self.days_since is not None
            and self.threshold_days > 0
            and self.days_since >= self.threshold_days
        )

    def headline(self) -> str:
        if self.on_leave:
            return messages.LEAVE_ON_LEAVE
        if self.days_since is None:
            return messages.LEAVE_NONE_RECORDED
        if self.days_since == 1:
            return messages.LEAVE_DAYS_SINCE_ONE
        return messages.LEAVE_DAYS_SINCE.format(days=self.days_since)

    def note(self, today: date) -> str:
        """The gentle extra line: a coming break, or a nudge past the threshold; may be empty."""
        if self.next_break_start is not None and not self.on_leave:
            days = (self.next_break_start - today).days
            coming = messages.LEAVE_NEXT_TOMORROW if days == 1 else messages.LEAVE_NEXT.format(days=days)
            return coming
        if self.past_threshold:
            return messages.LEAVE_PAST_THRESHOLD
        return ""


def leave_status(
    today: date, periods: Iterable[LeavePeriod], threshold_days: int = DEFAULT_THRESHOLD_DAYS
) -> LeaveStatus:
    """Where the user stands today, from the periods they recorded."""
    periods = list(periods)
    on_leave = any(p.covers(today) for p in periods)
    past = [p.end for p in periods if p.end < today]
    future = [p.start for p in periods if p.start > today]
    last_end = max(past) if past else None
    return LeaveStatus(
        on_leave=on_leave,
        days_since=0 if on_leave else ((today - last_end).days if last_end is not None else None),
        last_break_end=last_end,
        next_break_start=min(future) if future else None,
        threshold_days=threshold_days,
    )
