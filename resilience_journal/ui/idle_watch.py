"""Feeds keyboard and mouse activity into the idle lock and asks it, once a second, if it is time.

The decision is ``domain.autolock.IdleLock``'s, driven by the injected clock; tests advance a
fake clock and call ``check()`` instead of waiting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from resilience_journal.domain.autolock import IdleLock

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, lock: IdleLock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.lock.touch()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        if self.timer.isActive() and self.lock.is_due():
            self.stop()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.lock.touch()
        return False
