"""A full disk: the save fails with a clear error, nothing saved before is lost, the draft survives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support import PASSPHRASE

from resilience_journal.domain import messages
from resilience_journal.storage import Journal, StorageFull

CHILD = Path(__file__).with_name("fault_child.py")


def test_writes_beyond_a_file_size_limit_fail_cleanly(journal_path, clock):
    Journal.create(journal_path, PASSPHRASE, clock=clock).close()
    result = subprocess.run(
        [sys.executable, str(CHILD), "fill-disk", str(journal_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RJ_PASSPHRASE": PASSPHRASE},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    # Each attempt failed with the typed error the UI turns into messages.DISK_FULL...
    assert outcome["entry"] == StorageFull.__name__
    assert outcome["draft"] == StorageFull.__name__
    assert outcome["backup"] == StorageFull.__name__
    assert outcome["count_after"] == 1
    assert "disk is full" in messages.DISK_FULL
    # ...no half-made backup was left behind...
    assert not [p.name for p in (journal_path.parent / "backups").glob("*")]
    # ...and the journal opens intact, with the entry and the draft saved before the disk filled.
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
        assert j.query("PRAGMA cipher_integrity_check") == []
        assert j.query("PRAGMA integrity_check") == [("ok",)]
        assert [row[0] for row in j.query("SELECT uid FROM reflection")] == [outcome["saved_before"]]
        assert j.drafts.get("reflection:new").payload == {"text": "the draft before the disk filled"}
