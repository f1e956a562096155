"""The full-export file format (versioned JSON), and reading jrnl's JSON export.

Pure Python: this module knows the *shape* of the files and the limits on each value; the SQL
that fills or reads the tables lives in ``storage/exchange.py``.  The format is documented for
people in ``docs/export-format.md``; keep the two in step.

Reading is strict and all-or-nothing: the first problem raises ``ImportRejected`` saying where
it is (a line and column for broken JSON, or table, row and field for a bad value), and the
caller then changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from resilience_journal.domain import messages
from resilience_journal.domain.ids import Uid
from resilience_journal.domain.reflection import Reflection, validate_reflection
from resilience_journal.domain.validation import FUTURE_TOLERANCE, MAX_SHORT_TEXT, MAX_TEXT, ValidationError

#: What the ``format`` member of our export says.
FORMAT_NAME = "resilience-journal-export"
#: The version of the file layout written now; readers accept every version up to this one.
FORMAT_VERSION = 1
#: Columns holding a 0-10 rating.
RATING_FIELDS = frozenset({"stress", "stress_before", "stress_after", "mood", "energy", "sleep_quality", "workload"})
#: Columns holding a calendar date (YYYY-MM-DD).
DATE_FIELDS = frozenset({"local_date", "held_on", "due_on", "start_date", "end_date"})
#: Times of events: must not lie in the future.
EVENT_TIME_FIELDS = frozenset({"occurred_at", "taken_at", "shared_at"})
#: Short labels (same limit as in the app).
SHORT_FIELDS = frozenset({"activity_kind", "case_label", "emotion", "tag", "strategy", "word", "name", "phone"})
#: Anything else textual may be longer (JSON payloads of drafts and measures), but not endless.
MAX_OTHER_VALUE = 4 * MAX_TEXT
#: ``share_record.kind`` of a full export: the app keeps a record of what left it.
FULL_EXPORT_KIND = "full export"
#: The activity kind given to entries imported from jrnl, and the tag that marks them.
JRNL_ACTIVITY, JRNL_TAG = "Other", "imported from jrnl"
#: jrnl has no stress rating; imported entries get this one unless the person chooses another.
JRNL_DEFAULT_STRESS = 5


class ImportRejected(ValueError):
    """A file that cannot be imported.  ``where`` says where the problem is, ``message`` what."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class ExportDocument:
    """A parsed full export: the schema version it came from and its rows, table by table."""

    schema_version: int
    exported_at: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


# --- writing --------------------------------------------------------------------------------


def build_document(schema_version: int, exported_at: datetime, tables: dict[str, list[dict[str, Any]]]) -> str:
    """The text of a full export.  One row per line, so a person (or a diff) can read it."""
    head = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "schema_version": schema_version,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "warning": messages.EXPORT_NOT_ENCRYPTED,
    }
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('  "tables": {')
    names = sorted(tables)
    for t_index, name in enumerate(names):
        rows = tables[name]
        lines.append(f"    {json.dumps(name)}: [")
        for r_index, row in enumerate(rows):
            comma = "," if r_index < len(rows) - 1 else ""
            lines.append("      " + json.dumps(row, ensure_ascii=False, sort_keys=True) + comma)
        lines.append("    ]" + ("," if t_index < len(names) - 1 else ""))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- reading our own format -------------------------------------------------------------------


def _load_json(text: str) -> Any:
    def no_constants(name: str) -> Any:
        raise ValueError(name)

    try:
        return json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise ImportRejected(
            messages.IMPORT_AT_LINE.format(line=exc.lineno, column=exc.colno), messages.IMPORT_BROKEN_JSON
        ) from None
    except (ValueError, RecursionError):
        raise ImportRejected("", messages.IMPORT_BROKEN_JSON) from None


def detect(text: str) -> str:
    """'export' for our own format, 'jrnl' for jrnl's JSON; raises ``ImportRejected`` otherwise."""
    data = _load_json(text)
    if isinstance(data, dict) and data.get("format") == FORMAT_NAME:
        return "export"
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        return "jrnl"
    raise ImportRejected("", messages.IMPORT_UNKNOWN_FILE)


