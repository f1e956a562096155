"""The Self-care page: my plan (read calmly, edit when wanted, export), support contacts,
leave and days off, past questionnaire results, and preferences with reminders — one tab each."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain import messages
from resilience_journal.domain.selfcare import PLAN_SECTIONS, PlanDocument, plan_document
from resilience_journal.domain.validation import ValidationError
from resilience_journal.ui.measure_history import MeasureHistory
from resilience_journal.ui.pages.base import Page
from resilience_journal.ui.selfcare_lists import ContactsEditor, LeaveEditor
from resilience_journal.ui.selfcare_prefs import PreferencesForm
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.section_card import SectionCard, hint

TABS = ("plan", "contacts", "leave", "measures", "preferences")


def plan_html(doc: PlanDocument) -> str:
    """The plan document as gentle rich text for reading on screen (all user text escaped)."""
    parts = []
    for heading, paragraphs in doc.sections:
        parts.append(f"<h3>{html.escape(heading)}</h3>")
        parts += [f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs]
    if doc.contacts:
        parts.append("<h3>Support contacts</h3><table cellpadding='4'>")
        for name, phone, note in doc.contacts:
            parts.append(
                f"<tr><td><b>{html.escape(name)}</b></td><td>{html.escape(phone) or '—'}</td>"
                f"<td>{html.escape(note)}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


class PlanView(QWidget):
    """The plan: read view by default, an editor on request."""

    changed = Signal()
    exportRequested = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("planView")
        self.ctx = ctx
        self.stack = QStackedWidget()

        # read view
        self.reading = QLabel()
        self.reading.setObjectName("planText")
        self.reading.setProperty("role", "planText")
        self.reading.setWordWrap(True)
        self.reading.setTextFormat(Qt.TextFormat.RichText)
        self.reading.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reading.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.empty = hint(messages.PLAN_EMPTY, "planEmpty")
        read_card = SectionCard(name="planCard")
        read_card.body.addWidget(self.empty)
        read_card.body.addWidget(self.reading)
        read_card.body.addStretch(1)
        read_scroll = QScrollArea()
        read_scroll.setWidgetResizable(True)
        read_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        read_scroll.setWidget(read_card)
        self.stack.addWidget(read_scroll)

        # editor
        editor = QWidget()
        col = QVBoxLayout(editor)
        self.editors: dict[str, QPlainTextEdit] = {}
        self.edit_messages: dict[str, FieldMessage] = {}
        for s in PLAN_SECTIONS:
            label = QLabel(f"<b>{s.heading}</b>")
            box = QPlainTextEdit()
            box.setObjectName(f"plan_{s.key}")
            box.setAccessibleName(s.heading)
            box.setPlaceholderText(s.prompt)
            box.setTabChangesFocus(True)
            box.setMinimumHeight(90)
            label.setBuddy(box)
            col.addWidget(label)
            col.addWidget(box)
            msg = FieldMessage(f"plan_{s.key}_message")
            col.addWidget(msg)
            self.editors[s.key] = box
            self.edit_messages[s.key] = msg
        edit_scroll = QScrollArea()
        edit_scroll.setWidgetResizable(True)
        edit_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        edit_scroll.setWidget(editor)
        self.stack.addWidget(edit_scroll)

        self.edit_button = push_button("Edit my plan", "editPlan", self.start_editing, primary=True)
        self.export_button = push_button("Export…", "exportPlan", self.exportRequested.emit)
        self.save_button = push_button("Save plan", "savePlan", self.save, primary=True)
        self.save_button.setToolTip("Ctrl+S")
        self.cancel_button = push_button("Cancel", "cancelPlan", self.show_plan)
        self.status = hint("", "planStatus")
        buttons = QHBoxLayout()
        for b in (self.edit_button, self.export_button, self.save_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        save = QShortcut(QKeySequence.StandardKey.Save, self, activated=self._save_shortcut)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.show_plan()

    def _save_shortcut(self) -> None:
        if self.is_editing():
            self.save()

    def document(self) -> PlanDocument:
        j = self.ctx.journal
        j.selfcare.ensure_default_contacts()
        return plan_document(j.selfcare.plan(), j.selfcare.contacts(), self.ctx.clock.now().date())

    def show_plan(self) -> None:
        doc = self.document()
        self.reading.setText(plan_html(doc))
        self.empty.setVisible(not doc.sections)
        self.stack.setCurrentIndex(0)
        self._editing(False)

    def start_editing(self) -> None:
        plan = self.ctx.journal.selfcare.plan()
        for key, box in self.editors.items():
            box.setPlainText(plan[key])
            self.edit_messages[key].show_message(None)
        self.stack.setCurrentIndex(1)
        self._editing(True)
        self.status.setText("")
        self.editors[PLAN_SECTIONS[0].key].setFocus()

    def _editing(self, on: bool) -> None:
        for b in (self.save_button, self.cancel_button):
            b.setVisible(on)
        for b in (self.edit_button, self.export_button):
            b.setVisible(not on)

    def is_editing(self) -> bool:
        return self.stack.currentIndex() == 1

    def save(self) -> bool:
        plan = {key: box.toPlainText() for key, box in self.editors.items()}
        try:
            self.ctx.journal.selfcare.save_plan(plan)
        except ValidationError as e:
            for key, msg in self.edit_messages.items():
                msg.show_message(e.for_field(key))
            return False
        self.show_plan()
        self.status.setText(messages.PLAN_SAVED)
        self.changed.emit()
        return True


class SelfCarePage(Page):
    title = "Self-care"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("selfcareTabs")
        self.plan = PlanView(ctx)
        self.contacts = ContactsEditor(ctx)
        self.leave = LeaveEditor(ctx)
        self.measures = MeasureHistory(ctx)
        self.preferences = PreferencesForm(ctx)
        for widget, label in (
            (self.plan, "My plan"),
            (self.contacts, "Support contacts"),
            (self.leave, "Leave and days off"),
            (self.measures, "Questionnaire results"),
            (self.preferences, "Preferences and reminders"),
        ):
            self.tabs.addTab(widget, label)
        self.layout_.addWidget(self.tabs, 1)
        for editor in (self.plan, self.contacts, self.leave, self.measures, self.preferences):
            editor.changed.connect(lambda: ctx.events.changed.emit("selfcare"))
        self.plan.exportRequested.connect(self.export_plan)

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    def refresh(self) -> None:
        if not self.plan.is_editing():
            self.plan.show_plan()
        self.contacts.refresh()
        self.leave.refresh()
        self.measures.refresh()
        self.preferences.refresh()

    def export_plan(self) -> None:
        from resilience_journal.ui.plan_export import export_plan

        export_plan(self.ctx, self.plan.document(), parent=self)
