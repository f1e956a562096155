"""The search index stays exact while it is keyed for speed (migration m004, ``storage/search_index.py``).

Saving, editing, trashing, restoring and purging must leave exactly one index row per live entry,
so a search never finds words an entry no longer contains, and a journal made before that migration
is upgraded with its index intact.
"""

from __future__ import annotations

from datetime import timedelta

from support import PASSPHRASE

from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.storage import Journal, migrations
from resilience_journal.storage.connection import create_connection


def _add(j: Journal, clock, text: str) -> Reflection:
    return j.reflections.add(
        Reflection(occurred_at=clock.now() - timedelta(hours=1), activity_kind="Home visit", stress=5, text=text)
    )


def _index_rows(j: Journal) -> int:
    return j.query("SELECT count(*) FROM search_index")[0][0]


def _keys(j: Journal) -> int:
    return j.query("SELECT count(*) FROM search_doc")[0][0]


def test_editing_replaces_the_searchable_text(journal, clock):
    r = _add(journal, clock, "The kettle was broken")
    _add(journal, clock, "Another visit entirely")
    journal.reflections.update(Reflection(**{**r.__dict__, "text": "The boiler was fixed"}))
    assert journal.reflections.search("kettle") == []
    assert [x.id for x in journal.reflections.search("boiler")] == [r.id]
    assert _index_rows(journal) == _keys(journal) == 2


def test_trash_restore_and_purge_keep_index_and_keys_in_step(journal, clock):
    r = _add(journal, clock, "Meeting at the allotment")
    journal.reflections.delete(r.id)
    assert journal.reflections.search("allotment") == []
    assert _index_rows(journal) == _keys(journal) == 0
    journal.reflections.restore(r.id)
    assert [x.id for x in journal.reflections.search("allotment")] == [r.id]
    assert _index_rows(journal) == _keys(journal) == 1
    journal.reflections.purge(r.id)
    assert journal.reflections.search("allotment") == []
    assert _index_rows(journal) == _keys(journal) == 0


def test_restoring_an_entry_with_answers_brings_it_back_whole(journal, clock):
    r = journal.reflections.add(
        Reflection(
            occurred_at=clock.now() - timedelta(hours=1),
            activity_kind="Court",
            stress=7,
            emotions=("Tense",),
            answers=(Answer("what", "What happened?", "Cross-examined about the chronology"),),
        )
    )
    journal.reflections.delete(r.id)
    journal.reflections.restore(r.id)
    back = journal.reflections.get(r.id)
    assert back is not None and back.answers == r.answers and back.emotions == ("Tense",)
    assert [x.id for x in journal.reflections.search("chronology")] == [r.id]


def test_a_journal_from_before_the_search_key_keeps_its_index_and_edits_replace_it(journal_path, clock):
    # Build a journal at schema 1 by hand, the way the old code wrote an entry and its index row.
    conn = create_connection(journal_path, PASSPHRASE)
    migrations.migrate(conn, 1)
    stamp = clock.now().isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO reflection (uid, occurred_at, local_date, activity_kind, stress, body, created_at, updated_at)"
        " VALUES ('u1', ?, ?, 'Court', 7, 'Waiting outside the tribunal', ?, ?)",
        (stamp, clock.now().date().isoformat(), stamp, stamp),
    )
    conn.execute(
        "INSERT INTO search_index (kind, ref_id, body) VALUES ('reflection', 1, 'Court\nWaiting outside the tribunal')"
    )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()

    with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
        assert migrations.current_version(j.conn) == migrations.LATEST
        [old] = j.reflections.search("tribunal")
        j.reflections.update(Reflection(**{**old.__dict__, "text": "Waiting outside the courtroom"}))
        assert j.reflections.search("tribunal") == []
        assert [x.id for x in j.reflections.search("courtroom")] == [old.id]
        assert _index_rows(j) == _keys(j) == 1
