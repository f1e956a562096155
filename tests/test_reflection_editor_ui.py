"""The after-visit loop in the real window: capture, reflect, save, find — by keyboard alone,
plus the confidentiality check, drafts and the safety note in the editor."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget
from support import PASSPHRASE, save_png

from resilience_journal.domain import messages
from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.storage import Journal
from resilience_journal.ui.main_window import MainWindow
from resilience_journal.ui.reflection_editor import ReflectionEditor
from resilience_journal.ui.ui_settings import UiSettings


@pytest.fixture
def window(qtbot, journal_path, clock, tmp_path):
    Journal.create(journal_path, PASSPHRASE, clock=clock).close()
    w = MainWindow(journal_path, clock, UiSettings(tmp_path / "ui"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    screen = w.stack.currentWidget()
    screen.field.setText(PASSPHRASE)
    screen.unlock()
    assert w.journal is not None
    # These tests start from the Journal page (Today is first since the self-care merge), and
    # window shortcuts such as Ctrl+N reach only the active window.
    w.shell.show_page("journal")
    w.activateWindow()
    yield w
    if w.journal is not None:
        w.lock()


def _focus():
    return QApplication.focusWidget()


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(_focus(), key, modifier)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(_focus(), text)


def _editor() -> ReflectionEditor | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, ReflectionEditor) and w.isVisible()), None)


def test_keyboard_only_capture_reflect_save_and_find(qtbot, window):
    """Ctrl+N, stress, two feelings, one prompt answered, Ctrl+S: listed, and found by search."""
    window.shell.show_page("journal")  # the app opens on Today; the list is on the Journal page
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _editor() is not None)
    editor = _editor()
    qtbot.waitUntil(lambda: _focus() is not None and _focus().window() is editor)
    assert _focus().objectName() == "activity_kind"
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus().objectName() == "stress"
    _key(qtbot, Qt.Key.Key_6)
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus().objectName() == "text"
    _type(qtbot, "Long visit after the school meeting")
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus().objectName() == "case_label"
    _type(qtbot, "K.T.")
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus().objectName() == "emotions"
    _type(qtbot, "ten")  # type-ahead jumps to "tense"
    _key(qtbot, Qt.Key.Key_Space)
    _type(qtbot, "hop")
    _key(qtbot, Qt.Key.Key_Space)
    assert editor.emotions.selected() == ["tense", "hopeful"]
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus().objectName() == "emotion_own"
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus().objectName() == "template"
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus().objectName() == "manage_templates"
    _key(qtbot, Qt.Key.Key_Tab)
    assert _focus().objectName() == "answer_what"
    _type(qtbot, "Grandmother worried about the kitchenette repairs")
    save_png(editor, "reflection-editor-keyboard")
    _key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.isVisible())

    saved = window.journal.reflections.recent()
    assert len(saved) == 1
    r = saved[0]
    assert (r.stress, r.emotions, r.case_label, r.template_id) == (
        6,
        ("tense", "hopeful"),
        "K.T.",
        "what_so_what_now_what",
    )
    assert r.answers == (Answer("what", "What happened?", "Grandmother worried about the kitchenette repairs"),)
    entries = window.findChild(QTreeWidget, "entries")
    assert entries.topLevelItemCount() == 1
    assert "school meeting" in entries.topLevelItem(0).text(3)
    assert window.journal.drafts.all() == []  # saving forgets the draft

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert _focus().objectName() == "search"
    _type(qtbot, "kitchenet")  # a word only in the prompt's answer, as a prefix
    qtbot.waitUntil(lambda: entries.topLevelItemCount() == 1)
    _type(qtbot, " zzz")
    qtbot.waitUntil(lambda: entries.topLevelItemCount() == 0)


def test_stress_is_the_only_required_field(qtbot, page_context):
    editor = ReflectionEditor(page_context)
    qtbot.addWidget(editor)
    editor.text.setPlainText("no rating yet")
    assert not editor.save()
    assert editor.findChild(QLabel, "stress_message").isVisibleTo(editor)
    assert page_context.journal.reflections.count() == 0
    editor.stress.setValue(3)
    assert editor.save()
    assert page_context.journal.reflections.count() == 1


def test_confidentiality_check_highlights_offers_replacements_and_never_blocks(qtbot, page_context):
    page_context.journal.watch_words.add("Kowalski")
    editor = ReflectionEditor(page_context)
    qtbot.addWidget(editor)
    editor.show()
    editor.stress.setValue(5)
    editor.text.setPlainText("🙂 Mrs Kowalski at 12 Oak Road, phone 07700 900123, at 14:30, stress 7/10.")
    assert not editor.save()  # first Save shows the findings instead
    panel = editor.panel
    assert panel.isVisible()
    assert [f.kind for _n, f in panel.findings] == ["watch_word", "address", "phone"]
    highlighted = [s.cursor.selectedText() for s in editor.text.extraSelections()]
    assert highlighted == ["Kowalski", "12 Oak Road", "07700 900123"]  # right spans even after an emoji
    save_png(editor, "reflection-editor-confidentiality")
    panel.findChild(type(panel.replace_all), "replace_0").click()
    assert "Mrs K. at 12 Oak Road" in editor.text.toPlainText()
    panel.replace_all.click()
    assert editor.text.toPlainText() == "🙂 Mrs K. at [address], phone [phone number], at 14:30, stress 7/10."
    assert not panel.isVisible()
    assert editor.save()
    assert page_context.journal.reflections.recent()[0].text.startswith("🙂 Mrs K. at [address]")


def test_saving_as_it_is_keeps_the_text(qtbot, page_context):
    editor = ReflectionEditor(page_context)
    qtbot.addWidget(editor)
    editor.stress.setValue(5)
    editor.text.setPlainText("Met at SW1A 1AA")
    assert not editor.save()
    assert editor.save_button.text() == "Save as it is"
    assert editor.save()
    assert page_context.journal.reflections.recent()[0].text == "Met at SW1A 1AA"


def test_safety_concern_shows_note_and_reminder_and_is_saved(qtbot, page_context):
    editor = ReflectionEditor(page_context)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.safety_note.isVisible() and not editor.safety_reminder.isVisible()
    editor.safety.setChecked(True)
    assert editor.safety_note.isVisible()
    assert editor.safety_reminder.text() == messages.SAFETY_REMINDER
    editor.stress.setValue(8)
    editor.safety_note.setPlainText("Dog let loose in the hallway")
    editor.supervision.setChecked(True)
    editor.tags.setText("lone working,  duty , lone working")
    assert editor.save()
    r = page_context.journal.reflections.recent()[0]
    assert r.safety_concern and r.safety_note == "Dog let loose in the hallway" and r.for_supervision
    assert r.tags == ("lone working", "duty")


def _away_and_back(editor, other: str, template_id: str) -> None:
    """Choose template ``other``, then ``template_id`` again, as a person looking around would."""
    editor.template.setCurrentIndex(editor.template.findData(other))
    editor.template.setCurrentIndex(editor.template.findData(template_id))


def test_editing_keeps_answers_template_and_own_feelings(qtbot, page_context, clock):
    j = page_context.journal
    r = j.reflections.add(
        Reflection(
            occurred_at=clock.now() - timedelta(hours=2), activity_kind="Court", stress=7, emotions=("shaken", "bruised"),
            template_id="gibbs", answers=(Answer("feelings", "Feelings", "Rattled"),),
        )
    )  # fmt: skip
    editor = ReflectionEditor(page_context, existing=r)
    qtbot.addWidget(editor)
    assert editor.template.currentData() == "gibbs"
    assert editor.answers.boxes["feelings"].toPlainText() == "Rattled"
    assert editor.emotions.selected() == ["shaken", "bruised"]
    editor.answers.boxes["action_plan"].setPlainText("Ask for a debrief")
    _away_and_back(editor, "kolb", "gibbs")  # switching template and back keeps what was typed
    assert editor.answers.boxes["action_plan"].toPlainText() == "Ask for a debrief"
    assert editor.save()
    got = j.reflections.get(r.id)
    assert [a.prompt_id for a in got.answers] == ["feelings", "action_plan"]
    assert got.emotions == ("shaken", "bruised")
    assert "bruised" in j.vocabulary.words("emotion")  # an own word joins the list


def test_own_feeling_word_by_keyboard(qtbot, page_context):
    editor = ReflectionEditor(page_context)
    qtbot.addWidget(editor)
    editor.emotions.own.setFocus()
    qtbot.keyClicks(editor.emotions.own, "wrung out")
    qtbot.keyClick(editor.emotions.own, Qt.Key.Key_Return)
    assert editor.emotions.selected() == ["wrung out"]


def test_escape_with_writing_asks_first_then_discards_the_draft(qtbot, page_context):
    editor = ReflectionEditor(page_context)
    qtbot.addWidget(editor)
    editor.show()
    editor.text.setPlainText("half a thought")
    assert editor.autosave()
    assert page_context.journal.drafts.get(editor.draft_key).payload["text"] == "half a thought"
    editor.reject()
    assert editor.isVisible() and "Esc again" in editor.msg_form.text()
    editor.reject()
    assert not editor.isVisible()
    assert page_context.journal.drafts.all() == []


def test_locking_keeps_unsaved_writing_as_a_draft_and_unlock_offers_it(qtbot, window):
    window.shell.new_entry()
    editor = _editor()
    editor.text.setPlainText("Unfinished: the visit to A.O. felt heavy")
    editor.stress.setValue(7)
    window.lock()
    assert window.is_locked()
    screen = window.stack.currentWidget()
    screen.field.setText(PASSPHRASE)
    screen.unlock()
    bar = window.shell.draft_bar
    assert bar.isVisibleTo(window)
    assert "the visit to A.O. felt heavy" in bar.message.text()
    bar.recover.click()
    recovered = _editor()
    assert recovered is not None and recovered is not editor
    assert recovered.text.toPlainText() == "Unfinished: the visit to A.O. felt heavy"
    assert recovered.stress.value() == 7
    assert not bar.isVisibleTo(window)


def test_templates_and_word_lists_can_be_customised(qtbot, page_context):
    from PySide6.QtWidgets import QListWidget

    from resilience_journal.ui.reflection_settings import ReflectionSettingsDialog

    editor = ReflectionEditor(page_context)
    qtbot.addWidget(editor)
    dialog = ReflectionSettingsDialog(page_context, parent=editor)
    dialog.accepted.connect(editor._reload_templates)
    templates = dialog.findChild(QListWidget, "templates")
    gibbs = next(templates.item(i) for i in range(templates.count()) if templates.item(i).text().startswith("Gibbs"))
    gibbs.setCheckState(Qt.CheckState.Unchecked)
    dialog.new_name.setText("After court")
    dialog.new_prompts.setPlainText("What did I say well? | one thing\n\nWhat do I need now?")
    dialog.add_template.click()
    assert "Added" in dialog.template_message.text()
    dialog.new_emotion.setText("wrung out")
    qtbot.keyClick(dialog.new_emotion, Qt.Key.Key_Return)
    strategies = dialog.strategies
    sat = next(strategies.item(i) for i in range(strategies.count()) if strategies.item(i).text() == "Sat in the car")
    sat.setCheckState(Qt.CheckState.Unchecked)
    dialog.watch.setPlainText("Kowalski\n\nGreenfield Primary")
    dialog.save()

    j = page_context.journal
    assert "gibbs" not in [t.id for t in j.templates.all()]
    assert j.watch_words.words() == ["Greenfield Primary", "Kowalski"]
    assert "wrung out" in j.vocabulary.words("emotion")
    assert "Sat in the car" not in j.vocabulary.words("strategy")
    names = [editor.template.itemText(i) for i in range(editor.template.count())]
    assert "After court" in names and not any(n.startswith("Gibbs") for n in names)
    editor.template.setCurrentIndex(editor.template.findText("After court"))
    assert [b.accessibleName() for b in editor.answers.boxes.values()] == [
        "What did I say well?",
        "What do I need now?",
    ]


def test_a_template_needs_a_name_and_a_prompt(qtbot, page_context):
    from resilience_journal.ui.reflection_settings import ReflectionSettingsDialog

    dialog = ReflectionSettingsDialog(page_context)
    qtbot.addWidget(dialog)
    dialog.add_template.click()
    assert "name" in dialog.template_message.text() and "prompt" in dialog.template_message.text()
    assert all(not t.custom for t in page_context.journal.templates.all())


def test_opening_an_entry_from_the_list_edits_it_and_a_draft_of_an_edit_returns_to_it(qtbot, window, clock):
    j = window.journal
    r = j.reflections.add(Reflection(occurred_at=clock.now() - timedelta(hours=1), activity_kind="Duty", stress=4,
                                     text="first version"))  # fmt: skip
    window.shell.show_page("journal")  # the app opens on Today; the list is on the Journal page
    window.shell._data_changed("reflections")
    entries = window.findChild(QTreeWidget, "entries")
    entries.itemActivated.emit(entries.topLevelItem(0), 0)
    editor = _editor()
    assert editor.existing.id == r.id and editor.text.toPlainText() == "first version"
    editor.text.setPlainText("second version, not saved yet")
    window.lock()
    screen = window.stack.currentWidget()
    screen.field.setText(PASSPHRASE)
    screen.unlock()
    window.shell.draft_bar.recover.click()
    editor = _editor()
    assert editor.existing.id == r.id and editor.text.toPlainText() == "second version, not saved yet"
    assert editor.save()
    assert [x.text for x in window.journal.reflections.recent()] == ["second version, not saved yet"]


def test_a_second_new_entry_never_overwrites_a_draft_waiting_to_be_recovered(qtbot, window):
    first = ReflectionEditor(window.shell.ctx, parent=window.shell)
    first.text.setPlainText("waiting to be recovered")
    first.autosave()
    second = ReflectionEditor(window.shell.ctx, parent=window.shell)
    second.text.setPlainText("something else")
    second.autosave()
    texts = sorted(d.payload["text"] for d in window.journal.drafts.all())
    assert texts == ["something else", "waiting to be recovered"]


def test_an_entry_whose_template_is_gone_keeps_its_answers_when_edited(qtbot, page_context, clock):
    """Its template was deleted, or it came from another journal: its questions and answers
    still show, under "Earlier template", and survive being saved again."""
    j = page_context.journal
    r = j.reflections.add(
        Reflection(
            occurred_at=clock.now() - timedelta(hours=1), activity_kind="Duty", stress=4, template_id="custom_gone",
            answers=(Answer("stayed", "What stayed with me?", "the silence"), Answer("next", "What next?", "rest")),
        )
    )  # fmt: skip
    editor = ReflectionEditor(page_context, existing=r)
    qtbot.addWidget(editor)
    assert editor.template.currentText() == "Earlier template"
    assert {b.accessibleName(): b.toPlainText() for b in editor.answers.boxes.values()} == {
        "What stayed with me?": "the silence",
        "What next?": "rest",
    }
    editor.answers.boxes["next"].setPlainText("rest, then ring the team")
    _away_and_back(editor, "gibbs", "custom_gone")  # and finds the same questions
    assert editor.answers.boxes["next"].toPlainText() == "rest, then ring the team"
    assert editor.save()
    got = j.reflections.get(r.id)
    assert got.template_id == "custom_gone"
    assert [(a.prompt, a.text) for a in got.answers] == [
        ("What stayed with me?", "the silence"),
        ("What next?", "rest, then ring the team"),
    ]


def _select(templates, template_id: str) -> None:
    row = next(i for i in range(templates.count()) if templates.item(i).data(Qt.ItemDataRole.UserRole) == template_id)
    templates.setCurrentRow(row)


def test_own_templates_can_be_changed_and_old_entries_keep_their_questions(qtbot, page_context, clock):
    from resilience_journal.domain.templates import custom_template
    from resilience_journal.ui.reflection_settings import ReflectionSettingsDialog

    j = page_context.journal
    mine = custom_template("After court", [("What did I say well?", "one thing"), ("What next?", "")])
    j.templates.save_custom(mine)
    old = j.reflections.add(
        Reflection(
            occurred_at=clock.now() - timedelta(days=3), activity_kind="Court", stress=7, template_id=mine.id,
            answers=(Answer("what_did_i_say_well", "What did I say well?", "kept calm"),
                     Answer("what_next", "What next?", "debrief")),
        )
    )  # fmt: skip
    dialog = ReflectionSettingsDialog(page_context)
    qtbot.addWidget(dialog)
    _select(dialog.templates, "gibbs")
    assert not dialog.edit_template.isEnabled() and not dialog.delete_template.isEnabled()  # built-ins stay
    _select(dialog.templates, mine.id)
    assert dialog.edit_template.isEnabled() and dialog.delete_template.isEnabled()
    dialog.edit_template.click()
    assert dialog.new_name.text() == "After court"
    assert dialog.new_prompts.toPlainText() == "What did I say well? | one thing\nWhat next?"
    assert dialog.add_template.text() == "Save changes" and dialog.stop_editing.isVisibleTo(dialog)
    save_png(dialog, "template-changing")

    dialog.new_prompts.setPlainText("")  # bad input: a kind message, nothing changed
    dialog.add_template.click()
    assert dialog.template_message.text() == "Please add at least one prompt."
    assert j.templates.get(mine.id) == mine

    dialog.new_name.setText("After a hearing")
    dialog.new_prompts.setPlainText("What did I say well? | one thing\nWhat do I need tonight?")
    dialog.add_template.click()
    assert dialog.template_message.text() == "Changed “After a hearing”. Press Save to keep it."
    assert dialog.add_template.text() == "Add template" and dialog.new_name.text() == ""
    assert dialog.templates.currentItem().text() == "After a hearing (yours)"
    assert j.templates.get(mine.id) == mine  # kept only on Save, like the rest of the dialog
    dialog.save()
    changed = j.templates.get(mine.id)
    assert changed.name == "After a hearing"
    assert [p.prompt for p in changed.prompts] == ["What did I say well?", "What do I need tonight?"]

    # The old entry shows the new template with its own answer to the question that went.
    editor = ReflectionEditor(page_context, existing=j.reflections.get(old.id))
    qtbot.addWidget(editor)
    assert editor.template.currentText() == "After a hearing"
    assert {b.accessibleName(): b.toPlainText() for b in editor.answers.boxes.values()} == {
        "What did I say well?": "kept calm",
        "What do I need tonight?": "",
        "What next?": "debrief",
    }
    assert editor.save()
    assert [(a.prompt, a.text) for a in j.reflections.get(old.id).answers] == [
        ("What did I say well?", "kept calm"),
        ("What next?", "debrief"),
    ]


def test_deleting_an_own_template_asks_first_and_entries_keep_their_answers(qtbot, page_context, clock):
    from resilience_journal.domain.templates import custom_template
    from resilience_journal.ui.reflection_settings import ReflectionSettingsDialog

    j = page_context.journal
    mine = custom_template("After court", [("What next?", "")])
    j.templates.save_custom(mine)
    written = j.reflections.add(
        Reflection(occurred_at=clock.now() - timedelta(days=1), activity_kind="Court", stress=6, template_id=mine.id,
                   answers=(Answer("what_next", "What next?", "rest"),))
    )  # fmt: skip
    # An entry being written with it right now, from which the dialog was opened.
    editor = ReflectionEditor(page_context)
    qtbot.addWidget(editor)
    editor.template.setCurrentIndex(editor.template.findData(mine.id))
    editor.stress.setValue(5)
    editor.answers.boxes["what_next"].setPlainText("ring my supervisor")

    dialog = ReflectionSettingsDialog(page_context, parent=editor)
    dialog.finished.connect(editor._reload_templates)
    asked = []
    dialog.confirm_delete = lambda t: asked.append(t.name) or False
    _select(dialog.templates, mine.id)
    dialog.delete_template.click()
    assert asked == ["After court"] and j.templates.get(mine.id) is not None  # "Cancel": nothing happens

    dialog.confirm_delete = lambda t: True
    dialog.delete_template.click()
    assert "After court (yours)" not in [dialog.templates.item(i).text() for i in range(dialog.templates.count())]
    assert dialog.template_message.text() == (
        "“After court” will be deleted when you press Save. Entries written with it keep their questions and answers."
    )
    dialog.reject()  # Cancel: the template stays
    assert j.templates.get(mine.id) is not None
    assert editor.template.currentData() == mine.id

    dialog = ReflectionSettingsDialog(page_context, parent=editor)
    dialog.finished.connect(editor._reload_templates)
    dialog.confirm_delete = lambda t: True
    _select(dialog.templates, mine.id)
    dialog.delete_template.click()
    dialog.save()
    assert mine.id not in [t.id for t in j.templates.all(include_hidden=True)]
    assert editor.template.currentData() == mine.id  # what was being written stays in front of the user
    assert editor.answers.boxes["what_next"].toPlainText() == "ring my supervisor"
    assert editor.save()
    newest = j.reflections.recent()[0]
    assert [(a.prompt, a.text) for a in newest.answers] == [("What next?", "ring my supervisor")]
    assert [(a.prompt, a.text) for a in j.reflections.get(written.id).answers] == [("What next?", "rest")]


def test_cancel_in_templates_and_word_lists_keeps_nothing_of_what_was_done_there(qtbot, page_context):
    from resilience_journal.ui.reflection_settings import ReflectionSettingsDialog

    before = [(t.id, t.name, t.hidden) for t in page_context.journal.templates.all(include_hidden=True)]
    dialog = ReflectionSettingsDialog(page_context)
    qtbot.addWidget(dialog)
    dialog.new_name.setText("After court")
    dialog.new_prompts.setPlainText("What did I say well?")
    dialog.add_template.click()
    assert dialog.template_message.text() == "Added “After court”. Press Save to keep it."
    dialog.reject()
    assert [(t.id, t.name, t.hidden) for t in page_context.journal.templates.all(include_hidden=True)] == before
