"""The pages of the main window, in navigation order.

A feature adds its page by appending a ``PageSpec`` here; the shell shows only what is listed,
so navigation never offers a page that does not work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from resilience_journal.ui.pages.journal_page import JournalPage
from resilience_journal.ui.pages.selfcare_page import SelfCarePage
from resilience_journal.ui.pages.supervision_page import SupervisionPage
from resilience_journal.ui.pages.today_page import TodayPage
from resilience_journal.ui.pages.trends_page import TrendsPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: Callable
    shortcut: str = ""


#: The pages, in the order the navigation shows them.
#: Today comes first: it is where the day starts (glance, check-in) after unlocking.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("today", "Today", TodayPage, "Ctrl+1"),
    PageSpec("journal", "Journal", JournalPage, "Ctrl+2"),
    PageSpec("trends", "Trends", TrendsPage, "Ctrl+3"),
    PageSpec("selfcare", "Self-care", SelfCarePage, "Ctrl+4"),
    PageSpec("supervision", "Supervision", SupervisionPage, "Ctrl+5"),
)
