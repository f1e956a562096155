"""Demo reflections: about three visits on working days, varied kinds, stress that clusters."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from resilience_journal.demo.calendar import DemoCalendar, demo_uid
from resilience_journal.domain.reflection import Reflection

#: Kinds of work and how often they come up on a working day (weights) and how hard they tend to be.
KINDS = (
    ("Home visit", 10, 1.0),
    ("Office visit", 3, -0.5),
    ("Phone call", 6, -0.3),
    ("Court", 1, 2.0),
    ("Conference or meeting", 3, 0.5),
    ("Duty", 2, 0.8),
    ("Other", 1, -0.8),
)

#: Made-up case labels: initials and pseudonyms only, as the app asks.
LABELS = ("J.M.", "Family B", "K.T.", "Family R", "A.O.", "S.", "Family L", "D.W.", "", "", "")

#: Short notes by how the visit felt.  Invented; no real case detail.
NOTES = {
    "low": (
        "Went better than expected. Mum was relaxed and the children showed me their drawings.",
        "Routine review. Plan is on track; good to see progress.",
        "Quick call to check in. All fine.",
        "Team meeting was supportive today.",
        "Caught up on recording. Quiet afternoon.",
    ),
    "mid": (
        "Dad was guarded at first but opened up by the end. Need to follow up on school attendance.",
        "Long drive, hard conversation about the plan. I stayed calm and kept it focused.",
        "Difficult phone call with a relative who is unhappy with the decision.",
        "Strategy meeting ran over. Lots of different views; I said my piece.",
        "Visit felt rushed. I want to go back when there is more time.",
    ),
    "high": (
        "Hostile reception — shouting on the doorstep. I left early and called my manager from the car.",
        "Court was gruelling. Cross-examined for over an hour; I kept my voice steady.",
        "Hard visit. The house was cold and the baby was unwell. I keep thinking about it.",
        "A disclosure today. Followed procedure, but it has stayed with me all evening.",
        "Angry phone call, threats about reporting me. Shaken, told the duty manager.",
    ),
}


def _band(stress: int) -> str:
    return "low" if stress <= 3 else "mid" if stress <= 6 else "high"


def generate(journal, cal: DemoCalendar, rng: random.Random) -> None:
    names = [k[0] for k in KINDS]
    weights = [k[1] for k in KINDS]
    effect = {k[0]: k[2] for k in KINDS}
    tz = journal.clock.now().tzinfo
    now = journal.clock.now()
    for day in cal.days():
        if not cal.is_working_day(day):
            continue
        count = max(0, min(5, round(rng.gauss(3, 1))))
        starts = sorted(rng.sample(range(9 * 60, 17 * 60, 15), k=count))
        for minute in starts:
            kind = rng.choices(names, weights)[0]
            raw = cal.baseline_stress(day) + effect[kind] + rng.gauss(0, 1.4)
            stress = max(0, min(10, round(raw)))
            when = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)
            if when > now:
                continue
            text = rng.choice(NOTES[_band(stress)]) if rng.random() < 0.85 else ""
            journal.reflections.add(
                Reflection(
                    uid=demo_uid(rng),
                    occurred_at=when,
                    activity_kind=kind,
                    stress=stress,
                    text=text,
                    case_label=rng.choice(LABELS) if kind in ("Home visit", "Office visit", "Court") else "",
                    for_supervision=stress >= 8 and rng.random() < 0.3 and (cal.end - day) < timedelta(days=30),
                )
            )
