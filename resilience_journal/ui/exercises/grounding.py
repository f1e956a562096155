"""5-4-3-2-1 grounding: noticing five things you see, four you feel, three you hear, two you smell, one you taste."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from resilience_journal.domain.exercises import GROUNDING_STEPS
from resilience_journal.ui.exercises.base import ExerciseDialog


class GroundingExercise(ExerciseDialog):
    exercise = "grounding_54321"
    title = "5-4-3-2-1 grounding"
    intro = (
        "A way back into the here and now, using your senses. Take your time with each step; "
        "there is no need to write anything down."
    )

    def run_widget(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        self.count = QLabel()
        self.count.setObjectName("groundingCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setProperty("role", "huge")
        self.prompt = QLabel()
        self.prompt.setObjectName("groundingPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.prompt.setProperty("role", "lead")
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.progress = QLabel()
        self.progress.setObjectName("groundingProgress")
        self.progress.setProperty("role", "hint")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back = QPushButton("Back")
        self.back.setObjectName("back")
        self.back.setAccessibleName("Back")
        self.back.clicked.connect(lambda: self.go(self.step - 1))
        self.next = QPushButton("Next")
        self.next.setObjectName("next")
        self.next.setAccessibleName("Next step")
        self.next.setProperty("primary", True)
        self.next.clicked.connect(lambda: self.go(self.step + 1))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        row.addStretch(1)
        col.addStretch(1)
        for w in (self.count, self.prompt, self.hint, self.progress):
            col.addWidget(w)
        col.addLayout(row)
        col.addStretch(1)
        self.step = 0
        return box

    def on_start(self) -> None:
        self.go(0)

    def go(self, step: int) -> None:
        if step >= len(GROUNDING_STEPS):
            self.finish()
            return
        self.step = max(0, step)
        s = GROUNDING_STEPS[self.step]
        self.count.setText(str(s.count))
        self.prompt.setText(s.prompt)
        self.hint.setText(s.hint)
        self.progress.setText(f"Step {self.step + 1} of {len(GROUNDING_STEPS)}")
        self.back.setEnabled(self.step > 0)
        self.next.setText("Finish" if self.step == len(GROUNDING_STEPS) - 1 else "Next")
        self.next.setFocus()

    def on_tick(self, elapsed: float) -> None:
        minutes, seconds = divmod(int(elapsed), 60)
        self.progress.setText(f"Step {self.step + 1} of {len(GROUNDING_STEPS)} · {minutes}:{seconds:02d}")
