"""What both guided exercises share: stress before, the exercise, stress after, then a log entry.

Time comes from the injected clock.  A QTimer calls ``tick()`` a few times a second; tests move
a ``FakeClock`` and call ``tick()`` themselves, so nothing sleeps.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.decompression import EXERCISE_STRATEGIES, STRATEGY_LIST, Decompression, after_words
from resilience_journal.domain.exercises import minutes_spent
from resilience_journal.domain.reflection import Reflection
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.stress_scale import RatingScale

#: How often the exercise redraws (milliseconds); the pace itself comes from the clock.
TICK_MS = 40


class ExerciseDialog(QDialog):
    """Subclasses set ``exercise``, ``title`` and ``intro`` and build ``settings_widget()`` and
    ``run_widget()``; they drive progress from ``elapsed()``."""

    exercise = ""
    title = ""
    intro = ""
    #: Emitted with the logged ``Decompression``.
    logged = Signal(object)

    def __init__(self, ctx: PageContext, reflection: Reflection | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reflection = reflection
        self.saved: Decompression | None = None
        self._started: float | None = None
        self._finished_at: float | None = None
        self.setObjectName(f"{self.exercise}Dialog")
        self.setWindowTitle(self.title)
        self.setMinimumSize(520, 460)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)

        self.stack = QStackedWidget()
        self.stress_before = RatingScale("stress_before")
        self.stress_after = RatingScale("stress_after")
        if reflection is not None:
            self.stress_before.setValue(reflection.stress)
        self.start_button = push_button("Start", "start", primary=True)
        self.start_button.clicked.connect(self.start)
        self.stack.addWidget(self._page(self.intro, "How stressed do you feel now?", self.stress_before,
                                        self.settings_widget(), [self.start_button]))  # fmt: skip
        self.finish_button = push_button("I'm done", "finish")
        self.finish_button.clicked.connect(self.finish)
        self.stack.addWidget(self._page("", "", None, self.run_widget(), [self.finish_button]))
        self.save_button = push_button("Save", "save", primary=True)
        self.save_button.clicked.connect(self.save)
        skip = push_button("Skip the rating", "skip_rating")
        skip.clicked.connect(lambda: self.save(skip_rating=True))
        self.stack.addWidget(self._page("Well done for taking this time.", "And now — how stressed do you feel?",
                                        self.stress_after, None, [skip, self.save_button]))  # fmt: skip
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setProperty("role", "message")
        close = push_button("Close", "close", primary=True)
        close.clicked.connect(self.accept)
        self.again = push_button("Go again", "again")
        self.again.clicked.connect(self.restart)
        self.stack.addWidget(self._page("", "", None, self.result, [self.again, close]))
        layout = QVBoxLayout(self)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        layout.addWidget(self.stack, 1)
        self.stress_before.setFocus()

    def _page(self, intro: str, question: str, scale, extra, buttons: list[QPushButton]) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        if intro:
            lab = QLabel(intro)
            lab.setWordWrap(True)
            col.addWidget(lab)
        if question:
            col.addWidget(QLabel(f"<b>{question}</b>"))
        if scale is not None:
            col.addWidget(scale)
        if extra is not None:
            col.addWidget(extra, 1)
        col.addStretch(0 if extra is not None else 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in buttons:
            row.addWidget(b)
        col.addLayout(row)
        return page

    # --- for subclasses -------------------------------------------------------------------------

    def settings_widget(self) -> QWidget | None:
        return None

    def run_widget(self) -> QWidget:
        raise NotImplementedError

    def on_tick(self, elapsed: float) -> None:
        """Update the run page for ``elapsed`` seconds in."""

    def on_start(self) -> None:
        """Called when the exercise starts (after the before-rating)."""

    # --- flow -------------------------------------------------------------------------------------

    def elapsed(self) -> float:
        if self._started is None:
            return 0.0
        end = self._finished_at if self._finished_at is not None else self.ctx.clock.monotonic()
        spent = max(0.0, end - self._started)
        limit = self.total_seconds()
        return spent if limit is None else min(spent, limit)

    def total_seconds(self) -> float | None:
        """How long the exercise lasts, if it has a set length (a late tick must not add time)."""
        return None

    def start(self) -> None:
        self._started = self.ctx.clock.monotonic()
        self._finished_at = None
        self.stack.setCurrentIndex(1)
        self.on_start()
        self.tick()
        self.timer.start()
        self.finish_button.setFocus()

    def tick(self) -> None:
        if self._started is not None and self._finished_at is None:
            self.on_tick(self.elapsed())

    def finish(self) -> None:
        if self._started is None:
            return
        self._finished_at = self.ctx.clock.monotonic()
        self.timer.stop()
        self.stack.setCurrentIndex(2)
        self.stress_after.setFocus()

    def save(self, *, skip_rating: bool = False) -> None:
        strategy = EXERCISE_STRATEGIES[self.exercise]
        d = Decompression(
            occurred_at=self.ctx.clock.now(),
            strategy=strategy,
            exercise=self.exercise,
            minutes=minutes_spent(self.elapsed()),
            stress_before=self.stress_before.value(),
            stress_after=None if skip_rating else self.stress_after.value(),
            reflection_id=self.reflection.id if self.reflection is not None else None,
        )
        self.saved = self.ctx.journal.decompressions.add(d)
        self.ctx.events.changed.emit("decompressions")
        self.logged.emit(self.saved)
        self.result.setText(after_words(self.saved, self.ctx.journal.vocabulary.words(STRATEGY_LIST)))
        self.stack.setCurrentIndex(3)
        self.findChild(QPushButton, "close").setFocus()

    def restart(self) -> None:
        self.stress_before.setValue(self.stress_after.value())
        self.stress_after.setValue(None)
        self.stack.setCurrentIndex(0)
        self.start_button.setFocus()

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)
