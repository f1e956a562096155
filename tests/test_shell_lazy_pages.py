"""Unlocking builds only the first page; each other page is built when first shown, with current data.

Building every page at unlock was most of the unlock time on a ten-year journal
(docs/performance.md), so pages wait until they are needed — and must not show stale data then.
"""

from __future__ import annotations

from datetime import timedelta

from resilience_journal.domain.reflection import Reflection
from resilience_journal.ui.pages import PAGES
from resilience_journal.ui.shell import Shell


def test_only_the_first_page_is_built_at_unlock(qtbot, page_context):
    shell = Shell(page_context)
    qtbot.addWidget(shell)
    assert shell.current_page().objectName() == f"page_{PAGES[0].key}"
    assert [key for key in shell.pages] == [PAGES[0].key]


def test_a_page_built_later_shows_what_was_saved_before_it_was_opened(qtbot, page_context, clock):
    shell = Shell(page_context)
    qtbot.addWidget(shell)
    page_context.journal.reflections.add(
        Reflection(occurred_at=clock.now() - timedelta(hours=2), activity_kind="Court", stress=8, text="Waited all day")
    )
    page_context.events.changed.emit("reflections")
    journal_page = shell.show_page("journal")
    assert shell.current_page() is journal_page
    assert [r.text for r in journal_page.entries_shown()] == ["Waited all day"]


def test_every_page_can_be_shown_in_any_order_and_is_built_once(qtbot, page_context):
    shell = Shell(page_context)
    qtbot.addWidget(shell)
    for spec in reversed(PAGES):
        page = shell.show_page(spec.key)
        assert shell.current_page() is page and page.objectName() == f"page_{spec.key}"
    assert all(shell.show_page(spec.key) is shell.pages[spec.key] for spec in PAGES)
    assert shell.stack.count() == len(PAGES)
