"""Wrong passphrases and second instances never change or endanger the journal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from support import PASSPHRASE, journal_files

from resilience_journal.domain import messages
from resilience_journal.domain.reflection import Reflection
from resilience_journal.storage import Journal, WrongPassphrase
from resilience_journal.storage import backups as bk

CHILD = Path(__file__).with_name("fault_child.py")
WRONG_TRIES = 12


def _snapshot(path: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in journal_files(path)}


def _add(journal, clock, text):
    return journal.reflections.add(
        Reflection(occurred_at=clock.now() - timedelta(minutes=5), activity_kind="Duty", stress=3, text=text)
    )


def test_many_wrong_passphrases_at_the_unlock_screen_leave_the_file_byte_identical(journal_path, clock, qtbot):
    from resilience_journal.ui.access import UnlockScreen

    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        _add(j, clock, "before the wrong tries")
    before = _snapshot(journal_path)
    screen = UnlockScreen(journal_path, clock)
    qtbot.addWidget(screen)
    opened = []
    screen.unlocked.connect(opened.append)
    for i in range(WRONG_TRIES):
        screen.end_wait()  # the growing wait between tries is tested by its own rule; skip it here
        screen.field.setText(f"wrong passphrase number {i} ünïcode")
        screen.unlock()
        assert messages.WRONG_PASSPHRASE in screen.message.text()
    assert opened == []
    assert _snapshot(journal_path) == before
    screen.end_wait()
    screen.field.setText(PASSPHRASE)
    screen.unlock()
    assert len(opened) == 1
    assert opened[0].reflections.count() == 1
    opened[0].close()


def test_wrong_passphrases_for_a_backup_leave_it_byte_identical(journal, clock):
    _add(journal, clock, "in the backup")
    info = bk.verified_backup(journal, journal.backup_dir() / "mine.db")
    before = (info.path.read_bytes(), info.path.stat().st_mtime_ns)
    for i in range(WRONG_TRIES):
        try:
            bk.inspect(journal, info.path, f"wrong {i}")
        except WrongPassphrase:
            continue
        raise AssertionError("a wrong passphrase opened the backup")
    assert (info.path.read_bytes(), info.path.stat().st_mtime_ns) == before


def test_a_second_instance_is_refused_and_the_first_keeps_every_write(journal_path, clock):
    first = Journal.create(journal_path, PASSPHRASE, clock=clock)
    written = [_add(first, clock, f"first instance {i}").uid for i in range(3)]
    result = subprocess.run(
        [sys.executable, str(CHILD), "second", str(journal_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RJ_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {"opened": False, "message": messages.JOURNAL_IN_USE}
    written += [_add(first, clock, f"after the second start {i}").uid for i in range(3)]
    first.close()
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
        assert j.query("PRAGMA integrity_check") == [("ok",)]
        assert sorted(row[0] for row in j.query("SELECT uid FROM reflection")) == sorted(written)
