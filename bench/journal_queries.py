"""How fast the Journal page's queries are on a ten-year demo journal.

    PYTHONPATH=. python bench/journal_queries.py [--days 3650]

Prints the median of several runs for each query the Journal page makes on a keystroke or a
filter change.  A measurement, never a test: numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from resilience_journal.demo import fill
from resilience_journal.domain.clock import FakeClock
from resilience_journal.domain.journal_query import ReflectionFilter
from resilience_journal.storage import Journal


def timed(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=3650)
    args = parser.parse_args()
    clock = FakeClock(datetime(2026, 11, 25, 17, 30))
    with tempfile.TemporaryDirectory() as folder:
        j = Journal.create(Path(folder) / "journal.db", "benchmark passphrase", clock=clock)
        t = time.perf_counter()
        fill(j, end=clock.now().date(), days=args.days)
        print(f"demo journal of {args.days} days: {j.reflections.count()} entries, "
              f"{j.decompressions.count()} decompressions, made in {time.perf_counter() - t:.1f} s")  # fmt: skip
        today = clock.now().date()
        r = j.reflections
        cases = {
            "newest 200": lambda: r.find(ReflectionFilter()),
            "count all": lambda: r.count_matching(ReflectionFilter()),
            "search 'door' (prefix)": lambda: r.find(ReflectionFilter(text="door")),
            "search two words": lambda: r.find(ReflectionFilter(text="hostile recep")),
            "emotion + last 12 months": lambda: r.find(
                ReflectionFilter(emotion="anxious", start=today - timedelta(days=364), end=today)
            ),
            "safety concerns count": lambda: r.count_matching(ReflectionFilter(safety_concern=True)),
            "tags list": r.tags,
            "on this day": lambda: r.on_this_day(today),
            "decompressions, last 90 days": lambda: j.decompressions.between(today - timedelta(days=89), today),
        }
        for name, fn in cases.items():
            print(f"{name:32s} {timed(fn):8.1f} ms")
        j.close()


if __name__ == "__main__":
    main()
