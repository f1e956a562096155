"""Full export (JSON and CSV) and import (our JSON, jrnl's JSON), written against the tables.

The exporter reads the schema from the database itself (``sqlite_master``, ``table_info``,
``foreign_key_list``, unique indexes), so every table and column that any migration adds is
exported without this module changing.  Internal integer ids never leave the journal: a row is
known by its ``uid`` (or its natural key), and a reference to another row is written as that
row's ``uid``.  The search index is not exported; it is rebuilt from the imported text.

Import merges: a row whose ``uid`` (or other unique key) is already in the journal is left as the
journal has it, together with the rows that belong to it (answers, emotions, tags), so importing
the same file twice adds nothing.  Everything happens in one transaction: the first bad row
raises ``ImportRejected`` naming its table, row and field, and the journal is unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from resilience_journal.domain import messages
from resilience_journal.domain.exchange_format import (
    JRNL_DEFAULT_STRESS,
    ImportRejected,
    build_document,
    detect,
    parse_export,
    parse_jrnl,
    where,
)
from resilience_journal.domain.progress import CancelToken, Progress, Ticker, no_return
from resilience_journal.storage import migrations
from resilience_journal.storage.backups import user_tables
from resilience_journal.storage.connection import DatabaseError

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal

#: Derived tables: rebuilt from the data, never exported.
DERIVED_TABLES = frozenset({"search_index", "search_doc"})
#: Rows handled between two progress reports (and looks at the cancel token).
ROWS_PER_STEP = 25


@dataclass(frozen=True)
class TableShape:
    """What the exporter needs to know about one table, read from the database."""

    name: str
    columns: tuple[str, ...]
    id_column: str | None  # an INTEGER PRIMARY KEY (rowid alias): internal, not exported
    references: dict[str, str]  # column -> parent table, for references to a parent's id
    unique_keys: tuple[tuple[str, ...], ...]  # every way a row is known (uid first)
    belongs_to: str | None  # the reference column that makes this row part of its parent

    @property
    def has_uid(self) -> bool:
        return "uid" in self.columns


@dataclass
class ImportReport:
    """How many rows each table gained, and how many were already there."""

    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())


# --- reading the schema ----------------------------------------------------------------------


def table_shapes(conn) -> dict[str, TableShape]:
    """Every exportable table, parents before the tables that refer to them."""
    shapes = {}
    for name in user_tables(conn):
        if name in DERIVED_TABLES:
            continue
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        columns = tuple(row[1] for row in info)
        pk = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
        id_column = pk[0] if len(pk) == 1 and info[columns.index(pk[0])][2].upper() == "INTEGER" else None
        references = {
            row[3]: row[2] for row in conn.execute(f'PRAGMA foreign_key_list("{name}")').fetchall() if row[4] == "id"
        }
        keys: list[tuple[str, ...]] = []
        if "uid" in columns:
            keys.append(("uid",))
        natural_pk = tuple(c for c in pk if c != id_column)
        if natural_pk:
            keys.append(natural_pk)
        for _seq, index, unique, *_ in conn.execute(f'PRAGMA index_list("{name}")').fetchall():
            if unique:
                cols = tuple(r[2] for r in conn.execute(f'PRAGMA index_info("{index}")').fetchall())
                if cols not in keys and id_column not in cols:
                    keys.append(cols)
        if not keys:  # e.g. a list of contacts: a row is known by everything it says
            keys.append(tuple(c for c in columns if c != id_column))
        belongs_to = next((c for c in natural_pk if c in references), None) if "uid" not in columns else None
        shapes[name] = TableShape(name, columns, id_column, references, tuple(keys), belongs_to)
    return {name: shapes[name] for name in _parents_first(shapes)}


def _parents_first(shapes: dict[str, TableShape]) -> list[str]:
    done: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done or name in path or name not in shapes:
            return
        for parent in shapes[name].references.values():
            visit(parent, (*path, name))
        done.append(name)

    for name in sorted(shapes):
        visit(name, ())
    return done


# --- export ----------------------------------------------------------------------------------


def export_tables(
    journal: Journal, *, token: CancelToken | None = None, progress: Progress | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, with references written as the parent's uid.

    ``progress`` hears (rows read, rows in all); ``token`` stops the reading between rows.
    """
    with journal._lock:
        conn = journal.conn
        shapes = table_shapes(conn)
        total = sum(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in shapes)
        ticker = Ticker(token, progress, total, ROWS_PER_STEP)
        uid_of = {name: _uid_map(conn, s) for name, s in shapes.items() if s.has_uid and s.id_column}
        out: dict[str, list[dict[str, Any]]] = {}
        for name, shape in shapes.items():
            cols = [c for c in shape.columns if c != shape.id_column]
            order = ", ".join(f'"{c}"' for c in (shape.id_column,) if c) or "rowid"
            rows = conn.execute(f'SELECT {", ".join(_q(c) for c in cols)} FROM "{name}" ORDER BY {order}')
            table = []
            for values in rows:
                row = dict(zip(cols, values, strict=True))
                for column, parent in shape.references.items():
                    if row.get(column) is not None and parent in uid_of:
                        row[column] = uid_of[parent].get(row[column])
                table.append(row)
                ticker.tick()
            out[name] = table
    return out