def parse_export(text: str, now: datetime, max_schema: int) -> ExportDocument:
    """Read and check a full export written by this app (any format version up to ours)."""
    data = _load_json(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ImportRejected("", messages.IMPORT_UNKNOWN_FILE)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRejected("version", messages.IMPORT_BAD_HEADER)
    schema = data.get("schema_version")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ImportRejected("schema_version", messages.IMPORT_BAD_HEADER)
    if version > FORMAT_VERSION or schema > max_schema:
        raise ImportRejected("", messages.IMPORT_TOO_NEW)
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ImportRejected("tables", messages.IMPORT_BAD_HEADER)
    checked: dict[str, list[dict[str, Any]]] = {}
    for name, rows in tables.items():
        if not isinstance(rows, list):
            raise ImportRejected(f"{name}", messages.IMPORT_NOT_A_LIST)
        checked[name] = [_check_row(name, i, row, now) for i, row in enumerate(rows, start=1)]
    return ExportDocument(schema, str(data.get("exported_at", "")), checked)


def where(table: str, row: int, column: str | None = None) -> str:
    """How a place in an export is named to the person: table, row and field."""
    text = messages.IMPORT_AT_ROW.format(table=table, row=row)
    return text + messages.IMPORT_AT_FIELD.format(field=column) if column else text


def _check_row(table: str, index: int, row: Any, now: datetime) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise ImportRejected(where(table, index), messages.IMPORT_ROW_NOT_OBJECT)
    out = {}
    for column, value in row.items():
        out[column] = _check_value(table, index, column, value, now)
    return out


def _check_value(table: str, index: int, column: str, value: Any, now: datetime) -> Any:
    at = where(table, index, column)
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ImportRejected(at, messages.IMPORT_BAD_VALUE)
    if value is not None and not isinstance(value, str | int | float):
        raise ImportRejected(at, messages.IMPORT_BAD_VALUE)
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise ImportRejected(at, messages.IMPORT_BAD_VALUE)
    if value is None:
        return None
    if column in RATING_FIELDS and (not isinstance(value, int) or not 0 <= value <= 10):
        raise ImportRejected(at, messages.RATING_OUT_OF_RANGE)
    if column in DATE_FIELDS:
        _must_parse(at, lambda: date.fromisoformat(str(value)), messages.IMPORT_BAD_DATE)
    if column.endswith("_at"):
        when = _must_parse(at, lambda: datetime.fromisoformat(str(value)), messages.IMPORT_BAD_TIME)
        if when.tzinfo is None:
            raise ImportRejected(at, messages.IMPORT_BAD_TIME)
        if column in EVENT_TIME_FIELDS and when > now + FUTURE_TOLERANCE:
            raise ImportRejected(at, messages.WHEN_IN_FUTURE)
    if isinstance(value, str):
        limit = MAX_SHORT_TEXT if column in SHORT_FIELDS else MAX_OTHER_VALUE if column not in _TEXT else MAX_TEXT
        if len(value) > limit:
            raise ImportRejected(at, messages.SHORT_TEXT_TOO_LONG.format(limit=limit))
        if "\x00" in value:
            raise ImportRejected(at, messages.IMPORT_BAD_VALUE)
    return value


#: Free text the person wrote; held to the same limit as in the app.
_TEXT = frozenset({"body", "note", "notes", "safety_note", "answer", "text", "prompt", "detail"})


def _must_parse(at: str, parse, message: str):
    try:
        return parse()
    except (TypeError, ValueError):
        raise ImportRejected(at, message) from None


# --- reading jrnl's JSON export ---------------------------------------------------------------


def jrnl_uid(entry: dict[str, Any]) -> Uid:
    """A stable id from an entry's content, so importing the same file twice adds nothing."""
    key = "\x1f".join(str(entry.get(k, "")) for k in ("date", "time", "title", "body"))
    return Uid("jrnl" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:28])


def parse_jrnl(text: str, tz: tzinfo, now: datetime, stress: int = JRNL_DEFAULT_STRESS) -> list[Reflection]:
    """jrnl's ``--export json`` entries as reflections (title and body become the text)."""
    data = _load_json(text)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ImportRejected("", messages.IMPORT_UNKNOWN_FILE)
    out = []
    for i, entry in enumerate(data["entries"], start=1):
        at = messages.IMPORT_AT_ENTRY.format(entry=i)
        if not isinstance(entry, dict):
            raise ImportRejected(at, messages.IMPORT_ROW_NOT_OBJECT)
        out.append(_jrnl_reflection(entry, at, tz, now, stress))
    return out


def _jrnl_reflection(entry: dict[str, Any], at: str, tz: tzinfo, now: datetime, stress: int) -> Reflection:
    for key in ("title", "body", "date", "time"):
        if key in entry and not isinstance(entry[key], str):
            raise ImportRejected(at + messages.IMPORT_AT_FIELD.format(field=key), messages.IMPORT_BAD_VALUE)
    day = _must_parse(
        at + messages.IMPORT_AT_FIELD.format(field="date"),
        lambda: date.fromisoformat(entry.get("date") or ""),
        messages.IMPORT_BAD_DATE,
    )
    clock_time = _must_parse(
        at + messages.IMPORT_AT_FIELD.format(field="time"),
        lambda: time.fromisoformat(entry.get("time") or "00:00"),
        messages.IMPORT_BAD_TIME,
    )
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ImportRejected(at + messages.IMPORT_AT_FIELD.format(field="tags"), messages.IMPORT_BAD_VALUE)
    clean_tags = [t.lstrip("@#") for t in tags if t.lstrip("@#")]
    if entry.get("starred") is True:
        clean_tags.append("starred")
    title, body = entry.get("title", ""), entry.get("body", "")
    reflection = Reflection(
        occurred_at=datetime.combine(day, clock_time).replace(tzinfo=tz),
        activity_kind=JRNL_ACTIVITY,
        stress=stress,
        text="\n\n".join(p for p in (title.strip(), body.strip()) if p),
        tags=tuple(dict.fromkeys([JRNL_TAG, *clean_tags])),
        uid=jrnl_uid(entry),
    )
    try:
        validate_reflection(reflection, now)
    except ValidationError as exc:
        problem = exc.problems[0]
        name = {"occurred_at": "date", "text": "body"}.get(problem.field, problem.field)
        raise ImportRejected(at + messages.IMPORT_AT_FIELD.format(field=name), problem.message) from None
    return reflection
