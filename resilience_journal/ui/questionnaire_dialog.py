"""Taking a questionnaire (CBI or ProQOL 5): the items, then the results, then save or not.

Every item is a row of radio buttons (Tab moves between items, arrow keys choose within one).
Any item may be skipped; the results say which parts could not be scored and why.  The
screening notice and the authors' credit are on both views, as the instruments ask.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.questionnaires import SCREENING_NOTICE, Measure, ScaleScore
from resilience_journal.domain.questionnaires.definitions import Questionnaire, load
from resilience_journal.domain.selfcare import DEFAULT_CONTACTS
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.section_card import SectionCard, hint

#: How each ProQOL band is described next to the score (our own words).
BAND_WORDS = {"low": "Low", "moderate": "Moderate", "high": "High"}
NOT_SCORED = "Not scored: {answered} of {items} answered (at least {needed} needed)."
NOT_SCORED_ALL = "Not scored: {answered} of {items} answered. This part needs all {items} answers for a score."


def credit_html(q: Questionnaire) -> str:
    link = f" <a href='{q.link}'>{q.link.removeprefix('https://')}</a>" if q.link else ""
    return f"{q.credit}{link}"


def describe(score: ScaleScore) -> str:
    """The score as a short phrase: '62.5 out of 100', '35 — moderate', or why there is none."""
    if score.score is None and score.needed == score.items:
        return NOT_SCORED_ALL.format(answered=score.answered, items=score.items)
    if score.score is None:
        return NOT_SCORED.format(answered=score.answered, items=score.items, needed=score.needed)
    if score.band is not None:
        return f"{score.score:g} — {BAND_WORDS[score.band].lower()} (10 to 50)"
    return f"{score.score:g} out of 100"


def summary(score: ScaleScore) -> str:
    """The score in a few characters, for lists: '62.5', '35 (moderate)', 'not scored'."""
    if score.score is None:
        return "not scored"
    if score.band is not None:
        return f"{score.score:g} ({score.band})"
    return f"{score.score:g}"


class QuestionnaireDialog(QDialog):
    def __init__(self, ctx: PageContext, instrument: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.q = load(instrument, ctx.journal.selfcare.prefs().role)
        self.saved: Measure | None = None
        self.setObjectName("questionnaireDialog")
        self.setWindowTitle(self.q.short_name)
        self.resize(820, 720)
        self.groups: dict[int, QButtonGroup] = {}

        self.stack = QStackedWidget()
        self.stack.addWidget(self._questions_view())
        self.results_view = QWidget()
        self.results_layout = QVBoxLayout(self.results_view)
        results_scroll = QScrollArea()
        results_scroll.setWidgetResizable(True)
        results_scroll.setWidget(self.results_view)
        self.stack.addWidget(results_scroll)

        self.back = push_button("Back to the questions", "back", self._show_questions)
        self.cancel = push_button("Cancel", "cancel", self.reject)
        self.next = push_button("See my results", "seeResults", self.show_results)
        self.next.setProperty("primary", True)
        self.save_button = push_button("Save to my journal", "saveResults", self.save)
        self.save_button.setProperty("primary", True)
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.progress.setProperty("role", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        for b in (self.back, self.cancel, self.next, self.save_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._show_questions()

    def _questions_view(self) -> QScrollArea:
        inner = QWidget()
        col = QVBoxLayout(inner)
        col.setContentsMargins(18, 14, 18, 14)
        title = QLabel(self.q.name)
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        col.addWidget(title)
        col.addWidget(hint(self.q.instructions, "instructions"))
        notice = QLabel(SCREENING_NOTICE)
        notice.setProperty("role", "notice")
        notice.setWordWrap(True)
        col.addWidget(notice)
        for item in self.q.items:
            col.addWidget(self._item_row(item))
        credit = QLabel(credit_html(self.q))
        credit.setObjectName("credit")
        credit.setWordWrap(True)
        credit.setOpenExternalLinks(True)
        credit.setProperty("role", "hint")
        col.addWidget(credit)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("questions")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _item_row(self, item) -> QFrame:
        frame = QFrame()
        frame.setProperty("role", "item")
        box = QVBoxLayout(frame)
        box.setContentsMargins(0, 8, 0, 8)
        text = QLabel(f"<b>{item.number}.</b> {item.text}")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(text)
        row = QHBoxLayout()
        group = QButtonGroup(frame)
        for code, label in item.options:
            b = QRadioButton(label)
            b.setObjectName(f"item{item.number}_{code}")
            b.setAccessibleName(f"Question {item.number}: {label}")
            group.addButton(b, code)
            row.addWidget(b)
        row.addStretch(1)
        group.idClicked.connect(self._update_progress)
        self.groups[item.number] = group
        box.addLayout(row)
        return frame

    # --- answers -----------------------------------------------------------------------------

    def responses(self) -> dict[int, int]:
        """Item number -> answer code, for the items answered so far."""
        return {n: g.checkedId() for n, g in self.groups.items() if g.checkedButton() is not None}

    def answer(self, item: int, code: int) -> None:
        """Choose an answer (as a click would)."""
        self.groups[item].button(code).click()

    def _update_progress(self, *_args) -> None:
        self.progress.setText(f"{len(self.responses())} of {len(self.q.items)} answered")

    def _show_questions(self) -> None:
        self.stack.setCurrentIndex(0)
        for b, visible in ((self.back, False), (self.next, True), (self.save_button, False)):
            b.setVisible(visible)
        self._update_progress()

    # --- results -----------------------------------------------------------------------------

    def scores(self) -> list[ScaleScore]:
        return self.q.score(self.responses())

    def show_results(self) -> None:
        while self.results_layout.count():
            w = self.results_layout.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        title = QLabel(f"Your {self.q.short_name} results")
        title.setObjectName("pageTitle")
        self.results_layout.addWidget(title)
        notice = QLabel(SCREENING_NOTICE)
        notice.setProperty("role", "notice")
        notice.setWordWrap(True)
        self.results_layout.addWidget(notice)
        scores = self.scores()
        previous = self.ctx.journal.measures.latest(self.q.id)
        before = {p.scale: p for p in self.q.score(previous.responses)} if previous else {}
        for s in scores:
            card = SectionCard(self.q.scale_names[s.scale], f"result_{s.scale}")
            figure = QLabel(describe(s))
            figure.setObjectName(f"score_{s.scale}")
            figure.setProperty("role", "figure" if s.score is not None else "hint")
            figure.setWordWrap(True)
            card.body.addWidget(figure)
            if s.scale in before:
                when = previous.local_date
                card.body.addWidget(
                    hint(f"Last time ({when.day} {when:%B %Y}): {summary(before[s.scale])}", f"previous_{s.scale}")
                )
            card.body.addWidget(hint(self.q.scale_descriptions[s.scale]))
            self.results_layout.addWidget(card)
        self.results_layout.addWidget(hint(self.q.scoring_note, "scoringNote"))
        samaritans = DEFAULT_CONTACTS[0]
        self.results_layout.addWidget(
            hint(
                "If these results worry you, you don't have to carry it alone: your supervisor, "
                f"occupational health, your GP, or {samaritans.name} on {samaritans.phone} (free, any time)."
            )
        )
        credit = QLabel(credit_html(self.q))
        credit.setWordWrap(True)
        credit.setOpenExternalLinks(True)
        credit.setProperty("role", "hint")
        self.results_layout.addWidget(credit)
        self.results_layout.addStretch(1)
        self.stack.setCurrentIndex(1)
        for b, visible in ((self.back, True), (self.next, False), (self.save_button, True)):
            b.setVisible(visible)
        self.save_button.setEnabled(bool(self.responses()))

    def save(self) -> None:
        responses = self.responses()
        if not responses:
            return
        taken: datetime = self.ctx.clock.now()
        self.saved = self.ctx.journal.measures.add(Measure(self.q.id, taken, responses, self.q.scores_dict(responses)))
        self.ctx.events.changed.emit("measures")
        self.accept()