def _q(identifier: str) -> str:
    """An SQL identifier, double-quoted (names come from the schema, never from a file)."""
    return '"' + identifier.replace('"', '""') + '"'


def _uid_map(conn, shape: TableShape) -> dict[int, str]:
    return dict(conn.execute(f'SELECT "{shape.id_column}", uid FROM "{shape.name}"').fetchall())


def export_json(journal: Journal, *, token: CancelToken | None = None, progress: Progress | None = None) -> str:
    """The whole journal as our versioned JSON (see docs/export-format.md)."""
    tables = export_tables(journal, token=token, progress=progress)
    return build_document(journal.schema_version(), journal.clock.now(), tables)


def export_csv(
    journal: Journal, *, token: CancelToken | None = None, progress: Progress | None = None
) -> dict[str, str]:
    """One CSV text per table (file name -> text), same columns and values as the JSON."""
    out = {}
    with journal._lock:
        shapes = table_shapes(journal.conn)
        tables = export_tables(journal, token=token, progress=progress)
    for name, rows in tables.items():
        buffer = io.StringIO(newline="")
        cols = [c for c in shapes[name].columns if c != shapes[name].id_column]
        writer = csv.DictWriter(buffer, fieldnames=cols, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: _csv_value(v) for k, v in row.items()} for row in rows)
        out[f"{name}.csv"] = buffer.getvalue()
    return out


def _csv_value(value: Any) -> Any:
    # Spreadsheets run cells starting with these as formulas; a leading quote keeps them text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


# --- import ----------------------------------------------------------------------------------


