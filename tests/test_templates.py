"""The user's own templates: made, changed and checked (pure domain, exact ids and messages)."""

from __future__ import annotations

import pytest

from resilience_journal.domain.reflection import Answer
from resilience_journal.domain.templates import (
    MAX_PROMPTS,
    custom_template,
    earlier_template,
    edited_template,
    parse_template_lines,
    template_lines,
)
from resilience_journal.domain.validation import ValidationError


def test_a_new_template_gets_ids_from_its_words_and_never_twice_the_same():
    t = custom_template(
        "After court", [("What went well?", ""), ("What went well?", "again"), ("!!", "")], {"custom_after_court"}
    )
    assert t.id == "custom_after_court_2"
    assert [p.id for p in t.prompts] == ["what_went_well", "what_went_well_2", "prompt_3"]
    assert t.custom and t.name == "After court"


def test_changing_a_template_keeps_its_id_and_the_ids_of_unchanged_prompts():
    original = custom_template("After court", [("What did I say well?", "one thing"), ("What next?", "")])
    changed = edited_template(
        original,
        "  After a hearing ",
        [("What next?", "for me"), ("What did I say well?", "one thing"), ("Who helped?", "")],
    )
    assert changed.id == original.id and changed.custom
    assert changed.name == "After a hearing"
    # Reordered and re-hinted prompts keep their ids: old answers still pair with them.
    assert [(p.id, p.prompt, p.hint) for p in changed.prompts] == [
        ("what_next", "What next?", "for me"),
        ("what_did_i_say_well", "What did I say well?", "one thing"),
        ("who_helped", "Who helped?", ""),
    ]


def test_a_reworded_prompt_is_a_new_question_and_never_takes_an_old_id():
    original = custom_template("Mine", [("What next?", ""), ("How am I?", "")])
    # "What next!" makes the same words as "What next?"; it must not inherit that prompt's answers.
    changed = edited_template(original, "Mine", [("What next!", ""), ("How am I?", ""), ("How am I?", "")])
    ids = [p.id for p in changed.prompts]
    assert ids[1] == "how_am_i"
    assert ids[0] not in {"what_next", "how_am_i"} and ids[2] not in {"what_next", "how_am_i"}
    assert len(set(ids)) == 3


def test_a_changed_template_is_checked_like_a_new_one():
    original = custom_template("Mine", [("What next?", "")])
    with pytest.raises(ValidationError) as e:
        edited_template(original, " ", [("", "")])
    assert [p.message for p in e.value.problems] == [
        "Please give the template a name.",
        "Please add at least one prompt.",
    ]


def test_too_many_prompts_are_refused_with_a_message_rather_than_dropped():
    prompts = [(f"Question {i}?", "") for i in range(MAX_PROMPTS + 1)]
    with pytest.raises(ValidationError) as e:
        custom_template("Long", prompts)
    assert [p.message for p in e.value.problems] == [
        f"A template can hold up to {MAX_PROMPTS} prompts; this one has {MAX_PROMPTS + 1}. Please combine or remove some."
    ]
    assert len(custom_template("Just right", prompts[:MAX_PROMPTS]).prompts) == MAX_PROMPTS


def test_template_lines_round_trip_with_hints():
    t = custom_template("Mine", [("What next?", "for me"), ("How am I?", "")])
    assert template_lines(t) == "What next? | for me\nHow am I?"
    assert parse_template_lines(template_lines(t)) == [("What next? ", " for me"), ("How am I?", "")]
    assert edited_template(t, "Mine", parse_template_lines(template_lines(t))).prompts == t.prompts


def test_an_earlier_template_is_made_from_an_entrys_own_answers():
    t = earlier_template("custom_gone", (Answer("stayed", "What stayed with me?", "the silence"),))
    assert t.id == "custom_gone" and t.name == "Earlier template" and t.hidden
    assert [(p.id, p.prompt) for p in t.prompts] == [("stayed", "What stayed with me?")]
