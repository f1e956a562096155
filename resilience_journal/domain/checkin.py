"""The daily check-in: a one-minute snapshot of how the practitioner is doing.

One per local day; saving a second one that day edits the first.  Every field is optional —
a check-in with only a mood is still worth having — but at least one thing must be filled in.
Missing days are fine and never mentioned as failures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from resilience_journal.domain import messages
from resilience_journal.domain.ids import CheckInId, Uid, new_uid
from resilience_journal.domain.validation import Checker

#: The note is one line: a longer reflection belongs in a journal entry.
MAX_NOTE = 300
#: More breaks than this in one working day is surely a typing slip.
MAX_BREAKS = 20
#: The 0–10 ratings of a check-in, in the order the form shows them, with their labels.
RATINGS = (
    ("mood", "Mood"),
    ("energy", "Energy"),
    ("sleep_quality", "Sleep quality"),
    ("workload", "Workload"),
)


@dataclass(frozen=True)
class CheckIn:
    """How the day went.  ``breaks_taken`` counts breaks; ``finished_on_time`` None = not said."""

    local_date: date
    mood: int | None = None
    energy: int | None = None
    sleep_quality: int | None = None
    sleep_hours: float | None = None
    workload: int | None = None
    breaks_taken: int | None = None
    finished_on_time: bool | None = None
    hours_worked: float | None = None
    note: str = ""
    id: CheckInId | None = None
    uid: Uid = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def is_empty(self) -> bool:
        values = (
            self.mood, self.energy, self.sleep_quality, self.sleep_hours, self.workload,
            self.breaks_taken, self.finished_on_time, self.hours_worked,
        )  # fmt: skip
        return all(v is None for v in values) and not self.note.strip()


def validate_checkin(c: CheckIn, today: date) -> None:
    """Raise ``ValidationError`` naming each field that is wrong; quiet when all is well."""
    check = Checker()
    if c.local_date > today:
        check.add("local_date", messages.CHECKIN_IN_FUTURE)
    for name, _label in RATINGS:
        check.rating(name, getattr(c, name), optional=True)
    for name in ("sleep_hours", "hours_worked"):
        value = getattr(c, name)
        if value is not None and (isinstance(value, bool) or not 0 <= value <= 24):
            check.add(name, messages.HOURS_OUT_OF_RANGE)
    if c.breaks_taken is not None and (
        isinstance(c.breaks_taken, bool) or not isinstance(c.breaks_taken, int) or not 0 <= c.breaks_taken <= MAX_BREAKS
    ):
        check.add("breaks_taken", messages.BREAKS_OUT_OF_RANGE.format(limit=MAX_BREAKS))
    if "\n" in c.note or "\r" in c.note:
        check.add("note", messages.CHECKIN_NOTE_ONE_LINE)
    check.text("note", c.note, limit=MAX_NOTE)
    if c.is_empty():
        check.add("mood", messages.CHECKIN_EMPTY)
    check.raise_if_any()
