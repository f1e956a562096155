"""Benchmarks of the features built in parallel, measured with whatever of them is on main.

- Trends (issue 4): reuses ``bench/trends_bench.py`` from that issue — the worker's whole job
  without a window, then the real page offscreen with a heartbeat timer on the GUI thread.
- Supervision summary PDF (issue 5): 4 charts and 20 entries through ``export.pdf.render``.
- matplotlib's import, which must never be paid before a chart is needed.

A part that is not on main yet raises ``NotMeasured`` with the reason.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from datetime import timedelta

from bench.harness import NotMeasured, Result, Session, Target, benchmark, timed
from bench.tenyear import END, PASSPHRASE, ROOT, bench_clock, copy_of_tenyear


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


#: The two periods the issue names, as bench/trends_bench.py calls them.
PERIOD_WORDS = {"12m": "12 months", "all": "ten years"}
TARGETS = {"12m": Target(0.4, "≤ 0.4 s", "0.6–0.9 s ten-year dashboard"), "all": Target(1.0, "≤ 1.0 s", "0.6–0.9 s")}


def _trends_bench():
    """bench/trends_bench.py from the Trends issue: its worker-job and on-screen measurements."""
    if not (ROOT / "bench" / "trends_bench.py").exists() or not _has("resilience_journal.ui.trends_job"):
        raise NotMeasured("the Trends page (issue 4) and bench/trends_bench.py are not on main yet.")
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    import trends_bench

    return trends_bench


@benchmark("trends", "Trends page: every chart computed and drawn, 12 months and ten years", group="trends")
def trends(session: Session) -> list[Result]:
    """Reuses bench/trends_bench.py (issue 4): the worker's whole job, then the real page."""
    tb = _trends_bench()
    from bench.qt_support import application
    from resilience_journal.storage import Journal

    application()
    path = copy_of_tenyear(session.folder("trends"))
    reps = session.reps(6, minimum=3)
    with Journal.open(path, PASSPHRASE, clock=bench_clock()) as journal:
        compute = tb.bench_compute(journal, bench_clock(), reps)
        gui = tb.bench_gui(journal, bench_clock(), session.folder("trends-ui"), reps)
    results = []
    for period, words in PERIOD_WORDS.items():
        results += [
            Result(
                f"trends-job:{period}",
                f"Trends worker's whole job (read, compute, draw every chart; no window), {words}",
                compute[period],
            ),
            Result(
                f"trends-view:{period}",
                f"Trends page: period chosen → the charts in view on screen, {words}",
                gui.in_view[period],
            ),
            Result(
                f"trends-screen:{period}",
                f"Trends page: period chosen → every chart on screen, {words}",
                gui.all_drawn[period],
                target=TARGETS[period],
            ),
            Result(
                f"trends-kept:{period}",
                f"Trends page: back to a period drawn before → on screen, {words}",
                gui.kept[period],
            ),
        ]
    results.append(
        Result(
            "trends-block",
            "Longest time the GUI thread was blocked, per period switch (5 ms heartbeat)",
            gui.blocks,
            target=Target(0.100, "≤ 100 ms, every switch", "", of="worst"),
            note=f"idle window's own longest gap: {gui.idle_gap * 1000:.0f} ms",
        )
    )
    return results


@benchmark("mpl-import", "matplotlib's import (paid when the first chart is needed)", group="trends")
def matplotlib_import(session: Session) -> list[Result]:
    code = "import matplotlib.figure, matplotlib.backends.backend_agg"
    samples = []
    for _ in range(session.reps(8)):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - t0)
    base = []
    for _ in range(session.reps(8)):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - t0)
    return [
        Result(
            "mpl-import",
            "import matplotlib.figure + Agg canvas (process time minus bare interpreter)",
            [a - b for a, b in zip(sorted(samples), sorted(base), strict=True)],
            note="floor in the issue: 0.6–0.7 s",
        )
    ]


def flow_document(journal, entries: int = 20, charts: int = 4):
    """The supervision flow's own Document (issue 5): 4 charts of the last four weeks and the
    20 newest entries shared "with reflection", every piece ticked."""
    from resilience_journal.domain.summary import EntryChoice, SummaryDraft, build_document, reflection_pieces
    from resilience_journal.domain.supervision import ShareLevel
    from resilience_journal.ui import summary_charts

    start = END - timedelta(days=27)
    data = summary_charts.load_data(journal, start, END)
    specs = [spec for spec in summary_charts.chart_specs() if summary_charts.has_data(spec, data)][:charts]
    draft = SummaryDraft(start=start, end=END)
    draft.charts = [summary_charts.render_chart(spec, data) for spec in specs]
    draft.entries = [
        EntryChoice(r, ShareLevel.WITH_REFLECTION, frozenset(p.key for p in reflection_pieces(r)))
        for r in journal.reflections.recent(entries)
    ]
    return build_document(draft, prepared_on=END), len(specs)


@benchmark("export", "Supervision summary PDF: 4 charts and 20 entries")
def supervision_pdf(session: Session) -> list[Result]:
    if not (_has("resilience_journal.export.pdf") and _has("resilience_journal.domain.summary")):
        raise NotMeasured("the supervision summary (issue 5) is not on main yet.")
    from bench.qt_support import application
    from resilience_journal.export import pdf
    from resilience_journal.storage import Journal

    application()  # QPdfWriter and QTextDocument need a Qt application for fonts
    path = copy_of_tenyear(session.folder("export"))
    with Journal.open(path, PASSPHRASE, clock=bench_clock()) as journal:
        doc, charts = flow_document(journal)
        if charts < 4:
            raise NotMeasured(f"only {charts} charts have data in the ten-year journal's last four weeks")
        size = len(pdf.render(doc))
        whole = timed(lambda: pdf.render(flow_document(journal)[0]), session.reps(8, minimum=3))
        render_only = timed(lambda: pdf.render(doc), session.reps(8, minimum=3))
    session.facts["supervision PDF"] = f"{size / 1024:.0f} KiB, {charts} charts, 20 entries with every answer"
    return [
        Result(
            "export-total",
            "Summary built by the flow's own code (4 charts drawn, 20 entries) + PDF written (Qt PDF writer)",
            whole,
            target=Target(1.5, "≤ 1.5 s", "~1.0 s Qt's PDF writer"),
        ),
        Result("export-render", "PDF written from a ready Document (pdf.render alone)", render_only),
    ]
