"""Cancelling long work leaves nothing behind; past the point of no return it finishes.

Every cancel here is deterministic: a progress callback (or a counting token) cancels at a
chosen step.  No sleeps, no timing.
"""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from support import PASSPHRASE

from resilience_journal.domain.progress import Cancelled, CancelToken
from resilience_journal.domain.reflection import Reflection
from resilience_journal.exchange.files import save_csv_export, save_json_export
from resilience_journal.export import files as export_files
from resilience_journal.storage import Journal, JournalLocked, connection
from resilience_journal.storage import backups as bk
from resilience_journal.storage.exchange import ROWS_PER_STEP, export_json, import_file_text
from resilience_journal.storage.journal import PASSPHRASE_STEPS

NEW_PASSPHRASE = "seven orange kites over Leeds"


def _add(journal, clock, text: str, n: int = 1) -> None:
    with journal.transaction():
        for i in range(n):
            journal.reflections.add(
                Reflection(
                    occurred_at=clock.now() - timedelta(hours=1), activity_kind="Duty", stress=4, text=f"{text} {i}"
                )
            )


def cancel_at(token: CancelToken, when):
    """A progress callback that cancels ``token`` the first time ``when(done, total)`` is true."""
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if when(done, total):
            token.cancel()

    progress.seen = seen
    return progress


