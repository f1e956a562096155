"""Templates and word lists: hide templates you don't use, add your own, edit the feeling words,
the decompression strategies and the confidentiality watch list.  Everything is kept inside the
encrypted journal."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.decompression import STRATEGY_LIST
from resilience_journal.domain.emotions import EMOTION_LIST, OWN_WORDS_GROUP
from resilience_journal.domain.templates import (
    Template,
    custom_template,
    edited_template,
    parse_template_lines,
    template_lines,
)
from resilience_journal.domain.validation import ValidationError
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.buttons import push_button
from resilience_journal.ui.widgets.field_message import FieldMessage

WATCH_LIST_HELP = (
    "Names, streets, schools or anything else that could identify someone. The confidentiality "
    "check looks out for these whenever you save or export. One per line; kept encrypted in your journal."
)
TEMPLATE_HELP = (
    "Untick a template to hide it from the editor. Your own templates can be changed or deleted; "
    "entries written with a template always keep their questions and answers."
)
NEW_TEMPLATE_HELP = "One prompt per line. Add a hint after a | if you like, e.g.  What surprised me? | big or small"


def _checkable_list(name: str, accessible: str, items: list[tuple[str, str, bool]]) -> QListWidget:
    """A list of (label, key, shown) with a tick for 'shown'."""
    w = QListWidget()
    w.setObjectName(name)
    w.setAccessibleName(accessible)
    for label, key, shown in items:
        _add_checkable(w, label, key, shown)
    return w


def _add_checkable(w: QListWidget, label: str, key: str, shown: bool = True) -> QListWidgetItem:
    """One ticked (or unticked) line of ``w``, carrying ``key``."""
    item = QListWidgetItem(label)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
    w.addItem(item)
    return item


def _states(w: QListWidget) -> dict[str, bool]:
    return {
        w.item(i).data(Qt.ItemDataRole.UserRole): w.item(i).checkState() == Qt.CheckState.Checked
        for i in range(w.count())
    }


class ReflectionSettingsDialog(QDialog):
    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reflectionSettings")
        self.setWindowTitle("Templates and word lists")
        self.setMinimumSize(620, 520)
        j = ctx.journal
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")

        # Templates: added, changed and deleted here, kept in the journal only on Save (like
        # everything else in this dialog; Cancel leaves the journal as it was).
        self._known: dict[str, Template] = {t.id: t for t in j.templates.all(include_hidden=True)}
        self._stored = frozenset(self._known)  # what the journal holds now
        self._to_save: dict[str, Template] = {}
        self._to_delete: set[str] = set()
        self.templates = _checkable_list(
            "templates", "Templates shown in the editor",
            [(t.name + (" (yours)" if t.custom else ""), t.id, not t.hidden) for t in self._known.values()],
        )  # fmt: skip
        self.templates.currentItemChanged.connect(self._template_selected)
        self.edit_template = push_button("Change", "edit_template", self._start_editing)  # fills the form below
        self.edit_template.setAccessibleName("Change the selected template")
        self.delete_template = push_button("Delete…", "delete_template", self._delete_template)
        self.delete_template.setAccessibleName("Delete the selected template")
        self.form_title = QLabel()
        self.form_title.setObjectName("template_form_title")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new_template_name")
        self.new_name.setAccessibleName("Name of your new template")
        self.new_prompts = QPlainTextEdit()
        self.new_prompts.setObjectName("new_template_prompts")
        self.new_prompts.setAccessibleName("Prompts of your new template, one per line")
        self.new_prompts.setPlaceholderText(NEW_TEMPLATE_HELP)
        self.new_prompts.setTabChangesFocus(True)
        self.new_prompts.setFixedHeight(90)
        self.add_template = push_button("Add template", "add_template", self._add_template)
        self.stop_editing = push_button("Stop changing", "stop_editing_template", self._stop_editing)
        self.template_message = FieldMessage("template_message")
        #: The user's own template whose wording is in the form, or None when the form adds one.
        self.editing: Template | None = None
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(self._hint(TEMPLATE_HELP))
        col.addWidget(self.templates, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_template)
        row.addWidget(self.delete_template)
        col.addLayout(row)
        col.addWidget(self.form_title)
        form = QFormLayout()
        name_label = QLabel("Template &name")
        name_label.setBuddy(self.new_name)
        form.addRow(name_label, self.new_name)
        form.addRow("&Prompts", self.new_prompts)
        col.addLayout(form)
        col.addWidget(self.template_message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.stop_editing)
        row.addWidget(self.add_template)
        col.addLayout(row)
        self.tabs.addTab(page, "Templates")
        self._stop_editing()
        self._template_selected()

        # Feelings and strategies
        self.emotions, self.new_emotion = self._word_tab(EMOTION_LIST, "Feelings", "feeling words")
        self.strategies, self.new_strategy = self._word_tab(STRATEGY_LIST, "What helps", "decompression strategies")

        # Watch list
        self.watch = QPlainTextEdit("\n".join(j.watch_words.words()))
        self.watch.setObjectName("watch_words")
        self.watch.setAccessibleName("Watch list, one per line")
        self.watch.setTabChangesFocus(True)
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(self._hint(WATCH_LIST_HELP))
        col.addWidget(self.watch, 1)
        self.tabs.addTab(page, "Watch list")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("save")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _hint(text: str) -> QLabel:
        lab = QLabel(text)
        lab.setProperty("role", "hint")
        lab.setWordWrap(True)
        return lab

    def _word_tab(self, list_name: str, title: str, what: str) -> tuple[QListWidget, QLineEdit]:
        j = self.ctx.journal
        shown = set(j.vocabulary.words(list_name))
        words = j.vocabulary.words(list_name, include_hidden=True)
        w = _checkable_list(f"{list_name}_words", f"Your {what}", [(x, x, x in shown) for x in words])
        new = QLineEdit()
        new.setObjectName(f"new_{list_name}")
        new.setAccessibleName(f"Add to your {what}")
        new.setPlaceholderText("Add your own and press Enter")
        new.returnPressed.connect(lambda: self._add_word(w, new))
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(self._hint(f"Untick words to stop offering them; entries that used them keep them. ({title})"))
        col.addWidget(w, 1)
        col.addWidget(new)
        self.tabs.addTab(page, title)
        return w, new

    @staticmethod
    def _add_word(w: QListWidget, field: QLineEdit) -> None:
        word = " ".join(field.text().split())
        field.clear()
        if word and word not in _states(w):
            _add_checkable(w, word, word)

    # --- the user's own templates ---------------------------------------------------------------

    def _selected_custom(self) -> Template | None:
        item = self.templates.currentItem()
        if item is None:
            return None
        t = self._known.get(item.data(Qt.ItemDataRole.UserRole))
        return t if t is not None and t.custom else None

    def _template_selected(self, *_args) -> None:
        mine = self._selected_custom() is not None
        self.edit_template.setEnabled(mine)
        self.delete_template.setEnabled(mine)
        why = "" if mine else " (only your own templates can be changed or deleted)"
        self.edit_template.setToolTip("Change the selected template's name and prompts" + why)
        self.delete_template.setToolTip("Delete the selected template" + why)

    def _start_editing(self) -> None:
        t = self._selected_custom()
        if t is None:
            return
        self.editing = t
        self.form_title.setText(f"<b>Changing “{escape(t.name)}”</b>")
        self.new_name.setText(t.name)
        self.new_name.setAccessibleName("Name of the template")
        self.new_prompts.setPlainText(template_lines(t))
        self.new_prompts.setAccessibleName("Prompts of the template, one per line")
        self.add_template.setText("Save changes")
        self.add_template.setAccessibleName("Save changes to the template")
        self.stop_editing.show()
        self.template_message.show_message(None)
        self.new_name.setFocus()

    def _stop_editing(self) -> None:
        self.editing = None
        self.form_title.setText("<b>Add your own template</b>")
        self.new_name.clear()
        self.new_name.setAccessibleName("Name of your new template")
        self.new_prompts.clear()
        self.new_prompts.setAccessibleName("Prompts of your new template, one per line")
        self.add_template.setText("Add template")
        self.add_template.setAccessibleName("Add template")
        self.stop_editing.hide()

    def _add_template(self) -> None:
        """Add the template in the form, or save the changes to the one being changed."""
        self.template_message.show_message(None)
        prompts = parse_template_lines(self.new_prompts.toPlainText())
        existing = set(self._known) | self._to_delete  # a deleted one's id is not reused before Save
        editing = self.editing
        try:
            if editing is None:
                t = custom_template(self.new_name.text(), prompts, existing)
            else:
                t = edited_template(editing, self.new_name.text(), prompts)
        except ValidationError as e:
            self.template_message.show_message(" ".join(p.message for p in e.problems))
            return
        self._known[t.id] = self._to_save[t.id] = t
        item = self._item_for(t.id) or _add_checkable(self.templates, "", t.id)
        item.setText(t.name + " (yours)")
        self._stop_editing()
        done = "Added" if editing is None else "Changed"
        self.template_message.show_message(f"{done} “{t.name}”. Press Save to keep it.")

    def _delete_template(self) -> None:
        t = self._selected_custom()
        if t is None or not self.confirm_delete(t):
            return
        del self._known[t.id]
        self._to_save.pop(t.id, None)
        if t.id in self._stored:  # not one added since the dialog opened
            self._to_delete.add(t.id)
        self.templates.takeItem(self.templates.row(self._item_for(t.id)))
        if self.editing is not None and self.editing.id == t.id:
            self._stop_editing()
        self.template_message.show_message(
            f"“{t.name}” will be deleted when you press Save. Entries written with it keep their questions and answers."
        )

    def confirm_delete(self, t: Template) -> bool:
        """Asked before a template is deleted (tests answer it without a message box)."""
        answer = QMessageBox.question(
            self,
            "Delete template",
            f"Delete your template “{t.name}”? Entries written with it keep their questions and "
            "answers. It goes when you press Save; Cancel keeps it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _item_for(self, template_id: str) -> QListWidgetItem | None:
        return next(
            (
                self.templates.item(i)
                for i in range(self.templates.count())
                if self.templates.item(i).data(Qt.ItemDataRole.UserRole) == template_id
            ),
            None,
        )

    def save(self) -> None:
        j = self.ctx.journal
        with j.transaction():
            for tid in self._to_delete:
                j.templates.delete_custom(tid)
            for t in self._to_save.values():
                j.templates.save_custom(t)
            for tid, shown in _states(self.templates).items():
                j.templates.set_hidden(tid, not shown)
            for list_name, w, group in (
                (EMOTION_LIST, self.emotions, OWN_WORDS_GROUP),
                (STRATEGY_LIST, self.strategies, ""),
            ):
                known = set(j.vocabulary.words(list_name, include_hidden=True))
                for word, shown in _states(w).items():
                    if word not in known:
                        j.vocabulary.add(list_name, word, group)
                    j.vocabulary.set_hidden(list_name, word, not shown)
        j.watch_words.replace_all(self.watch.toPlainText().splitlines())
        self.ctx.events.changed.emit("vocabulary")
        self.accept()
