"""A crash or a kill never loses writing: the next unlock offers exactly the unsaved text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from support import PASSPHRASE, file_bytes

from resilience_journal.storage import Journal
from resilience_journal.ui.main_window import MainWindow
from resilience_journal.ui.reflection_editor import ReflectionEditor
from resilience_journal.ui.ui_settings import UiSettings

#: Typed by the child process: punctuation, a second line and non-ASCII, to prove it is exact.
TEXT = "Doorstep visit — dad shouted; I kept calm.\nStill shaky: ça va, not great 🙁"
ROOT = Path(__file__).resolve().parents[1]


def test_sigkilled_editor_leaves_a_draft_the_next_unlock_offers(qtbot, journal_path, clock, tmp_path):
    Journal.create(journal_path, PASSPHRASE, clock=clock).close()
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}", "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "draft_writer.py"), str(journal_path), PASSPHRASE, TEXT,
         clock.now().isoformat()],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )  # fmt: skip
    try:
        line = child.stdout.readline()
        assert line.strip() == "draft saved", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert b"Still shaky" not in file_bytes(journal_path)  # the draft is encrypted too

    window = MainWindow(journal_path, clock, UiSettings(tmp_path / "ui"))
    qtbot.addWidget(window)
    window.show()
    screen = window.stack.currentWidget()
    screen.field.setText(PASSPHRASE)
    screen.unlock()
    assert window.journal is not None
    bar = window.shell.draft_bar
    assert bar.isVisibleTo(window)
    assert bar.current().payload["text"] == TEXT
    bar.recover.click()
    editor = next(w for w in window.findChildren(ReflectionEditor) if w.isVisible())
    assert editor.text.toPlainText() == TEXT
    editor.stress.setValue(6)
    assert editor.save()
    assert window.journal.drafts.all() == []
    assert window.journal.reflections.recent()[0].text == TEXT
    window.lock()


def test_discarding_a_recovered_draft_forgets_it(qtbot, journal_path, clock, tmp_path):
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        j.drafts.save("reflection:new", {"text": "never mind"})
    window = MainWindow(journal_path, clock, UiSettings(tmp_path / "ui"))
    qtbot.addWidget(window)
    screen = window.stack.currentWidget()
    screen.field.setText(PASSPHRASE)
    screen.unlock()
    window.shell.draft_bar.discard.click()
    assert window.journal.drafts.all() == []
    assert not window.shell.draft_bar.isVisibleTo(window)
    window.lock()
