"""Qt helpers for the benchmarks that drive the real window offscreen.

"Painted" means Qt delivered a paint event to the widget we wait for, i.e. the pixels a person
would see were drawn.  "Blocked" is the longest gap between ticks of a 5 ms timer on the GUI
thread: while the thread is busy the timer cannot fire, so the gap is how long the window was
frozen.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def application() -> QApplication:
    app = QApplication.instance() or QApplication(["rj-bench"])
    return app


class PaintWatch(QObject):
    """Records when a widget accepted by ``wanted`` is first painted after ``arm()``."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.wanted: Callable[[QWidget], bool] = lambda w: False
        self.painted_at: float | None = None
        self._installed = False

    def arm(self, wanted: Callable[[QWidget], bool]) -> None:
        """Start watching.  Arm *after* the synchronous work, just before spinning the event
        loop: an application-wide filter costs every event a Python call, which would otherwise
        be counted in the time measured."""
        self.wanted = wanted
        self.painted_at = None
        if not self._installed:
            self.app.installEventFilter(self)
            self._installed = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.painted_at is None and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            try:
                if self.wanted(obj):
                    self.painted_at = time.perf_counter()
            except RuntimeError:  # a widget deleted under us
                pass
        return False

    def wait(self, timeout: float = 60.0) -> float:
        """Spin the event loop until the paint happens; returns its perf_counter time."""
        deadline = time.perf_counter() + timeout
        while self.painted_at is None:
            self.app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the widget was never painted")
            time.sleep(0.0005)  # let a worker thread run; 0.5 ms is below what we report
        self.close()
        return self.painted_at

    def close(self) -> None:
        if self._installed:
            self.app.removeEventFilter(self)
            self._installed = False


def inside(container: Callable[[], QWidget | None]) -> Callable[[QWidget], bool]:
    """A ``wanted`` test: the widget is ``container()`` or inside it (and visible)."""

    def test(w: QWidget) -> bool:
        c = container()
        return c is not None and (w is c or c.isAncestorOf(w)) and w.isVisible()

    return test


class BlockMeter(QObject):
    """Measures the longest time the GUI thread did not get round to a 5 ms timer."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def settle(app: QApplication, seconds: float = 0.05) -> None:
    """Let pending events (deletions, repaints) run."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
