"""Restore a backup: see what it holds first, confirm with the current passphrase, then replace.

A backup made under an earlier passphrase asks for that passphrase before it can be looked
inside; once restored, the journal opens with the current passphrase.  The current journal is
kept as a verified backup before anything changes.

While it runs a progress bar counts its steps and Cancel (or Esc) stops it, up to the moment the
journal's file is swapped: from there Cancel is disabled and the dialog says it is finishing, so
a restore is never left half-done.  A cancelled restore leaves the journal and the backups
folder exactly as they were.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from resilience_journal.domain import messages
from resilience_journal.domain.progress import Cancelled
from resilience_journal.storage import BackupInvalid, JournalError, JournalTooNew, StorageFull, WrongPassphrase
from resilience_journal.storage import backups as bk
from resilience_journal.ui.access import password_field
from resilience_journal.ui.background import run_once
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.fit import say
from resilience_journal.ui.widgets.work_progress import WorkingDialog, WorkProgress


def describe(info: bk.BackupInfo) -> str:
    """'12 reflections, 3 check-ins …' for a backup."""
    parts = [f"{n} {label}" for label, n in info.summary_counts() if n]
    return ", ".join(parts) if parts else "an empty journal"


def when_text(made_at) -> str:
    return made_at.strftime("%a %d %b %Y, %H:%M")


class RestoreDialog(WorkingDialog):
    def __init__(self, ctx: PageContext, backup: Path, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore a backup")
        self.setMinimumWidth(560)
        self.ctx, self.backup = ctx, Path(backup)
        self.info: bk.BackupInfo | None = None
        self.backup_passphrase: str | None = None
        self.safety: bk.BackupInfo | None = None

        title = QLabel(f"Backup: <b>{self.backup.name}</b>")
        title.setObjectName("backupName")
        self.contents = QLabel("")
        self.contents.setObjectName("backupContents")
        self.contents.setWordWrap(True)

        # Shown only for a backup made under an earlier passphrase.
        self.old_box = QWidget()
        old_form = QFormLayout(self.old_box)
        old_form.setContentsMargins(0, 0, 0, 0)
        old_note = QLabel(messages.BACKUP_OLD_PASSPHRASE)
        old_note.setWordWrap(True)
        self.old = password_field("backupPassphrase", "The passphrase this backup was made with")
        self.old.returnPressed.connect(self.look_inside)
        look = QPushButton("Look inside")
        look.setObjectName("lookInside")
        look.setAccessibleName("Look inside the backup")
        look.clicked.connect(self.look_inside)
        self.msg_old = FieldMessage("backupPassphrase_message")
        old_form.addRow(old_note)
        old_form.addRow("Its &passphrase", self.old)
        old_form.addRow("", look)
        old_form.addRow("", self.msg_old)

        warning = QLabel(messages.RESTORE_WARNING)
        warning.setObjectName("restoreWarning")
        warning.setProperty("role", "hint")
        warning.setWordWrap(True)
        self.current = password_field("currentPassphrase", "Your current passphrase")
        self.msg_current = FieldMessage("currentPassphrase_message")
        form = QFormLayout()
        form.addRow("&Current passphrase", self.current)
        form.addRow("", self.msg_current)
        self.msg_form = FieldMessage("restore_message")
        self.work = WorkProgress("restoring", "restore")
        self.work.speak_through(self.msg_form)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        cancel.setAccessibleName("Cancel")
        self.restore_button = self.buttons.addButton("Restore this backup", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        self.restore_button.setAccessibleName("Restore this backup")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for w in (title, self.contents, self.old_box, warning):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(self.msg_form)
        layout.addWidget(self.work)
        layout.addWidget(self.buttons)
        self._inspect(None)

    def _inspect(self, passphrase: str | None) -> None:
        try:
            info = bk.inspect(self.ctx.journal, self.backup, passphrase)
        except WrongPassphrase:
            self.old_box.setVisible(True)
            made = bk.made_at(self.backup, self.ctx.journal)
            self.contents.setText(messages.BACKUP_LOCKED_CONTENTS.format(when=when_text(made)))
            if passphrase is not None:
                say(self.msg_old, messages.WRONG_PASSPHRASE)
                self.old.clear()
            self.old.setFocus()
            return
        except BackupInvalid:
            self.old_box.setVisible(False)
            self.contents.setText(messages.JOURNAL_DAMAGED)
            return
        self.info, self.backup_passphrase = info, passphrase
        self.old_box.setVisible(False)
        self.contents.setText(f"Made {when_text(info.made_at)}. It holds {describe(info)}.")
        self.restore_button.setEnabled(True)
        self.current.setFocus()

    def look_inside(self) -> None:
        say(self.msg_old, None)
        if self.old.text():
            self._inspect(self.old.text())

    def restore(self) -> None:
        say(self.msg_current, None)
        if self.info is None:
            return
        current = self.current.text()
        if not current:
            say(self.msg_current, messages.BACKUP_NEEDS_CURRENT)
            return
        self._busy(True)
        say(self.msg_form, "Restoring…")
        journal, backup, old = self.ctx.journal, self.backup, self.backup_passphrase
        token, progress = self.work.start()
        run_once(
            self,
            lambda: bk.restore(journal, backup, current, old, token=token, progress=progress),
            self._done,
            self._failed,
        )

    def _busy(self, busy: bool) -> None:
        self.set_working(busy, (self.current, self.old_box))

    def _done(self, safety: bk.BackupInfo) -> None:
        self._busy(False)
        self.safety = safety
        self.current.clear()
        self.current.setEnabled(False)
        self.ctx.events.changed.emit("everything")
        say(self.msg_form, messages.RESTORE_DONE.format(path=safety.path))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        self.restore_button.hide()

    def _failed(self, exc: Exception) -> None:
        self._busy(False)
        say(self.msg_form, None)
        if isinstance(exc, Cancelled):
            say(self.msg_form, messages.RESTORE_CANCELLED)
            self.current.setFocus()
        elif isinstance(exc, WrongPassphrase):
            self.current.clear()
            say(self.msg_current, messages.WRONG_PASSPHRASE)
        elif isinstance(exc, StorageFull):
            say(self.msg_form, messages.DISK_FULL_NOTHING_CHANGED)
        elif isinstance(exc, JournalTooNew):
            say(self.msg_form, messages.JOURNAL_NEWER)
        elif isinstance(exc, JournalError | OSError):
            say(self.msg_form, messages.RESTORE_FAILED.format(reason=type(exc).__name__))
        else:
            raise exc
