"""Daily check-ins (``checkin`` table): one per local day; saving again that day edits it.

Column meanings (Trends reads them directly): ``mood``, ``energy``, ``sleep_quality`` and
``workload`` are 0–10 ratings or NULL; ``sleep_hours`` and ``hours_worked`` are hours (REAL) or
NULL; ``breaks_taken`` is a count of breaks or NULL; ``finished_on_time`` is 1/0 or NULL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from resilience_journal.domain.checkin import CheckIn, validate_checkin
from resilience_journal.domain.ids import CheckInId, Uid
from resilience_journal.storage.convert import dt_from_db, dt_to_db

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal

_COLUMNS = (
    "id, uid, local_date, mood, energy, sleep_quality, sleep_hours, workload, breaks_taken,"
    " finished_on_time, hours_worked, note, created_at, updated_at"
)


@dataclass(frozen=True)
class DayGlance:
    """A day at a glance for the Today page: counts and stress, no text."""

    visits: int
    highest_stress: int | None
    average_stress: float | None
    decompressions: int


class CheckInRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    def save(self, c: CheckIn) -> CheckIn:
        """Save the check-in for ``c.local_date``, replacing that day's earlier one if any."""
        now = self._j.clock.now()
        validate_checkin(c, now.date())
        finished = None if c.finished_on_time is None else int(c.finished_on_time)
        with self._j.transaction() as conn:
            conn.execute(
                "INSERT INTO checkin (uid, local_date, mood, energy, sleep_quality, sleep_hours, workload,"
                " breaks_taken, finished_on_time, hours_worked, note, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(local_date) DO UPDATE SET mood=excluded.mood, energy=excluded.energy,"
                " sleep_quality=excluded.sleep_quality, sleep_hours=excluded.sleep_hours,"
                " workload=excluded.workload, breaks_taken=excluded.breaks_taken,"
                " finished_on_time=excluded.finished_on_time, hours_worked=excluded.hours_worked,"
                " note=excluded.note, updated_at=excluded.updated_at",
                (
                    c.uid, c.local_date.isoformat(), c.mood, c.energy, c.sleep_quality, c.sleep_hours,
                    c.workload, c.breaks_taken, finished, c.hours_worked, c.note, dt_to_db(now), dt_to_db(now),
                ),
            )  # fmt: skip
        saved = self.on(c.local_date)
        assert saved is not None
        return saved

    def on(self, day: date) -> CheckIn | None:
        rows = self._j.query(f"SELECT {_COLUMNS} FROM checkin WHERE local_date=?", (day.isoformat(),))
        return _hydrate(rows[0]) if rows else None

    def between(self, start: date, end: date) -> list[CheckIn]:
        """Check-ins from ``start`` to ``end`` inclusive, oldest first."""
        rows = self._j.query(
            f"SELECT {_COLUMNS} FROM checkin WHERE local_date BETWEEN ? AND ? ORDER BY local_date",
            (start.isoformat(), end.isoformat()),
        )
        return [_hydrate(r) for r in rows]

    def latest_date(self) -> date | None:
        rows = self._j.query("SELECT max(local_date) FROM checkin")
        return date.fromisoformat(rows[0][0]) if rows and rows[0][0] else None

    def count(self) -> int:
        return self._j.query("SELECT count(*) FROM checkin")[0][0]

    def delete(self, day: date) -> None:
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM checkin WHERE local_date=?", (day.isoformat(),))

    def glance(self, day: date) -> DayGlance:
        """Visits (reflections), their stress, and decompressions on ``day``."""
        visits, high, avg = self._j.query(
            "SELECT count(*), max(stress), avg(stress) FROM reflection WHERE local_date=? AND deleted_at IS NULL",
            (day.isoformat(),),
        )[0]
        decompressions = self._j.query(
            "SELECT count(*) FROM decompression WHERE local_date=? AND deleted_at IS NULL", (day.isoformat(),)
        )[0][0]
        return DayGlance(visits, high, round(avg, 1) if avg is not None else None, decompressions)

    def recent_stress(self, start: date, end: date) -> list[tuple[date, int]]:
        """(local date, stress) of every entry from ``start`` to ``end``: for reminders, no text."""
        rows = self._j.query(
            "SELECT local_date, stress FROM reflection WHERE local_date BETWEEN ? AND ? AND deleted_at IS NULL",
            (start.isoformat(), end.isoformat()),
        )
        return [(date.fromisoformat(d), s) for d, s in rows]


def _hydrate(row: tuple) -> CheckIn:
    return CheckIn(
        id=CheckInId(row[0]), uid=Uid(row[1]), local_date=date.fromisoformat(row[2]), mood=row[3], energy=row[4],
        sleep_quality=row[5], sleep_hours=row[6], workload=row[7], breaks_taken=row[8],
        finished_on_time=None if row[9] is None else bool(row[9]), hours_worked=row[10], note=row[11],
        created_at=dt_from_db(row[12]), updated_at=dt_from_db(row[13]),
    )  # fmt: skip
