"""Saying something in a dialog without clipping it.

A message label that wraps over several lines needs more height than the dialog had when it
opened; Qt does not grow a shown dialog for it, so the text would be cut off.  ``say`` shows the
message and then grows the dialog (never shrinks it) to fit.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from resilience_journal.ui.widgets.field_message import FieldMessage


def grow_to_fit(dialog: QDialog) -> None:
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    if needed > dialog.height():
        dialog.resize(width, needed)


def say(label: FieldMessage, text: str | None) -> None:
    """Show ``text`` under a field (or hide the line when None), keeping it fully visible."""
    label.show_message(text)
    window = label.window()
    if isinstance(window, QDialog) and window.isVisible():
        grow_to_fit(window)
