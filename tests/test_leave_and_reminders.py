"""The leave clock and the reminder decision, driven by a fake clock (no sleeping)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from support import NOW

from resilience_journal.domain import messages
from resilience_journal.domain.clock import FakeClock
from resilience_journal.domain.leave import LeavePeriod, leave_status
from resilience_journal.domain.reminders import ReminderSettings, due_reminder

TODAY = NOW.date()  # Wednesday 25 November 2026


def test_leave_clock_counts_days_since_the_last_recorded_break():
    periods = [LeavePeriod(date(2026, 8, 3), date(2026, 8, 14)), LeavePeriod(date(2026, 10, 30), date(2026, 10, 30))]
    s = leave_status(TODAY, periods, threshold_days=60)
    assert s.days_since == 26 and s.last_break_end == date(2026, 10, 30)
    assert s.headline() == messages.LEAVE_DAYS_SINCE.format(days=26)
    assert not s.past_threshold and s.note(TODAY) == ""


def test_leave_clock_gentle_note_from_the_threshold_on():
    periods = [LeavePeriod(date(2026, 9, 1), date(2026, 9, 25))]
    assert leave_status(date(2026, 10, 24), periods, 30).days_since == 29
    assert not leave_status(date(2026, 10, 24), periods, 30).past_threshold
    at = leave_status(date(2026, 10, 25), periods, 30)
    assert at.past_threshold and at.note(date(2026, 10, 25)) == messages.LEAVE_PAST_THRESHOLD
    assert not leave_status(date(2026, 12, 25), periods, 0).past_threshold  # 0 turns the note off


def test_leave_clock_on_leave_none_recorded_and_coming_break():
    periods = [LeavePeriod(date(2026, 11, 23), date(2026, 11, 27)), LeavePeriod(date(2026, 12, 21), date(2026, 12, 24))]
    on = leave_status(TODAY, periods)
    assert on.on_leave and on.days_since == 0 and on.headline() == messages.LEAVE_ON_LEAVE
    assert leave_status(TODAY, []).headline() == messages.LEAVE_NONE_RECORDED
    before = leave_status(date(2026, 12, 20), periods)
    assert before.note(date(2026, 12, 20)) == messages.LEAVE_NEXT_TOMORROW
    assert leave_status(date(2026, 12, 1), periods).note(date(2026, 12, 1)) == messages.LEAVE_NEXT.format(days=20)


def test_leave_clock_with_a_moving_fake_clock():
    clock = FakeClock(datetime(2026, 11, 2, 8, 0))
    periods = [LeavePeriod(date(2026, 10, 26), date(2026, 10, 30))]
    seen = []
    for _ in range(3):
        seen.append(leave_status(clock.now().date(), periods, 5).days_since)
        clock.advance(days=1)
    assert seen == [3, 4, 5]
    assert leave_status(clock.now().date(), periods, 5).past_threshold


ON = ReminderSettings(checkin_enabled=True, checkin_time=time(17, 0), followup_enabled=True, followup_time=time(9, 0))


def at(hour: int, minute: int = 0, day: date = TODAY) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def test_reminders_are_off_by_default():
    assert (
        due_reminder(at(20), ReminderSettings(), last_checkin=None, recent_stress=[(TODAY - timedelta(1), 10)]) is None
    )


def test_checkin_reminder_after_the_chosen_time_once_per_day_without_checkin():
    assert due_reminder(at(16, 59), ON, last_checkin=None, recent_stress=[]) is None
    r = due_reminder(at(17, 0), ON, last_checkin=None, recent_stress=[])
    assert r is not None and r.kind == "checkin" and r.key == "checkin:2026-11-25"
    assert due_reminder(at(18), ON, last_checkin=None, recent_stress=[], shown=[r.key]) is None
    assert due_reminder(at(18), ON, last_checkin=TODAY, recent_stress=[]) is None  # already checked in
    assert due_reminder(at(18), ON, last_checkin=None, recent_stress=[], on_leave=True) is None


def test_followup_prompt_the_morning_after_a_high_stress_entry():
    yesterday = TODAY - timedelta(days=1)
    assert due_reminder(at(8, 59), ON, last_checkin=TODAY, recent_stress=[(yesterday, 8)]) is None
    r = due_reminder(at(9), ON, last_checkin=TODAY, recent_stress=[(yesterday, 8)])
    assert r is not None and r.kind == "followup" and r.key == "followup:2026-11-24"
    assert due_reminder(at(9), ON, last_checkin=TODAY, recent_stress=[(yesterday, 6)]) is None  # not high
    assert due_reminder(at(9), ON, last_checkin=TODAY, recent_stress=[(yesterday, 8)], shown=[r.key]) is None
    # a Friday's hard visit is still offered on Monday; a week-old one is not
    friday = date(2026, 11, 20)
    monday = date(2026, 11, 23)
    assert due_reminder(at(10, day=monday), ON, last_checkin=monday, recent_stress=[(friday, 9)]).key.endswith("11-20")
    assert due_reminder(at(10), ON, last_checkin=TODAY, recent_stress=[(TODAY - timedelta(7), 9)]) is None
    # today's own entries wait for tomorrow
    assert due_reminder(at(10), ON, last_checkin=TODAY, recent_stress=[(TODAY, 9)]) is None


def test_reminder_wording_never_carries_journal_text():
    r1 = due_reminder(at(9), ON, last_checkin=None, recent_stress=[(TODAY - timedelta(1), 9)])
    r2 = due_reminder(at(17), ON, last_checkin=None, recent_stress=[], shown=[r1.key])
    for r in (r1, r2):
        assert "2026" not in r.title + r.message  # nothing specific, no dates, no text


def test_reminder_settings_survive_a_round_trip_and_bad_values():
    s = ReminderSettings(checkin_enabled=True, checkin_time=time(16, 30), high_stress=8)
    assert ReminderSettings.from_dict(s.to_dict()) == s
    assert ReminderSettings.from_dict({"checkin_time": "not a time", "high_stress": 99}) == ReminderSettings()
    assert ReminderSettings.from_dict(None) == ReminderSettings()
