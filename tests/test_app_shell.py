"""The app as a practitioner meets it: create, write, lock, unlock, find it again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel, QLineEdit, QTreeWidget
from support import PASSPHRASE, save_png

from resilience_journal.domain import messages
from resilience_journal.storage import Journal
from resilience_journal.ui.main_window import MainWindow
from resilience_journal.ui.ui_settings import UiSettings


@pytest.fixture
def window(qtbot, journal_path, clock, tmp_path):
    w = MainWindow(journal_path, clock, UiSettings(tmp_path / "ui"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.journal is not None:
        w.lock()


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _open_dialog() -> QDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()), None)


def _create_with_keyboard(qtbot, window) -> None:
    assert window.stack.currentWidget().objectName() == "createScreen"
    assert QApplication.focusWidget().objectName() == "passphrase"
    _type(qtbot, PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "understood"
    _key(qtbot, Qt.Key.Key_Space)
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "create"
    _key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.journal is not None)


def test_create_save_lock_unlock_find_with_keyboard_only(qtbot, window, journal_path):
    _create_with_keyboard(qtbot, window)
    # The app opens on Today; the Journal page starts with a friendly empty state.
    assert window.shell.current_page().objectName() == "page_today"
    window.shell.show_page("journal")
    assert window.findChild(QLabel, "emptyState").isVisible()

    # Ctrl+N → the quick entry, focus in "kind of work": pick, rate, write, save.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _open_dialog() is not None)
    dialog = _open_dialog()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().window() is dialog)
    assert QApplication.focusWidget().objectName() == "activity_kind"
    QApplication.focusWidget().lineEdit().selectAll()
    _type(qtbot, "Home visit")
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_7)
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "text"
    _type(qtbot, "Long visit, grandmother upset about the school letter")
    save_png(dialog, "quick-entry")
    _key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    entries = window.findChild(QTreeWidget, "entries")
    assert entries.topLevelItemCount() == 1
    row = entries.topLevelItem(0)
    assert (row.text(1), row.text(2)) == ("Home visit", "7")
    assert "school letter" in row.text(3)

    # A desktop hands activation back to the main window when the dialog closes; offscreen
    # Qt does not, so do it here.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # Ctrl+L: the journal closes and every widget that showed it goes away.
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked()
    qtbot.waitUntil(lambda: window.findChild(QTreeWidget, "entries") is None)
    assert window.stack.currentWidget().objectName() == "unlockScreen"

    # Unlock with the keyboard and find the entry by searching.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget().objectName() == "passphrase"
    _type(qtbot, PASSPHRASE)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.journal is not None)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget().objectName() == "search"
    _type(qtbot, "grandm")
    entries = window.findChild(QTreeWidget, "entries")
    qtbot.waitUntil(lambda: entries.topLevelItemCount() == 1)
    save_png(window, "journal-page")


def test_wrong_passphrase_is_kind_clears_the_field_and_slows_down(qtbot, window, journal_path, clock):
    Journal.create(journal_path, PASSPHRASE, clock=clock).close()
    before = journal_path.read_bytes()
    window.show_access_screen()
    screen = window.stack.currentWidget()
    field = screen.findChild(QLineEdit, "passphrase")
    message = screen.findChild(QLabel, "unlockMessage")
    for _attempt in range(3):
        field.setText("this is not it at all")
        screen.unlock()
        assert field.text() == ""
        assert message.text().startswith(messages.WRONG_PASSPHRASE)
    # After three misses the screen asks for a short wait; nothing is destroyed.
    assert not screen.button.isEnabled() and screen.wait_timer.isActive()
    assert "second" in message.text()
    assert journal_path.read_bytes() == before
    screen.end_wait()
    field.setText(PASSPHRASE)
    screen.unlock()
    assert window.journal is not None


def test_create_refuses_short_or_mismatched_passphrase(qtbot, window, journal_path):
    screen = window.stack.currentWidget()
    screen.first.setText("short")
    screen.second.setText("short")
    screen.understood.setChecked(True)
    screen.create()
    assert window.journal is None and not journal_path.exists()
    assert "10" in window.findChild(QLabel, "createMessage").text()
    screen.first.setText(PASSPHRASE)
    screen.second.setText(PASSPHRASE + "x")
    screen.create()
    assert window.journal is None and not journal_path.exists()
    screen.second.setText(PASSPHRASE)
    window.findChild(QCheckBox, "understood").setChecked(False)
    screen.create()
    assert window.journal is None and not journal_path.exists()


def test_idle_timeout_locks_using_the_injected_clock(qtbot, window, clock):
    _create_with_keyboard(qtbot, window)
    assert window.idle.lock.minutes == 5, "the default idle timeout is five minutes"
    window.idle.lock.touch()
    clock.advance(minutes=4, seconds=50)
    window.idle.check()
    assert not window.is_locked()
    # Activity resets the countdown.
    qtbot.mouseMove(window.stack.currentWidget())
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_Shift)
    clock.advance(minutes=4)
    window.idle.check()
    assert not window.is_locked()
    clock.advance(minutes=1, seconds=1)
    window.idle.check()
    assert window.is_locked()
    assert window.findChild(QTreeWidget, "entries") is None or not window.findChild(QTreeWidget, "entries").isVisible()


def test_lock_closes_open_dialogs(qtbot, window):
    _create_with_keyboard(qtbot, window)
    window.shell.new_entry()
    qtbot.waitUntil(lambda: _open_dialog() is not None)
    window.lock()
    qtbot.waitUntil(lambda: _open_dialog() is None)
    assert window.journal is None


def test_the_journal_menu_is_still_there_after_locking_and_unlocking(qtbot, window):
    """Locking closes every window that showed journal content, but not the window's own menu
    (a menu is a pop-up window to Qt): without it, Data & safety could not be reached."""
    from PySide6.QtWidgets import QMenu

    _create_with_keyboard(qtbot, window)
    menu = window.findChild(QMenu, "journalMenu")
    menu.popup(window.mapToGlobal(window.rect().center()))  # open while the lock lands
    gone = []
    window.shell.destroyed.connect(lambda: gone.append(True))
    window.lock()
    qtbot.waitUntil(lambda: bool(gone))  # what lock deletes is deleted by now
    screen = window.stack.currentWidget()
    screen.field.setText(PASSPHRASE)
    screen.unlock()
    menu = window.findChild(QMenu, "journalMenu")
    assert menu is not None and menu.menuAction() in window.menuBar().actions()
    assert window.data_action in menu.actions() and window.data_action.isEnabled()
    window.data_action.trigger()
    qtbot.waitUntil(lambda: _open_dialog() is not None)


def test_navigation_lists_only_registered_pages(qtbot, window):
    from resilience_journal.ui.pages import PAGES

    _create_with_keyboard(qtbot, window)
    nav = window.shell.nav
    assert [nav.item(i).text() for i in range(nav.count())] == [p.title for p in PAGES]


def test_idle_timeout_is_changed_in_settings_and_remembered(qtbot, window, clock, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QComboBox

    from resilience_journal.ui.settings_dialog import SettingsDialog

    _create_with_keyboard(qtbot, window)

    def choose_fifteen():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible())
        combo = dialog.findChild(QComboBox, "idleMinutes")
        combo.setCurrentIndex(combo.findData(15))
        dialog.accept()

    QTimer.singleShot(0, choose_fifteen)
    window.open_settings()  # modal: returns once the dialog above is accepted
    assert window.idle.lock.minutes == 15
    assert UiSettings(tmp_path / "ui").idle_minutes == 15
    window.idle.lock.touch()
    clock.advance(minutes=14)
    window.idle.check()
    assert not window.is_locked()
    clock.advance(minutes=1, seconds=1)
    window.idle.check()
    assert window.is_locked()


def test_journal_open_in_another_instance_is_explained(qtbot, window, journal_path, clock):
    other = Journal.create(journal_path, PASSPHRASE, clock=clock)  # "the first app" keeps it open
    try:
        window.show_access_screen()
        screen = window.stack.currentWidget()
        screen.field.setText(PASSPHRASE)
        screen.unlock()
        assert window.journal is None
        assert screen.findChild(QLabel, "unlockMessage").text() == messages.JOURNAL_IN_USE
        assert other.reflections.count() == 0  # the first instance still works
    finally:
        other.close()


@pytest.mark.parametrize("setting", [True, False])
def test_minimising_locks_only_when_the_user_asked_for_it(qtbot, window, setting):
    window.ui_settings.lock_on_minimise = setting
    _create_with_keyboard(qtbot, window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert window.is_locked() is setting


def test_locking_clears_text_copied_from_the_journal(qtbot, window):
    _create_with_keyboard(qtbot, window)
    clipboard = QApplication.clipboard()
    clipboard.setText("grandmother upset about the school letter")
    window.lock()
    assert clipboard.text() == ""


def test_locking_leaves_another_programs_copy_alone(qtbot, window):
    _create_with_keyboard(qtbot, window)
    clipboard = QApplication.clipboard()
    clipboard.setText("copied from the journal")
    # Then the user copies in another program (this app is not told, as when it is inactive):
    clipboard.blockSignals(True)
    clipboard.setText("a colleague's phone number")
    clipboard.blockSignals(False)
    window.lock()
    assert clipboard.text() == "a colleague's phone number"


def test_every_setting_has_an_access_key(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from resilience_journal.ui.settings_dialog import SettingsDialog
    from resilience_journal.ui.ui_settings import UiSettings

    dialog = SettingsDialog(UiSettings(tmp_path))
    qtbot.addWidget(dialog)
    buddies = {label.buddy(): label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert buddies[dialog.idle] == "&Lock after" and buddies[dialog.theme] == "&Appearance"
    assert "&" in dialog.on_minimise.text()
