"""Support contacts, one click from anywhere: big, readable numbers and a way to edit them."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from resilience_journal.domain.selfcare import DEFAULT_CONTACTS
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.section_card import SectionCard, hint

#: Opens the support contacts from anywhere, even while locked (MainWindow's action); unlocked,
#: the button under the navigation does the same.
SUPPORT_SHORTCUT = "Ctrl+Shift+H"

INTRO = (
    "You don't have to manage this on your own. Talking to someone — your supervisor, a colleague, "
    "occupational health or a helpline — is part of doing this work well."
)

LOCKED_NOTE = "Your own contacts are inside your journal: they appear here once it is unlocked."


class SupportDialog(QDialog):
    #: The user wants to change the contacts (the shell opens the Self-care page).
    editRequested = Signal()

    def __init__(self, ctx: PageContext | None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("supportDialog")
        self.setWindowTitle("Support")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        title = QLabel("Support")
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(hint(INTRO))
        if ctx is None:  # locked: only the built-in helpline, nothing from the journal
            self.contacts = [c for c in DEFAULT_CONTACTS if c.phone]
        else:
            ctx.journal.selfcare.ensure_default_contacts()
            self.contacts = ctx.journal.selfcare.contacts()
        for c in self.contacts:
            card = SectionCard(c.name)
            number = QLabel(html.escape(c.phone) if c.phone else "<i>No number yet — add one with Edit contacts.</i>")
            number.setObjectName("contactNumber")
            number.setProperty("role", "figure" if c.phone else "hint")
            number.setAccessibleName(f"{c.name}: {c.phone or 'no number yet'}")
            card.body.addWidget(number)
            if c.note:
                card.body.addWidget(hint(c.note))
            layout.addWidget(card)
        if not self.contacts:
            layout.addWidget(hint("No contacts yet. Add the people and services you would call."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if ctx is None:
            layout.addWidget(hint(LOCKED_NOTE, "lockedNote"))
        else:
            edit = buttons.addButton("Edit contacts…", QDialogButtonBox.ButtonRole.ActionRole)
            edit.setObjectName("editContacts")
            edit.setAccessibleName("Edit support contacts")
            edit.clicked.connect(self._edit)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("close")
        layout.addWidget(buttons)

    def _edit(self) -> None:
        self.editRequested.emit()
        self.accept()