class CancelOnCheck(CancelToken):
    """Cancels itself at its ``n``-th check (between rows, chunks or files)."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n, self.checks = n, 0

    def check(self) -> None:
        self.checks += 1
        if self.checks == self.n:
            self.cancel()
        super().check()


def _listing(folder):
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


# --- export -----------------------------------------------------------------------------------


def test_a_json_export_cancelled_between_rows_writes_nothing_and_records_nothing(journal, clock, tmp_path):
    _add(journal, clock, "entry", 3 * ROWS_PER_STEP)
    counts = bk.table_counts(journal.conn)
    out = tmp_path / "out"
    out.mkdir()
    token = CancelToken()
    progress = cancel_at(token, lambda done, total: done >= 2 * ROWS_PER_STEP)
    with pytest.raises(Cancelled):
        save_json_export(journal, out / "export.json", token=token, progress=progress)
    assert _listing(out) == []  # neither the file nor a temporary one
    assert bk.table_counts(journal.conn) == counts  # no share record either
    total = progress.seen[-1][1]
    assert progress.seen[0] == (0, total) and total > 3 * ROWS_PER_STEP  # a determinate count of rows


def test_a_file_write_cancelled_between_chunks_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    monkeypatch.setattr(export_files, "WRITE_CHUNK", 4)
    target = tmp_path / "summary.md"
    target.write_bytes(b"the old file")
    with pytest.raises(Cancelled):
        export_files.write_private_file(target, b"x" * 40, token=CancelOnCheck(3))
    assert target.read_bytes() == b"the old file"
    assert _listing(tmp_path) == ["summary.md"]
    fresh = tmp_path / "fresh.md"
    with pytest.raises(Cancelled):
        export_files.write_private_file(fresh, b"x" * 40, token=CancelOnCheck(2))
    assert _listing(tmp_path) == ["summary.md"]


@pytest.mark.parametrize("where", ["reading rows", "writing the last file"])
def test_a_csv_export_cancelled_leaves_no_file_and_removes_the_folder_it_made(journal, clock, tmp_path, where):
    _add(journal, clock, "entry", 2 * ROWS_PER_STEP)
    counting = CancelOnCheck(0)  # never cancels: counts how many checks a whole export makes
    save_csv_export(journal, tmp_path / "dry-run", token=counting)
    checks = counting.checks
    counts = bk.table_counts(journal.conn)
    folder = tmp_path / "new" / "csv"
    token = CancelOnCheck(2 if where == "reading rows" else checks)
    with pytest.raises(Cancelled):
        save_csv_export(journal, folder, token=token)
    assert not (tmp_path / "new").exists()
    assert bk.table_counts(journal.conn) == counts
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "reflection.csv").write_text("old")
    with pytest.raises(Cancelled):
        save_csv_export(journal, kept, token=CancelOnCheck(2 if where == "reading rows" else checks))
    assert _listing(kept) == ["reflection.csv"] and (kept / "reflection.csv").read_text() == "old"


# --- import -----------------------------------------------------------------------------------


def _exported_text(clock, tmp_path, n: int) -> str:
    source = Journal.create(tmp_path / "source" / "journal.db", PASSPHRASE, clock=clock)
    try:
        _add(source, clock, "imported", n)
        return export_json(source)
    finally:
        source.close()


@pytest.mark.parametrize("cancel_when", ["part-way", "at the last row"])
def test_an_import_cancelled_is_rolled_back_entirely(journal, clock, tmp_path, cancel_when):
    text = _exported_text(clock, tmp_path, 3 * ROWS_PER_STEP)
    _add(journal, clock, "mine", 2)
    journal.checkpoint()
    counts = bk.table_counts(journal.conn)
    token = CancelToken()
    if cancel_when == "part-way":
        progress = cancel_at(token, lambda done, total: done >= ROWS_PER_STEP)
    else:
        progress = cancel_at(token, lambda done, total: done == total)
    with pytest.raises(Cancelled):
        import_file_text(journal, text, token=token, progress=progress)
    assert bk.table_counts(journal.conn) == counts
    assert not journal.reflections.search("imported")
    # The same file imports completely afterwards.
    report = import_file_text(journal, text)
    assert report.added["reflection"] == 3 * ROWS_PER_STEP


def test_a_jrnl_import_cancelled_adds_nothing(journal, clock):
    entries = [
        {"title": f"Entry {i}.", "body": "", "date": "2026-11-01", "time": "10:00", "tags": [], "starred": False}
        for i in range(2 * ROWS_PER_STEP)
    ]
    token = CancelToken()
    with pytest.raises(Cancelled):
        import_file_text(
            journal,
            json.dumps({"entries": entries}),
            token=token,
            progress=cancel_at(token, lambda done, total: done >= ROWS_PER_STEP),
        )
    assert journal.reflections.count() == 0


# --- backup -----------------------------------------------------------------------------------


@pytest.mark.parametrize("at_step", [0, 1, 2])
def test_a_backup_cancelled_leaves_no_half_backup(journal, clock, at_step):
    _add(journal, clock, "entry", 5)
    folder = journal.backup_dir()
    bk.verified_backup(journal, folder / "earlier.db")
    before = _listing(folder)
    token = CancelToken()
    progress = cancel_at(token, lambda done, total: done == at_step)
    with pytest.raises(Cancelled):
        bk.verified_backup(journal, folder / "by-hand.db", token=token, progress=progress)
    assert _listing(folder) == before
    assert progress.seen[-1] == (at_step, None)  # a busy indicator: the length is not known


def test_a_backup_cancelled_in_the_middle_of_the_copy_stops_the_copy(journal, clock, monkeypatch):
    """SQLite itself is interrupted part-way through VACUUM INTO when the token is cancelled."""
    _add(journal, clock, "entry", 50)
    monkeypatch.setattr(connection, "INTERRUPT_EVERY", 1)
    folder = journal.backup_dir()
    folder.mkdir(parents=True, exist_ok=True)

    class CancelledWhileCopying(CancelToken):
        looks = 0

        @property
        def cancelled(self) -> bool:
            self.looks += 1
            return self.looks > 5  # SQLite's handler asks: cancelled during the statement

    token = CancelledWhileCopying()
    with pytest.raises(Cancelled):
        journal.backup(folder / "copy.db", token=token)
    assert token.looks > 5
    assert _listing(folder) == []
    assert journal.reflections.count() == 50  # the connection is fine afterwards


# --- restore ----------------------------------------------------------------------------------


def _restore_setup(journal, clock):
    _add(journal, clock, "in the backup", 2)
    saved = bk.verified_backup(journal, journal.backup_dir() / "auto-20261120-090000.db")
    _add(journal, clock, "only now", 3)
    journal.checkpoint()
    return saved


@pytest.mark.parametrize("at_step", range(bk.RESTORE_STEPS))
def test_a_restore_cancelled_before_the_point_of_no_return_changes_nothing(journal, journal_path, clock, at_step):
    saved = _restore_setup(journal, clock)
    before = journal_path.read_bytes()
    backups_before = _listing(journal.backup_dir())
    folder_before = _listing(journal_path.parent)
    token = CancelToken()
    progress = cancel_at(token, lambda done, total: done == at_step)
    with pytest.raises(Cancelled):
        bk.restore(journal, saved.path, PASSPHRASE, token=token, progress=progress)
    assert progress.seen[-1] == (at_step, bk.RESTORE_STEPS)
    assert _listing(journal.backup_dir()) == backups_before  # not even the safety copy is left
    assert _listing(journal_path.parent) == folder_before  # no prepared copy either
    assert journal.reflections.count() == 5
    journal.close()
    assert journal_path.read_bytes() == before
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as reopened:
        assert reopened.reflections.count() == 5


def test_a_restore_past_the_point_of_no_return_finishes(journal, clock):
    saved = _restore_setup(journal, clock)
    answers = []
    token = CancelToken(on_no_return=lambda: answers.append(token.cancel()))
    safety = bk.restore(journal, saved.path, PASSPHRASE, token=token)
    assert answers == [False]  # Cancel came too late, and was refused
    assert journal.reflections.count() == 2
    assert safety.path.is_file() and safety.counts["reflection"] == 5


def _could_close(journal) -> bool:
    """From another thread, as the window's lock would: could the journal be closed right now?"""
    answer = []

    def probe() -> None:
        got = journal._lock.acquire(blocking=False)
        if got:
            journal._lock.release()
        answer.append(got)

    thread = threading.Thread(target=probe)
    thread.start()
    thread.join()
    return answer[0]


