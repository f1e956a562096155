"""A separate process that uses a journal, for the fault tests (run as ``python fault_child.py MODE ...``).

Modes:

* ``write PATH SEED`` — add entries for ever; print ``begin <uid>`` before each save and
  ``committed <uid>`` once the save has returned, flushing each line so the parent knows exactly
  what was durable when it kills this process.
* ``fill-disk PATH`` — autosave a draft (the drafts repository) and save an entry, then cap the size of files this process may
  write (RLIMIT_FSIZE) and try to save a large entry, a draft and a backup; print one JSON line
  saying what each attempt raised.
* ``second PATH`` — start the unlock screen as a second instance would and try to open the
  journal; print the message shown.

The passphrase comes from the ``RJ_PASSPHRASE`` environment variable.
"""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from resilience_journal.domain.reflection import Answer, Reflection  # noqa: E402
from resilience_journal.storage import Journal  # noqa: E402

PASSPHRASE = os.environ.get("RJ_PASSPHRASE", "")


def _entry(journal: Journal, rng: random.Random, size: int) -> Reflection:
    words = ["visit", "kitchen", "court", "phone", "tired", "steady", "walk", "supervisor", "relief"]
    text = " ".join(rng.choice(words) for _ in range(size))
    return Reflection(
        occurred_at=journal.clock.now() - timedelta(minutes=1),
        activity_kind=rng.choice(["Home visit", "Court", "Duty"]),
        stress=rng.randint(0, 10),
        text=text,
        emotions=("Tense",),
        answers=(Answer("what", "What happened?", text[:200]),),
        tags=(f"t{rng.randint(0, 5)}",),
    )


def write_forever(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    journal = Journal.open(path, PASSPHRASE)
    while True:
        r = _entry(journal, rng, rng.choice([5, 50, 2000]))
        print("begin", r.uid, flush=True)
        journal.reflections.add(r)
        print("committed", r.uid, flush=True)


def fill_disk(path: Path) -> None:
    import resource
    import signal

    from resilience_journal.storage import backups

    rng = random.Random(7)
    journal = Journal.open(path, PASSPHRASE)
    journal.drafts.save("reflection:new", {"text": "the draft before the disk filled"})
    saved = journal.reflections.add(_entry(journal, rng, 5))
    journal.checkpoint()
    # Without this, exceeding the limit kills the process (SIGXFSZ) instead of failing the write.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    # Half the journal's size: enough for small writes, too little for a big entry or a backup.
    limit = path.stat().st_size // 2
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    outcome = {"saved_before": saved.uid}

    def attempt(name: str, action) -> None:
        try:
            action()
            outcome[name] = "ok"
        except Exception as exc:  # reported to the parent, which checks the type
            outcome[name] = type(exc).__name__

    attempt("entry", lambda: journal.reflections.add(_entry(journal, rng, 12_000)))

    def save_bigger_draft() -> None:
        journal.drafts.save("reflection:new", {"text": "x" * 400_000})

    attempt("draft", save_bigger_draft)
    attempt("backup", lambda: backups.verified_backup(journal, path.parent / "backups" / "full.db"))
    # Still usable for reading after the failures:
    outcome["count_after"] = journal.reflections.count()
    print(json.dumps(outcome), flush=True)
    journal.close()


def second_instance(path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from resilience_journal.domain.clock import SystemClock
    from resilience_journal.ui.access import UnlockScreen

    app = QApplication([])
    screen = UnlockScreen(path, SystemClock())
    opened = []
    screen.unlocked.connect(opened.append)
    screen.field.setText(PASSPHRASE)
    screen.unlock()
    print(json.dumps({"opened": bool(opened), "message": screen.message.text()}), flush=True)
    for journal in opened:
        journal.close()
    app.quit()


if __name__ == "__main__":
    mode, journal_path = sys.argv[1], Path(sys.argv[2])
    if mode == "write":
        write_forever(journal_path, int(sys.argv[3]))
    elif mode == "fill-disk":
        fill_disk(journal_path)
    elif mode == "second":
        second_instance(journal_path)
    else:
        raise SystemExit(f"unknown mode {mode}")
