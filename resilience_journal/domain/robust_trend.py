"""Is something rising or falling?  Mann–Kendall for the direction, Theil–Sen for the size.

Both use only the order of the values, so one awful day cannot make a trend on its own, and
neither assumes the values are normally distributed.  With fewer than ``MIN_TREND_POINTS``
points the answer is None: too little data to say anything honest.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

#: Fewer points than this and no trend is reported at all.
MIN_TREND_POINTS = 10
#: A trend is called rising or falling only when Mann–Kendall's two-sided p-value is below this.
SIGNIFICANCE = 0.05


@dataclass(frozen=True)
class Trend:
    direction: str  # "rising", "falling" or "steady"
    slope_per_day: float  # Theil–Sen slope, in units of the value per day
    n: int  # points the test used
    p_value: float


def mann_kendall(values: Sequence[float]) -> tuple[int, float]:
    """Mann–Kendall's S statistic and two-sided p-value (normal approximation, ties corrected)."""
    n = len(values)
    s = 0
    for i in range(n - 1):
        vi = values[i]
        for j in range(i + 1, n):
            d = values[j] - vi
            s += (d > 0) - (d < 0)
    ties = Counter(values).values()
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18
    if var <= 0 or s == 0:
        return s, 1.0
    z = (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var)
    return s, math.erfc(abs(z) / math.sqrt(2))


def theil_sen_slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The median of the slopes between every pair of points with different x."""
    slopes = [
        (ys[j] - ys[i]) / (xs[j] - xs[i]) for i in range(len(xs) - 1) for j in range(i + 1, len(xs)) if xs[j] != xs[i]
    ]
    return median(slopes) if slopes else 0.0


def robust_trend(xs: Sequence[float], ys: Sequence[float]) -> Trend | None:
    """Direction and size of the trend of ``ys`` over ``xs`` (xs in days, ascending).

    None when there are fewer than ``MIN_TREND_POINTS`` points.
    """
    if len(xs) != len(ys):
        raise ValueError("xs and ys differ in length")
    if len(ys) < MIN_TREND_POINTS:
        return None
    s, p = mann_kendall(ys)
    slope = theil_sen_slope(xs, ys)
    direction = "steady"
    if p < SIGNIFICANCE:
        direction = "rising" if s > 0 else "falling"
    return Trend(direction=direction, slope_per_day=slope, n=len(ys), p_value=p)
