"""A journal made by any earlier version of the app opens, upgrades, and keeps every row.

To add a migration: give ``SAMPLE_ROWS`` a writer for the new version that stores rows only that
version could hold; the tests below then build a journal at every version and upgrade it.
"""

from __future__ import annotations

import pytest
from support import PASSPHRASE

from resilience_journal.storage import Journal
from resilience_journal.storage.connection import create_connection
from resilience_journal.storage.migrations import LATEST, MIGRATIONS, current_version, migrate


def _v1_rows(conn) -> None:
    conn.execute(
        "INSERT INTO reflection (uid, occurred_at, local_date, activity_kind, stress, body, created_at, updated_at)"
        " VALUES ('v1-entry', '2025-03-04T10:00:00+00:00', '2025-03-04', 'Home visit', 7, 'made by version 1',"
        " '2025-03-04T10:05:00+00:00', '2025-03-04T10:05:00+00:00')"
    )
    conn.execute("INSERT INTO reflection_emotion VALUES (last_insert_rowid(), 'Tense')")


def _v2_rows(conn) -> None:
    # Version 2 seeded the emotion and strategy lists; a user's own word sits beside them.
    conn.execute(
        "INSERT INTO vocabulary (list, word, grp, position, custom) VALUES ('emotion', 'bruised', 'My own words', 99, 1)"
    )


def _v3_rows(conn) -> None:
    # Version 3 only added a covering index for the Trends page; an entry it indexes must survive.
    conn.execute(
        "INSERT INTO reflection (uid, occurred_at, local_date, activity_kind, stress, created_at, updated_at)"
        " VALUES ('v3-entry', '2025-06-02T15:00:00+01:00', '2025-06-02', 'Court', 9,"
        " '2025-06-02T15:05:00+01:00', '2025-06-02T15:05:00+01:00')"
    )


def _search_key_rows(conn) -> None:
    """m004: the search index row of the version-1 entry, with its key."""
    rid = conn.execute("SELECT id FROM reflection WHERE uid = 'v1-entry'").fetchone()[0]
    cur = conn.execute(
        "INSERT INTO search_index (kind, ref_id, body) VALUES ('reflection', ?, 'made by version 1')", (rid,)
    )
    conn.execute("INSERT INTO search_doc (kind, ref_id, doc) VALUES ('reflection', ?, ?)", (rid, cur.lastrowid))


#: version -> writer of rows that a journal at that version holds.
SAMPLE_ROWS = {1: _v1_rows, 2: _v2_rows, 3: _v3_rows, 4: _search_key_rows}


def make_journal_at(path, version: int) -> None:
    conn = create_connection(path, PASSPHRASE)
    try:
        for v in range(1, version + 1):
            migrate(conn, v)
            conn.execute("BEGIN")
            SAMPLE_ROWS[v](conn)
            conn.execute("COMMIT")
        assert current_version(conn) == version
    finally:
        conn.close()


def test_every_migration_has_sample_rows():
    assert sorted(SAMPLE_ROWS) == [m.version for m in MIGRATIONS]
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1)), "migrations must be numbered 1..N"


@pytest.mark.parametrize("version", [m.version for m in MIGRATIONS])
def test_journal_from_earlier_version_upgrades_without_loss(tmp_path, clock, version):
    path = tmp_path / "journal.db"
    make_journal_at(path, version)
    with Journal.open(path, PASSPHRASE, clock=clock) as j:
        assert j.schema_version() == LATEST
        entry = j.reflections.get_by_uid("v1-entry")
        assert entry is not None and entry.text == "made by version 1" and entry.emotions == ("Tense",)
        backups = list(j.backup_dir().glob("before-upgrade-v*.db")) if j.backup_dir().exists() else []
    # An upgrade first keeps a copy of the old journal; a current journal needs none.
    assert len(backups) == (1 if version < LATEST else 0)
    if backups:
        with Journal.open(backups[0], PASSPHRASE, clock=clock, target_version=version) as old:
            assert old.schema_version() == version


def test_a_failing_migration_leaves_the_journal_at_its_old_version(tmp_path, monkeypatch):
    from resilience_journal.storage import migrations

    path = tmp_path / "journal.db"
    conn = create_connection(path, PASSPHRASE)

    def broken(c):
        c.execute("CREATE TABLE half_done(x)")
        raise RuntimeError("disk said no")

    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.Migration(1, "broken", broken),))
    with pytest.raises(RuntimeError):
        migrations.migrate(conn, 1)
    assert current_version(conn) == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    conn.close()


def test_a_journal_from_a_newer_app_is_refused_untouched(tmp_path, clock):
    from resilience_journal.storage.errors import JournalTooNew

    path = tmp_path / "journal.db"
    make_journal_at(path, LATEST)
    from resilience_journal.storage.connection import open_connection

    c = open_connection(path, PASSPHRASE)
    c.execute(f"PRAGMA user_version = {LATEST + 1}")
    c.close()
    before = path.read_bytes()
    with pytest.raises(JournalTooNew):
        Journal.open(path, PASSPHRASE, clock=clock)
    assert path.read_bytes() == before
