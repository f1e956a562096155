"""Peak memory with the ten-year journal open, on the Trends page when it exists."""

from __future__ import annotations

import subprocess
import sys

from bench.harness import Result, Session, Target, benchmark
from bench.tenyear import ROOT, copy_of_tenyear


def page_keys() -> list[str]:
    from resilience_journal.ui.pages import PAGES

    return [spec.key for spec in PAGES]


@benchmark("memory", "Peak memory: start + unlock ten-year journal + page shown (own process)")
def peak_memory(session: Session) -> list[Result]:
    keys = page_keys()
    pages = ["journal"] + (["trends"] if "trends" in keys else [])
    results = []
    for key in pages:
        samples = []
        for i in range(session.reps(3, minimum=3)):
            journal = copy_of_tenyear(session.folder(f"memory-{key}-{i}"))
            out = subprocess.run(
                [sys.executable, str(ROOT / "bench" / "memory_probe.py"), str(journal), key],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            line = next(x for x in out.splitlines() if x.startswith("rj-memory"))
            samples.append(float(line.rsplit("=", 1)[1]))
        note = "" if key == "trends" else ("the Trends page is not on main yet" if "trends" not in keys else "")
        results.append(
            Result(
                f"memory:{key}",
                f"Peak resident memory, {key.capitalize()} page shown",
                samples,
                unit="MB",
                target=Target(250, "≤ 250 MB", "155 MB start + unlock + dashboard"),
                note=note,
            )
        )
    return results
