"""The prompts of a reflective template, each with its hint and an optional answer box."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from resilience_journal.domain.reflection import Answer
from resilience_journal.domain.templates import Prompt, Template


class TemplateAnswers(QWidget):
    """Shows one template's prompts.  Answers typed under another template are kept while the
    editor is open, so switching back and forth never loses writing."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("templateAnswers")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._kept: dict[tuple[str, str], str] = {}
        self.template: Template | None = None
        self.boxes: dict[str, QPlainTextEdit] = {}
        self._prompts: list[Prompt] = []

    def show_template(self, template: Template, extra: tuple[Answer, ...] = ()) -> None:
        """Show ``template``'s prompts, plus any saved answers whose prompt it no longer has."""
        self._remember()
        while self._layout.count():
            w = self._layout.takeAt(0).widget()
            if w is not None:
                w.hide()  # deleteLater alone would leave it drawn until the next event loop pass
                w.deleteLater()
        self.template = template
        self.boxes = {}
        self._prompts = list(template.prompts)
        known = {p.id for p in self._prompts}
        self._prompts += [Prompt(a.prompt_id, a.prompt) for a in extra if a.prompt_id not in known]
        for a in extra:
            self._kept[(template.id, a.prompt_id)] = a.text
        for p in self._prompts:
            title = QLabel(f"<b>{_escape(p.prompt)}</b>")
            hint = QLabel(p.hint)
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            box = QPlainTextEdit(self._kept.get((template.id, p.id), ""))
            box.setObjectName(f"answer_{p.id}")
            box.setAccessibleName(p.prompt)
            box.setAccessibleDescription(p.hint)
            box.setPlaceholderText("Optional")
            box.setTabChangesFocus(True)
            box.setFixedHeight(76)
            box.textChanged.connect(self.changed)
            title.setBuddy(box)
            self._layout.addWidget(title)
            if p.hint:
                self._layout.addWidget(hint)
            self._layout.addWidget(box)
            self.boxes[p.id] = box
        self.changed.emit()

    def _remember(self) -> None:
        if self.template is not None:
            for pid, box in self.boxes.items():
                self._kept[(self.template.id, pid)] = box.toPlainText()

    def answers(self) -> tuple[Answer, ...]:
        """The non-empty answers, in prompt order, each with its prompt's wording."""
        return tuple(
            Answer(p.id, p.prompt, self.boxes[p.id].toPlainText())
            for p in self._prompts
            if self.boxes[p.id].toPlainText().strip()
        )

    def texts(self) -> dict[str, str]:
        return {pid: box.toPlainText() for pid, box in self.boxes.items()}

    def set_texts(self, texts: dict[str, str]) -> None:
        for pid, text in texts.items():
            if pid in self.boxes:
                self.boxes[pid].setPlainText(text)

    def first_box(self) -> QPlainTextEdit | None:
        return next(iter(self.boxes.values()), None)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
