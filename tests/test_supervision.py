"""Supervision sessions, agreed actions, the supervision clock and share records."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from resilience_journal.domain.supervision import (
    FREQUENCIES,
    Action,
    Session,
    ShareItem,
    ShareRecord,
    add_months,
    carried_forward,
    frequency,
    supervision_clock,
)
from resilience_journal.domain.validation import ValidationError

TODAY = date(2026, 11, 25)


def test_add_months_keeps_the_day_or_uses_the_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 2) == date(2027, 1, 15)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_clock_counts_days_and_says_when_the_next_is_due():
    reading = supervision_clock(date(2026, 11, 4), frequency("monthly"), TODAY)
    assert reading.days_since == 21
    assert reading.due_on == date(2026, 12, 4)
    assert not reading.overdue
    assert "21 days since your last supervision" in reading.headline
    assert "4 December 2026, in 9 days" in reading.note


def test_clock_notes_gently_when_supervision_is_overdue():
    reading = supervision_clock(date(2026, 10, 1), frequency("fortnightly"), TODAY)
    assert reading.overdue and reading.overdue_days == (TODAY - date(2026, 10, 15)).days
    assert "every two weeks" in reading.note and "you deserve that space" in reading.note


def test_clock_without_any_session_invites_adding_one():
    reading = supervision_clock(None, frequency("monthly"), TODAY)
    assert reading.days_since is None and not reading.overdue
    assert reading.headline == "No supervision recorded yet"


def test_unknown_frequency_falls_back_to_monthly():
    assert frequency("every blue moon").key == "monthly"
    assert len({f.key for f in FREQUENCIES}) == len(FREQUENCIES)


def test_open_actions_are_carried_forward_soonest_first():
    done = Action("Book training", done_at=datetime(2026, 11, 1, 9).astimezone())
    later = Action("Ask about caseload", due_on=date(2026, 12, 10))
    sooner = Action("Write up reflective log", due_on=date(2026, 12, 1))
    undated = Action("Think about a secondment")
    assert carried_forward([done, later, undated, sooner]) == [sooner, later, undated]


# --- storage --------------------------------------------------------------------------------


def test_sessions_round_trip_newest_first(journal):
    older = journal.supervision.add_session(Session(date(2026, 10, 7), "Priya (team manager)", "Talked about court."))
    newer = journal.supervision.add_session(Session(date(2026, 11, 4), "Priya", ""))
    assert [s.id for s in journal.supervision.sessions()] == [newer.id, older.id]
    assert journal.supervision.last_session_date() == date(2026, 11, 4)
    edited = journal.supervision.update_session(Session(**{**older.__dict__, "notes": "Court and leave."}))
    assert journal.supervision.get_session(older.id).notes == "Court and leave." == edited.notes


def test_a_session_in_the_future_is_refused_and_nothing_is_saved(journal):
    with pytest.raises(ValidationError) as caught:
        journal.supervision.add_session(Session(TODAY + timedelta(days=1), "Priya"))
    assert "still to come" in caught.value.for_field("held_on")
    assert journal.supervision.sessions() == []


def test_an_empty_action_is_refused(journal):
    with pytest.raises(ValidationError) as caught:
        journal.supervision.add_action(Action("   "))
    assert caught.value.for_field("text") == "Please write what was agreed."
    assert journal.supervision.actions() == []


def test_actions_can_be_done_and_undone_and_outlive_their_session(journal, clock):
    session = journal.supervision.add_session(Session(date(2026, 11, 4), "Priya"))
    action = journal.supervision.add_action(Action("Ask for a co-worker on the B visit", session_id=session.id))
    journal.supervision.set_done(action.id, True)
    assert journal.supervision.open_actions() == []
    assert journal.supervision.actions()[0].done_at == clock.now()
    journal.supervision.set_done(action.id, False)
    assert [a.text for a in journal.supervision.open_actions()] == ["Ask for a co-worker on the B visit"]
    journal.supervision.delete_session(session.id)
    assert journal.supervision.open_actions()[0].session_id is None


def test_frequency_is_kept_in_the_journal(journal):
    assert journal.supervision.frequency().key == "monthly"
    journal.supervision.set_frequency("six_weeks")
    assert journal.supervision.frequency().label == "Every six weeks"


def test_share_record_lists_its_items_and_marks_entries_shared(journal, clock):
    record = ShareRecord(
        shared_at=clock.now(),
        kind="supervision summary",
        file_name="summary.pdf",
        items=(ShareItem("reflection", "abc", "headline"), ShareItem("chart", "stress_by_week", "included")),
        detail={"format": "pdf", "start": "2026-11-05", "end": "2026-11-25"},
    )
    saved = journal.supervision.record_share(record)
    [back] = journal.supervision.share_records()
    assert back.id == saved.id and back.items == record.items and back.detail == record.detail
    assert journal.supervision.last_shared("reflection", ["abc", "zzz"]) == {"abc": clock.now()}
