"""ProQOL 5 (Professional Quality of Life Scale, version 5; B. Hudnall Stamm): scoring.

The published rules, exactly:
- 30 items answered 1 (Never) to 5 (Very often), about the last 30 days.
- Compassion satisfaction: the sum of items 3, 6, 12, 16, 18, 20, 22, 24, 27, 30.
- Burnout: the sum of items 1, 4, 8, 10, 15, 17, 19, 21, 26, 29, where 1, 4, 15, 17 and 29 are
  reversed (1↔5, 2↔4, 3 stays 3).
- Secondary traumatic stress: the sum of items 2, 5, 7, 9, 11, 13, 14, 23, 25, 28.
- Bands for each sum: 22 or less is low, 23 to 41 moderate, 42 or more high.

The published bands are for a full sum of ten answers and the measure gives no rule for
missing answers, so a scale with a skipped item is not scored (we do not guess the answer).
"""

from __future__ import annotations

from collections.abc import Mapping

from resilience_journal.domain.questionnaires import ScaleScore

INSTRUMENT = "proqol5"

SCALES: dict[str, tuple[int, ...]] = {
    "compassion_satisfaction": (3, 6, 12, 16, 18, 20, 22, 24, 27, 30),
    "burnout": (1, 4, 8, 10, 15, 17, 19, 21, 26, 29),
    "secondary_traumatic_stress": (2, 5, 7, 9, 11, 13, 14, 23, 25, 28),
}
REVERSED: frozenset[int] = frozenset({1, 4, 15, 17, 29})
ANSWER_CODES = (1, 2, 3, 4, 5)
ITEM_COUNT = 30

#: Published band edges: a sum up to LOW_MAX is low, from HIGH_MIN is high, between is moderate.
LOW_MAX = 22
HIGH_MIN = 42
BANDS = ("low", "moderate", "high")

#: The role used in "as a [helper]" when the user has not set their own.
DEFAULT_ROLE = "social worker"


def item_points(item: int, answer: int) -> int:
    if answer not in ANSWER_CODES:
        raise ValueError(f"ProQOL answers are 1..5, not {answer!r}")
    return 6 - answer if item in REVERSED else answer


def band(total: int) -> str:
    """The published band of a scale sum."""
    if total <= LOW_MAX:
        return "low"
    if total >= HIGH_MIN:
        return "high"
    return "moderate"


def score(responses: Mapping[int, int | None], names: Mapping[str, str] | None = None) -> list[ScaleScore]:
    """Score the three scales.  ``responses`` maps item number (1..30) to 1..5; None = skipped."""
    unknown = [i for i in responses if not 1 <= i <= ITEM_COUNT]
    if unknown:
        raise ValueError(f"the ProQOL has items 1..{ITEM_COUNT}, not {unknown}")
    out = []
    for scale, items in SCALES.items():
        points = [item_points(i, responses[i]) for i in items if responses.get(i) is not None]
        complete = len(points) == len(items)
        total = sum(points) if complete else None
        out.append(
            ScaleScore(
                scale=scale,
                name=(names or {}).get(scale, scale),
                score=total,
                answered=len(points),
                needed=len(items),
                items=len(items),
                band=band(total) if total is not None else None,
            )
        )
    return out


def scores_dict(responses: Mapping[int, int | None]) -> dict[str, float | None]:
    return {s.scale: s.score for s in score(responses)}


def with_role(text: str, role: str, bracket_words: Mapping[str, str]) -> str:
    """Fill the permitted substitutions: "[helper]" becomes the user's role, "[help]" etc. stay.

    ``{a_helper}`` becomes "a social worker" / "an occupational therapist" so the sentence
    still reads naturally.
    """
    role = " ".join(role.split()) or DEFAULT_ROLE
    article = "an" if role[0].lower() in "aeiou" else "a"
    text = text.replace("{a_helper}", f"{article} {role}").replace("[helper]", role)
    for word, replacement in bracket_words.items():
        text = text.replace(f"[{word}]", replacement)
    return text
