"""Demo supervision: a session about every four weeks, the actions agreed, one earlier summary.

The last session is three weeks before the demo's "today", so the supervision clock has
something to say and "Prepare a summary" starts with a sensible period.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from resilience_journal.demo.calendar import DemoCalendar, demo_uid
from resilience_journal.domain.supervision import (
    SUMMARY_SHARE_KIND,
    Action,
    Session,
    ShareItem,
    ShareLevel,
    ShareRecord,
)

#: Who the demo practitioner has supervision with.
SUPERVISORS = ("Priya (team manager)", "Priya (team manager)", "Priya (team manager)", "Reflective group")

#: What was talked about, by who it was with.  Invented, and free of case detail.
NOTES = {
    "Priya (team manager)": (
        "Went through caseload. Agreed the court case comes first this month. Talked about how tired I've been.",
        "Talked about the hostile visit and how it stayed with me. Priya said it's a normal reaction. Felt heard.",
        "Looked at my training plan. Good discussion about analysis in assessments.",
        "Mostly about workload: too many visits on Thursdays. Agreed to spread them out.",
        "Brief session — Priya was called away. Rearranged the rest for next week.",
    ),
    "Reflective group": (
        "Shared the doorstep incident; others had similar. Useful ideas on safety planning.",
        "Talked about endings with families and how we look after ourselves afterwards.",
    ),
}

#: Follow-ups agreed.  (text, days until due or None)
ACTIONS = (
    ("Ask for a co-worker on joint visits to Family R", 7),
    ("Book the trauma-informed practice course", 21),
    ("Block out Friday afternoons for recording", None),
    ("Speak to duty manager about the lone-working phone", 10),
    ("Try the breathing exercise after hard visits and note if it helps", None),
    ("Bring my reflective log on the court hearing next time", 14),
)


def generate(journal, cal: DemoCalendar, rng: random.Random) -> None:
    tz = journal.clock.now().tzinfo
    today = min(cal.end, journal.clock.now().date())
    dates = []
    day = today - timedelta(days=21)
    while day >= cal.start + timedelta(days=7):
        while not cal.is_working_day(day):
            day -= timedelta(days=1)
        dates.append(day)
        day -= timedelta(days=28 + rng.randint(-3, 3))
    dates.reverse()
    repo = journal.supervision
    repo.set_frequency("monthly")
    for n, held_on in enumerate(dates):
        is_last = n == len(dates) - 1
        supervisor = rng.choice(SUPERVISORS)
        session = repo.add_session(Session(held_on, supervisor, rng.choice(NOTES[supervisor]), uid=demo_uid(rng)))
        for text, due_in in rng.sample(ACTIONS, k=2):
            due = held_on + timedelta(days=due_in) if due_in else None
            done = None
            if not is_last:
                finished = held_on + timedelta(days=rng.randint(2, 20))
                done = datetime.combine(finished, time(16, 30), tzinfo=tz)
            repo.add_action(Action(text, due_on=due, done_at=done, session_id=session.id, uid=demo_uid(rng)))
    if len(dates) >= 2:
        _earlier_summary(journal, dates[-2], dates[-1], tz, rng)


def _earlier_summary(journal, since, held_on, tz, rng: random.Random) -> None:
    """The summary the demo practitioner took to their last session."""
    entries = journal.reflections.between(since + timedelta(days=1), held_on - timedelta(days=1))
    hardest = sorted(entries, key=lambda r: (-r.stress, r.occurred_at))[:3]
    items = [
        ShareItem("reflection", r.uid, (ShareLevel.WITH_REFLECTION if i == 0 else ShareLevel.HEADLINE).value)
        for i, r in enumerate(sorted(hardest, key=lambda r: r.occurred_at))
    ]
    titles = {
        f"reflection:{r.uid}": f"{r.local_date:%a} {r.local_date.day} {r.local_date:%b %Y} · {r.activity_kind}"
        for r in hardest
    }
    shared_at = datetime.combine(held_on - timedelta(days=1), time(18, 40), tzinfo=tz)
    journal.supervision.record_share(
        ShareRecord(
            shared_at=shared_at,
            kind=SUMMARY_SHARE_KIND,
            file_name=f"supervision-summary-{shared_at.date().isoformat()}.pdf",
            items=tuple(items),
            detail={
                "format": "pdf",
                "start": (since + timedelta(days=1)).isoformat(),
                "end": (held_on - timedelta(days=1)).isoformat(),
                "agenda_points": 3,
                "titles": titles,
            },
            uid=demo_uid(rng),
        )
    )
