"""The supervision summary: which pieces the user chose, and the document built from exactly those.

Pure Python.  The wizard fills a ``SummaryDraft`` step by step; ``text_pieces`` lists every piece
of free text that would leave (for the confidentiality review); ``build_document`` turns the
draft, with the review's edits, into the export ``Document``; ``share_items`` says what the
share record must list.  Nothing here reads or writes the journal: review edits live only in the
draft, so the journal itself is never changed by them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from resilience_journal.domain import messages
from resilience_journal.domain.confidentiality import Finding, find_identifying_details
from resilience_journal.domain.document import Block, BulletList, Document, Heading, Image, Paragraph, Table
from resilience_journal.domain.reflection import Reflection
from resilience_journal.domain.supervision import Action, ShareItem, ShareLevel, SupervisionFunction

#: Title of every supervision summary.
TITLE = "Supervision summary"
#: Printed at the foot of every page: the file is the practitioner's reflection, not a record.
FOOTER = "Personal reflective summary — not a case record"
INTRO = (
    "Prepared by the practitioner for their own supervision. It holds only what they chose to "
    "share from their private reflective journal; names and identifying details are left out."
)


@dataclass(frozen=True)
class DecompressionNote:
    """The headline facts of one way the user came down after an entry (never its note)."""

    strategy: str
    minutes: int | None = None
    stress_before: int | None = None
    stress_after: int | None = None

    def describe(self) -> str:
        parts = [self.strategy]
        if self.minutes:
            parts.append(f"{self.minutes} min")
        if self.stress_before is not None and self.stress_after is not None:
            parts.append(f"stress {self.stress_before} → {self.stress_after}")
        return parts[0] + (f" ({', '.join(parts[1:])})" if len(parts) > 1 else "")


@dataclass(frozen=True)
class Piece:
    """One part of an entry the user can tick to share: its notes, an answer, the safety note."""

    key: str
    label: str
    text: str


def reflection_pieces(r: Reflection) -> list[Piece]:
    """The parts of ``r`` that hold the user's own words, in reading order (empty ones skipped)."""
    out: list[Piece] = []
    if r.text.strip():
        out.append(Piece("note", "Notes", r.text))
    for i, a in enumerate(r.answers):
        if a.text.strip():
            out.append(Piece(f"answer:{i}", a.prompt, a.text))
    if r.safety_concern and r.safety_note.strip():
        out.append(Piece("safety", "Feeling unsafe", r.safety_note))
    return out


@dataclass(frozen=True)
class EntryChoice:
    """One entry in the summary, at a share level, with the pieces ticked for "with reflection"."""

    reflection: Reflection
    level: ShareLevel = ShareLevel.HEADLINE
    ticked: frozenset[str] = frozenset()
    helped: tuple[DecompressionNote, ...] = ()

    @property
    def uid(self) -> str:
        return self.reflection.uid

    def shared_pieces(self) -> list[Piece]:
        if self.level != ShareLevel.WITH_REFLECTION:
            return []
        return [p for p in reflection_pieces(self.reflection) if p.key in self.ticked]


@dataclass(frozen=True)
class ChartChoice:
    """A chart as it will appear: its picture and a written description of what it shows."""

    key: str
    title: str
    description: str
    png: bytes
    svg: bytes | None = None


@dataclass(frozen=True)
class AgendaPoint:
    function: SupervisionFunction
    text: str


@dataclass(frozen=True)
class TextPiece:
    """A piece of free text that will leave the journal, where it sits, and its current wording."""

    key: str
    where: str
    text: str


@dataclass
class SummaryDraft:
    """Everything chosen so far.  ``edits`` are the review's changes to the summary copy only."""

    start: date
    end: date
    entries: list[EntryChoice] = field(default_factory=list)
    charts: list[ChartChoice] = field(default_factory=list)
    agenda: list[AgendaPoint] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    edits: dict[str, str] = field(default_factory=dict)
    #: Findings the user chose to keep as they are: (piece key, kind, the text found).
    kept: set[tuple[str, str, str]] = field(default_factory=set)

    def chosen_entries(self) -> list[EntryChoice]:
        return [e for e in self.entries if e.level != ShareLevel.LEAVE_OUT]

    def is_empty(self) -> bool:
        return not (self.chosen_entries() or self.charts or self.agenda or self.actions)

    def set_level(self, uid: str, level: ShareLevel, ticked: Iterable[str] | None = None) -> None:
        for i, e in enumerate(self.entries):
            if e.uid == uid:
                self.entries[i] = replace(e, level=level, ticked=frozenset(ticked) if ticked is not None else e.ticked)
                return
        raise KeyError(uid)


def validate_period(start: date, end: date) -> str | None:
    """A kind message if the period cannot be used, else None."""
    if start > end:
        return messages.SUMMARY_PERIOD_BACKWARDS
    return None


def default_start(last_session: date | None, today: date, fallback_days: int = 28) -> date:
    """Since the last recorded session (the day after it), or the last four weeks if none."""
    if last_session is None or last_session >= today:
        return today - timedelta(days=fallback_days)
    return last_session + timedelta(days=1)


# --- what leaves -------------------------------------------------------------------------------


def _entry_heading(r: Reflection) -> str:
    return f"{r.occurred_at:%A} {r.occurred_at.day} {r.occurred_at:%B %Y} · {r.activity_kind}"


