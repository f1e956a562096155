"""Benchmarks of features built in parallel: measured as soon as they are on main.

- Trends (issue 4): reuses ``bench/trends_bench.py`` from that issue when it exists.
- Supervision PDF export (issue 5): a summary with 4 charts and 20 entries.

Until a feature lands, its benchmark raises ``NotMeasured`` with the reason.
"""

from __future__ import annotations

import importlib.util

from bench.harness import NotMeasured, Result, Session, benchmark
from bench.tenyear import ROOT


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@benchmark("trends", "Trends page computed and drawn: 12 months and ten years, GUI thread blocking", group="ui")
def trends(session: Session) -> list[Result]:
    if not (ROOT / "bench" / "trends_bench.py").exists() or not _has("resilience_journal.charts"):
        raise NotMeasured(
            "the Trends page and its charts (issue 4) are not on main yet, so there is no page to draw; "
            "the Trends *queries* are measured above under storage and vs plain SQLite."
        )
    raise NotMeasured("bench/trends_bench.py landed but is not wired into this harness yet")


@benchmark("export", "Supervision summary PDF: 4 charts and 20 entries")
def supervision_pdf(session: Session) -> list[Result]:
    if not _has("resilience_journal.export"):
        raise NotMeasured("the supervision export (issue 5) is not on main yet.")
    raise NotMeasured("the supervision export landed but is not wired into this harness yet")
