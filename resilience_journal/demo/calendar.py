"""The shape of the demo practitioner's months: working days, hard weeks, holidays, a drift.

Every generator reads the same calendar, so check-ins are low in the same weeks that visits
were hard, and the charts tell one coherent story.
"""

from __future__ import annotations

import math
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from resilience_journal.domain.ids import Uid


@dataclass
class DemoCalendar:
    start: date
    end: date
    seed: int
    hard_weeks: set[date] = field(default_factory=set)
    leave_days: set[date] = field(default_factory=set)

    def __post_init__(self) -> None:
        rng = random.Random(f"{self.seed}:calendar")
        weeks = self.weeks()
        # A few hard weeks (a court case, a child's death on the team, a complaint)...
        for monday in rng.sample(weeks, k=max(1, len(weeks) // 8)):
            self.hard_weeks.add(monday)
        # ...and a week of leave somewhere in the middle.
        if len(weeks) > 8:
            monday = weeks[len(weeks) // 2 + rng.randint(-2, 2)]
            self.leave_days.update(monday + timedelta(days=i) for i in range(5))
            self.hard_weeks.discard(monday)

    def days(self) -> list[date]:
        n = (self.end - self.start).days + 1
        return [self.start + timedelta(days=i) for i in range(n)]

    def weeks(self) -> list[date]:
        first = self.start - timedelta(days=self.start.weekday())
        out, d = [], first
        while d <= self.end:
            out.append(d)
            d += timedelta(days=7)
        return out

    def is_working_day(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self.leave_days

    def is_hard_week(self, d: date) -> bool:
        return d - timedelta(days=d.weekday()) in self.hard_weeks

    def baseline_stress(self, d: date) -> float:
        """The practitioner's underlying stress that day: a slow drift up, a wave, hard weeks."""
        span = max((self.end - self.start).days, 1)
        t = (d - self.start).days / span
        wave = 0.6 * math.sin(t * 2 * math.pi * 3)
        drift = 1.2 * t
        hard = 1.8 if self.is_hard_week(d) else 0.0
        after_leave = -1.0 if any(d - timedelta(days=k) in self.leave_days for k in range(3, 12)) else 0.0
        return 4.0 + drift + wave + hard + after_leave


def demo_uid(rng: random.Random) -> Uid:
    """A stable id drawn from the generator's own stream, so the demo is the same every time."""
    return Uid(uuid.UUID(int=rng.getrandbits(128)).hex)
