"""Decompression: what the practitioner did to come down after a visit, and whether it helped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from resilience_journal.domain import messages
from resilience_journal.domain.ids import DecompressionId, ReflectionId, Uid, new_uid
from resilience_journal.domain.validation import MAX_SHORT_TEXT, Checker

#: The vocabulary list holding strategies; users can add, hide and reorder them.
STRATEGY_LIST = "strategy"
#: Strategies a new journal starts with.
DEFAULT_STRATEGIES = (
    "Walk",
    "Breathing",
    "Talked to a colleague",
    "Music",
    "Sat in the car",
    "Exercise",
    "Writing",
    "Grounding",
    "Other",
)
#: Built-in guided exercises and the strategy each one logs itself as.
EXERCISE_STRATEGIES = {"paced_breathing": "Breathing", "grounding_54321": "Grounding"}


@dataclass(frozen=True)
class Decompression:
    """One thing done to come down, with stress before and after (each optional)."""

    occurred_at: datetime
    strategy: str
    minutes: int | None = None
    stress_before: int | None = None
    stress_after: int | None = None
    note: str = ""
    exercise: str | None = None
    reflection_id: ReflectionId | None = None
    id: DecompressionId | None = None
    uid: Uid = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def local_date(self) -> date:
        return self.occurred_at.date()

    @property
    def change(self) -> int | None:
        """How much stress came down (positive) or went up (negative); None without both ratings."""
        if self.stress_before is None or self.stress_after is None:
            return None
        return self.stress_before - self.stress_after


def validate_decompression(d: Decompression, now: datetime) -> None:
    check = Checker()
    check.not_future("occurred_at", d.occurred_at, now)
    check.required("strategy", d.strategy, messages.STRATEGY_MISSING)
    check.text("strategy", d.strategy, limit=MAX_SHORT_TEXT)
    check.minutes("minutes", d.minutes)
    check.rating("stress_before", d.stress_before, optional=True)
    check.rating("stress_after", d.stress_after, optional=True)
    check.text("note", d.note)
    check.raise_if_any()


def after_words(d: Decompression, other_strategies: list[str]) -> str:
    """What to say once a decompression is logged: glad it helped, or gently suggest another."""
    change = d.change
    if change is None:
        return messages.DECOMPRESSION_LOGGED
    if change > 0:
        return messages.DECOMPRESSION_HELPED.format(points=change, s="" if change == 1 else "s")
    others = [s for s in other_strategies if s != d.strategy and s != "Other"][:3]
    suggestion = ", ".join(s.lower() for s in others) if others else "something different"
    return messages.DECOMPRESSION_NOT_YET.format(suggestions=suggestion)
