"""The self-care plan, support contacts and the user's self-care preferences.

The plan is in the user's own words, in a few sections; the app only offers headings and a
gentle prompt for each.  ``plan_document`` turns the plan into a neutral document (headings,
paragraphs, a contact table) for the export machinery: it takes only the plan and the
contacts, so nothing else from the journal can end up in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from resilience_journal.domain import messages
from resilience_journal.domain.leave import DEFAULT_THRESHOLD_DAYS
from resilience_journal.domain.questionnaires import DEFAULT_RHYTHM_DAYS
from resilience_journal.domain.questionnaires.proqol import DEFAULT_ROLE
from resilience_journal.domain.validation import MAX_SHORT_TEXT, MAX_TEXT, Checker


@dataclass(frozen=True)
class PlanSection:
    key: str
    heading: str
    prompt: str


#: The plan's sections, in the order shown and exported.
PLAN_SECTIONS = (
    PlanSection("warning_signs", "My warning signs", "What do you notice when work is getting to you? Sleep, mood, habits, what others see."),
    PlanSection("what_helps", "What helps me", "What brings you back to yourself? Small things count."),
    PlanSection("people", "People I can contact", "Who can you talk to, at work and outside it? Their numbers are in your support contacts below."),
    PlanSection("why", "Why I do this work", "What matters to you about this work, on a good day?"),
    PlanSection("supervision", "My supervision agreement", "Notes on what you and your supervisor agreed: how often, what it is for, how to raise things."),
)  # fmt: skip
SECTION_KEYS = tuple(s.key for s in PLAN_SECTIONS)


@dataclass(frozen=True)
class SupportContact:
    name: str
    phone: str = ""
    note: str = ""
    id: int | None = None


#: The contacts a journal starts with: a helpline that is always there, and a slot to fill in.
DEFAULT_CONTACTS = (
    SupportContact(
        "Samaritans", "116 123", "Free, any time, day or night (UK). You don't have to be suicidal to call."
    ),
    SupportContact("My employer's support line / occupational health", "", "Add your employer's number here."),
)

_PHONE = re.compile(r"^[0-9+()\-.\s/]*(?:(?:ext\.?|x)\s*[0-9]+)?$", re.IGNORECASE)


def validate_contact(c: SupportContact) -> None:
    check = Checker()
    check.required("name", c.name, messages.NAME_EMPTY)
    check.text("name", c.name, limit=MAX_SHORT_TEXT)
    check.text("phone", c.phone, limit=40)
    if not _PHONE.match(c.phone.strip()):
        check.add("phone", messages.PHONE_NOT_A_NUMBER)
    check.text("note", c.note, limit=MAX_SHORT_TEXT)
    check.raise_if_any()


def validate_plan(plan: dict[str, str]) -> None:
    check = Checker()
    for key, body in plan.items():
        if key not in SECTION_KEYS:
            raise ValueError(f"unknown plan section {key!r}")
        check.text(key, body, limit=MAX_TEXT)
    check.raise_if_any()


@dataclass(frozen=True)
class SelfCarePrefs:
    """Preferences that say something about the person, so they live inside the journal."""

    role: str = DEFAULT_ROLE
    leave_threshold_days: int = DEFAULT_THRESHOLD_DAYS
    questionnaire_rhythm_days: int = DEFAULT_RHYTHM_DAYS

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "leave_threshold_days": self.leave_threshold_days,
            "questionnaire_rhythm_days": self.questionnaire_rhythm_days,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> SelfCarePrefs:
        base = cls()
        if not isinstance(d, dict):
            return base

        def whole(key: str, default: int) -> int:
            v = d.get(key, default)
            return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 999 else default

        role = d.get("role")
        return cls(
            role=role.strip()[:60] if isinstance(role, str) and role.strip() else base.role,
            leave_threshold_days=whole("leave_threshold_days", base.leave_threshold_days),
            questionnaire_rhythm_days=whole("questionnaire_rhythm_days", base.questionnaire_rhythm_days),
        )


# --- the plan as a document to export -------------------------------------------------------


@dataclass(frozen=True)
class PlanDocument:
    """The plan, ready for a renderer: title, dated subtitle, sections, contacts."""

    title: str
    subtitle: str
    #: (heading, paragraphs) in plan order; sections the user left empty are left out.
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    #: (name, phone, note) rows.
    contacts: tuple[tuple[str, str, str], ...]
    footer: str = field(default=messages.PLAN_EXPORT_FOOTER)


def plan_document(plan: dict[str, str], contacts: list[SupportContact], when: date) -> PlanDocument:
    """The self-care plan as a document: only the plan's own sections and the contacts."""
    sections = []
    for s in PLAN_SECTIONS:
        body = plan.get(s.key, "").strip()
        if body:
            paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", body) if p.strip())
            sections.append((s.heading, paragraphs))
    return PlanDocument(
        title=messages.PLAN_EXPORT_TITLE,
        subtitle=messages.PLAN_EXPORT_SUBTITLE.format(date=f"{when.day} {when:%B %Y}"),
        sections=tuple(sections),
        contacts=tuple((c.name, c.phone, c.note) for c in contacts if c.name.strip()),
    )
