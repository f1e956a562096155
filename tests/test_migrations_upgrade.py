"""A journal full of data at every earlier schema version upgrades without losing anything,
after a backup copy; a migration that fails leaves the journal as it was."""

from __future__ import annotations

import pytest
from every_table import fill_every_table
from support import PASSPHRASE

from resilience_journal.storage import Journal, migrations
from resilience_journal.storage import backups as bk
from resilience_journal.storage.connection import create_connection
from resilience_journal.storage.exchange import export_tables

VERSIONS = [m.version for m in migrations.MIGRATIONS]


def _journal_at(path, clock, version: int) -> Journal:
    create_connection(path, PASSPHRASE).close()  # an empty encrypted file at version 0
    journal = Journal.open(path, PASSPHRASE, clock=clock, target_version=version)
    assert journal.schema_version() == version
    return journal


def _contains(after: dict, before: dict) -> None:
    """Every row that existed before is still there, with the same values in its old columns."""
    for table, rows in before.items():
        assert table in after, f"table {table} disappeared"
        remaining = [dict(r) for r in after[table]]
        for row in rows:
            match = next((r for r in remaining if all(r.get(k) == v for k, v in row.items())), None)
            assert match is not None, f"a row of {table} was lost or changed"
            remaining.remove(match)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_journal_at_each_version_upgrades_without_loss(journal_path, clock, version):
    with _journal_at(journal_path, clock, version) as old:
        fill_every_table(old, clock)
        before = export_tables(old)
        counts = bk.table_counts(old.conn)
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as new:
        assert new.schema_version() == migrations.LATEST
        assert new.query("PRAGMA integrity_check") == [("ok",)]
        _contains(export_tables(new), before)
        copies = sorted(new.backup_dir().glob(f"before-upgrade-v{version}-*.db"))
        if version < migrations.LATEST:
            assert len(copies) == 1
            kept = bk.inspect(new, copies[0])
            assert kept.schema_version == version
            assert kept.counts == counts
        else:
            assert copies == []  # already current: nothing to upgrade, nothing copied


def test_a_failing_migration_leaves_the_journal_as_it_was(journal_path, clock, monkeypatch):
    with _journal_at(journal_path, clock, migrations.LATEST) as j:
        fill_every_table(j, clock)
        before = export_tables(j)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("simulated failure half-way through a migration")

    future = migrations.Migration(migrations.LATEST + 1, "broken", broken)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, future))
    with pytest.raises(RuntimeError):
        Journal.open(journal_path, PASSPHRASE, clock=clock, target_version=future.version)
    monkeypatch.undo()
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
        assert j.schema_version() == migrations.LATEST
        assert "half_done" not in bk.user_tables(j.conn)
        assert export_tables(j) == before
        assert len(list(j.backup_dir().glob(f"before-upgrade-v{migrations.LATEST}-*.db"))) == 1
