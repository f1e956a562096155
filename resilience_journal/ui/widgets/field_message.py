"""A quiet line under a field that says what needs changing (never red, never shouting)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class FieldMessage(QLabel):
    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "message")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setAccessibleName(text or "")
        self.setVisible(bool(text))