def import_file_text(
    journal: Journal,
    text: str,
    *,
    jrnl_stress: int = JRNL_DEFAULT_STRESS,
    token: CancelToken | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import our own export or jrnl's, whichever ``text`` is.  All or nothing.

    ``progress`` hears (rows handled, rows in the file).  A cancelled ``token`` stops the import
    between rows with ``Cancelled`` and the one transaction is rolled back: nothing is added.
    """
    if detect(text) == "jrnl":
        return import_jrnl(journal, text, stress=jrnl_stress, token=token, progress=progress)
    return import_export(journal, text, token=token, progress=progress)


def import_export(
    journal: Journal, text: str, *, token: CancelToken | None = None, progress: Progress | None = None
) -> ImportReport:
    """Merge a full export into the journal by uid (rows already there are kept as they are)."""
    document = parse_export(text, journal.clock.now(), migrations.LATEST)
    report = ImportReport()
    ticker = Ticker(token, progress, sum(len(rows) for rows in document.tables.values()), ROWS_PER_STEP)
    with journal.transaction() as conn:
        shapes = table_shapes(conn)
        for name in document.tables:
            if name not in shapes:
                raise ImportRejected(name, messages.IMPORT_UNKNOWN_TABLE)
        merger = _Merger(conn, shapes, report, ticker)
        for name, shape in shapes.items():
            merger.merge(shape, document.tables.get(name, []))
        _rebuild_search_index(journal, conn, merger.new_ids)
        no_return(token)  # the commit: all of it, at once
    return report


def _rebuild_search_index(journal: Journal, conn, new_ids: dict[str, list[int]]) -> None:
    """The search index is derived, so imported rows are indexed by their repositories' own rules."""
    journal.reflections.index_new(new_ids.get("reflection", ()))
    for did in new_ids.get("decompression", ()):
        (note,) = conn.execute("SELECT note FROM decompression WHERE id=?", (did,)).fetchone()
        journal.decompressions._index(conn, did, note)


def import_jrnl(
    journal: Journal,
    text: str,
    *,
    stress: int = JRNL_DEFAULT_STRESS,
    token: CancelToken | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Add jrnl entries as reflections; entries imported before (same content) are skipped."""
    now = journal.clock.now()
    reflections = parse_jrnl(text, now.tzinfo, now, stress)
    report = ImportReport(added={"reflection": 0}, skipped={"reflection": 0})
    ticker = Ticker(token, progress, len(reflections), ROWS_PER_STEP)
    with journal.transaction():
        for r in reflections:
            ticker.tick()
            if journal.reflections.get_by_uid(r.uid) is not None:
                report.skipped["reflection"] += 1
                continue
            journal.reflections.add(r)
            report.added["reflection"] += 1
        no_return(token)
    return report


class _Merger:
    """Inserts one table's rows at a time, translating parents' uids into this journal's ids."""

    def __init__(self, conn, shapes: dict[str, TableShape], report: ImportReport, ticker: Ticker) -> None:
        self.conn, self.shapes, self.report, self.ticker = conn, shapes, report, ticker
        self.new_ids: dict[str, list[int]] = {}
        self.kept_parents: dict[str, set[str]] = {}  # uids of rows that were already there

    def merge(self, shape: TableShape, rows: Iterable[dict[str, Any]]) -> None:
        added = skipped = 0
        for index, row in enumerate(rows, start=1):
            self.ticker.tick()
            for column in row:
                if column not in shape.columns or column == shape.id_column:
                    raise ImportRejected(where(shape.name, index, column), messages.IMPORT_UNKNOWN_COLUMN)
            parent_uid = row.get(shape.belongs_to) if shape.belongs_to else None
            if parent_uid is not None and parent_uid in self.kept_parents.get(shape.references[shape.belongs_to], ()):
                skipped += 1  # part of a row the journal already had: keep the journal's version
                continue
            values = self._resolve(shape, index, row)
            if self._exists(shape, values):
                skipped += 1
                if shape.has_uid:
                    self.kept_parents.setdefault(shape.name, set()).add(row["uid"])
                continue
            new_id = self._insert(shape, index, values)
            if shape.id_column:
                self.new_ids.setdefault(shape.name, []).append(new_id)
            added += 1
        self.report.added[shape.name] = added
        self.report.skipped[shape.name] = skipped

    def _resolve(self, shape: TableShape, index: int, row: dict[str, Any]) -> dict[str, Any]:
        values = dict(row)
        for column, parent in shape.references.items():
            uid = values.get(column)
            if uid is None or not self.shapes.get(parent, shape).has_uid:
                continue
            found = self.conn.execute(f'SELECT id FROM "{parent}" WHERE uid=?', (str(uid),)).fetchone()
            if found is None:
                raise ImportRejected(where(shape.name, index, column), messages.IMPORT_MISSING_REFERENCE)
            values[column] = found[0]
        return values

    def _exists(self, shape: TableShape, values: dict[str, Any]) -> bool:
        for key in shape.unique_keys:
            if not all(values.get(c) is not None for c in key):
                continue
            test = " AND ".join(f'"{c}" IS ?' for c in key)
            if self.conn.execute(f'SELECT 1 FROM "{shape.name}" WHERE {test}', [values[c] for c in key]).fetchone():
                return True
        return False

    def _insert(self, shape: TableShape, index: int, values: dict[str, Any]) -> int:
        cols = list(values)
        sql = (
            f'INSERT INTO "{shape.name}" ({", ".join(_q(c) for c in cols)}) VALUES ({", ".join("?" * len(cols))})'
            if cols
            else f'INSERT INTO "{shape.name}" DEFAULT VALUES'
        )
        try:
            return self.conn.execute(sql, [values[c] for c in cols]).lastrowid
        except DatabaseError as exc:
            # SQLite says e.g. "NOT NULL constraint failed: reflection.activity_kind".
            reason, _, detail = str(exc).partition(": ")
            column = detail.split(".")[-1] if detail.startswith(shape.name + ".") else None
            raise ImportRejected(
                where(shape.name, index, column if column in shape.columns else None),
                messages.IMPORT_ROW_REFUSED.format(reason=reason),
            ) from None
