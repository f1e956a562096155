"""The Supervision page: the clock, recording sessions and actions, ticking actions off."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from support import save_png

from resilience_journal.domain.supervision import Action, Session
from resilience_journal.ui.pages.supervision_page import SupervisionPage


def _page(qtbot, page_context) -> SupervisionPage:
    page = SupervisionPage(page_context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def test_empty_page_invites_a_first_session(qtbot, page_context):
    page = _page(qtbot, page_context)
    assert page.clock_headline.text() == "No supervision recorded yet"
    assert page.sessions_empty.isVisible() and not page.sessions.isVisible()
    save_png(page, "supervision-empty")


def test_recording_a_session_with_actions_updates_the_clock(qtbot, page_context):
    changed = []
    page_context.events.changed.connect(changed.append)
    page = _page(qtbot, page_context)
    dialog = page.add_session()
    dialog.held_on.setDate(dialog.held_on.date().addDays(-10))
    qtbot.keyClicks(dialog.supervisor, "Priya")
    qtbot.keyClicks(dialog.notes, "Talked about the court week.")
    dialog.new_actions.setPlainText("Book the court skills course\n\nAsk about a co-worker")
    save_png(dialog, "session-dialog")
    qtbot.mouseClick(dialog.findChild(type(page.prepare), "save"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.clock_headline.text().startswith("10 days since your last supervision (15 November 2026)")
    assert page.sessions.topLevelItemCount() == 1
    assert page.sessions.topLevelItem(0).text(1) == "Priya"
    assert page.tabs.tabText(1) == "Actions (2 open)"
    detail = page.session_detail.toPlainText()
    assert "Talked about the court week." in detail and "Book the court skills course" in detail
    assert "supervision" in changed


def test_a_future_session_is_refused_next_to_the_field(qtbot, page_context):
    page = _page(qtbot, page_context)
    dialog = page.add_session()
    dialog.held_on.setMaximumDate(dialog.held_on.date().addDays(30))
    dialog.held_on.setDate(dialog.held_on.date().addDays(3))
    dialog.accept()
    assert dialog.isVisible() and "still to come" in dialog.message.text()
    assert page_context.journal.supervision.sessions() == []


def test_overdue_supervision_gets_a_gentle_note_and_frequency_is_saved(qtbot, page_context):
    page_context.journal.supervision.add_session(Session(date(2026, 9, 1), "Priya"))
    page = _page(qtbot, page_context)
    assert "you deserve that space" in page.clock_note.text()
    page.frequency.setCurrentIndex(page.frequency.findData("quarterly"))
    page.frequency.activated.emit(page.frequency.currentIndex())
    assert page_context.journal.supervision.frequency().key == "quarterly"
    assert "you deserve" not in page.clock_note.text()
    save_png(page, "supervision-page")


def test_ticking_an_action_marks_it_done_and_unticking_reopens_it(qtbot, page_context):
    page_context.journal.supervision.add_action(Action("Write up the reflective log", due_on=date(2026, 12, 2)))
    page = _page(qtbot, page_context)
    page.tabs.setCurrentIndex(1)
    item = page.action_tree.topLevelItem(0)
    item.setCheckState(0, Qt.CheckState.Checked)
    assert page_context.journal.supervision.open_actions() == []
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Actions")
    assert page.action_tree.topLevelItem(0).font(1).strikeOut()
    page.action_tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    assert len(page_context.journal.supervision.open_actions()) == 1


def test_an_empty_action_is_refused_kindly(qtbot, page_context):
    page = _page(qtbot, page_context)
    dialog = page.add_action()
    dialog.accept()
    assert dialog.isVisible() and dialog.message.text() == "Please write what was agreed."
    dialog.text.setText("Ask for a co-worker")
    dialog.has_due.setChecked(True)
    dialog.accept()
    assert not dialog.isVisible()
    [action] = page_context.journal.supervision.actions()
    assert action.text == "Ask for a co-worker" and action.due_on == date(2026, 11, 25)


def test_deleting_a_session_keeps_its_actions(qtbot, page_context):
    repo = page_context.journal.supervision
    session = repo.add_session(Session(date(2026, 11, 4), "Priya"))
    repo.add_action(Action("Keep me", session_id=session.id))
    page = _page(qtbot, page_context)
    page.sessions.setCurrentItem(page.sessions.topLevelItem(0))
    page.delete_session(confirm=False)
    assert repo.sessions() == [] and [a.text for a in repo.actions()] == ["Keep me"]
