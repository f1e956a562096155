"""The summary builder: the document holds the chosen pieces, only those, with the review's edits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.domain.summary import (
    FOOTER,
    AgendaPoint,
    EntryChoice,
    SummaryDraft,
    build_document,
    default_start,
    edit_piece,
    review_findings,
    share_items,
    text_pieces,
)
from resilience_journal.domain.supervision import ShareLevel, SupervisionFunction

WHEN = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)


def _reflection(answers: list[str], text: str = "", **kw) -> Reflection:
    return Reflection(
        occurred_at=kw.pop("when", WHEN),
        activity_kind="Home visit",
        stress=7,
        text=text,
        answers=tuple(Answer(f"p{i}", f"Prompt {i}?", a) for i, a in enumerate(answers)),
        **kw,
    )


def _all_text(draft: SummaryDraft) -> str:
    return "\n".join(build_document(draft, prepared_on=TODAY).texts())


def test_default_period_starts_the_day_after_the_last_session():
    assert default_start(date(2026, 11, 4), TODAY) == date(2026, 11, 5)
    assert default_start(None, TODAY) == TODAY - timedelta(days=28)


def test_headline_shares_no_words_of_the_entry():
    r = _reflection(["Sensitive answer"], text="Sensitive note", emotions=("tired",), case_label="Family Q")
    draft = SummaryDraft(date(2026, 11, 5), TODAY, entries=[EntryChoice(r, ShareLevel.HEADLINE)])
    text = _all_text(draft)
    assert "Friday 20 November 2026 · Home visit" in text and "Stress 7 out of 10" in text and "tired" in text
    assert "Sensitive" not in text and "Family Q" not in text
    assert FOOTER in text


def test_left_out_entries_are_not_in_the_document_or_the_record():
    r = _reflection(["Never leaves"])
    draft = SummaryDraft(
        date(2026, 11, 5), TODAY, entries=[EntryChoice(r, ShareLevel.LEAVE_OUT, frozenset({"answer:0"}))]
    )
    assert "Never leaves" not in _all_text(draft) and "Home visit" not in _all_text(draft)
    assert share_items(draft) == [] and draft.is_empty()


@settings(max_examples=40, deadline=None)
@given(
    answers=st.lists(st.text(alphabet="abcdefghij", min_size=6, max_size=12), min_size=1, max_size=5, unique=True),
    data=st.data(),
)
def test_exactly_the_ticked_answers_are_shared(answers, data):
    ticked = data.draw(st.sets(st.integers(0, len(answers) - 1)))
    answers = [f"<{a}>" for a in answers]  # brackets make every answer unique as a substring
    r = _reflection(answers)
    choice = EntryChoice(r, ShareLevel.WITH_REFLECTION, frozenset(f"answer:{i}" for i in ticked))
    text = _all_text(SummaryDraft(date(2026, 11, 5), TODAY, entries=[choice]))
    for i, a in enumerate(answers):
        assert (a in text) == (i in ticked)
    items = share_items(SummaryDraft(date(2026, 11, 5), TODAY, entries=[choice]))
    assert {i.item_id for i in items if i.item_kind == "reflection_piece"} == {f"{r.uid}:answer:{i}" for i in ticked}
    [entry] = [i for i in items if i.item_kind == "reflection"]
    assert entry.level == ("with_reflection" if ticked else "headline")  # the record says what really left


def test_review_edits_change_the_copy_and_findings_can_be_kept():
    r = _reflection(["Met at 12 Acacia Road today"])
    draft = SummaryDraft(
        date(2026, 11, 5),
        TODAY,
        entries=[EntryChoice(r, ShareLevel.WITH_REFLECTION, frozenset({"answer:0"}))],
        agenda=[AgendaPoint(SupervisionFunction.SUPPORT, "Call 07700 900123 about it")],
    )
    found = {f.finding.kind for f in review_findings(draft)}
    assert {"address", "phone"} <= found
    key = f"entry:{r.uid}:answer:0"
    edit_piece(draft, key, "Met at the family home today")
    assert "Met at the family home today" in _all_text(draft) and "Acacia" not in _all_text(draft)
    assert r.answers[0].text == "Met at 12 Acacia Road today"  # the entry itself is untouched
    phone = next(f for f in review_findings(draft) if f.finding.kind == "phone")
    draft.kept.add(phone.keep_key)
    assert review_findings(draft) == []
    assert "07700 900123" in _all_text(draft)


def test_watch_words_are_checked_and_every_piece_is_listed():
    r = _reflection(["Spoke with Jasmine again"], emotions=("worried",))
    draft = SummaryDraft(
        date(2026, 11, 5), TODAY, entries=[EntryChoice(r, ShareLevel.WITH_REFLECTION, frozenset({"answer:0"}))]
    )
    assert [p.where.split(" — ")[-1] for p in text_pieces(draft)] == ["feelings", "Prompt 0?"]
    assert [f.finding.text for f in review_findings(draft, watch_words=["jasmine"])] == ["Jasmine"]
