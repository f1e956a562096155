"""A reflection: one visit or event, how it felt, and what the practitioner made of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from resilience_journal.domain import messages
from resilience_journal.domain.ids import ReflectionId, Uid, new_uid
from resilience_journal.domain.validation import MAX_ITEMS, MAX_SHORT_TEXT, Checker

#: Activity kinds a new journal starts with; the user can add, rename and hide their own.
DEFAULT_ACTIVITY_KINDS = (
    "Home visit",
    "Office visit",
    "Phone call",
    "Court",
    "Conference or meeting",
    "Duty",
    "Other",
)


@dataclass(frozen=True)
class Answer:
    """The answer to one prompt of a reflective template.

    The prompt's wording is stored with the answer, so an entry still reads correctly after the
    template is edited or hidden.
    """

    prompt_id: str
    prompt: str
    text: str


@dataclass(frozen=True)
class Reflection:
    """One visit or event as the practitioner recorded it."""

    occurred_at: datetime
    activity_kind: str
    stress: int
    text: str = ""
    case_label: str = ""
    emotions: tuple[str, ...] = ()
    safety_concern: bool = False
    safety_note: str = ""
    template_id: str | None = None
    answers: tuple[Answer, ...] = ()
    tags: tuple[str, ...] = ()
    for_supervision: bool = False
    id: ReflectionId | None = None
    uid: Uid = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def local_date(self) -> date:
        """The calendar day the practitioner lived it on (their local time then)."""
        return self.occurred_at.date()

    def all_text(self) -> str:
        """Every word the user wrote in this entry, for search and confidentiality checks."""
        parts = [self.case_label, self.text, self.safety_note, *self.tags]
        parts += [a.text for a in self.answers]
        return "\n".join(p for p in parts if p)


def validate_reflection(r: Reflection, now: datetime) -> None:
    """Raise ``ValidationError`` listing everything wrong with ``r``; return quietly if it is fine."""
    check = Checker()
    check.not_future("occurred_at", r.occurred_at, now)
    check.required("activity_kind", r.activity_kind, messages.ACTIVITY_MISSING)
    check.text("activity_kind", r.activity_kind, limit=MAX_SHORT_TEXT)
    check.rating("stress", r.stress)
    check.text("case_label", r.case_label, limit=MAX_SHORT_TEXT)
    check.text("text", r.text)
    check.text("safety_note", r.safety_note)
    check.text("template_id", r.template_id or "", limit=MAX_SHORT_TEXT)
    if len(r.answers) > MAX_ITEMS:
        check.add("answers", messages.TOO_MANY_ITEMS.format(limit=MAX_ITEMS))
    for i, answer in enumerate(r.answers[:MAX_ITEMS]):
        check.text(f"answers.{i}", answer.text)
        check.text(f"answers.{i}.prompt", answer.prompt, limit=MAX_SHORT_TEXT * 10)
        check.text(f"answers.{i}.prompt_id", answer.prompt_id, limit=MAX_SHORT_TEXT)
    check.words("tags", r.tags)
    check.words("emotions", r.emotions)
    check.raise_if_any()
