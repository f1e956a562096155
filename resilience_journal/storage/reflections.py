"""Reading and writing reflections, with their answers, emotions, tags and search index."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from resilience_journal.domain.ids import ReflectionId, Uid
from resilience_journal.domain.journal_query import TRASH_DAYS, ReflectionFilter
from resilience_journal.domain.reflection import Answer, Reflection, validate_reflection
from resilience_journal.storage import search_index
from resilience_journal.storage.convert import dt_from_db, dt_to_db

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal

_COLUMNS = (
    "id, uid, occurred_at, activity_kind, case_label, stress, body, safety_concern, "
    "safety_note, template_id, for_supervision, created_at, updated_at, deleted_at"
)


def fts_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word must match, as a prefix.

    Quoting each word means FTS5 syntax characters ("-", "*", ":", "NEAR") are taken literally.
    Returns None when there is nothing to search for.
    """
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


#: The reflection columns the user's edits set, in the order ``_values`` gives them.
_EDITABLE = (
    "occurred_at", "local_date", "activity_kind", "case_label", "stress", "body",
    "safety_concern", "safety_note", "template_id", "for_supervision",
)  # fmt: skip


def _values(r: Reflection) -> tuple:
    return (
        dt_to_db(r.occurred_at),
        r.local_date.isoformat(),
        r.activity_kind,
        r.case_label,
        r.stress,
        r.text,
        int(r.safety_concern),
        r.safety_note,
        r.template_id,
        int(r.for_supervision),
    )


