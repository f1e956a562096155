"""Side by side with jrnl, an encrypted command-line journal, holding the same 20,000 entries.

jrnl is installed into its own virtual environment (never a project dependency)::

    python -m venv /work/bench-venv && /work/bench-venv/bin/pip install jrnl

(``RJ_BENCH_JRNL`` names another jrnl executable).  Both sides run as whole processes, the way
a person uses them: open-add-close one entry, and a keyword search.  Our side is
``bench/rj_cli.py`` on the storage core.  Runs alternate (jrnl, ours, jrnl, ours...) and the
ratio is taken per pair.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.harness import NotMeasured, Result, Session, Target, benchmark
from bench.tenyear import CACHE, PASSPHRASE, ROOT, bench_clock, cached_path, copy_of_tenyear

JRNL = Path(os.environ.get("RJ_BENCH_JRNL", "/work/bench-venv/bin/jrnl"))
JRNL_PASSWORD = "made-up password for the jrnl comparison"
#: The entry both add (about the length of a quick note after a visit).
ADD_TEXT = (
    "Phone call with the school about attendance. They are worried but supportive, and we agreed "
    "to meet next week. I felt calmer after talking it through."
)
#: A word found in a few dozen entries, so both print every match.
SEARCH_WORD = "tribunal"

CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: true
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%F %r'
version: v{version}
"""


def jrnl_version() -> str:
    out = subprocess.run([str(JRNL), "--version"], capture_output=True, text=True, check=True).stdout
    return out.split()[1].lstrip("v")


def jrnl_text(journal_path: Path) -> str:
    """The reflections of the ten-year journal in jrnl's plain-text format."""
    from resilience_journal.storage import Journal

    lines = []
    with Journal.open(journal_path, PASSPHRASE, clock=bench_clock()) as journal:
        for r in journal.reflections.between(date(2000, 1, 1), bench_clock().now().date()):
            title = f"{r.activity_kind}: {r.text or 'no note'}".replace("\n", " ")
            body = "\n".join(a.text for a in r.answers)
            lines.append(f"[{r.occurred_at:%Y-%m-%d %I:%M:%S %p}] {title}\n{body}\n")
    return "\n".join(lines) + "\n"


def cached_jrnl_journal(session: Session) -> Path:
    """jrnl's encrypted copy of the ten-year journal's reflections, cached beside it."""
    out = CACHE / (cached_path().stem + ".jrnl")
    if out.exists():
        return out
    work = session.folder("jrnl-build")
    plain = work / "plain.txt"  # made-up data only; deleted as soon as it is encrypted
    plain.write_text(jrnl_text(copy_of_tenyear(work / "src")), encoding="utf-8")
    python = JRNL.parent / "python"
    subprocess.run(
        [str(python), str(ROOT / "bench" / "jrnl_encrypt.py"), str(plain), str(out)],
        env=dict(os.environ, RJ_BENCH_JRNL_PASSWORD=JRNL_PASSWORD),
        check=True,
    )
    shutil.rmtree(work)
    return out


def _run(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-400:]}")
    return elapsed


@benchmark("vs-jrnl", "Whole commands vs jrnl, 20,000 entries each (alternating runs)")
def versus_jrnl(session: Session) -> list[Result]:
    if not JRNL.exists():
        raise NotMeasured(f"jrnl is not installed at {JRNL} (see bench/bench_jrnl.py for the one-line install)")
    version = jrnl_version()
    folder = session.folder("vs-jrnl")
    jrnl_file = folder / "journal.txt"
    shutil.copyfile(cached_jrnl_journal(session), jrnl_file)
    config = folder / "jrnl.yaml"
    config.write_text(CONFIG.format(journal=jrnl_file, version=version), encoding="utf-8")
    ours = copy_of_tenyear(folder / "ours")

    jrnl_env = dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="jrnl_keyring.BenchKeyring",
        PYTHONPATH=str(ROOT / "bench"),
        RJ_BENCH_JRNL_PASSWORD=JRNL_PASSWORD,
        XDG_CONFIG_HOME=str(folder / "xdg-config"),
        XDG_DATA_HOME=str(folder / "xdg-data"),
    )
    our_env = dict(os.environ, RJ_BENCH_PASSPHRASE=PASSPHRASE)
    jrnl_cmd = [str(JRNL), "--config-file", str(config)]
    our_cmd = [sys.executable, str(ROOT / "bench" / "rj_cli.py"), str(ours)]

    # Both must find the same entries before their speed means anything.
    found = subprocess.run(
        [*jrnl_cmd, "-contains", SEARCH_WORD, "--short"], env=jrnl_env, capture_output=True, text=True, check=True
    ).stdout
    jrnl_hits = sum(1 for line in found.splitlines() if line.strip())
    session.facts["jrnl"] = {"version": version, "entries found for search word": jrnl_hits, "word": SEARCH_WORD}

    ops = {
        "add": ([*jrnl_cmd, ADD_TEXT], [*our_cmd, "add", ADD_TEXT]),
        "search": ([*jrnl_cmd, "-contains", SEARCH_WORD], [*our_cmd, "search", SEARCH_WORD]),
    }
    reps = session.reps(7, minimum=3)
    results = []
    for op, (theirs_cmd, our_cmd_op) in ops.items():
        _run(theirs_cmd, jrnl_env)  # warm-up: files in the page cache for both
        _run(our_cmd_op, our_env)
        theirs, mine = [], []
        for _ in range(reps):
            theirs.append(_run(theirs_cmd, jrnl_env))
            mine.append(_run(our_cmd_op, our_env))
        title = "open, add one entry, close" if op == "add" else f"keyword search “{SEARCH_WORD}”"
        results += [
            Result(f"jrnl-{op}:jrnl", f"{title} — jrnl {version}", theirs),
            Result(f"jrnl-{op}:ours", f"{title} — ours (bench/rj_cli.py)", mine),
            Result(
                f"jrnl-{op}:ratio",
                f"{title} — jrnl ÷ ours (how many times faster we are)",
                [a / b for a, b in zip(theirs, mine, strict=True)],
                unit="x",
                target=Target(12, "≥ 12×", "jrnl ~3.4 s per command", better="higher"),
            ),
        ]
    return results
