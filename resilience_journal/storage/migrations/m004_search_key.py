"""Migration m004: a key for the search index, found by benchmarking the ten-year journal.

Replacing an entry's searchable text with ``DELETE ... WHERE kind=? AND ref_id=?`` read every
FTS5 row (FTS5 cannot index those columns): about 140 ms per save on the ten-year benchmark
journal.  ``search_doc`` maps each item to its FTS row (``storage/search_index.py`` keeps it up
to date), and its ``doc`` index turns a search's hits into items without reading the index's
stored text: finding the entries that contain a common word went from ~650 ms to ~35 ms.  See
``bench/`` and ``docs/performance.md``.
"""

from __future__ import annotations

NAME = "search index key"


def apply(conn) -> None:
    # IF NOT EXISTS: harmless if a development journal already has the table under another number.
    conn.execute(
        "CREATE TABLE IF NOT EXISTS search_doc ("
        " kind TEXT NOT NULL, ref_id INTEGER NOT NULL, doc INTEGER NOT NULL,"
        " PRIMARY KEY (kind, ref_id)) WITHOUT ROWID"
    )
    # Existing rows keep their place in the index; only the key is added.
    conn.execute("INSERT OR IGNORE INTO search_doc (kind, ref_id, doc) SELECT kind, ref_id, rowid FROM search_index")
    # From FTS row to item: a search then never reads the index's stored text (1.5 KB an entry).
    conn.execute("CREATE INDEX IF NOT EXISTS search_doc_by_doc ON search_doc(doc, kind)")
