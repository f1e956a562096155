"""The window, driven offscreen on the ten-year journal: unlock to first page, and search.

The same ``MainWindow`` the app shows, built the way ``app.main`` builds it (theme applied,
settings from a scratch folder).  Each repetition locks the journal again, so every unlock pays
the key derivation and builds the pages afresh.
"""

from __future__ import annotations

import time

from bench.harness import Result, Session, Target, benchmark
from bench.tenyear import PASSPHRASE, bench_clock, copy_of_tenyear


def open_window(session: Session, name: str):
    """A shown, locked MainWindow on a private copy of the ten-year journal."""
    from bench.qt_support import application, settle
    from resilience_journal.ui.main_window import MainWindow
    from resilience_journal.ui.theme import apply_theme
    from resilience_journal.ui.ui_settings import UiSettings

    app = application()
    folder = session.folder(name)
    path = copy_of_tenyear(folder)
    settings = UiSettings(folder)
    apply_theme(app, settings.theme)
    window = MainWindow(path, bench_clock(), settings)
    window.show()
    settle(app, 0.2)
    return app, window


def first_page_title() -> str:
    from resilience_journal.ui.pages import PAGES

    return PAGES[0].title


def unlock(app, window, watch) -> float:
    """Type the passphrase, press Unlock; seconds until the first page is painted."""
    from bench.qt_support import inside

    screen = window.stack.currentWidget()
    screen.field.setText(PASSPHRASE)
    t0 = time.perf_counter()
    screen.unlock()  # opens the journal and builds the pages; painting happens in the event loop
    watch.arm(inside(lambda: window.shell.current_page() if window.shell is not None else None))
    return watch.wait() - t0


@benchmark("unlock", "Unlock → first page painted, ten-year journal", group="ui")
def unlock_to_first_page(session: Session) -> list[Result]:
    from bench.qt_support import PaintWatch, settle

    app, window = open_window(session, "unlock")
    watch = PaintWatch(app)
    samples = []
    try:
        unlock(app, window, watch)  # warm-up
        for _ in range(session.reps(12)):
            window.lock()
            settle(app)
            samples.append(unlock(app, window, watch))
    finally:
        watch.close()
        window.lock()
        window.close()
        settle(app)
    return [
        Result(
            "unlock",
            f"Unlock → first page ({first_page_title()}) painted: key derivation, schema check, pages built",
            samples,
            target=Target(0.5, "≤ 0.5 s", "key derivation 0.16–0.27 s"),
        )
    ]


@benchmark("ui-search", "Search typed on the Journal page → results painted", group="ui")
def search_in_page(session: Session) -> list[Result]:
    from bench.bench_storage import SEARCHES
    from bench.qt_support import PaintWatch, settle

    app, window = open_window(session, "ui-search")
    watch = PaintWatch(app)
    results = []
    try:
        unlock(app, window, watch)
        page = window.shell.show_page("journal")
        settle(app)
        for label, query in SEARCHES[:2]:
            samples = []
            for i in range(session.reps(20) + 1):
                page.search.setText("")
                settle(app, 0.02)
                t0 = time.perf_counter()
                page.search.setText(query)  # one textChanged: the page searches and lists
                watch.arm(lambda w: w is page.list.viewport())
                elapsed = watch.wait() - t0
                if i:  # the first is a warm-up
                    samples.append(elapsed)
            results.append(
                Result(
                    f"ui-search:{query}",
                    f"Search on the Journal page, {label}: “{query}” → list painted",
                    samples,
                    target=Target(0.020, "≤ 20 ms", "FTS5 1–6 ms"),
                )
            )
    finally:
        watch.close()
        window.lock()
        window.close()
        settle(app)
    return results
