"""Start-up measurement for benchmarks and the build's smoke check; inert unless asked for.

With ``RJ_STARTUP_PROBE=1`` in the environment the app prints one line to stdout when the
passphrase field of the lock (or create) screen is first painted::

    rj-startup-probe painted=<seconds since the epoch> matplotlib=<0|1>

and with ``RJ_QUIT_AFTER=<seconds>`` it quits cleanly that long after that first paint (so a
smoke check can run the real app, ``--demo`` included, and read its exit code).  Nothing from
the journal is printed: the lock screen is painted before any journal is open.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

#: Environment variables that switch the probe on.
PROBE_ENV = "RJ_STARTUP_PROBE"
QUIT_AFTER_ENV = "RJ_QUIT_AFTER"
#: The widget whose first paint means "the user can start typing the passphrase".
FIELD_NAME = "passphrase"


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, report: bool, quit_after: float | None) -> None:
        super().__init__(app)
        self.app, self.report, self.quit_after = app, report, quit_after
        self.done = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint and obj.objectName() == FIELD_NAME:
            self.done = True
            if self.report:
                painted = time.time()
                print(
                    f"rj-startup-probe painted={painted:.6f} matplotlib={int('matplotlib' in sys.modules)}",
                    flush=True,
                )
            if self.quit_after is not None:
                QTimer.singleShot(int(self.quit_after * 1000), self.app.quit)
            self.app.removeEventFilter(self)
        return False


def install_if_asked(app: QApplication) -> None:
    """Watch for the first paint of the lock screen when the environment asks for it."""
    report = os.environ.get(PROBE_ENV) == "1"
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if not report and not quit_after:
        return
    try:
        seconds = float(quit_after) if quit_after else None
    except ValueError:
        seconds = None
    app.installEventFilter(_FirstPaint(app, report, seconds))
