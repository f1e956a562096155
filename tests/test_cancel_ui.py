"""Long work in the dialogs shows progress and can be cancelled with the real Cancel button.

Each test pauses the worker at a chosen step with a gate (threading.Event), so the Cancel button
is pressed while the work is really running — no sleeps, no timing.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from support import PASSPHRASE

from resilience_journal.domain import messages
from resilience_journal.domain.reflection import Reflection
from resilience_journal.storage import Journal
from resilience_journal.storage import backups as bk
from resilience_journal.storage.exchange import ROWS_PER_STEP, export_json
from resilience_journal.storage.journal import PASSPHRASE_STEPS
from resilience_journal.ui.data_dialog import DataSafetyDialog
from resilience_journal.ui.passphrase_dialog import ChangePassphraseDialog
from resilience_journal.ui.restore_dialog import RestoreDialog
from resilience_journal.ui.supervision_wizard import ExportStep, SummaryWizard

NEW_PASSPHRASE = "seven orange kites over Leeds"
#: Where the busy-state pictures go, to be looked at.
SHOTS = Path("/tmp/rj-cancel-shots")


@pytest.fixture(autouse=True)
def themed(qapp):
    from resilience_journal.ui.theme import apply_theme

    apply_theme(qapp, "light")
    yield
    qapp.setStyleSheet("")


class Gate:
    """A progress hook that holds the worker at the first report ``when(done, total)`` accepts."""

    def __init__(self, when) -> None:
        self.when = when
        self.reached, self.release = threading.Event(), threading.Event()

    def __call__(self, done, total) -> None:
        if not self.reached.is_set() and self.when(done, total):
            self.reached.set()
            self.release.wait()


@pytest.fixture
def gates():
    made: list[Gate] = []

    def make(when) -> Gate:
        made.append(Gate(when))
        return made[-1]

    yield make
    for gate in made:  # never leave a worker waiting, whatever happened
        gate.release.set()


def _add(ctx, text, n=1):
    with ctx.journal.transaction():
        for i in range(n):
            ctx.journal.reflections.add(
                Reflection(
                    occurred_at=ctx.clock.now() - timedelta(hours=1),
                    activity_kind="Court",
                    stress=5,
                    text=f"{text} {i}",
                )
            )


def _shot(widget, name: str) -> None:
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


def _click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _data_dialog(qtbot, ctx) -> DataSafetyDialog:
    dialog = DataSafetyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# --- Data & safety ------------------------------------------------------------------------------


def test_an_export_shows_its_progress_and_cancel_writes_nothing(qtbot, page_context, tmp_path, gates):
    _add(page_context, "exported", 4 * ROWS_PER_STEP)
    dialog = _data_dialog(qtbot, page_context)
    dialog.tabs.setCurrentIndex(2)
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    gate = gates(lambda done, total: done >= 2 * ROWS_PER_STEP)
    dialog.work.hook = gate
    dialog.export_json(out_folder / "export.json")
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)
    bar = dialog.work.bar
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() >= 2 * ROWS_PER_STEP, timeout=10_000)
    assert bar.maximum() >= 4 * ROWS_PER_STEP  # determinate: the rows are counted
    assert not dialog.export_json_button.isEnabled() and not dialog.backup_now.isEnabled()  # one at a time
    assert QApplication.focusWidget() is dialog.work.cancel_button  # keyboard users land on Cancel
    close = dialog.findChild(QDialogButtonBox, "close")
    assert not close.isVisible()  # one way out while busy: the bar's Cancel
    _shot(dialog, "data-safety-export-busy")
    _click(qtbot, dialog.work.cancel_button)
    assert dialog.msg_exchange.text() == messages.WORK_STOPPING
    gate.release.set()
    qtbot.waitUntil(lambda: dialog.msg_exchange.text() == messages.EXPORT_CANCELLED, timeout=10_000)
    assert _listing(out_folder) == []  # neither the file nor a temporary one
    assert page_context.journal.supervision.share_records() == []
    assert not dialog.work.isVisible() and dialog.export_json_button.isEnabled() and close.isVisible()
    _shot(dialog, "data-safety-export-cancelled")
    dialog.work.hook = None
    dialog.export_csv(out_folder / "csv")  # usable again
    qtbot.waitUntil(lambda: str(out_folder / "csv") in dialog.msg_exchange.text(), timeout=10_000)
    assert (out_folder / "csv" / "reflection.csv").is_file()


def test_data_safety_says_when_work_can_no_longer_be_stopped(qtbot, page_context):
    dialog = _data_dialog(qtbot, page_context)
    dialog.tabs.setCurrentIndex(2)
    token, _progress = dialog._begin(dialog.msg_exchange, "Exporting everything…")
    token.point_of_no_return()  # as the worker does just before the file takes its name
    assert dialog.msg_exchange.text() == messages.WORK_FINISHING
    assert not dialog.work.cancel_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # and Esc does not walk away from it
    assert dialog.isVisible() and dialog.msg_exchange.text() == messages.WORK_FINISHING
    dialog._end()


def test_escape_during_an_import_cancels_it_and_the_journal_is_unchanged(qtbot, page_context, clock, tmp_path, gates):
    source = Journal.create(tmp_path / "source" / "journal.db", PASSPHRASE, clock=clock)
    with source.transaction():
        for i in range(3 * ROWS_PER_STEP):
            source.reflections.add(
                Reflection(
                    occurred_at=clock.now() - timedelta(hours=2), activity_kind="Duty", stress=3, text=f"new {i}"
                )
            )
    export = tmp_path / "export.json"
    export.write_text(export_json(source))
    source.close()
    _add(page_context, "mine", 2)
    counts = bk.table_counts(page_context.journal.conn)
    dialog = _data_dialog(qtbot, page_context)
    gate = gates(lambda done, total: done >= ROWS_PER_STEP)
    dialog.work.hook = gate
    dialog.import_file(export)
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels the import; it does not close the dialog
    assert dialog.isVisible() and dialog.msg_exchange.text() == messages.WORK_STOPPING
    gate.release.set()
    qtbot.waitUntil(lambda: dialog.msg_exchange.text() == messages.IMPORT_CANCELLED, timeout=10_000)
    assert dialog.isVisible()
    assert bk.table_counts(page_context.journal.conn) == counts
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing running now: Esc closes as usual
    assert not dialog.isVisible()


def test_a_backup_shows_a_busy_bar_and_cancel_leaves_no_half_backup(qtbot, page_context, gates):
    _add(page_context, "entry", 5)
    folder = page_context.journal.backup_dir()
    bk.verified_backup(page_context.journal, folder / "earlier.db")
    before = _listing(folder)
    dialog = _data_dialog(qtbot, page_context)
    gate = gates(lambda done, total: done == 1)  # the copy is made, its checks not yet run
    dialog.work.hook = gate
    dialog.back_up_now(folder / "by-hand.db")
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)
    assert dialog.work.bar.maximum() == 0  # busy indicator: a copy's length is not known ahead
    _shot(dialog, "data-safety-backup-busy")
    _click(qtbot, dialog.work.cancel_button)
    gate.release.set()
    qtbot.waitUntil(lambda: dialog.msg_backup.text() == messages.BACKUP_CANCELLED, timeout=10_000)
    assert _listing(folder) == before
    assert dialog.backup_now.isEnabled() and not dialog.work.isVisible()


def _hold_past_no_return(qtbot, dialog, start_button, gate: Gate, shot: str) -> None:
    """Start the work, hold it past its point of no return: Cancel is disabled, Esc changes nothing."""
    dialog.work.hook = gate
    _click(qtbot, start_button)
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.msg_form.text() == messages.WORK_FINISHING, timeout=10_000)
    assert not dialog.work.cancel_button.isEnabled()
    _shot(dialog, shot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # neither Esc nor anything else stops it now
    assert dialog.isVisible() and dialog.msg_form.text() == messages.WORK_FINISHING
    gate.release.set()


# --- restore and change of passphrase -----------------------------------------------------------


def _restore_dialog(qtbot, ctx) -> tuple[RestoreDialog, bk.BackupInfo]:
    _add(ctx, "in the backup", 2)
    saved = bk.verified_backup(ctx.journal, ctx.journal.backup_dir() / "auto-20261120-090000.db")
    _add(ctx, "only now", 3)
    dialog = RestoreDialog(ctx, saved.path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current.setText(PASSPHRASE)
    return dialog, saved


def test_a_restore_cancelled_before_the_swap_changes_nothing(qtbot, page_context, gates):
    dialog, _saved = _restore_dialog(qtbot, page_context)
    backups_before = _listing(page_context.journal.backup_dir())
    gate = gates(lambda done, total: done == 3)  # the safety copy is made; the backup not yet prepared
    dialog.work.hook = gate
    _click(qtbot, dialog.restore_button)
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)
    bar = dialog.work.bar
    qtbot.waitUntil(lambda: (bar.value(), bar.maximum()) == (3, bk.RESTORE_STEPS), timeout=10_000)
    assert not dialog.buttons.isVisible()  # only the progress bar's Cancel acts
    _shot(dialog, "restore-busy")
    _click(qtbot, dialog.work.cancel_button)
    gate.release.set()
    qtbot.waitUntil(lambda: dialog.msg_form.text() == messages.RESTORE_CANCELLED, timeout=10_000)
    assert page_context.journal.reflections.count() == 5
    assert _listing(page_context.journal.backup_dir()) == backups_before  # no safety copy left either
    assert dialog.restore_button.isEnabled() and dialog.safety is None


def test_past_the_point_of_no_return_a_restore_cannot_be_cancelled_and_finishes(qtbot, page_context, gates):
    dialog, _saved = _restore_dialog(qtbot, page_context)
    gate = gates(lambda done, total: done == bk.RESTORE_STEPS)  # the journal's file has been swapped
    _hold_past_no_return(qtbot, dialog, dialog.restore_button, gate, "restore-finishing")
    qtbot.waitUntil(lambda: dialog.safety is not None, timeout=10_000)
    assert page_context.journal.reflections.count() == 2


def _passphrase_dialog(qtbot, ctx) -> ChangePassphraseDialog:
    dialog = ChangePassphraseDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE)
    return dialog


def test_a_passphrase_change_cancelled_keeps_the_old_passphrase(qtbot, page_context, journal_path, gates):
    dialog = _passphrase_dialog(qtbot, page_context)
    gate = gates(lambda done, total: done == 1)  # the current passphrase has been checked
    dialog.work.hook = gate
    _click(qtbot, dialog.change_button)
    qtbot.waitUntil(gate.reached.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.work.bar.maximum() == PASSPHRASE_STEPS, timeout=10_000)
    _shot(dialog, "change-passphrase-busy")
    _click(qtbot, dialog.work.cancel_button)
    gate.release.set()
    qtbot.waitUntil(lambda: dialog.msg_form.text() == messages.PASSPHRASE_CANCELLED, timeout=10_000)
    assert not dialog.changed and dialog.change_button.isEnabled()
    page_context.journal.close()
    Journal.open(journal_path, PASSPHRASE).close()


def test_past_the_point_of_no_return_a_passphrase_change_finishes(qtbot, page_context, journal_path, gates):
    dialog = _passphrase_dialog(qtbot, page_context)
    gate = gates(lambda done, total: done == 2)  # re-encrypted, not yet checked
    _hold_past_no_return(qtbot, dialog, dialog.change_button, gate, "change-passphrase-finishing")
    qtbot.waitUntil(lambda: dialog.changed, timeout=10_000)
    page_context.journal.close()
    Journal.open(journal_path, NEW_PASSPHRASE).close()


# --- supervision summary ------------------------------------------------------------------------


def _export_step(qtbot, ctx) -> tuple[SummaryWizard, ExportStep]:
    with ctx.journal.transaction():
        for i in range(60):
            ctx.journal.reflections.add(
                Reflection(
                    occurred_at=ctx.clock.now() - timedelta(days=1, minutes=i),
                    activity_kind="Home visit",
                    stress=6,
                    text=f"Visit {i}",
                    for_supervision=True,
                )
            )
    wizard = SummaryWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.next()  # period -> entries (the flagged ones are chosen)
    wizard.current().leave(wizard.draft)
    wizard._show(len(wizard.steps) - 1)
    return wizard, wizard.current()


def test_saving_a_summary_shows_pages_and_cancel_writes_and_records_nothing(qtbot, page_context, tmp_path, gates):
    wizard, export = _export_step(qtbot, page_context)
    folder = tmp_path / "summaries"
    folder.mkdir()
    export.path.setText(str(folder / "summary.pdf"))
    gate = gates(lambda done, total: total is not None and total > 1 and done == 1)
    export.work.hook = gate
    _click(qtbot, export.save_button)
    qtbot.waitUntil(gate.reached.is_set, timeout=30_000)
    bar = export.work.bar
    qtbot.waitUntil(lambda: bar.maximum() > 1 and bar.value() == 1, timeout=10_000)  # page 1 of several
    assert not wizard.close_button.isEnabled()
    _shot(wizard, "summary-saving-busy")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # Esc cancels the saving, not the wizard
    assert wizard.isVisible() and export.result.text() == messages.WORK_STOPPING
    gate.release.set()
    qtbot.waitUntil(lambda: export.result.text() == messages.SUMMARY_CANCELLED, timeout=30_000)
    assert _listing(folder) == []
    assert page_context.journal.supervision.share_records() == []
    assert export.save_button.isEnabled() and wizard.close_button.isEnabled() and not export.work.isVisible()
    _shot(wizard, "summary-saving-cancelled")
    export.work.hook = None
    with qtbot.waitSignal(export.exported, timeout=30_000):
        _click(qtbot, export.save_button)  # and it saves normally afterwards
    assert (folder / "summary.pdf").is_file() and len(page_context.journal.supervision.share_records()) == 1


def test_the_progress_controls_are_named_for_tests_and_assistive_technology(qtbot, page_context):
    dialog = _data_dialog(qtbot, page_context)
    wizard, export = _export_step(qtbot, page_context)
    for work in (dialog.work, export.work):
        for widget in (work, work.bar, work.cancel_button):
            assert widget.objectName() and widget.accessibleName(), widget
