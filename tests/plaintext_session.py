"""A scripted session for the no-plaintext test, run in a sandboxed process (see sandbox.py).

It does what a practitioner does in an evening: creates the journal, writes an entry holding the
marker sentence, searches for it, leaves a draft (autosave), draws a chart of the entries, makes
a backup, exports everything explicitly to ``$HOME/exports``, locks and closes.  It prints the
paths of the files the person explicitly exported; every other file must be free of the marker.

The draft is autosaved by the full reflection editor's own autosave path; the charts are every
chart in the Trends catalogue, drawn on Qt canvases.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from resilience_journal.cli import JOURNAL_FILE, default_data_dir
from resilience_journal.domain.clock import SystemClock
from resilience_journal.storage.connection import secure_folder
from resilience_journal.ui.main_window import MainWindow
from resilience_journal.ui.quick_entry import QuickEntryDialog
from resilience_journal.ui.ui_settings import UiSettings

MARKER = sys.argv[1]
PASSPHRASE = "plaintext test passphrase"


def draw_charts(journal, clock) -> int:
    """Every chart of the Trends catalogue, drawn on a Qt canvas as the page does."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from resilience_journal.charts.catalog import CHARTS
    from resilience_journal.storage.trends import load_trend_data

    today = clock.now().date()
    data = load_trend_data(journal, today - timedelta(days=90), today)
    for spec in CHARTS:
        canvas = FigureCanvasQTAgg(spec.build(data))
        canvas.draw()
        canvas.grab()
        spec.describe(data)
        canvas.deleteLater()
    return len(CHARTS)


def autosave_draft(ctx, text: str) -> None:
    """Type into the full editor and let its autosave run, as the timer would."""
    from resilience_journal.ui.reflection_editor import ReflectionEditor

    editor = ReflectionEditor(ctx)
    editor.show()
    editor.text.setPlainText(text)
    editor.autosave_timer.timeout.emit()
    assert ctx.journal.drafts.all(), "autosave kept no draft"


def main() -> None:
    app = QApplication([])
    clock = SystemClock()
    data_dir = default_data_dir()
    secure_folder(data_dir)
    window = MainWindow(data_dir / JOURNAL_FILE, clock, UiSettings(data_dir))
    window.show()
    create = window.stack.currentWidget()
    create.first.setText(PASSPHRASE)
    create.second.setText(PASSPHRASE)
    create.understood.setChecked(True)
    create.create()
    assert window.journal is not None, create.message.text()

    dialog = QuickEntryDialog(window.shell.ctx, parent=window)
    dialog.activity.setCurrentText("Home visit")
    dialog.stress.setValue(6)
    dialog.text.setPlainText(MARKER)
    dialog.when.setDateTime(dialog.when.dateTime().addSecs(-600))
    dialog.save()
    assert dialog.saved is not None, dialog.msg_form.text()

    page = window.shell.show_page("journal")
    page.search.setText(MARKER.split()[3])
    app.processEvents()
    assert page.entries_shown(), "search did not find the marker"

    journal = window.journal
    autosave_draft(window.shell.ctx, MARKER + " (still writing)")
    assert draw_charts(journal, clock) > 0

    from resilience_journal.exchange.files import save_json_export
    from resilience_journal.storage.backups import verified_backup

    verified_backup(journal, journal.backup_dir() / "by-hand.db")
    exports = Path(os.environ["HOME"]) / "exports"
    exports.mkdir()
    exported = save_json_export(journal, exports / "everything.json")

    window.lock()
    app.processEvents()
    window.close()
    app.processEvents()
    print(json.dumps({"exported": [str(exported)], "journal": str(data_dir / JOURNAL_FILE)}), flush=True)


if __name__ == "__main__":
    main()
