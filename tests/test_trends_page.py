"""The Trends page, driven like a user would: period, filter, table view, export, the support card."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from support import save_png

from resilience_journal.domain import messages
from resilience_journal.domain.periods import describe_range
from resilience_journal.domain.reflection import Reflection
from resilience_journal.domain.wellbeing_alert import DISMISSED_SETTING
from resilience_journal.ui.pages.trends_page import TrendsPage

KINDS = ("Home visit", "Phone call", "Court")
WAIT = 60_000  # generous: the worker draws nine charts on a busy machine


def _fill(journal, clock, days=180, stress=lambda k: 2 + (k * 5) % 7):
    """An entry every other day going back ``days`` days, kinds in turn, stress from 2 to 8."""
    tz = clock.now().tzinfo
    today = clock.now().date()
    with journal.transaction():
        for k in range(days // 2):
            day = today - timedelta(days=2 * k)
            journal.reflections.add(
                Reflection(
                    occurred_at=datetime(day.year, day.month, day.day, 9 + k % 8, tzinfo=tz),
                    activity_kind=KINDS[k % 3],
                    stress=stress(k),
                    emotions=("Tired",) if k % 2 else ("Hopeful", "Tired"),
                )
            )


def _page(page_context, qtbot) -> TrendsPage:
    page = TrendsPage(page_context)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        page.show()
    return page


def _choose(page, qtbot, combo, data):
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        combo.setCurrentIndex(combo.findData(data))


def test_nothing_is_computed_until_the_page_is_shown(page_context):
    page = TrendsPage(page_context)
    page.refresh()
    assert page._generation == 0  # no worker job, no matplotlib, while hidden
    page.deleteLater()


def test_changing_period_and_filter_changes_charts_and_insights(page_context, journal, clock, qtbot):
    _fill(journal, clock)
    page = _page(page_context, qtbot)
    save_png(page, "trends-page")
    assert page.current_range() == (clock.now().date() - timedelta(days=90), clock.now().date())
    three_months = page.insight_texts()
    assert three_months[0].startswith("Your stress averaged")
    assert "from 27 Aug to 25 Nov 2026" in three_months[0]
    assert page.visible_charts() == [
        "stress_over_time",
        "stress_by_kind",
        "emotions",
        "emotions_by_kind",
        "calendar",
        "when_it_hurts",
    ]
    rows_3m = page.panels["stress_over_time"].table_rows()
    assert len(rows_3m) == 46  # an entry every other day over 91 days

    _choose(page, qtbot, page.period, "4w")
    assert page.current_range() == (clock.now().date() - timedelta(days=27), clock.now().date())
    assert "from 29 Oct to 25 Nov 2026" in page.insight_texts()[0]
    assert page.insight_texts() != three_months
    assert len(page.panels["stress_over_time"].table_rows()) == 14

    _choose(page, qtbot, page.kind, "Court")
    kinds_table = page.panels["stress_by_kind"].table_rows()
    assert [row[0] for row in kinds_table] == ["Court"]
    assert "Court only" in page.panels["stress_over_time"].canvas.accessibleDescription()
    assert all("home visit" not in text.lower() for text in page.insight_texts())

    _choose(page, qtbot, page.kind, None)
    assert [row[0] for row in page.panels["stress_by_kind"].table_rows()] == list(KINDS)


def test_checkin_chart_appears_once_checkins_exist(page_context, journal, clock, qtbot):
    _fill(journal, clock, days=30)
    page = _page(page_context, qtbot)
    assert "checkins" not in page.visible_charts()
    with journal.transaction() as c:
        c.execute(
            "INSERT INTO checkin (uid, local_date, mood, energy, created_at, updated_at)"
            " VALUES ('c1', ?, 6, 4, 'x', 'x')",
            (clock.now().date().isoformat(),),
        )
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        page_context.events.changed.emit("checkins")
        page.refresh()
    assert "checkins" in page.visible_charts()
    assert page.panels["checkins"].table_rows() == [[clock.now().date().isoformat(), "6", "4", "–", "–"]]


def test_show_as_table_gives_the_same_numbers(page_context, journal, clock, qtbot):
    _fill(journal, clock, days=30)
    page = _page(page_context, qtbot)
    panel = page.panels["stress_by_kind"]
    assert panel.canvas.isVisibleTo(panel) and not panel.showing_table()
    qtbot.mouseClick(panel.table_button, Qt.MouseButton.LeftButton)
    assert panel.showing_table() and not panel.canvas.isVisibleTo(panel)
    assert panel.table_button.text() == "Show as chart"
    # 15 entries: kinds in turn, so 5 each.
    assert [(r[0], r[1]) for r in panel.table_rows()] == [("Court", "5"), ("Home visit", "5"), ("Phone call", "5")]
    assert panel.description.text().startswith("Stress by kind of work, 27 Aug to 25 Nov 2026.")
    save_png(panel, "trends-table")


def test_export_writes_an_owner_only_file_and_says_it_is_not_encrypted(page_context, journal, clock, qtbot, tmp_path):
    _fill(journal, clock, days=30)
    page = _page(page_context, qtbot)
    out = tmp_path / "stress.pdf"
    with qtbot.waitSignal(page.exported, timeout=WAIT) as blocker:
        page.export_chart("stress_over_time", out)
    assert blocker.args == ["stress_over_time", str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    from pdf_text import pdf_text

    start, end = page.current_range()
    heading = f"Stress over time, {describe_range(start, end)}"  # a file on its own says what it shows
    assert heading in pdf_text(out.read_bytes())
    status = page.panels["stress_over_time"].status.text()
    assert "not encrypted" in status and str(out) in status

    with qtbot.waitSignal(page.exported, timeout=WAIT) as blocker:
        page.export_chart("calendar", tmp_path / "missing" / "c.png")
    assert blocker.args == ["calendar", ""]
    status = page.panels["calendar"].status.text()
    assert "can't be found" in status and "nothing was written" in status
    assert not (tmp_path / "missing").exists()


def test_custom_range_refuses_backwards_dates_kindly(page_context, journal, clock, qtbot):
    _fill(journal, clock, days=60)
    page = _page(page_context, qtbot)
    before = page.current_range()
    page.period.setCurrentIndex(page.period.findData("custom"))
    assert page.custom_row.isVisibleTo(page)
    page.start_edit.setDate(page.end_edit.date().addDays(3))
    qtbot.mouseClick(page.apply_range, Qt.MouseButton.LeftButton)
    assert page.range_message.isVisibleTo(page)
    assert page.range_message.text() == messages.CUSTOM_RANGE_BACKWARDS
    assert page.current_range() == before
    page.start_edit.setDate(page.end_edit.date().addDays(-9))
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        qtbot.mouseClick(page.apply_range, Qt.MouseButton.LeftButton)
    assert not page.range_message.isVisibleTo(page)
    assert page.current_range() == (clock.now().date() - timedelta(days=9), clock.now().date())


def test_enter_in_a_date_box_shows_the_dates_typed(page_context, journal, clock, qtbot):
    _fill(journal, clock, days=60)
    page = _page(page_context, qtbot)
    page.activateWindow()
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.end_edit.setFocus()
    qtbot.waitUntil(page.end_edit.hasFocus)
    page.start_edit.setDate(page.end_edit.date().addDays(-4))
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        qtbot.keyClick(page.end_edit, Qt.Key.Key_Return)
    assert page.current_range() == (clock.now().date() - timedelta(days=4), clock.now().date())


def test_dismissed_card_returns_after_a_week_only_if_stress_is_still_high(page_context, journal, clock, qtbot):
    _fill(journal, clock, days=30, stress=lambda k: 9)
    page = _page(page_context, qtbot)
    assert page.card.isVisibleTo(page)
    text = page.card.body.text()
    assert "averaged 9.0 across 14 entries" in text  # the last 28 days: an entry every other day
    assert "116 123" in text and "not a diagnosis" in text
    assert "supervisor" in text and "occupational health" in text and "employee assistance" in text
    save_png(page, "trends-high-stress")
    qtbot.mouseClick(page.card.dismiss_button, Qt.MouseButton.LeftButton)
    assert not page.card.isVisibleTo(page)
    assert journal.settings.get(DISMISSED_SETTING) == clock.now().date().isoformat()
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        page.refresh()
    assert not page.card.isVisibleTo(page)  # dismissed today: stays away
    clock.advance(days=7)
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        page.refresh()
    assert page.card.isVisibleTo(page)  # a week on, entries from the last 28 days still high


def test_no_card_when_stress_is_moderate_and_an_old_dismissal_is_forgotten(page_context, journal, clock, qtbot):
    _fill(journal, clock, days=30, stress=lambda k: 5)
    journal.settings.set(DISMISSED_SETTING, clock.now().date().isoformat())
    page = _page(page_context, qtbot)
    assert not page.card.isVisibleTo(page)
    assert journal.settings.get(DISMISSED_SETTING) is None


def test_empty_journal_shows_a_kind_empty_state(page_context, qtbot):
    page = _page(page_context, qtbot)
    assert page.empty.isVisibleTo(page)
    assert page.visible_charts() == []
    assert page.insight_texts() == []


def test_locking_while_charts_are_drawn_is_safe(page_context, journal, clock, qtbot):
    """The journal closes (auto-lock) mid-computation: no crash, no late result touches a widget."""
    import threading

    _fill(journal, clock, days=60)
    page = TrendsPage(page_context)
    page.resize(900, 700)
    page.show()
    qtbot.waitUntil(lambda: page._generation == 1, timeout=WAIT)  # the job has been handed to the worker
    page.deleteLater()
    qtbot.wait(0)
    journal.close()

    def worker_gone() -> bool:
        return not any(t.name.startswith("trends") and t.is_alive() for t in threading.enumerate())

    qtbot.waitUntil(worker_gone, timeout=WAIT)


def test_no_chart_is_drawn_for_a_page_already_gone(page_context, journal, clock, qtbot, monkeypatch):
    """Locked mid-job: the worker stops before the next chart, not after drawing it for nobody."""
    import threading

    from resilience_journal.ui.pages import trends_page
    from resilience_journal.ui.trends_job import RenderedChart

    _fill(journal, clock, days=60)
    real, gate, at_gate, after_gate = trends_page.compute, threading.Event(), threading.Event(), []

    def compute(journal, request, still_wanted):
        items = real(journal, request, still_wanted)
        for item in items:
            yield item
            if isinstance(item, RenderedChart):  # the first chart is on screen; hold the next
                at_gate.set()
                gate.wait(30)
                for later in items:
                    after_gate.append(type(later).__name__)
                    yield later
                return

    monkeypatch.setattr(trends_page, "compute", compute)
    page = TrendsPage(page_context)
    page.resize(900, 700)
    page.show()
    qtbot.waitUntil(at_gate.is_set, timeout=WAIT)
    gone = []
    page.destroyed.connect(lambda: gone.append(True))
    page.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT)
    gate.set()

    def worker_gone() -> bool:
        return not any(t.name.startswith("trends") and t.is_alive() for t in threading.enumerate())

    qtbot.waitUntil(worker_gone, timeout=WAIT)
    assert after_gate == []


def test_charts_follow_the_theme(page_context, journal, clock, qtbot):
    from PySide6.QtWidgets import QApplication

    from resilience_journal.ui.theme import apply_theme, current_theme, theme_colours

    app = QApplication.instance()
    before = current_theme(app)
    _fill(journal, clock, days=30)
    apply_theme(app, "light")
    page = _page(page_context, qtbot)
    assert page.panels["stress_by_kind"].canvas.image().pixelColor(2, 2).name() == theme_colours("light")["card"]
    try:
        with qtbot.waitSignal(page.ready, timeout=WAIT):
            apply_theme(app, "dark")
        canvas = page.panels["stress_by_kind"].canvas
        assert canvas.image().pixelColor(2, 2).name() == theme_colours("dark")["card"]
        save_png(page, "trends-dark")
    finally:
        apply_theme(app, before)


def test_export_warns_before_asking_where_and_honours_the_chosen_type(
    page_context, journal, clock, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    _fill(journal, clock, days=30)
    page = _page(page_context, qtbot)
    warnings, asked = [], []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: warnings.append(text) or answer[0])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: asked.append(a) or (str(tmp_path / "calendar"), "SVG image (*.svg)")
    )
    qtbot.mouseClick(page.panels["calendar"].export_button, Qt.MouseButton.LeftButton)
    assert warnings == [messages.CHART_EXPORT_WARNING] and "not encrypted" in warnings[0]
    assert asked == []  # cancelled at the warning: no file dialog, no file
    answer[0] = QMessageBox.StandardButton.Save
    with qtbot.waitSignal(page.exported, timeout=WAIT):
        qtbot.mouseClick(page.panels["calendar"].export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "calendar.svg").read_bytes().startswith(b"<?xml")


def test_a_wider_window_redraws_the_charts_at_the_new_width(page_context, journal, clock, qtbot):
    _fill(journal, clock, days=30)
    page = _page(page_context, qtbot)
    narrow = page.panels["stress_by_kind"].canvas.rendered_size().width()
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        page.resize(1400, 800)
    canvas = page.panels["stress_by_kind"].canvas
    wide = canvas.rendered_size().width()
    # The chart follows the page, drawn again off the GUI thread.  (Not exactly +400: a
    # vertical scroll bar may come or go as the charts reflow.)
    assert wide - narrow >= 350
    assert canvas.width() - 20 <= wide <= canvas.width()  # fills the canvas, give or take a scroll bar


def _count_jobs(page) -> list:
    """Every job the page hands its worker, recorded (and still run)."""
    jobs = []
    submit = page._worker.submit
    page._worker.submit = lambda tag, work: (jobs.append(tag), submit(tag, work))
    return jobs


def test_going_back_to_a_period_shows_it_at_once_until_the_journal_changes(page_context, journal, clock, qtbot):
    _fill(journal, clock)
    page = _page(page_context, qtbot)
    first_insights = page.insight_texts()
    first_picture = page.panels["stress_over_time"].canvas.image()
    _choose(page, qtbot, page.period, "4w")
    jobs = _count_jobs(page)

    _choose(page, qtbot, page.period, "3m")  # back to the first view
    assert jobs == []  # nothing read or drawn again
    assert page.insight_texts() == first_insights
    assert page.panels["stress_over_time"].canvas.image() == first_picture
    assert page.current_range() == (clock.now().date() - timedelta(days=90), clock.now().date())
    assert page.status.text() == ""

    # A new entry: every kept view is out of date, so the same period is read and drawn again.
    _fill(journal, clock, days=2, stress=lambda k: 10)
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        page.refresh()
    assert len(jobs) == 1
    assert page.insight_texts() != first_insights
    _choose(page, qtbot, page.period, "4w")
    assert len(jobs) == 2  # the four weeks drawn before the entry were forgotten too


def test_a_dismissed_card_stays_dismissed_in_views_kept_from_before(page_context, journal, clock, qtbot):
    _fill(journal, clock, days=30, stress=lambda k: 9)
    page = _page(page_context, qtbot)
    _choose(page, qtbot, page.period, "4w")
    assert page.card.isVisibleTo(page)
    qtbot.mouseClick(page.card.dismiss_button, Qt.MouseButton.LeftButton)
    _choose(page, qtbot, page.period, "3m")  # kept from before the dismissal
    assert not page.card.isVisibleTo(page)


def test_the_charts_in_view_are_drawn_first(page_context, journal, clock, qtbot):
    _fill(journal, clock)
    page = _page(page_context, qtbot)
    assert page.charts_in_view()[0] == "stress_over_time"  # at the top of the page
    bar = page.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    in_view = page.charts_in_view()
    assert in_view and "stress_over_time" not in in_view
    arrived: list[str] = []
    page.chartShown.connect(arrived.append)
    with qtbot.waitSignal(page.inViewReady, timeout=WAIT):
        page.period.setCurrentIndex(page.period.findData("4w"))
    assert arrived == in_view  # nothing else was drawn before what the user is looking at
    qtbot.waitSignal(page.ready, timeout=WAIT).wait()
    assert sorted(arrived) == sorted(page.visible_charts())


def test_an_old_chart_fades_while_its_replacement_is_drawn(page_context, journal, clock, qtbot):
    _fill(journal, clock)
    page = _page(page_context, qtbot)
    panel = page.panels["calendar"]
    canvas = panel.canvas
    assert not canvas.is_stale()
    before = canvas.grab().toImage()
    while_drawing = []

    def first_chart_arrived(key: str) -> None:
        if key == "stress_over_time":  # drawn first; the calendar is still being drawn
            while_drawing.append(
                (canvas.is_stale(), canvas.grab().toImage(), canvas.accessibleDescription(), panel.table.isEnabled())
            )

    page.chartShown.connect(first_chart_arrived)
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        page.period.setCurrentIndex(page.period.findData("4w"))
    [(stale, faded, said, table_usable)] = while_drawing
    assert stale
    # A screen reader is told too, and the old rows are greyed out.
    assert said.startswith(messages.CHART_UPDATING) and not table_usable
    assert not canvas.accessibleDescription().startswith(messages.CHART_UPDATING) and panel.table.isEnabled()

    # The old calendar is still there but paler: its darkest pixel is lighter than before.
    def darkest(img):
        return min(
            img.pixelColor(x, y).lightness() for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)
        )

    assert darkest(faded) > darkest(before) + 60
    assert not canvas.is_stale()


def test_custom_dates_are_drawn_only_once_shown_even_if_the_window_is_resized_meanwhile(
    page_context, journal, clock, qtbot
):
    from PySide6.QtCore import QDate

    _fill(journal, clock)
    page = _page(page_context, qtbot)
    shown_before = page.current_range()
    page.period.setCurrentIndex(page.period.findData("custom"))
    start, end = clock.now().date() - timedelta(days=10), clock.now().date() - timedelta(days=1)
    page.start_edit.setDate(QDate(start.year, start.month, start.day))
    page.end_edit.setDate(QDate(end.year, end.month, end.day))
    # Dates typed but Show not pressed: a wider window redraws what is on screen, as it is.
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        page.resize(1400, 800)
    assert page.current_range() == shown_before
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        qtbot.mouseClick(page.apply_range, Qt.MouseButton.LeftButton)
    assert page.current_range() == (start, end)
    days = {row[0] for row in page.panels["stress_over_time"].table_rows()}
    assert days and all(start.isoformat() <= d <= end.isoformat() for d in days)


def test_a_card_dismissed_while_the_next_period_is_computed_stays_dismissed(
    page_context, journal, clock, qtbot, monkeypatch
):
    """The worker read "not dismissed" just before the click: its summary must not bring the
    card back, now or later from the kept views."""
    import threading

    from resilience_journal.ui.pages import trends_page
    from resilience_journal.ui.trends_job import Summary

    _fill(journal, clock, days=30, stress=lambda k: 9)
    page = _page(page_context, qtbot)
    assert page.card.isVisibleTo(page)
    summary_made, real = threading.Event(), trends_page.compute

    def compute(*args, **kwargs):
        for item in real(*args, **kwargs):
            if isinstance(item, Summary):
                summary_made.set()
            yield item

    monkeypatch.setattr(trends_page, "compute", compute)
    page.period.setCurrentIndex(page.period.findData("4w"))
    assert summary_made.wait(30)  # computed with the card not yet dismissed
    qtbot.mouseClick(page.card.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitSignal(page.ready, timeout=WAIT).wait()
    assert not page.card.isVisibleTo(page)
    _choose(page, qtbot, page.period, "3m")
    _choose(page, qtbot, page.period, "4w")
    assert not page.card.isVisibleTo(page)


def test_nothing_the_session_showed_stays_in_memory_after_locking(qtbot, journal, journal_path, clock, tmp_path):
    """The collector is kept off long-lived objects (gc.freeze) while charts are drawn; what it
    froze during a session must still be freed when the journal is locked."""
    import gc
    import weakref

    from support import PASSPHRASE

    from resilience_journal.storage import Journal
    from resilience_journal.ui.main_window import MainWindow
    from resilience_journal.ui.ui_settings import UiSettings

    _fill(journal, clock)
    journal.close()
    window = MainWindow(journal_path, clock, UiSettings(tmp_path / "ui"))
    qtbot.addWidget(window)
    window.show()
    opened = Journal.open(journal_path, PASSPHRASE, clock=clock)
    window.open_journal(opened)
    page = window.shell.pages["trends"]
    with qtbot.waitSignal(page.ready, timeout=WAIT):
        window.shell.show_page("trends")
    assert page.panels["stress_over_time"].table_rows()
    # This session's journal, page, the data on screen and the views kept: all must go.
    session = [weakref.ref(o) for o in (opened, page, page._data, page._cache, window.shell)]
    gc.freeze()  # as drawing the first chart of the app's life does
    del page, opened
    window.lock()
    qtbot.waitUntil(lambda: gc.get_freeze_count() == 0, timeout=5000)
    assert [type(ref()).__name__ for ref in session if ref() is not None] == []


def test_in_a_narrow_window_the_page_fits_its_width(page_context, journal, clock, qtbot):
    """Nothing is cut off at the right (there is no sideways scrolling to reveal it): with the
    app's style sheet, a chart's long title must wrap rather than widen its card."""
    from PySide6.QtWidgets import QApplication

    from resilience_journal.ui.theme import apply_theme, current_theme

    app = QApplication.instance()
    before = current_theme(app)
    apply_theme(app, "light")
    try:
        _fill(journal, clock)
        page = _page(page_context, qtbot)
        assert page.panels["when_it_hurts"].isVisibleTo(page)  # the longest title
        with qtbot.waitSignal(page.ready, timeout=WAIT):
            page.resize(560, 800)
        assert page.scroll.widget().minimumSizeHint().width() <= page.scroll.viewport().width()
        qtbot.waitUntil(lambda: page.scroll.widget().width() <= page.scroll.viewport().width(), timeout=WAIT)
        save_png(page, "trends-narrow")
    finally:
        apply_theme(app, before)
