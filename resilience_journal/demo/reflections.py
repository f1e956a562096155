"""Demo reflections: about three visits on working days, varied kinds, stress that clusters."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from resilience_journal.demo.calendar import DemoCalendar, demo_uid
from resilience_journal.domain.reflection import Answer, Reflection
from resilience_journal.domain.templates import builtin_templates

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


#: Feeling words that fit each band (from the built-in vocabulary).
FEELINGS = {
    "low": ("calm", "relieved", "content", "settled", "pleased", "hopeful", "proud", "connected", "grateful"),
    "mid": ("tense", "frustrated", "weary", "thoughtful", "drained", "anxious", "hopeful", "irritated", "curious"),
    "high": ("anxious", "shaken", "overwhelmed", "scared", "angry", "drained", "helpless", "on edge", "guilty", "sad"),
}

#: Tags the demo practitioner uses, and the kinds of work they go with.
TAGS = {
    "Home visit": ("child protection", "new referral", "review", "lone working"),
    "Court": ("court", "child protection"),
    "Conference or meeting": ("strategy meeting", "review"),
    "Duty": ("duty", "new referral"),
    "Phone call": ("family contact",),
}

#: Short made-up answers to the prompts of a few templates, by band.
ANSWERS = {
    ("what_so_what_now_what", "so_what"): {
        "low": ("Progress is real and the family can see it.", "A reminder that steady work pays off."),
        "mid": ("The plan is at risk if attendance slips again.", "I need to be clearer about what we expect."),
        "high": ("I was frightened, and that matters too.", "It showed me how fragile things are for the children."),
    },
    ("what_so_what_now_what", "now_what"): {
        "low": ("Keep the same approach at the next review.", "Write it up while it is fresh."),
        "mid": ("Ring school on Monday; book a longer visit.", "Talk the options through with my manager."),
        "high": (
            "Tell my manager and book a joint visit.",
            "Take a proper break this evening; bring it to supervision.",
        ),
    },
    ("strengths", "went_well"): {
        "low": ("I listened more than I talked.", "The children felt safe enough to show me their room."),
        "mid": ("I stayed calm when it got heated.", "I kept the meeting on track."),
        "high": ("I left when it wasn't safe — that was the right call.", "I kept my voice steady in court."),
    },
    ("strengths", "strengths_used"): {
        "low": ("Patience, warmth.", "Humour at the right moment."),
        "mid": ("Persistence.", "Clarity about the plan."),
        "high": ("Judgement about safety.", "Staying grounded."),
    },
    ("stays_with_me", "still_with_me"): {
        "low": ("A little, in a good way.",),
        "mid": ("It came back while I was cooking.",),
        "high": ("Yes — I woke up thinking about it.", "It's still there this morning."),
    },
}

SAFETY_NOTES = (
    "Shouting and a raised fist on the doorstep; I left and rang the duty manager.",
    "Threats over the phone about finding where I live.",
    "A dog was let loose in the hallway while I was inside.",
    "Felt cornered in the kitchen; a relative stood in the doorway.",
)


def _band(stress: int) -> str:
    return "low" if stress <= 3 else "mid" if stress <= 6 else "high"


def _answers(rng: random.Random, band: str, note: str) -> tuple[str | None, tuple[Answer, ...]]:
    """A template and a few short answers for about a third of the entries."""
    if rng.random() > 0.35:
        return None, ()
    template_id = rng.choices(
        ["what_so_what_now_what", "strengths", "stays_with_me"], [6, 3 if band != "high" else 1, 1]
    )[0]
    template = next(t for t in builtin_templates() if t.id == template_id)
    out = []
    for p in template.prompts:
        if template_id == "what_so_what_now_what" and p.id == "what" and note:
            out.append(Answer(p.id, p.prompt, note))
        elif (template_id, p.id) in ANSWERS and rng.random() < 0.85:
            out.append(Answer(p.id, p.prompt, rng.choice(ANSWERS[(template_id, p.id)][band])))
    return template_id, tuple(out)


def generate(journal, cal: DemoCalendar, rng: random.Random) -> None:
    names = [k[0] for k in KINDS]
    weights = [k[1] for k in KINDS]
    effect = {k[0]: k[2] for k in KINDS}
    tz = journal.clock.now().tzinfo
    now = journal.clock.now()
    # Details (feelings, answers, tags, safety) come from their own stream, so the visits,
    # times and ratings stay exactly as they were before details were added.
    detail = random.Random(f"{cal.seed}:reflection-details")
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
            band = _band(stress)
            text = rng.choice(NOTES[band]) if rng.random() < 0.85 else ""
            hostile = any(w in text for w in ("Hostile", "threats", "Angry"))
            safety = (hostile and detail.random() < 0.35) or detail.random() < 0.005
            template_id, answers = _answers(detail, band, text)
            tags = ()
            if kind in TAGS and detail.random() < 0.4:
                tags = (detail.choice(TAGS[kind]),)
            journal.reflections.add(
                Reflection(
                    uid=demo_uid(rng),
                    occurred_at=when,
                    activity_kind=kind,
                    stress=stress,
                    text=text,
                    case_label=rng.choice(LABELS) if kind in ("Home visit", "Office visit", "Court") else "",
                    for_supervision=stress >= 8 and rng.random() < 0.3 and (cal.end - day) < timedelta(days=30),
                    emotions=tuple(detail.sample(FEELINGS[band], k=detail.choice((0, 1, 2, 2, 3)))),
                    safety_concern=safety,
                    safety_note=detail.choice(SAFETY_NOTES) if safety else "",
                    template_id=template_id,
                    answers=answers,
                    tags=tags,
                )
            )
