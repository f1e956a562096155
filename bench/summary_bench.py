"""How long does preparing a supervision summary take, step by step?

    PYTHONPATH=. python bench/summary_bench.py [--repeats 3]

On a demo journal of the last 365 days, for a typical summary (the last four weeks: flagged
entries with every answer ticked, three charts, a few agenda points) and a deliberately huge one
(six months, every entry with its reflection, every chart), reports the median time of:
loading the period's entries, drawing the charts (matplotlib, on the worker in the app), the
confidentiality review of everything that would leave, and rendering PDF, HTML and Markdown
(the PDF on its own thread in the app).  Prints pages and file sizes too.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QGuiApplication  # noqa: E402

from resilience_journal.demo import fill  # noqa: E402
from resilience_journal.domain.clock import FakeClock  # noqa: E402
from resilience_journal.domain.summary import (  # noqa: E402
    AgendaPoint,
    SummaryDraft,
    build_document,
    reflection_pieces,
    review_findings,
)
from resilience_journal.domain.supervision import ShareLevel, SupervisionFunction  # noqa: E402
from resilience_journal.export import html, markdown, pdf  # noqa: E402
from resilience_journal.storage import Journal  # noqa: E402
from resilience_journal.ui import summary_charts  # noqa: E402
from resilience_journal.ui.summary_steps import load_entries  # noqa: E402

END = date(2026, 11, 25)


def timed(fn, repeats: int):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def scenario(journal, name: str, start: date, everything: bool, repeats: int) -> None:
    print(f"\n{name}: {start} to {END}")
    draft = SummaryDraft(start, END)
    t, _ = timed(lambda: load_entries(journal, draft), repeats)
    for e in draft.entries:
        if everything or e.reflection.for_supervision:
            keys = frozenset(p.key for p in reflection_pieces(e.reflection))
            draft.set_level(e.uid, ShareLevel.WITH_REFLECTION, keys)
    chosen = len(draft.chosen_entries())
    print(f"  load entries ({len(draft.entries)} in period, {chosen} chosen): {t * 1000:.0f} ms")
    specs = summary_charts.chart_specs()
    if not everything:
        specs = specs[:3]
    data = summary_charts.load_data(journal, start, END)
    t, charts = timed(lambda: [summary_charts.render_chart(s, data) for s in specs], repeats)
    draft.charts = charts
    print(f"  draw {len(specs)} charts: {t * 1000:.0f} ms")
    draft.agenda = [AgendaPoint(f, f"A point about {f.label.lower()}") for f in SupervisionFunction]
    words = journal.watch_words.words()
    t, found = timed(lambda: review_findings(draft, watch_words=words), repeats)
    print(f"  confidentiality review: {t * 1000:.0f} ms ({len(found)} findings)")
    doc = build_document(draft, prepared_on=END)
    t, data_pdf = timed(lambda: pdf.render(doc), repeats)
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(data_pdf)).pages)
    print(f"  PDF: {t * 1000:.0f} ms, {pages} pages, {len(data_pdf) // 1024} KiB")
    t, data_html = timed(lambda: html.render(doc), repeats)
    print(f"  HTML: {t * 1000:.0f} ms, {len(data_html) // 1024} KiB")
    t, data_md = timed(lambda: markdown.render(doc), repeats)
    print(f"  Markdown: {t * 1000:.0f} ms, {len(data_md) // 1024} KiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts need an application
    clock = FakeClock(datetime(2026, 11, 25, 17, 30).astimezone())
    with tempfile.TemporaryDirectory() as folder:
        journal = Journal.create(Path(folder) / "bench.db", "bench passphrase", clock=clock)
        try:
            start = time.perf_counter()
            fill(journal, end=END, days=365)
            print(
                f"demo journal, 365 days: {journal.reflections.count()} entries ({time.perf_counter() - start:.1f} s)"
            )
            scenario(journal, "typical (four weeks, flagged entries)", END - timedelta(days=27), False, args.repeats)
            scenario(journal, "huge (six months, everything)", END - timedelta(days=182), True, args.repeats)
        finally:
            journal.close()


if __name__ == "__main__":
    main()
