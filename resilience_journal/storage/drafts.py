"""Autosaved editor drafts, inside the encrypted journal (never anywhere else on disk)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resilience_journal.domain.drafts import Draft
from resilience_journal.storage.convert import dt_from_db, dt_to_db, from_json, to_json

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal


class DraftRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    def save(self, key: str, payload: dict[str, Any]) -> None:
        """Keep ``payload`` as the draft for ``key`` (one committed transaction: survives a kill)."""
        with self._j.transaction() as conn:
            conn.execute(
                "INSERT INTO draft (key, payload, updated_at) VALUES (?,?,?)"
                " ON CONFLICT(key) DO UPDATE SET payload=excluded.payload, updated_at=excluded.updated_at",
                (key, to_json(payload), dt_to_db(self._j.clock.now())),
            )

    def get(self, key: str) -> Draft | None:
        rows = self._j.query("SELECT key, payload, updated_at FROM draft WHERE key=?", (key,))
        return Draft(rows[0][0], from_json(rows[0][1]), dt_from_db(rows[0][2])) if rows else None

    def all(self) -> list[Draft]:
        """Every draft, newest first."""
        rows = self._j.query("SELECT key, payload, updated_at FROM draft ORDER BY updated_at DESC, key")
        return [Draft(k, from_json(p), dt_from_db(u)) for k, p, u in rows]

    def delete(self, key: str) -> None:
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM draft WHERE key=?", (key,))
