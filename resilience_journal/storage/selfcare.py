"""The self-care plan (``selfcare_plan``), support contacts (``support_contact``), leave
(``leave_period``) and the self-care and reminder preferences (in ``setting``)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from resilience_journal.domain.ids import Uid, new_uid
from resilience_journal.domain.leave import LeavePeriod, validate_leave
from resilience_journal.domain.reminders import ReminderSettings
from resilience_journal.domain.selfcare import (
    DEFAULT_CONTACTS,
    SECTION_KEYS,
    SelfCarePrefs,
    SupportContact,
    validate_contact,
    validate_plan,
)
from resilience_journal.storage.convert import dt_to_db, to_json

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal

#: Setting keys.  The "seeded" flag means the default contacts are added once, and a user who
#: deletes them does not get them back uninvited.
PREFS_KEY = "selfcare.prefs"
REMINDERS_KEY = "selfcare.reminders"
SHOWN_KEY = "selfcare.reminders_shown"
SEEDED_KEY = "selfcare.contacts_seeded"
#: ``share_record.kind`` of a plan export.
PLAN_SHARE_KIND = "self-care plan"
#: How many shown-reminder keys to remember (a few weeks' worth).
SHOWN_KEEP = 60


class SelfCareRepository:
    def __init__(self, journal: Journal) -> None:
        self._j = journal

    # --- plan ------------------------------------------------------------------------------

    def plan(self) -> dict[str, str]:
        """Section key -> the user's text ('' for sections not written yet)."""
        found = dict(self._j.query("SELECT section, body FROM selfcare_plan"))
        return {key: found.get(key, "") for key in SECTION_KEYS}

    def save_plan(self, plan: dict[str, str]) -> None:
        validate_plan(plan)
        now = dt_to_db(self._j.clock.now())
        with self._j.transaction() as conn:
            for key, body in plan.items():
                conn.execute(
                    "INSERT INTO selfcare_plan (section, body, updated_at) VALUES (?,?,?)"
                    " ON CONFLICT(section) DO UPDATE SET body=excluded.body, updated_at=excluded.updated_at"
                    " WHERE body != excluded.body",
                    (key, body, now),
                )

    # --- support contacts ------------------------------------------------------------------

    def ensure_default_contacts(self) -> None:
        """Add the starting contacts once per journal."""
        if self._j.settings.get(SEEDED_KEY):
            return
        with self._j.transaction():
            if not self._j.query("SELECT 1 FROM support_contact LIMIT 1"):
                for c in DEFAULT_CONTACTS:
                    self.add_contact(c)
            self._j.settings.set(SEEDED_KEY, True)

    def contacts(self) -> list[SupportContact]:
        rows = self._j.query("SELECT id, name, phone, note FROM support_contact ORDER BY position, id")
        return [SupportContact(name=n, phone=p, note=note, id=i) for i, n, p, note in rows]

    def add_contact(self, c: SupportContact) -> SupportContact:
        validate_contact(c)
        with self._j.transaction() as conn:
            pos = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM support_contact").fetchone()[0]
            cur = conn.execute(
                "INSERT INTO support_contact (name, phone, note, position) VALUES (?,?,?,?)",
                (c.name.strip(), c.phone.strip(), c.note.strip(), pos),
            )
        return dataclasses.replace(c, id=cur.lastrowid)

    def update_contact(self, c: SupportContact) -> None:
        if c.id is None:
            raise ValueError("update_contact() needs a saved contact")
        validate_contact(c)
        with self._j.transaction() as conn:
            conn.execute(
                "UPDATE support_contact SET name=?, phone=?, note=? WHERE id=?",
                (c.name.strip(), c.phone.strip(), c.note.strip(), c.id),
            )

    def delete_contact(self, contact_id: int) -> None:
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM support_contact WHERE id=?", (contact_id,))

    def move_contact(self, contact_id: int, offset: int) -> None:
        """Move a contact up (-1) or down (+1) the list."""
        ids = [c.id for c in self.contacts()]
        i = ids.index(contact_id)
        j = max(0, min(len(ids) - 1, i + offset))
        ids.insert(j, ids.pop(i))
        with self._j.transaction() as conn:
            conn.executemany("UPDATE support_contact SET position=? WHERE id=?", list(enumerate(ids)))

    # --- leave -----------------------------------------------------------------------------

    def leave_periods(self) -> list[LeavePeriod]:
        """Every recorded period, most recent first."""
        rows = self._j.query(
            "SELECT id, uid, start_date, end_date, kind, note FROM leave_period ORDER BY start_date DESC, id DESC"
        )
        return [
            LeavePeriod(id=i, uid=Uid(u), start=date.fromisoformat(s), end=date.fromisoformat(e), kind=k, note=n)
            for i, u, s, e, k, n in rows
        ]

    def add_leave(self, p: LeavePeriod) -> LeavePeriod:
        validate_leave(p)
        with self._j.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO leave_period (uid, start_date, end_date, kind, note) VALUES (?,?,?,?,?)",
                (p.uid, p.start.isoformat(), p.end.isoformat(), p.kind.strip(), p.note.strip()),
            )
        return dataclasses.replace(p, id=cur.lastrowid)

    def update_leave(self, p: LeavePeriod) -> None:
        if p.id is None:
            raise ValueError("update_leave() needs a saved period")
        validate_leave(p)
        with self._j.transaction() as conn:
            conn.execute(
                "UPDATE leave_period SET start_date=?, end_date=?, kind=?, note=? WHERE id=?",
                (p.start.isoformat(), p.end.isoformat(), p.kind.strip(), p.note.strip(), p.id),
            )

    def delete_leave(self, period_id: int) -> None:
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM leave_period WHERE id=?", (period_id,))

    # --- preferences -----------------------------------------------------------------------

    def prefs(self) -> SelfCarePrefs:
        return SelfCarePrefs.from_dict(self._j.settings.get(PREFS_KEY))

    def set_prefs(self, prefs: SelfCarePrefs) -> None:
        self._j.settings.set(PREFS_KEY, prefs.to_dict())

    def reminder_settings(self) -> ReminderSettings:
        return ReminderSettings.from_dict(self._j.settings.get(REMINDERS_KEY))

    def set_reminder_settings(self, settings: ReminderSettings) -> None:
        self._j.settings.set(REMINDERS_KEY, settings.to_dict())

    def shown_reminders(self) -> list[str]:
        value = self._j.settings.get(SHOWN_KEY, [])
        return [k for k in value if isinstance(k, str)] if isinstance(value, list) else []

    def mark_reminder_shown(self, key: str) -> None:
        keys = [k for k in self.shown_reminders() if k != key] + [key]
        self._j.settings.set(SHOWN_KEY, keys[-SHOWN_KEEP:])

    # --- exports ---------------------------------------------------------------------------

    def record_export(self, file_name: str, fmt: str) -> None:
        """Remember that the plan was exported (the app keeps a record of what left it)."""
        with self._j.transaction() as conn:
            conn.execute(
                "INSERT INTO share_record (uid, shared_at, kind, file_name, detail) VALUES (?,?,?,?,?)",
                (new_uid(), dt_to_db(self._j.clock.now()), PLAN_SHARE_KIND, file_name, to_json({"format": fmt})),
            )

    def export_count(self) -> int:
        return self._j.query("SELECT count(*) FROM share_record WHERE kind=?", (PLAN_SHARE_KIND,))[0][0]
