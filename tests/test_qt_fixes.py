"""The guard against PySide6 6.12.0's Signal.emit reference leak keeps a long session alive."""

from __future__ import annotations

import os
import subprocess
import sys

_SESSION = """
import sys
from PySide6.QtCore import QObject, Signal
from resilience_journal.ui.qt_fixes import guard_signal_emit_refcount
{guard}
class Page(QObject):
    changed = Signal(str)
page = Page()
for _ in range(3000):  # a long working day of saves, refreshes and chart updates
    page.changed.emit("reflections")
"""


def _run(guard: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.getcwd())
    code = _SESSION.format(guard=guard)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_thousands_of_emitted_signals_do_not_abort_the_app():
    result = _run("guard_signal_emit_refcount()")
    assert result.returncode == 0, result.stderr[-500:]
