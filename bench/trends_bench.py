"""How fast is the Trends page on a ten-year journal, and does it ever freeze the window?

    PYTHONPATH=. python bench/trends_bench.py [--repeats 5] [--data-dir DIR]

Reports, for the periods "last 12 months" and "everything":
- the median time to read, compute and draw every chart (the worker's whole job, no window);
- in a real (offscreen) window: the median time from choosing the period to every chart being
  on screen, and the longest stretch the GUI thread was blocked meanwhile, measured with a 5 ms
  heartbeat timer (the gap between two ticks minus 5 ms).

The journal: the shared ten-year benchmark journal (``bench/tenyear.py``) when that module is
present; otherwise one made here with the demo generator over 3,650 days, extra demo
reflection passes until there are about 20,000 reflections, and (where the demo does not yet
write them) emotions, decompressions and check-ins added with plain SQL.  It is kept in the
data folder and reused by later runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from resilience_journal.domain.clock import FakeClock  # noqa: E402
from resilience_journal.storage import Journal  # noqa: E402

END = date(2026, 11, 25)
DAYS = 3650
TARGET_REFLECTIONS = 20_000
PASSPHRASE = "demo"
PERIODS = ("12m", "all")
HEARTBEAT_MS = 5
EMOTIONS = ("Tired", "Anxious", "Calm", "Frustrated", "Hopeful", "Sad", "Proud", "Overwhelmed", "Relieved", "Angry")
STRATEGIES = (("Walk", 3), ("Breathing", 2), ("Talked to a colleague", 3), ("Music", 1), ("Sat in the car", 1))


def _clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 25, 17, 30).astimezone())


def shared_journal() -> tuple[Path, str, FakeClock] | None:
    """The shared ten-year journal of ``bench/tenyear.py``, when that module exists."""
    try:
        import tenyear
    except ImportError:
        return None
    return tenyear.tenyear_journal(quiet=True), tenyear.PASSPHRASE, tenyear.bench_clock()


def own_journal(folder: Path) -> tuple[Path, str, FakeClock]:
    path = folder / "trends-tenyear.db"
    clock = _clock()
    if path.exists():
        return path, PASSPHRASE, clock
    from resilience_journal.demo import DEFAULT_SEED, fill, reflections

    folder.mkdir(parents=True, exist_ok=True)
    building = folder / "trends-tenyear.building.db"
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(building) + suffix).unlink(missing_ok=True)
    t = time.perf_counter()
    with Journal.create(building, PASSPHRASE, clock=clock) as journal:
        calendar = fill(journal, end=END, days=DAYS)
        extra = 1
        while journal.reflections.count() < TARGET_REFLECTIONS * 0.95:
            with journal.transaction():
                reflections.generate(journal, calendar, random.Random(f"{DEFAULT_SEED}:extra:{extra}"))
            extra += 1
        _add_missing_detail(journal)
        journal.checkpoint()
        print(f"built {journal.reflections.count():,} reflections in {time.perf_counter() - t:.0f} s", flush=True)
    for suffix in ("", "-wal", "-shm"):
        if Path(str(building) + suffix).exists():
            os.replace(str(building) + suffix, str(path) + suffix)
    return path, PASSPHRASE, clock


def _add_missing_detail(journal) -> None:
    """Stand-ins for demo data other features add: only tables the demo left empty are filled."""
    rng = random.Random(4)
    count = lambda table: journal.query(f"SELECT count(*) FROM {table}")[0][0]  # noqa: E731
    rows = journal.query("SELECT id, local_date, occurred_at, stress FROM reflection")
    with journal.transaction() as c:
        if count("reflection_emotion") == 0:
            c.executemany(
                "INSERT OR IGNORE INTO reflection_emotion VALUES (?, ?)",
                [(rid, e) for rid, _d, _t, s in rows for e in rng.sample(EMOTIONS[:6] if s >= 6 else EMOTIONS[2:], 2)],
            )
        if count("decompression") == 0:
            uses = []
            for rid, day, when, stress in rows:
                if rng.random() < 0.5:
                    strategy, effect = rng.choice(STRATEGIES)
                    after = max(0, stress - max(0, round(rng.gauss(effect, 1))))
                    uses.append((f"b{rid}", rid, strategy, when, day, stress, after, when, when))
            c.executemany(
                "INSERT INTO decompression (uid, reflection_id, strategy, occurred_at, local_date, stress_before,"
                " stress_after, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                uses,
            )
        if count("checkin") == 0:
            days = [END - timedelta(days=i) for i in range(DAYS)]
            c.executemany(
                "INSERT INTO checkin (uid, local_date, mood, energy, sleep_quality, workload, created_at, updated_at)"
                " VALUES (?,?,?,?,?,?,'x','x')",
                [(f"c{d}", d.isoformat(), *(rng.randint(2, 9) for _ in range(4))) for d in days if d.weekday() < 5],
            )


def bench_compute(journal, clock, repeats: int) -> dict[str, list[float]]:
    """The worker's whole job, timed without any window."""
    from resilience_journal.charts.palette import LIGHT
    from resilience_journal.ui.trends_job import TrendsRequest, compute

    out: dict[str, list[float]] = {}
    for period in PERIODS:
        times = []
        for i in range(repeats + 1):
            t = time.perf_counter()
            items = list(compute(journal, TrendsRequest(i, period, clock.now().date(), palette=LIGHT)))
            if i:  # the first run warms caches (fonts, imports) and is not counted
                times.append(time.perf_counter() - t)
        out[period] = times
        finished = items[-1]
        parts = ", ".join(f"{k} {v * 1000:.0f}" for k, v in finished.timings.items() if k != "total")
        print(f"  {period:>4}: last run in ms: {parts}")
    return out


