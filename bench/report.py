"""The machine description and ``docs/performance.md``, written from one run's results."""

from __future__ import annotations

import os
import platform
import sys
from datetime import datetime
from pathlib import Path

from bench.harness import Result, Skipped, fmt


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, str]:
    import PySide6
    import sqlcipher3
    from PySide6 import QtCore

    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    try:
        from importlib.metadata import version

        mpl = version("matplotlib")
        sqlcipher3_version = version("sqlcipher3")
    except Exception:
        mpl = sqlcipher3_version = "?"
    mem = ""
    try:
        kb = int(
            next(
                line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
            ).split()[1]
        )
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return {
        "CPU": cpu_model(),
        "cores (nproc)": str(os.cpu_count()),
        "memory": mem,
        "OS": f"{platform.system()} {platform.release()}",
        "Python": sys.version.split()[0],
        "PySide6 / Qt": f"{PySide6.__version__} / {QtCore.qVersion()}",
        "SQLCipher": f"{cipher} (sqlcipher3 {sqlcipher3_version}, SQLite {sqlite})",
        "matplotlib": mpl,
    }


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def table(results: list[Result]) -> list[str]:
    out = ["| what | median | min – max | runs | target | |", "|---|---|---|---|---|---|"]
    for r in results:
        target = r.target.text if r.target else ""
        verdict = r.verdict()
        mark = "✅ met" if verdict == "met" else (f"❌ {verdict}" if verdict else "")
        note = f" ({r.note})" if r.note else ""
        out.append(
            f"| {r.title}{note} | **{fmt(r.median, r.unit)}** | {fmt(r.low, r.unit)} – {fmt(r.high, r.unit)}"
            f" | {len(r.samples)} | {target} | {mark} |"
        )
    return out


def write(
    path: Path,
    sections: list[tuple[str, str, list[Result] | Skipped]],
    facts: dict,
    info: dict[str, str],
    *,
    command: str,
    started: datetime,
    finished: datetime,
    load_before: str,
    load_after: str,
    prose: dict[str, str],
    keys: list[str],
) -> None:
    """Write docs/performance.md: method, machine, figures per benchmark, and the notes in ``prose``."""
    lines = [
        "# Performance",
        "",
        f"Measured {started:%Y-%m-%d} from {started:%H:%M} to {finished:%H:%M} UTC with `{command}`; this file is",
        "written by that command (`--report-only` rewrites it from the saved run). The words around the",
        "figures are kept in `bench/notes.md`.",
        "",
        "## Method",
        "",
        prose.get("method", ""),
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v} |" for k, v in info.items()]
    lines += [
        f"| load average (1, 5, 15 min) before / after the run | {load_before} / {load_after} |",
        "",
        "The machine is **shared**: about seven engineers run test suites on the same two cores while",
        "benchmarks run, so every figure is a median over many repetitions, with the min and max shown;",
        "the minimum is the best estimate of what an idle machine does, the maximum shows the noise.",
        "",
        "## The ten-year journal",
        "",
    ]
    contents = facts.get("ten-year journal", {})
    if contents:
        lines += ["| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in contents.items()] + [""]
    findings = [k for k in prose if k not in keys and k not in ("method", "reading")]
    if findings:
        lines += ["## Findings outside the figures", ""]
        for k in findings:
            lines += [prose[k], ""]
    lines += ["## Figures", ""]
    for key, title, body in sections:
        lines += [f"### {title}", ""]
        if isinstance(body, Skipped):
            lines += [f"**Not measured yet**, because {body.reason}", ""]
        else:
            lines += table(body) + [""]
        if key in prose:
            lines += [prose[key], ""]
    other = {k: v for k, v in facts.items() if k != "ten-year journal"}
    if other:
        lines += ["## Other facts from this run", ""]
        lines += [f"- **{k}**: {v}" for k, v in other.items()] + [""]
    if "reading" in prose:
        lines += ["## Reading the figures", "", prose["reading"], ""]
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
