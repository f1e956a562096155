"""Conversions between domain values and what SQLite stores (ISO strings, 0/1, JSON)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any


def dt_to_db(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise TypeError("times stored in the journal must be timezone-aware")
    return value.isoformat(timespec="seconds")


def dt_from_db(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def date_to_db(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def date_from_db(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def from_json(value: str) -> Any:
    return json.loads(value)
