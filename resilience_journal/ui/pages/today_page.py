"""The Today page: the day at a glance, the leave clock, the daily check-in and the
questionnaires.  The first page the practitioner sees after unlocking: calm, nothing to catch up
on, and missing days are never mentioned.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.leave import leave_status
from resilience_journal.domain.questionnaires import DEFAULT_RHYTHM_DAYS, SCREENING_NOTICE, questionnaire_due
from resilience_journal.domain.questionnaires.definitions import INSTRUMENTS, load
from resilience_journal.ui.checkin_form import CheckInForm
from resilience_journal.ui.pages.base import Page
from resilience_journal.ui.questionnaire_dialog import summary
from resilience_journal.ui.widgets.section_card import SectionCard, hint

RHYTHM_DUE = "It has been a while since your last questionnaire. Take one when it suits you — or not at all."
NOT_TAKEN = "Not taken yet."


class TodayPage(Page):
    title = "Today"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.date_label = QLabel()
        self.date_label.setObjectName("todayDate")
        self.date_label.setProperty("role", "hint")
        self.layout_.addWidget(self.date_label)

        content = QWidget()
        content.setObjectName("todayContent")
        col = QVBoxLayout(content)
        col.setContentsMargins(0, 0, 8, 0)
        col.setSpacing(14)

        # --- at a glance
        glance = QHBoxLayout()
        glance.setSpacing(12)
        self.figures: dict[str, QLabel] = {}
        for key, caption in (
            ("visits", "Visits and events today"),
            ("stress", "Highest stress today"),
            ("decompressions", "Times you came down"),
        ):
            card = SectionCard(name=f"glance_{key}")
            figure = QLabel("0")
            figure.setObjectName(f"figure_{key}")
            figure.setProperty("role", "figure")
            card.body.addWidget(figure)
            card.body.addWidget(hint(caption))
            self.figures[key] = figure
            glance.addWidget(card, 1)
        col.addLayout(glance)

        # --- leave clock
        self.leave_card = SectionCard("Breaks", "leaveCard")
        self.leave_headline = QLabel()
        self.leave_headline.setObjectName("leaveHeadline")
        self.leave_headline.setWordWrap(True)
        self.leave_note = hint("", "leaveNote")
        self.leave_card.body.addWidget(self.leave_headline)
        self.leave_card.body.addWidget(self.leave_note)
        col.addWidget(self.leave_card)

        # --- daily check-in
        checkin_card = SectionCard("How was today?", "checkinCard")
        checkin_card.body.addWidget(hint("A one-minute check-in. Fill in as much or as little as you like."))
        self.form = CheckInForm(ctx)
        checkin_card.body.addWidget(self.form)
        col.addWidget(checkin_card)

        # --- questionnaires
        q_card = SectionCard("Burnout and wellbeing questionnaires", "questionnaireCard")
        q_card.body.addWidget(hint(SCREENING_NOTICE))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.last_results: dict[str, QLabel] = {}
        for row, instrument in enumerate(INSTRUMENTS):
            q = load(instrument)
            name = QLabel(f"<b>{q.name}</b>")
            name.setWordWrap(True)
            last = hint(NOT_TAKEN, f"last_{instrument}")
            button = QPushButton(f"Take the {q.short_name}")
            button.setObjectName(f"take_{instrument}")
            button.setAccessibleName(f"Take the {q.name}")
            button.clicked.connect(lambda _=False, i=instrument: self.open_questionnaire(i))
            grid.addWidget(name, row * 2, 0)
            grid.addWidget(button, row * 2, 1)
            grid.addWidget(last, row * 2 + 1, 0, 1, 2)
            self.last_results[instrument] = last
        grid.setColumnStretch(0, 1)
        q_card.body.addLayout(grid)
        self.rhythm_note = QLabel(RHYTHM_DUE)
        self.rhythm_note.setObjectName("rhythmNote")
        self.rhythm_note.setProperty("role", "notice")
        self.rhythm_note.setWordWrap(True)
        q_card.body.addWidget(self.rhythm_note)
        self.rhythm = QCheckBox("Suggest a questionnaire about once a month")
        self.rhythm.setObjectName("rhythm")
        self.rhythm.setAccessibleName("Suggest a questionnaire about once a month")
        self.rhythm.toggled.connect(self._rhythm_toggled)
        q_card.body.addWidget(self.rhythm)
        col.addWidget(q_card)
        col.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("todayScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.layout_.addWidget(scroll, 1)
        self.refresh()

    def refresh(self) -> None:
        j = self.ctx.journal
        today = self.ctx.clock.now().date()
        self.date_label.setText(f"{today:%A} {today.day} {today:%B %Y}")
        g = j.checkins.glance(today)
        self.figures["visits"].setText(str(g.visits))
        self.figures["stress"].setText("—" if g.highest_stress is None else f"{g.highest_stress} / 10")
        self.figures["decompressions"].setText(str(g.decompressions))

        prefs = j.selfcare.prefs()
        status = leave_status(today, j.selfcare.leave_periods(), prefs.leave_threshold_days)
        self.leave_headline.setText(status.headline())
        note = status.note(today)
        self.leave_note.setText(note)
        self.leave_note.setVisible(bool(note))

        if self.form.day != today:
            self.form.load()

        for instrument, label in self.last_results.items():
            m = j.measures.latest(instrument)
            if m is None:
                label.setText(NOT_TAKEN)
                continue
            q = load(instrument)
            parts = "; ".join(f"{q.scale_names[s.scale].lower()} {summary(s)}" for s in q.score(m.responses))
            when = m.local_date
            label.setText(f"Last taken {when.day} {when:%B %Y}: {parts}.")
        self.rhythm.blockSignals(True)
        self.rhythm.setChecked(prefs.questionnaire_rhythm_days > 0)
        self.rhythm.blockSignals(False)
        self.rhythm_note.setVisible(questionnaire_due(j.measures.last_taken(), today, prefs.questionnaire_rhythm_days))

    def showEvent(self, event) -> None:
        # The app may stay open overnight: a new day starts with a fresh check-in form.
        super().showEvent(event)
        if self.form.day != self.ctx.clock.now().date():
            self.refresh()

    def open_questionnaire(self, instrument: str):
        from resilience_journal.ui.questionnaire_dialog import QuestionnaireDialog

        dialog = QuestionnaireDialog(self.ctx, instrument, parent=self)
        dialog.open()
        return dialog

    def _rhythm_toggled(self, on: bool) -> None:
        prefs = self.ctx.journal.selfcare.prefs()
        days = DEFAULT_RHYTHM_DAYS if on else 0
        self.ctx.journal.selfcare.set_prefs(dataclasses.replace(prefs, questionnaire_rhythm_days=days))
        self.ctx.events.changed.emit("selfcare")
