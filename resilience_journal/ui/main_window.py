"""The one window: the create/unlock screen while locked, the shell while unlocked.

The title never shows journal content.  Locking (Ctrl+L, idle timeout, optionally minimising)
closes the database connection and deletes the shell with every page and model in it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QStackedWidget, QVBoxLayout, QWidget

from resilience_journal import APP_NAME, __version__
from resilience_journal.domain import messages
from resilience_journal.domain.autolock import IdleLock
from resilience_journal.domain.clock import Clock
from resilience_journal.storage import Journal, JournalLocked
from resilience_journal.ui import gc_pauses
from resilience_journal.ui.access import CreateScreen, UnlockScreen
from resilience_journal.ui.context import JournalEvents, PageContext
from resilience_journal.ui.idle_watch import IdleWatcher
from resilience_journal.ui.settings_dialog import SettingsDialog
from resilience_journal.ui.support_dialog import SUPPORT_SHORTCUT, SupportDialog
from resilience_journal.ui.theme import apply_theme
from resilience_journal.ui.ui_settings import UiSettings

if TYPE_CHECKING:
    from resilience_journal.ui.shell import Shell

#: How long after the lock screen appears the pages' modules start loading in the background.
PRELOAD_DELAY_MS = 250


def _preload_pages() -> None:
    """Import the unlocked window's modules (every page) on a worker while the passphrase is typed.

    They are not needed for the lock screen, and importing them first made the start about a
    third slower (docs/performance.md).  Only modules are loaded here, never a widget.  If this
    fails for any reason, ``open_journal`` imports them itself.
    """
    try:
        import resilience_journal.ui.shell  # noqa: F401
    except Exception:  # pragma: no cover - the import is simply repeated on unlock
        pass


class MainWindow(QMainWindow):
    def __init__(
        self,
        journal_path: Path,
        clock: Clock,
        ui_settings: UiSettings,
        *,
        demo_passphrase: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.journal_path = journal_path
        self.clock = clock
        self.ui_settings = ui_settings
        self.demo_passphrase = demo_passphrase
        self.journal: Journal | None = None
        self.shell: Shell | None = None
        self.setWindowTitle(APP_NAME + (" — demo" if demo_passphrase else ""))
        self.resize(1100, 720)
        geometry = ui_settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

        self.idle = IdleWatcher(IdleLock(clock, ui_settings.idle_minutes), self)
        self.idle.idle.connect(self.lock)
        self._copied = ""
        QApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        if demo_passphrase:
            banner = QLabel(
                f"Demo journal with made-up sample data — passphrase: <b>{demo_passphrase}</b>. "
                "It is deleted when you close the app."
            )
            banner.setObjectName("demoBanner")
            banner.setAccessibleName(f"Demo journal. The passphrase is {demo_passphrase}")
            column.addWidget(banner)
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.show_access_screen()
        QTimer.singleShot(PRELOAD_DELAY_MS, self._start_preload)

    # --- actions ---------------------------------------------------------------------------

    def _action(self, name: str, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("actionNew", "New entry", "Ctrl+N", self._new_entry)
        self.search_action = self._action("actionSearch", "Search", "Ctrl+F", self._search)
        self.lock_action = self._action("actionLock", "Lock", "Ctrl+L", self.lock)
        # Locking must work from any window of the app, including an open entry dialog.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.settings_action = self._action("actionSettings", "Settings", "Ctrl+,", self.open_settings)
        self.data_action = self._action("actionDataSafety", "Data && safety…", "", self.open_data_safety)
        self.support_action = self._action("actionSupport", "Support", SUPPORT_SHORTCUT, self.open_support)
        for i, key in enumerate(("1", "2", "3", "4", "5", "6", "7", "8", "9")):
            self._action(f"actionPage{key}", f"Page {key}", f"Ctrl+{key}", lambda _=False, i=i: self._go(i))
        self._set_unlocked_actions(False)
        menu = self.menuBar().addMenu("&Journal")
        menu.setObjectName("journalMenu")
        for action in (self.new_action, self.search_action, None, self.data_action, self.settings_action, None):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.addAction(self.lock_action)

    def _set_unlocked_actions(self, enabled: bool) -> None:
        for action in (self.new_action, self.search_action, self.lock_action, self.data_action):
            action.setEnabled(enabled)

    def _new_entry(self) -> None:
        if self.shell is not None:
            self.shell.new_entry()

    def _search(self) -> None:
        if self.shell is not None:
            self.shell.search()

    def _go(self, index: int) -> None:
        if self.shell is not None and index < self.shell.nav.count():
            self.shell.nav.setCurrentRow(index)

    def open_support(self) -> None:
        """Support contacts: the user's own when unlocked, the built-in helpline while locked."""
        if self.shell is not None:
            self.shell.open_support()
        else:
            SupportDialog(None, self).open()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ui_settings, self)
        if dialog.exec():
            self.idle.lock.minutes = self.ui_settings.idle_minutes
            app = QApplication.instance()
            if app is not None:
                apply_theme(app, self.ui_settings.theme)

    def open_data_safety(self):
        """Backups, restore, passphrase, export and import (needs the journal unlocked)."""
        if self.shell is None:
            return None
        from resilience_journal.ui.data_dialog import DataSafetyDialog

        dialog = DataSafetyDialog(self.shell.ctx, self)
        dialog.open()
        return dialog

    def start_automatic_backup(self) -> None:
        """Today's verified backup, if there is none yet, made in the background."""
        from resilience_journal.storage.backups import backup_if_due
        from resilience_journal.ui.background import run_once

        journal = self.journal
        if journal is None:
            return

        def failed(exc: Exception) -> None:
            if isinstance(exc, JournalLocked):
                return  # locked while the backup ran: it will be made at the next unlock
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
            self.statusBar().showMessage(messages.AUTO_BACKUP_FAILED.format(reason=reason))

        run_once(self, lambda: backup_if_due(journal), lambda _info: None, failed)

    # --- locking ---------------------------------------------------------------------------

    def _start_preload(self) -> None:
        if self.shell is None:
            threading.Thread(target=_preload_pages, name="rj-preload-pages", daemon=True).start()

    def show_access_screen(self) -> None:
        if self.journal_path.exists():
            hint = f"This is a demo: the passphrase is “{self.demo_passphrase}”." if self.demo_passphrase else ""
            screen = UnlockScreen(self.journal_path, self.clock, hint)
            screen.unlocked.connect(self.open_journal)
        else:
            screen = CreateScreen(self.journal_path, self.clock)
            screen.created.connect(self.open_journal)
        self._replace(screen)
        screen.setFocus()

    def open_journal(self, journal: Journal) -> None:
        gc_pauses.before_unlock()
        self.journal = journal
        ctx = PageContext(journal=journal, clock=self.clock, events=JournalEvents(), ui_settings=self.ui_settings)
        from resilience_journal.ui.shell import Shell

        self.shell = Shell(ctx)
        self._replace(self.shell)
        self._set_unlocked_actions(True)
        self.idle.lock.minutes = self.ui_settings.idle_minutes
        self.idle.start()
        self.start_automatic_backup()

    def _clipboard_changed(self) -> None:
        # Remember what was copied while the journal was open and this app had the user's
        # attention: that is text from the journal, which must not outlive the lock.
        if self.journal is not None and QApplication.applicationState() == Qt.ApplicationState.ApplicationActive:
            self._copied = QApplication.clipboard().text()

    def _clear_copied_text(self) -> None:
        """Empty the clipboard if it still holds what was copied from the journal (never another
        program's copy made since)."""
        clipboard = QApplication.clipboard()
        if self._copied and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = ""

    def lock(self) -> None:
        """Close the journal and drop every widget that showed its content."""
        if self.journal is None:
            return
        self.idle.stop()
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self and hasattr(dialog, "before_lock"):
                dialog.before_lock()  # e.g. the editor keeps unsaved writing as an encrypted draft
        for dialog in self.findChildren(QWidget):
            if isinstance(dialog, QMenu):
                dialog.close()  # the window's own menus (pop-up windows too) stay for the next unlock
            elif dialog.isWindow() and dialog is not self:
                dialog.close()
                dialog.deleteLater()
        self._set_unlocked_actions(False)
        self._clear_copied_text()
        self.shell = None
        self.journal.close()
        self.journal = None
        self.show_access_screen()
        # Once the widgets deleted above are gone (deferred deletion runs first): nothing the
        # session showed may be kept, frozen out of the collector's reach.
        QTimer.singleShot(0, gc_pauses.after_lock)

    def _replace(self, widget: QWidget) -> None:
        while self.stack.count():
            old = self.stack.widget(0)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def is_locked(self) -> bool:
        return self.journal is None

    # --- window events ---------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized() and self.ui_settings.lock_on_minimise:
            self.lock()

    def closeEvent(self, event) -> None:
        self.ui_settings.set_geometry(self.saveGeometry())
        self.ui_settings.sync()
        if self.journal is not None:
            self.lock()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)
        super().closeEvent(event)

    def about_text(self) -> str:
        return f"{APP_NAME} {__version__}"
