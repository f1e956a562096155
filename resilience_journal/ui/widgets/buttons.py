"""The app's push buttons: every one named for tests and for screen readers alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton


def push_button(text: str, name: str, slot: Callable | None = None, *, primary: bool = False) -> QPushButton:
    """A button reading ``text`` with objectName ``name``; ``slot`` runs when it is clicked.

    The accessible name is the text without a trailing "…" (a screen reader need not say it).
    ``primary`` marks the one main action of a view (the style sheet fills it with the accent).
    """
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    if primary:
        button.setProperty("primary", True)
    if slot is not None:
        button.clicked.connect(slot)
    return button
