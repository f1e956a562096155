"""The Journal page: filters, highlighted search, the Trash and "on this day", on real widgets."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from support import save_png

from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.ui.pages.journal_page import HTML_ROLE, NO_MATCHES, NOTES_COLUMN, JournalPage


def _add(ctx, days_ago=0, **kw) -> Reflection:
    base = dict(occurred_at=ctx.clock.now() - timedelta(days=days_ago, hours=1), activity_kind="Home visit", stress=5)
    base.update(kw)
    return ctx.journal.reflections.add(Reflection(**base))


def _page(qtbot, ctx) -> JournalPage:
    page = JournalPage(ctx)
    ctx.events.changed.connect(lambda _what: page.refresh())  # what the shell does for the visible page
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _shown(page) -> list[int]:
    return [r.id for r in page.entries_shown()]


def test_filters_narrow_the_list_and_count_safety_concerns(qtbot, page_context):
    a = _add(page_context, 1, emotions=("anxious",), safety_concern=True, tags=("court",), text="shouting")
    b = _add(page_context, 3, activity_kind="Phone call", emotions=("calm",), for_supervision=True)
    c = _add(page_context, 60, emotions=("anxious",))
    page = _page(qtbot, page_context)
    assert _shown(page) == [a.id, b.id, c.id]
    assert page.summary.text() == "3 entries · 1 with a safety concern"
    page.emotion.setCurrentIndex(page.emotion.findData("anxious"))
    assert _shown(page) == [a.id, c.id]
    page.period.setCurrentIndex(page.period.findData("30d"))
    assert _shown(page) == [a.id]
    page.clear.click()
    page.kind.setCurrentIndex(page.kind.findData("Phone call"))
    assert _shown(page) == [b.id]
    page.clear_filters()
    page.supervision.setChecked(True)
    assert _shown(page) == [b.id]
    page.clear_filters()
    page.safety.setChecked(True)
    assert _shown(page) == [a.id]
    page.clear_filters()
    page.tag.setCurrentIndex(page.tag.findData("court"))
    assert _shown(page) == [a.id]
    page.emotion.setCurrentIndex(page.emotion.findData("proud"))
    assert _shown(page) == [] and "Clear filters" in page.empty.text()


def test_search_highlights_matches_in_list_and_preview(qtbot, page_context):
    _add(page_context, 2, activity_kind="Duty", text="Quiet day")
    r = _add(
        page_context,
        1,
        activity_kind="Duty",
        text="Short note",
        answers=(Answer("what", "What happened?", "The Visitor was calm"),),
    )
    page = _page(qtbot, page_context)
    qtbot.keyClicks(page.search, "visit")
    assert _shown(page) == [r.id]
    item = page.list.topLevelItem(0)
    assert "The Visitor was calm" in item.text(NOTES_COLUMN)
    assert "background-color" in item.data(NOTES_COLUMN, HTML_ROLE)
    assert ">Visit</span>or" in item.data(NOTES_COLUMN, HTML_ROLE)
    assert ">Visit</span>or was calm" in page.preview_html(r)
    assert "The Visitor was calm" in page.preview.toPlainText()
    save_png(page, "journal-search")
    page.search.setText("nothingmatches")
    assert page.empty.text() == NO_MATCHES.format(query="nothingmatches")


def test_delete_to_trash_restore_and_erase_for_good(qtbot, page_context):
    keep = _add(page_context, 1, text="keep me")
    gone = _add(page_context, 0, text="let me go")
    page = _page(qtbot, page_context)
    page.list.setCurrentItem(page.list.topLevelItem(0))
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert _shown(page) == [keep.id]
    assert "Trash" in page.note.text()
    page.views.setCurrentIndex(2)
    assert page.view == "trash" and _shown(page) == [gone.id]
    assert page.restore_button.isVisible() and not page.delete_button.isVisible()
    save_png(page, "journal-trash")
    page.restore_button.click()
    assert _shown(page) == []
    page.show_view("entries")
    assert _shown(page) == [gone.id, keep.id]
    page_context.journal.reflections.delete(gone.id)
    page.show_view("trash")
    page.empty_trash_button.click()  # first press asks
    assert _shown(page) == [gone.id] and "can't be undone" in page.note.text()
    page.empty_trash_button.click()
    assert _shown(page) == [] and page_context.journal.reflections.get(gone.id, include_deleted=True) is None


def test_on_this_day_shows_the_same_date_in_earlier_months(qtbot, page_context):
    today = page_context.clock.now().date()
    month = _add(page_context, (today - today.replace(month=today.month - 1)).days, text="a month back")
    year = _add(page_context, (today - today.replace(year=today.year - 1)).days, text="a year back")
    _add(page_context, 1, text="yesterday")
    page = _page(qtbot, page_context)
    page.show_view("on_this_day")
    assert _shown(page) == [month.id, year.id]
    assert page.list.topLevelItem(0).text(0).startswith("1 month ago")
    assert page.list.topLevelItem(1).text(0).startswith("1 year ago")
    save_png(page, "journal-on-this-day")


def test_preview_shows_what_helped(qtbot, page_context):
    from resilience_journal.domain.decompression import Decompression

    r = _add(page_context, 0, stress=8, safety_concern=True, safety_note="raised voices")
    page_context.journal.decompressions.add(
        Decompression(occurred_at=page_context.clock.now(), strategy="Walk", minutes=15, stress_before=8,
                      stress_after=5, reflection_id=r.id)
    )  # fmt: skip
    page = _page(qtbot, page_context)
    text = page.preview.toPlainText()
    assert "Safety concern. raised voices" in text
    assert "What helped: Walk for 15 min, stress 8 → 5" in text
