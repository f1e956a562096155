"""Reflective templates: named sets of optional prompts, each with a one-line hint.

The built-in templates are data in ``resources/templates/*.json`` (one file each, our own
wording).  Users can add their own and hide the ones they don't use; storage keeps those in the
``template`` table.  Every prompt is optional: an empty answer is simply not saved.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from resilience_journal.domain.validation import MAX_SHORT_TEXT, Checker
from resilience_journal.resource_files import read_json, resource_path

#: The template a new reflection starts with: short enough for the car park.
DEFAULT_TEMPLATE_ID = "what_so_what_now_what"
#: Order the built-ins are offered in (quick first, the next-day one last).
BUILTIN_ORDER = ("what_so_what_now_what", "gibbs", "kolb", "in_and_on_action", "strengths", "stays_with_me")
#: A custom template may hold this many prompts.
MAX_PROMPTS = 12

TEMPLATE_NAME_MISSING = "Please give the template a name."
TEMPLATE_NEEDS_PROMPT = "Please add at least one prompt."
TEMPLATE_TOO_MANY_PROMPTS = (
    "A template can hold up to {limit} prompts; this one has {n}. Please combine or remove some."
)


@dataclass(frozen=True)
class Prompt:
    id: str
    prompt: str
    hint: str = ""


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    prompts: tuple[Prompt, ...]
    description: str = ""
    custom: bool = False
    hidden: bool = False
    source: str = ""

    def prompt(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)


def template_from_dict(data: dict, *, custom: bool = False, hidden: bool = False) -> Template:
    return Template(
        id=data["id"],
        name=data["name"],
        description=data.get("description", ""),
        source=data.get("source", ""),
        prompts=tuple(Prompt(p["id"], p["prompt"], p.get("hint", "")) for p in data["prompts"]),
        custom=custom,
        hidden=hidden,
    )


def prompts_to_list(t: Template) -> list[dict]:
    return [{"id": p.id, "prompt": p.prompt, "hint": p.hint} for p in t.prompts]


@cache
def builtin_templates() -> tuple[Template, ...]:
    """The templates that ship with the app, in the order they are offered."""
    folder = resource_path("templates")
    found = {p.stem: template_from_dict(read_json("templates", p.name)) for p in folder.glob("*.json")}
    ordered = [found.pop(k) for k in BUILTIN_ORDER if k in found]
    return tuple(ordered + sorted(found.values(), key=lambda t: t.name))


#: What an entry's template is called when the journal no longer has it (deleted, or the entry
#: came from another journal).
EARLIER_TEMPLATE_NAME = "Earlier template"


def earlier_template(template_id: str, answers) -> Template:
    """A stand-in for a template this journal no longer has, made from an entry's own answers.

    Every answer keeps its prompt's wording, so the entry can still be shown and edited as it was
    written; without a stand-in its answers would have nowhere to appear and would be lost when
    the entry is saved again.
    """
    return Template(
        id=template_id,
        name=EARLIER_TEMPLATE_NAME,
        prompts=tuple(Prompt(a.prompt_id, a.prompt) for a in answers),
        custom=True,
        hidden=True,
    )


def custom_template(name: str, prompts: list[tuple[str, str]], existing_ids: set[str] = frozenset()) -> Template:
    """Build a user's own template from (prompt, hint) pairs, with ids derived from the words."""
    cleaned = _checked(name, prompts)
    base = "custom_" + (_slug(name) or "template")
    tid, n = base, 2
    while tid in existing_ids:
        tid, n = f"{base}_{n}", n + 1
    return Template(id=tid, name=name.strip(), prompts=_numbered(cleaned, {}), custom=True)


def edited_template(original: Template, name: str, prompts: list[tuple[str, str]]) -> Template:
    """The user's own template with new wording: same id, and a prompt whose wording is unchanged
    keeps its id, so entries already written still pair their answers with it.  A reworded
    prompt is a new question: entries answered the old one keep it, words and all (every
    answer stores its prompt's wording)."""
    cleaned = _checked(name, prompts)
    kept = {p.prompt: p.id for p in original.prompts}
    return dataclasses.replace(original, name=name.strip(), prompts=_numbered(cleaned, kept))


def template_lines(t: Template) -> str:
    """A template's prompts as the user types them: one per line, a hint after a ``|``."""
    return "\n".join(f"{p.prompt} | {p.hint}" if p.hint else p.prompt for p in t.prompts)


def parse_template_lines(text: str) -> list[tuple[str, str]]:
    """(prompt, hint) pairs from ``template_lines``' form; blank lines are skipped by the checks."""
    pairs = [line.split("|", 1) for line in text.splitlines()]
    return [(parts[0], parts[1] if len(parts) > 1 else "") for parts in pairs]


def _checked(name: str, prompts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    check = Checker()
    check.required("name", name, TEMPLATE_NAME_MISSING)
    check.text("name", name, limit=MAX_SHORT_TEXT)
    cleaned = [(p.strip(), h.strip()) for p, h in prompts if p.strip()]
    if not cleaned:
        check.add("prompts", TEMPLATE_NEEDS_PROMPT)
    elif len(cleaned) > MAX_PROMPTS:
        check.add("prompts", TEMPLATE_TOO_MANY_PROMPTS.format(limit=MAX_PROMPTS, n=len(cleaned)))
    for p, h in cleaned:
        check.text("prompts", p, limit=MAX_SHORT_TEXT)
        check.text("prompts", h, limit=MAX_SHORT_TEXT)
    check.raise_if_any()
    return cleaned


def _numbered(cleaned: list[tuple[str, str]], kept: dict[str, str]) -> tuple[Prompt, ...]:
    """Prompts with ids: the one in ``kept`` for unchanged wording, else a new one made from the
    words that is none of ``kept``'s (an old id on new words would pair old answers with it)."""
    kept = dict(kept)
    reserved = set(kept.values())
    used: set[str] = set()
    out = []
    for i, (p, h) in enumerate(cleaned):
        pid = kept.pop(p, None)
        if pid is None:
            pid = _slug(p) or f"prompt_{i + 1}"
            while pid in used or pid in reserved:
                pid = f"{pid}_{i + 1}"
        used.add(pid)
        out.append(Prompt(pid, p, h))
    return tuple(out)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40]
