"""A bar that says how hard a passphrase would be to guess, updated as it is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar

from resilience_journal.domain import passphrase


class StrengthMeter(QProgressBar):
    def __init__(self, name: str = "strength", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName("Passphrase strength")
        self.setRange(0, 4)
        self.setTextVisible(True)
        self.show_for("")

    def show_for(self, text: str) -> None:
        s = passphrase.strength(text)
        self.setValue(s.score)
        self.setFormat(s.words if text else "Strength")
        self.setAccessibleDescription(s.words)
