"""Finding entries again: filters, search, the Trash and "on this day" (storage level)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import PASSPHRASE, file_bytes

from resilience_journal.domain.journal_query import ReflectionFilter, highlight_spans, period_range
from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.domain.validation import MAX_TEXT, ValidationError
from resilience_journal.storage import Journal


def _add(j, clock, days_ago=0, **kw):
    base = dict(occurred_at=clock.now() - timedelta(days=days_ago, hours=1), activity_kind="Home visit", stress=5)
    base.update(kw)
    return j.reflections.add(Reflection(**base))


def test_filters_combine(journal, clock):
    a = _add(journal, clock, 1, emotions=("anxious",), tags=("court",), safety_concern=True, text="doorstep shouting")
    b = _add(journal, clock, 2, activity_kind="Phone call", emotions=("calm",), for_supervision=True)
    c = _add(journal, clock, 40, emotions=("anxious",), text="an old doorstep visit")
    ids = lambda f: [r.id for r in journal.reflections.find(f)]  # noqa: E731
    assert ids(ReflectionFilter()) == [a.id, b.id, c.id]
    assert ids(ReflectionFilter(emotion="anxious")) == [a.id, c.id]
    assert ids(ReflectionFilter(tag="court")) == [a.id]
    assert ids(ReflectionFilter(activity_kind="Phone call")) == [b.id]
    assert ids(ReflectionFilter(for_supervision=True)) == [b.id]
    assert ids(ReflectionFilter(safety_concern=True)) == [a.id]
    start, end = period_range("30d", clock.now().date())
    assert ids(ReflectionFilter(start=start, end=end, emotion="anxious")) == [a.id]
    assert ids(ReflectionFilter(text="doorst")) == [a.id, c.id]
    assert ids(ReflectionFilter(text="doorst", start=start)) == [a.id]
    assert journal.reflections.count_matching(ReflectionFilter(safety_concern=True)) == 1
    assert journal.reflections.tags() == ["court"]


def test_search_reaches_answers_tags_emotions_and_safety_note(journal, clock):
    r = _add(
        journal, clock, answers=(Answer("what", "What happened?", "kitchen conversation"),),
        tags=("strategy-meeting",), emotions=("drained",), safety_note="loose dog", safety_concern=True,
    )  # fmt: skip
    for word in ("kitch", "strategy", "drained", "dog"):
        assert [x.id for x in journal.reflections.find(ReflectionFilter(text=word))] == [r.id], word


def test_trash_restore_and_empty(journal, journal_path, clock):
    r = _add(journal, clock, text="zebracrossing memory")
    journal.reflections.delete(r.id)
    assert journal.reflections.find(ReflectionFilter(text="zebracrossing")) == []
    assert [x.id for x in journal.reflections.trash()] == [r.id]
    journal.reflections.restore(r.id)
    assert [x.id for x in journal.reflections.find(ReflectionFilter(text="zebracrossing"))] == [r.id]
    journal.reflections.delete(r.id)
    assert journal.reflections.empty_trash() == 1
    assert journal.reflections.trash() == []
    journal.checkpoint()
    assert b"zebracrossing" not in file_bytes(journal_path)


def test_trash_is_emptied_after_thirty_days(journal, clock):
    old = _add(journal, clock)
    journal.reflections.delete(old.id)
    clock.advance(days=10)
    recent = _add(journal, clock)
    journal.reflections.delete(recent.id)
    clock.advance(days=20, seconds=1)
    assert journal.reflections.purge_expired_trash() == 1
    assert [x.id for x in journal.reflections.trash()] == [recent.id]


def test_on_this_day_finds_same_date_in_earlier_months_and_years(journal, clock):
    today = clock.now().date()  # 25 November 2026

    def on(d: date):
        return _add(journal, clock, (today - d).days)

    month = on(date(2026, 10, 25))
    year = on(date(2025, 11, 25))
    on(date(2026, 11, 24))
    _add(journal, clock, 0)  # today itself is not "on this day"
    assert [r.id for r in journal.reflections.on_this_day(today)] == [month.id, year.id]


def test_highlight_spans_follow_prefix_search_ignoring_case_and_accents():
    text = "Café visit; the visitor was VISIBLY upset"
    assert [text[s:e] for s, e in highlight_spans(text, "cafe vis")] == ["Café", "vis", "vis", "VIS"]
    assert highlight_spans(text, "  ") == []


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_folding_keeps_one_character_per_character_and_matches_folding_each_alone(text):
    """The fast fold (one C pass) gives exactly what folding each character on its own gives,
    so highlight offsets still line up with the text."""
    from resilience_journal.domain.journal_query import _fold, _fold_char

    folded = _fold(text)
    assert len(folded) == len(text)
    assert folded == "".join(_fold_char(ch) for ch in text)


def test_highlights_in_text_with_dashes_and_curly_quotes():
    text = "Court — the judge’s “CAFÉ” remark; café later"
    assert [text[s:e] for s, e in highlight_spans(text, "cafe judge")] == ["judge", "CAFÉ", "café"]


_WORD_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzéüñçøåß")
    + list("αβγδ")
    + list("жзий")
    + list("שלוםאב")
    + list("مرحبا")
    + list("日本語")
)


#: Emoji (with joiners and skin tones), right-to-left scripts and direction marks.
_EMOJI_AND_RTL = st.sampled_from(list("🙂🙁😢👩‍👧🏽 שלום مرحبا\u200f\u200e\u202e\u202c\n"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.one_of(st.text(max_size=300), st.text(_EMOJI_AND_RTL, max_size=100)),
    word=st.text(_WORD_ALPHABET, min_size=2, max_size=12),
    after=st.text(max_size=300),
)
def test_any_text_round_trips_and_is_found_by_a_word_it_contains(journal, clock, before, word, after):
    """Unicode, emoji, right-to-left, control characters: saved and loaded identically, and searchable."""
    text = f"{before} {word} {after}"
    r = _add(journal, clock, text=text, answers=(Answer("what", "What?", after),))
    got = journal.reflections.get(r.id)
    assert got.text == text
    assert got.answers[0].text == after
    assert r.id in [x.id for x in journal.reflections.find(ReflectionFilter(text=word))]
    journal.reflections.delete(r.id)
    journal.reflections.empty_trash()


def test_text_at_the_limit_round_trips_and_over_it_is_refused(journal_path, clock):
    long_text = ("مرحبا שלום 🙂 ünïcödé " * (MAX_TEXT // 20 + 1))[: MAX_TEXT - 8] + " needle1"
    assert len(long_text) == MAX_TEXT
    with Journal.create(journal_path, PASSPHRASE, clock=clock) as j:
        r = _add(j, clock, text=long_text)
        with pytest.raises(ValidationError) as e:
            _add(j, clock, text=long_text + "x")
        assert e.value.for_field("text")
    with Journal.open(journal_path, PASSPHRASE, clock=clock) as j:
        assert j.reflections.get(r.id).text == long_text
        assert [x.id for x in j.reflections.find(ReflectionFilter(text="needle"))] == [r.id]
        assert j.reflections.count() == 1


def test_counts_of_matches_and_of_their_safety_concerns_come_together(journal, clock):
    for i, (text, concern) in enumerate([("court today", True), ("court again", False), ("a home visit", True)]):
        journal.reflections.add(
            Reflection(occurred_at=clock.now() - timedelta(hours=i + 1), activity_kind="Duty", stress=5,
                       text=text, safety_concern=concern)
        )  # fmt: skip
    assert journal.reflections.counts_matching(ReflectionFilter(text="court")) == (2, 1)
    assert journal.reflections.counts_matching(ReflectionFilter()) == (3, 2)
    assert journal.reflections.counts_matching(ReflectionFilter(text="tribunal")) == (0, 0)
    assert journal.reflections.counts_matching(ReflectionFilter(text='"')) == (0, 0)  # nothing searchable