def test_locking_waits_while_a_restore_goes_from_its_point_of_no_return_to_the_swap(journal, journal_path, clock):
    """Otherwise a lock landing there closes the journal under the swap: the restore, promised
    to finish, is dropped and its safety copy is left behind."""
    saved = _restore_setup(journal, clock)
    could_close = []
    token = CancelToken(on_no_return=lambda: could_close.append(_could_close(journal)))
    bk.restore(journal, saved.path, PASSPHRASE, token=token)
    assert could_close == [False]
    assert journal.reflections.count() == 2
    journal.close()
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as reopened:
        assert reopened.reflections.count() == 2


def test_a_restore_whose_journal_is_locked_just_before_the_point_of_no_return_leaves_nothing(
    journal, journal_path, clock
):
    saved = _restore_setup(journal, clock)
    backups_before = _listing(journal.backup_dir())
    folder_before = _listing(journal_path.parent)

    def lock_at_last_step(done, total):
        if done == bk.RESTORE_STEPS - 1:
            journal.close()  # the window locked while the copy was being prepared

    with pytest.raises(JournalLocked):
        bk.restore(journal, saved.path, PASSPHRASE, progress=lock_at_last_step)
    assert _listing(journal.backup_dir()) == backups_before  # no safety copy left behind
    open_only = {"journal.db-wal", "journal.db-shm"}  # an open journal's; closing removes them
    assert set(_listing(journal_path.parent)) == set(folder_before) - open_only  # no prepared copy
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as reopened:
        assert reopened.reflections.count() == 5


def test_locking_waits_while_an_export_takes_its_name_and_is_recorded(journal, clock, tmp_path):
    _add(journal, clock, "exported", 3)
    could_close = []
    token = CancelToken(on_no_return=lambda: could_close.append(_could_close(journal)))
    save_json_export(journal, tmp_path / "all.json", token=token)
    assert could_close == [False]
    assert [r.file_name for r in journal.supervision.share_records()] == ["all.json"]


def test_the_journal_is_held_only_while_the_file_takes_its_name_not_while_it_is_written(journal, tmp_path):
    """Writing a large export can take seconds on a slow disk; the window's own journal calls
    (an autosaved draft, say) must not wait for it, only for the rename and the record."""

    class Probe(CancelToken):
        def __init__(self) -> None:
            super().__init__(on_no_return=lambda: self.at_rename.append(_could_close(journal)))
            self.while_writing: list[bool] = []
            self.at_rename: list[bool] = []

        def check(self) -> None:  # between chunks of the write
            self.while_writing.append(_could_close(journal))
            super().check()

    token, recorded = Probe(), []
    data = b"x" * (3 * export_files.WRITE_CHUNK)
    landing = export_files.Landing(journal.kept_open, recorded.extend)
    export_files.write_private_file(tmp_path / "big.json", data, token=token, landing=landing)
    assert len(token.while_writing) >= 3 and all(token.while_writing)
    assert token.at_rename == [False] and recorded == [tmp_path / "big.json"]


def test_an_export_whose_journal_is_locked_before_it_is_written_writes_nothing(journal, clock, tmp_path, monkeypatch):
    from resilience_journal.exchange import files

    _add(journal, clock, "exported", 3)
    read = files.export_json

    def read_then_lock(j, **kwargs):
        text = read(j, **kwargs)
        j.close()  # the window locked as the last row was read
        return text

    monkeypatch.setattr(files, "export_json", read_then_lock)
    out = tmp_path / "exports"
    out.mkdir()
    with pytest.raises(JournalLocked):
        save_json_export(journal, out / "all.json")
    assert _listing(out) == []


# --- change of passphrase --------------------------------------------------------------------


@pytest.mark.parametrize("at_step", [0, 1])
def test_a_passphrase_change_cancelled_before_the_point_of_no_return_changes_nothing(
    journal, journal_path, clock, at_step
):
    _add(journal, clock, "entry", 3)
    journal.checkpoint()
    before = journal_path.read_bytes()
    token = CancelToken()
    progress = cancel_at(token, lambda done, total: done == at_step)
    with pytest.raises(Cancelled):
        journal.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, token=token, progress=progress)
    assert progress.seen[-1] == (at_step, PASSPHRASE_STEPS)
    assert not token.past_no_return
    journal.close()
    assert journal_path.read_bytes() == before
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as reopened:
        assert reopened.reflections.count() == 3


def test_a_passphrase_change_past_the_point_of_no_return_finishes(journal, journal_path, clock):
    _add(journal, clock, "entry", 3)
    token = CancelToken()
    refused = []
    progress = cancel_at(token, lambda done, total: done == 2)

    def watching(done, total):
        progress(done, total)
        if done == 2:
            refused.append(not token.cancelled)

    journal.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, token=token, progress=watching)
    assert refused == [True] and token.past_no_return
    journal.close()
    with Journal.open(journal_path, NEW_PASSPHRASE, clock=clock) as reopened:
        assert reopened.reflections.count() == 3
