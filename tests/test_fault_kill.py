"""Killing the app mid-save (SIGKILL: no clean-up of any kind) never loses a save or damages the file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from support import PASSPHRASE

from resilience_journal.storage import Journal

CHILD = Path(__file__).with_name("fault_child.py")
ROUNDS = 30
SEED = 20261125


def _integrity(journal: Journal) -> None:
    assert journal.query("PRAGMA cipher_integrity_check") == []
    assert journal.query("PRAGMA integrity_check") == [("ok",)]


def test_sigkill_at_random_moments_loses_no_committed_entry(journal_path, clock):
    Journal.create(journal_path, PASSPHRASE, clock=clock).close()
    rng = random.Random(SEED)
    committed: set[str] = set()
    env = {**os.environ, "RJ_PASSPHRASE": PASSPHRASE}
    for round_no in range(ROUNDS):
        # Kill just after a save began (mid-transaction) or just after one returned.
        kill_on = rng.choice(["begin", "committed"])
        kill_at = rng.randint(1, 12)
        child = subprocess.Popen(
            [sys.executable, str(CHILD), "write", str(journal_path), str(rng.randrange(10**6))],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        seen = 0
        try:
            for line in child.stdout:
                kind, uid = line.split()
                if kind == "committed":
                    committed.add(uid)
                if kind == kill_on:
                    seen += 1
                    if seen == kill_at:
                        break
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL, f"round {round_no}: the writer ended by itself"
        with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
            _integrity(j)
            present = {row[0] for row in j.query("SELECT uid FROM reflection")}
            missing = committed - present
            assert not missing, f"round {round_no}: {len(missing)} committed entries lost"
            # The search index was written in the same transactions, so it matches exactly.
            indexed = j.query("SELECT count(*) FROM search_index WHERE kind='reflection'")[0][0]
            assert indexed == len(present)
    assert len(committed) >= ROUNDS
