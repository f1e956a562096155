"""Limits on what the journal accepts, and the error that says what is wrong.

Limits are generous: a practitioner should never meet them writing normally, but an accidental
paste of a whole document, or a corrupt import, is refused kindly before it reaches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from resilience_journal.domain import messages

#: Longest free text in one field (a long evening reflection is ~5,000 characters).
MAX_TEXT = 100_000
#: Longest short text: a case label, a tag, an activity kind, a contact name.
MAX_SHORT_TEXT = 200
#: Ratings (stress, mood, energy...) run from 0 to 10 inclusive.
RATING_MIN, RATING_MAX = 0, 10
#: A decompression that lasts longer than a day is surely a typing slip.
MAX_MINUTES = 24 * 60
#: Clocks drift and time zones confuse; allow this much "future" before refusing a time.
FUTURE_TOLERANCE = timedelta(minutes=5)
#: Events before this year are surely a typing slip (e.g. "0026" for "2026").
EARLIEST_YEAR = 1950
#: Most items in one list field (tags, emotions, answers) — far beyond any real entry.
MAX_ITEMS = 100


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one field, worded for the person who typed it."""

    field: str
    message: str


class ValidationError(ValueError):
    """Raised when input breaks a limit; carries every problem found, not just the first."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))

    def for_field(self, field: str) -> str | None:
        """The message for ``field``, if that field has a problem."""
        for p in self.problems:
            if p.field == field:
                return p.message
        return None


class Checker:
    """Collects problems across several fields, then raises them together."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def add(self, field: str, message: str) -> None:
        self.problems.append(FieldProblem(field, message))

    def rating(self, field: str, value: object, *, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool) or not RATING_MIN <= value <= RATING_MAX:
            self.add(field, messages.RATING_OUT_OF_RANGE)

    def text(self, field: str, value: str, *, limit: int = MAX_TEXT) -> None:
        if len(value) > limit:
            template = messages.TEXT_TOO_LONG if limit == MAX_TEXT else messages.SHORT_TEXT_TOO_LONG
            self.add(field, template.format(limit=limit))

    def required(self, field: str, value: str, message: str) -> None:
        if not value.strip():
            self.add(field, message)

    def not_future(self, field: str, when: datetime | None, now: datetime) -> None:
        if when is None:
            self.add(field, messages.WHEN_MISSING)
        elif when.tzinfo is None:
            raise TypeError("times must be timezone-aware")
        elif when > now + FUTURE_TOLERANCE:
            self.add(field, messages.WHEN_IN_FUTURE)
        elif when.year < EARLIEST_YEAR:
            self.add(field, messages.WHEN_TOO_EARLY.format(year=EARLIEST_YEAR))

    def words(self, field: str, values: tuple[str, ...] | list[str]) -> None:
        """A list of short labels (tags, emotions): none blank, none too long, not too many."""
        if len(values) > MAX_ITEMS:
            self.add(field, messages.TOO_MANY_ITEMS.format(limit=MAX_ITEMS))
            return
        for value in values:
            if not value.strip():
                self.add(field, messages.BLANK_ITEM)
                return
            if len(value) > MAX_SHORT_TEXT:
                self.add(field, messages.SHORT_TEXT_TOO_LONG.format(limit=MAX_SHORT_TEXT))
                return

    def minutes(self, field: str, value: int | None) -> None:
        if value is not None and not 0 <= value <= MAX_MINUTES:
            self.add(field, messages.MINUTES_OUT_OF_RANGE.format(limit=MAX_MINUTES))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)
