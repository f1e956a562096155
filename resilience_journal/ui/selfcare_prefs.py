"""Self-care preferences and reminders (a tab of the Self-care page).

They say something about the person (their role, when they finish work), so they are kept
inside the encrypted journal, never in the plain settings file.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.reminders import ReminderSettings
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.section_card import SectionCard, hint


def _spin(name: str, accessible: str, maximum: int, suffix: str, off_text: str = "") -> QSpinBox:
    s = QSpinBox()
    s.setObjectName(name)
    s.setAccessibleName(accessible)
    s.setRange(0, maximum)
    s.setSuffix(suffix)
    if off_text:
        s.setSpecialValueText(off_text)
    s.setMaximumWidth(160)
    return s


def _time(name: str, accessible: str) -> QTimeEdit:
    t = QTimeEdit()
    t.setObjectName(name)
    t.setAccessibleName(accessible)
    t.setDisplayFormat("HH:mm")
    return t


class PreferencesForm(QWidget):
    changed = Signal()

    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("selfcarePreferences")
        self.ctx = ctx
        self.role = QLineEdit()
        self.role.setObjectName("role")
        self.role.setAccessibleName("Your role")
        self.role.setMaxLength(60)
        self.role.setMaximumWidth(360)
        self.threshold = _spin("leaveThreshold", "Days without a break before a gentle note", 365, " days", "Never")
        self.rhythm = _spin("questionnaireRhythm", "Suggest a questionnaire every", 365, " days", "Never")
        self.checkin_on = QCheckBox("Remind me to check in, from")
        self.checkin_on.setObjectName("checkinReminder")
        self.checkin_time = _time("checkinTime", "Check-in reminder time")
        self.followup_on = QCheckBox("The morning after a hard day, ask whether a visit is staying with me, from")
        self.followup_on.setObjectName("followupReminder")
        self.followup_time = _time("followupTime", "Follow-up prompt time")
        self.high_stress = _spin("highStress", "Stress that counts as a hard day", 10, " / 10")

        about = SectionCard("About you", "aboutYou")
        form = QFormLayout()
        form.addRow("Your &role", self.role)
        form.addRow("", hint("Used in the ProQOL questions, e.g. “my life as a social worker”."))
        form.addRow("Gentle note after", self.threshold)
        form.addRow("", hint("…days without a recorded break (Never turns the note off)."))
        form.addRow("Suggest a questionnaire every", self.rhythm)
        about.body.addLayout(form)

        reminders = SectionCard("Reminders", "remindersCard")
        reminders.body.addWidget(
            hint(
                "Off unless you turn them on. They appear only while the app is open, and never "
                "show anything you wrote."
            )
        )
        for check, when in ((self.checkin_on, self.checkin_time), (self.followup_on, self.followup_time)):
            row = QHBoxLayout()
            row.addWidget(check)
            row.addWidget(when)
            row.addStretch(1)
            reminders.body.addLayout(row)
        row = QHBoxLayout()
        hard_day = QLabel("A hard day is one with an entry rated at least")
        hard_day.setBuddy(self.high_stress)
        row.addWidget(hard_day)
        row.addWidget(self.high_stress)
        row.addStretch(1)
        reminders.body.addLayout(row)

        self.save_button = QPushButton("Save preferences")
        self.save_button.setObjectName("savePreferences")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.status = hint("", "preferencesStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(reminders)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        prefs = self.ctx.journal.selfcare.prefs()
        rem = self.ctx.journal.selfcare.reminder_settings()
        self.role.setText(prefs.role)
        self.threshold.setValue(prefs.leave_threshold_days)
        self.rhythm.setValue(prefs.questionnaire_rhythm_days)
        self.checkin_on.setChecked(rem.checkin_enabled)
        self.checkin_time.setTime(QTime(rem.checkin_time.hour, rem.checkin_time.minute))
        self.followup_on.setChecked(rem.followup_enabled)
        self.followup_time.setTime(QTime(rem.followup_time.hour, rem.followup_time.minute))
        self.high_stress.setValue(rem.high_stress)

    def save(self) -> None:
        repo = self.ctx.journal.selfcare
        prefs = dataclasses.replace(
            repo.prefs(),
            role=" ".join(self.role.text().split()) or repo.prefs().role,
            leave_threshold_days=self.threshold.value(),
            questionnaire_rhythm_days=self.rhythm.value(),
        )
        reminders = ReminderSettings(
            checkin_enabled=self.checkin_on.isChecked(),
            checkin_time=self.checkin_time.time().toPython(),
            followup_enabled=self.followup_on.isChecked(),
            followup_time=self.followup_time.time().toPython(),
            high_stress=self.high_stress.value(),
        )
        with self.ctx.journal.transaction():
            repo.set_prefs(prefs)
            repo.set_reminder_settings(reminders)
        self.status.setText("Saved.")
        self.refresh()
        self.changed.emit()
