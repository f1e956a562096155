"""Templates and word lists: hide templates you don't use, add your own, edit the feeling words,
the decompression strategies and the confidentiality watch list.  Everything is kept inside the
encrypted journal."""

from __future__ import annotations

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
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.domain.decompression import STRATEGY_LIST
from resilience_journal.domain.emotions import EMOTION_LIST, OWN_WORDS_GROUP
from resilience_journal.domain.templates import custom_template
from resilience_journal.domain.validation import ValidationError
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.widgets.field_message import FieldMessage

WATCH_LIST_HELP = (
    "Names, streets, schools or anything else that could identify someone. The confidentiality "
    "check looks out for these whenever you save or export. One per line; kept encrypted in your journal."
)
TEMPLATE_HELP = "Untick a template to hide it from the editor. Entries written with it keep their answers."
NEW_TEMPLATE_HELP = "One prompt per line. Add a hint after a | if you like, e.g.  What surprised me? | big or small"


def _checkable_list(name: str, accessible: str, items: list[tuple[str, str, bool]]) -> QListWidget:
    """A list of (label, key, shown) with a tick for 'shown'."""
    w = QListWidget()
    w.setObjectName(name)
    w.setAccessibleName(accessible)
    for label, key, shown in items:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)
        w.addItem(item)
    return w


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

        # Templates
        self.templates = _checkable_list(
            "templates", "Templates shown in the editor",
            [(t.name + (" (yours)" if t.custom else ""), t.id, not t.hidden) for t in j.templates.all(include_hidden=True)],
        )  # fmt: skip
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new_template_name")
        self.new_name.setAccessibleName("Name of your new template")
        self.new_prompts = QPlainTextEdit()
        self.new_prompts.setObjectName("new_template_prompts")
        self.new_prompts.setAccessibleName("Prompts of your new template, one per line")
        self.new_prompts.setPlaceholderText(NEW_TEMPLATE_HELP)
        self.new_prompts.setTabChangesFocus(True)
        self.new_prompts.setFixedHeight(90)
        self.add_template = QPushButton("Add template")
        self.add_template.setObjectName("add_template")
        self.add_template.setAccessibleName("Add template")
        self.add_template.clicked.connect(self._add_template)
        self.template_message = FieldMessage("template_message")
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(self._hint(TEMPLATE_HELP))
        col.addWidget(self.templates, 1)
        form = QFormLayout()
        form.addRow("New template &name", self.new_name)
        form.addRow("&Prompts", self.new_prompts)
        col.addLayout(form)
        col.addWidget(self.template_message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_template)
        col.addLayout(row)
        self.tabs.addTab(page, "Templates")

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
            item = QListWidgetItem(word)
            item.setData(Qt.ItemDataRole.UserRole, word)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            w.addItem(item)

    def _add_template(self) -> None:
        self.template_message.show_message(None)
        lines = [line.split("|", 1) for line in self.new_prompts.toPlainText().splitlines()]
        prompts = [(parts[0], parts[1] if len(parts) > 1 else "") for parts in lines]
        existing = {t.id for t in self.ctx.journal.templates.all(include_hidden=True)}
        try:
            t = custom_template(self.new_name.text(), prompts, existing)
        except ValidationError as e:
            self.template_message.show_message(" ".join(p.message for p in e.problems))
            return
        self.ctx.journal.templates.save_custom(t)
        item = QListWidgetItem(t.name + " (yours)")
        item.setData(Qt.ItemDataRole.UserRole, t.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.templates.addItem(item)
        self.new_name.clear()
        self.new_prompts.clear()
        self.template_message.show_message(f"Added “{t.name}”.")

    def save(self) -> None:
        j = self.ctx.journal
        with j.transaction():
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
