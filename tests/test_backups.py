"""Backups a practitioner can trust: verified before kept, daily, pruned, listed and restorable."""

from __future__ import annotations

import stat
from datetime import timedelta

import pytest
from support import PASSPHRASE, file_bytes

from resilience_journal.domain.reflection import Reflection
from resilience_journal.storage import BackupInvalid, Journal, WrongPassphrase
from resilience_journal.storage import backups as bk

NEW_PASSPHRASE = "a completely different passphrase"


def _add(journal, clock, text: str, n: int = 1) -> None:
    for i in range(n):
        journal.reflections.add(
            Reflection(occurred_at=clock.now() - timedelta(hours=1), activity_kind="Duty", stress=4, text=f"{text} {i}")
        )


def _texts(journal) -> set[str]:
    return {r.text for r in journal.reflections.recent(1000)}


def test_verified_backup_is_private_encrypted_and_complete(journal, clock, tmp_path):
    _add(journal, clock, "backed up", 3)
    info = bk.verified_backup(journal, tmp_path / "chosen" / "copy.db")
    assert info.path.is_file()
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert b"backed up" not in info.path.read_bytes()
    assert info.counts["reflection"] == 3
    assert dict(info.summary_counts())["reflections"] == 3
    with Journal.open(info.path, PASSPHRASE, clock=clock) as copy:
        assert _texts(copy) == _texts(journal)
    assert not list((tmp_path / "chosen").glob(".unverified-*"))


def test_a_copy_that_fails_its_checks_is_not_kept(journal, clock, tmp_path, monkeypatch):
    _add(journal, clock, "entry", 2)
    real_backup = Journal.backup

    def truncated_backup(self, dest, **options):
        out = real_backup(self, dest, **options)
        data = out.read_bytes()
        out.write_bytes(data[: len(data) // 2])  # half a database: pages missing
        return out

    monkeypatch.setattr(Journal, "backup", truncated_backup)
    dest = tmp_path / "out" / "copy.db"
    with pytest.raises(BackupInvalid):
        bk.verified_backup(journal, dest)
    assert not dest.exists()
    assert list((tmp_path / "out").iterdir()) == []


def test_automatic_backup_once_a_day_and_only_the_newest_are_kept(journal, clock):
    bk.set_keep_count(journal, 3)
    assert bk.backup_if_due(journal) is not None
    assert bk.backup_if_due(journal) is None  # same day: nothing new
    for _ in range(5):
        clock.advance(days=1)
        _add(journal, clock, "day")
        assert bk.backup_if_due(journal) is not None
    autos = bk.automatic_backups(journal)
    assert len(autos) == 3
    newest = bk.inspect(journal, autos[-1])
    assert newest.counts["reflection"] == 5
    assert newest.made_at.date() == clock.now().date()


def test_keep_count_refuses_nonsense(journal):
    for bad in (0, -1, 1000, True):
        with pytest.raises(ValueError):
            bk.set_keep_count(journal, bad)
    assert bk.keep_count(journal) == bk.DEFAULT_KEEP


def test_list_shows_counts_and_marks_backups_with_an_older_passphrase(journal, clock):
    _add(journal, clock, "before change", 2)
    bk.backup_if_due(journal)
    journal.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    clock.advance(days=1)
    _add(journal, clock, "after change")
    bk.backup_if_due(journal)
    listed = bk.list_backups(journal)
    assert len(listed) == 2
    newest, oldest = listed
    assert isinstance(newest, bk.BackupInfo) and newest.counts["reflection"] == 3
    assert isinstance(oldest, bk.LockedBackup)
    assert bk.inspect(journal, oldest.path, PASSPHRASE).counts["reflection"] == 2
    with pytest.raises(WrongPassphrase):
        bk.inspect(journal, oldest.path, "not the one")


def test_restore_replaces_content_and_keeps_a_safety_copy(journal, clock):
    _add(journal, clock, "old entry", 2)
    saved = bk.backup_if_due(journal)
    _add(journal, clock, "written after the backup", 3)
    safety = bk.restore(journal, saved.path, PASSPHRASE)
    assert _texts(journal) == {"old entry 0", "old entry 1"}
    assert safety.counts["reflection"] == 5
    _add(journal, clock, "still writable")  # the same Journal object goes on working
    journal.close()
    with Journal.open(journal.path, PASSPHRASE, clock=clock) as again:
        assert len(_texts(again)) == 3
    with Journal.open(safety.path, PASSPHRASE, clock=clock) as kept:
        assert "written after the backup 2" in _texts(kept)


def test_restore_of_a_backup_made_with_an_older_passphrase_rekeys_it(journal, clock):
    _add(journal, clock, "under the old passphrase")
    saved = bk.backup_if_due(journal)
    journal.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        bk.restore(journal, saved.path, NEW_PASSPHRASE)  # its own passphrase was not given
    bk.restore(journal, saved.path, NEW_PASSPHRASE, backup_passphrase=PASSPHRASE)
    journal.close()
    with Journal.open(journal.path, NEW_PASSPHRASE, clock=clock) as j:
        assert _texts(j) == {"under the old passphrase 0"}
    with pytest.raises(WrongPassphrase):
        Journal.open(journal.path, PASSPHRASE, clock=clock)


def test_restore_with_the_wrong_current_passphrase_changes_nothing(journal, clock):
    _add(journal, clock, "keep me")
    saved = bk.backup_if_due(journal)
    _add(journal, clock, "and me")
    journal.checkpoint()
    before = file_bytes(journal.path)
    with pytest.raises(WrongPassphrase):
        bk.restore(journal, saved.path, "wrong passphrase entirely")
    assert file_bytes(journal.path) == before
    assert len(_texts(journal)) == 2


def test_a_damaged_backup_is_refused_before_anything_changes(journal, clock, tmp_path):
    _add(journal, clock, "safe")
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"\x00" * 4096 * 3)
    with pytest.raises((BackupInvalid, WrongPassphrase)):
        bk.restore(journal, damaged, PASSPHRASE)
    half = tmp_path / "half.db"
    good = bk.verified_backup(journal, tmp_path / "good.db")
    half.write_bytes(good.path.read_bytes()[:5000])
    with pytest.raises(BackupInvalid):
        bk.inspect(journal, half)
    assert _texts(journal) == {"safe 0"}
    assert not list(journal.backup_dir().glob("before-restore-*"))
