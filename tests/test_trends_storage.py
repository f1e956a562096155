"""The trends loader reads exactly what the charts need, from the m001 tables, and nothing else."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from resilience_journal.domain.reflection import Reflection
from resilience_journal.storage.trends import activity_kinds_used, first_day, load_trend_data


def _when(clock, day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=clock.now().tzinfo)


def _add(journal, clock, day, stress, kind="Home visit", emotions=()):
    return journal.reflections.add(
        Reflection(occurred_at=_when(clock, day), activity_kind=kind, stress=stress, emotions=tuple(emotions))
    )


def _decompression(journal, clock, day, strategy, before, after, reflection=None, deleted=False):
    when = _when(clock, day, 18).isoformat()
    with journal.transaction() as c:
        c.execute(
            "INSERT INTO decompression (uid, reflection_id, strategy, occurred_at, local_date, stress_before,"
            " stress_after, created_at, updated_at, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                f"d-{strategy}-{day}-{before}",
                reflection.id if reflection else None,
                strategy,
                when,
                day.isoformat(),
                before,
                after,
                when,
                when,
                when if deleted else None,
            ),
        )


def test_loader_reads_period_filter_and_earlier_span(journal, clock):
    _add(journal, clock, date(2026, 10, 20), 3)  # in the 4 weeks before
    visit = _add(journal, clock, date(2026, 11, 2), 7, emotions=("Tired", "Sad"))
    _add(journal, clock, date(2026, 11, 3), 4, kind="Phone call", emotions=("Calm",))
    gone = _add(journal, clock, date(2026, 11, 4), 9)
    journal.reflections.delete(gone.id)  # in the Trash: not counted
    _decompression(journal, clock, date(2026, 11, 2), "Walk", 7, 4, reflection=visit)
    _decompression(journal, clock, date(2026, 11, 5), "Music", 6, 5)  # standalone
    _decompression(journal, clock, date(2026, 11, 6), "Music", 6, None)  # no "after": says nothing
    _decompression(journal, clock, date(2026, 11, 7), "Walk", 9, 1, deleted=True)

    data = load_trend_data(journal, date(2026, 10, 29), date(2026, 11, 25))
    assert [(e.local_date, e.activity_kind, e.stress) for e in data.entries] == [
        (date(2026, 11, 2), "Home visit", 7),
        (date(2026, 11, 3), "Phone call", 4),
    ]
    assert [e.stress for e in data.earlier_entries] == [3]
    assert [(d.strategy, d.stress_before, d.stress_after) for d in data.decompressions] == [
        ("Walk", 7, 4),
        ("Music", 6, 5),
    ]
    assert [(t.activity_kind, t.emotion, t.n) for t in data.emotions] == [
        ("Home visit", "Sad", 1),
        ("Home visit", "Tired", 1),
        ("Phone call", "Calm", 1),
    ]

    home = load_trend_data(journal, date(2026, 10, 29), date(2026, 11, 25), "Home visit")
    assert [e.stress for e in home.entries] == [7]
    assert [d.strategy for d in home.decompressions] == ["Walk"]  # standalone uses have no kind
    assert {t.emotion for t in home.emotions} == {"Tired", "Sad"}


def test_trend_query_reads_only_the_covering_index(journal):
    """On a ten-year journal, reading whole rows (with their text) would be the slow part."""
    plan = journal.query(
        "EXPLAIN QUERY PLAN SELECT occurred_at, activity_kind, stress FROM reflection"
        " WHERE local_date BETWEEN '2026-01-01' AND '2026-12-31' AND deleted_at IS NULL"
    )
    assert any("COVERING INDEX" in row[-1] for row in plan), plan


def test_loader_reads_checkins_and_questionnaire_scores(journal):
    with journal.transaction() as c:
        c.execute(
            "INSERT INTO checkin (uid, local_date, mood, energy, sleep_quality, workload, created_at, updated_at)"
            " VALUES ('c1', '2026-11-20', 6, NULL, 7, 8, 'x', 'x')"
        )
        c.execute(
            "INSERT INTO measure (uid, instrument, taken_at, local_date, responses, scores, created_at) VALUES"
            " ('m1', 'cbi', '2026-11-21T09:00:00+00:00', '2026-11-21', '{}',"
            ' \'{"personal": 45.8, "work": 50, "client": null}\', \'x\')'
        )
    data = load_trend_data(journal, date(2026, 11, 1), date(2026, 11, 25))
    assert [(c.local_date, c.mood, c.energy, c.sleep_quality, c.workload) for c in data.checkins] == [
        (date(2026, 11, 20), 6, None, 7, 8)
    ]
    assert sorted((m.instrument, m.scale, m.score) for m in data.measures) == [
        ("cbi", "personal", 45.8),
        ("cbi", "work", 50.0),
    ]  # an unscored scale (null) is left out, not drawn as zero


def test_first_day_and_kinds(journal, clock):
    assert first_day(journal) is None
    _add(journal, clock, date(2026, 3, 4), 5, kind="Court")
    _add(journal, clock, date(2026, 5, 4), 5, kind="Home visit")
    with journal.transaction() as c:
        c.execute(
            "INSERT INTO checkin (uid, local_date, mood, created_at, updated_at) VALUES ('c', '2026-02-01', 5, 'x', 'x')"
        )
    assert first_day(journal) == date(2026, 2, 1)
    assert activity_kinds_used(journal) == ["Home visit", "Court"]  # the user's list order


def test_backwards_period_is_refused(journal):
    with pytest.raises(ValueError):
        load_trend_data(journal, date(2026, 11, 2), date(2026, 11, 1))


def test_long_periods_are_read_in_pieces_without_losing_or_repeating_an_entry(journal, clock):
    days = [date(2024, 1, 1), date(2024, 7, 1), date(2024, 7, 2), date(2025, 12, 31), date(2026, 11, 25)]
    for i, day in enumerate(days):
        _add(journal, clock, day, i)
        _decompression(journal, clock, day, "Walk", 8, i)
    data = load_trend_data(journal, date(2024, 1, 1), date(2026, 11, 25))
    assert [e.local_date for e in data.entries] == days
    assert [d.local_date for d in data.decompressions] == days
