"""The Journal page: every entry, newest first, with search and a friendly empty state."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
)

from resilience_journal.domain.reflection import Reflection
from resilience_journal.ui.pages.base import Page

EMPTY_TEXT = (
    "<p style='font-size:13pt'>Nothing here yet — and that's fine.</p>"
    "<p>After your next visit, press <b>Ctrl+N</b> (or <i>New entry</i>) and note how it went. "
    "A stress rating is enough; a few words help later.</p>"
)
NO_MATCHES = "No entries contain “{query}”."

#: How many entries the list shows at once; more load as the user scrolls.
PAGE_SIZE = 200


def snippet(r: Reflection, limit: int = 90) -> str:
    """The first line of what the user wrote, shortened for the list."""
    text = (r.text or next((a.text for a in r.answers if a.text), "")).strip().splitlines()
    first = text[0] if text else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


class JournalPage(Page):
    title = "Journal"
    #: Emitted with a reflection the user wants to open.
    openRequested = Signal(object)
    newRequested = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setAccessibleName("Search the journal")
        self.search.setPlaceholderText("Search your journal (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        new = QPushButton("New entry")
        new.setObjectName("newEntry")
        new.setAccessibleName("New entry")
        new.setToolTip("Ctrl+N")
        new.setProperty("primary", True)
        new.clicked.connect(self.newRequested)
        bar.addWidget(self.search, 1)
        bar.addWidget(new)
        self.layout_.addLayout(bar)

        self.list = QTreeWidget()
        self.list.setObjectName("entries")
        self.list.setAccessibleName("Journal entries, newest first")
        self.list.setHeaderLabels(["When", "Kind of work", "Stress", "Notes"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.list.itemActivated.connect(self._activated)
        self.list.verticalScrollBar().valueChanged.connect(self._maybe_load_more)

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)
        self.layout_.addWidget(self.stack, 1)
        self._loaded = 0
        self._more = False
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        self._loaded = 0
        query = self.search.text().strip()
        if query:
            entries = self.ctx.journal.reflections.search(query)
            self._more = False
        else:
            entries = self.ctx.journal.reflections.recent(PAGE_SIZE)
            self._more = len(entries) == PAGE_SIZE
        self._append(entries)
        if entries:
            self.stack.setCurrentWidget(self.list)
        else:
            self.empty.setText(NO_MATCHES.format(query=query) if query else EMPTY_TEXT)
            self.stack.setCurrentWidget(self.empty)

    def _append(self, entries: list[Reflection]) -> None:
        for r in entries:
            item = QTreeWidgetItem(
                [r.occurred_at.strftime("%a %d %b %Y, %H:%M"), r.activity_kind, str(r.stress), snippet(r)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
            self.list.addTopLevelItem(item)
        self._loaded += len(entries)

    def _maybe_load_more(self, value: int) -> None:
        bar = self.list.verticalScrollBar()
        if self._more and value >= bar.maximum() - 5:
            more = self.ctx.journal.reflections.recent(PAGE_SIZE, self._loaded)
            self._more = len(more) == PAGE_SIZE
            self._append(more)

    def entries_shown(self) -> list[Reflection]:
        return [
            self.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(self.list.topLevelItemCount())
        ]

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _activated(self, item: QTreeWidgetItem) -> None:
        self.openRequested.emit(item.data(0, Qt.ItemDataRole.UserRole))
