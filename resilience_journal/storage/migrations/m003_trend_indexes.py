"""Migration 3: a covering index for the Trends page's reading of reflections.

The Trends page reads (day, kind, stress, time) of every reflection in a period.  The m001 index
``reflection_by_date`` lacks the time, so on a ten-year journal SQLite had to visit (and, under
SQLCipher, decrypt) every table page, text included.  With the time in the index the query
never touches the table.
"""

from __future__ import annotations

NAME = "covering index for trends"


def apply(conn) -> None:
    conn.execute(
        "CREATE INDEX IF NOT EXISTS reflection_trends"
        " ON reflection(local_date, deleted_at, activity_kind, stress, occurred_at)"
    )
