"""The questionnaires as the user sees them: wording from ``resources/questionnaires``, scoring
from ``cbi.py`` / ``proqol.py``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from resilience_journal.domain.questionnaires import ScaleScore, cbi, proqol
from resilience_journal.resource_files import read_json

#: Instrument ids, in the order the app offers them.
INSTRUMENTS = (cbi.INSTRUMENT, proqol.INSTRUMENT)
_FILES = {cbi.INSTRUMENT: "cbi.json", proqol.INSTRUMENT: "proqol5.json"}


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    #: (answer code, label) pairs, lowest first.
    options: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Questionnaire:
    id: str
    name: str
    short_name: str
    instructions: str
    items: tuple[Item, ...]
    scale_names: dict[str, str]
    scale_descriptions: dict[str, str]
    credit: str
    link: str
    scoring_note: str

    def score(self, responses: Mapping[int, int | None]) -> list[ScaleScore]:
        module = cbi if self.id == cbi.INSTRUMENT else proqol
        return module.score(responses, self.scale_names)

    def scores_dict(self, responses: Mapping[int, int | None]) -> dict[str, float | None]:
        return {s.scale: s.score for s in self.score(responses)}


def load(instrument: str, role: str = proqol.DEFAULT_ROLE) -> Questionnaire:
    """The questionnaire ``instrument`` with its wording; the ProQOL speaks of the user's ``role``."""
    data = read_json("questionnaires", _FILES[instrument])
    if instrument == cbi.INSTRUMENT:
        sets = {name: tuple(zip(cbi.ANSWER_CODES, labels, strict=True)) for name, labels in data["option_sets"].items()}
        items = tuple(Item(i["number"], i["text"], sets[i["options"]]) for i in data["items"])
        instructions, credit, link = data["instructions"], data["attribution"], ""
    else:
        words = data["bracket_words"]
        options = tuple(zip(proqol.ANSWER_CODES, data["options"], strict=True))
        items = tuple(Item(i["number"], proqol.with_role(i["text"], role, words), options) for i in data["items"])
        instructions = proqol.with_role(data["instructions"], role, words)
        credit, link = data["credit"], data["link"]
    return Questionnaire(
        id=instrument,
        name=data["name"],
        short_name=data["short_name"],
        instructions=instructions,
        items=items,
        scale_names=dict(data["scale_names"]),
        scale_descriptions=dict(data["scale_descriptions"]),
        credit=credit,
        link=link,
        scoring_note=data["scoring_note"],
    )
