"""Peak memory of one app process: start, unlock the ten-year journal, show a page, report.

    python bench/memory_probe.py JOURNAL PAGE_KEY

Prints ``rj-memory page=<key> peak_mb=<n>``.  Run as its own process by ``bench_memory`` so the
peak belongs to the app alone, not to the benchmark runner.
"""

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_resident_kb() -> float:
    """This process's own peak resident set size, in kilobytes.

    On Linux, ``ru_maxrss`` is not the process's own: exec carries over the high-water mark of the
    process that forked it, so a probe started by a benchmark runner holding 337 MB reported
    337 MB whatever the app used (the unexplained 124–401 MB spread of earlier runs).  ``VmHWM``
    belongs to the address space made at exec, i.e. to this program alone.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux, bytes on macOS


def main(journal: str, page_key: str) -> int:
    from bench.qt_support import PaintWatch, application, inside, settle
    from bench.tenyear import PASSPHRASE, bench_clock
    from resilience_journal.ui.main_window import MainWindow
    from resilience_journal.ui.theme import apply_theme
    from resilience_journal.ui.ui_settings import UiSettings

    app = application()
    settings = UiSettings(Path(journal).parent)
    apply_theme(app, settings.theme)
    window = MainWindow(Path(journal), bench_clock(), settings)
    window.show()
    settle(app, 0.2)
    screen = window.stack.currentWidget()
    screen.field.setText(PASSPHRASE)
    watch = PaintWatch(app)
    screen.unlock()
    watch.arm(inside(lambda: window.shell.current_page() if window.shell is not None else None))
    watch.wait()
    done = []
    page = window.shell.pages[page_key]
    signal = getattr(page, "ready", None)  # pages that draw on a worker say when every chart is up
    if signal is not None:
        signal.connect(lambda: done.append(True))
    window.shell.show_page(page_key)
    deadline = time.perf_counter() + 120
    while signal is not None and not done and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    settle(app, 1.0)
    peak_kb = peak_resident_kb()
    print(f"rj-memory page={page_key} peak_mb={peak_kb / 1024:.1f}", flush=True)
    window.lock()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
