"""Schema migrations, numbered and applied in order.

Each migration runs inside one transaction together with the ``PRAGMA user_version`` bump, so a
journal is always at exactly one version.  To change the schema, add ``mNNN_what.py`` with
``NAME`` and ``apply(conn)`` and list it in ``MIGRATIONS``; ``tests/test_migrations.py``
then upgrades a journal made at every earlier version (add sample rows for yours there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from resilience_journal.storage.migrations import (
    m001_initial,
    m002_reflection_vocabularies,
    m003_trend_indexes,
    m004_search_key,
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable


#: Every migration, oldest first; version N turns a journal at N-1 into one at N.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, m001_initial.NAME, m001_initial.apply),
    Migration(2, m002_reflection_vocabularies.NAME, m002_reflection_vocabularies.apply),
    Migration(3, m003_trend_indexes.NAME, m003_trend_indexes.apply),
    Migration(4, m004_search_key.NAME, m004_search_key.apply),
)

#: The schema version this code reads and writes.
LATEST = MIGRATIONS[-1].version


def current_version(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn, target: int = LATEST) -> list[int]:
    """Bring the database up to ``target``; return the versions applied."""
    applied = []
    for m in MIGRATIONS:
        if current_version(conn) >= m.version or m.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            m.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(m.version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(m.version)
    return applied
