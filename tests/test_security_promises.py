"""Smaller promises from the security model, each checked directly."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from support import PASSPHRASE

from resilience_journal.domain.reflection import Reflection
from resilience_journal.storage import Journal, UnsafeDatabaseLibrary, WrongPassphrase
from resilience_journal.storage.connection import _configure

ACCENTED = "Crème brûlée à la façon de Zoë"  # has different NFC and NFD forms


def test_the_same_passphrase_typed_in_another_unicode_form_opens_the_journal(journal_path, clock):
    nfd = unicodedata.normalize("NFD", ACCENTED)
    assert nfd != ACCENTED
    Journal.create(journal_path, ACCENTED, clock=clock).close()
    Journal.open(journal_path, nfd, clock=clock).close()


def test_a_wrong_passphrase_prints_nothing(journal_path, clock, capfd):
    Journal.create(journal_path, PASSPHRASE, clock=clock).close()
    capfd.readouterr()
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, "not the passphrase", clock=clock)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_a_database_library_that_would_not_encrypt_is_refused(tmp_path):
    plain = sqlite3.connect(tmp_path / "plain.db")
    with pytest.raises(UnsafeDatabaseLibrary):
        _configure(plain, tmp_path / "plain.db")
    plain.close()


def test_starting_the_app_turns_off_core_dumps(tmp_path):
    script = (
        "import resource\n"
        "from resilience_journal.app import disable_core_dumps\n"
        "disable_core_dumps()\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert out.stdout.strip() == "(0, 0)", out.stderr


def test_the_window_title_never_shows_journal_content(qtbot, journal_path, clock, tmp_path):
    from resilience_journal.ui.main_window import MainWindow
    from resilience_journal.ui.ui_settings import UiSettings

    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        j.reflections.add(
            Reflection(
                occurred_at=clock.now() - timedelta(hours=1),
                activity_kind="Court",
                stress=4,
                text="Title marker words",
                case_label="QZ",
            )
        )
    window = MainWindow(journal_path, clock, UiSettings(tmp_path / "ui"))
    qtbot.addWidget(window)
    window.stack.currentWidget().field.setText(PASSPHRASE)
    window.stack.currentWidget().unlock()
    window.shell.edit_entry(window.journal.reflections.recent()[0])
    from PySide6.QtWidgets import QApplication

    titles = [w.windowTitle() for w in QApplication.topLevelWidgets()]
    assert window.windowTitle() in titles and len(titles) > 1  # the entry's window is among them
    assert all("marker" not in t.lower() and "QZ" not in t for t in titles)
    window.lock()
