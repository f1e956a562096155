"""The Supervision page: the supervision clock, sessions, agreed actions, and what was shared.

"Prepare a summary…" opens the step-by-step flow (``ui/supervision_wizard.py``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.supervision import FREQUENCIES, ShareRecord, supervision_clock
from resilience_journal.ui.pages.base import Page
from resilience_journal.ui.supervision_dialogs import (
    ActionDialog,
    SessionDialog,
    ShareRecordDialog,
    long_date,
    named,
)
from resilience_journal.ui.widgets.buttons import push_button

ROLE = Qt.ItemDataRole.UserRole
NO_SESSIONS = "No sessions yet. After your next supervision, press “Record a session” and note what you took away."
NO_ACTIONS = "No actions yet. Actions agreed in supervision appear here until they are done."
NO_SHARES = "Nothing has been shared yet. Summaries you export are listed here, with exactly what they held."


def _tree(name: str, accessible: str, headers: list[str]) -> QTreeWidget:
    tree = named(QTreeWidget(), name, accessible)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


def _empty(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


class SupervisionPage(Page):
    title = "Supervision"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.wizard = None
        # --- the clock card ---
        card = QFrame()
        card.setProperty("role", "card")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(18, 14, 18, 14)
        self.clock_headline = QLabel()
        self.clock_headline.setObjectName("clockHeadline")
        self.clock_headline.setProperty("role", "heading")
        self.clock_note = QLabel()
        self.clock_note.setObjectName("clockNote")
        self.clock_note.setWordWrap(True)
        self.frequency = named(QComboBox(), "frequency", "How often you would like supervision")
        for f in FREQUENCIES:
            self.frequency.addItem(f.label, f.key)
        self.frequency.activated.connect(self._frequency_chosen)
        row = QHBoxLayout()
        often = QLabel("I’d like supervision")
        often.setBuddy(self.frequency)
        row.addWidget(often)
        row.addWidget(self.frequency)
        row.addStretch(1)
        self.prepare = push_button("Prepare a summary…", "prepareSummary", primary=True)
        self.prepare.clicked.connect(self.open_wizard)
        row.addWidget(self.prepare)
        inner.addWidget(self.clock_headline)
        inner.addWidget(self.clock_note)
        inner.addLayout(row)
        self.layout_.addWidget(card)

        self.tabs = named(QTabWidget(), "supervisionTabs", "Sessions, actions and shared summaries")
        self.tabs.addTab(self._sessions_tab(), "Sessions")
        self.tabs.addTab(self._actions_tab(), "Actions")
        self.tabs.addTab(self._shares_tab(), "Shared summaries")
        self.layout_.addWidget(self.tabs, 1)
        self.refresh()

    # --- building the tabs ---------------------------------------------------------------

    def _sessions_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        add = push_button("Record a session…", "addSession")
        add.clicked.connect(self.add_session)
        self.edit_session_button = push_button("Edit…", "editSession")
        self.edit_session_button.clicked.connect(self.edit_session)
        self.delete_session_button = push_button("Delete", "deleteSession")
        self.delete_session_button.clicked.connect(self.delete_session)
        for b in (add, self.edit_session_button, self.delete_session_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.sessions = _tree("sessions", "Supervision sessions, newest first", ["Date", "With", "Notes"])
        self.sessions.itemActivated.connect(lambda *_: self.edit_session())
        self.sessions.itemSelectionChanged.connect(self._update_buttons)
        self.sessions.currentItemChanged.connect(lambda *_: self._show_session())
        self.sessions_empty = _empty(NO_SESSIONS, "sessionsEmpty")
        # The chosen session in full: the notes, and what was agreed (read before the next one).
        self.session_detail = named(QTextBrowser(), "sessionDetail", "The chosen session in full")
        self.session_detail.setOpenLinks(False)
        self.session_detail.setMaximumHeight(180)
        layout.addLayout(bar)
        layout.addWidget(self.sessions_empty)
        layout.addWidget(self.sessions, 2)
        layout.addWidget(self.session_detail, 1)
        return tab

    def _show_session(self) -> None:
        item = self.sessions.currentItem()
        if item is None:
            self.session_detail.clear()
            return
        session = item.data(0, ROLE)
        agreed = [a for a in self.ctx.journal.supervision.actions() if a.session_id == session.id]
        parts = [
            f"<b>{escape(long_date(session.held_on))}</b>"
            + (f" — {escape(session.supervisor)}" if session.supervisor else "")
        ]
        if session.notes.strip():
            parts.append("<p>" + "<br>".join(escape(line) for line in session.notes.splitlines()) + "</p>")
        if agreed:
            rows = "".join(f"<li>{escape(a.text)}{' (done)' if a.done_at else ''}</li>" for a in agreed)
            parts.append(f"<p>Agreed:</p><ul>{rows}</ul>")
        self.session_detail.setHtml("".join(parts))

    def _actions_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        add = push_button("Add an action…", "addAction")
        add.clicked.connect(self.add_action)
        self.edit_action_button = push_button("Edit…", "editAction")
        self.edit_action_button.clicked.connect(self.edit_action)
        self.delete_action_button = push_button("Delete", "deleteAction")
        self.delete_action_button.clicked.connect(self.delete_action)
        for b in (add, self.edit_action_button, self.delete_action_button):
            bar.addWidget(b)
        bar.addStretch(1)
        hint = _empty(
            "Tick an action when it is done. Open actions are carried forward to your next summary.", "actionsHint"
        )
        self.action_tree = _tree("actions", "Agreed actions; open ones first", ["Done", "Action", "Due", "Agreed"])
        self.action_tree.itemChanged.connect(self._action_ticked)
        self.action_tree.itemActivated.connect(lambda *_: self.edit_action())
        self.action_tree.itemSelectionChanged.connect(self._update_buttons)
        self.actions_empty = _empty(NO_ACTIONS, "actionsEmpty")
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(self.actions_empty)
        layout.addWidget(self.action_tree, 1)
        return tab

    def _shares_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.view_share_button = push_button("See what was shared…", "viewShare")
        self.view_share_button.clicked.connect(self.view_share)
        bar.addWidget(self.view_share_button)
        bar.addStretch(1)
        self.shares = _tree("shares", "Summaries and files you have shared", ["When", "What", "File", "Held"])
        self.shares.itemActivated.connect(lambda *_: self.view_share())
        self.shares.itemSelectionChanged.connect(self._update_buttons)
        self.shares_empty = _empty(NO_SHARES, "sharesEmpty")
        layout.addLayout(bar)
        layout.addWidget(self.shares_empty)
        layout.addWidget(self.shares, 1)
        return tab

    # --- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        repo = self.ctx.journal.supervision
        freq = repo.frequency()
        self.frequency.setCurrentIndex(max(0, self.frequency.findData(freq.key)))
        reading = supervision_clock(repo.last_session_date(), freq, self.ctx.clock.now().date())
        self.clock_headline.setText(reading.headline)
        self.clock_note.setText(reading.note)
        self.clock_note.setProperty("role", "message" if reading.overdue else "hint")
        self.clock_note.style().unpolish(self.clock_note)
        self.clock_note.style().polish(self.clock_note)

        sessions = repo.sessions()
        self.sessions.clear()
        for s in sessions:
            first = s.notes.strip().splitlines()[0] if s.notes.strip() else ""
            item = QTreeWidgetItem([long_date(s.held_on), s.supervisor, first[:100]])
            item.setData(0, ROLE, s)
            self.sessions.addTopLevelItem(item)
        self.sessions.setVisible(bool(sessions))
        self.session_detail.setVisible(bool(sessions))
        self.sessions_empty.setVisible(not sessions)
        if sessions:
            self.sessions.setCurrentItem(self.sessions.topLevelItem(0))
        by_id = {s.id: s for s in sessions}

        self.action_tree.blockSignals(True)
        self.action_tree.clear()
        actions = repo.actions()
        for a in actions:
            agreed = by_id.get(a.session_id)
            item = QTreeWidgetItem(
                ["", a.text, long_date(a.due_on) if a.due_on else "", long_date(agreed.held_on) if agreed else ""]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if a.done_at else Qt.CheckState.Unchecked)
            item.setData(0, ROLE, a)
            if a.done_at:
                font = item.font(1)
                font.setStrikeOut(True)
                item.setFont(1, font)
            self.action_tree.addTopLevelItem(item)
        self.action_tree.blockSignals(False)
        self.action_tree.setVisible(bool(actions))
        self.actions_empty.setVisible(not actions)
        open_count = sum(1 for a in actions if a.is_open)
        self.tabs.setTabText(1, f"Actions ({open_count} open)" if open_count else "Actions")

        records = repo.share_records()
        self.shares.clear()
        for r in records:
            entries = len(r.items_of("reflection"))
            charts = len(r.items_of("chart"))
            held = f"{entries} entr{'y' if entries == 1 else 'ies'}, {charts} chart{'' if charts == 1 else 's'}"
            item = QTreeWidgetItem(
                [f"{long_date(r.shared_at.date())}, {r.shared_at:%H:%M}", r.kind.capitalize(), r.file_name, held]
            )
            item.setData(0, ROLE, r)
            self.shares.addTopLevelItem(item)
        self.shares.setVisible(bool(records))
        self.shares_empty.setVisible(not records)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_session = bool(self.sessions.selectedItems())
        self.edit_session_button.setEnabled(has_session)
        self.delete_session_button.setEnabled(has_session)
        has_action = bool(self.action_tree.selectedItems())
        self.edit_action_button.setEnabled(has_action)
        self.delete_action_button.setEnabled(has_action)
        self.view_share_button.setEnabled(bool(self.shares.selectedItems()))

    def _selected(self, tree: QTreeWidget):
        items = tree.selectedItems() or ([tree.currentItem()] if tree.currentItem() else [])
        return items[0].data(0, ROLE) if items else None

    # --- doing ---------------------------------------------------------------------------

    def _changed(self) -> None:
        self.ctx.events.changed.emit("supervision")
        self.refresh()

    def _frequency_chosen(self, _index: int) -> None:
        self.ctx.journal.supervision.set_frequency(self.frequency.currentData())
        self._changed()

    def add_session(self) -> SessionDialog:
        dialog = SessionDialog(self.ctx, parent=self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def edit_session(self) -> SessionDialog | None:
        session = self._selected(self.sessions)
        if session is None:
            return None
        dialog = SessionDialog(self.ctx, session, parent=self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def delete_session(self, *, confirm: bool = True) -> None:
        session = self._selected(self.sessions)
        if session is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                "Delete session",
                f"Delete the session of {long_date(session.held_on)}? Actions agreed in it are kept.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.journal.supervision.delete_session(session.id)
        self._changed()

    def add_action(self) -> ActionDialog:
        dialog = ActionDialog(self.ctx, parent=self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def edit_action(self) -> ActionDialog | None:
        action = self._selected(self.action_tree)
        if action is None:
            return None
        dialog = ActionDialog(self.ctx, action, parent=self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def delete_action(self, *, confirm: bool = True) -> None:
        action = self._selected(self.action_tree)
        if action is None:
            return
        if confirm:
            answer = QMessageBox.question(self, "Delete action", "Delete this action? This can't be undone.")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.journal.supervision.delete_action(action.id)
        self._changed()

    def _action_ticked(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        action = item.data(0, ROLE)
        done = item.checkState(0) == Qt.CheckState.Checked
        if done != (action.done_at is not None):
            self.ctx.journal.supervision.set_done(action.id, done)
            self.ctx.events.changed.emit("supervision")
            # Rebuild the list after this signal returns: clearing it now would delete the very
            # item Qt is still reporting on.
            QTimer.singleShot(0, self.refresh)

    def view_share(self) -> ShareRecordDialog | None:
        record: ShareRecord | None = self._selected(self.shares)
        if record is None:
            return None
        dialog = ShareRecordDialog(record, self._titles(record), self)
        dialog.open()
        return dialog

    def _titles(self, record: ShareRecord) -> dict[str, str]:
        """Readable names for a record's items: kept in the record, else looked up in the journal."""
        titles = dict(record.detail.get("titles", {}))
        for item in record.items_of("reflection"):
            key = f"reflection:{item.item_id}"
            if key not in titles:
                r = self.ctx.journal.reflections.get_by_uid(item.item_id)
                titles[key] = f"{long_date(r.local_date)} · {r.activity_kind}" if r else "An entry since deleted"
        return titles

    def open_wizard(self):
        from resilience_journal.ui.supervision_wizard import SummaryWizard

        self.wizard = SummaryWizard(self.ctx, parent=self)
        self.wizard.finished.connect(lambda _: self.refresh())
        self.wizard.open()
        return self.wizard
