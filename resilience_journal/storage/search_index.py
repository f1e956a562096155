"""The full-text search index: one FTS5 row per searchable item, found again by its key.

Every repository that makes text searchable goes through ``put`` and ``remove`` here.  FTS5
cannot index its ``UNINDEXED`` columns, so ``DELETE FROM search_index WHERE kind=? AND ref_id=?``
reads (and, under encryption, decrypts) the whole index: on the ten-year benchmark journal that
was about 140 ms per save, against a 10 ms target.  The ``search_doc`` table (migration m004) maps
each item to its FTS row, so replacing or removing an item's text touches one row, and ``matching`` turns a search's hits
into item ids without reading the index's stored text.
"""

from __future__ import annotations


def matching(kind: str) -> str:
    """SQL for the ids of ``kind`` items whose text matches the FTS5 query bound to its one ``?``.

    Goes from FTS rowids to items through ``search_doc`` rather than reading ``kind`` and
    ``ref_id`` from the index's stored text, which would decrypt every matching entry's body.
    ``kind`` is one of our own constants, never user input.
    """
    return (
        f"SELECT ref_id FROM search_doc WHERE kind = '{kind}'"
        " AND doc IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)"
    )


def put(conn, kind: str, ref_id: int, body: str) -> None:
    """Make ``body`` the searchable text of item (``kind``, ``ref_id``), replacing any earlier text."""
    remove(conn, kind, ref_id)
    cur = conn.execute("INSERT INTO search_index (kind, ref_id, body) VALUES (?, ?, ?)", (kind, ref_id, body))
    conn.execute("INSERT INTO search_doc (kind, ref_id, doc) VALUES (?, ?, ?)", (kind, ref_id, cur.lastrowid))


def remove(conn, kind: str, ref_id: int) -> None:
    """Forget the item's text (FTS5's secure-delete option makes the index forget its words too)."""
    row = conn.execute("SELECT doc FROM search_doc WHERE kind=? AND ref_id=?", (kind, ref_id)).fetchone()
    if row is None:
        return
    # The kind/ref_id check guards against a row deleted behind our back and its rowid reused.
    conn.execute("DELETE FROM search_index WHERE rowid=? AND kind=? AND ref_id=?", (row[0], kind, ref_id))
    conn.execute("DELETE FROM search_doc WHERE kind=? AND ref_id=?", (kind, ref_id))
