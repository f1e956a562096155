"""The spans of time the Trends page (and the supervision export) look at, and how to name them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class PeriodChoice:
    """One choice of the period selector: a stable key, the words shown, and its length in days.

    ``days`` is None for "all" (from the first entry) and "custom" (the user picks both ends).
    """

    key: str
    label: str
    days: int | None


#: The period selector, in the order it is offered.
PERIOD_CHOICES: tuple[PeriodChoice, ...] = (
    PeriodChoice("4w", "Last 4 weeks", 28),
    PeriodChoice("3m", "Last 3 months", 91),
    PeriodChoice("12m", "Last 12 months", 365),
    PeriodChoice("all", "Everything", None),
    PeriodChoice("custom", "Choose dates…", None),
)
#: The period the page opens with.
DEFAULT_PERIOD = "3m"


def period_range(key: str, today: date, first_day: date | None) -> tuple[date, date]:
    """Start and end (inclusive) of the period ``key`` ending today.

    "all" runs from the first day with anything recorded (today when the journal is empty).
    """
    choice = next((c for c in PERIOD_CHOICES if c.key == key), None)
    if choice is None or choice.days is None:
        if key == "all":
            return (min(first_day, today) if first_day else today), today
        raise ValueError(f"period {key!r} has no fixed length")
    return today - timedelta(days=choice.days - 1), today


def previous_range(start: date, end: date) -> tuple[date, date]:
    """The equally long span just before ``start``..``end``: what "before" means in comparisons."""
    length = (end - start).days + 1
    return start - timedelta(days=length), start - timedelta(days=1)


def describe_range(start: date, end: date) -> str:
    """Words for a span, e.g. "29 Oct to 25 Nov 2026" or "3 to 9 Mar 2025"."""
    if start == end:
        return _day(end, year=True)
    if start.year != end.year:
        return f"{_day(start, year=True)} to {_day(end, year=True)}"
    return f"{_day(start, year=False)} to {_day(end, year=True)}"


def describe_length(start: date, end: date) -> str:
    """How long a span is, in words: "28 days", "13 weeks", "1 day"."""
    days = (end - start).days + 1
    if days % 7 == 0 and days >= 14:
        return f"{days // 7} weeks"
    return "1 day" if days == 1 else f"{days} days"


def _day(d: date, *, year: bool) -> str:
    text = f"{d.day} {d.strftime('%b')}"
    return f"{text} {d.year}" if year else text
