"""Process start → lock screen painted, as a whole process, and whether matplotlib was loaded.

Runs the real entry point (``python -m resilience_journal --data-dir DIR``) offscreen with the
start-up probe switched on (``resilience_journal/ui/startup_probe.py``): the app prints the
wall-clock time at which the passphrase field was first painted and whether ``matplotlib`` was
in ``sys.modules`` then, and quits.  The time counted runs from just before the process is
spawned, so the interpreter's own start is included, as a person would experience it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import NotMeasured, Result, Session, Target, benchmark
from bench.tenyear import ROOT, copy_of_tenyear

PROBE_PREFIX = "rj-startup-probe"


def probe_env() -> dict[str, str]:
    env = dict(os.environ, RJ_STARTUP_PROBE="1", RJ_QUIT_AFTER="0", QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT)
    return env


def start_once(cmd: list[str], env: dict[str, str], timeout: float = 60) -> tuple[float, bool]:
    """Seconds from spawn to the lock screen's first paint, and whether matplotlib was imported."""
    t0 = time.time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    for line in out.splitlines():
        if line.startswith(PROBE_PREFIX):
            fields = dict(part.split("=", 1) for part in line.split()[1:])
            if proc.returncode != 0:
                raise RuntimeError(f"the app exited with {proc.returncode}: {err[-400:]}")
            return float(fields["painted"]) - t0, fields["matplotlib"] == "1"
    raise RuntimeError(f"the app never painted its lock screen (exit {proc.returncode}): {err[-400:]}")


def start_samples(cmd: list[str], env: dict[str, str], reps: int) -> tuple[list[float], bool]:
    start_once(cmd, env)  # warm-up: files in the page cache, .pyc written
    samples, matplotlib_seen = [], False
    for _ in range(reps):
        seconds, mpl = start_once(cmd, env)
        samples.append(seconds)
        matplotlib_seen |= mpl
    return samples, matplotlib_seen


def who_imports(module: str) -> str:
    """The first of our modules that pulls ``module`` in before the lock screen (via -X importtime)."""
    code = "import resilience_journal.app, resilience_journal.ui.main_window"
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, env=probe_env()
    )
    chain: list[str] = []
    for line in proc.stderr.splitlines():
        name = line.rsplit("|", 1)[-1].strip()
        if name.startswith("resilience_journal"):
            chain.append(name)
        if name == module or name.startswith(module + "."):
            return chain[-1] if chain else "(unknown)"
    return ""


@benchmark("start", "Process start → lock screen painted (offscreen)")
def start_to_lock_screen(session: Session) -> list[Result]:
    folder = session.folder("start")
    copy_of_tenyear(folder)
    cmd = [sys.executable, "-m", "resilience_journal", "--data-dir", str(folder)]
    samples, mpl = start_samples(cmd, probe_env(), session.reps(15))
    session.facts["matplotlib imported before the lock screen"] = mpl
    note = (
        "matplotlib was NOT imported by then"
        if not mpl
        else f"matplotlib WAS imported (via {who_imports('matplotlib')})"
    )
    version_cmd = [sys.executable, "-m", "resilience_journal", "--version"]
    version = []
    for _ in range(session.reps(10)):
        t0 = time.perf_counter()
        subprocess.run(version_cmd, capture_output=True, check=True, env=probe_env())
        version.append(time.perf_counter() - t0)
    bare = []
    for _ in range(session.reps(10)):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t0)
    return [
        Result(
            "start",
            "python -m resilience_journal → lock screen painted",
            samples,
            target=Target(0.5, "≤ 0.5 s", "0.16 s without matplotlib; 0.85 s with"),
            note=note,
        ),
        Result("start-version", "python -m resilience_journal --version (whole process)", version),
        Result("start-python", "bare python -c pass (the interpreter's own floor)", bare),
    ]


def built_app() -> Path | None:
    """The PyInstaller build's executable, if ``bench/build_smoke.sh`` has made one."""
    for name in ("resilience-journal", "resilience-journal.exe"):
        exe = ROOT / "dist" / "resilience-journal" / name
        if exe.exists():
            return exe
    return None


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


@benchmark("built-app", "The PyInstaller build: bundle size and start → lock screen")
def built_app_start(session: Session) -> list[Result]:
    exe = built_app()
    if exe is None:
        raise NotMeasured("no build found in dist/: run `bash bench/build_smoke.sh` first")
    folder = session.folder("built-start")
    copy_of_tenyear(folder)
    env = dict(os.environ, RJ_STARTUP_PROBE="1", RJ_QUIT_AFTER="0", QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    samples, mpl = start_samples([str(exe), "--data-dir", str(folder)], env, session.reps(15))
    size = folder_size(exe.parent)
    session.facts["bundle"] = {"folder": "dist/resilience-journal", "size_mb": round(size / 1e6, 1)}
    return [
        Result(
            "built-start",
            "Built app (one-folder) → lock screen painted",
            samples,
            target=Target(0.5, "≤ 0.5 s", ""),
            note="matplotlib not imported" if not mpl else "matplotlib WAS imported",
        ),
        Result("bundle-size", "Bundle size, dist/resilience-journal/", [size / 1e6], unit="MB"),
    ]
