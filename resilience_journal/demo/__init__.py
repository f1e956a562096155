"""A deterministic demo journal: months of realistic, made-up entries for a newcomer to explore.

``fill(journal, end=date, days=182, seed=...)`` writes the same data every time for the same
arguments.  Each feature adds its own module here (reflections, decompression, check-ins...) and
one line to ``GENERATORS``; each generator gets its own seeded random stream, so adding one
never changes what the others write.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from resilience_journal.demo import decompressions, reflections, selfcare, supervision
from resilience_journal.demo.calendar import DemoCalendar

#: The demo journal's passphrase, shown on screen.
DEMO_PASSPHRASE = "demo"
#: Default seed, so every newcomer sees the same demo.
DEFAULT_SEED = 20261125
#: About six months.
DEFAULT_DAYS = 182

#: (name, generator) pairs, run in order.  A generator takes (journal, calendar, rng).
GENERATORS: tuple[tuple[str, Callable], ...] = (
    ("reflections", reflections.generate),
    ("decompressions", decompressions.generate),
    ("selfcare", selfcare.generate),
    ("supervision", supervision.generate),
)


def fill(journal, *, end: date, days: int = DEFAULT_DAYS, seed: int = DEFAULT_SEED) -> DemoCalendar:
    """Write the demo data for the ``days`` days ending on ``end`` into ``journal``."""
    calendar = DemoCalendar(start=end - timedelta(days=days - 1), end=end, seed=seed)
    with journal.transaction():  # one commit for the lot: seconds faster than one per entry
        for name, generate in GENERATORS:
            generate(journal, calendar, random.Random(f"{seed}:{name}"))
    journal.checkpoint()
    return calendar