def text_pieces(draft: SummaryDraft) -> list[TextPiece]:
    """Every piece of free text the summary would contain, with the review's edits applied."""
    raw: list[TextPiece] = []
    for i, point in enumerate(draft.agenda):
        raw.append(TextPiece(f"agenda:{i}", f"Agenda — {point.function.label}", point.text))
    for a in draft.actions:
        raw.append(TextPiece(f"action:{a.uid}", "Action carried forward", a.text))
    for e in draft.chosen_entries():
        heading = _entry_heading(e.reflection)
        if e.reflection.emotions:
            raw.append(TextPiece(f"entry:{e.uid}:emotions", f"{heading} — feelings", ", ".join(e.reflection.emotions)))
        for p in e.shared_pieces():
            raw.append(TextPiece(f"entry:{e.uid}:{p.key}", f"{heading} — {p.label}", p.text))
    for c in draft.charts:
        raw.append(TextPiece(f"chart:{c.key}", f"Chart — {c.title}", c.description))
    return [replace(p, text=draft.edits.get(p.key, p.text)) for p in raw]


def _text(draft: SummaryDraft, key: str, original: str) -> str:
    return draft.edits.get(key, original)


def _long(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def build_document(draft: SummaryDraft, *, prepared_on: date) -> Document:
    """The summary as a document: agenda, actions carried forward, entries, charts — chosen pieces only."""
    blocks: list[Block] = [Paragraph(INTRO, style="muted")]
    if draft.agenda:
        blocks.append(Heading("Agenda"))
        for function in SupervisionFunction:
            points = [(i, p) for i, p in enumerate(draft.agenda) if p.function == function]
            if points:
                blocks.append(Heading(function.label, level=3))
                blocks.append(BulletList(tuple(_text(draft, f"agenda:{i}", p.text) for i, p in points)))
    if draft.actions:
        blocks.append(Heading("Actions carried forward"))
        rows = tuple(
            (_text(draft, f"action:{a.uid}", a.text), _long(a.due_on) if a.due_on else "—") for a in draft.actions
        )
        blocks.append(Table(("Agreed action", "Due"), rows))
    chosen = draft.chosen_entries()
    if chosen:
        blocks.append(Heading("Entries"))
        for e in sorted(chosen, key=lambda c: c.reflection.occurred_at):
            blocks.extend(_entry_blocks(draft, e))
    if draft.charts:
        blocks.append(Heading("Charts"))
        for c in draft.charts:
            blocks.append(Image(c.png, alt=_text(draft, f"chart:{c.key}", c.description), svg=c.svg, caption=c.title))
    subtitle = f"{_long(draft.start)} to {_long(draft.end)} · prepared {_long(prepared_on)}"
    return Document(title=TITLE, subtitle=subtitle, blocks=tuple(blocks), footer=FOOTER)


def _entry_blocks(draft: SummaryDraft, e: EntryChoice) -> list[Block]:
    r = e.reflection
    out: list[Block] = [Heading(_entry_heading(r), level=3)]
    facts = [f"Stress {r.stress} out of 10"]
    if r.emotions:
        facts.append("feelings: " + _text(draft, f"entry:{e.uid}:emotions", ", ".join(r.emotions)))
    out.append(Paragraph("; ".join(facts) + "."))
    if e.helped:
        out.append(Paragraph("; ".join(h.describe() for h in e.helped) + ".", label="What helped:"))
    for p in e.shared_pieces():
        out.append(Paragraph(_text(draft, f"entry:{e.uid}:{p.key}", p.text), style="quote", label=p.label))
    return out


def share_items(draft: SummaryDraft) -> list[ShareItem]:
    """Exactly what the document holds, for the share record."""
    # "With reflection" with nothing ticked shares only the headline, and is recorded as such.
    items = [
        ShareItem("reflection", e.uid, (e.level if e.shared_pieces() else ShareLevel.HEADLINE).value)
        for e in draft.chosen_entries()
    ]
    for e in draft.chosen_entries():
        items += [ShareItem("reflection_piece", f"{e.uid}:{p.key}", "shared") for p in e.shared_pieces()]
    items += [ShareItem("chart", c.key, "included") for c in draft.charts]
    items += [ShareItem("action", a.uid, "included") for a in draft.actions]
    return items


# --- the confidentiality review -------------------------------------------------------------


@dataclass(frozen=True)
class OpenFinding:
    """A likely identifying detail in a piece of the summary that the user has not yet resolved."""

    piece: TextPiece
    finding: Finding

    @property
    def keep_key(self) -> tuple[str, str, str]:
        return (self.piece.key, self.finding.kind, self.finding.text)


def review_findings(
    draft: SummaryDraft,
    finder: Callable[[str, tuple[str, ...]], Sequence[Finding]] = find_identifying_details,
    watch_words: Iterable[str] = (),
) -> list[OpenFinding]:
    """Every finding in what will leave, except those the user chose to keep.

    ``finder`` is the confidentiality check (``domain/confidentiality.py``); there is only one.
    """
    words = tuple(watch_words)
    out: list[OpenFinding] = []
    for piece in text_pieces(draft):
        for f in finder(piece.text, words):
            item = OpenFinding(piece, f)
            if item.keep_key not in draft.kept:
                out.append(item)
    return out


def edit_piece(draft: SummaryDraft, key: str, new_text: str) -> None:
    """Change the summary's copy of one piece; the journal entry it came from is untouched."""
    draft.edits[key] = new_text


def current_text(draft: SummaryDraft, key: str) -> str:
    for p in text_pieces(draft):
        if p.key == key:
            return p.text
    raise KeyError(key)
