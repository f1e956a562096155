"""Shared fixtures.  Qt runs offscreen so the suite works on machines without a display."""

from __future__ import annotations

import os

# Must be set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from support import NOW, PASSPHRASE  # noqa: E402

from resilience_journal.ui.qt_fixes import guard_signal_emit_refcount  # noqa: E402

# PySide6 6.12.0 drops a reference to True on every Signal.emit(); without this the test run
# aborts once a few hundred signals have been emitted (see ui/qt_fixes.py).
guard_signal_emit_refcount()

from resilience_journal.domain.clock import FakeClock  # noqa: E402
from resilience_journal.storage import Journal  # noqa: E402


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.db"


@pytest.fixture
def journal(journal_path: Path, clock: FakeClock):
    """A freshly created, empty, unlocked journal; closed after the test."""
    j = Journal.create(journal_path, PASSPHRASE, clock=clock)
    yield j
    j.close()


@pytest.fixture
def page_context(journal, clock, qtbot, tmp_path):
    """What a page needs, wired to a real journal: for page-level UI tests."""
    from resilience_journal.ui.context import JournalEvents, PageContext
    from resilience_journal.ui.ui_settings import UiSettings

    return PageContext(journal=journal, clock=clock, events=JournalEvents(), ui_settings=UiSettings(tmp_path / "ui"))
