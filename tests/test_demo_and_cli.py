"""The two things a newcomer does first: ``--version`` / ``--demo``, and exploring the demo journal."""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections import defaultdict
from datetime import date

from support import PASSPHRASE

from resilience_journal import APP_NAME, __version__
from resilience_journal.demo import DEMO_PASSPHRASE, fill
from resilience_journal.storage import Journal

END = date(2026, 11, 25)


def _snapshot(journal) -> list[tuple]:
    return [
        (r.uid, r.occurred_at.isoformat(), r.activity_kind, r.stress, r.text)
        for r in journal.reflections.recent(10_000)
    ]


def test_demo_is_deterministic_and_about_six_months(tmp_path, clock):
    snaps = []
    for name in ("a", "b"):
        with Journal.create(tmp_path / name / "journal.db", PASSPHRASE, clock=clock) as j:
            fill(j, end=END)
            snaps.append(_snapshot(j))
    assert snaps[0] == snaps[1]
    rows = snaps[0]
    days = {date.fromisoformat(r[1][:10]) for r in rows}
    assert (max(days) - min(days)).days >= 170
    assert max(days) <= END
    # Around three visits a working day, mostly on weekdays.
    per_day = defaultdict(int)
    for r in rows:
        per_day[date.fromisoformat(r[1][:10])] += 1
    weekday_counts = [n for d, n in per_day.items() if d.weekday() < 5]
    assert 2 <= statistics.mean(weekday_counts) <= 4
    assert len({r[2] for r in rows}) >= 4, "activity kinds should vary"
    stresses = [r[3] for r in rows]
    assert min(stresses) <= 2 and max(stresses) >= 8


def test_demo_has_hard_weeks(tmp_path, clock):
    with Journal.create(tmp_path / "journal.db", PASSPHRASE, clock=clock) as j:
        fill(j, end=END)
        rows = j.reflections.recent(10_000)
    by_week = defaultdict(list)
    for r in rows:
        by_week[r.occurred_at.isocalendar()[:2]].append(r.stress)
    means = sorted(statistics.mean(v) for v in by_week.values() if len(v) >= 5)
    overall = statistics.mean(r.stress for r in rows)
    assert means[-1] - overall >= 1.5, "a few weeks should stand out as hard"


def test_a_different_seed_gives_a_different_demo(tmp_path, clock):
    snaps = []
    for seed in (1, 2):
        with Journal.create(tmp_path / str(seed) / "journal.db", PASSPHRASE, clock=clock) as j:
            fill(j, end=END, days=30, seed=seed)
            snaps.append(_snapshot(j))
    assert snaps[0] != snaps[1]


def test_version_flag_prints_name_and_version_without_loading_qt():
    code = (
        "import sys, runpy\n"
        "sys.argv = ['resilience-journal', '--version']\n"
        "try:\n    runpy.run_module('resilience_journal', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('QT LOADED' if 'PySide6' in sys.modules else 'NO QT')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert f"{APP_NAME} {__version__}" in out.stdout
    assert "NO QT" in out.stdout


def test_demo_opens_on_the_unlock_screen_with_banner_and_cleans_up(tmp_path, monkeypatch, qtbot, clock):
    import tempfile

    from PySide6.QtWidgets import QApplication, QLabel

    from resilience_journal import app
    from resilience_journal.ui.main_window import MainWindow

    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp_root))
    seen = {}

    def fake_exec(*_args):
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w.demo_passphrase
        )
        seen["banner"] = window.findChild(QLabel, "demoBanner").text()
        seen["screen"] = window.stack.currentWidget().objectName()
        seen["files"] = sorted(p.name for p in temp_root.rglob("*"))
        screen = window.stack.currentWidget()
        screen.field.setText(DEMO_PASSPHRASE)
        screen.unlock()
        seen["entries"] = window.journal.reflections.count()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app.main(["--demo"], clock=clock) == 0
    assert "demo" in seen["banner"].lower() and DEMO_PASSPHRASE in seen["banner"]
    assert seen["screen"] == "unlockScreen"
    assert "journal.db" in seen["files"]
    assert seen["entries"] > 100
    assert list(temp_root.iterdir()) == [], "the throw-away demo folder must be removed on exit"


def test_demo_with_data_dir_is_kept(tmp_path, monkeypatch, qtbot, clock):
    from PySide6.QtWidgets import QApplication

    from resilience_journal import app

    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)
    assert app.main(["--demo", "--data-dir", str(tmp_path / "kept")], clock=clock) == 0
    with Journal.open(tmp_path / "kept" / "journal.db", DEMO_PASSPHRASE, clock=clock) as j:
        assert j.reflections.count() > 100


def test_unusable_data_folder_gets_a_clear_message_and_nothing_is_created(tmp_path, monkeypatch, qtbot, capsys):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from resilience_journal import app

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)
    assert app.main(["--data-dir", str(blocked / "journal")]) == 2
    assert shown and str(blocked / "journal") in shown[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file-not-folder"]


def test_a_polite_kill_locks_closes_and_removes_the_demo_folder(tmp_path):
    """Logout or Ctrl+C ends the app the normal way, not mid-event-loop with files left behind."""
    import os
    import signal

    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    env = {**os.environ, "TMPDIR": str(temp_root), "QT_QPA_PLATFORM": "offscreen", "RJ_STARTUP_PROBE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "resilience_journal", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = proc.stdout.readline()  # the lock screen is up once this arrives
        assert line.startswith("rj-startup-probe")
        assert any(temp_root.iterdir()), "the demo journal lives in a temporary folder"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert list(temp_root.iterdir()) == []
