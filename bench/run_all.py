"""Run every benchmark, print medians (min – max), and write ``docs/performance.md``.

    python bench/run_all.py                  # everything, full repetitions (~15 minutes)
    python bench/run_all.py --quick          # fewer repetitions, for trying things out
    python bench/run_all.py --only storage   # one benchmark (or group); see --list
    python bench/run_all.py --no-write       # print only

Use the project's environment (``/work/venv/bin/python`` or wherever it is installed); jrnl is
looked for in its own venv (see ``bench/bench_jrnl.py``).  The ten-year journal is generated on
first use and cached in ``bench/.cache/``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import (  # noqa: E402,F401  (importing registers the benchmarks, in report order)
    bench_features,
    bench_jrnl,
    bench_memory,
    bench_start,
    bench_storage,
    bench_ui,
)
from bench.harness import REGISTRY, NotMeasured, Result, Session, Skipped, fmt  # noqa: E402
from bench.report import load, machine, write  # noqa: E402
from bench.tenyear import describe, tenyear_journal  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
NOTES = ROOT / "bench" / "notes.md"


def notes() -> dict[str, str]:
    """The hand-written parts of the report: ``## key`` sections of bench/notes.md."""
    if not NOTES.exists():
        return {}
    out: dict[str, str] = {}
    for block in re.split(r"^## ", NOTES.read_text(encoding="utf-8"), flags=re.M)[1:]:
        key, _, body = block.partition("\n")
        out[key.strip()] = body.strip()
    return out


#: The order of the report: what a person meets first comes first; unknown keys go last.
ORDER = (
    "start",
    "unlock",
    "open",
    "storage",
    "ui-search",
    "trends",
    "trends-page",
    "mpl-import",
    "export",
    "memory",
    "vs-sqlite",
    "vs-jrnl",
    "built-app",
)


def ordered():
    rank = {k: i for i, k in enumerate(ORDER)}
    return sorted(REGISTRY, key=lambda b: rank.get(b.key, len(ORDER)))


LAST_RUN = ROOT / "bench" / ".cache" / "last-run.json"


def encode(key: str, title: str, body, stamp: str) -> dict:
    if isinstance(body, Skipped):
        return {"key": key, "title": title, "skipped": body.reason, "at": stamp}
    return {
        "key": key,
        "title": title,
        "at": stamp,
        "results": [
            {
                "key": r.key,
                "title": r.title,
                "samples": r.samples,
                "unit": r.unit,
                "note": r.note,
                "target": None if r.target is None else vars(r.target),
            }
            for r in body
        ],
    }


def decode(section: dict):
    from bench.harness import Target

    if "skipped" in section:
        return Skipped(section["key"], section["title"], section["skipped"])
    return [
        Result(r["key"], r["title"], r["samples"], r["unit"], Target(**r["target"]) if r["target"] else None, r["note"])
        for r in section["results"]
    ]


def merge(old: dict | None, new: dict) -> dict:
    """The last run with the sections (and facts) of a partial run put in place."""
    if old is None:
        return new
    keys = {s["key"] for s in new["sections"]}
    sections = [s for s in old["sections"] if s["key"] not in keys] + new["sections"]
    rank = {k: i for i, k in enumerate(ORDER)}
    sections.sort(key=lambda s: rank.get(s["key"], len(ORDER)))
    return {**old, "sections": sections, "facts": {**old["facts"], **new["facts"]}, "partial": new["finished"]}


def load_run() -> dict | None:
    import json

    return json.loads(LAST_RUN.read_text(encoding="utf-8")) if LAST_RUN.exists() else None


def save_run(run: dict) -> None:
    import json

    LAST_RUN.parent.mkdir(parents=True, exist_ok=True)
    LAST_RUN.write_text(json.dumps(run, indent=1, default=str), encoding="utf-8")


def write_doc(run: dict) -> None:
    sections = [
        (s["key"], s["title"] + (f" (measured {s['at']} UTC)" if s.get("at") else ""), decode(s))
        for s in run["sections"]
    ]
    write(
        DOC,
        sections,
        run["facts"],
        run["machine"],
        command=run["command"],
        started=datetime.fromisoformat(run["started"]),
        finished=datetime.fromisoformat(run["finished"]),
        load_before=run["load_before"],
        load_after=run["load_after"],
        prose=notes(),
        keys=[b.key for b in REGISTRY],
    )
    print(f"\nwrote {DOC.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--only", action="append", help="a benchmark key or group (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/performance.md")
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite docs/performance.md from the last run (after editing notes)"
    )
    args = parser.parse_args(argv)

    if args.list:
        for b in ordered():
            print(f"{b.key:14} {b.group:10} {b.title}")
        return 0
    if args.report_only:
        saved = load_run()
        if saved is None:
            print("no saved run: run the benchmarks first", file=sys.stderr)
            return 2
        write_doc(saved)
        return 0
    chosen = [b for b in ordered() if not args.only or b.key in args.only or b.group in args.only]
    started = datetime.now(UTC)
    load_before = load()
    session = Session(quick=args.quick)
    print(f"building or finding the ten-year journal: {tenyear_journal()}", flush=True)
    session.facts["ten-year journal"] = describe()
    sections: list[tuple[str, str, list[Result] | Skipped]] = []
    stamps: dict[str, str] = {}
    failed = False
    try:
        for b in chosen:
            print(f"\n== {b.title}", flush=True)
            t0 = time.perf_counter()
            try:
                results = b.fn(session)
            except NotMeasured as exc:
                print(f"   not measured: {exc}")
                sections.append((b.key, b.title, Skipped(b.key, b.title, str(exc))))
                continue
            except Exception as exc:  # one broken benchmark must not lose the others' figures
                traceback.print_exc()
                failed = True
                sections.append((b.key, b.title, Skipped(b.key, b.title, f"it failed in this run: {exc!r}")))
                continue
            for r in results:
                verdict = r.verdict()
                print(
                    f"   {r.title}: median {fmt(r.median, r.unit)} (min {fmt(r.low, r.unit)}, max {fmt(r.high, r.unit)},"
                    f" n={len(r.samples)}){'  [' + verdict + ']' if verdict else ''}",
                    flush=True,
                )
            print(f"   ({time.perf_counter() - t0:.0f} s)")
            sections.append((b.key, b.title, results))
            stamps[b.key] = datetime.now(UTC).strftime("%H:%M")
    finally:
        session.cleanup()
    if not args.no_write:
        command = "python bench/run_all.py" + (" --quick" if args.quick else "")
        run = {
            "command": command,
            "started": started.isoformat(),
            "finished": datetime.now(UTC).isoformat(),
            "load_before": load_before,
            "load_after": load(),
            "machine": machine(),
            "facts": session.facts,
            "sections": [encode(key, title, body, stamps.get(key, "")) for key, title, body in sections],
        }
        if args.only:  # a partial run updates its sections of the last full run
            run = merge(load_run(), run)
        save_run(run)
        write_doc(run)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
