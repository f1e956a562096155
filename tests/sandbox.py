"""Running the app in a separate process whose home, config, cache, data and temp folders all
point into one temporary tree, so a test can see every file the app wrote."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sandbox_env(tree: Path) -> dict[str, str]:
    """Environment for a child whose every per-user folder lies inside ``tree``."""
    folders = {
        "HOME": "home",
        "XDG_CONFIG_HOME": "config",
        "XDG_CACHE_HOME": "cache",
        "XDG_DATA_HOME": "data",
        "XDG_STATE_HOME": "state",
        "XDG_RUNTIME_DIR": "runtime",
        "TMPDIR": "tmp",
        "MPLCONFIGDIR": "config/matplotlib",
    }
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PYTEST", "RJ_"))}
    for name, sub in folders.items():
        folder = tree / sub
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        env[name] = str(folder)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    return env


def run_script(script: str, tree: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run Python ``script`` (source text) in the sandbox; fail loudly if it does not finish."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env=sandbox_env(tree),
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def files_under(tree: Path) -> list[Path]:
    return sorted(p for p in tree.rglob("*") if p.is_file())
