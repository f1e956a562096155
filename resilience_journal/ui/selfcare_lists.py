"""Editors for the support contacts and the leave periods (tabs of the Self-care page).

Both are a list above a small form: choose a row to change it, or "New" to add one.  Bad input
gets a kind message next to the field and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain import messages
from resilience_journal.domain.leave import LEAVE_KINDS, LeavePeriod
from resilience_journal.domain.selfcare import SupportContact
from resilience_journal.domain.validation import ValidationError
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.section_card import hint


def _line(name: str, accessible: str, placeholder: str = "") -> QLineEdit:
    e = QLineEdit()
    e.setObjectName(name)
    e.setAccessibleName(accessible)
    e.setPlaceholderText(placeholder)
    return e


class _ListEditor(QWidget):
    """A list of rows and a form for one row; subclasses say what a row is."""

    changed = Signal()
    headers: tuple[str, ...] = ()

    def __init__(self, ctx: PageContext, intro: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: int | None = None
        self.list = QTreeWidget()
        self.list.setHeaderLabels(list(self.headers))
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.currentItemChanged.connect(self._chosen)
        self.form = QFormLayout()
        self.status = hint("", "status")
        self.fields: dict[str, FieldMessage] = {}
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(hint(intro))
        layout.addWidget(self.list, 1)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        layout.addWidget(self.status)

    def add_field(self, label: str, widget: QWidget, key: str) -> None:
        msg = FieldMessage(f"{key}_message")
        self.fields[key] = msg
        self.form.addRow(label, widget)
        self.form.addRow("", msg)

    def show_problems(self, error: ValidationError) -> None:
        for key, msg in self.fields.items():
            msg.show_message(error.for_field(key))

    def clear_problems(self) -> None:
        for msg in self.fields.values():
            msg.show_message(None)

    def _chosen(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.current_id = item.data(0, Qt.ItemDataRole.UserRole)
            self.fill(item.data(1, Qt.ItemDataRole.UserRole))

    def row_ids(self) -> list[int]:
        return [
            self.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(self.list.topLevelItemCount())
        ]

    def set_rows(self, rows: list[tuple[int, object, list[str]]]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for row_id, value, texts in rows:
            item = QTreeWidgetItem(texts)
            item.setData(0, Qt.ItemDataRole.UserRole, row_id)
            item.setData(1, Qt.ItemDataRole.UserRole, value)
            self.list.addTopLevelItem(item)
            if row_id == self.current_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def fill(self, value) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class ContactsEditor(_ListEditor):
    headers = ("Name", "Phone", "Note")

    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(
            ctx,
            "People and services you can call when work weighs on you. Keep the numbers you'd want to hand.",
            parent,
        )
        self.setObjectName("contactsEditor")
        self.list.setObjectName("contacts")
        self.list.setAccessibleName("Support contacts")
        self.name = _line("contactName", "Contact name", "e.g. My supervisor, Employee assistance")
        self.phone = _line("contactPhone", "Phone number", "e.g. 0300 123 4567")
        self.note = _line("contactNote", "Note about this contact", "When to call, opening hours…")
        self.add_field("&Name", self.name, "name")
        self.add_field("&Phone", self.phone, "phone")
        self.add_field("N&ote", self.note, "note")
        for b in (
            push_button("Save contact", "saveContact", self.save),
            push_button("New contact", "newContact", self.new),
            push_button("Delete", "deleteContact", self.delete),
            push_button("Move up", "contactUp", lambda: self.move(-1)),
            push_button("Move down", "contactDown", lambda: self.move(1)),
        ):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.journal.selfcare.ensure_default_contacts()
        contacts = self.ctx.journal.selfcare.contacts()
        self.set_rows([(c.id, c, [c.name, c.phone or "—", c.note]) for c in contacts])

    def fill(self, c: SupportContact) -> None:
        self.name.setText(c.name)
        self.phone.setText(c.phone)
        self.note.setText(c.note)
        self.clear_problems()
        self.status.setText("")

    def new(self) -> None:
        self.current_id = None
        self.list.clearSelection()
        self.fill(SupportContact(""))
        self.name.setFocus()

    def save(self) -> bool:
        c = SupportContact(self.name.text(), self.phone.text(), self.note.text(), id=self.current_id)
        repo = self.ctx.journal.selfcare
        try:
            if c.id is None:
                self.current_id = repo.add_contact(c).id
            else:
                repo.update_contact(c)
        except ValidationError as e:
            self.show_problems(e)
            return False
        self.clear_problems()
        self.status.setText(messages.CONTACT_SAVED)
        self.refresh()
        self.changed.emit()
        return True

    def delete(self) -> None:
        if self.current_id is not None:
            self.ctx.journal.selfcare.delete_contact(self.current_id)
            self.new()
            self.refresh()
            self.changed.emit()

    def move(self, offset: int) -> None:
        if self.current_id is not None:
            self.ctx.journal.selfcare.move_contact(self.current_id, offset)
            self.refresh()
            self.changed.emit()


class LeaveEditor(_ListEditor):
    headers = ("From", "To", "Days", "Kind", "Note")

    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(
            ctx, "Record your days off and leave; the Today page counts the days since your last break.", parent
        )
        self.setObjectName("leaveEditor")
        self.list.setObjectName("leavePeriods")
        self.list.setAccessibleName("Days off and leave, most recent first")
        self.start = self._date("leaveStart", "First day off")
        self.end = self._date("leaveEnd", "Last day off")
        self.start.dateChanged.connect(self._start_changed)
        self.kind = QComboBox()
        self.kind.setObjectName("leaveKind")
        self.kind.setAccessibleName("Kind of time off")
        self.kind.setEditable(True)
        self.kind.addItems(LEAVE_KINDS)
        self.kind.setMaximumWidth(320)
        self.note = _line("leaveNote", "Note about this time off", "Optional")
        self.add_field("&First day", self.start, "start")
        self.add_field("&Last day", self.end, "end")
        self.add_field("&Kind", self.kind, "kind")
        self.add_field("N&ote", self.note, "note")
        for b in (
            push_button("Save", "saveLeave", self.save),
            push_button("New", "newLeave", self.new),
            push_button("Delete", "deleteLeave", self.delete),
        ):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        self.refresh()
        self.new()

    @staticmethod
    def _date(name: str, accessible: str) -> QDateEdit:
        d = QDateEdit()
        d.setObjectName(name)
        d.setAccessibleName(accessible)
        d.setCalendarPopup(True)
        d.setDisplayFormat("ddd d MMM yyyy")
        d.setMaximumWidth(220)
        return d

    def _start_changed(self, value: QDate) -> None:
        if self.end.date() < value:
            self.end.setDate(value)

    def refresh(self) -> None:
        periods = self.ctx.journal.selfcare.leave_periods()
        rows = [
            (
                p.id,
                p,
                [
                    f"{p.start:%a} {p.start.day} {p.start:%b %Y}",
                    f"{p.end:%a} {p.end.day} {p.end:%b %Y}",
                    str(p.days),
                    p.kind,
                    p.note,
                ],
            )
            for p in periods
        ]
        self.set_rows(rows)

    def fill(self, p: LeavePeriod) -> None:
        self.start.setDate(QDate(p.start.year, p.start.month, p.start.day))
        self.end.setDate(QDate(p.end.year, p.end.month, p.end.day))
        self.kind.setCurrentText(p.kind)
        self.note.setText(p.note)
        self.clear_problems()
        self.status.setText("")

    def new(self) -> None:
        self.current_id = None
        self.list.clearSelection()
        today = self.ctx.clock.now().date()
        self.fill(LeavePeriod(today, today, LEAVE_KINDS[0]))

    def save(self) -> bool:
        p = LeavePeriod(
            start=self.start.date().toPython(),
            end=self.end.date().toPython(),
            kind=self.kind.currentText(),
            note=self.note.text(),
            id=self.current_id,
        )
        repo = self.ctx.journal.selfcare
        try:
            if p.id is None:
                self.current_id = repo.add_leave(p).id
            else:
                repo.update_leave(p)
        except ValidationError as e:
            self.show_problems(e)
            return False
        self.clear_problems()
        self.status.setText("Saved.")
        self.refresh()
        self.changed.emit()
        return True

    def delete(self) -> None:
        if self.current_id is not None:
            self.ctx.journal.selfcare.delete_leave(self.current_id)
            self.refresh()
            self.new()
            self.changed.emit()