class ReflectionRepository:
    """All SQL about reflections lives here; callers get ``Reflection`` objects back."""

    def __init__(self, journal: Journal) -> None:
        self._j = journal

    # --- writing -------------------------------------------------------------------------

    def add(self, r: Reflection) -> Reflection:
        """Validate and save a new reflection; returns it with its id and times filled in."""
        now = self._j.clock.now()
        validate_reflection(r, now)
        with self._j.transaction() as conn:
            cur = conn.execute(
                f"INSERT INTO reflection (uid, {', '.join(_EDITABLE)}, created_at, updated_at)"
                f" VALUES ({', '.join('?' * (len(_EDITABLE) + 3))})",
                (r.uid, *_values(r), dt_to_db(now), dt_to_db(now)),
            )
            rid = ReflectionId(cur.lastrowid)
            self._write_children(conn, rid, r)
            self._j.vocabulary.remember(conn, "activity_kind", r.activity_kind)
        return dataclasses.replace(r, id=rid, created_at=now, updated_at=now)

    def update(self, r: Reflection) -> Reflection:
        """Save changes to an existing reflection."""
        if r.id is None:
            raise ValueError("update() needs a saved reflection")
        now = self._j.clock.now()
        validate_reflection(r, now)
        with self._j.transaction() as conn:
            conn.execute(
                f"UPDATE reflection SET {', '.join(c + '=?' for c in _EDITABLE)}, updated_at=? WHERE id=?",
                (*_values(r), dt_to_db(now), r.id),
            )
            for table in ("reflection_answer", "reflection_emotion", "reflection_tag"):
                conn.execute(f"DELETE FROM {table} WHERE reflection_id=?", (r.id,))
            self._write_children(conn, r.id, r)
            self._j.vocabulary.remember(conn, "activity_kind", r.activity_kind)
        return dataclasses.replace(r, updated_at=now)

    def _write_children(self, conn, rid: ReflectionId, r: Reflection) -> None:
        conn.executemany(
            "INSERT INTO reflection_answer VALUES (?,?,?,?,?)",
            [(rid, i, a.prompt_id, a.prompt, a.text) for i, a in enumerate(r.answers)],
        )
        conn.executemany("INSERT OR IGNORE INTO reflection_emotion VALUES (?,?)", [(rid, e) for e in r.emotions])
        conn.executemany("INSERT OR IGNORE INTO reflection_tag VALUES (?,?)", [(rid, t) for t in r.tags])
        search_index.put(conn, "reflection", rid, _index_text(r))

    def delete(self, rid: ReflectionId) -> None:
        """Move to the Trash (recoverable) — the search index forgets it meanwhile."""
        with self._j.transaction() as conn:
            conn.execute("UPDATE reflection SET deleted_at=? WHERE id=?", (dt_to_db(self._j.clock.now()), rid))
        self._reindex(rid)

    def restore(self, rid: ReflectionId) -> None:
        """Bring an entry back from the Trash."""
        with self._j.transaction() as conn:
            conn.execute("UPDATE reflection SET deleted_at=NULL WHERE id=?", (rid,))
        self._reindex(rid)

    def purge(self, rid: ReflectionId) -> None:
        """Erase for good: rows, search index, then a checkpoint so the WAL forgets the pages."""
        with self._j.transaction() as conn:
            search_index.remove(conn, "reflection", rid)
            conn.execute("DELETE FROM reflection WHERE id=?", (rid,))
        self._j.checkpoint()

    def index_new(self, ids: Iterable[ReflectionId]) -> None:
        """Index entries whose rows an import wrote directly (they have no index entry yet)."""
        with self._j.transaction() as conn:
            for chunk in _chunks(list(ids), 500):
                marks = ",".join("?" * len(chunk))
                rows = self._j.query(
                    f"SELECT {_COLUMNS} FROM reflection WHERE id IN ({marks}) AND deleted_at IS NULL", tuple(chunk)
                )
                for r in self._hydrate(rows):
                    search_index.put(conn, "reflection", r.id, _index_text(r))

    def _reindex(self, rid: ReflectionId) -> None:
        r = self.get(rid, include_deleted=True)
        with self._j.transaction() as conn:
            # Only the index changes: answers, emotions and tags are still in place.
            search_index.remove(conn, "reflection", rid)
            if r is not None and r.deleted_at is None:
                search_index.put(conn, "reflection", rid, _index_text(r))

    # --- reading -------------------------------------------------------------------------

    def get(self, rid: ReflectionId, *, include_deleted: bool = False) -> Reflection | None:
        rows = self._j.query(f"SELECT {_COLUMNS} FROM reflection WHERE id=?", (rid,))
        if not rows:
            return None
        r = self._hydrate(rows)[0]
        return r if include_deleted or r.deleted_at is None else None

    def get_by_uid(self, uid: Uid) -> Reflection | None:
        rows = self._j.query(f"SELECT {_COLUMNS} FROM reflection WHERE uid=?", (uid,))
        return self._hydrate(rows)[0] if rows else None

    def recent(self, limit: int = 200, offset: int = 0) -> list[Reflection]:
        """Entries not in the Trash, newest first."""
        rows = self._j.query(
            f"SELECT {_COLUMNS} FROM reflection WHERE deleted_at IS NULL"
            " ORDER BY local_date DESC, occurred_at DESC, id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return self._hydrate(rows)

    def between(self, start: date, end: date) -> list[Reflection]:
        """Entries whose local date is within ``start``..``end`` inclusive, oldest first."""
        rows = self._j.query(
            f"SELECT {_COLUMNS} FROM reflection WHERE deleted_at IS NULL"
            " AND local_date BETWEEN ? AND ? ORDER BY local_date, occurred_at, id",
            (start.isoformat(), end.isoformat()),
        )
        return self._hydrate(rows)

    def count(self) -> int:
        return self._j.query("SELECT count(*) FROM reflection WHERE deleted_at IS NULL")[0][0]

    def search(self, text: str, limit: int = 200) -> list[Reflection]:
        """Entries containing every word typed (as word prefixes), best matches first."""
        q = fts_query(text)
        if q is None:
            return []
        rows = self._j.query(
            f"SELECT {', '.join('r.' + c.strip() for c in _COLUMNS.split(','))}"
            " FROM search_index s JOIN search_doc d ON d.doc = s.rowid AND d.kind = 'reflection'"
            " JOIN reflection r ON r.id = d.ref_id"
            " WHERE search_index MATCH ? AND r.deleted_at IS NULL"
            " ORDER BY s.rank LIMIT ?",
            (q, limit),
        )
        return self._hydrate(rows)

    # --- filters, Trash and "on this day" ---------------------------------------------------

    def _where(self, f: ReflectionFilter) -> tuple[str, list]:
        clauses, params = ["r.deleted_at IS NULL"], []
        if f.start is not None:
            clauses.append("r.local_date >= ?")
            params.append(f.start.isoformat())
        if f.end is not None:
            clauses.append("r.local_date <= ?")
            params.append(f.end.isoformat())
        if f.activity_kind:
            clauses.append("r.activity_kind = ?")
            params.append(f.activity_kind)
        if f.emotion:
            clauses.append("r.id IN (SELECT reflection_id FROM reflection_emotion WHERE emotion = ?)")
            params.append(f.emotion)
        if f.tag:
            clauses.append("r.id IN (SELECT reflection_id FROM reflection_tag WHERE tag = ?)")
            params.append(f.tag)
        if f.for_supervision:
            clauses.append("r.for_supervision = 1")
        if f.safety_concern:
            clauses.append("r.safety_concern = 1")
        q = fts_query(f.text) if f.text else None
        if q is not None:
            clauses.append(f"r.id IN ({search_index.matching('reflection')})")
            params.append(q)
        return " AND ".join(clauses), params

    def find(self, f: ReflectionFilter, limit: int = 200, offset: int = 0) -> list[Reflection]:
        """Entries matching every part of ``f``, newest first (search text matches word prefixes)."""
        if f.text and fts_query(f.text) is None:
            return []
        where, params = self._where(f)
        cols = ", ".join("r." + c.strip() for c in _COLUMNS.split(","))
        rows = self._j.query(
            f"SELECT {cols} FROM reflection r WHERE {where}"
            " ORDER BY r.local_date DESC, r.occurred_at DESC, r.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return self._hydrate(rows)

    def count_matching(self, f: ReflectionFilter) -> int:
        """How many entries match ``f`` (e.g. safety concerns this quarter)."""
        return self.counts_matching(f)[0]

    def counts_matching(self, f: ReflectionFilter) -> tuple[int, int]:
        """How many entries match ``f``, and how many of those carry a safety concern.

        One pass for both: a search for a common word matches thousands of entries, and reading
        them twice was a fifth of the time the Journal page waited for its list.
        """
        if f.text and fts_query(f.text) is None:
            return 0, 0
        where, params = self._where(f)
        total, safety = self._j.query(
            f"SELECT count(*), coalesce(sum(r.safety_concern), 0) FROM reflection r WHERE {where}", tuple(params)
        )[0]
        return total, safety

    def tags(self) -> list[str]:
        """Every tag used on an entry not in the Trash, alphabetically."""
        rows = self._j.query(
            "SELECT DISTINCT t.tag FROM reflection_tag t JOIN reflection r ON r.id = t.reflection_id"
            " WHERE r.deleted_at IS NULL ORDER BY t.tag COLLATE NOCASE"
        )
        return [r[0] for r in rows]

    def trash(self) -> list[Reflection]:
        """Entries in the Trash, most recently deleted first."""
        rows = self._j.query(
            f"SELECT {_COLUMNS} FROM reflection WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC"
        )
        return self._hydrate(rows)

    def empty_trash(self, *, older_than_days: int | None = None) -> int:
        """Erase entries from the Trash for good (all, or those deleted that many days ago); returns how many."""
        if older_than_days is None:
            rows = self._j.query("SELECT id FROM reflection WHERE deleted_at IS NOT NULL")
        else:
            cutoff = self._j.clock.now() - timedelta(days=older_than_days)
            rows = [
                (rid,)
                for rid, deleted in self._j.query("SELECT id, deleted_at FROM reflection WHERE deleted_at IS NOT NULL")
                if dt_from_db(deleted) <= cutoff
            ]
        ids = [r[0] for r in rows]
        if not ids:
            return 0
        with self._j.transaction() as conn:
            for rid in ids:
                search_index.remove(conn, "reflection", rid)
                conn.execute("DELETE FROM reflection WHERE id=?", (rid,))
        self._j.checkpoint()
        return len(ids)

    def purge_expired_trash(self) -> int:
        """Erase what has been in the Trash for longer than ``TRASH_DAYS`` (run after each unlock)."""
        return self.empty_trash(older_than_days=TRASH_DAYS)

    def on_this_day(self, day: date, limit: int = 50) -> list[Reflection]:
        """Entries from the same day of the month in earlier months and years, newest first."""
        rows = self._j.query(
            f"SELECT {_COLUMNS} FROM reflection WHERE deleted_at IS NULL AND substr(local_date, 9, 2) = ?"
            " AND local_date < ? ORDER BY local_date DESC, occurred_at DESC LIMIT ?",
            (f"{day.day:02d}", day.isoformat(), limit),
        )
        return self._hydrate(rows)

    def _hydrate(self, rows: Iterable[tuple]) -> list[Reflection]:
        rows = list(rows)
        if not rows:
            return []
        ids = [row[0] for row in rows]
        answers: dict[int, list[Answer]] = {i: [] for i in ids}
        emotions: dict[int, list[str]] = {i: [] for i in ids}
        tags: dict[int, list[str]] = {i: [] for i in ids}
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            for rid, pid, prompt, ans in self._j.query(
                f"SELECT reflection_id, prompt_id, prompt, answer FROM reflection_answer"
                f" WHERE reflection_id IN ({marks}) ORDER BY reflection_id, position",
                tuple(chunk),
            ):
                answers[rid].append(Answer(pid, prompt, ans))
            for rid, emo in self._j.query(
                f"SELECT reflection_id, emotion FROM reflection_emotion WHERE reflection_id IN ({marks})"
                " ORDER BY rowid",
                tuple(chunk),
            ):
                emotions[rid].append(emo)
            for rid, tag in self._j.query(
                f"SELECT reflection_id, tag FROM reflection_tag WHERE reflection_id IN ({marks}) ORDER BY rowid",
                tuple(chunk),
            ):
                tags[rid].append(tag)
        return [
            Reflection(
                id=ReflectionId(row[0]),
                uid=Uid(row[1]),
                occurred_at=dt_from_db(row[2]),
                activity_kind=row[3],
                case_label=row[4],
                stress=row[5],
                text=row[6],
                safety_concern=bool(row[7]),
                safety_note=row[8],
                template_id=row[9],
                for_supervision=bool(row[10]),
                created_at=dt_from_db(row[11]),
                updated_at=dt_from_db(row[12]),
                deleted_at=dt_from_db(row[13]),
                answers=tuple(answers[row[0]]),
                emotions=tuple(emotions[row[0]]),
                tags=tuple(tags[row[0]]),
            )
            for row in rows
        ]


def _index_text(r: Reflection) -> str:
    """What search looks through for an entry: its kind, emotions and every word written."""
    return "\n".join([r.activity_kind, *r.emotions, r.all_text()])


def _chunks(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
