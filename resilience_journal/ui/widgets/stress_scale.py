"""A 0–10 rating as a row of big buttons, usable by mouse, touch and keyboard.

Keyboard: digits choose (``1`` then ``0`` makes 10), Left/Right step, Home/End jump, Delete
clears.  The anchor words are our own, deliberately plain and non-clinical.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

#: Words under 0, 5 and 10 for a stress rating.
STRESS_ANCHORS = ("Calm, settled", "Stretched but coping", "Overwhelmed")


class RatingScale(QWidget):
    """Eleven toggle buttons 0..10; ``value()`` is None until the user chooses."""

    valueChanged = Signal(object)

    def __init__(self, name: str, anchors: tuple[str, str, str] = STRESS_ANCHORS, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name.replace("_", " ").capitalize() + " rating from 0 to 10")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(4)
        for n in range(11):
            b = QPushButton(str(n))
            b.setObjectName("stressButton")
            b.setAccessibleName(f"{n} out of 10")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scale itself takes the keys
            self._group.addButton(b, n)
            row.addWidget(b)
        self._group.idClicked.connect(self._clicked)
        labels = QHBoxLayout()
        for i, text in enumerate(anchors):
            lab = QLabel(text)
            lab.setProperty("role", "hint")
            align = (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignHCenter, Qt.AlignmentFlag.AlignRight)[i]
            lab.setAlignment(align)
            labels.addWidget(lab, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addLayout(row)
        box.addLayout(labels)
        self._value: int | None = None

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        if value is not None and not 0 <= value <= 10:
            return
        self._value = value
        if value is None:
            self._group.setExclusive(False)
            for b in self._group.buttons():
                b.setChecked(False)
            self._group.setExclusive(True)
        else:
            self._group.button(value).setChecked(True)
        self.setAccessibleDescription("not chosen" if value is None else f"{value} out of 10")
        self.valueChanged.emit(value)

    def _clicked(self, n: int) -> None:
        self.setFocus()
        self.setValue(n)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if text.isdigit():
            digit = int(text)
            self.setValue(10 if digit == 0 and self._value == 1 else digit)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self.setValue(min(10, (self._value if self._value is not None else -1) + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self.setValue(max(0, (self._value if self._value is not None else 1) - 1))
        elif key == Qt.Key.Key_Home:
            self.setValue(0)
        elif key == Qt.Key.Key_End:
            self.setValue(10)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setValue(None)
        else:
            super().keyPressEvent(event)
