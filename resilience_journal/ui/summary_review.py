"""Step 5 of "Prepare a summary": the confidentiality review of everything that will leave.

The check (``domain/confidentiality.py``) runs over every piece of text in the summary.  Each
finding is resolved in the summary's own copy — replaced (with initials or a label), edited by
hand, or explicitly kept.  The journal entries themselves are never changed here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.confidentiality import KIND_LABELS, apply_replacements, find_identifying_details
from resilience_journal.domain.summary import OpenFinding, SummaryDraft, current_text, edit_piece, review_findings
from resilience_journal.ui.summary_steps import Step
from resilience_journal.ui.supervision_dialogs import named

ROLE = Qt.ItemDataRole.UserRole
UNRESOLVED = "{count} detail{s} still to look at. For each one, replace it, edit the text, or choose “Keep as it is”."


def watch_words(journal) -> list[str]:
    """The user's own watch list (names, places, a school) from the journal."""
    return journal.watch_words.words()


class ReviewStep(Step):
    title = "5. Check for identifying details"
    intro = (
        "The confidentiality check has looked through everything that will leave: postcodes, phone "
        "numbers, emails, NHS and National Insurance numbers, dates of birth, addresses and the words "
        "on your watch list. Changes here are made to this summary only — your journal stays exactly "
        "as you wrote it."
    )

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.draft: SummaryDraft | None = None
        self.words: list[str] = []
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)
        self.findings = named(QTreeWidget(), "findings", "Likely identifying details")
        self.findings.setHeaderLabels(["Found", "What", "Where"])
        self.findings.setRootIsDecorated(False)
        self.findings.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.findings.currentItemChanged.connect(lambda *_: self._show_current())

        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(8, 0, 0, 0)
        self.where = QLabel()
        self.where.setObjectName("findingWhere")
        self.where.setWordWrap(True)
        self.editor = named(QPlainTextEdit(), "pieceEditor", "The summary's copy of this text")
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(220)
        row = QHBoxLayout()
        self.replace_button = named(QPushButton("Replace"), "replaceFinding", "Replace with the suggestion")
        self.replace_button.setProperty("primary", True)
        self.replace_button.clicked.connect(self.replace_current)
        self.keep_button = named(QPushButton("Keep as it is"), "keepFinding", "Keep as it is")
        self.keep_button.clicked.connect(self.keep_current)
        self.save_edit = named(QPushButton("Use my edit"), "saveEdit", "Use my edit in the summary")
        self.save_edit.clicked.connect(self.save_current_edit)
        self.undo = named(QPushButton("Undo changes"), "undoPiece", "Undo changes to this text")
        self.undo.clicked.connect(self.undo_current)
        for b in (self.replace_button, self.keep_button, self.save_edit, self.undo):
            row.addWidget(b)
        row.addStretch(1)
        self.start_again = named(
            QPushButton("Start the check again"), "restartReview", "Undo every change made in this check"
        )
        self.start_again.clicked.connect(self.restart)
        box.addWidget(self.where)
        box.addWidget(self.editor)
        box.addLayout(row)
        box.addStretch(1)
        self.split = QSplitter()
        self.split.addWidget(self.findings)
        self.split.addWidget(right)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([380, 560])
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.start_again, 0, Qt.AlignmentFlag.AlignTop)
        self.column.addLayout(top)
        self.column.addWidget(self.split, 1)
        self._current: OpenFinding | None = None

    def first_field(self) -> QWidget | None:
        return self.findings if self.findings.topLevelItemCount() else None

    def enter(self, draft: SummaryDraft) -> None:
        self.draft = draft
        self.words = watch_words(self.ctx.journal)
        self.rescan()

    def open_findings(self) -> list[OpenFinding]:
        return review_findings(self.draft, find_identifying_details, self.words)

    def rescan(self, prefer_key: str | None = None) -> None:
        found = self.open_findings()
        self.findings.clear()
        for f in found:
            item = QTreeWidgetItem([f.finding.text, KIND_LABELS.get(f.finding.kind, f.finding.kind), f.piece.where])
            item.setData(0, ROLE, f)
            self.findings.addTopLevelItem(item)
        count = len(found)
        if count:
            self.status.setText(UNRESOLVED.format(count=count, s="" if count == 1 else "s"))
            self.status.setProperty("role", "message")
        else:
            self.status.setText(
                "Nothing likely to identify anyone was found. Please still read the preview on the next "
                "step: no check catches everything."
            )
            self.status.setProperty("role", "hint")
        self.start_again.setEnabled(bool(self.draft.edits or self.draft.kept))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        target = 0
        for i in range(self.findings.topLevelItemCount()):
            if self.findings.topLevelItem(i).data(0, ROLE).piece.key == prefer_key:
                target = i
                break
        if count:
            self.findings.setCurrentItem(self.findings.topLevelItem(target))
        else:
            self._current = None
        self._show_current()

    def _show_current(self) -> None:
        item = self.findings.currentItem()
        self._current = item.data(0, ROLE) if item is not None else None
        has = self._current is not None
        for b in (self.replace_button, self.keep_button, self.save_edit, self.undo):
            b.setEnabled(has)
        self.editor.setEnabled(has)
        if not has:
            self.where.setText("")
            self.editor.setPlainText("")
            return
        f = self._current.finding
        self.where.setText(f"<b>{_esc(self._current.piece.where)}</b>")
        self.editor.setPlainText(self._current.piece.text)
        cursor = self.editor.textCursor()
        cursor.setPosition(f.start)
        cursor.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.replace_button.setText(f"Replace with “{f.suggestion}”")
        self.replace_button.setAccessibleName(f"Replace with {f.suggestion}")
        self.undo.setEnabled(self._current.piece.key in self.draft.edits)

    # --- resolving -------------------------------------------------------------------------

    def replace_current(self) -> None:
        if self._current is None:
            return
        f, key = self._current.finding, self._current.piece.key
        text = current_text(self.draft, key)
        edit_piece(self.draft, key, apply_replacements(text, {(f.start, f.end): f.suggestion}))
        self.rescan(prefer_key=key)

    def keep_current(self) -> None:
        if self._current is None:
            return
        self.draft.kept.add(self._current.keep_key)
        self.rescan(prefer_key=self._current.piece.key)

    def save_current_edit(self) -> None:
        if self._current is None:
            return
        key = self._current.piece.key
        edit_piece(self.draft, key, self.editor.toPlainText())
        self.rescan(prefer_key=key)

    def undo_current(self) -> None:
        if self._current is None:
            return
        key = self._current.piece.key
        self.draft.edits.pop(key, None)
        self.draft.kept = {k for k in self.draft.kept if k[0] != key}
        self.rescan(prefer_key=key)

    def restart(self) -> None:
        """Forget every replacement, edit and "keep" made here: the summary copy is as written again."""
        self.draft.edits.clear()
        self.draft.kept.clear()
        self.rescan()

    def leave(self, draft: SummaryDraft) -> str | None:
        count = len(self.open_findings())
        if count:
            return UNRESOLVED.format(count=count, s="" if count == 1 else "s")
        return None


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
