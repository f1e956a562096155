"""Helper for the draft recovery test: run as a separate process that types into the editor,
autosaves through the editor's own timer path, says so, then waits to be killed."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from resilience_journal.domain.clock import FakeClock  # noqa: E402
from resilience_journal.storage import Journal  # noqa: E402
from resilience_journal.ui.context import JournalEvents, PageContext  # noqa: E402
from resilience_journal.ui.reflection_editor import ReflectionEditor  # noqa: E402
from resilience_journal.ui.ui_settings import UiSettings  # noqa: E402


def main() -> None:
    path, passphrase, text = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication([])
    clock = FakeClock(datetime.fromisoformat(sys.argv[4]))
    journal = Journal.open(path, passphrase, clock=clock)
    ctx = PageContext(journal=journal, clock=clock, events=JournalEvents(), ui_settings=UiSettings(path.parent))
    editor = ReflectionEditor(ctx)
    editor.show()
    editor.text.setFocus()
    for ch in text:  # key events carrying the characters, as a keyboard (or input method) sends them
        key, typed = (Qt.Key.Key_Return, "\r") if ch == "\n" else (Qt.Key.Key_unknown, ch)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor.text, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed))
    editor.autosave_timer.timeout.emit()  # what the timer does every few seconds
    print("draft saved", flush=True)
    app.processEvents()
    time.sleep(120)  # killed long before this


if __name__ == "__main__":
    main()
