"""Reading and writing supervision sessions, agreed actions and share records."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from resilience_journal.domain.ids import ActionId, ReflectionId, SessionId, ShareId, Uid
from resilience_journal.domain.summary import DecompressionNote
from resilience_journal.domain.supervision import (
    DEFAULT_FREQUENCY,
    Action,
    Frequency,
    Session,
    ShareItem,
    ShareRecord,
    frequency,
    validate_action,
    validate_session,
)
from resilience_journal.storage.convert import (
    date_from_db,
    date_to_db,
    dt_from_db,
    dt_to_db,
    from_json,
    to_json,
)

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal

#: Setting key holding how often the user wants supervision (a ``Frequency.key``).
FREQUENCY_SETTING = "supervision.frequency"

_SESSION = "id, uid, held_on, supervisor, notes, created_at, updated_at"
_ACTION = "id, uid, session_id, text, due_on, done_at, created_at"


class SupervisionRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    # --- sessions ------------------------------------------------------------------------

    def add_session(self, s: Session) -> Session:
        now = self._j.clock.now()
        validate_session(s, now.date())
        with self._j.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO supervision_session (uid, held_on, supervisor, notes, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?)",
                (s.uid, date_to_db(s.held_on), s.supervisor.strip(), s.notes, dt_to_db(now), dt_to_db(now)),
            )
        return dataclasses.replace(
            s, id=SessionId(cur.lastrowid), supervisor=s.supervisor.strip(), created_at=now, updated_at=now
        )

    def update_session(self, s: Session) -> Session:
        if s.id is None:
            raise ValueError("update_session() needs a saved session")
        now = self._j.clock.now()
        validate_session(s, now.date())
        with self._j.transaction() as conn:
            conn.execute(
                "UPDATE supervision_session SET held_on=?, supervisor=?, notes=?, updated_at=? WHERE id=?",
                (date_to_db(s.held_on), s.supervisor.strip(), s.notes, dt_to_db(now), s.id),
            )
        return dataclasses.replace(s, supervisor=s.supervisor.strip(), updated_at=now)

    def delete_session(self, sid: SessionId) -> None:
        """Remove a session; actions agreed in it are kept (they lose the link)."""
        with self._j.transaction() as conn:
            conn.execute("UPDATE supervision_action SET session_id=NULL WHERE session_id=?", (sid,))
            conn.execute("DELETE FROM supervision_session WHERE id=?", (sid,))

    def sessions(self) -> list[Session]:
        """Every session, newest first."""
        rows = self._j.query(f"SELECT {_SESSION} FROM supervision_session ORDER BY held_on DESC, id DESC")
        return [_session(r) for r in rows]

    def get_session(self, sid: SessionId) -> Session | None:
        rows = self._j.query(f"SELECT {_SESSION} FROM supervision_session WHERE id=?", (sid,))
        return _session(rows[0]) if rows else None

    def last_session_date(self) -> date | None:
        rows = self._j.query("SELECT max(held_on) FROM supervision_session")
        return date_from_db(rows[0][0]) if rows and rows[0][0] else None

    # --- actions -------------------------------------------------------------------------

    def add_action(self, a: Action) -> Action:
        validate_action(a)
        now = self._j.clock.now()
        with self._j.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO supervision_action (uid, session_id, text, due_on, done_at, created_at)"
                " VALUES (?,?,?,?,?,?)",
                (a.uid, a.session_id, a.text.strip(), date_to_db(a.due_on), dt_to_db(a.done_at), dt_to_db(now)),
            )
        return dataclasses.replace(a, id=ActionId(cur.lastrowid), text=a.text.strip(), created_at=now)

    def update_action(self, a: Action) -> Action:
        if a.id is None:
            raise ValueError("update_action() needs a saved action")
        validate_action(a)
        with self._j.transaction() as conn:
            conn.execute(
                "UPDATE supervision_action SET session_id=?, text=?, due_on=?, done_at=? WHERE id=?",
                (a.session_id, a.text.strip(), date_to_db(a.due_on), dt_to_db(a.done_at), a.id),
            )
        return dataclasses.replace(a, text=a.text.strip())

    def set_done(self, aid: ActionId, done: bool) -> None:
        when = dt_to_db(self._j.clock.now()) if done else None
        with self._j.transaction() as conn:
            conn.execute("UPDATE supervision_action SET done_at=? WHERE id=?", (when, aid))

    def delete_action(self, aid: ActionId) -> None:
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM supervision_action WHERE id=?", (aid,))

    def actions(self) -> list[Action]:
        """Every action: open ones first (soonest due first), then done ones, most recent first."""
        rows = self._j.query(
            f"SELECT {_ACTION} FROM supervision_action"
            " ORDER BY done_at IS NOT NULL, CASE WHEN done_at IS NULL THEN coalesce(due_on, '9999') END,"
            " done_at DESC, id"
        )
        return [_action(r) for r in rows]

    def open_actions(self) -> list[Action]:
        return [a for a in self.actions() if a.is_open]

    # --- how often ----------------------------------------------------------------------

    def frequency(self) -> Frequency:
        return frequency(self._j.settings.get(FREQUENCY_SETTING, DEFAULT_FREQUENCY))

    def set_frequency(self, key: str) -> None:
        self._j.settings.set(FREQUENCY_SETTING, frequency(key).key)

    # --- share records -------------------------------------------------------------------

    def record_share(self, record: ShareRecord) -> ShareRecord:
        """Remember that ``record.items`` left the journal in ``record.file_name``."""
        with self._j.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO share_record (uid, shared_at, kind, file_name, detail) VALUES (?,?,?,?,?)",
                (record.uid, dt_to_db(record.shared_at), record.kind, record.file_name, to_json(record.detail)),
            )
            sid = ShareId(cur.lastrowid)
            conn.executemany(
                "INSERT OR REPLACE INTO share_item (share_id, item_kind, item_id, level) VALUES (?,?,?,?)",
                [(sid, i.item_kind, i.item_id, i.level) for i in record.items],
            )
        return dataclasses.replace(record, id=sid)

    def share_records(self, kind: str | None = None) -> list[ShareRecord]:
        """Share records, newest first (only those of ``kind`` if given)."""
        where, params = ("WHERE kind=?", (kind,)) if kind else ("", ())
        rows = self._j.query(
            f"SELECT id, uid, shared_at, kind, file_name, detail FROM share_record {where}"
            " ORDER BY shared_at DESC, id DESC",
            params,
        )
        items: dict[int, list[ShareItem]] = {r[0]: [] for r in rows}
        for share_id, kind_, item_id, level in self._j.query(
            "SELECT share_id, item_kind, item_id, level FROM share_item ORDER BY share_id, rowid"
        ):
            if share_id in items:
                items[share_id].append(ShareItem(kind_, item_id, level))
        return [
            ShareRecord(
                shared_at=dt_from_db(r[2]),
                kind=r[3],
                file_name=r[4],
                items=tuple(items[r[0]]),
                detail=from_json(r[5]),
                id=ShareId(r[0]),
                uid=Uid(r[1]),
            )
            for r in rows
        ]

    def last_shared(self, item_kind: str, item_ids: Iterable[str]) -> dict[str, datetime]:
        """When each item was last exported, for those that ever were ("shared on …")."""
        ids = list(item_ids)
        out: dict[str, datetime] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for item_id, shared_at in self._j.query(
                "SELECT i.item_id, max(r.shared_at) FROM share_item i JOIN share_record r ON r.id = i.share_id"
                f" WHERE i.item_kind=? AND i.item_id IN ({marks}) GROUP BY i.item_id",
                (item_kind, *chunk),
            ):
                out[item_id] = dt_from_db(shared_at)
        return out

    # --- what helped, for entry headlines -----------------------------------------------

    def decompressions_for(self, reflection_ids: Iterable[ReflectionId]) -> dict[ReflectionId, list[DecompressionNote]]:
        """What the user did to come down after each entry (strategy, minutes, stress before/after).

        Only these headline facts are read: a decompression's own note never goes into a summary.
        """
        ids = list(reflection_ids)
        out: dict[ReflectionId, list[DecompressionNote]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rid, strategy, minutes, before, after in self._j.query(
                "SELECT reflection_id, strategy, minutes, stress_before, stress_after FROM decompression"
                f" WHERE deleted_at IS NULL AND reflection_id IN ({marks}) ORDER BY occurred_at, id",
                tuple(chunk),
            ):
                out.setdefault(ReflectionId(rid), []).append(DecompressionNote(strategy, minutes, before, after))
        return out


def _session(row: tuple) -> Session:
    return Session(
        id=SessionId(row[0]),
        uid=Uid(row[1]),
        held_on=date_from_db(row[2]),
        supervisor=row[3],
        notes=row[4],
        created_at=dt_from_db(row[5]),
        updated_at=dt_from_db(row[6]),
    )


def _action(row: tuple) -> Action:
    return Action(
        id=ActionId(row[0]),
        uid=Uid(row[1]),
        session_id=SessionId(row[2]) if row[2] is not None else None,
        text=row[3],
        due_on=date_from_db(row[4]),
        done_at=dt_from_db(row[5]),
        created_at=dt_from_db(row[6]),
    )
