"""Preparing a supervision summary through the real widgets: choose, check, preview, save, record.

The journal holds entries whose every sentence is unique, so the exported files can be searched
for what must be there (the chosen pieces) and what must not (unchosen entries, unticked answers,
the detail replaced in the review).
"""

from __future__ import annotations

import stat
from datetime import date, timedelta

import pytest
from pdf_text import normalise, pdf_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from support import save_png

from resilience_journal.charts.catalog import chart
from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.domain.supervision import Action, Session, ShareLevel
from resilience_journal.storage.trends import load_trend_data
from resilience_journal.ui.pages.supervision_page import SupervisionPage
from resilience_journal.ui.summary_charts_step import ChartsStep
from resilience_journal.ui.summary_review import ReviewStep
from resilience_journal.ui.summary_steps import AgendaStep, EntriesStep, PeriodStep
from resilience_journal.ui.supervision_wizard import ExportStep, PreviewStep

CHOSEN_NOTE = "Quince lantern: the visit ran long but I held the boundary."
TICKED_ANSWER = "Marmalade compass: I noticed my shoulders drop once we sat down; postcode SW1A 1AA was on the letter."
UNTICKED_ANSWER = "Velvet anchor: I worried the whole drive home."
UNCHOSEN_NOTE = "Copper thistle: this entry was never meant to leave."
HEADLINE_NOTE = "Saffron kettle: only the headline of this one is shared."
AGENDA_POINT = "Talk about weighting of the court work"
ACTION_TEXT = "Ask for a co-worker on joint visits"


def _entry(journal, clock, days_ago: int, **kw) -> Reflection:
    when = clock.now() - timedelta(days=days_ago, hours=3)
    return journal.reflections.add(Reflection(occurred_at=when, activity_kind=kw.pop("kind", "Home visit"), **kw))


@pytest.fixture
def filled(journal, clock):
    journal.supervision.add_session(Session(date(2026, 11, 4), "Priya"))
    journal.supervision.add_action(Action(ACTION_TEXT, due_on=date(2026, 12, 1)))
    chosen = _entry(
        journal,
        clock,
        5,
        stress=8,
        text=CHOSEN_NOTE,
        emotions=("anxious", "proud"),
        for_supervision=True,
        answers=(
            Answer("noticed", "What did you notice?", TICKED_ANSWER),
            Answer("worry", "What worried you?", UNTICKED_ANSWER),
        ),
    )
    headline = _entry(journal, clock, 3, stress=6, text=HEADLINE_NOTE, for_supervision=True, kind="Court")
    unchosen = _entry(journal, clock, 2, stress=4, text=UNCHOSEN_NOTE)
    before_period = _entry(journal, clock, 40, stress=9, text="Old entry before the last session", for_supervision=True)
    with journal.transaction() as conn:  # what helped after the chosen visit
        conn.execute(
            "INSERT INTO decompression (uid, reflection_id, strategy, occurred_at, local_date, minutes,"
            " stress_before, stress_after, note, created_at, updated_at) VALUES"
            " ('d1', ?, 'Walk', ?, ?, 20, 8, 4, 'Decompression note stays private', ?, ?)",
            (
                chosen.id,
                clock.now().isoformat(),
                clock.now().date().isoformat(),
                clock.now().isoformat(),
                clock.now().isoformat(),
            ),
        )
    return {"chosen": chosen, "headline": headline, "unchosen": unchosen, "old": before_period}


