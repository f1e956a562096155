"""The composition root: reads the arguments, builds the objects and wires them together.

Nothing else constructs the application, the window, the journal or the settings; they are
passed to whatever needs them.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path

from resilience_journal import APP_ID, APP_NAME, __version__
from resilience_journal.cli import JOURNAL_FILE, default_data_dir, parse_args
from resilience_journal.domain import messages
from resilience_journal.domain.clock import Clock, SystemClock


def disable_core_dumps() -> None:
    """A crash must not write the decrypted journal from memory into a core file."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - Windows has no core files
        pass


def make_demo_journal(folder: Path, clock: Clock) -> Path:
    """Create and fill the demo journal in ``folder`` (unless one is already there)."""
    from resilience_journal.demo import DEMO_PASSPHRASE, fill
    from resilience_journal.storage import Journal

    path = folder / JOURNAL_FILE
    if not path.exists():
        with Journal.create(path, DEMO_PASSPHRASE, clock=clock) as journal:
            fill(journal, end=clock.now().date())
    return path


def quit_on_termination_signals(app):
    """Ctrl+C or a polite kill (logout, shutdown) ends the app the normal way: the journal is
    locked and closed and a demo's temporary folder removed, instead of dying mid-event-loop.

    Python runs signal handlers only when it holds control, so a timer hands it control twice
    a second while Qt's event loop runs.  Returns the timer (keep a reference to it).
    """
    import signal

    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)
    ticker.start(500)
    return ticker


def check_folder(folder: Path) -> str | None:
    """Why ``folder`` can't hold a journal, in the user's words; None when it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return messages.FOLDER_UNUSABLE.format(path=folder, reason=exc.strerror or exc)
    if not folder.is_dir():
        return messages.FOLDER_UNUSABLE.format(path=folder, reason="it is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        return messages.FOLDER_UNUSABLE.format(path=folder, reason="it is read-only")
    try:
        # os.access says yes to root and on some network drives; only a real write is proof.
        # TemporaryFile leaves nothing behind, even if the app is killed here.
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        reason = "it is read-only" if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) else exc.strerror
        return messages.FOLDER_UNUSABLE.format(path=folder, reason=reason or exc)
    return None


def main(argv: list[str] | None = None, clock: Clock | None = None) -> int:
    args = parse_args(argv)
    disable_core_dumps()
    clock = clock or SystemClock()

    temp_dir: Path | None = None
    if args.demo and args.data_dir is None:
        temp_dir = Path(tempfile.mkdtemp(prefix=f"{APP_ID}-demo-"))
        data_dir = temp_dir
    else:
        data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()

    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from resilience_journal.ui.qt_fixes import guard_signal_emit_refcount

    guard_signal_emit_refcount()  # PySide6 6.12.0 would otherwise abort after ~570 emitted signals
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    from resilience_journal.ui.startup_probe import install_if_asked

    install_if_asked(app)  # benchmarks and the build's smoke check only; inert otherwise
    try:
        problem = check_folder(data_dir)
        if problem:
            QMessageBox.critical(None, APP_NAME, problem)
            print(problem, file=sys.stderr)
            return 2
        from resilience_journal.storage.connection import secure_folder

        secure_folder(data_dir)
        if args.demo:
            make_demo_journal(data_dir, clock)

        from resilience_journal.ui.main_window import MainWindow
        from resilience_journal.ui.theme import apply_theme
        from resilience_journal.ui.ui_settings import UiSettings

        ui_settings = UiSettings(data_dir)
        apply_theme(app, ui_settings.theme)
        window = MainWindow(
            data_dir / JOURNAL_FILE,
            clock,
            ui_settings,
            demo_passphrase="demo" if args.demo else None,
        )
        window.show()
        from resilience_journal.ui.gc_pauses import freeze_long_lived

        freeze_long_lived()
        ticker = quit_on_termination_signals(app)  # noqa: F841 - kept alive while the app runs
        code = app.exec()
        window.close()
        return code
    finally:
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
