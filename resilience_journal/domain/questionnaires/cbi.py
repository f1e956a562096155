"""Copenhagen Burnout Inventory (Kristensen, Borritz, Villadsen & Christensen, 2005): scoring.

The published rules, exactly:
- 19 items in three scales: personal burnout (items 1–6), work-related burnout (7–13) and
  client-related burnout (14–19).
- Every answer scores 100 / 75 / 50 / 25 / 0 from "Always" (or "To a very high degree") down
  to "Never/almost never" (or "To a very low degree").  Item 13, "Do you have enough energy for
  family and friends during leisure time?", is scored the other way round.
- A scale's score is the mean of the items answered in it.  With fewer than three answered
  items (personal, client-related) or fewer than four (work-related) the scale is not scored.

Answers are stored as option positions 0..4, from "Never/almost never" (0) to "Always" (4),
so the stored answer never depends on the reversal.
"""

from __future__ import annotations

from collections.abc import Mapping

from resilience_journal.domain.questionnaires import ScaleScore

INSTRUMENT = "cbi"

#: Scale id -> the item numbers in it, in the published order.
SCALES: dict[str, tuple[int, ...]] = {
    "personal": (1, 2, 3, 4, 5, 6),
    "work": (7, 8, 9, 10, 11, 12, 13),
    "client": (14, 15, 16, 17, 18, 19),
}
#: Scale id -> how many answered items it needs before it has a score.
MIN_ANSWERED: dict[str, int] = {"personal": 3, "work": 4, "client": 3}
#: Items scored in reverse ("enough energy for family and friends").
REVERSED: frozenset[int] = frozenset({13})
#: Answer codes: option positions, lowest (never / very low degree) first.
ANSWER_CODES = (0, 1, 2, 3, 4)
#: Points per answer code, as published (0, 25, 50, 75, 100).
POINTS = (0, 25, 50, 75, 100)

ITEM_COUNT = sum(len(items) for items in SCALES.values())


def item_points(item: int, answer: int) -> int:
    """The published points for one answer, with item 13 reversed."""
    if answer not in ANSWER_CODES:
        raise ValueError(f"CBI answers are 0..4, not {answer!r}")
    return POINTS[4 - answer] if item in REVERSED else POINTS[answer]


def score(responses: Mapping[int, int | None], names: Mapping[str, str] | None = None) -> list[ScaleScore]:
    """Score every scale.  ``responses`` maps item number to answer code; None or absent = skipped."""
    _check_items(responses)
    out = []
    for scale, items in SCALES.items():
        points = [item_points(i, responses[i]) for i in items if responses.get(i) is not None]
        enough = len(points) >= MIN_ANSWERED[scale]
        out.append(
            ScaleScore(
                scale=scale,
                name=(names or {}).get(scale, scale),
                score=round(sum(points) / len(points), 2) if enough else None,
                answered=len(points),
                needed=MIN_ANSWERED[scale],
                items=len(items),
            )
        )
    return out


def scores_dict(responses: Mapping[int, int | None]) -> dict[str, float | None]:
    """Scale id -> score (None when not scored), as stored in the journal."""
    return {s.scale: s.score for s in score(responses)}


def _check_items(responses: Mapping[int, int | None]) -> None:
    unknown = [i for i in responses if not 1 <= i <= ITEM_COUNT]
    if unknown:
        raise ValueError(f"the CBI has items 1..{ITEM_COUNT}, not {unknown}")
