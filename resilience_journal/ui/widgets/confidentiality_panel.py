"""Shows the confidentiality check's findings and offers a replacement for each.

It never blocks saving: the editor shows this once, and a second Save keeps the text as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from resilience_journal.domain import messages
from resilience_journal.domain.confidentiality import KIND_LABELS, Finding


class ConfidentialityPanel(QFrame):
    #: (field name, finding) the user wants replaced by its suggestion.
    replaceRequested = Signal(str, object)
    replaceAllRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("confidentialityPanel")
        self.setProperty("role", "card")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self.heading = QLabel(messages.CONFIDENTIALITY_FOUND)
        self.heading.setObjectName("confidentialityMessage")
        self.heading.setWordWrap(True)
        self._layout.addWidget(self.heading)
        self._rows = QVBoxLayout()
        self._layout.addLayout(self._rows)
        self.replace_all = QPushButton("Replace all with the suggestions")
        self.replace_all.setObjectName("replaceAll")
        self.replace_all.setAccessibleName("Replace all with the suggestions")
        self.replace_all.clicked.connect(self.replaceAllRequested)
        self._layout.addWidget(self.replace_all)
        self.findings: list[tuple[str, Finding]] = []
        self.hide()

    def show_findings(self, findings: list[tuple[str, str, Finding]]) -> None:
        """``findings`` are (field name, field label, finding) triples."""
        while self._rows.count():
            item = self._rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.findings = [(name, f) for name, _label, f in findings]
        for i, (name, label, f) in enumerate(findings):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(f"{KIND_LABELS[f.kind]} in <i>{label}</i>: “{_esc(f.text)}” → {_esc(f.suggestion)}")
            text.setWordWrap(True)
            button = QPushButton(f"Replace with {f.suggestion}")
            button.setObjectName(f"replace_{i}")
            button.setAccessibleName(f"Replace {KIND_LABELS[f.kind].lower()} with {f.suggestion}")
            button.clicked.connect(lambda _=False, n=name, x=f: self.replaceRequested.emit(n, x))
            line.addWidget(text, 1)
            line.addWidget(button)
            self._rows.addWidget(row)
        self.setVisible(bool(findings))


def _esc(text: str) -> str:
    import html

    return html.escape(text)
