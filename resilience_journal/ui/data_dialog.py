"""Data & safety: backups (automatic and by hand), restore, passphrase, full export and import.

Reached from the Journal menu.  Every slow step (backup, export, import) runs in the background
with a progress bar and a Cancel button (Esc cancels too, rather than closing the dialog
mid-write); one runs at a time.  Results and problems are said in one quiet line under the
section they belong to.  File choices go through ``choose_*`` methods so tests can answer them
without a file dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain import messages
from resilience_journal.domain.exchange_format import JRNL_DEFAULT_STRESS, ImportRejected
from resilience_journal.domain.progress import Cancelled
from resilience_journal.exchange import files
from resilience_journal.export.files import ExportFailed
from resilience_journal.storage import BackupInvalid, JournalError, StorageFull
from resilience_journal.storage import backups as bk
from resilience_journal.storage.exchange import import_file_text
from resilience_journal.ui.background import run_once
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.passphrase_dialog import ChangePassphraseDialog
from resilience_journal.ui.restore_dialog import RestoreDialog, describe, when_text
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.fit import say
from resilience_journal.ui.widgets.work_progress import WorkingDialog, WorkProgress

#: Choices for how many automatic backups to keep (one a day).
KEEP_CHOICES = (3, 5, 7, 10, 14, 30, 60, 90, 365)
#: How a backup's file name says where it came from.
KINDS = (("auto-", "Automatic"), ("before-restore-", "Before a restore"), ("before-upgrade-", "Before an upgrade"))


def kind_of(path: Path) -> str:
    return next((label for prefix, label in KINDS if path.name.startswith(prefix)), "By hand")


class DataSafetyDialog(WorkingDialog):
    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("dataSafetyDialog")
        self.setWindowTitle("Data & safety")
        self.setMinimumWidth(680)
        self.ctx = ctx
        journal = ctx.journal

        # --- backups ---
        backups_box = QWidget()
        where = QLabel(
            "An encrypted backup is made the first time you unlock the journal each day, "
            f"in <code>{journal.backup_dir()}</code>. Each one is checked before it is kept."
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep = QComboBox()
        self.keep.setObjectName("keepBackups")
        self.keep.setAccessibleName("Number of automatic backups to keep")
        current = bk.keep_count(journal)
        for n in sorted({*KEEP_CHOICES, current}):
            self.keep.addItem(str(n), n)
        self.keep.setCurrentIndex(self.keep.findData(current))
        self.keep.currentIndexChanged.connect(self._keep_changed)
        keep_row = QHBoxLayout()
        keep_label = QLabel("&Keep the last")
        keep_label.setBuddy(self.keep)
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel("automatic backups"))
        keep_row.addStretch(1)
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName("Backups, newest first")
        self.list.setHeaderLabels(["Made", "Kind", "What it holds"])
        self.list.setRootIsDecorated(False)
        self.list.setMinimumHeight(150)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(lambda _item, _col: self.restore_selected())
        self.backup_now = push_button("Back up now…", "backupNow", lambda: self.back_up_now())
        self.restore_button = push_button("Restore selected…", "restoreSelected", self.restore_selected)
        self.restore_button.setEnabled(False)
        self.restore_file_button = push_button(
            "Restore from a file…", "restoreFromFile", lambda: self.restore_from_file()
        )
        row = QHBoxLayout()
        row.addWidget(self.backup_now)
        row.addWidget(self.restore_button)
        row.addWidget(self.restore_file_button)
        row.addStretch(1)
        self.msg_backup = FieldMessage("backup_message")
        col = QVBoxLayout(backups_box)
        for w in (where,):
            col.addWidget(w)
        col.addLayout(keep_row)
        col.addWidget(self.list)
        col.addLayout(row)
        col.addWidget(self.msg_backup)

        # --- passphrase ---
        pass_box = QWidget()
        pass_col = QVBoxLayout(pass_box)
        pass_intro = QLabel(
            "Your passphrase unlocks the journal and every backup made from now on. "
            "Changing it re-encrypts the journal; it takes a moment and is checked before it is done."
        )
        pass_intro.setWordWrap(True)
        pass_note = QLabel(messages.PASSPHRASE_OLD_BACKUPS)
        pass_note.setProperty("role", "hint")
        pass_note.setWordWrap(True)
        pass_row = QHBoxLayout()
        self.passphrase_button = push_button("Change passphrase…", "openChangePassphrase", self.change_passphrase)
        pass_row.addWidget(self.passphrase_button)
        pass_row.addStretch(1)
        pass_col.addWidget(pass_intro)
        pass_col.addLayout(pass_row)
        pass_col.addWidget(pass_note)
        pass_col.addStretch(1)

        # --- export and import ---
        ex_box = QWidget()
        ex_col = QVBoxLayout(ex_box)
        warning = QLabel(messages.EXPORT_NOT_ENCRYPTED)
        warning.setObjectName("exportWarning")
        warning.setProperty("role", "message")
        warning.setWordWrap(True)
        self.export_json_button = push_button("Export everything (JSON)…", "exportJson", lambda: self.export_json())
        self.export_csv_button = push_button("Export as CSV files…", "exportCsv", lambda: self.export_csv())
        self.import_button = push_button("Import…", "importFile", lambda: self.import_file())
        ex_row = QHBoxLayout()
        for b in (self.export_json_button, self.export_csv_button, self.import_button):
            ex_row.addWidget(b)
        ex_row.addStretch(1)
        self.jrnl_stress = QComboBox()
        self.jrnl_stress.setObjectName("jrnlStress")
        self.jrnl_stress.setAccessibleName("Stress rating for entries imported from jrnl")
        for n in range(11):
            self.jrnl_stress.addItem(str(n), n)
        self.jrnl_stress.setCurrentIndex(JRNL_DEFAULT_STRESS)
        jrnl_row = QHBoxLayout()
        jrnl_label = QLabel(messages.IMPORT_JRNL_STRESS)
        jrnl_label.setWordWrap(True)
        jrnl_label.setProperty("role", "hint")
        jrnl_label.setBuddy(self.jrnl_stress)
        jrnl_row.addWidget(jrnl_label, 1)
        jrnl_row.addWidget(self.jrnl_stress)
        import_note = QLabel(
            "Import reads a Resilience Journal export or a jrnl JSON export. Items already in your "
            "journal are left as they are; if anything in the file is wrong, nothing is imported."
        )
        import_note.setProperty("role", "hint")
        import_note.setWordWrap(True)
        self.msg_exchange = FieldMessage("exchange_message")
        for w in (warning,):
            ex_col.addWidget(w)
        ex_col.addLayout(ex_row)
        ex_col.addWidget(import_note)
        ex_col.addLayout(jrnl_row)
        ex_col.addWidget(self.msg_exchange)
        ex_col.addStretch(1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("close")
        close.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeButton")
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        close.rejected.connect(self.reject)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dataTabs")
        self.tabs.setAccessibleName("Data and safety")
        self.tabs.addTab(backups_box, "&Backups")
        self.tabs.addTab(pass_box, "&Passphrase")
        self.tabs.addTab(ex_box, "&Export and import")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # While a backup, export or import runs: how far it has got, and a way to stop it.
        self.work = WorkProgress("working", "work in progress")
        self._working_message = self.msg_backup
        self.work.speak_through(lambda: self._working_message)
        self.buttons = close  # gives way to the progress bar's Cancel while work runs
        layout.addWidget(self.work)
        layout.addWidget(close)
        self.refresh_backups()

    # --- backups ---------------------------------------------------------------------------

    def refresh_backups(self) -> None:
        self.list.clear()
        found = bk.list_backups(self.ctx.journal)
        for b in found:
            holds = describe(b) if isinstance(b, bk.BackupInfo) else messages.BACKUP_LOCKED_ROW
            item = QTreeWidgetItem([when_text(b.made_at), kind_of(b.path), holds])
            item.setData(0, Qt.ItemDataRole.UserRole, str(b.path))
            item.setToolTip(0, str(b.path))
            self.list.addTopLevelItem(item)
        if not found:
            item = QTreeWidgetItem(["", "", messages.BACKUP_NONE_YET])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addTopLevelItem(item)
        for i in range(3):
            self.list.resizeColumnToContents(i)

    def selected_backup(self) -> Path | None:
        items = self.list.selectedItems()
        value = items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return Path(value) if value else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _keep_changed(self, _index: int) -> None:
        bk.set_keep_count(self.ctx.journal, self.keep.currentData())

    def choose_backup_path(self) -> Path | None:
        journal = self.ctx.journal
        default = journal.backup_dir() / f"backup-{journal._stamp()}.db"
        name, _ = QFileDialog.getSaveFileName(self, "Back up to", str(default), "Journal backups (*.db)")
        return Path(name) if name else None

    def back_up_now(self, dest: Path | None = None) -> None:
        dest = dest or self.choose_backup_path()
        if dest is None:
            return
        token, progress = self._begin(self.msg_backup, "Backing up and checking the copy…")
        journal = self.ctx.journal
        run_once(
            self,
            lambda: bk.verified_backup(journal, dest, token=token, progress=progress),
            self._backed_up,
            self._backup_failed,
        )

    def _backed_up(self, info: bk.BackupInfo) -> None:
        self._end()
        say(self.msg_backup, messages.BACKUP_DONE.format(path=info.path))
        self.refresh_backups()

    def _backup_failed(self, exc: Exception) -> None:
        self._end()
        if isinstance(exc, Cancelled):
            say(self.msg_backup, messages.BACKUP_CANCELLED)
        elif isinstance(exc, StorageFull):
            say(self.msg_backup, messages.DISK_FULL_NOTHING_CHANGED)
        elif isinstance(exc, BackupInvalid):
            say(self.msg_backup, messages.BACKUP_CHECK_FAILED)
        elif isinstance(exc, JournalError | OSError):
            say(self.msg_backup, messages.BACKUP_FAILED.format(reason=_reason(exc)))
        else:
            raise exc

    # --- one piece of long work at a time ----------------------------------------------------

    def _actions(self) -> tuple[QWidget, ...]:
        return (
            self.backup_now,
            self.restore_button,
            self.restore_file_button,
            self.passphrase_button,
            self.export_json_button,
            self.export_csv_button,
            self.import_button,
        )

    def _begin(self, message: FieldMessage, text: str):
        """Disable every action, show the progress bar and its Cancel; the worker's token and callback."""
        self.set_working(True, self._actions())
        self._working_message = message
        say(message, text)
        return self.work.start()

    def _end(self) -> None:
        self.set_working(False, self._actions())
        self._selection_changed()

    def restore_selected(self, backup: Path | None = None) -> RestoreDialog | None:
        backup = backup or self.selected_backup()
        if backup is None:
            return None
        dialog = RestoreDialog(self.ctx, backup, self)
        dialog.finished.connect(lambda _code: self.refresh_backups())
        dialog.open()
        return dialog

    def choose_backup_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Restore from", str(self.ctx.journal.backup_dir()), "Journal backups (*.db)"
        )
        return Path(name) if name else None

    def restore_from_file(self, path: Path | None = None) -> RestoreDialog | None:
        """Restore a backup kept elsewhere (e.g. one made with "Back up now" on a USB stick)."""
        path = path or self.choose_backup_file()
        if path is None:
            return None
        if path.resolve() == self.ctx.journal.path.resolve():
            say(self.msg_backup, messages.RESTORE_NOT_THE_JOURNAL)
            return None
        return self.restore_selected(path)

    # --- passphrase ------------------------------------------------------------------------

    def change_passphrase(self) -> ChangePassphraseDialog:
        dialog = ChangePassphraseDialog(self.ctx, self)
        dialog.open()
        return dialog

    # --- export and import -----------------------------------------------------------------

    def choose_export_file(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export everything to", str(Path.home() / "resilience-journal-export.json"), "JSON (*.json)"
        )
        return Path(name) if name else None

    def choose_export_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, "Export CSV files into", str(Path.home()))
        return Path(name) if name else None

    def choose_import_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Import from", str(Path.home()), "JSON (*.json)")
        return Path(name) if name else None

    def export_json(self, path: Path | None = None) -> None:
        path = path or self.choose_export_file()
        if path is not None:
            journal = self.ctx.journal
            self._exchange(
                lambda token, progress: files.save_json_export(journal, path, token=token, progress=progress),
                lambda out: self._exported(out),
                "Exporting everything…",
                messages.EXPORT_CANCELLED,
            )

    def export_csv(self, folder: Path | None = None) -> None:
        folder = folder or self.choose_export_folder()
        if folder is not None:
            journal = self.ctx.journal
            self._exchange(
                lambda token, progress: files.save_csv_export(journal, folder, token=token, progress=progress),
                lambda _out: say(self.msg_exchange, messages.EXPORT_CSV_DONE.format(path=folder)),
                "Exporting as CSV files…",
                messages.EXPORT_CANCELLED,
            )

    def import_file(self, path: Path | None = None) -> None:
        path = path or self.choose_import_file()
        if path is None:
            return
        journal, stress = self.ctx.journal, self.jrnl_stress.currentData()

        def work(token, progress):
            text = files.read_import_file(path)
            return import_file_text(journal, text, jrnl_stress=stress, token=token, progress=progress)

        self._exchange(work, self._imported, "Importing…", messages.IMPORT_CANCELLED)

    def _exchange(self, work, on_done, working_text: str, cancelled_text: str) -> None:
        token, progress = self._begin(self.msg_exchange, working_text)

        def done(result) -> None:
            self._end()
            on_done(result)

        def failed(exc: Exception) -> None:
            self._end()
            if isinstance(exc, Cancelled):
                say(self.msg_exchange, cancelled_text)
            else:
                self._exchange_failed(exc)

        run_once(self, lambda: work(token, progress), done, failed)

    def _exported(self, path: Path) -> None:
        say(self.msg_exchange, messages.EXPORT_DONE.format(path=path))

    def _imported(self, report) -> None:
        say(self.msg_exchange, messages.IMPORT_DONE.format(added=report.total_added, skipped=report.total_skipped))
        if report.total_added:
            self.ctx.events.changed.emit("everything")

    def _exchange_failed(self, exc: Exception) -> None:
        if isinstance(exc, ImportRejected):
            where = f"{exc.where[:1].upper()}{exc.where[1:]}: " if exc.where else ""
            say(self.msg_exchange, f"{where}{exc.message} {messages.IMPORT_NOTHING_CHANGED}")
        elif isinstance(exc, ExportFailed):
            say(self.msg_exchange, str(exc))
        elif isinstance(exc, StorageFull):
            say(self.msg_exchange, messages.DISK_FULL_NOTHING_CHANGED)
        elif isinstance(exc, JournalError | OSError):
            say(self.msg_exchange, messages.EXCHANGE_FAILED.format(reason=_reason(exc)))
        else:
            raise exc


def _reason(exc: Exception) -> str:
    """A short cause that never quotes journal content: the OS's words, or the error's kind."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__
