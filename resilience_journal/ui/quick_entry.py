"""The quick after-visit entry: when, what kind of work, how stressed, a few lines.

Designed for the car park: Ctrl+N opens it with the time set to now and the cursor on the
activity, Tab walks the fields, a digit sets stress, Ctrl+S (or Ctrl+Enter) saves.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from resilience_journal.domain import messages
from resilience_journal.domain.reflection import Reflection
from resilience_journal.domain.validation import ValidationError
from resilience_journal.storage import StorageFull
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.stress_scale import RatingScale

STRESS_MISSING = "Please choose how stressed you felt, from 0 to 10 (type a digit)."


def to_qdatetime(value) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


class QuickEntryDialog(QDialog):
    """Create a new reflection, or edit the quick fields of an existing one."""

    def __init__(self, ctx: PageContext, existing: Reflection | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.existing = existing
        self.saved: Reflection | None = None
        self.setObjectName("quickEntryDialog")
        self.setWindowTitle("Edit entry" if existing else "After a visit")
        self.setMinimumWidth(560)

        now = ctx.clock.now()
        self.when = QDateTimeEdit(to_qdatetime(existing.occurred_at if existing else now))
        self.when.setObjectName("when")
        self.when.setAccessibleName("When it happened")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setMaximumDateTime(to_qdatetime(now).addSecs(300))

        self.activity = QComboBox()
        self.activity.setObjectName("activity_kind")
        self.activity.setAccessibleName("Kind of work")
        self.activity.setEditable(True)
        self.activity.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.activity.addItems(ctx.journal.vocabulary.words("activity_kind"))
        self.activity.lineEdit().setPlaceholderText("Choose or type your own")
        if existing:
            self.activity.setCurrentText(existing.activity_kind)

        self.stress = RatingScale("stress")
        if existing:
            self.stress.setValue(existing.stress)

        self.text = QPlainTextEdit(existing.text if existing else "")
        self.text.setObjectName("text")
        self.text.setAccessibleName("A few lines about it")
        self.text.setPlaceholderText(
            "A few lines, if you like: what happened, what you felt. Initials only — no names."
        )
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)

        self.msg_when = FieldMessage("when_message")
        self.msg_activity = FieldMessage("activity_kind_message")
        self.msg_stress = FieldMessage("stress_message")
        self.msg_text = FieldMessage("text_message")
        self.msg_form = FieldMessage("form_message")

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self._label("&When", self.when), self.when)
        form.addRow("", self.msg_when)
        form.addRow(self._label("&Kind of work", self.activity), self.activity)
        form.addRow("", self.msg_activity)
        form.addRow(self._label("&Stress right after", self.stress), self.stress)
        form.addRow("", self.msg_stress)
        form.addRow(self._label("&Notes", self.text), self.text)
        form.addRow("", self.msg_text)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("buttons")
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("save")
        save.setAccessibleName("Save entry")
        save.setProperty("primary", True)
        save.setToolTip("Save (Ctrl+S)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel("How was that? A rating is all that's needed — everything else is optional.")
        intro.setProperty("role", "hint")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.msg_form)
        layout.addWidget(buttons)

        for seq in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return")):
            QShortcut(seq, self, activated=self.save)
        self.setTabOrder(self.when, self.activity)
        self.setTabOrder(self.activity, self.stress)
        self.setTabOrder(self.stress, self.text)
        self.setTabOrder(self.text, save)
        (self.activity if existing is None else self.text).setFocus()

    @staticmethod
    def _label(text: str, buddy) -> QLabel:
        lab = QLabel(text)
        lab.setBuddy(buddy)
        return lab

    def reflection(self) -> Reflection:
        """The entry as the form currently describes it (not validated)."""
        when = self.when.dateTime().toPython().astimezone()
        base = self.existing or Reflection(occurred_at=when, activity_kind="", stress=0)
        return dataclasses.replace(
            base,
            occurred_at=when,
            activity_kind=self.activity.currentText().strip(),
            stress=self.stress.value() if self.stress.value() is not None else -1,
            text=self.text.toPlainText(),
        )

    def save(self) -> None:
        for m in (self.msg_when, self.msg_activity, self.msg_stress, self.msg_text, self.msg_form):
            m.show_message(None)
        r = self.reflection()
        repo = self.ctx.journal.reflections
        try:
            if self.stress.value() is None:
                self.msg_stress.show_message(STRESS_MISSING)
                self.stress.setFocus()
                return
            self.saved = repo.update(r) if r.id is not None else repo.add(r)
        except ValidationError as e:
            for field, widget in (
                ("occurred_at", self.msg_when),
                ("activity_kind", self.msg_activity),
                ("stress", self.msg_stress),
                ("text", self.msg_text),
            ):
                widget.show_message(e.for_field(field))
            return
        except StorageFull:
            self.msg_form.show_message(messages.DISK_FULL)
            return
        self.ctx.events.changed.emit("reflections")
        self.accept()

    def keyPressEvent(self, event) -> None:
        # Enter in a single-line field should not save half an entry by accident.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.focusNextChild()
            return
        super().keyPressEvent(event)
