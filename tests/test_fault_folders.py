"""A journal folder that cannot be used: a clear message at start, and nothing created anywhere."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sandbox import files_under, run_script

from resilience_journal.app import check_folder

START_APP = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
shown = []
def answer_the_message():
    box = QApplication.activeModalWidget()
    if box is None:
        QTimer.singleShot(20, answer_the_message)
        return
    shown.append(box.text())
    box.done(0)
QTimer.singleShot(0, answer_the_message)
from resilience_journal.app import main
code = main(["--data-dir", sys.argv[1]])
print(json.dumps({"code": code, "shown": shown}))
"""


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write into.  Root ignores permission bits, so as root use a
    kernel folder where nobody may create files."""
    if os.geteuid() == 0:
        return Path("/sys/kernel")
    folder = tmp_path / "read-only"
    folder.mkdir()
    os.chmod(folder, 0o500)
    return folder


def _unusable(tmp_path: Path, kind: str) -> Path:
    if kind == "read-only":
        return _read_only_folder(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    return blocker / "journal-folder"  # cannot exist: its parent is a file


@pytest.mark.parametrize("kind", ["read-only", "cannot-be-created"])
def test_start_with_an_unusable_folder_says_so_and_creates_nothing(tmp_path, kind):
    folder = _unusable(tmp_path, kind)
    tree = tmp_path / "sandbox"
    before = {p for p in tmp_path.rglob("*")}
    result = run_script(START_APP, tree, str(folder))
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["code"] == 2
    assert len(outcome["shown"]) == 1
    assert "can't be used" in outcome["shown"][0] and str(folder) in outcome["shown"][0]
    assert "Nothing has been created" in result.stderr
    # No journal, settings, lock or backup file appeared anywhere: not in the sandboxed home,
    # config, cache, data or temp folders, nor beside the folder that was refused.
    assert [p for p in files_under(tree) if "journal" in p.name or p.suffix in (".db", ".ini", ".lock")] == []
    assert {p for p in tmp_path.rglob("*") if not p.is_relative_to(tree)} == before - {tree}
    assert not folder.exists() or not any(p.name.startswith("journal") for p in folder.iterdir())


def test_check_folder_accepts_a_writable_folder_and_leaves_it_empty(tmp_path):
    assert check_folder(tmp_path / "new") is None
    assert list((tmp_path / "new").iterdir()) == []
