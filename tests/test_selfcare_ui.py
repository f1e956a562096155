"""The self-care features as a practitioner uses them: Today's check-in, a questionnaire, the
plan, contacts, leave, Support from anywhere, reminders and the plan export."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime, time, timedelta

import pytest
from pdf_text import normalise, pdf_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QRadioButton, QWidget
from support import NOW, save_png

from resilience_journal.domain import messages
from resilience_journal.domain.checkin import CheckIn
from resilience_journal.domain.leave import LeavePeriod
from resilience_journal.domain.questionnaires import Measure, cbi
from resilience_journal.domain.reflection import Reflection
from resilience_journal.domain.reminders import ReminderSettings
from resilience_journal.ui.shell import Shell

TODAY = NOW.date()


@pytest.fixture
def shell(qtbot, page_context):
    s = Shell(page_context)
    qtbot.addWidget(s)
    s.resize(1100, 860)
    s.show()
    qtbot.waitExposed(s)
    return s


def test_today_checkin_with_clicks_and_keys_then_edit(qtbot, shell, page_context):
    today = shell.show_page("today")
    form = today.form
    form.ratings["mood"].setFocus()
    qtbot.keyClick(form.ratings["mood"], Qt.Key.Key_6)
    qtbot.mouseClick(form.ratings["energy"]._group.button(4), Qt.MouseButton.LeftButton)
    form.sleep_hours.setValue(6.5)
    form._on_time_buttons["no"].click()
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Quiet afternoon")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)  # Enter in the note saves
    saved = page_context.journal.checkins.on(TODAY)
    assert (saved.mood, saved.energy, saved.sleep_hours, saved.finished_on_time, saved.note) == (
        6, 4, 6.5, False, "Quiet afternoon",
    )  # fmt: skip
    assert saved.sleep_quality is None and saved.breaks_taken is None
    assert form.status.text() == messages.CHECKIN_SAVED
    assert form.save_button.text() == "Update check-in"
    save_png(shell, "today-after-checkin")

    # A second check-in the same day edits the first.
    qtbot.keyClick(form.ratings["mood"], Qt.Key.Key_8)
    form.save_button.click()
    assert page_context.journal.checkins.count() == 1
    assert page_context.journal.checkins.on(TODAY).mood == 8
    assert form.status.text() == messages.CHECKIN_UPDATED


def test_an_empty_checkin_is_refused_kindly(qtbot, shell, page_context):
    form = shell.show_page("today").form
    form.save_button.click()
    assert form.messages["mood"].isVisible() and form.messages["mood"].text() == messages.CHECKIN_EMPTY
    assert page_context.journal.checkins.count() == 0


def test_today_shows_the_day_at_a_glance_and_the_leave_clock(qtbot, shell, page_context, clock):
    j = page_context.journal
    when = NOW.astimezone()
    for hour, stress in ((9, 4), (13, 8)):
        j.reflections.add(Reflection(occurred_at=when.replace(hour=hour), activity_kind="Home visit", stress=stress))
    j.selfcare.add_leave(LeavePeriod(date(2026, 8, 3), date(2026, 8, 14)))
    page_context.events.changed.emit("reflections")
    today = shell.show_page("today")
    assert today.figures["visits"].text() == "2"
    assert today.figures["stress"].text() == "8 / 10"
    assert today.leave_headline.text() == messages.LEAVE_DAYS_SINCE.format(days=103)
    assert today.leave_note.text() == messages.LEAVE_PAST_THRESHOLD  # past the default 60 days
    assert today.rhythm_note.isVisible()  # never taken, monthly suggestion on by default
    today.rhythm.click()  # the user turns the suggestion off
    assert j.selfcare.prefs().questionnaire_rhythm_days == 0
    assert not today.rhythm_note.isVisible()


def test_take_the_cbi_from_today_and_see_it_there(qtbot, shell, page_context):
    today = shell.show_page("today")
    today.findChild(QPushButton, "take_cbi").click()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "questionnaireDialog" and w.isVisible()
    )
    assert any("not a diagnosis" in label.text() for label in dialog.findChildren(QLabel))
    assert "Kristensen" in dialog.findChild(QLabel, "credit").text()
    for item in range(1, 20):
        dialog.answer(item, 3 if item != 13 else 1)  # "Often", and "Seldom" enough energy
    qtbot.mouseClick(dialog.findChild(QRadioButton, "item1_4"), Qt.MouseButton.LeftButton)  # change my mind: Always
    assert dialog.progress.text() == "19 of 19 answered"
    dialog.next.click()
    # personal: (100 + 5 x 75) / 6; work: all 75 (item 13 "Seldom" reversed is 75)
    assert dialog.findChild(QLabel, "score_personal").text() == "79.17 out of 100"
    assert dialog.findChild(QLabel, "score_work").text() == "75 out of 100"
    save_png(dialog, "cbi-results")
    dialog.save_button.click()
    m = page_context.journal.measures.latest("cbi")
    assert m.scores == {"personal": 79.17, "work": 75.0, "client": 75.0}
    assert today.last_results["cbi"].text().startswith("Last taken 25 November 2026: personal burnout 79.17")


def test_proqol_speaks_of_the_users_role_and_credits_cvt(qtbot, page_context):
    from dataclasses import replace

    from resilience_journal.ui.questionnaire_dialog import QuestionnaireDialog

    j = page_context.journal
    j.selfcare.set_prefs(replace(j.selfcare.prefs(), role="family support worker"))
    dialog = QuestionnaireDialog(page_context, "proqol5")
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "my life as a family support worker" in texts
    assert "Center for Victims of Torture" in texts and "proqol.org" in texts
    for item in range(1, 31):
        dialog.answer(item, 3)
    dialog.groups[28].setExclusive(False)
    dialog.groups[28].checkedButton().setChecked(False)  # skip one secondary-trauma item
    dialog.show_results()
    assert dialog.findChild(QLabel, "score_burnout").text() == "30 — moderate (10 to 50)"
    assert dialog.findChild(QLabel, "previous_burnout") is None  # nothing to compare with yet
    dialog.save_button.click()
    again = QuestionnaireDialog(page_context, "proqol5")
    qtbot.addWidget(again)
    for item in range(1, 31):
        again.answer(item, 4)
    again.show_results()
    assert again.findChild(QLabel, "previous_burnout").text() == "Last time (25 November 2026): 30 (moderate)"
    assert dialog.findChild(QLabel, "score_secondary_traumatic_stress").text().startswith("Not scored: 9 of 10")


def test_plan_edit_read_and_user_text_stays_text(qtbot, shell, page_context):
    page = shell.show_page("selfcare")
    page.plan.edit_button.click()
    page.plan.editors["warning_signs"].setPlainText("I skip lunch <b>every</b> day.\n\nI snap at home.")
    page.plan.editors["why"].setPlainText("Children safe at home.")
    page.plan.save_button.click()
    assert page_context.journal.selfcare.plan()["warning_signs"].startswith("I skip lunch")
    shown = page.plan.reading.text()
    assert "&lt;b&gt;every&lt;/b&gt;" in shown and "My warning signs" in shown and "Why I do this work" in shown
    assert "What helps me" not in shown  # empty sections are left out
    assert page.plan.status.text() == messages.PLAN_SAVED
    save_png(shell, "selfcare-plan")


def test_contacts_bad_number_refused_good_one_saved(qtbot, shell, page_context):
    page = shell.show_page("selfcare")
    page.show_tab("contacts")
    editor = page.contacts
    assert editor.list.topLevelItem(0).text(0) == "Samaritans" and editor.list.topLevelItem(0).text(1) == "116 123"
    editor.new()
    qtbot.keyClicks(editor.name, "My supervisor")
    qtbot.keyClicks(editor.phone, "ring me")
    editor.findChild(QPushButton, "saveContact").click()
    assert editor.fields["phone"].text() == messages.PHONE_NOT_A_NUMBER
    assert len(page_context.journal.selfcare.contacts()) == 2
    editor.phone.setText("01632 960 555")
    editor.findChild(QPushButton, "saveContact").click()
    assert [c.name for c in page_context.journal.selfcare.contacts()][-1] == "My supervisor"
    assert not editor.fields["phone"].isVisible()


def test_leave_recorded_on_selfcare_shows_on_today(qtbot, shell, page_context):
    page = shell.show_page("selfcare")
    page.show_tab("leave")
    editor = page.leave
    from PySide6.QtCore import QDate

    editor.start.setDate(QDate(2026, 11, 16))
    editor.end.setDate(QDate(2026, 11, 13))
    editor.findChild(QPushButton, "saveLeave").click()
    assert editor.fields["end"].text() == messages.LEAVE_ENDS_BEFORE_START
    assert page_context.journal.selfcare.leave_periods() == []
    editor.end.setDate(QDate(2026, 11, 20))
    editor.findChild(QPushButton, "saveLeave").click()
    assert editor.list.topLevelItemCount() == 1 and editor.list.topLevelItem(0).text(2) == "5"
    today = shell.show_page("today")
    assert today.leave_headline.text() == messages.LEAVE_DAYS_SINCE.format(days=5)


def test_support_is_two_clicks_from_any_page(qtbot, shell):
    for key in ("today", "journal", "selfcare"):
        shell.show_page(key)
        qtbot.mouseClick(shell.support_button, Qt.MouseButton.LeftButton)  # click 1
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "supportDialog" and w.isVisible())
        numbers = [label.text() for label in dialog.findChildren(QLabel, "contactNumber")]
        assert "116 123" in numbers
        dialog.close()
    save_png(dialog, "support")
    # click 2 from the dialog: edit the contacts
    shell.show_page("today")
    shell.support_button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "supportDialog" and w.isVisible())
    dialog.findChild(QPushButton, "editContacts").click()
    assert shell.current_page().objectName() == "page_selfcare"
    assert shell.current_page().tabs.currentWidget() is shell.current_page().contacts


def test_reminders_follow_the_fake_clock_and_carry_no_journal_text(qtbot, shell, page_context, clock):
    j = page_context.journal
    service = shell.reminders
    service.use_tray = False  # offscreen: the in-window banner
    assert service.check() is None  # off by default
    j.selfcare.set_reminder_settings(
        ReminderSettings(checkin_enabled=True, checkin_time=time(18, 0), followup_enabled=True)
    )
    assert service.check() is None  # 17:30, before the chosen time
    clock.set(datetime.combine(TODAY, time(18, 0)).astimezone())
    shown = []
    service.shown.connect(shown.append)
    r = service.check()
    assert r is not None and r.kind == "checkin"
    assert shell.banner.isVisible() and "check-in" in shell.banner.text.text()
    assert service.check() is None  # once per day
    shell.banner.go.click()
    assert shell.current_page().objectName() == "page_today" and not shell.banner.isVisible()

    j.reflections.add(
        Reflection(occurred_at=clock.now(), activity_kind="Court", stress=9, text="zanzibar cross-examination")
    )
    clock.advance(hours=15)  # 09:00 tomorrow
    r = service.check()
    assert r is not None and r.kind == "followup"
    assert "zanzibar" not in r.title + r.message and "zanzibar" not in shell.banner.text.text()
    assert [x.kind for x in shown] == ["checkin", "followup"]
    save_png(shell, "reminder-banner")


def test_timer_drives_check_without_sleeping(qtbot, shell):
    calls = []
    shell.reminders.timer.timeout.disconnect()
    shell.reminders.timer.timeout.connect(lambda: calls.append(1))
    assert shell.reminders.timer.isActive()
    shell.reminders.timer.timeout.emit()
    assert calls == [1]


@pytest.mark.parametrize("fmt", ["pdf", "html", "md"])
def test_plan_export_contains_the_plan_and_nothing_else(qtbot, page_context, tmp_path, fmt):
    from resilience_journal.ui.pages.selfcare_page import PlanView
    from resilience_journal.ui.plan_export import PlanExportDialog

    j = page_context.journal
    j.selfcare.save_plan({"what_helps": "Swimming on Thursdays", "supervision": "Monthly with Alex"})
    j.selfcare.ensure_default_contacts()
    # Everything else in the journal carries words that must never reach the file.
    j.reflections.add(Reflection(occurred_at=NOW.astimezone(), activity_kind="Court", stress=9, text="quokka hearing"))
    j.checkins.save(CheckIn(TODAY, mood=3, note="platypus afternoon"))
    answers = {i: 2 for i in range(1, 20)}
    j.measures.add(Measure("cbi", NOW.astimezone(), answers, cbi.scores_dict(answers)))
    j.selfcare.add_leave(LeavePeriod(date(2026, 8, 3), date(2026, 8, 14), note="wombat holiday"))

    view = PlanView(page_context)
    qtbot.addWidget(view)
    dialog = PlanExportDialog(page_context, view.document())
    qtbot.addWidget(dialog)
    assert "Swimming on Thursdays" in dialog.preview.plain_text()
    assert dialog.findChild(QLabel, "notEncryptedWarning").text() == messages.EXPORT_NOT_ENCRYPTED
    out = tmp_path / f"plan.{fmt}"
    assert dialog.save_to(out, fmt)
    data = out.read_bytes()
    text = normalise(pdf_text(data)) if fmt == "pdf" else data.decode("utf-8").replace("\\", "")
    for wanted in ("Swimming on Thursdays", "Monthly with Alex", "Samaritans", "116 123", "What helps me"):
        assert wanted in text
    for secret in ("quokka", "platypus", "wombat", "Court"):
        assert secret not in text
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert j.selfcare.export_count() == 1
    if fmt == "md":
        save_png(dialog, "plan-export")


def test_plan_export_to_an_unwritable_place_says_so_and_writes_nothing(qtbot, page_context, tmp_path):
    from resilience_journal.ui.pages.selfcare_page import PlanView
    from resilience_journal.ui.plan_export import PlanExportDialog

    view = PlanView(page_context)
    qtbot.addWidget(view)
    dialog = PlanExportDialog(page_context, view.document())
    qtbot.addWidget(dialog)
    missing = tmp_path / "no-such-folder" / "plan.pdf"
    assert not dialog.save_to(missing, "pdf")
    assert "can't be found" in dialog.message.text()
    assert not missing.parent.exists()
    assert page_context.journal.selfcare.export_count() == 0


def test_demo_has_self_care_data(tmp_path, clock):
    from resilience_journal.demo import fill
    from resilience_journal.storage import Journal

    with Journal.create(tmp_path / "demo.db", "demo passphrase here", clock=clock) as j:
        cal = fill(j, end=TODAY, days=120)
        checkins = j.checkins.between(cal.start, cal.end)
        working = [d for d in cal.days() if cal.is_working_day(d)]
        assert 0.7 * len(working) < len(checkins) <= len(working)
        assert j.checkins.on(TODAY) is None  # left for the newcomer to try
        assert 3 <= len(j.measures.history("cbi")) <= 5 and 3 <= len(j.measures.history("proqol5")) <= 5
        assert all(m.taken_at <= clock.now() for m in j.measures.history())
        assert all(j.selfcare.plan().values())
        assert len(j.selfcare.contacts()) == 4 and j.selfcare.contacts()[0].name == "Samaritans"
        assert len(j.selfcare.leave_periods()) >= 2
        # hard weeks show in the check-ins: mood is lower there on average
        hard = [c.mood for c in checkins if cal.is_hard_week(c.local_date)]
        easy = [c.mood for c in checkins if not cal.is_hard_week(c.local_date)]
        if hard:
            assert sum(hard) / len(hard) < sum(easy) / len(easy)
        assert (TODAY - timedelta(days=1)) >= cal.start


def test_checkin_by_keyboard_only(qtbot, shell, page_context):
    form = shell.show_page("today").form
    form.ratings["mood"].setFocus()
    for key in (Qt.Key.Key_7, Qt.Key.Key_Tab, Qt.Key.Key_5, Qt.Key.Key_Tab, Qt.Key.Key_6, Qt.Key.Key_Tab):
        qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0)  # workload 10
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "sleep_hours"
    qtbot.keyClicks(QApplication.focusWidget(), "6")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "9")  # hours worked
    for _ in range(3):  # breaks, finished on time, note
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "note"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    c = page_context.journal.checkins.on(TODAY)
    assert (c.mood, c.energy, c.sleep_quality, c.workload, c.sleep_hours, c.hours_worked) == (7, 5, 6, 10, 6.0, 9.0)


def test_tray_notifications_where_there_is_a_tray(qtbot, shell, page_context, clock):
    page_context.journal.selfcare.set_reminder_settings(ReminderSettings(checkin_enabled=True, checkin_time=time(17)))
    service = shell.reminders
    service.use_tray = True
    banners = []
    service.bannerRequested.connect(banners.append)
    r = service.check()
    assert r is not None and service.tray is not None and banners == []
    assert service.tray.toolTip() == "Resilience Journal"  # the icon never carries journal text
    shell.show_page("selfcare")
    service.tray.messageClicked.emit()  # the user clicks the notification
    assert shell.current_page().objectName() == "page_today"


def test_support_shortcut_works_even_while_locked(qtbot, journal_path, clock, tmp_path):
    from resilience_journal.ui.main_window import MainWindow
    from resilience_journal.ui.ui_settings import UiSettings

    w = MainWindow(journal_path, clock, UiSettings(tmp_path / "ui"))
    qtbot.addWidget(w)
    w.show()
    assert w.is_locked()
    w.support_action.trigger()
    dialog = next(x for x in QApplication.topLevelWidgets() if x.objectName() == "supportDialog" and x.isVisible())
    assert [label.text() for label in dialog.findChildren(QLabel, "contactNumber")] == ["116 123"]
    assert dialog.findChild(QPushButton, "editContacts") is None  # nothing from the journal while locked
    save_png(dialog, "support-locked")
    dialog.close()


def test_every_control_has_a_name_for_tests_and_screen_readers(qtbot, shell, page_context):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
    )

    from resilience_journal.ui.pages.selfcare_page import PlanView
    from resilience_journal.ui.plan_export import PlanExportDialog
    from resilience_journal.ui.questionnaire_dialog import QuestionnaireDialog

    view = PlanView(page_context)
    qtbot.addWidget(view)
    containers = [shell.pages["today"], shell.pages["selfcare"], shell.banner, shell.support_button.parent()]
    containers += [QuestionnaireDialog(page_context, "cbi"), PlanExportDialog(page_context, view.document())]
    containers.append(shell.open_support())
    kinds = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QAbstractItemView)
    unnamed = []
    for container in containers:
        for w in container.findChildren(QWidget):
            if (
                not isinstance(w, kinds)
                or w.objectName().startswith("qt_")
                or w.parent().objectName().startswith("qt_")
            ):
                continue
            if isinstance(w, QLineEdit) and isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
                continue  # the editor inside a spin box or combo box speaks for its parent
            if isinstance(w, QHeaderView) or w.parent().metaObject().className() == "QComboBoxPrivateContainer":
                continue  # a list's header and a combo box's pop-up belong to their owner
            spoken = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
            if not (w.objectName() and spoken):
                unnamed.append(f"{type(w).__name__} {w.objectName()!r} {spoken!r} in {container.objectName()}")
    assert unnamed == [], "\n".join(unnamed)


def test_a_new_day_brings_a_fresh_checkin_form(qtbot, shell, page_context, clock):
    today = shell.show_page("today")
    today.form.ratings["mood"].setValue(4)
    assert today.form.save()
    shell.show_page("journal")
    clock.advance(hours=10)  # 03:30 the next morning
    shell.show_page("today")
    assert today.form.day == TODAY + timedelta(days=1)
    assert today.form.ratings["mood"].value() is None and today.form.save_button.text() == "Save check-in"
    assert page_context.journal.checkins.on(TODAY).mood == 4


def test_a_questionnaire_saved_by_mistake_can_be_deleted_after_confirming(qtbot, shell, page_context):
    j = page_context.journal
    for days in (40, 5):
        answers = {i: 2 for i in range(1, 20)}
        j.measures.add(Measure("cbi", NOW.astimezone() - timedelta(days=days), answers, cbi.scores_dict(answers)))
    page_context.events.changed.emit("measures")
    page = shell.show_page("selfcare")
    page.show_tab("measures")
    history = page.measures
    assert history.list.topLevelItemCount() == 2
    assert history.list.topLevelItem(0).text(0) == "Fri 20 Nov 2026"
    assert "Personal burnout 50" in history.list.topLevelItem(0).text(2)
    history.list.setCurrentItem(history.list.topLevelItem(0))
    history.delete.click()
    assert history.confirm.isVisible() and not history.delete.isVisible()
    history.keep.click()
    assert len(j.measures.history()) == 2  # "No, keep it" keeps it
    history.delete.click()
    history.confirm.click()
    assert [m.local_date for m in j.measures.history()] == [TODAY - timedelta(days=40)]
    assert history.list.topLevelItemCount() == 1


def test_building_the_pages_opens_no_stray_windows(qtbot, page_context):
    """A label shown before it had a parent once flashed up as a window and stole the focus."""
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    s = Shell(page_context)
    qtbot.addWidget(s)
    QApplication.processEvents()
    assert QApplication.focusWidget() is field
