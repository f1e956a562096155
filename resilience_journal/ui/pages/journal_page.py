"""The Journal page: every entry, newest first — filter, search (matches highlighted), open,
move to the Trash and back, and "on this day" (the same date in earlier months and years)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from resilience_journal.domain import messages
from resilience_journal.domain.emotions import EMOTION_LIST
from resilience_journal.domain.journal_query import (
    PERIODS,
    TRASH_DAYS,
    ReflectionFilter,
    highlight_spans,
    months_ago_words,
    period_range,
)
from resilience_journal.domain.reflection import Reflection
from resilience_journal.ui.pages.base import Page
from resilience_journal.ui.theme import current_theme, theme_colours
from resilience_journal.ui.widgets.buttons import push_button

EMPTY_TEXT = (
    "<p style='font-size:13pt'>Nothing here yet — and that's fine.</p>"
    "<p>After your next visit, press <b>Ctrl+N</b> (or <i>New entry</i>) and note how it went. "
    "A stress rating is enough; a few words help later.</p>"
)
NO_MATCHES = "No entries contain “{query}”."
NO_FILTER_MATCHES = "No entries match these filters. <i>Clear filters</i> shows everything again."
EMPTY_TRASH_TEXT = "The Trash is empty."
EMPTY_ON_THIS_DAY = "Nothing from this date in earlier months yet. Entries from today will show here next month."

#: How many entries the list shows at once; more load as the user scrolls.
PAGE_SIZE = 200
#: The views along the top of the list: (key, label).
VIEWS = (("entries", "Entries"), ("on_this_day", "On this day"), ("trash", "Trash"))
#: Column of the list that holds the notes (drawn with highlighted search words).
NOTES_COLUMN = 3
HTML_ROLE = Qt.ItemDataRole.UserRole + 1


def snippet(r: Reflection, limit: int = 90, query: str = "") -> str:
    """A line of what the user wrote: around the first search match, or the first line."""
    if query:
        text = r.all_text().replace("\n", " ")
        spans = highlight_spans(text, query)
        if spans:
            start = max(0, spans[0][0] - 30)
            cut = text[start : start + limit]
            return ("…" if start else "") + cut + ("…" if start + limit < len(text) else "")
    text = (r.text or next((a.text for a in r.answers if a.text), "")).strip().splitlines()
    first = text[0] if text else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


def marked_html(text: str, query: str) -> str:
    """``text`` as HTML with the search words' matches marked in the theme's highlight colour."""
    spans = highlight_spans(text, query) if query else []
    if not spans:
        return html.escape(text)
    app = QApplication.instance()
    colours = theme_colours(current_theme(app)) if app else theme_colours("light")
    out, cursor = [], 0
    for s, e in spans:
        out.append(html.escape(text[cursor:s]))
        out.append(
            f"<span style='background-color:{colours['banner']}; color:{colours['banner_text']}'>"
            f"{html.escape(text[s:e])}</span>"
        )
        cursor = e
    out.append(html.escape(text[cursor:]))
    return "".join(out)


class HtmlDelegate(QStyledItemDelegate):
    """Draws the notes column as rich text, so search matches show highlighted in the list."""

    def paint(self, painter, option, index) -> None:
        markup = index.data(HTML_ROLE)
        if not markup:
            return super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        doc.setHtml(f"<span style='color:{colour.name()}; white-space:pre'>{markup}</span>")
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(rect.left(), rect.top() + max(0, (rect.height() - doc.size().height()) / 2))
        painter.setClipRect(0, 0, rect.width(), rect.height())
        doc.drawContents(painter)
        painter.restore()


class JournalPage(Page):
    title = "Journal"
    #: Emitted with a reflection the user wants to open.
    openRequested = Signal(object)
    newRequested = Signal()
    #: Emitted with a reflection (or None) when the user wants to log what helped.
    decompressRequested = Signal(object)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self._building = True
        self.view = "entries"
        self._armed: str | None = None
        self._build_top_bar()
        self._build_filters()
        self._build_list()
        self._building = False
        self.refresh()

    # --- building ------------------------------------------------------------------------------

    def _build_top_bar(self) -> None:
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
        helped = QPushButton("Log what helped…")
        helped.setObjectName("logDecompression")
        helped.setAccessibleName("Log what helped you come down")
        helped.clicked.connect(lambda: self.decompressRequested.emit(None))
        lists = QPushButton("Templates and lists…")
        lists.setObjectName("reflectionSettings")
        lists.setAccessibleName("Templates, feeling words, strategies and watch list")
        lists.clicked.connect(self._open_reflection_settings)
        bar.addWidget(self.search, 1)
        bar.addWidget(lists)
        bar.addWidget(helped)
        bar.addWidget(new)
        self.layout_.addLayout(bar)

    def _combo(self, name: str, accessible: str, first: str, items: list[tuple[str, str]]) -> QComboBox:
        c = QComboBox()
        c.setObjectName(name)
        c.setAccessibleName(accessible)
        c.addItem(first, "")
        for label, data in items:
            c.addItem(label, data)
        c.currentIndexChanged.connect(self.refresh)
        return c

    def _build_filters(self) -> None:
        row = QHBoxLayout()
        self.period = self._combo("period", "Period", PERIODS[0][1], [(label, key) for key, label in PERIODS[1:]])
        self.kind = self._combo("filter_kind", "Kind of work", "Any kind of work", [])
        self.emotion = self._combo("filter_emotion", "Feeling", "Any feeling", [])
        self.tag = self._combo("filter_tag", "Tag", "Any tag", [])
        self.supervision = QCheckBox("For supervision")
        self.supervision.setObjectName("filter_supervision")
        self.supervision.setAccessibleName("Only entries to bring to supervision")
        self.safety = QCheckBox("Safety concern")
        self.safety.setObjectName("filter_safety")
        self.safety.setAccessibleName("Only entries with a safety concern")
        for box in (self.supervision, self.safety):
            box.toggled.connect(self.refresh)
        self.clear = QPushButton("Clear filters")
        self.clear.setObjectName("clearFilters")
        self.clear.setAccessibleName("Clear filters")
        self.clear.clicked.connect(self.clear_filters)
        for w in (self.period, self.kind, self.emotion, self.tag, self.supervision, self.safety, self.clear):
            row.addWidget(w)
        row.addStretch(1)
        self.filters = QWidget()
        self.filters.setObjectName("filters")
        self.filters.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.filters)
        self._fill_filter_choices()

    def _build_list(self) -> None:
        self.views = QTabBar()
        self.views.setObjectName("views")
        self.views.setAccessibleName("Show entries, on this day, or the Trash")
        self.views.setDrawBase(False)
        self.views.setUsesScrollButtons(False)
        self.views.setExpanding(False)
        for _key, label in VIEWS:
            self.views.addTab(label)
        self.views.currentChanged.connect(lambda i: self.show_view(VIEWS[i][0]))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setProperty("role", "hint")
        top = QHBoxLayout()
        top.addWidget(self.views)
        top.addStretch(1)
        top.addWidget(self.summary)
        self.layout_.addLayout(top)

        self.list = QTreeWidget()
        self.list.setObjectName("entries")
        self.list.setAccessibleName("Journal entries, newest first")
        self.list.setHeaderLabels(["When", "Kind of work", "Stress", "Notes", "Marked"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        self.list.setItemDelegateForColumn(NOTES_COLUMN, HtmlDelegate(self.list))
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTES_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(self._show_preview)
        self.list.verticalScrollBar().valueChanged.connect(self._maybe_load_more)
        self.list.installEventFilter(self)  # the Delete key moves the selected entry to the Trash

        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName("The selected entry")
        self.preview.setOpenLinks(False)

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("listAndPreview")
        split.addWidget(self.list)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.stack = QStackedWidget()
        self.stack.addWidget(split)
        self.stack.addWidget(self.empty)
        self.layout_.addWidget(self.stack, 1)

        self.open_button = push_button("Open", "openEntry", self._open_selected)
        self.delete_button = push_button("Move to Trash", "deleteEntry", self.delete_selected)
        self.restore_button = push_button("Restore", "restoreEntry", self.restore_selected)
        self.purge_button = push_button("Delete for good", "purgeEntry", self.purge_selected)
        self.empty_trash_button = push_button("Empty Trash", "emptyTrash", self.empty_trash)
        self.note = QLabel()
        self.note.setObjectName("pageMessage")
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        for b in (
            self.open_button,
            self.delete_button,
            self.restore_button,
            self.purge_button,
            self.empty_trash_button,
        ):
            actions.addWidget(b)
        self.layout_.addLayout(actions)

    def _fill_filter_choices(self) -> None:
        """Offer only kinds, feelings and tags the journal knows (kept when they still exist)."""
        j = self.ctx.journal
        for combo, words in (
            (self.kind, j.vocabulary.words("activity_kind", include_hidden=True)),
            (self.emotion, j.vocabulary.words(EMOTION_LIST, include_hidden=True)),
            (self.tag, j.reflections.tags()),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for w in words:
                combo.addItem(w, w)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)

    # --- what to show --------------------------------------------------------------------------

    def current_filter(self) -> ReflectionFilter:
        start, end = period_range(self.period.currentData() or "all", self.ctx.clock.now().date())
        return ReflectionFilter(
            start=start,
            end=end,
            activity_kind=self.kind.currentData() or "",
            emotion=self.emotion.currentData() or "",
            tag=self.tag.currentData() or "",
            for_supervision=self.supervision.isChecked(),
            safety_concern=self.safety.isChecked(),
            text=self.search.text().strip(),
        )

    def clear_filters(self) -> None:
        self._building = True
        for combo in (self.period, self.kind, self.emotion, self.tag):
            combo.setCurrentIndex(0)
        self.supervision.setChecked(False)
        self.safety.setChecked(False)
        self._building = False
        self.refresh()

    def show_view(self, key: str) -> None:
        self.view = key
        index = [k for k, _l in VIEWS].index(key)
        if self.views.currentIndex() != index:
            self.views.setCurrentIndex(index)  # calls back here through currentChanged
            return
        self.refresh()

    def refresh(self) -> None:
        if self._building:
            return
        self._fill_filter_choices()
        self.list.clear()
        self.preview.clear()
        self._armed = None
        self._loaded = 0
        self._more = False
        j = self.ctx.journal
        in_entries = self.view == "entries"
        self.filters.setEnabled(in_entries)
        self.search.setEnabled(in_entries)
        f = self.current_filter()
        if self.view == "trash":
            entries = j.reflections.trash()
            self.summary.setText(messages.TRASH_NOTE.format(days=TRASH_DAYS))
        elif self.view == "on_this_day":
            entries = j.reflections.on_this_day(self.ctx.clock.now().date())
            self.summary.setText(f"Entries from the {_ordinal(self.ctx.clock.now().day)} of earlier months")
        else:
            entries = j.reflections.find(f, PAGE_SIZE)
            self._more = len(entries) == PAGE_SIZE
            total, safety = j.reflections.counts_matching(f)
            words = f"{total} entr{'y' if total == 1 else 'ies'}"
            if safety:
                words += f" · {safety} with a safety concern"
            self.summary.setText(words)
        self._append(entries)
        for b in (self.open_button, self.delete_button):
            b.setVisible(self.view != "trash")
        for b in (self.restore_button, self.purge_button, self.empty_trash_button):
            b.setVisible(self.view == "trash")
        self.empty_trash_button.setEnabled(bool(entries))
        if entries:
            self.stack.setCurrentIndex(0)
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            self.empty.setText(self._empty_words(f))
            self.stack.setCurrentWidget(self.empty)

    def _empty_words(self, f: ReflectionFilter) -> str:
        if self.view == "trash":
            return EMPTY_TRASH_TEXT
        if self.view == "on_this_day":
            return EMPTY_ON_THIS_DAY
        if f.text and ReflectionFilter(text=f.text) == f:
            return html.escape(NO_MATCHES.format(query=f.text))
        return NO_FILTER_MATCHES if not f.is_empty() else EMPTY_TEXT

    def _when_words(self, r: Reflection) -> str:
        when = r.occurred_at.strftime("%a %d %b %Y, %H:%M")
        if self.view == "on_this_day":
            return f"{months_ago_words(r.local_date, self.ctx.clock.now().date())} · {when}"
        if self.view == "trash" and r.deleted_at is not None:
            return f"{when} (deleted {r.deleted_at:%d %b})"
        return when

    def _append(self, entries: list[Reflection]) -> None:
        query = self.search.text().strip() if self.view == "entries" else ""
        shared = self.ctx.journal.supervision.last_shared("reflection", [r.uid for r in entries])
        items = []
        for r in entries:
            marks = [w for flag, w in ((r.for_supervision, "Supervision"), (r.safety_concern, "Safety")) if flag]
            if r.uid in shared:  # exported in a supervision summary (see the Supervision page)
                when = shared[r.uid]
                marks.append(f"Shared on {when.day} {when:%b}")
            notes = snippet(r, query=query)
            item = QTreeWidgetItem([self._when_words(r), r.activity_kind, str(r.stress), notes, " · ".join(marks)])
            item.setData(0, Qt.ItemDataRole.UserRole, r)
            item.setData(NOTES_COLUMN, HTML_ROLE, marked_html(notes, query))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
            items.append(item)
        self.list.addTopLevelItems(items)  # one insertion for the view to lay out, not one per row
        self._loaded += len(entries)

    def _maybe_load_more(self, value: int) -> None:
        bar = self.list.verticalScrollBar()
        if self._more and value >= bar.maximum() - 5:
            more = self.ctx.journal.reflections.find(self.current_filter(), PAGE_SIZE, self._loaded)
            self._more = len(more) == PAGE_SIZE
            self._append(more)

    def entries_shown(self) -> list[Reflection]:
        return [
            self.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(self.list.topLevelItemCount())
        ]

    def selected(self) -> Reflection | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def focus_search(self) -> None:
        if self.view != "entries":
            self.show_view("entries")
        self.search.setFocus()
        self.search.selectAll()

    # --- the preview ---------------------------------------------------------------------------

    def _show_preview(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None:
            self.preview.clear()
            return
        r: Reflection = item.data(0, Qt.ItemDataRole.UserRole)
        self.preview.setHtml(self.preview_html(r))

    def preview_html(self, r: Reflection) -> str:
        q = self.search.text().strip() if self.view == "entries" else ""

        def para(text: str) -> str:
            return marked_html(text, q).replace("\n", "<br>")

        parts = [f"<h3>{html.escape(r.activity_kind)} · {r.occurred_at:%A %d %B %Y, %H:%M}</h3>"]
        facts = [f"Stress right after: <b>{r.stress}</b>/10"]
        if r.case_label:
            facts.append(f"Case: {para(r.case_label)}")
        if r.emotions:
            facts.append("Felt: " + para(", ".join(r.emotions)))
        if r.for_supervision:
            facts.append("<b>Bring to supervision</b>")
        parts.append("<p>" + " &nbsp;·&nbsp; ".join(facts) + "</p>")
        if r.text:
            parts.append(f"<p>{para(r.text)}</p>")
        for a in r.answers:
            parts.append(f"<p><b>{html.escape(a.prompt)}</b><br>{para(a.text)}</p>")
        if r.safety_concern:
            parts.append(f"<p><b>Safety concern.</b> {para(r.safety_note)}</p>")
        if r.tags:
            parts.append("<p>Tags: " + para(", ".join(r.tags)) + "</p>")
        if r.id is not None and r.deleted_at is None:
            for d in self.ctx.journal.decompressions.for_reflection(r.id):
                rating = ""
                if d.stress_before is not None and d.stress_after is not None:
                    rating = f", stress {d.stress_before} → {d.stress_after}"
                minutes = f" for {d.minutes} min" if d.minutes else ""
                parts.append(f"<p>What helped: {html.escape(d.strategy)}{minutes}{rating}</p>")
        return "".join(parts)

    # --- actions -------------------------------------------------------------------------------

    def _open_reflection_settings(self) -> None:
        from resilience_journal.ui.reflection_settings import ReflectionSettingsDialog

        ReflectionSettingsDialog(self.ctx, parent=self).open()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete:
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, item: QTreeWidgetItem) -> None:
        r = item.data(0, Qt.ItemDataRole.UserRole)
        if self.view == "trash":
            self.restore_selected()
        else:
            self.openRequested.emit(r)

    def _open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._activated(item)

    def delete_selected(self) -> None:
        r = self.selected()
        if r is None or self.view == "trash":
            return
        self.ctx.journal.reflections.delete(r.id)
        self.ctx.events.changed.emit("reflections")
        self.note.setText(messages.MOVED_TO_TRASH.format(days=TRASH_DAYS))

    def restore_selected(self) -> None:
        r = self.selected()
        if r is None or self.view != "trash":
            return
        self.ctx.journal.reflections.restore(r.id)
        self.ctx.events.changed.emit("reflections")
        self.note.setText("Restored.")

    def _confirmed(self, action: str, words: str) -> bool:
        """Erasing cannot be undone: the first press asks, a second press of the same button does it."""
        if self._armed == action:
            self._armed = None
            return True
        self._armed = action
        self.note.setText(words)
        return False

    def purge_selected(self) -> None:
        r = self.selected()
        if r is None or self.view != "trash":
            return
        if not self._confirmed(f"purge:{r.id}", "This can't be undone. Press “Delete for good” again to erase it."):
            return
        self.ctx.journal.reflections.purge(r.id)
        self.ctx.events.changed.emit("reflections")
        self.note.setText("Deleted for good.")

    def empty_trash(self) -> None:
        count = len(self.entries_shown())
        if not count or not self._confirmed(
            "empty", f"This can't be undone. Press “Empty Trash” again to erase {count} for good."
        ):
            return
        n = self.ctx.journal.reflections.empty_trash()
        self.ctx.events.changed.emit("reflections")
        self.note.setText(f"Erased {n} entr{'y' if n == 1 else 'ies'} for good.")


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
