"""Unsaved editor content, autosaved inside the encrypted journal so a crash loses nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

#: How often the editor autosaves unsaved changes (milliseconds).
AUTOSAVE_INTERVAL_MS = 4000
#: Drafts of new reflections have keys starting with this (plus ``:<random id>`` per editor);
#: an edited entry's draft uses ``reflection_key(id)``.
NEW_REFLECTION_KEY = "reflection:new"


def reflection_key(reflection_id: int) -> str:
    return f"reflection:{reflection_id}"


@dataclass(frozen=True)
class Draft:
    key: str
    payload: dict[str, Any]
    updated_at: datetime

    @property
    def reflection_id(self) -> int | None:
        kind, _, rest = self.key.partition(":")
        return int(rest) if kind == "reflection" and rest.isdigit() else None