def _open_wizard(qtbot, page_context):
    page = SupervisionPage(page_context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    qtbot.mouseClick(page.prepare, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    qtbot.waitUntil(wizard.isVisible)
    return page, wizard


def _walk_to_export(qtbot, wizard, filled, tmp_path):
    """Period → entries (one with reflection, one ticked answer) → a chart → agenda → review → preview."""
    period = wizard.current()
    assert isinstance(period, PeriodStep)
    assert period.start.date().toPython() == date(2026, 11, 5)  # the day after the last session
    save_png(wizard, "wizard-1-period")
    assert wizard.next()

    entries = wizard.current()
    assert isinstance(entries, EntriesStep)
    levels = {e.uid: e.level for e in wizard.draft.entries}
    assert levels == {
        filled["chosen"].uid: ShareLevel.HEADLINE,
        filled["headline"].uid: ShareLevel.HEADLINE,
        filled["unchosen"].uid: ShareLevel.LEAVE_OUT,
    }  # flagged ones preselected, old one not in period
    entries.only_chosen.setChecked(True)
    shown = [entries.list.topLevelItem(i) for i in range(entries.list.topLevelItemCount())]
    assert sum(not item.isHidden() for item in shown) == 2  # the unchosen entry is hidden
    entries.only_chosen.setChecked(False)
    entries.select(filled["chosen"].uid)
    entries.level_buttons[ShareLevel.WITH_REFLECTION].click()
    assert entries.pieces.isVisible() and entries.pieces.count() == 3  # notes + two answers
    for i in range(entries.pieces.count()):
        item = entries.pieces.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("note", "answer:0"):
            item.setCheckState(Qt.CheckState.Checked)
    save_png(wizard, "wizard-2-entries")
    assert wizard.next()

    charts = wizard.current()
    assert isinstance(charts, ChartsStep)
    charts.set_checked("stress_over_time")
    qtbot.waitUntil(lambda: charts.description.text() == chart_description(wizard), timeout=20_000)
    save_png(wizard, "wizard-3-charts")
    charts.set_checked("stress_by_kind")
    if not wizard.next():  # still drawing: the flow moves on by itself when the chart is ready
        assert "Still drawing 1 chart" in wizard.message.text()
        qtbot.waitUntil(lambda: isinstance(wizard.current(), AgendaStep), timeout=20_000)
    assert [c.key for c in wizard.draft.charts] == ["stress_over_time", "stress_by_kind"]

    agenda = wizard.current()
    qtbot.keyClicks(agenda.boxes[next(iter(agenda.boxes))], AGENDA_POINT)
    assert agenda.action_list.count() == 1
    save_png(wizard, "wizard-4-agenda")
    assert wizard.next()

    review = wizard.current()
    assert isinstance(review, ReviewStep)
    found = [f.finding.text for f in review.open_findings()]
    assert found == ["SW1A 1AA"]
    save_png(wizard, "wizard-5-review")
    assert not wizard.next()  # an unresolved finding keeps the user on the review
    assert "1 detail still to look at" in wizard.message.text()
    qtbot.mouseClick(review.replace_button, Qt.MouseButton.LeftButton)
    assert review.open_findings() == []
    assert wizard.next()

    preview = wizard.current()
    assert isinstance(preview, PreviewStep)
    shown = normalise(preview.preview.plain_text())
    assert "[postcode] was on the letter" in shown and "SW1A" not in shown
    save_png(wizard, "wizard-6-preview")
    assert wizard.next()
    export = wizard.current()
    assert isinstance(export, ExportStep)
    return export


def chart_description(wizard) -> str:
    data = load_trend_data(wizard.ctx.journal, wizard.draft.start, wizard.draft.end)
    return chart("stress_over_time").describe(data)


def _save(qtbot, export) -> None:
    """Press Save and wait until the file is written (saving runs off the GUI thread)."""
    with qtbot.waitSignal(export.exported, timeout=30_000):
        qtbot.mouseClick(export.save_button, Qt.MouseButton.LeftButton)


def _check_contents(text: str, filled, chart_text: str) -> None:
    for piece in (
        chart_text,
        CHOSEN_NOTE,
        TICKED_ANSWER.replace("SW1A 1AA", "[postcode]"),
        AGENDA_POINT,
        ACTION_TEXT,
        "Stress 8 out of 10",
        "anxious, proud",
        "Walk (20 min, stress 8 → 4)",
        "Stress 6 out of 10",
        "Personal reflective summary — not a case record",
    ):
        assert normalise(piece) in text, piece
    for secret in (
        UNTICKED_ANSWER,
        UNCHOSEN_NOTE,
        HEADLINE_NOTE,
        "SW1A",
        "Old entry",
        "Decompression note",
        "What worried you?",
    ):
        assert normalise(secret) not in text, secret


def test_full_flow_exports_exactly_the_chosen_pieces_and_records_them(qtbot, page_context, filled, tmp_path):
    journal = page_context.journal
    page, wizard = _open_wizard(qtbot, page_context)
    export = _walk_to_export(qtbot, wizard, filled, tmp_path)
    save_png(wizard, "wizard-7-export")

    pdf_path = tmp_path / "out" / "summary.pdf"
    pdf_path.parent.mkdir()
    export.path.setText(str(pdf_path))
    _save(qtbot, export)
    assert export.saved_path == pdf_path, export.result.text()
    assert stat.S_IMODE(pdf_path.stat().st_mode) == 0o600
    described = chart_description(wizard)
    _check_contents(pdf_text(pdf_path.read_bytes()), filled, described)

    export.format_buttons["md"].click()
    assert export.path.text().endswith("summary.md")
    _save(qtbot, export)
    md = (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")
    _check_contents(normalise(md.replace("\\", "")), filled, described)

    export.format_buttons["html"].click()
    _save(qtbot, export)
    import html

    page_html = (tmp_path / "out" / "summary.html").read_text(encoding="utf-8")
    _check_contents(normalise(html.unescape(page_html)), filled, described)
    save_png(wizard, "wizard-8-saved")

    # The review changed the summary, never the journal.
    stored = journal.reflections.get(filled["chosen"].id)
    assert stored.answers[0].text == TICKED_ANSWER

    # One share record per file, each listing exactly what it held.
    records = journal.supervision.share_records()
    assert [r.file_name for r in records] == ["summary.html", "summary.md", "summary.pdf"]
    expected = {
        ("reflection", filled["chosen"].uid, "with_reflection"),
        ("reflection", filled["headline"].uid, "headline"),
        ("reflection_piece", f"{filled['chosen'].uid}:note", "shared"),
        ("reflection_piece", f"{filled['chosen'].uid}:answer:0", "shared"),
        ("chart", "stress_over_time", "included"),
        ("chart", "stress_by_kind", "included"),
        ("action", journal.supervision.open_actions()[0].uid, "included"),
    }
    for r in records:
        assert {(i.item_kind, i.item_id, i.level) for i in r.items} == expected
    assert records[-1].detail["format"] == "pdf" and records[-1].detail["start"] == "2026-11-05"

    # The page lists the records, and one can be opened to see what was shared.
    wizard.close()
    page.refresh()
    page.tabs.setCurrentIndex(2)
    assert page.shares.topLevelItemCount() == 3
    page.shares.setCurrentItem(page.shares.topLevelItem(2))
    dialog = page.view_share()
    rows = [dialog.items.topLevelItem(i).text(1) for i in range(dialog.items.topLevelItemCount())]
    assert "Stress over time" in rows and ACTION_TEXT in rows
    assert "Fri 20 Nov 2026 · Home visit — What did you notice?" in rows
    save_png(dialog, "share-record")
    dialog.close()


def test_back_keeps_every_choice_and_the_period_can_be_changed(qtbot, page_context, filled):
    _, wizard = _open_wizard(qtbot, page_context)
    assert wizard.next()
    entries = wizard.current()
    entries.select(filled["unchosen"].uid)
    entries.level_buttons[ShareLevel.HEADLINE].click()
    assert wizard.next()  # charts
    assert wizard.back() and wizard.back()  # back to the period
    period = wizard.current()
    period.start.setDate(period.end.date())  # today only
    assert wizard.next()
    levels = {e.uid: e.level for e in wizard.draft.entries}
    assert filled["unchosen"].uid not in levels  # today only: the two-days-ago entry is out of the period
    assert wizard.back()
    period.start.setDate(period.start.date().addDays(-10))
    assert wizard.next()
    levels = {e.uid: e.level for e in wizard.draft.entries}
    assert levels[filled["unchosen"].uid] == ShareLevel.HEADLINE  # the earlier choice came back


def test_a_period_that_ends_before_it_starts_is_refused_kindly(qtbot, page_context, filled):
    _, wizard = _open_wizard(qtbot, page_context)
    period = wizard.current()
    period.start.setDate(period.end.date().addDays(-1))
    period.end.setDate(period.start.date().addDays(-5))
    assert not wizard.next()
    assert "start of the period is after its end" in wizard.message.text()


def test_nothing_chosen_cannot_be_exported(qtbot, page_context):
    _, wizard = _open_wizard(qtbot, page_context)
    for _ in range(3):
        assert wizard.next()
    assert not wizard.next()
    assert "Nothing is chosen yet" in wizard.message.text()


def test_export_to_an_unwritable_place_says_so_and_records_nothing(qtbot, page_context, filled, tmp_path):
    import os

    _, wizard = _open_wizard(qtbot, page_context)
    export = _walk_to_export(qtbot, wizard, filled, tmp_path)
    target = "/sys/summary.pdf" if os.geteuid() == 0 else str(tmp_path / "locked" / "summary.pdf")
    if os.geteuid() != 0:
        (tmp_path / "locked").mkdir(mode=0o500)
    export.path.setText(target)
    _save(qtbot, export)
    assert export.saved_path is None
    assert "isn't allowed to write there" in export.result.text()
    assert page_context.journal.supervision.share_records() == []


def test_password_protected_pdf(qtbot, page_context, filled, tmp_path):
    _, wizard = _open_wizard(qtbot, page_context)
    export = _walk_to_export(qtbot, wizard, filled, tmp_path)
    export.path.setText(str(tmp_path / "locked.pdf"))
    export.protect.setChecked(True)
    assert export.password.isVisible()
    export.password.setText("blue teapot 42")
    export.password_again.setText("blue teapot 41")
    qtbot.mouseClick(export.save_button, Qt.MouseButton.LeftButton)
    assert "not the same" in export.result.text() and not (tmp_path / "locked.pdf").exists()
    export.password_again.setText("blue teapot 42")
    _save(qtbot, export)
    data = (tmp_path / "locked.pdf").read_bytes()
    with pytest.raises(PermissionError):
        pdf_text(data)
    assert normalise(CHOSEN_NOTE) in pdf_text(data, password="blue teapot 42")
    assert page_context.journal.supervision.share_records()[0].detail["password"] is True


def _walk_to_review(qtbot, wizard, filled):
    assert wizard.next()
    entries = wizard.current()
    entries.select(filled["chosen"].uid)
    entries.level_buttons[ShareLevel.WITH_REFLECTION].click()
    for i in range(entries.pieces.count()):
        if entries.pieces.item(i).data(Qt.ItemDataRole.UserRole) == "answer:0":
            entries.pieces.item(i).setCheckState(Qt.CheckState.Checked)
    for _ in range(3):
        assert wizard.next()
    review = wizard.current()
    assert isinstance(review, ReviewStep)
    return review


def _export_markdown(qtbot, wizard, path) -> str:
    for _ in range(2):
        assert wizard.next()
    export = wizard.current()
    export.format_buttons["md"].click()
    export.path.setText(str(path))
    _save(qtbot, export)
    return normalise(path.read_text(encoding="utf-8").replace("\\", ""))


def test_an_edit_in_the_review_changes_the_export_and_not_the_journal(qtbot, page_context, filled, tmp_path):
    _, wizard = _open_wizard(qtbot, page_context)
    review = _walk_to_review(qtbot, wizard, filled)
    review.editor.setPlainText("Marmalade compass: I noticed my shoulders drop once we sat down.")
    qtbot.mouseClick(review.save_edit, Qt.MouseButton.LeftButton)
    assert review.open_findings() == []
    text = _export_markdown(qtbot, wizard, tmp_path / "edited.md")
    assert "my shoulders drop once we sat down." in text and "postcode" not in text
    assert page_context.journal.reflections.get(filled["chosen"].id).answers[0].text == TICKED_ANSWER


def test_a_finding_kept_as_it_is_stays_and_starting_again_brings_it_back(qtbot, page_context, filled, tmp_path):
    _, wizard = _open_wizard(qtbot, page_context)
    review = _walk_to_review(qtbot, wizard, filled)
    qtbot.mouseClick(review.keep_button, Qt.MouseButton.LeftButton)
    assert review.open_findings() == [] and review.start_again.isEnabled()
    qtbot.mouseClick(review.start_again, Qt.MouseButton.LeftButton)
    assert [f.finding.text for f in review.open_findings()] == ["SW1A 1AA"]
    qtbot.mouseClick(review.keep_button, Qt.MouseButton.LeftButton)
    assert "SW1A 1AA" in _export_markdown(qtbot, wizard, tmp_path / "kept.md")


def test_the_flow_works_from_the_keyboard(qtbot, page_context, filled):
    page, wizard = _open_wizard(qtbot, page_context)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    assert QApplication.focusWidget() is wizard.current().start  # the period's first date
    qtbot.keyClick(wizard, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    entries = wizard.current()
    assert isinstance(entries, EntriesStep)
    assert QApplication.focusWidget() is entries.list
    entries.select(filled["unchosen"].uid)
    qtbot.keyClick(entries.list, Qt.Key.Key_Space)  # tick: shared at headline level
    assert {e.uid: e.level for e in wizard.draft.entries}[filled["unchosen"].uid] == ShareLevel.HEADLINE
    qtbot.keyClick(wizard, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert isinstance(wizard.current(), PeriodStep)


def test_the_journal_list_says_when_an_entry_was_shared(qtbot, page_context, filled, tmp_path):
    from resilience_journal.ui.pages.journal_page import JournalPage

    _, wizard = _open_wizard(qtbot, page_context)
    review = _walk_to_review(qtbot, wizard, filled)
    qtbot.mouseClick(review.replace_button, Qt.MouseButton.LeftButton)
    _export_markdown(qtbot, wizard, tmp_path / "shared.md")
    page = JournalPage(page_context)
    qtbot.addWidget(page)
    page.refresh()
    marks = {
        page.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole).uid: page.list.topLevelItem(i).text(4)
        for i in range(page.list.topLevelItemCount())
    }
    assert "Shared on 25 Nov" in marks[filled["chosen"].uid]
    assert "Shared on 25 Nov" in marks[filled["headline"].uid]
    assert "Shared" not in marks[filled["unchosen"].uid]


def test_closing_with_choices_asks_first_and_cancel_keeps_them(qtbot, page_context, filled, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _, wizard = _open_wizard(qtbot, page_context)
    for _ in range(3):
        assert wizard.next()
    qtbot.keyClicks(wizard.current().boxes[next(iter(wizard.current().boxes))], AGENDA_POINT)
    assert wizard.next()  # review
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel)
    wizard.reject()
    assert asked and wizard.isVisible() and wizard.draft.agenda[0].text == AGENDA_POINT
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    wizard.reject()
    assert not wizard.isVisible()


def test_words_on_the_watch_list_are_found_and_replaced_with_initials(qtbot, page_context, filled, tmp_path):
    journal = page_context.journal
    journal.watch_words.add("Marmalade")
    _, wizard = _open_wizard(qtbot, page_context)
    review = _walk_to_review(qtbot, wizard, filled)
    kinds = {f.finding.text: f.finding.kind for f in review.open_findings()}
    assert kinds == {"Marmalade": "watch_word", "SW1A 1AA": "postcode"}
    while review.open_findings():
        qtbot.mouseClick(review.replace_button, Qt.MouseButton.LeftButton)
    text = _export_markdown(qtbot, wizard, tmp_path / "initials.md")
    assert "M. compass" in text and "Marmalade" not in text


def test_an_existing_file_is_replaced_only_when_the_user_agrees(qtbot, page_context, filled, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _, wizard = _open_wizard(qtbot, page_context)
    export = _walk_to_export(qtbot, wizard, filled, tmp_path)
    target = tmp_path / "existing.pdf"
    target.write_bytes(b"an older file")
    export.path.setText(str(target))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert export.export() is False
    assert target.read_bytes() == b"an older file"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _save(qtbot, export)
    assert target.read_bytes().startswith(b"%PDF")
    assert len(page_context.journal.supervision.share_records()) == 1
