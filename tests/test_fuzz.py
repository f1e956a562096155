"""Hypothesis fuzzing: whatever a file or a person types, the journal either accepts it exactly
or refuses it with a clear message — and a refused import changes nothing."""

from __future__ import annotations

import itertools
import json
from datetime import timedelta

import pytest
from every_table import fill_every_table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resilience_journal.domain.exchange_format import ImportRejected
from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.domain.validation import MAX_SHORT_TEXT, ValidationError
from resilience_journal.storage.backups import table_counts
from resilience_journal.storage.exchange import export_json, export_tables, import_file_text

FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,  # the same examples every run: a failure is reproducible
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
_fresh = itertools.count()


def _import_or_refuse(journal, text: str) -> bool:
    """Import ``text``; if refused, prove nothing changed and the message says where and what."""
    before = table_counts(journal.conn)
    try:
        import_file_text(journal, text)
    except ImportRejected as exc:
        assert exc.message  # always a sentence for the person
        assert table_counts(journal.conn) == before
        return False
    return True


@FUZZ
@given(text=st.text(max_size=300) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_any_text_is_imported_or_refused_cleanly(journal, text):
    _import_or_refuse(journal, text)


@pytest.fixture
def valid_export(journal, clock):
    fill_every_table(journal, clock)
    return json.loads(export_json(journal))


@FUZZ
@given(data=st.data(), value=JSON_VALUES)
def test_any_value_in_any_field_is_imported_or_refused_cleanly(journal, valid_export, data, value):
    doc = json.loads(json.dumps(valid_export))
    suffix = f"-{next(_fresh)}"  # fresh uids, so rows are really inserted rather than skipped
    for rows in doc["tables"].values():
        for row in rows:
            for key in ("uid", "reflection_id", "session_id", "share_id"):
                if isinstance(row.get(key), str):
                    row[key] += suffix
    table = data.draw(st.sampled_from(sorted(t for t, rows in doc["tables"].items() if rows)))
    row = data.draw(st.sampled_from(doc["tables"][table]))
    column = data.draw(st.sampled_from(sorted(row)) | st.text(max_size=10))
    row[column] = value
    accepted = _import_or_refuse(journal, json.dumps(doc))
    if accepted and isinstance(value, str) and "uid" in row and column not in REFERENCES:
        # Text that was accepted into a new row comes back exactly.
        stored = next(r for r in export_tables(journal)[table] if r["uid"] == row["uid"])
        assert stored[column] == value


REFERENCES = ("uid", "reflection_id", "session_id", "share_id")


@FUZZ
@given(
    entries=st.lists(
        st.dictionaries(
            st.sampled_from(["title", "body", "date", "time", "tags", "starred"]),
            JSON_VALUES | st.dates().map(str),
            max_size=6,
        ),
        max_size=4,
    )
)
def test_any_jrnl_file_is_imported_or_refused_cleanly(journal, entries):
    _import_or_refuse(journal, json.dumps({"entries": entries}))


SHORT = st.text(max_size=MAX_SHORT_TEXT + 20)
LONG = st.text(max_size=400) | st.just("y" * 100_001)


@FUZZ
@given(text=LONG, case_label=SHORT, safety_note=LONG, answer=LONG, tag=SHORT, emotion=SHORT)
def test_every_free_text_field_round_trips_exactly_or_is_refused(
    journal, clock, text, case_label, safety_note, answer, tag, emotion
):
    r = Reflection(
        occurred_at=clock.now() - timedelta(hours=1),
        activity_kind="Court",
        stress=5,
        text=text,
        case_label=case_label,
        safety_note=safety_note,
        answers=(Answer("a", "Prompt", answer),),
        tags=(tag,),
        emotions=(emotion,),
    )
    count = journal.reflections.count()
    try:
        saved = journal.reflections.add(r)
    except ValidationError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        assert journal.reflections.count() == count
        return
    got = journal.reflections.get(saved.id)
    assert (got.text, got.case_label, got.safety_note) == (text, case_label, safety_note)
    assert got.answers[0].text == answer and got.tags == (tag,) and got.emotions == (emotion,)
    journal.reflections.search(text[:50])  # any typed query is safe to search for
