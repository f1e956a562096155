"""Small dialogs of the Supervision page: a session, an action, and one share record."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.supervision import Action, Session, ShareLevel, ShareRecord
from resilience_journal.domain.validation import ValidationError
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.field_message import FieldMessage


def named(widget: QWidget, name: str, accessible: str) -> QWidget:
    """Give a widget its stable object name (for tests) and its accessible name (for screen readers)."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def long_date(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b %Y}"


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    named(ok, "save", ok_text)
    ok.setProperty("primary", True)
    named(box.button(QDialogButtonBox.StandardButton.Cancel), "cancel", "Cancel")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class SessionDialog(QDialog):
    """Record (or edit) a session, and note the actions agreed in it."""

    def __init__(self, ctx: PageContext, existing: Session | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.existing = ctx, existing
        self.saved: Session | None = None
        self.setObjectName("sessionDialog")
        self.setWindowTitle("Edit supervision session" if existing else "Record a supervision session")
        self.setMinimumWidth(520)
        today = ctx.clock.now().date()
        self.held_on = named(
            QDateEdit(to_qdate(existing.held_on if existing else today)), "heldOn", "Date of the session"
        )
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("ddd d MMM yyyy")
        self.supervisor = named(QLineEdit(existing.supervisor if existing else ""), "supervisor", "With whom")
        self.supervisor.setPlaceholderText("e.g. your team manager, or a peer group")
        self.notes = named(QPlainTextEdit(existing.notes if existing else ""), "notes", "Your notes")
        self.notes.setPlaceholderText("What you talked about, what you took away. Initials only — no names.")
        self.notes.setTabChangesFocus(True)
        self.new_actions = named(QPlainTextEdit(), "newActions", "Actions agreed, one per line")
        self.new_actions.setPlaceholderText("One per line, e.g. “Ask for a co-worker on the next joint visit”")
        self.new_actions.setTabChangesFocus(True)
        self.new_actions.setMaximumHeight(90)
        self.message = FieldMessage("sessionMessage")
        form = QFormLayout()
        form.addRow("&Date", self.held_on)
        form.addRow("&With", self.supervisor)
        form.addRow("&Notes", self.notes)
        form.addRow("&Actions agreed", self.new_actions)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(_buttons(self, "Save session"))

    def accept(self) -> None:
        session = Session(
            held_on=from_qdate(self.held_on.date()), supervisor=self.supervisor.text(), notes=self.notes.toPlainText()
        )
        repo = self.ctx.journal.supervision
        try:
            if self.existing is None:
                self.saved = repo.add_session(session)
            else:
                self.saved = repo.update_session(
                    dataclasses.replace(
                        self.existing, held_on=session.held_on, supervisor=session.supervisor, notes=session.notes
                    )
                )
        except ValidationError as exc:
            self.message.show_message(" ".join(p.message for p in exc.problems))
            return
        for line in self.new_actions.toPlainText().splitlines():
            if line.strip():
                repo.add_action(Action(line.strip(), session_id=self.saved.id))
        self.ctx.events.changed.emit("supervision")
        super().accept()


class ActionDialog(QDialog):
    """Add or edit one agreed action: what, by when, done or not."""

    def __init__(self, ctx: PageContext, existing: Action | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.existing = ctx, existing
        self.saved: Action | None = None
        self.setObjectName("actionDialog")
        self.setWindowTitle("Edit action" if existing else "Add an action")
        self.setMinimumWidth(480)
        today = ctx.clock.now().date()
        self.text = named(QLineEdit(existing.text if existing else ""), "actionText", "What was agreed")
        self.has_due = named(QCheckBox("Has a due date"), "hasDue", "Has a due date")
        self.due = named(
            QDateEdit(to_qdate(existing.due_on if existing and existing.due_on else today)), "dueOn", "Due date"
        )
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("ddd d MMM yyyy")
        self.has_due.setChecked(bool(existing and existing.due_on))
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        self.done_box = named(QCheckBox("Done"), "actionDone", "Done")
        self.done_box.setChecked(bool(existing and existing.done_at))
        self.message = FieldMessage("actionMessage")
        form = QFormLayout()
        form.addRow("&What", self.text)
        form.addRow("", self.has_due)
        form.addRow("D&ue", self.due)
        form.addRow("", self.done_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(_buttons(self, "Save action"))

    def accept(self) -> None:
        due = from_qdate(self.due.date()) if self.has_due.isChecked() else None
        base = self.existing or Action(text="")
        done_at = (
            base.done_at
            if self.done_box.isChecked() and base.done_at
            else (self.ctx.clock.now() if self.done_box.isChecked() else None)
        )
        action = dataclasses.replace(base, text=self.text.text(), due_on=due, done_at=done_at)
        repo = self.ctx.journal.supervision
        try:
            self.saved = repo.add_action(action) if self.existing is None else repo.update_action(action)
        except ValidationError as exc:
            self.message.show_message(" ".join(p.message for p in exc.problems))
            self.text.setFocus()
            return
        self.ctx.events.changed.emit("supervision")
        super().accept()


LEVEL_WORDS = {level.value: level.label for level in ShareLevel}


def describe_item(kind: str, item_id: str, level: str, titles: dict[str, str]) -> list[str]:
    """One row of a share record's detail, in words: what it was and how much was shared."""
    what = titles.get(f"{kind}:{item_id}", item_id)
    kinds = {"reflection": "Entry", "chart": "Chart", "action": "Action", "reflection_piece": "Part of an entry"}
    return [kinds.get(kind, kind.capitalize()), what, LEVEL_WORDS.get(level, level.capitalize())]


class ShareRecordDialog(QDialog):
    """What one export held: every entry with its level, every chart and action, and the file name."""

    def __init__(self, record: ShareRecord, titles: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("shareRecordDialog")
        self.setWindowTitle("What was shared")
        self.resize(640, 460)
        when = record.shared_at
        head = QLabel(
            f"<b>{record.kind.capitalize()}</b> saved on {long_date(when.date())} at {when:%H:%M}<br>"
            f"File: <code>{_escape(record.file_name)}</code>"
        )
        head.setObjectName("shareRecordHeading")
        head.setWordWrap(True)
        detail = record.detail
        period = ""
        if detail.get("start") and detail.get("end"):
            period = f"Period: {long_date(date.fromisoformat(detail['start']))} to {long_date(date.fromisoformat(detail['end']))}"
        extra = QLabel(
            " · ".join(
                x
                for x in (
                    period,
                    f"Format: {detail.get('format', '?').upper()}",
                    f"Agenda points: {detail.get('agenda_points', 0)}",
                )
                if x
            )
        )
        extra.setProperty("role", "hint")
        extra.setWordWrap(True)
        self.items = named(QTreeWidget(), "shareItems", "Everything this file held")
        self.items.setHeaderLabels(["What", "Which", "How much"])
        self.items.setRootIsDecorated(False)
        for item in record.items:
            self.items.addTopLevelItem(QTreeWidgetItem(describe_item(item.item_kind, item.item_id, item.level, titles)))
        self.items.resizeColumnToContents(0)
        self.items.setColumnWidth(1, 360)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(box.button(QDialogButtonBox.StandardButton.Close), "close", "Close")
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (head, extra, self.items, box):
            layout.addWidget(w)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
