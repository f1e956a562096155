"""The unlocked app: navigation on the left, the pages on the right.

The shell owns every widget that shows journal content.  Locking deletes the whole shell, so
nothing the user wrote stays in a widget, a model or a cache after the journal is closed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from resilience_journal.ui.context import PageContext
from resilience_journal.ui.pages import PAGES
from resilience_journal.ui.pages.base import Page
from resilience_journal.ui.quick_entry import QuickEntryDialog


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
        self.pages: dict[str, Page] = {}
        self._stale: set[str] = set()
        for spec in PAGES:
            page = spec.factory(ctx)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.shortcut)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._row_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        ctx.events.changed.connect(self._data_changed)
        journal_page = self.pages.get("journal")
        if journal_page is not None:
            journal_page.openRequested.connect(self.edit_entry)
            journal_page.newRequested.connect(self.new_entry)
        self.nav.setCurrentRow(0)

    def show_page(self, key: str) -> Page:
        keys = [s.key for s in PAGES]
        self.nav.setCurrentRow(keys.index(key))
        return self.pages[key]

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def _row_changed(self, row: int) -> None:
        page = self.stack.widget(row)
        self.stack.setCurrentIndex(row)
        key = PAGES[row].key
        if key in self._stale:
            self._stale.discard(key)
            page.refresh()

    def _data_changed(self, _what: str) -> None:
        # Refresh the visible page now and the others when next shown: cheap and always current.
        current = self.current_page()
        for key, page in self.pages.items():
            if page is current:
                page.refresh()
            else:
                self._stale.add(key)

    def new_entry(self) -> None:
        QuickEntryDialog(self.ctx, parent=self).open()

    def edit_entry(self, reflection) -> None:
        QuickEntryDialog(self.ctx, existing=reflection, parent=self).open()

    def search(self) -> None:
        self.show_page("journal").focus_search()
