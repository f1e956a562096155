"""The unlocked app: navigation on the left, the pages on the right.

The shell owns every widget that shows journal content.  Locking deletes the whole shell, so
nothing the user wrote stays in a widget, a model or a cache after the journal is closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.ui.context import PageContext
from resilience_journal.ui.pages import PAGES, PageSpec
from resilience_journal.ui.pages.base import Page
from resilience_journal.ui.reflection_editor import ReflectionEditor
from resilience_journal.ui.reminders import ReminderBanner, ReminderService
from resilience_journal.ui.support_dialog import SUPPORT_SHORTCUT  # defined beside the dialog, for the lock screen
from resilience_journal.ui.widgets.draft_bar import DraftBar


class LazyPages(dict):
    """The shell's pages by key, each built the first time it is asked for.

    Unlocking used to build every page at once; on the ten-year journal that was most of the
    unlock time (``docs/performance.md``).  ``pages[key]`` and ``pages.get(key)`` build the page;
    iterating (``items()``, ``values()``) sees only the pages built so far, which is what a
    refresh needs: a page built later loads fresh data anyway.
    """

    def __init__(self, build) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> Page:
        if key not in {s.key for s in PAGES}:
            raise KeyError(key)
        return self._build(key)

    def get(self, key: str, default=None):
        try:
            return self[key]
        except KeyError:
            return default


class Shell(QWidget):
    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("shell")
        self.ctx = ctx
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Pages")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = LazyPages(self._build_page)
        self._stale: set[str] = set()
        for spec in PAGES:
            placeholder = QWidget()  # stands in until the page is first shown
            placeholder.setObjectName(f"placeholder_{spec.key}")
            self.stack.addWidget(placeholder)
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.shortcut)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._row_changed)
        # Unsaved writing from a crash or a kill is offered back right after unlocking.
        self.draft_bar = DraftBar(ctx.journal.drafts.all())
        self.draft_bar.recoverRequested.connect(self.recover_draft)
        self.draft_bar.discardRequested.connect(lambda d: ctx.journal.drafts.delete(d.key))
        # Support is one click away on every page, under the navigation.
        self.support_button = QPushButton("Support")
        self.support_button.setObjectName("supportButton")
        self.support_button.setAccessibleName("Support contacts")
        self.support_button.setToolTip(f"People to talk to ({SUPPORT_SHORTCUT})")
        self.support_button.clicked.connect(self.open_support)
        nav_column = QWidget()
        nav_column.setObjectName("navColumn")
        nav_column.setFixedWidth(self.nav.maximumWidth())
        left = QVBoxLayout(nav_column)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(0)
        left.addWidget(self.nav, 1)
        left.addWidget(self.support_button)
        self.banner = ReminderBanner()
        self.banner.actionRequested.connect(self._reminder_action)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.draft_bar)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(nav_column)
        layout.addLayout(right, 1)
        self.reminders = ReminderService(ctx, self)
        self.reminders.bannerRequested.connect(self.banner.show_reminder)
        self.reminders.actionRequested.connect(self._reminder_action)
        self.reminders.start()
        ctx.journal.reflections.purge_expired_trash()
        ctx.events.changed.connect(self._data_changed)
        self.nav.setCurrentRow(0)

    def _build_page(self, key: str) -> Page:
        """Build page ``key`` in place of its placeholder, and wire its requests to the shell."""
        index = [s.key for s in PAGES].index(key)
        spec: PageSpec = PAGES[index]
        page = spec.factory(self.ctx)
        page.setObjectName(f"page_{spec.key}")
        dict.__setitem__(self.pages, key, page)
        placeholder = self.stack.widget(index)
        showing = self.stack.currentIndex() == index
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if showing:
            self.stack.setCurrentIndex(index)
        if key == "journal":
            page.openRequested.connect(self.edit_entry)
            page.newRequested.connect(self.new_entry)
            page.decompressRequested.connect(self.log_decompression)
        return page

    def show_page(self, key: str) -> Page:
        keys = [s.key for s in PAGES]
        self.nav.setCurrentRow(keys.index(key))
        return self.pages[key]

    def current_page(self) -> Page:
        return self.pages[PAGES[self.stack.currentIndex()].key]

    def _row_changed(self, row: int) -> None:
        key = PAGES[row].key
        built = key in self.pages  # dict membership: does not build
        page = self.pages[key]  # built now if this is its first showing (with fresh data)
        self.stack.setCurrentIndex(row)
        if key in self._stale:
            self._stale.discard(key)
            if built:
                page.refresh()

    def _data_changed(self, _what: str) -> None:
        # Refresh the visible page now and the others when next shown: cheap and always current.
        if not self.ctx.journal.is_open:
            return  # locked meanwhile (e.g. as a restore finished): this shell is on its way out
        current = self.current_page()
        for key, page in self.pages.items():
            if page is current:
                page.refresh()
            else:
                self._stale.add(key)

    def new_entry(self) -> None:
        ReflectionEditor(self.ctx, parent=self).open()

    def edit_entry(self, reflection) -> None:
        ReflectionEditor(self.ctx, existing=reflection, parent=self).open()

    def log_decompression(self, reflection=None) -> None:
        from resilience_journal.ui.decompression_dialog import DecompressionDialog

        DecompressionDialog(self.ctx, reflection=reflection, parent=self).open()

    def recover_draft(self, draft) -> None:
        """Open the editor with a recovered draft (on the entry it belonged to, if any)."""
        existing = None
        if draft.reflection_id is not None:
            existing = self.ctx.journal.reflections.get(draft.reflection_id)
        ReflectionEditor(self.ctx, existing=existing, parent=self, draft=draft).open()

    def search(self) -> None:
        self.show_page("journal").focus_search()

    def open_support(self):
        from resilience_journal.ui.support_dialog import SupportDialog

        dialog = SupportDialog(self.ctx, parent=self)
        dialog.editRequested.connect(lambda: self.show_page("selfcare").show_tab("contacts"))
        dialog.open()
        return dialog

    def _reminder_action(self, reminder) -> None:
        self.window().showNormal()
        self.window().raise_()
        self.window().activateWindow()
        if reminder is not None and reminder.kind == "followup":
            self.new_entry()
        else:
            self.show_page("today")
