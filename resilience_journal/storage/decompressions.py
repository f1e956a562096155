"""Reading and writing decompressions (what helped after a visit), for the log, trends and supervision."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from resilience_journal.domain.decompression import STRATEGY_LIST, Decompression, validate_decompression
from resilience_journal.domain.ids import DecompressionId, ReflectionId, Uid
from resilience_journal.storage import search_index
from resilience_journal.storage.convert import dt_from_db, dt_to_db

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal

_COLUMNS = (
    "id, uid, reflection_id, strategy, exercise, occurred_at, minutes, stress_before, stress_after, note,"
    " created_at, updated_at"
)


#: The decompression columns the user's edits set, in the order ``_values`` gives them.
_EDITABLE = (
    "reflection_id", "strategy", "exercise", "occurred_at", "local_date",
    "minutes", "stress_before", "stress_after", "note",
)  # fmt: skip


def _values(d: Decompression) -> tuple:
    return (
        d.reflection_id,
        d.strategy.strip(),
        d.exercise,
        dt_to_db(d.occurred_at),
        d.local_date.isoformat(),
        d.minutes,
        d.stress_before,
        d.stress_after,
        d.note,
    )


class DecompressionRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    def add(self, d: Decompression) -> Decompression:
        now = self._j.clock.now()
        validate_decompression(d, now)
        with self._j.transaction() as conn:
            cur = conn.execute(
                f"INSERT INTO decompression (uid, {', '.join(_EDITABLE)}, created_at, updated_at)"
                f" VALUES ({', '.join('?' * (len(_EDITABLE) + 3))})",
                (d.uid, *_values(d), dt_to_db(now), dt_to_db(now)),
            )
            did = DecompressionId(cur.lastrowid)
            self._index(conn, did, d.note)
            self._j.vocabulary.remember(conn, STRATEGY_LIST, d.strategy)
        return dataclasses.replace(d, id=did, strategy=d.strategy.strip(), created_at=now, updated_at=now)

    def update(self, d: Decompression) -> Decompression:
        if d.id is None:
            raise ValueError("update() needs a saved decompression")
        now = self._j.clock.now()
        validate_decompression(d, now)
        with self._j.transaction() as conn:
            conn.execute(
                f"UPDATE decompression SET {', '.join(c + '=?' for c in _EDITABLE)}, updated_at=? WHERE id=?",
                (*_values(d), dt_to_db(now), d.id),
            )
            self._index(conn, d.id, d.note)
            self._j.vocabulary.remember(conn, STRATEGY_LIST, d.strategy)
        return dataclasses.replace(d, updated_at=now)

    def delete(self, did: DecompressionId) -> None:
        """Erase for good (a decompression is a small log line, so there is no Trash for it)."""
        with self._j.transaction() as conn:
            search_index.remove(conn, "decompression", did)
            conn.execute("DELETE FROM decompression WHERE id=?", (did,))
        self._j.checkpoint()

    @staticmethod
    def _index(conn, did: DecompressionId, note: str) -> None:
        if note.strip():
            search_index.put(conn, "decompression", did, note)
        else:
            search_index.remove(conn, "decompression", did)

    def get(self, did: DecompressionId) -> Decompression | None:
        rows = self._j.query(f"SELECT {_COLUMNS} FROM decompression WHERE id=? AND deleted_at IS NULL", (did,))
        return _hydrate(rows[0]) if rows else None

    def between(self, start: date, end: date) -> list[Decompression]:
        """Decompressions whose local date is within ``start``..``end`` inclusive, oldest first."""
        rows = self._j.query(
            f"SELECT {_COLUMNS} FROM decompression WHERE deleted_at IS NULL AND local_date BETWEEN ? AND ?"
            " ORDER BY local_date, occurred_at, id",
            (start.isoformat(), end.isoformat()),
        )
        return [_hydrate(r) for r in rows]

    def for_reflection(self, rid: ReflectionId) -> list[Decompression]:
        rows = self._j.query(
            f"SELECT {_COLUMNS} FROM decompression WHERE reflection_id=? AND deleted_at IS NULL"
            " ORDER BY occurred_at, id",
            (rid,),
        )
        return [_hydrate(r) for r in rows]

    def recent(self, limit: int = 50) -> list[Decompression]:
        rows = self._j.query(
            f"SELECT {_COLUMNS} FROM decompression WHERE deleted_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [_hydrate(r) for r in rows]

    def count(self) -> int:
        return self._j.query("SELECT count(*) FROM decompression WHERE deleted_at IS NULL")[0][0]


def _hydrate(row: tuple) -> Decompression:
    return Decompression(
        id=DecompressionId(row[0]), uid=Uid(row[1]),
        reflection_id=None if row[2] is None else ReflectionId(row[2]),
        strategy=row[3], exercise=row[4], occurred_at=dt_from_db(row[5]), minutes=row[6],
        stress_before=row[7], stress_after=row[8], note=row[9],
        created_at=dt_from_db(row[10]), updated_at=dt_from_db(row[11]),
    )  # fmt: skip
