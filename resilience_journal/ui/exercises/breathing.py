"""Paced breathing: an animated circle grows as you breathe in and shrinks as you breathe out."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from resilience_journal.domain.exercises import BreathingPattern, BreathState, breath_state
from resilience_journal.ui.exercises.base import ExerciseDialog


class Pacer(QWidget):
    """The breathing circle.  Colours come from the palette, so every theme works."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("pacer")
        self.setAccessibleName("Breathing pacer")
        self.setMinimumSize(220, 220)
        self.size_fraction = 0.0

    def set_size(self, fraction: float) -> None:
        self.size_fraction = fraction
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 10
        centre = QPointF(self.width() / 2, self.height() / 2)
        accent = self.palette().highlight().color()
        outline = QColor(accent)
        outline.setAlpha(90)
        p.setPen(QPen(outline, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(centre, side / 2, side / 2)
        radius = side / 2 * (0.3 + 0.7 * self.size_fraction)
        fill = QColor(accent)
        fill.setAlpha(150)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawEllipse(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius))
        p.end()


class BreathingExercise(ExerciseDialog):
    exercise = "paced_breathing"
    title = "Paced breathing"
    intro = (
        "Breathe along with the circle: in as it grows, hold, out as it shrinks, hold. "
        "Slow and gentle; stop whenever you like."
    )

    def settings_widget(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.minutes = self._spin("length", "Length in minutes", 1, 20, 2, " min")
        self.secs = {
            key: self._spin(f"seconds_{key}", label, 0 if key.startswith("hold") else 2, 10, 4, " s")
            for key, label in (
                ("in", "Breathe in for"), ("hold_in", "Hold for"), ("out", "Breathe out for"), ("hold_out", "Then hold for")
            )
        }  # fmt: skip
        form.addRow("&Length", self.minutes)
        for key, label in (("in", "Breathe &in"), ("hold_in", "&Hold"), ("out", "Breathe &out"), ("hold_out", "Hol&d")):
            form.addRow(label, self.secs[key])
        return box

    @staticmethod
    def _spin(name: str, accessible: str, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        s = QSpinBox()
        s.setObjectName(name)
        s.setAccessibleName(accessible)
        s.setRange(low, high)
        s.setValue(value)
        s.setSuffix(suffix)
        s.setMaximumWidth(140)
        return s

    def pattern(self) -> BreathingPattern:
        s = self.secs
        return BreathingPattern(s["in"].value(), s["hold_in"].value(), s["out"].value(), s["hold_out"].value())

    def total_seconds(self) -> float:
        return self.minutes.value() * 60

    def run_widget(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        self.pacer = Pacer()
        self.phase = QLabel("Breathe in")
        self.phase.setObjectName("phase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase.setProperty("role", "display")
        self.remaining = QLabel()
        self.remaining.setObjectName("remaining")
        self.remaining.setProperty("role", "hint")
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.pacer, 1)
        col.addWidget(self.phase)
        col.addWidget(self.remaining)
        return box

    def state(self) -> BreathState:
        return breath_state(self.pattern(), self.elapsed(), self.total_seconds())

    def on_tick(self, elapsed: float) -> None:
        s = breath_state(self.pattern(), elapsed, self.total_seconds())
        if s.finished:
            self.finish()
            return
        self.pacer.set_size(s.size)
        self.phase.setText(f"{s.phase} … {s.seconds_left}")
        self.phase.setAccessibleName(s.phase)
        left = max(0, int(self.total_seconds() - elapsed))
        self.remaining.setText(f"{left // 60}:{left % 60:02d} left · {s.breaths_done} breaths so far")
