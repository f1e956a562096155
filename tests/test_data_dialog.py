"""The Data & safety dialog: back up, restore, change passphrase, export and import, by keyboard
or mouse, with every result and problem said next to the section it belongs to."""

from __future__ import annotations

import json
import stat
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel
from support import PASSPHRASE
from support import save_png as _save_png

from resilience_journal.domain import messages
from resilience_journal.domain.reflection import Reflection
from resilience_journal.storage import Journal
from resilience_journal.storage import backups as bk
from resilience_journal.ui.data_dialog import DataSafetyDialog
from resilience_journal.ui.passphrase_dialog import ChangePassphraseDialog
from resilience_journal.ui.restore_dialog import RestoreDialog

NEW_PASSPHRASE = "seven orange kites over Leeds"


@pytest.fixture(autouse=True)
def themed(qapp):
    """Dialogs are built under the app's theme, as they are in the running app."""
    from resilience_journal.ui.theme import apply_theme

    apply_theme(qapp, "light")
    yield
    qapp.setStyleSheet("")


def save_png(widget, name: str) -> None:
    """A screenshot as the person would see it, after the layout has settled."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    _save_png(widget, name)


def _add(ctx, text, n=1):
    for i in range(n):
        ctx.journal.reflections.add(
            Reflection(
                occurred_at=ctx.clock.now() - timedelta(hours=1), activity_kind="Court", stress=5, text=f"{text} {i}"
            )
        )


def _dialog(qtbot, page_context) -> DataSafetyDialog:
    dialog = DataSafetyDialog(page_context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_back_up_now_checks_the_copy_and_lists_it(qtbot, page_context, tmp_path):
    _add(page_context, "entry", 3)
    dialog = _dialog(qtbot, page_context)
    assert messages.BACKUP_NONE_YET in dialog.list.topLevelItem(0).text(2)
    dest = page_context.journal.backup_dir() / "by-hand.db"
    dialog.back_up_now(dest)
    assert dialog.work.isVisible() and not dialog.backup_now.isEnabled()  # working, and says so
    qtbot.waitUntil(lambda: "checked" in dialog.msg_backup.text(), timeout=10_000)
    assert not dialog.work.isVisible() and dialog.backup_now.isEnabled()
    assert dest.is_file() and stat.S_IMODE(dest.stat().st_mode) == 0o600
    row = dialog.list.topLevelItem(0)
    assert (row.text(1), row.text(2)) == ("By hand", "3 reflections")
    dialog.keep.setCurrentIndex(dialog.keep.findData(14))
    assert bk.keep_count(page_context.journal) == 14
    save_png(dialog, "data-safety-dialog")


def test_restore_shows_contents_first_and_needs_the_current_passphrase(qtbot, page_context):
    _add(page_context, "kept", 2)
    saved = bk.verified_backup(page_context.journal, page_context.journal.backup_dir() / "auto-20261125-090000.db")
    _add(page_context, "later", 3)
    changed = []
    page_context.events.changed.connect(changed.append)
    dialog = RestoreDialog(page_context, saved.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "2 reflections" in dialog.contents.text()
    assert dialog.old_box.isHidden() and dialog.restore_button.isEnabled()
    dialog.restore()
    assert dialog.msg_current.text() == messages.BACKUP_NEEDS_CURRENT
    dialog.current.setText("not my passphrase")
    dialog.restore()
    qtbot.waitUntil(lambda: dialog.msg_current.text() == messages.WRONG_PASSPHRASE, timeout=10_000)
    assert page_context.journal.reflections.count() == 5
    save_png(dialog, "restore-dialog")
    dialog.current.setText(PASSPHRASE)
    dialog.restore()
    qtbot.waitUntil(lambda: dialog.safety is not None, timeout=10_000)
    assert page_context.journal.reflections.count() == 2
    assert changed == ["everything"]
    assert str(dialog.safety.path) in dialog.msg_form.text()
    save_png(dialog, "restore-dialog-done")


def test_restoring_a_backup_with_an_earlier_passphrase_asks_for_it(qtbot, page_context):
    _add(page_context, "old days")
    saved = bk.verified_backup(page_context.journal, page_context.journal.backup_dir() / "old.db")
    page_context.journal.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    dialog = RestoreDialog(page_context, saved.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.old_box.isVisible() and not dialog.restore_button.isEnabled()
    dialog.old.setText("a wrong guess at it")
    dialog.look_inside()
    assert dialog.msg_old.text() == messages.WRONG_PASSPHRASE
    save_png(dialog, "restore-dialog-earlier-passphrase")
    dialog.old.setText(PASSPHRASE)
    dialog.look_inside()
    assert "1 reflection" in dialog.contents.text() and dialog.restore_button.isEnabled()
    dialog.current.setText(NEW_PASSPHRASE)
    dialog.restore()
    qtbot.waitUntil(lambda: dialog.safety is not None, timeout=10_000)
    path = page_context.journal.path
    page_context.journal.close()
    with Journal.open(path, NEW_PASSPHRASE) as j:
        assert [r.text for r in j.reflections.recent()] == ["old days 0"]


def test_change_passphrase_explains_problems_next_to_the_fields(qtbot, page_context):
    dialog = ChangePassphraseDialog(page_context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QLabel, "oldBackupsNote").text() == messages.PASSPHRASE_OLD_BACKUPS
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText("short")
    dialog.again.setText("short")
    assert dialog.meter.format() in messages.STRENGTH_WORDS[:2]
    dialog.change()
    assert "at least" in dialog.msg_new.text()
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE + "!")
    dialog.change()
    assert dialog.msg_new.text() == messages.PASSPHRASES_DIFFER
    dialog.again.setText(NEW_PASSPHRASE)
    dialog.current.setText("wrong current passphrase")
    dialog.change()
    qtbot.waitUntil(lambda: dialog.msg_current.text() == messages.WRONG_PASSPHRASE, timeout=10_000)
    save_png(dialog, "change-passphrase-dialog")
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE)
    dialog.change()
    qtbot.waitUntil(lambda: dialog.changed, timeout=15_000)
    assert messages.PASSPHRASE_CHANGED in dialog.msg_form.text()
    path = page_context.journal.path
    page_context.journal.close()
    Journal.open(path, NEW_PASSPHRASE).close()


def test_export_and_import_from_the_dialog(qtbot, page_context, tmp_path):
    _add(page_context, "exported", 2)
    dialog = _dialog(qtbot, page_context)
    out = tmp_path / "export.json"
    dialog.export_json(out)
    qtbot.waitUntil(lambda: "Exported" in dialog.msg_exchange.text(), timeout=10_000)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and messages.EXPORT_NOT_ENCRYPTED in out.read_text()
    dialog.export_csv(tmp_path / "csv")
    qtbot.waitUntil(lambda: str(tmp_path / "csv") in dialog.msg_exchange.text(), timeout=10_000)
    assert dialog.msg_exchange.text() == messages.EXPORT_CSV_DONE.format(path=tmp_path / "csv")  # files, plural
    assert (tmp_path / "csv" / "reflection.csv").is_file()

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "resilience-journal-export",\n  "version": 1,\n  oops\n}')
    dialog.import_file(broken)
    qtbot.waitUntil(lambda: messages.IMPORT_NOTHING_CHANGED in dialog.msg_exchange.text(), timeout=10_000)
    assert dialog.msg_exchange.text().startswith("Line 3, column 3")
    dialog.tabs.setCurrentIndex(2)
    save_png(dialog, "data-safety-import-refused")

    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "title": "From jrnl.",
                        "body": "",
                        "date": "2026-11-01",
                        "time": "10:00",
                        "tags": [],
                        "starred": False,
                    }
                ]
            }
        )
    )
    dialog.jrnl_stress.setCurrentIndex(2)
    dialog.import_file(jrnl)
    qtbot.waitUntil(lambda: "Imported 1" in dialog.msg_exchange.text(), timeout=10_000)
    imported = [r for r in page_context.journal.reflections.recent() if r.text == "From jrnl."]
    assert imported and imported[0].stress == 2


def test_unlocking_makes_the_days_backup_and_the_menu_reaches_the_dialog(qtbot, journal_path, clock, tmp_path):
    from resilience_journal.ui.main_window import MainWindow
    from resilience_journal.ui.ui_settings import UiSettings

    Journal.create(journal_path, PASSPHRASE, clock=clock).close()
    window = MainWindow(journal_path, clock, UiSettings(tmp_path / "ui"))
    qtbot.addWidget(window)
    assert not window.data_action.isEnabled()
    unlock = window.stack.currentWidget()
    unlock.field.setText(PASSPHRASE)
    unlock.unlock()
    qtbot.waitUntil(lambda: len(bk.automatic_backups(window.journal)) == 1, timeout=10_000)
    menu_texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Data && safety…" in menu_texts
    dialog = window.open_data_safety()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.list.topLevelItem(0).text(1) == "Automatic"
    window.lock()
    assert window.journal is None
    assert not dialog.isVisible()  # locking closes it with everything else


def test_every_control_is_named_for_tests_and_assistive_technology(qtbot, page_context):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTreeWidget

    _add(page_context, "entry")
    saved = bk.verified_backup(page_context.journal, page_context.journal.backup_dir() / "x.db")
    for dialog in (DataSafetyDialog(page_context), ChangePassphraseDialog(page_context),
                   RestoreDialog(page_context, saved.path)):  # fmt: skip
        qtbot.addWidget(dialog)
        controls = [
            w for kind in (QAbstractButton, QComboBox, QLineEdit, QTreeWidget) for w in dialog.findChildren(kind)
        ]
        unnamed = [
            type(w).__name__ + ":" + (w.text() if hasattr(w, "text") else "")
            for w in controls
            if not w.objectName() or not w.accessibleName()
            if not (isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox))  # a combo box's own editor
            if not w.objectName().startswith("qt_")  # Qt's internal tab scroll buttons
        ]
        assert unnamed == [], type(dialog).__name__


def test_a_backup_kept_elsewhere_can_be_restored_from_its_file(qtbot, page_context, tmp_path):
    _add(page_context, "on the stick", 2)
    dialog = _dialog(qtbot, page_context)
    stick = tmp_path / "usb" / "journal-backup.db"
    dialog.back_up_now(stick)
    qtbot.waitUntil(lambda: stick.is_file(), timeout=10_000)
    _add(page_context, "after", 1)
    assert dialog.restore_from_file(page_context.journal.path) is None
    assert dialog.msg_backup.text() == messages.RESTORE_NOT_THE_JOURNAL
    restore = dialog.restore_from_file(stick)
    assert "2 reflections" in restore.contents.text()
    restore.current.setText(PASSPHRASE)
    restore.restore()
    qtbot.waitUntil(lambda: restore.safety is not None, timeout=10_000)
    assert page_context.journal.reflections.count() == 2
