"""Demo decompressions: what the made-up practitioner did to come down, with plausible ratings.

Walks, talking to a colleague and exercise help this person most; sitting in the car helps least;
sometimes nothing helps much.  Most follow a stressful visit; a few are standalone evening ones.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from resilience_journal.demo.calendar import DemoCalendar, demo_uid
from resilience_journal.domain.decompression import Decompression

#: strategy -> (how often it is chosen, typical drop in stress, typical minutes)
STRATEGIES = {
    "Walk": (6, 2.4, 20),
    "Breathing": (4, 1.8, 5),
    "Talked to a colleague": (5, 2.8, 15),
    "Music": (4, 1.4, 25),
    "Sat in the car": (5, 0.8, 10),
    "Exercise": (2, 3.0, 40),
    "Writing": (2, 1.5, 15),
    "Grounding": (2, 1.6, 5),
}

NOTES = (
    "",
    "",
    "",
    "",
    "Round the park before the next visit.",
    "Rang a colleague from the car park.",
    "Windows down, favourite album.",
    "Ten minutes before driving off.",
    "Gym after work.",
)


def generate(journal, cal: DemoCalendar, rng: random.Random) -> None:
    names = list(STRATEGIES)
    weights = [STRATEGIES[n][0] for n in names]
    now = journal.clock.now()
    for r in journal.reflections.between(cal.start, cal.end):
        if r.stress < 5 or rng.random() > 0.25 + 0.06 * (r.stress - 5):
            continue
        strategy = rng.choices(names, weights)[0]
        _w, drop, minutes = STRATEGIES[strategy]
        before = max(0, min(10, r.stress + rng.choice((-1, 0, 0, 0, 1))))
        after = max(0, min(10, round(before - drop + rng.gauss(0, 1.1))))
        when = r.occurred_at + timedelta(minutes=rng.randint(50, 120))
        if when > now:
            continue
        journal.decompressions.add(
            Decompression(
                uid=demo_uid(rng), occurred_at=when, strategy=strategy, reflection_id=r.id,
                minutes=max(1, round(rng.gauss(minutes, minutes / 4))), stress_before=before,
                stress_after=min(after, 10), note=rng.choice(NOTES),
                exercise={"Breathing": "paced_breathing", "Grounding": "grounding_54321"}.get(strategy)
                if rng.random() < 0.5 else None,
            )
        )  # fmt: skip
    # A few evenings with a standalone decompression, after the harder days.
    for day in cal.days():
        if not cal.is_working_day(day) or rng.random() > (0.25 if cal.is_hard_week(day) else 0.08):
            continue
        when = datetime.combine(day, time(19, rng.choice((0, 15, 30, 45))), tzinfo=now.tzinfo)
        if when > now:
            continue
        strategy = rng.choice(("Exercise", "Music", "Writing", "Walk"))
        before = max(0, min(10, round(cal.baseline_stress(day) + rng.gauss(0.5, 1))))
        after = max(0, min(10, round(before - STRATEGIES[strategy][1] + rng.gauss(0, 1))))
        journal.decompressions.add(
            Decompression(
                uid=demo_uid(rng), occurred_at=when, strategy=strategy, minutes=STRATEGIES[strategy][2],
                stress_before=before, stress_after=after,
            )
        )  # fmt: skip
