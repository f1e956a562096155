"""Completed questionnaires (``measure`` table).

``responses`` is JSON {item number: answer code}; ``scores`` is JSON {scale id: score or null}
(CBI: 0–100 means; ProQOL 5: 10–50 sums).  Trends reads ``instrument``, ``local_date`` and
``scores`` directly.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from resilience_journal.domain.ids import MeasureId, Uid
from resilience_journal.domain.questionnaires import Measure
from resilience_journal.storage.convert import dt_from_db, dt_to_db, from_json, to_json

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal

_COLUMNS = "id, uid, instrument, taken_at, responses, scores, created_at"


class MeasureRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    def add(self, m: Measure) -> Measure:
        now = self._j.clock.now()
        with self._j.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO measure (uid, instrument, taken_at, local_date, responses, scores, created_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (
                    m.uid, m.instrument, dt_to_db(m.taken_at), m.local_date.isoformat(),
                    to_json({str(k): v for k, v in m.responses.items()}), to_json(m.scores), dt_to_db(now),
                ),
            )  # fmt: skip
        return dataclasses.replace(m, id=MeasureId(cur.lastrowid), created_at=now)

    def history(self, instrument: str | None = None, limit: int = 1000) -> list[Measure]:
        """Completed questionnaires, newest first (one instrument, or all)."""
        where, params = ("WHERE instrument=?", (instrument, limit)) if instrument else ("", (limit,))
        rows = self._j.query(f"SELECT {_COLUMNS} FROM measure {where} ORDER BY taken_at DESC, id DESC LIMIT ?", params)
        return [_hydrate(r) for r in rows]

    def latest(self, instrument: str) -> Measure | None:
        found = self.history(instrument, limit=1)
        return found[0] if found else None

    def last_taken(self) -> date | None:
        """The day any questionnaire was last taken (for the suggested rhythm)."""
        rows = self._j.query("SELECT max(local_date) FROM measure")
        return date.fromisoformat(rows[0][0]) if rows[0][0] else None

    def delete(self, mid: MeasureId) -> None:
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM measure WHERE id=?", (mid,))


def _hydrate(row: tuple) -> Measure:
    return Measure(
        id=MeasureId(row[0]),
        uid=Uid(row[1]),
        instrument=row[2],
        taken_at=dt_from_db(row[3]),
        responses={int(k): v for k, v in from_json(row[4]).items()},
        scores=from_json(row[5]),
        created_at=dt_from_db(row[6]),
    )