@dataclass
class GuiTimes:
    """What the window did, per period: seconds from choosing it to the charts in view on screen,
    to every chart on screen, and (drawn before) to the kept view on screen; and the longest
    GUI-thread block of each switch, with the idle machine's own longest gap for comparison."""

    in_view: dict[str, list[float]]
    all_drawn: dict[str, list[float]]
    kept: dict[str, list[float]]
    blocks: list[float]
    idle_gap: float


def bench_gui(journal, clock, folder: Path, repeats: int) -> GuiTimes:
    """Switch periods in a real page, as a user does: each switch draws afresh (the page's kept
    views are forgotten first, as any change to the journal does), then the same periods again,
    shown from memory."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from resilience_journal.ui.context import JournalEvents, PageContext
    from resilience_journal.ui.pages.trends_page import TrendsPage
    from resilience_journal.ui.theme import apply_theme
    from resilience_journal.ui.ui_settings import UiSettings

    app = QApplication.instance() or QApplication([])
    from resilience_journal.ui.qt_fixes import guard_signal_emit_refcount

    guard_signal_emit_refcount()
    apply_theme(app, "light")
    ctx = PageContext(journal=journal, clock=clock, events=JournalEvents(), ui_settings=UiSettings(folder))
    page = TrendsPage(ctx)
    page.resize(1100, 800)
    from resilience_journal.ui.gc_pauses import freeze_long_lived

    freeze_long_lived()  # as app.py does once the window is built

    longest = [0.0]
    beat = QElapsedTimer()
    heart = QTimer()
    heart.setInterval(HEARTBEAT_MS)

    def tick() -> None:
        gap = beat.restart() - HEARTBEAT_MS
        longest[0] = max(longest[0], gap)

    heart.timeout.connect(tick)

    def switch(trigger) -> tuple[float, float]:
        """Seconds to the charts in view, and to every chart."""
        loop = QEventLoop()
        marks: dict[str, float] = {}

        def in_view() -> None:
            marks.setdefault("in_view", time.perf_counter())

        def ready() -> None:
            marks.setdefault("ready", time.perf_counter())
            loop.quit()

        page.inViewReady.connect(in_view)
        page.ready.connect(ready)
        QTimer.singleShot(120_000, loop.quit)
        t = time.perf_counter()
        trigger()
        if "ready" not in marks:  # a kept view is on screen before trigger() returns
            loop.exec()
        done = marks.get("ready", time.perf_counter())
        page.ready.disconnect(ready)
        page.inViewReady.disconnect(in_view)
        return marks.get("in_view", done) - t, done - t

    def choose(period: str):
        return lambda: page.period.setCurrentIndex(page.period.findData(period))

    switch(page.show)  # first show: imports matplotlib on the worker; not counted
    # Baseline: the longest gap with nothing to do (a busy machine delays even an idle timer).
    idle = QEventLoop()
    QTimer.singleShot(3000, idle.quit)
    beat.start()
    heart.start()
    idle.exec()
    times = GuiTimes({p: [] for p in PERIODS}, {p: [] for p in PERIODS}, {p: [] for p in PERIODS}, [], longest[0])
    for _ in range(repeats):
        for period in PERIODS:
            page._cache.clear()  # as a change to the journal does: draw afresh
            longest[0] = 0.0
            in_view, everything = switch(choose(period))
            times.in_view[period].append(in_view)
            times.all_drawn[period].append(everything)
            times.blocks.append(longest[0] / 1000)
    for period in PERIODS:  # the cold loop kept only the last period: draw the others once more
        switch(choose(period))
    for _ in range(repeats):
        for period in PERIODS:  # every period drawn since the journal last changed: shown from memory
            times.kept[period].append(switch(choose(period))[1])
    heart.stop()
    page.close()
    page.deleteLater()
    app.processEvents()
    times.idle_gap /= 1000
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "rj-trends-bench")
    args = parser.parse_args(argv)

    found = shared_journal() or own_journal(args.data_dir)
    path, passphrase, clock = found
    with Journal.open(path, passphrase, clock=clock) as journal:
        counts = {
            t: journal.query(f"SELECT count(*) FROM {t}")[0][0] for t in ("reflection", "decompression", "checkin")
        }
        print(f"journal {path} — " + ", ".join(f"{n:,} {t}s" for t, n in counts.items()))
        print("compute + draw, no window (worker thread's whole job):")
        compute_times = bench_compute(journal, clock, args.repeats)
        print("in the window (choose period → charts in view / every chart / a kept view on screen):")
        gui = bench_gui(journal, clock, args.data_dir, args.repeats)
    print()
    print(f"{'period':>8} {'compute+draw':>13} {'in view':>8} {'all drawn':>10} {'kept view':>10}   (medians)")
    for p in PERIODS:
        med = statistics.median
        print(
            f"{p:>8} {med(compute_times[p]):>12.2f}s {med(gui.in_view[p]):>7.2f}s"
            f" {med(gui.all_drawn[p]):>9.2f}s {med(gui.kept[p]) * 1000:>8.0f}ms"
        )
    blocks = sorted(b * 1000 for b in gui.blocks)
    print(
        f"longest GUI-thread block per switch: median {statistics.median(blocks):.0f} ms,"
        f" worst {blocks[-1]:.0f} ms over {len(blocks)} switches"
    )
    print(f"(longest gap of the same timer with the window idle, for comparison: {gui.idle_gap * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
