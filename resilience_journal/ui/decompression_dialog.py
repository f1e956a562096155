"""Log what helped after a visit: strategy, minutes, stress before and after — or a guided exercise.

Opened standalone (Journal page) or from a reflection (linked to it, stress before taken from
the reflection's rating).  After saving it says whether stress came down, and if it didn't,
gently suggests trying something else.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain import messages
from resilience_journal.domain.decompression import STRATEGY_LIST, Decompression, after_words
from resilience_journal.domain.reflection import Reflection
from resilience_journal.domain.validation import MAX_MINUTES, ValidationError
from resilience_journal.storage import StorageFull
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.exercises.breathing import BreathingExercise
from resilience_journal.ui.exercises.grounding import GroundingExercise
from resilience_journal.ui.reflection_editor import to_qdatetime
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.stress_scale import RatingScale


class DecompressionDialog(QDialog):
    def __init__(self, ctx: PageContext, reflection: Reflection | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reflection = reflection
        self.saved: Decompression | None = None
        self.exercise_dialog = None
        self.setObjectName("decompressionDialog")
        self.setWindowTitle("What helped")
        self.setMinimumWidth(620)
        now = ctx.clock.now()

        self.when = QDateTimeEdit(to_qdatetime(now))
        self.when.setObjectName("decompression_when")
        self.when.setAccessibleName("When")
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(to_qdatetime(now).addSecs(300))
        self.strategy = QComboBox()
        self.strategy.setObjectName("strategy")
        self.strategy.setAccessibleName("What you did")
        self.strategy.setEditable(True)
        self.strategy.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.strategy.addItems(ctx.journal.vocabulary.words(STRATEGY_LIST))
        self.strategy.lineEdit().setPlaceholderText("Choose or type your own")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutes")
        self.minutes.setAccessibleName("Minutes")
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setValue(10)
        self.minutes.setSuffix(" min")
        self.stress_before = RatingScale("stress_before")
        self.stress_after = RatingScale("stress_after")
        if reflection is not None:
            self.stress_before.setValue(reflection.stress)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Anything worth remembering about it (optional)")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        self.msg_strategy = FieldMessage("strategy_message")
        self.msg_form = FieldMessage("form_message")

        form = QFormLayout()
        form.addRow("&When", self.when)
        form.addRow("&What I did", self.strategy)
        form.addRow("", self.msg_strategy)
        form.addRow("For &how long", self.minutes)
        form.addRow("Stress &before", self.stress_before)
        form.addRow("Stress &after", self.stress_after)
        form.addRow("&Note", self.note)

        guided = QHBoxLayout()
        hint = QLabel("Or try a guided exercise now — it logs itself, with stress before and after:")
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.breathing_button = push_button("Paced breathing…", "start_breathing")
        self.grounding_button = push_button("5-4-3-2-1 grounding…", "start_grounding")
        self.breathing_button.clicked.connect(lambda: self.start_exercise(BreathingExercise))
        self.grounding_button.clicked.connect(lambda: self.start_exercise(GroundingExercise))
        guided.addWidget(self.breathing_button)
        guided.addWidget(self.grounding_button)
        guided.addStretch(1)

        self.save_button = push_button("Save", "save", primary=True)
        self.save_button.clicked.connect(self.save)
        cancel = push_button("Cancel", "cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)

        form_page = QWidget()
        col = QVBoxLayout(form_page)
        col.setContentsMargins(0, 0, 0, 0)
        if reflection is not None:
            about = QLabel(f"After: {reflection.activity_kind}, {reflection.occurred_at:%a %d %b, %H:%M}")
            about.setProperty("role", "hint")
            col.addWidget(about)
        col.addLayout(form)
        col.addWidget(hint)
        col.addLayout(guided)
        col.addWidget(self.msg_form)
        col.addLayout(buttons)

        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setProperty("role", "message")
        self.try_breathing = push_button("Try paced breathing…", "try_breathing")
        self.try_grounding = push_button("Try 5-4-3-2-1 grounding…", "try_grounding")
        self.try_breathing.clicked.connect(lambda: self.start_exercise(BreathingExercise))
        self.try_grounding.clicked.connect(lambda: self.start_exercise(GroundingExercise))
        close = push_button("Close", "close", primary=True)
        close.clicked.connect(self.accept)
        done_page = QWidget()
        dcol = QVBoxLayout(done_page)
        dcol.addWidget(self.result)
        dcol.addStretch(1)
        drow = QHBoxLayout()
        drow.addStretch(1)
        for b in (self.try_breathing, self.try_grounding, close):
            drow.addWidget(b)
        dcol.addLayout(drow)

        self.stack = QStackedWidget()
        self.stack.addWidget(form_page)
        self.stack.addWidget(done_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.strategy.setFocus()

    def decompression(self) -> Decompression:
        return Decompression(
            occurred_at=self.when.dateTime().toPython().astimezone(),
            strategy=self.strategy.currentText().strip(),
            minutes=self.minutes.value(),
            stress_before=self.stress_before.value(),
            stress_after=self.stress_after.value(),
            note=self.note.toPlainText(),
            reflection_id=self.reflection.id if self.reflection is not None else None,
        )

    def save(self) -> bool:
        self.msg_strategy.show_message(None)
        self.msg_form.show_message(None)
        try:
            self.saved = self.ctx.journal.decompressions.add(self.decompression())
        except ValidationError as e:
            self.msg_strategy.show_message(e.for_field("strategy"))
            rest = [p.message for p in e.problems if p.field != "strategy"]
            self.msg_form.show_message(rest[0] if rest else None)
            return False
        except StorageFull:
            self.msg_form.show_message(messages.DISK_FULL)
            return False
        self.ctx.events.changed.emit("decompressions")
        self.show_result(self.saved)
        return True

    def show_result(self, d: Decompression) -> None:
        self.result.setText(after_words(d, self.ctx.journal.vocabulary.words(STRATEGY_LIST)))
        not_down = d.change is not None and d.change <= 0
        self.try_breathing.setVisible(not_down)
        self.try_grounding.setVisible(not_down)
        self.stack.setCurrentIndex(1)
        (self.try_breathing if not_down else self.findChild(QPushButton, "close")).setFocus()

    def start_exercise(self, kind) -> None:
        """Open a guided exercise; its stress-before starts from the latest rating we know."""
        self.exercise_dialog = kind(self.ctx, reflection=self.reflection, parent=self)
        latest = self.saved.stress_after if self.saved is not None else self.stress_before.value()
        if latest is not None:
            self.exercise_dialog.stress_before.setValue(latest)
        self.exercise_dialog.logged.connect(self._exercise_logged)
        self.exercise_dialog.open()

    def _exercise_logged(self, d: Decompression) -> None:
        self.saved = d
        self.show_result(d)
