"""A calm bar at the top of the window offering back writing that was never saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from resilience_journal.domain import messages
from resilience_journal.domain.drafts import Draft


def draft_preview(draft: Draft, limit: int = 80) -> str:
    """A line of the draft's own words, so the user recognises it."""
    p = draft.payload
    texts = [p.get("text", ""), *p.get("answers", {}).values(), p.get("safety_note", "")]
    first = next((t.strip().splitlines()[0] for t in texts if t and t.strip()), "")
    return first if len(first) <= limit else first[: limit - 1] + "…"


class DraftBar(QFrame):
    recoverRequested = Signal(object)
    discardRequested = Signal(object)

    def __init__(self, drafts: list[Draft], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBar")
        self.drafts = list(drafts)
        self.message = QLabel()
        self.message.setObjectName("draftMessage")
        self.message.setWordWrap(True)
        self.recover = QPushButton("Carry on writing")
        self.recover.setObjectName("recoverDraft")
        self.recover.setAccessibleName("Carry on writing the unsaved entry")
        self.recover.setProperty("primary", True)
        self.recover.clicked.connect(self._recover)
        self.discard = QPushButton("Discard")
        self.discard.setObjectName("discardDraft")
        self.discard.setAccessibleName("Discard the unsaved writing")
        self.discard.clicked.connect(self._discard)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(self.message, 1)
        row.addWidget(self.recover)
        row.addWidget(self.discard)
        self._show_first()

    def _show_first(self) -> None:
        if not self.drafts:
            self.hide()
            return
        d = self.drafts[0]
        when = d.updated_at.strftime("%a %d %b, %H:%M")
        words = messages.DRAFT_FOUND.format(when=when)
        if len(self.drafts) > 1:
            words = messages.DRAFTS_FOUND.format(count=len(self.drafts), when=when) + " " + words.split(". ", 1)[1]
        preview = draft_preview(d)
        self.message.setText(words + (f"<br><i>“{_esc(preview)}”</i>" if preview else ""))
        self.message.setAccessibleName(words)
        self.show()

    def current(self) -> Draft | None:
        return self.drafts[0] if self.drafts else None

    def _recover(self) -> None:
        d = self.drafts.pop(0)
        self._show_first()
        self.recoverRequested.emit(d)

    def _discard(self) -> None:
        d = self.drafts.pop(0)
        self.discardRequested.emit(d)
        self._show_first()


def _esc(text: str) -> str:
    import html

    return html.escape(text)
