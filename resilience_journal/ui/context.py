"""What every page is given: the open journal, the clock, and a signal for "data changed"."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from resilience_journal.domain.clock import Clock
from resilience_journal.storage import Journal
from resilience_journal.ui.ui_settings import UiSettings


class JournalEvents(QObject):
    """Pages emit ``changed`` after a write, naming what changed ('reflections', 'checkins', ...);
    other pages refresh when they are next shown."""

    changed = Signal(str)


@dataclass
class PageContext:
    journal: Journal
    clock: Clock
    events: JournalEvents
    ui_settings: UiSettings
