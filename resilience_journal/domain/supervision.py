"""Supervision: sessions, the actions agreed in them, how much of an entry is shared, and the
supervision clock (days since the last session against how often the user wants one).

Pure Python: no Qt, no SQL.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from resilience_journal.domain import messages
from resilience_journal.domain.ids import ActionId, SessionId, ShareId, Uid, new_uid
from resilience_journal.domain.validation import MAX_SHORT_TEXT, Checker


class ShareLevel(StrEnum):
    """How much of one entry goes into a summary."""

    #: Date, kind of work, stress, emotions and what helped to come down — none of the user's words.
    HEADLINE = "headline"
    #: The headline plus the answers the user ticked.
    WITH_REFLECTION = "with_reflection"
    #: Not in the summary at all.
    LEAVE_OUT = "leave_out"

    @property
    def label(self) -> str:
        return SHARE_LEVEL_LABELS[self]


SHARE_LEVEL_LABELS = {
    ShareLevel.HEADLINE: "Headline only",
    ShareLevel.WITH_REFLECTION: "With reflection",
    ShareLevel.LEAVE_OUT: "Leave out",
}


class SupervisionFunction(StrEnum):
    """The four functions of supervision (Morrison's model), used to organise the agenda."""

    MANAGEMENT = "management"
    SUPPORT = "support"
    DEVELOPMENT = "development"
    MEDIATION = "mediation"

    @property
    def label(self) -> str:
        return FUNCTION_TEXT[self][0]

    @property
    def hint(self) -> str:
        return FUNCTION_TEXT[self][1]


FUNCTION_TEXT = {
    SupervisionFunction.MANAGEMENT: ("Management", "Workload, priorities, deadlines, decisions that need sign-off."),
    SupervisionFunction.SUPPORT: ("Support", "How the work is affecting you, and what would help."),
    SupervisionFunction.DEVELOPMENT: ("Development", "What you are learning, skills to build, training."),
    SupervisionFunction.MEDIATION: ("Mediation", "Things to raise with the team, other agencies or the organisation."),
}


@dataclass(frozen=True)
class Session:
    """One supervision session as the user recorded it."""

    held_on: date
    supervisor: str = ""
    notes: str = ""
    id: SessionId | None = None
    uid: Uid = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Action:
    """Something agreed in supervision, to be done by the user (or checked at the next session)."""

    text: str
    due_on: date | None = None
    done_at: datetime | None = None
    session_id: SessionId | None = None
    id: ActionId | None = None
    uid: Uid = field(default_factory=new_uid)
    created_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.done_at is None


@dataclass(frozen=True)
class ShareItem:
    """One thing that left the journal in an export: an entry (by uid) at a level, a chart..."""

    item_kind: str
    item_id: str
    level: str


@dataclass(frozen=True)
class ShareRecord:
    """When something was exported or shared, to which file, and exactly what it held."""

    shared_at: datetime
    kind: str
    file_name: str
    items: tuple[ShareItem, ...] = ()
    #: Anything else worth remembering: the period, the format, the agenda count.
    detail: dict = field(default_factory=dict)
    id: ShareId | None = None
    uid: Uid = field(default_factory=new_uid)

    def items_of(self, kind: str) -> list[ShareItem]:
        return [i for i in self.items if i.item_kind == kind]


#: Kind of share record written by the supervision summary.
SUMMARY_SHARE_KIND = "supervision summary"


def validate_session(s: Session, today: date) -> None:
    check = Checker()
    if s.held_on > today:
        check.add("held_on", messages.SESSION_IN_FUTURE)
    check.text("supervisor", s.supervisor, limit=MAX_SHORT_TEXT)
    check.text("notes", s.notes)
    check.raise_if_any()


def validate_action(a: Action) -> None:
    check = Checker()
    check.required("text", a.text, messages.ACTION_EMPTY)
    check.text("text", a.text)
    check.raise_if_any()


# --- the supervision clock -----------------------------------------------------------------


@dataclass(frozen=True)
class Frequency:
    """How often the user wants supervision: every ``days`` days or every ``months`` months."""

    key: str
    label: str
    days: int = 0
    months: int = 0

    def next_due(self, last: date) -> date:
        if self.months:
            return add_months(last, self.months)
        return last + timedelta(days=self.days)


FREQUENCIES: tuple[Frequency, ...] = (
    Frequency("weekly", "Every week", days=7),
    Frequency("fortnightly", "Every two weeks", days=14),
    Frequency("four_weeks", "Every four weeks", days=28),
    Frequency("monthly", "Every month", months=1),
    Frequency("six_weeks", "Every six weeks", days=42),
    Frequency("two_months", "Every two months", months=2),
    Frequency("quarterly", "Every three months", months=3),
)
#: A new journal assumes monthly supervision, the most common arrangement.
DEFAULT_FREQUENCY = "monthly"


def frequency(key: str | None) -> Frequency:
    for f in FREQUENCIES:
        if f.key == key:
            return f
    return frequency(DEFAULT_FREQUENCY)


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter (31 Jan -> 28 Feb)."""
    index = d.month - 1 + months
    year, month = d.year + index // 12, index % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ClockReading:
    """Where the user is in their supervision rhythm, worded gently."""

    last: date | None
    days_since: int | None
    due_on: date | None
    #: Days past the due date (0 when not overdue).
    overdue_days: int
    headline: str
    note: str

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


def supervision_clock(last: date | None, freq: Frequency, today: date) -> ClockReading:
    """Days since the last session compared with how often the user wants supervision."""
    if last is None:
        return ClockReading(None, None, None, 0, messages.CLOCK_NO_SESSION, messages.CLOCK_NO_SESSION_NOTE)
    days = (today - last).days
    due = freq.next_due(last)
    overdue = max(0, (today - due).days)
    headline = messages.CLOCK_DAYS_SINCE.format(days=days, s="" if days == 1 else "s", when=_long(last))
    if overdue:
        note = messages.CLOCK_OVERDUE.format(rhythm=freq.label.lower(), due=_long(due))
    else:
        left = (due - today).days
        note = (
            messages.CLOCK_DUE_TODAY
            if left == 0
            else messages.CLOCK_NEXT_DUE.format(due=_long(due), days=left, s="" if left == 1 else "s")
        )
    return ClockReading(last, days, due, overdue, headline, note)


def _long(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def carried_forward(actions: list[Action]) -> list[Action]:
    """Open actions, oldest due first (undated last), to bring to the next session."""
    open_ = [a for a in actions if a.is_open]
    return sorted(open_, key=lambda a: (a.due_on is None, a.due_on or date.max, a.created_at or datetime.min))
