"""Change the passphrase: the current one, the new one twice with strength feedback, then rekey.

The re-encryption runs in the background and is verified (the file is reopened with the new
passphrase) before the dialog says it is done.  Existing backups keep their old passphrase, and
the dialog says so before anything happens.

Cancel (or Esc) stops it while the current passphrase is being checked; the re-encryption itself
is the point of no return (SQLCipher rewrites every page in one go), so from there Cancel is
disabled and the dialog says it is finishing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from resilience_journal.domain import messages, passphrase
from resilience_journal.domain.progress import Cancelled
from resilience_journal.storage import JournalError, StorageFull, WrongPassphrase
from resilience_journal.ui.access import password_field
from resilience_journal.ui.background import run_once
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.fit import say
from resilience_journal.ui.widgets.strength_meter import StrengthMeter
from resilience_journal.ui.widgets.work_progress import WorkingDialog, WorkProgress


class ChangePassphraseDialog(WorkingDialog):
    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle("Change passphrase")
        self.setMinimumWidth(520)
        self.ctx = ctx
        self.changed = False

        self.current = password_field("currentPassphrase", "Current passphrase")
        self.new = password_field("newPassphrase", "New passphrase")
        self.again = password_field("newPassphraseRepeat", "New passphrase again")
        self.meter = StrengthMeter("newStrength")
        self.new.textChanged.connect(self.meter.show_for)
        self.msg_current = FieldMessage("currentPassphrase_message")
        self.msg_new = FieldMessage("newPassphrase_message")
        self.msg_form = FieldMessage("changePassphrase_message")
        self.work = WorkProgress("changingPassphrase", "change of passphrase")
        self.work.speak_through(self.msg_form)

        intro = QLabel("Choose a new passphrase. A few unrelated words are easy to remember and hard to guess.")
        intro.setWordWrap(True)
        note = QLabel(messages.PASSPHRASE_OLD_BACKUPS)
        note.setObjectName("oldBackupsNote")
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        recovery = QLabel(messages.PASSPHRASE_NO_RECOVERY)
        recovery.setProperty("role", "hint")
        recovery.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Current passphrase", self.current)
        form.addRow("", self.msg_current)
        form.addRow("&New passphrase", self.new)
        form.addRow("", self.meter)
        form.addRow("New passphrase &again", self.again)
        form.addRow("", self.msg_new)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        cancel.setAccessibleName("Cancel")
        self.change_button = self.buttons.addButton("Change passphrase", QDialogButtonBox.ButtonRole.AcceptRole)
        self.change_button.setObjectName("changePassphrase")
        self.change_button.setAccessibleName("Change passphrase")
        self.change_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(recovery)
        layout.addWidget(self.msg_form)
        layout.addWidget(self.work)
        layout.addWidget(self.buttons)
        self.current.setFocus()

    def change(self) -> None:
        for m in (self.msg_current, self.msg_new, self.msg_form):
            say(m, None)
        old, new = self.current.text(), self.new.text()
        if not old:
            say(self.msg_current, messages.BACKUP_NEEDS_CURRENT)
            self.current.setFocus()
            return
        problems = passphrase.problems(new, self.again.text())
        if not problems and passphrase.normalise(new) == passphrase.normalise(old):
            problems = [messages.PASSPHRASE_SAME]
        if problems:
            say(self.msg_new, " ".join(problems))
            self.new.setFocus()
            return
        self._busy(True)
        say(self.msg_form, "Changing the passphrase and checking it…")
        journal = self.ctx.journal
        token, progress = self.work.start()
        run_once(
            self,
            lambda: journal.change_passphrase(old, new, token=token, progress=progress),
            self._done,
            self._failed,
        )

    def _busy(self, busy: bool) -> None:
        self.set_working(busy, (self.current, self.new, self.again))

    def _done(self, _result) -> None:
        self._busy(False)
        for field in (self.current, self.new, self.again):
            field.clear()
        self.changed = True
        say(self.msg_form, messages.PASSPHRASE_CHANGED + " " + messages.PASSPHRASE_OLD_BACKUPS)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        self.change_button.hide()

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        say(self.msg_form, None)
        if isinstance(exc, Cancelled):
            say(self.msg_form, messages.PASSPHRASE_CANCELLED)
            self.current.setFocus()
        elif isinstance(exc, WrongPassphrase):
            self.current.clear()
            say(self.msg_current, messages.WRONG_PASSPHRASE)
            self.current.setFocus()
        elif isinstance(exc, StorageFull):
            say(self.msg_form, messages.DISK_FULL_NOTHING_CHANGED)
        elif isinstance(exc, JournalError | OSError):
            say(self.msg_form, messages.PASSPHRASE_CHANGE_FAILED.format(reason=type(exc).__name__))
        else:
            raise exc
