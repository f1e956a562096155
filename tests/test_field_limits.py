"""Every limit on what a reflection accepts gives a clear message for the right field."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from resilience_journal.domain import messages
from resilience_journal.domain.reflection import Answer, Reflection, validate_reflection
from resilience_journal.domain.validation import MAX_ITEMS, MAX_SHORT_TEXT, MAX_TEXT, ValidationError

NOW = datetime(2026, 11, 25, 17, 30).astimezone()


def _problem(**changes) -> ValidationError:
    base = dict(occurred_at=NOW - timedelta(hours=1), activity_kind="Home visit", stress=5)
    base.update(changes)
    with pytest.raises(ValidationError) as caught:
        validate_reflection(Reflection(**base), NOW)
    return caught.value


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"stress": 11}, "stress", messages.RATING_OUT_OF_RANGE),
        ({"stress": -1}, "stress", messages.RATING_OUT_OF_RANGE),
        ({"stress": True}, "stress", messages.RATING_OUT_OF_RANGE),
        ({"occurred_at": NOW + timedelta(hours=2)}, "occurred_at", messages.WHEN_IN_FUTURE),
        ({"occurred_at": NOW.replace(year=26)}, "occurred_at", messages.WHEN_TOO_EARLY.format(year=1950)),
        ({"activity_kind": "   "}, "activity_kind", messages.ACTIVITY_MISSING),
        ({"text": "x" * (MAX_TEXT + 1)}, "text", messages.TEXT_TOO_LONG.format(limit=MAX_TEXT)),
        ({"case_label": "x" * (MAX_SHORT_TEXT + 1)}, "case_label", "200"),
        ({"tags": ("court", " ")}, "tags", messages.BLANK_ITEM),
        ({"emotions": ("x" * 201,)}, "emotions", "200"),
        ({"tags": tuple(f"t{i}" for i in range(MAX_ITEMS + 1))}, "tags", messages.TOO_MANY_ITEMS.format(limit=100)),
        ({"answers": (Answer("p" * 201, "Prompt", "fine"),)}, "answers.0.prompt_id", "200"),
        ({"template_id": "t" * 201}, "template_id", "200"),
    ],
)
def test_each_limit_names_its_field(changes, field, expected):
    problem = _problem(**changes)
    assert expected in (problem.for_field(field) or "")


def test_several_problems_are_reported_together():
    problem = _problem(stress=12, activity_kind="", text="x" * (MAX_TEXT + 1))
    assert {p.field for p in problem.problems} == {"stress", "activity_kind", "text"}


def test_a_bad_entry_is_refused_and_nothing_is_saved(journal, clock):
    with pytest.raises(ValidationError):
        journal.reflections.add(Reflection(occurred_at=clock.now(), activity_kind="Duty", stress=5, tags=("",)))
    assert journal.reflections.count() == 0


def test_the_quick_entry_shows_the_message_next_to_the_field(page_context, qtbot):
    from resilience_journal.ui.quick_entry import QuickEntryDialog

    dialog = QuickEntryDialog(page_context)
    qtbot.addWidget(dialog)
    dialog.activity.setCurrentText("Home visit")
    dialog.stress.setValue(4)
    dialog.text.setPlainText("x" * (MAX_TEXT + 1))
    dialog.save()
    assert dialog.msg_text.text() == messages.TEXT_TOO_LONG.format(limit=MAX_TEXT)
    assert dialog.msg_stress.isHidden()
    assert page_context.journal.reflections.count() == 0


def test_a_full_disk_keeps_the_writing_in_the_editor_and_says_so(page_context, qtbot, monkeypatch):
    from resilience_journal.storage import StorageFull
    from resilience_journal.ui.quick_entry import QuickEntryDialog

    def disk_full(_reflection):
        raise StorageFull("database or disk is full")  # what storage raises (tests/test_fault_disk.py)

    monkeypatch.setattr(page_context.journal.reflections, "add", disk_full)
    dialog = QuickEntryDialog(page_context)
    qtbot.addWidget(dialog)
    dialog.activity.setCurrentText("Home visit")
    dialog.stress.setValue(4)
    dialog.text.setPlainText("Words I do not want to lose")
    dialog.save()
    assert dialog.msg_form.text() == messages.DISK_FULL
    assert dialog.text.toPlainText() == "Words I do not want to lose"
    assert dialog.result() == 0  # still open, not accepted
