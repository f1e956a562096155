"""Questionnaires the practitioner can take now and then: the Copenhagen Burnout Inventory and
the ProQOL 5.

Scoring is pure and follows each instrument's published rules exactly (``cbi.py``,
``proqol.py``); the wording of the items is data, in ``resources/questionnaires/*.json``.
Both are screening tools, never a diagnosis, and the app says so wherever a score is shown.

A completed questionnaire is a ``Measure``: the instrument, when it was taken, the answers
(item number -> answer code) and the scale scores (scale id -> number, or None when too few
items were answered to score that scale).  Trends reads ``scores`` straight from the journal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from resilience_journal.domain.ids import MeasureId, Uid, new_uid

#: Shown wherever a questionnaire or its result appears.
SCREENING_NOTICE = (
    "This is a screening questionnaire, not a diagnosis. A score is a prompt to notice how you "
    "are and, if it worries you, to talk to someone — your supervisor, occupational health, "
    "your GP or a helpline."
)

#: How often the app suggests taking a questionnaire again, unless the user turns it off.
DEFAULT_RHYTHM_DAYS = 30


@dataclass(frozen=True)
class ScaleScore:
    """One scale of a completed questionnaire, with enough context to explain the number."""

    scale: str
    name: str
    score: float | None
    answered: int
    needed: int
    items: int
    band: str | None = None

    @property
    def scored(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class Measure:
    """A completed questionnaire as saved in the journal."""

    instrument: str
    taken_at: datetime
    responses: dict[int, int]
    scores: dict[str, float | None]
    id: MeasureId | None = None
    uid: Uid = field(default_factory=new_uid)
    created_at: datetime | None = None

    @property
    def local_date(self) -> date:
        return self.taken_at.date()


def questionnaire_due(last_taken: date | None, today: date, rhythm_days: int) -> bool:
    """Whether to suggest taking a questionnaire today.

    ``rhythm_days`` of 0 means the user turned the suggestion off.  Never taken counts as due,
    so the first suggestion appears once the rhythm is on.
    """
    if rhythm_days <= 0:
        return False
    return last_taken is None or (today - last_taken).days >= rhythm_days
