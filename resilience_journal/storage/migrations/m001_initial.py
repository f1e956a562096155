"""Migration 1: the whole data model of DESIGN.md.

Later features extend this with numbered migrations rather than redesigning it.  Times are ISO
8601 strings with their UTC offset; ``local_date`` is the practitioner's calendar day, kept
separately so day-based queries use an index instead of parsing times.  Every user-visible row
has a ``uid`` (a stable id that survives export and import).
"""

from __future__ import annotations

NAME = "initial data model"

SCHEMA = """
CREATE TABLE reflection (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    occurred_at     TEXT NOT NULL,
    local_date      TEXT NOT NULL,
    activity_kind   TEXT NOT NULL,
    case_label      TEXT NOT NULL DEFAULT '',
    stress          INTEGER NOT NULL CHECK (stress BETWEEN 0 AND 10),
    body            TEXT NOT NULL DEFAULT '',
    safety_concern  INTEGER NOT NULL DEFAULT 0,
    safety_note     TEXT NOT NULL DEFAULT '',
    template_id     TEXT,
    for_supervision INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
-- Covering indexes: under encryption every page read is decrypted, so trend queries must
-- not scan the table.
CREATE INDEX reflection_by_date ON reflection(local_date, deleted_at, stress, activity_kind);
CREATE INDEX reflection_by_time ON reflection(occurred_at);

CREATE TABLE reflection_answer (
    reflection_id INTEGER NOT NULL REFERENCES reflection(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    prompt_id     TEXT NOT NULL,
    prompt        TEXT NOT NULL,
    answer        TEXT NOT NULL,
    PRIMARY KEY (reflection_id, position)
);

CREATE TABLE reflection_emotion (
    reflection_id INTEGER NOT NULL REFERENCES reflection(id) ON DELETE CASCADE,
    emotion       TEXT NOT NULL,
    PRIMARY KEY (reflection_id, emotion)
);
CREATE INDEX reflection_emotion_by_word ON reflection_emotion(emotion);

CREATE TABLE reflection_tag (
    reflection_id INTEGER NOT NULL REFERENCES reflection(id) ON DELETE CASCADE,
    tag           TEXT NOT NULL,
    PRIMARY KEY (reflection_id, tag)
);
CREATE INDEX reflection_tag_by_tag ON reflection_tag(tag);

-- User-editable vocabularies: activity kinds, decompression strategies, emotion words.
CREATE TABLE vocabulary (
    list     TEXT NOT NULL,            -- 'activity_kind', 'strategy', 'emotion'
    word     TEXT NOT NULL,
    grp      TEXT NOT NULL DEFAULT '', -- e.g. an emotion's quadrant
    position INTEGER NOT NULL,
    hidden   INTEGER NOT NULL DEFAULT 0,
    custom   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (list, word)
);

CREATE TABLE template (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    prompts TEXT NOT NULL,             -- JSON list of {id, prompt, hint}
    custom  INTEGER NOT NULL DEFAULT 1,
    hidden  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE decompression (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    reflection_id INTEGER REFERENCES reflection(id) ON DELETE SET NULL,
    strategy      TEXT NOT NULL,
    exercise      TEXT,                -- a built-in guided exercise, when one was used
    occurred_at   TEXT NOT NULL,
    local_date    TEXT NOT NULL,
    minutes       INTEGER,
    stress_before INTEGER CHECK (stress_before BETWEEN 0 AND 10),
    stress_after  INTEGER CHECK (stress_after BETWEEN 0 AND 10),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX decompression_by_date ON decompression(local_date, deleted_at, strategy, stress_before, stress_after);
CREATE INDEX decompression_by_reflection ON decompression(reflection_id);

CREATE TABLE checkin (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,
    local_date       TEXT NOT NULL UNIQUE,
    mood             INTEGER CHECK (mood BETWEEN 0 AND 10),
    energy           INTEGER CHECK (energy BETWEEN 0 AND 10),
    sleep_quality    INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
    sleep_hours      REAL,
    workload         INTEGER CHECK (workload BETWEEN 0 AND 10),
    breaks_taken     INTEGER,
    finished_on_time INTEGER,
    hours_worked     REAL,
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE measure (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    instrument TEXT NOT NULL,
    taken_at   TEXT NOT NULL,
    local_date TEXT NOT NULL,
    responses  TEXT NOT NULL,          -- JSON {item: answer}
    scores     TEXT NOT NULL,          -- JSON {scale: score or null}
    created_at TEXT NOT NULL
);
CREATE INDEX measure_by_instrument ON measure(instrument, local_date);

CREATE TABLE supervision_session (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    held_on    TEXT NOT NULL,
    supervisor TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX supervision_session_by_date ON supervision_session(held_on);

CREATE TABLE supervision_action (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    session_id INTEGER REFERENCES supervision_session(id) ON DELETE SET NULL,
    text       TEXT NOT NULL,
    due_on     TEXT,
    done_at    TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE share_record (
    id        INTEGER PRIMARY KEY,
    uid       TEXT NOT NULL UNIQUE,
    shared_at TEXT NOT NULL,
    kind      TEXT NOT NULL,           -- 'supervision summary', 'self-care plan', 'full export'
    file_name TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT '{}'  -- JSON: charts, period, format
);

CREATE TABLE share_item (
    share_id  INTEGER NOT NULL REFERENCES share_record(id) ON DELETE CASCADE,
    item_kind TEXT NOT NULL,           -- 'reflection', 'decompression', 'chart', ...
    item_id   TEXT NOT NULL,
    level     TEXT NOT NULL,           -- 'headline', 'with reflection', ...
    PRIMARY KEY (share_id, item_kind, item_id)
);
CREATE INDEX share_item_by_item ON share_item(item_kind, item_id);

CREATE TABLE selfcare_plan (
    section    TEXT PRIMARY KEY,       -- 'warning_signs', 'what_helps', 'why', ...
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE support_contact (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    phone    TEXT NOT NULL DEFAULT '',
    note     TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);

CREATE TABLE leave_period (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'leave',
    note       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE watch_word (
    word TEXT PRIMARY KEY
);

CREATE TABLE draft (
    key        TEXT PRIMARY KEY,       -- which editor, e.g. 'reflection:new' or 'reflection:42'
    payload    TEXT NOT NULL,          -- JSON of the editor's fields
    updated_at TEXT NOT NULL
);

-- Settings that say anything about the person (reminder times, thresholds, role) live here,
-- inside the encryption; only harmless UI state goes to QSettings.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL                -- JSON
);

-- Full-text search over every free-text field.  'secure-delete' makes FTS5 forget deleted
-- words instead of keeping them in its index.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1);
"""


def apply(conn) -> None:
    for statement in _statements(SCHEMA):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a script of simple statements (no triggers) on ';' line ends."""
    out, current = [], []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(current))
            current = []
    return out
