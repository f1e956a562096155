"""Reminders while the app is running: a timer asks the pure decision in ``domain/reminders.py``
once a minute and shows what is due as a system-tray notification, or, where there is no tray,
as a banner inside the window.

Time comes from the injected clock; tests call ``check()`` directly after moving a fake clock.
Notifications use fixed wording only — never anything from the journal.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QSystemTrayIcon

from resilience_journal.domain.leave import leave_status
from resilience_journal.domain.reminders import FOLLOWUP_WINDOW_DAYS, Reminder, due_reminder
from resilience_journal.ui.context import PageContext

#: How often the timer asks whether a reminder is due.
CHECK_INTERVAL_MS = 60_000


class ReminderService(QObject):
    """Decides and delivers reminders.  ``shown`` is emitted for every reminder delivered."""

    shown = Signal(object)
    #: Emitted when a reminder should appear in the window (no system tray).
    bannerRequested = Signal(object)
    #: The user clicked a tray notification: act on the last reminder shown.
    actionRequested = Signal(object)

    def __init__(self, ctx: PageContext, parent=None, *, use_tray: bool | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.use_tray = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        self.last: Reminder | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def check(self) -> Reminder | None:
        """Show the reminder that is due now, if any, and return it."""
        j = self.ctx.journal
        if not j.is_open:
            return None
        settings = j.selfcare.reminder_settings()
        if not (settings.checkin_enabled or settings.followup_enabled):
            return None
        now = self.ctx.clock.now()
        today = now.date()
        reminder = due_reminder(
            now,
            settings,
            last_checkin=j.checkins.latest_date(),
            recent_stress=j.checkins.recent_stress(today - timedelta(days=FOLLOWUP_WINDOW_DAYS), today),
            shown=j.selfcare.shown_reminders(),
            on_leave=leave_status(today, j.selfcare.leave_periods()).on_leave,
        )
        if reminder is None:
            return None
        j.selfcare.mark_reminder_shown(reminder.key)
        self._deliver(reminder)
        self.shown.emit(reminder)
        return reminder

    def _deliver(self, reminder: Reminder) -> None:
        self.last = reminder
        if self.use_tray:
            if self.tray is None:
                app = QApplication.instance()
                icon = app.windowIcon() if app is not None and not app.windowIcon().isNull() else None
                if icon is None:
                    icon = app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                self.tray = QSystemTrayIcon(icon, self)
                self.tray.setToolTip("Resilience Journal")
                self.tray.messageClicked.connect(lambda: self.actionRequested.emit(self.last))
            self.tray.show()
            self.tray.showMessage(reminder.title, reminder.message, QSystemTrayIcon.MessageIcon.Information, 15_000)
        else:
            self.bannerRequested.emit(reminder)


class ReminderBanner(QFrame):
    """The in-window reminder: one calm line, an action, and a way to dismiss it."""

    actionRequested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.reminder: Reminder | None = None
        self.text = QLabel()
        self.text.setObjectName("reminderText")
        self.text.setWordWrap(True)
        self.go = QPushButton("Open Today")
        self.go.setObjectName("reminderGo")
        self.go.setAccessibleName("Open the Today page")
        self.go.clicked.connect(self._go)
        self.dismiss = QPushButton("Not now")
        self.dismiss.setObjectName("reminderDismiss")
        self.dismiss.setAccessibleName("Dismiss the reminder")
        self.dismiss.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 12, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.go)
        row.addWidget(self.dismiss)
        self.hide()

    def show_reminder(self, reminder: Reminder) -> None:
        self.reminder = reminder
        self.text.setText(f"<b>{reminder.title}</b> {reminder.message}")
        self.go.setText("Write a few lines" if reminder.kind == "followup" else "Open Today")
        self.go.setAccessibleName(self.go.text())
        self.setAccessibleName(f"Reminder: {reminder.title}")
        self.show()

    def _go(self) -> None:
        self.hide()
        self.actionRequested.emit(self.reminder)
