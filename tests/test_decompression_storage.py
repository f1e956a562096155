"""Decompressions, templates, drafts and the watch list, as stored in the journal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import PASSPHRASE, file_bytes

from resilience_journal.domain import messages
from resilience_journal.domain.decompression import DEFAULT_STRATEGIES, Decompression, after_words
from resilience_journal.domain.exercises import GROUNDING_STEPS, BreathingPattern, breath_state, minutes_spent
from resilience_journal.domain.reflection import Reflection
from resilience_journal.domain.templates import DEFAULT_TEMPLATE_ID, builtin_templates, custom_template
from resilience_journal.domain.validation import ValidationError
from resilience_journal.storage import Journal


def test_decompression_round_trip_link_and_range(journal, clock):
    r = journal.reflections.add(Reflection(occurred_at=clock.now(), activity_kind="Home visit", stress=8))
    d = journal.decompressions.add(
        Decompression(occurred_at=clock.now(), strategy="Walk", minutes=15, stress_before=8, stress_after=5,
                      note="round the park", reflection_id=r.id)
    )  # fmt: skip
    standalone = journal.decompressions.add(
        Decompression(occurred_at=clock.now() - timedelta(days=3), strategy="Swimming", minutes=30)
    )
    assert journal.decompressions.get(d.id) == d
    assert journal.decompressions.for_reflection(r.id) == [d]
    today = clock.now().date()
    assert journal.decompressions.between(today - timedelta(days=7), today) == [standalone, d]
    assert journal.decompressions.between(today, today) == [d]
    assert "Swimming" in journal.vocabulary.words("strategy")  # own strategy remembered
    d2 = journal.decompressions.update(d.__class__(**{**d.__dict__, "stress_after": 3}))
    assert journal.decompressions.get(d.id).stress_after == 3 == d2.stress_after
    journal.decompressions.delete(d.id)
    assert journal.decompressions.get(d.id) is None


@pytest.mark.parametrize(
    ("field", "kw"),
    [
        ("stress_before", {"stress_before": 11}),
        ("stress_after", {"stress_after": -1}),
        ("minutes", {"minutes": 24 * 60 + 1}),
        ("strategy", {"strategy": "  "}),
    ],
)
def test_bad_decompression_is_refused_and_changes_nothing(journal, clock, field, kw):
    with pytest.raises(ValidationError) as e:
        journal.decompressions.add(Decompression(occurred_at=clock.now(), **{"strategy": "Walk", **kw}))
    assert e.value.for_field(field)
    assert journal.decompressions.count() == 0


def test_a_new_journal_offers_the_strategies_and_grouped_emotions(journal):
    assert journal.vocabulary.words("strategy")[: len(DEFAULT_STRATEGIES)] == list(DEFAULT_STRATEGIES)
    groups = journal.vocabulary.groups("emotion")
    assert 30 <= len(groups) <= 40
    assert len({g for _w, g in groups}) == 4


def test_after_words_are_glad_or_gently_suggest_another(clock):
    helped = Decompression(occurred_at=clock.now(), strategy="Walk", stress_before=7, stress_after=4)
    assert after_words(helped, ["Walk", "Music"]) == messages.DECOMPRESSION_HELPED.format(points=3, s="s")
    stuck = Decompression(occurred_at=clock.now(), strategy="Walk", stress_before=6, stress_after=6)
    words = after_words(stuck, ["Walk", "Music", "Breathing", "Other"])
    assert "music, breathing" in words and "walk" not in words.lower().split("try")[1]


def test_breathing_pacer_follows_the_pattern():
    p = BreathingPattern(4, 4, 4, 4)
    assert breath_state(p, 0, 60).phase == "Breathe in"
    assert breath_state(p, 2, 60).size == pytest.approx(0.5)
    assert breath_state(p, 5, 60).phase == "Hold" and breath_state(p, 5, 60).size == 1.0
    s = breath_state(p, 9, 60)
    assert (s.phase, s.seconds_left) == ("Breathe out", 3)
    assert breath_state(p, 17, 60).breaths_done == 1
    assert breath_state(p, 60, 60).finished
    assert breath_state(BreathingPattern(4, 0, 6, 0), 5, 60).phase == "Breathe out"
    assert [s.count for s in GROUNDING_STEPS] == [5, 4, 3, 2, 1]
    assert (minutes_spent(0), minutes_spent(30), minutes_spent(60), minutes_spent(61)) == (0, 1, 1, 2)


def test_templates_builtin_custom_and_hidden(journal):
    ids = [t.id for t in builtin_templates()]
    assert ids[0] == DEFAULT_TEMPLATE_ID and len(ids) == 6
    assert all(p.hint for t in builtin_templates() for p in t.prompts)
    mine = custom_template("After court", [("What did I say well?", "one thing"), ("", ""), ("What next?", "")])
    journal.templates.save_custom(mine)
    journal.templates.set_hidden("gibbs", True)
    shown = [t.id for t in journal.templates.all()]
    assert "gibbs" not in shown and mine.id in shown
    assert journal.templates.get("gibbs").hidden  # old entries can still name it
    assert [p.prompt for p in journal.templates.get(mine.id).prompts] == ["What did I say well?", "What next?"]
    journal.templates.set_hidden("gibbs", False)
    assert "gibbs" in [t.id for t in journal.templates.all()]
    with pytest.raises(ValidationError):
        custom_template(" ", [])


def test_drafts_and_watch_words_stay_inside_the_encryption(journal_path, clock):
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        j.drafts.save("reflection:new", {"text": "Draftmarker about the blue door"})
        j.watch_words.add("  Kowalski  ")
        j.watch_words.add("Greenfield Primary")
        j.checkpoint()
        assert b"Draftmarker" not in file_bytes(journal_path)
        assert b"Kowalski" not in file_bytes(journal_path)
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
        assert j.drafts.get("reflection:new").payload == {"text": "Draftmarker about the blue door"}
        assert [d.key for d in j.drafts.all()] == ["reflection:new"]
        assert j.watch_words.words() == ["Greenfield Primary", "Kowalski"]
        j.drafts.delete("reflection:new")
        j.watch_words.replace_all(["Smith", "", "Smith"])
        assert j.drafts.all() == [] and j.watch_words.words() == ["Smith"]


def test_a_version_1_journal_gains_the_lists_and_keeps_its_own_words(tmp_path, clock):
    from resilience_journal.storage.connection import create_connection
    from resilience_journal.storage.migrations import migrate

    path = tmp_path / "old.db"
    conn = create_connection(path, PASSPHRASE)
    migrate(conn, 1)
    conn.execute("INSERT INTO vocabulary (list, word, grp, position, custom) VALUES ('strategy', 'Swim', '', 0, 1)")
    conn.close()
    with Journal.open(path, PASSPHRASE, clock=clock) as j:
        strategies = j.vocabulary.words("strategy")
        assert strategies[0] == "Swim" and set(DEFAULT_STRATEGIES) <= set(strategies)
        assert len(j.vocabulary.groups("emotion")) >= 30
