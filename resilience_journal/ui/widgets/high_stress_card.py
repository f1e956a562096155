"""A calm card for when stress has stayed high: what was noticed, and where support is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from resilience_journal.domain import messages
from resilience_journal.domain.wellbeing_alert import THRESHOLDS, HighStress


def card_text(alert: HighStress) -> str:
    """The card's words for ``alert``: the numbers that triggered it, then the support."""
    if alert.rule == "mean":
        noticed = messages.HIGH_STRESS_MEAN.format(days=THRESHOLDS.window_days, mean=alert.mean, n=alert.n)
    else:
        noticed = messages.HIGH_STRESS_RUN.format(run=alert.run, level=THRESHOLDS.run_level)
    return f"{noticed} {messages.HIGH_STRESS_SUPPORT}\n\n{messages.HIGH_STRESS_NOT_DIAGNOSIS}"


class HighStressCard(QFrame):
    dismissed = Signal()
    planRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("highStressCard")
        self.setProperty("role", "supportCard")
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        title = QLabel(messages.HIGH_STRESS_TITLE)
        title.setObjectName("highStressTitle")
        title.setProperty("role", "cardTitle")
        self.body = QLabel()
        self.body.setObjectName("highStressText")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.plan_button = QPushButton("Open my self-care plan")
        self.plan_button.setObjectName("openSelfCarePlan")
        self.plan_button.setAccessibleName("Open my self-care plan")
        self.plan_button.clicked.connect(self.planRequested)
        self.plan_button.hide()
        self.dismiss_button = QPushButton("Not now")
        self.dismiss_button.setObjectName("dismissHighStress")
        self.dismiss_button.setAccessibleName("Hide this note for now")
        self.dismiss_button.setToolTip(
            f"It comes back after {THRESHOLDS.snooze_days} days only if stress is still high"
        )
        self.dismiss_button.clicked.connect(self.dismissed)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        column.addWidget(title)
        column.addWidget(self.body)
        column.addLayout(buttons)
        self.hide()

    def show_alert(self, alert: HighStress, *, plan_available: bool) -> None:
        text = card_text(alert)
        self.body.setText(text)
        self.setAccessibleName(messages.HIGH_STRESS_TITLE)
        self.setAccessibleDescription(text)
        self.plan_button.setVisible(plan_available)
        self.show()
