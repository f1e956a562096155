"""The guided exercises' timing and steps, as pure functions of elapsed time.

The UI asks "where are we, ``elapsed`` seconds in?" on each tick of a timer; tests pass elapsed
times directly (or move a ``FakeClock``), so nothing has to sleep.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class BreathingPattern:
    """Seconds for each part of one breath: in, hold, out, hold (box breathing is 4-4-4-4)."""

    breathe_in: float = 4
    hold_in: float = 4
    breathe_out: float = 4
    hold_out: float = 4

    @property
    def cycle(self) -> float:
        return self.breathe_in + self.hold_in + self.breathe_out + self.hold_out

    def phases(self) -> tuple[tuple[str, float], ...]:
        return tuple(
            (name, secs)
            for name, secs in (
                ("Breathe in", self.breathe_in),
                ("Hold", self.hold_in),
                ("Breathe out", self.breathe_out),
                ("Hold", self.hold_out),
            )
            if secs > 0
        )


@dataclass(frozen=True)
class BreathState:
    """Where the pacer is: the phase's words, seconds left in it, and the circle's size (0–1)."""

    phase: str
    seconds_left: int
    size: float
    finished: bool
    breaths_done: int


def breath_state(pattern: BreathingPattern, elapsed: float, total_seconds: float) -> BreathState:
    """The pacer's state ``elapsed`` seconds into an exercise lasting ``total_seconds``."""
    if elapsed >= total_seconds:
        return BreathState("Done", 0, 0.0, True, int(total_seconds // pattern.cycle))
    in_cycle = elapsed % pattern.cycle
    breaths = int(elapsed // pattern.cycle)
    size = 0.0
    for name, secs in _phases_with_kind(pattern):
        if in_cycle < secs[1]:
            fraction = in_cycle / secs[1]
            size = {"in": fraction, "hold_in": 1.0, "out": 1.0 - fraction, "hold_out": 0.0}[secs[0]]
            return BreathState(name, math.ceil(secs[1] - in_cycle), _ease(size), False, breaths)
        in_cycle -= secs[1]
    return BreathState("Breathe in", math.ceil(pattern.breathe_in), 0.0, False, breaths + 1)


def _phases_with_kind(p: BreathingPattern):
    for name, kind, secs in (
        ("Breathe in", "in", p.breathe_in),
        ("Hold", "hold_in", p.hold_in),
        ("Breathe out", "out", p.breathe_out),
        ("Hold", "hold_out", p.hold_out),
    ):
        if secs > 0:
            yield name, (kind, secs)


def _ease(x: float) -> float:
    """Smooth start and end, so the circle grows like a breath rather than a ramp."""
    return 0.5 - 0.5 * math.cos(math.pi * max(0.0, min(1.0, x)))


@dataclass(frozen=True)
class GroundingStep:
    count: int
    sense: str
    prompt: str
    hint: str


#: The 5-4-3-2-1 grounding walk-through, in our own words.
GROUNDING_STEPS = (
    GroundingStep(
        5, "see", "Name five things you can see.", "Look slowly around: a colour, a shape, something far away."
    ),
    GroundingStep(
        4, "feel", "Notice four things you can feel.", "Your feet on the floor, the seat, your hands, the air."
    ),
    GroundingStep(
        3, "hear", "Listen for three things you can hear.", "Near and far: traffic, a bird, your own breath."
    ),
    GroundingStep(2, "smell", "Find two things you can smell.", "Or two smells you like, if nothing is there."),
    GroundingStep(1, "taste", "Notice one thing you can taste.", "Or take a sip of water and notice it."),
)


def minutes_spent(seconds: float) -> int:
    """Whole minutes to log for an exercise (at least 1 once started)."""
    return max(1, math.ceil(seconds / 60 - 1e-9)) if seconds > 0 else 0
