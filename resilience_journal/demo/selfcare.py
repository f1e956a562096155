"""Demo self-care: check-ins on most working days, a CBI and a ProQOL 5 about monthly, a filled
plan, support contacts and a few periods of leave — all following the shared calendar, so low
check-ins and higher burnout scores fall in the same hard weeks as the stressful visits."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from resilience_journal.demo.calendar import DemoCalendar, demo_uid
from resilience_journal.domain.checkin import CheckIn
from resilience_journal.domain.leave import LeavePeriod
from resilience_journal.domain.questionnaires import Measure, cbi, proqol
from resilience_journal.domain.selfcare import SupportContact

#: One-line check-in notes, invented.
NOTES = (
    "Lunch outside for once.",
    "Too much recording, not enough time.",
    "Good chat with a colleague in the car park.",
    "Ran late after a duty call.",
    "Felt more settled today.",
    "Tired but OK.",
    "Team meeting helped.",
    "Didn't stop all day.",
)

PLAN = {
    "warning_signs": (
        "I stop replying to friends' messages and cancel swimming.\n\n"
        "I replay visits in bed and wake at 4 am. I get short with people at home."
    ),
    "what_helps": (
        "A walk round the park before going home, phone in the bag.\n\n"
        "Swimming on Thursdays. Talking it through with Sam on the team. Writing it down here."
    ),
    "people": "Sam (team colleague) for a debrief after a hard visit. My manager for anything about safety. My sister at weekends.",
    "why": "Because children deserve to be safe and heard, and families deserve someone who keeps trying.",
    "supervision": "Monthly with my manager, 90 minutes, protected time. We agreed the first item is always how I am.",
}

CONTACTS = (
    SupportContact("Employee assistance programme", "0800 000 0000", "Free and confidential counselling, 24 hours (demo number)."),
    SupportContact("My team manager", "01632 960 123", "For anything about safety, or when a case weighs on me (demo number)."),
)  # fmt: skip


def _clip(x: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(x)))


def generate(journal, cal: DemoCalendar, rng: random.Random) -> None:
    tz = journal.clock.now().tzinfo
    now = journal.clock.now()
    _checkins(journal, cal, rng)
    _questionnaires(journal, cal, rng, tz, now)
    _leave(journal, cal)
    journal.selfcare.save_plan(PLAN)
    journal.selfcare.ensure_default_contacts()
    for c in CONTACTS:
        journal.selfcare.add_contact(c)


def _checkins(journal, cal: DemoCalendar, rng: random.Random) -> None:
    # Today's is left for the newcomer to try.
    for day in cal.days()[:-1]:
        if not cal.is_working_day(day) or rng.random() < 0.15:
            continue
        strain = cal.baseline_stress(day) - 4.0  # about -1.5 .. +4
        sleep_hours = round(max(4.0, min(9.0, rng.gauss(7.2 - 0.35 * strain, 0.7))) * 2) / 2
        worked = round(max(6.0, min(12.0, rng.gauss(8.0 + 0.4 * strain, 0.7))) * 2) / 2
        journal.checkins.save(
            CheckIn(
                local_date=day,
                uid=demo_uid(rng),
                mood=_clip(rng.gauss(6.5 - 0.8 * strain, 1.2)),
                energy=_clip(rng.gauss(6.0 - 0.8 * strain, 1.3)),
                sleep_quality=_clip(rng.gauss(6.5 - 0.6 * strain, 1.4)),
                sleep_hours=sleep_hours if rng.random() < 0.7 else None,
                workload=_clip(rng.gauss(5.5 + 0.9 * strain, 1.1)),
                breaks_taken=max(0, min(4, round(rng.gauss(2.0 - 0.4 * strain, 0.8)))),
                finished_on_time=rng.random() < max(0.1, 0.7 - 0.15 * strain),
                hours_worked=worked,
                note=rng.choice(NOTES) if rng.random() < 0.3 else "",
            )
        )


def _answer(rng: random.Random, level: float, low: int, high: int) -> int:
    """An answer code near ``level`` (0..1 across the scale), with a little noise."""
    return max(low, min(high, round(low + level * (high - low) + rng.gauss(0, 0.6))))


def _questionnaires(journal, cal: DemoCalendar, rng: random.Random, tz, now: datetime) -> None:
    day = cal.start + timedelta(days=10)
    while day <= cal.end:
        while not cal.is_working_day(day) and day < cal.end:
            day += timedelta(days=1)
        strain = max(0.0, min(1.0, (cal.baseline_stress(day) - 2.5) / 5.0))
        taken = datetime.combine(day, time(19, 30), tzinfo=tz)
        if taken > now:
            break
        # CBI: higher answers = more burnout, except item 13 (energy left), which runs the other way.
        answers = {i: _answer(rng, strain if i != 13 else 1 - strain, 0, 4) for i in range(1, 20)}
        if rng.random() < 0.3:
            answers.pop(rng.randint(14, 19))  # someone skips a question now and then
        journal.measures.add(Measure(cbi.INSTRUMENT, taken, answers, cbi.scores_dict(answers), uid=demo_uid(rng)))
        # ProQOL 5 the next evening: satisfaction stays fairly high, burnout and STS follow strain.
        burnout = set(proqol.SCALES["burnout"]) - proqol.REVERSED
        sts = set(proqol.SCALES["secondary_traumatic_stress"])
        responses = {}
        for i in range(1, 31):
            if i in proqol.REVERSED:
                level = 0.8 - 0.4 * strain
            elif i in burnout:
                level = 0.2 + 0.5 * strain
            elif i in sts:
                level = 0.1 + 0.45 * strain
            else:
                level = 0.75 - 0.15 * strain
            responses[i] = _answer(rng, level, 1, 5)
        taken2 = taken + timedelta(days=1)
        if taken2 <= now:
            journal.measures.add(
                Measure(proqol.INSTRUMENT, taken2, responses, proqol.scores_dict(responses), uid=demo_uid(rng))
            )
        day += timedelta(days=28 + rng.randint(0, 6))


def _leave(journal, cal: DemoCalendar) -> None:
    if cal.leave_days:
        first, last = min(cal.leave_days), max(cal.leave_days)
        # The week of leave, with the weekends either side.
        journal.selfcare.add_leave(
            LeavePeriod(first - timedelta(days=2), last + timedelta(days=2), "Annual leave", "Walking in the Lakes")
        )
    for back, kind in ((cal.end - cal.start).days - 20, "Day off"), (38, "Time off in lieu"):
        day = cal.end - timedelta(days=back)
        if day >= cal.start:
            journal.selfcare.add_leave(LeavePeriod(_weekday(day), _weekday(day), kind))


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
