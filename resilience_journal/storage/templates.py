"""Reflective templates: the built-ins (from resources) plus the user's own, minus hidden ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resilience_journal.domain.templates import Template, builtin_templates, prompts_to_list, template_from_dict
from resilience_journal.storage.convert import from_json, to_json

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal


class TemplateRepository:
    """Custom templates are rows with ``custom=1``; a hidden built-in is a row with ``custom=0, hidden=1``."""

    def __init__(self, journal: Journal) -> None:
        self._j = journal

    def all(self, *, include_hidden: bool = False) -> list[Template]:
        rows = self._j.query("SELECT id, name, prompts, custom, hidden FROM template ORDER BY rowid")
        hidden = {r[0] for r in rows if r[4]}
        out = [t if t.id not in hidden else _with_hidden(t) for t in builtin_templates()]
        for tid, name, prompts, custom, is_hidden in rows:
            if custom:
                out.append(
                    template_from_dict({"id": tid, "name": name, "prompts": from_json(prompts)}, custom=True,
                                       hidden=bool(is_hidden))
                )  # fmt: skip
        return out if include_hidden else [t for t in out if not t.hidden]

    def get(self, template_id: str) -> Template | None:
        """Any template by id, hidden or not (old entries still name their template)."""
        return next((t for t in self.all(include_hidden=True) if t.id == template_id), None)

    def save_custom(self, t: Template) -> None:
        with self._j.transaction() as conn:
            conn.execute(
                "INSERT INTO template (id, name, prompts, custom, hidden) VALUES (?,?,?,1,?)"
                " ON CONFLICT(id) DO UPDATE SET name=excluded.name, prompts=excluded.prompts",
                (t.id, t.name, to_json(prompts_to_list(t)), int(t.hidden)),
            )

    def delete_custom(self, template_id: str) -> None:
        with self._j.transaction() as conn:
            conn.execute("DELETE FROM template WHERE id=? AND custom=1", (template_id,))

    def set_hidden(self, template_id: str, hidden: bool) -> None:
        t = self.get(template_id)
        if t is None:
            return
        with self._j.transaction() as conn:
            if t.custom:
                conn.execute("UPDATE template SET hidden=? WHERE id=?", (int(hidden), template_id))
            elif hidden:
                conn.execute(
                    "INSERT OR REPLACE INTO template (id, name, prompts, custom, hidden) VALUES (?,?,?,0,1)",
                    (t.id, t.name, to_json(prompts_to_list(t))),
                )
            else:
                conn.execute("DELETE FROM template WHERE id=? AND custom=0", (template_id,))


def _with_hidden(t: Template) -> Template:
    import dataclasses

    return dataclasses.replace(t, hidden=True)
