"""Settings (Ctrl+,): locking and appearance.  Later features add their own sections."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from resilience_journal.domain.autolock import IDLE_CHOICES_MINUTES
from resilience_journal.ui.theme import THEMES
from resilience_journal.ui.ui_settings import UiSettings


def idle_label(minutes: int) -> str:
    if minutes == 0:
        return "Never (not recommended)"
    return "1 minute" if minutes == 1 else f"{minutes} minutes" if minutes < 60 else "1 hour"


class SettingsDialog(QDialog):
    def __init__(self, ui_settings: UiSettings, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.ui_settings = ui_settings

        self.idle = QComboBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setAccessibleName("Lock after this long without activity")
        for m in IDLE_CHOICES_MINUTES:
            self.idle.addItem(idle_label(m), m)
        self.idle.setCurrentIndex(max(0, self.idle.findData(ui_settings.idle_minutes)))

        self.on_minimise = QCheckBox("Lock when the window is &minimised")
        self.on_minimise.setObjectName("lockOnMinimise")
        self.on_minimise.setAccessibleName("Lock when the window is minimised")
        self.on_minimise.setChecked(ui_settings.lock_on_minimise)

        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.setAccessibleName("Appearance")
        for key, label in THEMES:
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(ui_settings.theme)))

        form = QFormLayout()
        form.addRow("&Lock after", self.idle)
        form.addRow("", self.on_minimise)
        form.addRow("&Appearance", self.theme)
        note = QLabel("Ctrl+L locks the journal at any time.")
        note.setProperty("role", "hint")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.ui_settings.idle_minutes = self.idle.currentData()
        self.ui_settings.lock_on_minimise = self.on_minimise.isChecked()
        self.ui_settings.theme = self.theme.currentData()
        self.ui_settings.sync()
        super().accept()
