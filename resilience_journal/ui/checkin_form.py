"""The daily check-in form: mood, energy, sleep, workload, breaks, finishing on time, hours,
one line of note.  Built to take under a minute: four rows of big 0–10 buttons (a digit key
chooses), then optional small fields.  Saving again the same day edits that day's check-in.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain import messages
from resilience_journal.domain.checkin import MAX_BREAKS, MAX_NOTE, RATINGS, CheckIn
from resilience_journal.domain.validation import ValidationError
from resilience_journal.storage import StorageFull
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.stress_scale import RatingScale

#: Words under 0, 5 and 10 for each rating: plain and non-judgemental.
ANCHORS = {
    "mood": ("Low", "So-so", "Good"),
    "energy": ("Drained", "Getting by", "Full of energy"),
    "sleep_quality": ("Hardly slept", "Broken", "Restful"),
    "workload": ("Light", "Manageable", "Far too much"),
}
NOT_SAID = "Not said"
#: Spin-box value that means "not said" (shown as NOT_SAID).
_UNSET = -1


class CheckInForm(QWidget):
    """Shows and saves the check-in for ``day`` (today unless told otherwise)."""

    saved = Signal(object)

    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinForm")
        self.ctx = ctx
        self.day: date = ctx.clock.now().date()
        self.existing: CheckIn | None = None

        self.ratings: dict[str, RatingScale] = {}
        self.messages: dict[str, FieldMessage] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for name, label in RATINGS:
            scale = RatingScale(name, ANCHORS[name])
            scale.setAccessibleName(f"{label}, from 0 to 10")
            self.ratings[name] = scale
            form.addRow(self._label(label, scale), scale)
            self._message_row(form, name)

        self.sleep_hours = self._hours_box("sleep_hours", "Hours of sleep (optional)")
        self.hours_worked = self._hours_box("hours_worked", "Hours worked")
        self.breaks = QSpinBox()
        self.breaks.setObjectName("breaks_taken")
        self.breaks.setAccessibleName("Breaks taken")
        self.breaks.setRange(_UNSET, MAX_BREAKS)
        self.breaks.setSpecialValueText(NOT_SAID)
        self.breaks.setValue(_UNSET)
        self.on_time_group = QButtonGroup(self)
        on_time = QHBoxLayout()
        for key, text in (("yes", "Yes"), ("no", "No"), ("unsaid", NOT_SAID)):
            b = QRadioButton(text)
            b.setObjectName(f"finished_on_time_{key}")
            b.setAccessibleName(f"Finished on time: {text}")
            self.on_time_group.addButton(b)
            on_time.addWidget(b)
        on_time.addStretch(1)
        self._on_time_buttons = {b.objectName().rsplit("_", 1)[1]: b for b in self.on_time_group.buttons()}

        numbers = QHBoxLayout()
        numbers.setSpacing(16)
        for text, widget in (
            ("Sleep &hours", self.sleep_hours),
            ("Hours &worked", self.hours_worked),
            ("&Breaks taken", self.breaks),
        ):
            column = QVBoxLayout()
            column.addWidget(self._label(text, widget))
            column.addWidget(widget)
            numbers.addLayout(column)
        numbers.addStretch(1)
        form.addRow(numbers)
        for name in ("sleep_hours", "hours_worked", "breaks_taken"):
            self._message_row(form, name)
        on_time_label = QLabel("Finished on time?")
        form.addRow(on_time_label, on_time)

        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setAccessibleName("One line of note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText("One line, if you like — no names, please")
        form.addRow(self._label("&Note", self.note), self.note)
        self._message_row(form, "note")

        self.save_button = QPushButton("Save check-in")
        self.save_button.setObjectName("saveCheckin")
        self.save_button.setAccessibleName("Save today's check-in")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setObjectName("checkinStatus")
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.form_message = FieldMessage("checkin_form_message")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addLayout(row)
        self.note.returnPressed.connect(self.save)
        self.load()

    # --- building helpers --------------------------------------------------------------------

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text if "&" in text else "&" + text)
        label.setBuddy(buddy)
        return label

    def _message_row(self, form: QFormLayout, name: str) -> None:
        msg = FieldMessage(f"{name}_message")
        self.messages[name] = msg
        form.addRow("", msg)

    def _hours_box(self, name: str, accessible: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setRange(_UNSET, 24)
        box.setSpecialValueText(NOT_SAID)
        box.setValue(_UNSET)
        box.setMinimumWidth(110)
        return box

    # --- values ------------------------------------------------------------------------------

    def load(self) -> None:
        """Show the check-in already saved for today, or an empty form."""
        self.day = self.ctx.clock.now().date()
        self.existing = self.ctx.journal.checkins.on(self.day)
        c = self.existing or CheckIn(self.day)
        for name, scale in self.ratings.items():
            scale.setValue(getattr(c, name))
        self.sleep_hours.setValue(_UNSET if c.sleep_hours is None else c.sleep_hours)
        self.hours_worked.setValue(_UNSET if c.hours_worked is None else c.hours_worked)
        self.breaks.setValue(_UNSET if c.breaks_taken is None else c.breaks_taken)
        key = "unsaid" if c.finished_on_time is None else ("yes" if c.finished_on_time else "no")
        self._on_time_buttons[key].setChecked(True)
        self.note.setText(c.note)
        self.save_button.setText("Update check-in" if self.existing else "Save check-in")
        self.status.setText(
            "You checked in today; change anything and save again." if self.existing else "Everything is optional."
        )
        for m in self.messages.values():
            m.show_message(None)
        self.form_message.show_message(None)

    def checkin(self) -> CheckIn:
        """The check-in the form describes (not yet validated)."""

        def hours(box: QDoubleSpinBox) -> float | None:
            return None if box.value() < 0 else round(box.value(), 1)

        checked = self.on_time_group.checkedButton()
        finished = (
            None
            if checked is None or checked is self._on_time_buttons["unsaid"]
            else checked is self._on_time_buttons["yes"]
        )
        base = self.existing or CheckIn(self.day)
        return CheckIn(
            local_date=self.day,
            mood=self.ratings["mood"].value(),
            energy=self.ratings["energy"].value(),
            sleep_quality=self.ratings["sleep_quality"].value(),
            workload=self.ratings["workload"].value(),
            sleep_hours=hours(self.sleep_hours),
            hours_worked=hours(self.hours_worked),
            breaks_taken=None if self.breaks.value() < 0 else self.breaks.value(),
            finished_on_time=finished,
            note=self.note.text().strip(),
            uid=base.uid,
        )

    def save(self) -> bool:
        for m in self.messages.values():
            m.show_message(None)
        self.form_message.show_message(None)
        was_update = self.existing is not None
        try:
            saved = self.ctx.journal.checkins.save(self.checkin())
        except ValidationError as e:
            for p in e.problems:
                self.messages.get(p.field, self.form_message).show_message(p.message)
            return False
        except StorageFull:
            self.form_message.show_message(messages.DISK_FULL)
            return False
        self.existing = saved
        self.save_button.setText("Update check-in")
        self.status.setText(messages.CHECKIN_UPDATED if was_update else messages.CHECKIN_SAVED)
        self.saved.emit(saved)
        self.ctx.events.changed.emit("checkins")
        return True
