"""Regenerate the README's screenshots from the real app, on the demo journal.

    python docs/make_screenshots.py            # light theme, into docs/screenshots/
    python docs/make_screenshots.py --theme dark

Runs offscreen (no display needed).  Every page listed in the navigation is captured, so new
pages appear here without changing this script.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from resilience_journal.app import make_demo_journal  # noqa: E402
from resilience_journal.demo import DEMO_PASSPHRASE  # noqa: E402
from resilience_journal.domain.clock import FakeClock  # noqa: E402
from resilience_journal.ui.main_window import MainWindow  # noqa: E402
from resilience_journal.ui.pages import PAGES  # noqa: E402
from resilience_journal.ui.theme import apply_theme  # noqa: E402
from resilience_journal.ui.ui_settings import UiSettings  # noqa: E402

#: The demo's "today", so screenshots do not change from day to day.
DEMO_NOW = datetime(2026, 11, 25, 17, 30).astimezone()


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def show_and_wait(app: QApplication, window: MainWindow, key: str) -> None:
    """Show a page; pages that draw in the background (a ``ready`` signal) are waited for."""
    from PySide6.QtCore import QEventLoop, QTimer

    page = window.shell.pages[key]
    ready = getattr(page, "ready", None)
    if ready is None:
        window.shell.show_page(key)
    else:
        loop = QEventLoop()
        ready.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        window.shell.show_page(key)
        loop.exec()
        ready.disconnect(loop.quit)
    settle(app)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--theme", default="light")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.theme == "light" else f"-{args.theme}"

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from resilience_journal.ui.qt_fixes import guard_signal_emit_refcount

    guard_signal_emit_refcount()
    apply_theme(app, args.theme)
    clock = FakeClock(DEMO_NOW)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        first_run = MainWindow(data / "new" / "journal.db", clock, UiSettings(data))
        first_run.resize(1280, 800)
        first_run.show()
        settle(app)
        first_run.grab().save(str(args.out / f"create{suffix}.png"))
        first_run.close()

        path = make_demo_journal(data, clock)
        window = MainWindow(path, clock, UiSettings(data), demo_passphrase=DEMO_PASSPHRASE)
        window.resize(1280, 800)
        window.show()
        settle(app)
        window.grab().save(str(args.out / f"unlock{suffix}.png"))

        screen = window.stack.currentWidget()
        screen.field.setText(DEMO_PASSPHRASE)
        screen.unlock()
        settle(app)
        for spec in PAGES:
            show_and_wait(app, window, spec.key)
            window.grab().save(str(args.out / f"page-{spec.key}{suffix}.png"))

        window.shell.show_page(PAGES[0].key)
        window.shell.new_entry()
        settle(app)
        dialog = next(w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        dialog.grab().save(str(args.out / f"new-entry{suffix}.png"))
        window.lock()
        window.close()
    print(f"screenshots written to {args.out}")


if __name__ == "__main__":
    main()
