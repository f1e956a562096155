"""A scripted session for the no-plaintext test, run in a sandboxed process (see sandbox.py).

It does what a practitioner does in an evening: creates the journal, writes an entry holding the
marker sentence, searches for it, leaves a draft (autosave), draws a chart of the entries, makes
a backup, exports everything explicitly to ``$HOME/exports``, locks and closes.  It prints the
paths of the files the person explicitly exported; every other file must be free of the marker.

Drafts: the draft editor (issue 3) is not on main yet, so the draft is written to the journal's
``draft`` table through a transaction, exactly where autosave keeps it.
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


def draw_chart(journal) -> None:
    """A chart of the entries, drawn on a Qt canvas and also rendered to memory."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    entries = journal.reflections.recent()
    figure = Figure(figsize=(4, 3))
    axes = figure.add_subplot()
    axes.plot([r.occurred_at for r in entries], [r.stress for r in entries], marker="o")
    axes.set_title(entries[0].text[:40])  # journal text inside a chart: the worst case
    canvas = FigureCanvasQTAgg(figure)
    canvas.draw()
    canvas.grab()
    canvas.deleteLater()


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
    with journal.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO draft (key, payload, updated_at) VALUES ('reflection:new', ?, ?)",
            (json.dumps({"text": MARKER + " (draft)"}), (clock.now() - timedelta(seconds=1)).isoformat()),
        )
    draw_chart(journal)

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
