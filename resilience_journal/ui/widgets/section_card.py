"""A calm card: a framed box with a heading, for grouping things on a page."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class SectionCard(QFrame):
    """A themed card (``role="card"`` in the style sheet) with an optional heading."""

    def __init__(self, heading: str = "", name: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        if name:
            self.setObjectName(name)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.body.setSpacing(8)
        self.heading = QLabel(heading)
        self.heading.setProperty("role", "cardHeading")
        self.heading.setWordWrap(True)
        self.body.addWidget(self.heading)
        # Only after it has a parent: showing a parentless label would open it as a window.
        self.heading.setVisible(bool(heading))


def hint(text: str, name: str = "") -> QLabel:
    """A quiet, wrapped explanatory line."""
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label
