"""The encrypted storage core: what a practitioner relies on without ever seeing it."""

from __future__ import annotations

import os
import stat
from datetime import timedelta

import pytest
from support import PASSPHRASE, file_bytes, journal_files

from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.storage import Journal
from resilience_journal.storage.errors import (
    JournalDamaged,
    JournalExists,
    JournalInUse,
    JournalMissing,
    WrongPassphrase,
)

MARKER = "Marker sentence: the grandmother hid the letters under the blue teapot."


def _entry(clock, **kw) -> Reflection:
    base = dict(occurred_at=clock.now() - timedelta(hours=1), activity_kind="Home visit", stress=6, text=MARKER)
    base.update(kw)
    return Reflection(**base)


def test_round_trip_keeps_every_field(journal_path, clock):
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        saved = j.reflections.add(
            _entry(
                clock,
                case_label="AB",
                emotions=("Sad", "Tense"),
                safety_concern=True,
                safety_note="Dog loose in the hallway",
                template_id="driscoll",
                answers=(Answer("what", "What happened?", "Long visit"),),
                tags=("court",),
                for_supervision=True,
            )
        )
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
        got = j.reflections.get(saved.id)
    assert got is not None
    assert got.text == MARKER
    assert got.stress == 6
    assert got.emotions == ("Sad", "Tense")
    assert got.safety_concern and got.safety_note == "Dog loose in the hallway"
    assert got.answers[0].text == "Long visit"
    assert got.tags == ("court",)
    assert got.for_supervision
    assert got.uid == saved.uid


def test_create_refuses_to_overwrite(journal_path, clock):
    Journal.create(journal_path, PASSPHRASE, clock=clock).close()
    before = journal_path.read_bytes()
    with pytest.raises(JournalExists):
        Journal.create(journal_path, "another long passphrase", clock=clock)
    assert journal_path.read_bytes() == before


def test_wrong_passphrase_raises_and_leaves_file_byte_identical(journal_path, clock):
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        j.reflections.add(_entry(clock))
    before = {p.name: p.read_bytes() for p in journal_files(journal_path)}
    mtime = journal_path.stat().st_mtime_ns
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Journal.open(journal_path, "not the passphrase at all", clock=clock)
    after = {p.name: p.read_bytes() for p in journal_files(journal_path)}
    assert after == before
    assert journal_path.stat().st_mtime_ns == mtime
    # ...and the right passphrase still works afterwards.
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
        assert j.reflections.count() == 1


def test_no_plaintext_in_any_journal_file(journal_path, clock):
    j = Journal.create(journal_path, PASSPHRASE, clock=clock)
    j.reflections.add(_entry(clock, case_label="Teapot family"))
    # While open (WAL not yet checkpointed) and after closing.
    for chunk in (MARKER[:30], "blue teapot", "Teapot family"):
        assert chunk.encode() not in file_bytes(journal_path)
        assert chunk.encode("utf-16-le") not in file_bytes(journal_path)
    j.close()
    data = file_bytes(journal_path)
    assert b"blue teapot" not in data
    assert not data.startswith(b"SQLite format 3")


def test_deleted_then_purged_text_leaves_no_trace(journal_path, clock):
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        r = j.reflections.add(_entry(clock))
        j.reflections.delete(r.id)
        j.reflections.purge(r.id)
        assert j.reflections.get(r.id, include_deleted=True) is None
        assert j.reflections.search("teapot") == []


def test_files_and_folder_are_private(journal_path, clock):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        j.reflections.add(_entry(clock))
        for p in journal_files(journal_path):
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    assert stat.S_IMODE(journal_path.parent.stat().st_mode) == 0o700


def test_change_passphrase_then_only_new_one_opens(journal_path, clock):
    new = "a completely different passphrase"
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        j.reflections.add(_entry(clock))
        j.change_passphrase(PASSPHRASE, new)
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_path, PASSPHRASE, clock=clock)
    with Journal.open(journal_path, new, clock=clock) as j:
        assert j.reflections.recent()[0].text == MARKER


def test_change_passphrase_with_wrong_old_one_changes_nothing(journal_path, clock):
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j, pytest.raises(WrongPassphrase):
        j.change_passphrase("this is not the old one", "a completely different passphrase")
    Journal.open(journal_path, PASSPHRASE, clock=clock).close()


def test_backup_is_encrypted_and_holds_the_same_entries(journal_path, clock, tmp_path):
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        for stress in range(5):
            j.reflections.add(_entry(clock, stress=stress))
        dest = j.backup(tmp_path / "copies" / "copy.db")
    assert b"blue teapot" not in dest.read_bytes()
    with Journal.open(dest, PASSPHRASE, clock=clock) as b:
        assert sorted(r.stress for r in b.reflections.recent()) == [0, 1, 2, 3, 4]
    with pytest.raises(WrongPassphrase):
        Journal.open(dest, "not the passphrase at all", clock=clock)


def test_second_instance_is_refused_and_first_keeps_working(journal_path, clock):
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        with pytest.raises(JournalInUse):
            Journal.open(journal_path, PASSPHRASE, clock=clock)
        j.reflections.add(_entry(clock))
        assert j.reflections.count() == 1
    # Once closed, it opens normally.
    Journal.open(journal_path, PASSPHRASE, clock=clock).close()


def test_missing_file_is_reported(tmp_path, clock):
    with pytest.raises(JournalMissing):
        Journal.open(tmp_path / "nowhere.db", PASSPHRASE, clock=clock)


@pytest.mark.parametrize(
    "content",
    [b"SQLite format 3\x00" + b"\x00" * 4080, b"just some text, not a journal", b""],
    ids=["plain-sqlite", "text", "empty"],
)
def test_not_a_journal_is_reported_as_damaged_not_wrong_passphrase(tmp_path, clock, content):
    path = tmp_path / "journal.db"
    path.write_bytes(content)
    with pytest.raises(JournalDamaged):
        Journal.open(path, PASSPHRASE, clock=clock)
    assert path.read_bytes() == content


def test_search_finds_words_by_prefix(journal, clock):
    journal.reflections.add(_entry(clock, text="Talked about the school meeting"))
    journal.reflections.add(_entry(clock, text="Nothing to do with it"))
    assert [r.text for r in journal.reflections.search("scho")] == ["Talked about the school meeting"]


def test_recent_is_newest_first(journal, clock):
    for hours in (5, 1, 3):
        journal.reflections.add(_entry(clock, occurred_at=clock.now() - timedelta(hours=hours)))
    times = [r.occurred_at for r in journal.reflections.recent()]
    assert times == sorted(times, reverse=True)
