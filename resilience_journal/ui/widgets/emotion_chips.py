"""Feeling words as toggle chips, grouped, quick to scan and usable by keyboard alone.

The whole set is one Tab stop.  Inside it: arrow keys move between chips (Up/Down jump between
groups), Space toggles, and typing the start of a word jumps to it ("ten" -> tense).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from resilience_journal.domain.emotions import OWN_WORDS_GROUP
from resilience_journal.ui.widgets.flow_layout import FlowLayout


class EmotionChips(QWidget):
    """Chips for (word, group) pairs; ``selected()`` gives the chosen words in the order chosen."""

    changed = Signal()

    def __init__(self, words: list[tuple[str, str]], name: str = "emotions", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName("How I felt: choose any feeling words")
        self.setAccessibleDescription("Arrow keys move, Space chooses, or type the start of a word")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._chips: list[QPushButton] = []
        self._groups: list[str] = []
        self._chosen: list[str] = []
        self._current = 0
        self._typed = ""
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.setSpacing(4)
        self._flows: dict[str, FlowLayout] = {}
        for word, group in words:
            self._add_chip(word, group or OWN_WORDS_GROUP)
        self.own = QLineEdit()
        self.own.setObjectName("emotion_own")
        self.own.setAccessibleName("Add a feeling word of your own")
        self.own.setPlaceholderText("Another word? Type it and press Enter")
        self.own.setMaximumWidth(320)
        self.own.returnPressed.connect(self._add_own)
        self._layout.addWidget(self.own)
        self._show_current()

    # --- building ----------------------------------------------------------------------------

    def _flow_for(self, group: str) -> FlowLayout:
        if group not in self._flows:
            heading = QLabel(group)
            heading.setProperty("role", "hint")
            holder = QWidget()
            flow = FlowLayout(holder, spacing=5)
            index = self._layout.count() - (1 if hasattr(self, "own") else 0)
            self._layout.insertWidget(index, heading)
            self._layout.insertWidget(index + 1, holder)
            self._flows[group] = flow
        return self._flows[group]

    def _add_chip(self, word: str, group: str) -> QPushButton:
        chip = QPushButton(word)
        chip.setObjectName("emotionChip")
        chip.setAccessibleName(word)
        chip.setCheckable(True)
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the set is one Tab stop; arrows move inside
        chip.toggled.connect(lambda on, w=word: self._toggled(w, on))
        chip.clicked.connect(lambda _=False, c=chip: self._clicked(c))
        self._flow_for(group).addWidget(chip)
        self._chips.append(chip)
        self._groups.append(group)
        return chip

    def _add_own(self) -> None:
        word = " ".join(self.own.text().split())
        self.own.clear()
        if not word:
            return
        chip = self.chip(word) or self._add_chip(word, OWN_WORDS_GROUP)
        chip.setChecked(True)
        self._current = self._chips.index(chip)
        self._show_current()

    # --- state -------------------------------------------------------------------------------

    def words(self) -> list[str]:
        return [c.text() for c in self._chips]

    def chip(self, word: str) -> QPushButton | None:
        return next((c for c in self._chips if c.text().lower() == word.lower()), None)

    def selected(self) -> list[str]:
        return list(self._chosen)

    def set_selected(self, words: list[str]) -> None:
        for c in self._chips:
            c.setChecked(False)
        for w in words:
            (self.chip(w) or self._add_chip(w, OWN_WORDS_GROUP)).setChecked(True)

    def own_words(self) -> list[str]:
        return [c.text() for c, g in zip(self._chips, self._groups, strict=True) if g == OWN_WORDS_GROUP]

    def _toggled(self, word: str, on: bool) -> None:
        if on and word not in self._chosen:
            self._chosen.append(word)
        elif not on and word in self._chosen:
            self._chosen.remove(word)
        self.setAccessibleDescription("Chosen: " + (", ".join(self._chosen) or "none"))
        self.changed.emit()

    def _clicked(self, chip: QPushButton) -> None:
        self._current = self._chips.index(chip)
        self._show_current()

    # --- keyboard ----------------------------------------------------------------------------

    def current_word(self) -> str:
        return self._chips[self._current].text() if self._chips else ""

    def _show_current(self) -> None:
        for i, c in enumerate(self._chips):
            c.setProperty("current", i == self._current and self.hasFocus())
            c.style().unpolish(c)
            c.style().polish(c)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._show_current()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._typed = ""
        self._show_current()

    def _move_group(self, step: int) -> None:
        names = list(dict.fromkeys(self._groups))
        here = names.index(self._groups[self._current])
        target = names[(here + step) % len(names)]
        offset = self._current - self._groups.index(self._groups[self._current])
        members = [i for i, g in enumerate(self._groups) if g == target]
        self._current = members[min(offset, len(members) - 1)]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._chips:
            return super().keyPressEvent(event)
        key, text = event.key(), event.text()
        n = len(self._chips)
        if key == Qt.Key.Key_Right:
            self._current = (self._current + 1) % n
        elif key == Qt.Key.Key_Left:
            self._current = (self._current - 1) % n
        elif key == Qt.Key.Key_Down:
            self._move_group(1)
        elif key == Qt.Key.Key_Up:
            self._move_group(-1)
        elif key == Qt.Key.Key_Home:
            self._current = 0
        elif key == Qt.Key.Key_End:
            self._current = n - 1
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            chip = self._chips[self._current]
            chip.setChecked(not chip.isChecked())
            self._typed = ""
        elif key == Qt.Key.Key_Backspace and self._typed:
            self._typed = self._typed[:-1]
        elif (
            text
            and (text.isalpha() or (text in " -'" and self._typed))
            and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            self._jump_to(self._typed + text.lower())
        else:
            return super().keyPressEvent(event)
        if key not in (Qt.Key.Key_Space, Qt.Key.Key_Backspace) and not (text and text.isalpha()):
            self._typed = ""
        self._show_current()
        event.accept()

    def _jump_to(self, typed: str) -> None:
        for i, c in enumerate(self._chips):
            if c.text().lower().startswith(typed):
                self._typed = typed
                self._current = i
                return
        # No word starts like that: start again from this letter.
        for i, c in enumerate(self._chips):
            if c.text().lower().startswith(typed[-1]):
                self._typed = typed[-1]
                self._current = i
                return
