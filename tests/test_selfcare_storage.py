"""Check-ins, questionnaire results, the plan, contacts and leave, in a real encrypted journal."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from support import NOW, PASSPHRASE, file_bytes

from resilience_journal.domain import messages
from resilience_journal.domain.checkin import CheckIn
from resilience_journal.domain.leave import LeavePeriod
from resilience_journal.domain.questionnaires import Measure, cbi
from resilience_journal.domain.reflection import Reflection
from resilience_journal.domain.reminders import ReminderSettings
from resilience_journal.domain.selfcare import SelfCarePrefs, SupportContact
from resilience_journal.domain.validation import ValidationError

TODAY = NOW.date()


def test_one_checkin_per_day_and_a_second_save_edits_it(journal, clock):
    first = journal.checkins.save(CheckIn(TODAY, mood=4, energy=3, note="long day"))
    assert first.id is not None
    clock.advance(minutes=30)
    second = journal.checkins.save(CheckIn(TODAY, mood=6, sleep_hours=7.5, finished_on_time=True))
    assert journal.checkins.count() == 1
    got = journal.checkins.on(TODAY)
    assert (got.mood, got.energy, got.sleep_hours, got.finished_on_time, got.note) == (6, None, 7.5, True, "")
    assert got.id == first.id and got.uid == first.uid  # the same check-in, edited
    assert second.updated_at > first.updated_at
    journal.checkins.save(CheckIn(TODAY - timedelta(days=1), mood=5))
    assert [c.local_date for c in journal.checkins.between(TODAY - timedelta(days=7), TODAY)] == [
        TODAY - timedelta(days=1), TODAY,
    ]  # fmt: skip
    assert journal.checkins.latest_date() == TODAY


@pytest.mark.parametrize(
    ("checkin", "field", "message"),
    [
        (CheckIn(TODAY, mood=11), "mood", messages.RATING_OUT_OF_RANGE),
        (CheckIn(TODAY, energy=-1), "energy", messages.RATING_OUT_OF_RANGE),
        (CheckIn(TODAY, sleep_hours=25.0), "sleep_hours", messages.HOURS_OUT_OF_RANGE),
        (CheckIn(TODAY, hours_worked=-2.0), "hours_worked", messages.HOURS_OUT_OF_RANGE),
        (CheckIn(TODAY, breaks_taken=99), "breaks_taken", messages.BREAKS_OUT_OF_RANGE.format(limit=20)),
        (CheckIn(TODAY, mood=5, note="two\nlines"), "note", messages.CHECKIN_NOTE_ONE_LINE),
        (CheckIn(TODAY, mood=5, note="x" * 301), "note", "Please keep this under 300 characters."),
        (CheckIn(TODAY), "mood", messages.CHECKIN_EMPTY),
        (CheckIn(TODAY + timedelta(days=1), mood=5), "local_date", messages.CHECKIN_IN_FUTURE),
    ],
)
def test_bad_checkins_are_refused_with_a_clear_message_and_change_nothing(journal, checkin, field, message):
    journal.checkins.save(CheckIn(TODAY, mood=3))
    with pytest.raises(ValidationError) as err:
        journal.checkins.save(checkin)
    assert err.value.for_field(field) == message
    assert journal.checkins.on(TODAY).mood == 3
    assert journal.checkins.count() == 1


def test_glance_counts_todays_visits_and_stress(journal, clock):
    assert journal.checkins.glance(TODAY).visits == 0
    for hour, stress in ((9, 3), (11, 8), (14, 5)):
        journal.reflections.add(
            Reflection(occurred_at=NOW.astimezone().replace(hour=hour), activity_kind="Home visit", stress=stress)
        )
    g = journal.checkins.glance(TODAY)
    assert (g.visits, g.highest_stress, g.average_stress, g.decompressions) == (3, 8, 5.3, 0)
    assert sorted(s for _d, s in journal.checkins.recent_stress(TODAY, TODAY)) == [3, 5, 8]


def test_measures_round_trip_newest_first(journal):
    responses = {i: 2 for i in range(1, 20)}
    taken = NOW.astimezone()
    journal.measures.add(Measure("cbi", taken - timedelta(days=30), responses, cbi.scores_dict(responses)))
    latest = journal.measures.add(Measure("cbi", taken, {1: 4, 2: 4}, cbi.scores_dict({1: 4, 2: 4})))
    journal.measures.add(Measure("proqol5", taken - timedelta(days=2), {1: 3}, {"burnout": None}))
    history = journal.measures.history("cbi")
    assert [m.id for m in history][0] == latest.id
    assert history[0].scores == {"personal": None, "work": None, "client": None}
    assert history[1].responses == responses and history[1].scores["personal"] == 50.0
    assert journal.measures.latest("proqol5").instrument == "proqol5"
    assert journal.measures.last_taken() == TODAY


def test_plan_contacts_and_leave_round_trip(journal):
    assert journal.selfcare.plan()["warning_signs"] == ""
    journal.selfcare.save_plan({"warning_signs": "I stop answering my friends.", "why": "Children safe at home."})
    journal.selfcare.save_plan({"what_helps": "Swimming on Thursdays."})
    plan = journal.selfcare.plan()
    assert plan["warning_signs"] == "I stop answering my friends." and plan["what_helps"] == "Swimming on Thursdays."
    with pytest.raises(ValueError):
        journal.selfcare.save_plan({"secret": "x"})

    journal.selfcare.ensure_default_contacts()
    names = [c.name for c in journal.selfcare.contacts()]
    assert names[0] == "Samaritans" and "occupational health" in names[1]
    assert journal.selfcare.contacts()[0].phone == "116 123"
    sister = journal.selfcare.add_contact(SupportContact("My sister", "07700 900123"))
    journal.selfcare.move_contact(sister.id, -2)
    assert journal.selfcare.contacts()[0].name == "My sister"
    with pytest.raises(ValidationError) as err:
        journal.selfcare.add_contact(SupportContact("", "call me maybe"))
    assert err.value.for_field("name") == messages.NAME_EMPTY
    assert err.value.for_field("phone") == messages.PHONE_NOT_A_NUMBER
    for c in journal.selfcare.contacts():
        journal.selfcare.delete_contact(c.id)
    journal.selfcare.ensure_default_contacts()  # deleted defaults do not come back uninvited
    assert journal.selfcare.contacts() == []

    p = journal.selfcare.add_leave(LeavePeriod(date(2026, 8, 3), date(2026, 8, 14), "Annual leave"))
    journal.selfcare.add_leave(LeavePeriod(date(2026, 10, 30), date(2026, 10, 30), "Day off"))
    assert [x.start for x in journal.selfcare.leave_periods()] == [date(2026, 10, 30), date(2026, 8, 3)]
    with pytest.raises(ValidationError) as err:
        journal.selfcare.add_leave(LeavePeriod(date(2026, 9, 5), date(2026, 9, 1)))
    assert err.value.for_field("end") == messages.LEAVE_ENDS_BEFORE_START
    journal.selfcare.delete_leave(p.id)
    assert len(journal.selfcare.leave_periods()) == 1


def test_preferences_and_reminder_settings_live_in_the_journal(journal, journal_path, clock):
    from resilience_journal.storage import Journal

    assert journal.selfcare.reminder_settings() == ReminderSettings()  # off by default
    journal.selfcare.set_prefs(SelfCarePrefs(role="family support worker", leave_threshold_days=45))
    journal.selfcare.set_reminder_settings(ReminderSettings(checkin_enabled=True))
    journal.selfcare.mark_reminder_shown("checkin:2026-11-25")
    journal.checkins.save(CheckIn(TODAY, mood=5, note="zebra-crossing-note"))
    journal.close()
    assert b"family support worker" not in file_bytes(journal_path)
    assert b"zebra-crossing-note" not in file_bytes(journal_path)
    j = Journal.open(journal_path, PASSPHRASE, clock=clock)
    try:
        assert j.selfcare.prefs().role == "family support worker"
        assert j.selfcare.prefs().leave_threshold_days == 45
        assert j.selfcare.reminder_settings().checkin_enabled
        assert j.selfcare.shown_reminders() == ["checkin:2026-11-25"]
    finally:
        j.close()


def test_checkin_times_are_timezone_aware(journal):
    saved = journal.checkins.save(CheckIn(TODAY, mood=5))
    assert isinstance(saved.created_at, datetime) and saved.created_at.tzinfo is not None
