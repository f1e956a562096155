"""No plaintext anywhere: after a whole session, the marker sentence is in no file on disk
except the one the person explicitly exported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sandbox import files_under, sandbox_env

MARKER = "Marker sentence: the quokka from Zanzibar borrowed my green umbrella."
SCRIPT = Path(__file__).with_name("plaintext_session.py")


def _encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


def test_a_whole_session_leaves_no_plaintext_outside_the_explicit_export(tmp_path):
    tree = tmp_path / "sandbox"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), MARKER],
        env=sandbox_env(tree),
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    exported = {Path(p) for p in report["exported"]}
    journal = Path(report["journal"])
    assert journal.is_file() and journal.is_relative_to(tree)
    needles = _encodings(MARKER) + _encodings("quokka") + _encodings("Zanzibar")
    leaks = []
    for path in files_under(tree):
        data = path.read_bytes()
        if any(n in data for n in needles) and path not in exported:
            leaks.append(str(path.relative_to(tree)))
    assert leaks == []
    # The journal, today's automatic backup, a backup by hand, the settings file and the export
    # were all really there to be scanned.
    names = {p.name for p in files_under(tree)}
    assert {"journal.db", "by-hand.db", "ui-settings.ini", "everything.json"} <= names
    assert any(n.startswith("auto-") for n in names)
    # The export is the one place it may be, and it is there.
    assert all(MARKER.encode() in p.read_bytes() for p in exported)
    assert MARKER not in result.stdout + result.stderr  # nor in anything printed or logged
