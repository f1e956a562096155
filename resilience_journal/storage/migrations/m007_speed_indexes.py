"""Migration m007: indexes found by benchmarking the ten-year journal (``bench/``, ``docs/performance.md``).

1. A key for the search index.  Replacing an entry's searchable text with ``DELETE ... WHERE
   kind=? AND ref_id=?`` read every FTS5 row (FTS5 cannot index those columns): about 140 ms
   per save.  ``search_doc`` maps each item to its FTS row (``storage/search_index.py`` keeps it
   up to date), and its ``doc`` index turns a search's hits into items without reading the
   index's stored text: finding the entries that contain a common word went from ~650 ms to
   ~35 ms.
2. The Journal page lists the newest entries first (local date, then time).  No index had that
   order, so showing the first 200 read and sorted all 20,000 rows (~47 ms); with
   ``reflection_by_date`` extended by ``occurred_at`` it reads 200 (~9 ms).  The new index keeps
   every column of the old one, so the date-range (Trends) queries stay index-only.
"""

from __future__ import annotations

NAME = "indexes found by benchmarking: search key, newest-first list"


def apply(conn) -> None:
    conn.execute(
        "CREATE TABLE search_doc ("
        " kind TEXT NOT NULL, ref_id INTEGER NOT NULL, doc INTEGER NOT NULL,"
        " PRIMARY KEY (kind, ref_id)) WITHOUT ROWID"
    )
    # Existing rows keep their place in the index; only the key is added.
    conn.execute("INSERT OR IGNORE INTO search_doc (kind, ref_id, doc) SELECT kind, ref_id, rowid FROM search_index")
    # From FTS row to item: a search then never reads the index's stored text (1.5 KB an entry).
    conn.execute("CREATE INDEX search_doc_by_doc ON search_doc(doc, kind)")
    conn.execute("DROP INDEX IF EXISTS reflection_by_date")
    conn.execute(
        "CREATE INDEX reflection_by_date ON reflection(local_date, occurred_at, deleted_at, stress, activity_kind)"
    )
