"""The benchmark harness: a registry of small benchmark functions, timing and statistics.

A benchmark is a function registered with ``@benchmark(key, title)``.  It takes the ``Session``
(repetitions, scratch folder, the ten-year journal) and returns ``Result`` objects, each holding
every sample it measured.  A benchmark that cannot run yet (its feature is not on main) raises
``NotMeasured`` with the reason, which the report prints instead of a number.

Timings are medians over repeated runs, with min and max, because the machine is shared and
noisy; never a single run, and never an assertion in the test suite.
"""

from __future__ import annotations

import gc
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class NotMeasured(Exception):
    """A benchmark that could not run; the message says why, in a sentence for the report."""


@dataclass
class Target:
    """What the issue asks for: ``value`` in the result's unit, met when ``better`` holds."""

    value: float
    text: str
    floor: str = ""
    #: "lower" when smaller is better (times, memory), "higher" for speed-up ratios.
    better: str = "lower"
    #: Judged on the "median", or on the "worst" sample (for promises like "never above").
    of: str = "median"

    def met(self, median: float) -> bool:
        return median <= self.value if self.better == "lower" else median >= self.value


@dataclass
class Result:
    key: str
    title: str
    samples: list[float]
    #: "s" (shown in ms or s), "MB", "x" (a ratio), or "" (a count).
    unit: str = "s"
    target: Target | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    def verdict(self) -> str:
        if self.target is None:
            return ""
        worst = self.high if self.target.better == "lower" else self.low
        judged = worst if self.target.of == "worst" else self.median
        which = "worst " if self.target.of == "worst" else ""
        if self.target.met(judged):
            return "met"
        if self.target.better == "lower":
            return f"{which}missed by {fmt(judged - self.target.value, self.unit)}"
        return f"{which}missed: {judged:.1f}× of {self.target.value:g}×"


@dataclass
class Skipped:
    key: str
    title: str
    reason: str


@dataclass
class Bench:
    key: str
    title: str
    fn: Callable
    #: Benchmarks in a group run together; ``--only`` accepts a key or a group.
    group: str


REGISTRY: list[Bench] = []


def benchmark(key: str, title: str, group: str = "") -> Callable:
    """Register ``fn(session) -> list[Result]`` under ``key``."""

    def register(fn: Callable) -> Callable:
        REGISTRY.append(Bench(key, title, fn, group or key))
        return fn

    return register


@dataclass
class Session:
    """What every benchmark gets: how hard to try, and somewhere to work."""

    repeat: int = 15
    quick: bool = False
    scratch: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="rj-bench-")))
    #: Extra facts for the report (e.g. the ten-year journal's contents, bundle size).
    facts: dict = field(default_factory=dict)

    def reps(self, normal: int | None = None, *, minimum: int = 3) -> int:
        """How many repetitions: fewer in ``--quick`` mode, never fewer than ``minimum``."""
        n = normal or self.repeat
        return max(minimum, n // 4) if self.quick else n

    def folder(self, name: str) -> Path:
        """A fresh, empty scratch folder for one benchmark."""
        path = self.scratch / name
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        return path

    def cleanup(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)


def timed(
    fn: Callable[[], object], repeat: int, *, warmup: int = 1, setup: Callable[[], object] | None = None
) -> list[float]:
    """Run ``fn`` ``warmup`` times unmeasured, then ``repeat`` times; seconds per run.

    The garbage collector is run before (not during) each measured call so one run does not
    pay for the previous run's garbage.
    """
    for _ in range(warmup):
        if setup:
            setup()
        fn()
    out = []
    for _ in range(repeat):
        if setup:
            setup()
        gc.collect()
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def fmt(value: float, unit: str) -> str:
    """A number in the unit people read it in: ms below a second, s above, MB, ratios as ×."""
    if unit == "s":
        return f"{value * 1000:.1f} ms" if abs(value) < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "x":
        return f"{value:.1f}×"
    return f"{value:g}"
