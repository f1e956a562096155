"""Benchmarks of the features built in parallel, measured with whatever of them is on main.

- Trends (issue 4): ``storage.trends.load_trend_data`` and every chart of ``charts.catalog``
  drawn (Agg), for 12 months and ten years; the Trends *page* (and how long it blocks the GUI
  thread) once the page is on main, through ``bench/trends_bench.py`` from that issue.
- Supervision summary PDF (issue 5): 4 charts and 20 entries through ``export.pdf.render``.
- matplotlib's import, which must never be paid before a chart is needed.

A part that is not on main yet raises ``NotMeasured`` with the reason.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from datetime import date, timedelta

from bench.harness import NotMeasured, Result, Session, Target, benchmark, timed
from bench.tenyear import END, PASSPHRASE, ROOT, bench_clock, copy_of_tenyear


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


#: The two periods the issue names: the last 12 months, and the whole ten years.
PERIODS = (("12 months", END - timedelta(days=364)), ("ten years", date(2016, 11, 28)))


def draw_all(data) -> int:
    """Build every available chart for ``data`` and render it to pixels; returns how many."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from resilience_journal.charts.catalog import CHARTS

    n = 0
    for spec in CHARTS:
        if spec.available(data):
            fig = spec.build(data)
            FigureCanvasAgg(fig).draw()
            spec.describe(data)
            n += 1
    return n


def chart_times(data) -> str:
    """Which charts cost most: build + draw of each, median of three, for the report."""
    import statistics

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from resilience_journal.charts.catalog import CHARTS

    out = []
    for spec in CHARTS:
        if spec.available(data):
            samples = timed(lambda s=spec: FigureCanvasAgg(s.build(data)).draw(), 3, warmup=0)
            out.append(f"{spec.key} {statistics.median(samples) * 1000:.0f} ms")
    return ", ".join(out)


@benchmark("trends", "Trends: data loaded, every chart built and drawn (12 months, ten years)", group="trends")
def trends(session: Session) -> list[Result]:
    if not (_has("resilience_journal.charts.catalog") and _has("resilience_journal.storage.trends")):
        raise NotMeasured("the Trends data loader and chart builders (issue 4) are not on main yet.")
    from resilience_journal.storage import Journal
    from resilience_journal.storage.trends import load_trend_data

    path = copy_of_tenyear(session.folder("trends"))
    results = []
    with Journal.open(path, PASSPHRASE, clock=bench_clock()) as journal:
        for label, start in PERIODS:
            data = load_trend_data(journal, start, END)
            charts = draw_all(data)  # warm-up, and matplotlib imported outside the timing
            load = timed(lambda s=start: load_trend_data(journal, s, END), session.reps(10))
            draw = timed(lambda d=data: draw_all(d), session.reps(6, minimum=3), warmup=0)
            both = [a + b for a, b in zip(sorted(load), sorted(draw), strict=False)]
            session.facts[f"each chart built and drawn, {label} (median of 3)"] = chart_times(data)
            target = (
                Target(0.4, "≤ 0.4 s", "0.6–0.9 s ten-year dashboard")
                if label == "12 months"
                else Target(1.0, "≤ 1.0 s", "0.6–0.9 s")
            )
            results += [
                Result(f"trends-load:{label}", f"Trends data loaded, {label} ({len(data.entries):,} entries)", load),
                Result(f"trends-draw:{label}", f"{charts} charts built and drawn (Agg, no window), {label}", draw),
                Result(
                    f"trends-total:{label}",
                    f"Trends computed and drawn, {label} (load + charts; sum of sorted samples)",
                    both,
                    target=target,
                    note="without the page's widgets: the Trends page is not on main yet",
                ),
            ]
    return results


@benchmark(
    "trends-page", "Trends page on screen, 12 months / ten years, and the GUI thread's longest block", group="trends"
)
def trends_page(session: Session) -> list[Result]:
    """The real page, once it exists: delegated to bench/trends_bench.py from issue 4."""
    from resilience_journal.ui.pages import PAGES

    if "trends" not in [p.key for p in PAGES]:
        raise NotMeasured("the Trends page (issue 4) is not on main yet; its data and charts are measured above.")
    if not (ROOT / "bench" / "trends_bench.py").exists():
        raise NotMeasured("the Trends page is on main but bench/trends_bench.py (issue 4) is not.")
    raise NotMeasured("the Trends page landed after this run's harness was written: not wired in yet.")


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


def summary_document(journal, entries: int = 20, charts: int = 4):
    """A supervision-summary-shaped Document: 4 charts of the last month and 20 entries in full."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from resilience_journal.charts.catalog import CHARTS
    from resilience_journal.export.document import Document, Heading, Image, Paragraph
    from resilience_journal.storage.trends import load_trend_data

    start = END - timedelta(days=27)
    data = load_trend_data(journal, start, END)
    blocks: list = [Heading("What I am bringing", 2)]
    shown = [spec for spec in CHARTS if spec.available(data)][:charts]
    for spec in shown:
        fig = spec.build(data, dpi=150)
        buf = io.BytesIO()
        FigureCanvasAgg(fig).print_png(buf)
        blocks.append(Image(buf.getvalue(), spec.describe(data), caption=spec.title))
    for r in journal.reflections.recent(entries):
        blocks.append(Heading(f"{r.occurred_at:%a %d %b %Y}, {r.activity_kind} — stress {r.stress}/10", 3))
        if r.text:
            blocks.append(Paragraph(r.text, "quote"))
        for a in r.answers:
            blocks.append(Paragraph(a.text, "quote", label=a.prompt))
    doc = Document(
        "Supervision summary",
        tuple(blocks),
        footer="Personal reflective summary — not a case record",
        subtitle=f"{start:%d %B} to {END:%d %B %Y}",
    )
    return doc, len(shown)


@benchmark("export", "Supervision summary PDF: 4 charts and 20 entries")
def supervision_pdf(session: Session) -> list[Result]:
    if not (_has("resilience_journal.export.pdf") and _has("resilience_journal.charts.catalog")):
        raise NotMeasured("the export machinery or the chart builders are not on main yet.")
    from bench.qt_support import application
    from resilience_journal.export import pdf
    from resilience_journal.storage import Journal

    application()  # QPdfWriter and QTextDocument need a Qt application for fonts
    path = copy_of_tenyear(session.folder("export"))
    with Journal.open(path, PASSPHRASE, clock=bench_clock()) as journal:
        doc, charts = summary_document(journal)
        if charts < 4:
            raise NotMeasured(f"only {charts} charts have data in the ten-year journal's last month")
        size = len(pdf.render(doc))
        whole = timed(lambda: pdf.render(summary_document(journal)[0]), session.reps(8, minimum=3))
        render_only = timed(lambda: pdf.render(doc), session.reps(8, minimum=3))
    session.facts["supervision PDF"] = f"{size / 1024:.0f} KiB, {charts} charts, 20 entries with their answers"
    note = "the summary flow (issue 5) is not on main: the Document is built by the benchmark the way the flow will"
    return [
        Result(
            "export-total",
            "Charts drawn to PNG + entries read + PDF written (Qt PDF writer)",
            whole,
            target=Target(1.5, "≤ 1.5 s", "~1.0 s Qt's PDF writer"),
            note=note,
        ),
        Result("export-render", "PDF written from a ready Document (pdf.render alone)", render_only),
    ]
