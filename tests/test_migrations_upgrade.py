"""Upgrades with a row in every table: nothing is lost, the copy taken first holds everything,
and a migration that fails half-way through ``Journal.open`` leaves the journal as it was.

(``test_migrations.py`` checks each version's own sample rows; this file fills every table.)"""

from __future__ import annotations

import pytest
from every_table import fill_every_table
from support import PASSPHRASE
from test_migrations import make_journal_at

from resilience_journal.storage import Journal, migrations
from resilience_journal.storage import backups as bk
from resilience_journal.storage.exchange import export_tables

VERSIONS = [m.version for m in migrations.MIGRATIONS]


def _journal_at(path, clock, version: int) -> Journal:
    """A journal at ``version`` holding the sample rows of test_migrations plus a row in every table."""
    make_journal_at(path, version)
    journal = Journal.open(path, PASSPHRASE, clock=clock, target_version=version)
    assert journal.schema_version() == version
    fill_every_table(journal, clock)
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


def test_a_migration_failing_during_open_leaves_journal_and_data_as_they_were(journal_path, clock, monkeypatch):
    with _journal_at(journal_path, clock, migrations.LATEST) as j:
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
