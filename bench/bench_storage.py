"""Storage benchmarks on the ten-year journal, and the same operations on plain SQLite.

Our side always goes through the app's own storage core (``Journal`` and its repositories), so
the numbers are what the app pays.  For the plain-SQLite side the ten-year journal is exported
unencrypted (``sqlcipher_export``) and the very same repository code runs on a connection from
the standard library's ``sqlite3`` — same schema, same rows, same SQL, no encryption.  A third
column uses SQLCipher's own library with no key: the same SQLite version as ours, so the ratio
against it is the cost of encryption alone.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from bench.harness import NotMeasured, Result, Session, Target, benchmark, timed
from bench.tenyear import END, PASSPHRASE, bench_clock, copy_of_tenyear, guided_answers
from resilience_journal.domain.reflection import Reflection
from resilience_journal.storage import Journal

#: Queries typed into search: (what it shows, query).  Hit counts are reported with the results.
SEARCHES = (
    ("common word (200 shown)", "supervision"),
    ("rare word", "tribunal"),
    ("two words", "court anxious"),
    ("prefix", "reassur"),
)

#: The pragmas our connection sets, applied to the plain connections too so only encryption differs.
PLAIN_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
)


def new_reflection(journal: Journal, i: int) -> Reflection:
    import random

    rng = random.Random(f"save:{i}")
    now = journal.clock.now()
    return Reflection(
        occurred_at=now - timedelta(minutes=i % 600),
        activity_kind="Home visit",
        stress=rng.randint(2, 9),
        text="Quick note after the visit.",
        case_label="K.T.",
        emotions=("anxious", "hopeful"),
        template_id="what-so-what-now-what",
        answers=guided_answers(rng),
        tags=("follow-up",),
    )


def _saver(journal: Journal):
    counter = iter(range(10**9))

    def save() -> None:
        journal.reflections.add(new_reflection(journal, next(counter)))

    return save


def _searcher(journal: Journal, query: str):
    """What the Journal page asks storage for when a word is typed: the 200 newest matching
    entries (hydrated), and (in one query) how many match and how many of those carry a safety
    concern."""
    from resilience_journal.storage.reflections import ReflectionFilter

    plain = ReflectionFilter(text=query)

    def search() -> None:
        journal.reflections.find(plain, 200)
        journal.reflections.counts_matching(plain)

    return search


def _ranked(journal: Journal, query: str):
    def search() -> None:
        journal.reflections.search(query)

    return search


# --- the Trends queries ------------------------------------------------------------------------
# Until the Trends page (issue 4) has its own storage queries on main, these are the queries its
# charts need, written the way the covering indexes of m001 expect.  bench_trends measures the
# real page when it lands.

TRENDS_QUERIES = {
    "daily mean stress": (
        "SELECT local_date, avg(stress), count(*) FROM reflection"
        " WHERE deleted_at IS NULL AND local_date BETWEEN ? AND ? GROUP BY local_date"
    ),
    "stress by activity kind": (
        "SELECT activity_kind, stress, count(*) FROM reflection"
        " WHERE deleted_at IS NULL AND local_date BETWEEN ? AND ? GROUP BY activity_kind, stress"
    ),
    "decompression before/after": (
        "SELECT strategy, stress_before, stress_after FROM decompression"
        " WHERE deleted_at IS NULL AND local_date BETWEEN ? AND ?"
    ),
    "emotions": (
        "SELECT e.emotion, count(*) FROM reflection r JOIN reflection_emotion e ON e.reflection_id = r.id"
        " WHERE r.deleted_at IS NULL AND r.local_date BETWEEN ? AND ? GROUP BY e.emotion"
    ),
    "weekday x hour": (
        "SELECT strftime('%w', local_date), substr(occurred_at, 12, 2), avg(stress) FROM reflection"
        " WHERE deleted_at IS NULL AND local_date BETWEEN ? AND ? GROUP BY 1, 2"
    ),
    "check-ins": "SELECT local_date, mood, energy, sleep_quality, workload FROM checkin WHERE local_date BETWEEN ? AND ?",
}


def _trends(journal: Journal, days: int):
    start = (END - timedelta(days=days - 1)).isoformat()
    end = END.isoformat()

    def run() -> None:
        for sql in TRENDS_QUERIES.values():
            journal.query(sql, (start, end))

    return run


# --- journals ----------------------------------------------------------------------------------


def open_encrypted(folder: Path) -> Journal:
    return Journal.open(copy_of_tenyear(folder), PASSPHRASE, clock=bench_clock())


def export_plain(folder: Path) -> Path:
    """An unencrypted copy of the ten-year journal (made once per run)."""
    plain = folder / "plain.db"
    if plain.exists():
        return plain
    journal = open_encrypted(folder / "source")
    try:
        journal.conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(plain),))
        journal.conn.execute("SELECT sqlcipher_export('plaintext')")
        version = journal.conn.execute("PRAGMA user_version").fetchone()[0]
        journal.conn.execute(f"PRAGMA plaintext.user_version = {int(version)}")
        journal.conn.execute("DETACH DATABASE plaintext")
    finally:
        journal.close()
    with open(plain, "rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise RuntimeError("the exported copy is not plain SQLite")
    return plain


def build_stdlib_copy(folder: Path) -> Path:
    """The same journal, written by the standard library's own SQLite (made once per run).

    The exported file cannot simply be opened by ``sqlite3``: its search index uses an FTS5
    format (secure-delete) newer than the standard library's SQLite understands.  So the schema
    is created by our migrations through ``sqlite3`` (without FTS5 secure-delete, which that
    SQLite lacks: its deletes do less work than ours, if anything favouring plain SQLite) and
    every row is copied across, the search index rebuilt from its stored text.
    """
    from resilience_journal.storage import migrations

    out = folder / "stdlib.db"
    if out.exists():
        return out
    source = export_plain(folder)
    conn = sqlite3.connect(str(out), isolation_level=None)
    conn.execute("BEGIN")
    for m in migrations.MIGRATIONS:
        if m.version == 1:
            from resilience_journal.storage.migrations.m001_initial import SCHEMA, _statements

            for statement in _statements(SCHEMA):
                if "'secure-delete'" not in statement:
                    conn.execute(statement)
        else:
            m.apply(conn)
        conn.execute(f"PRAGMA user_version = {m.version}")
    conn.execute("COMMIT")
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    conn.execute("BEGIN")
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type='table' AND name NOT LIKE 'search_index%'"
            " AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:  # the source's rows replace what the migrations seeded (word lists)
        conn.execute(f"DELETE FROM main.{table}")
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
    conn.execute(
        "INSERT INTO search_index (rowid, kind, ref_id, body) SELECT id, c0, c1, c2 FROM src.search_index_content"
    )
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.close()
    return out


def open_plain(folder: Path, library: str) -> Journal:
    """The app's ``Journal`` over an unencrypted connection (``sqlite3`` or keyless ``sqlcipher3``)."""
    import shutil

    from resilience_journal.storage.lockfile import InstanceLock

    src = build_stdlib_copy(folder.parent) if library == "sqlite3" else export_plain(folder.parent)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "journal.db"
    shutil.copyfile(src, path)
    if library == "sqlite3":
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    else:
        import sqlcipher3

        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in PLAIN_PRAGMAS:
        conn.execute(pragma)
    lock = InstanceLock(path)
    lock.acquire()
    return Journal(conn, path, lock, bench_clock())


def hit_counts(journal: Journal) -> dict[str, int]:
    from resilience_journal.storage.reflections import ReflectionFilter

    return {q: journal.reflections.count_matching(ReflectionFilter(text=q)) for _, q in SEARCHES}


# --- benchmarks --------------------------------------------------------------------------------


@benchmark("storage", "Save and search on the ten-year journal (storage core)")
def storage(session: Session) -> list[Result]:
    journal = open_encrypted(session.folder("storage"))
    try:
        session.facts["search hits (ten-year journal)"] = hit_counts(journal)
        results = [
            Result(
                "save",
                "Save one reflection (~1.5 KB, commit + search index, synchronous=FULL)",
                timed(_saver(journal), session.reps(60), warmup=3),
                target=Target(0.010, "≤ 10 ms", "1.4 ms"),
            )
        ]
        for label, query in SEARCHES:
            results.append(
                Result(
                    f"search:{query}",
                    f"Search, {label}: “{query}” (Journal page's queries: 200 newest matches + the counts)",
                    timed(_searcher(journal, query), session.reps(30), warmup=2),
                    target=Target(0.020, "≤ 20 ms", "FTS5 1–6 ms"),
                )
            )
            results.append(
                Result(
                    f"ranked:{query}",
                    f"Search, {label}: “{query}”, best 200 by relevance (reflections.search)",
                    timed(_ranked(journal, query), session.reps(20), warmup=2),
                )
            )
        for days, label in ((365, "12 months"), (DAYS_ALL, "ten years")):
            results.append(
                Result(
                    f"trends-queries:{days}",
                    f"Trends queries ({len(TRENDS_QUERIES)}), {label}",
                    timed(_trends(journal, days), session.reps(20), warmup=2),
                )
            )
        return results
    finally:
        journal.close()


DAYS_ALL = (END - date(2016, 11, 28)).days + 1


@benchmark("vs-sqlite", "Encrypted vs plain SQLite, same schema and code (alternating runs)")
def versus_sqlite(session: Session) -> list[Result]:
    """Alternate ours / plain / keyless runs of each operation so drift on the shared machine hits all alike."""
    folder = session.folder("vs-sqlite")
    ours = open_encrypted(folder / "ours")
    plain = open_plain(folder / "plain", "sqlite3")
    keyless = open_plain(folder / "keyless", "sqlcipher3")
    journals = {"ours": ours, "sqlite3": plain, "keyless": keyless}
    try:
        if ours.reflections.count() != plain.reflections.count():
            raise NotMeasured("the plain copy does not hold the same reflections")
        ops = {
            "save": {k: _saver(j) for k, j in journals.items()},
            "search": {k: _searcher(j, "supervision") for k, j in journals.items()},
            "search-rare": {k: _searcher(j, "tribunal") for k, j in journals.items()},
            "trends-12m": {k: _trends(j, 365) for k, j in journals.items()},
            "trends-all": {k: _trends(j, DAYS_ALL) for k, j in journals.items()},
        }
        titles = {
            "save": "save one reflection",
            "search": "search “supervision” (200 shown)",
            "search-rare": "search “tribunal”",
            "trends-12m": "Trends queries, 12 months",
            "trends-all": "Trends queries, ten years",
        }
        samples: dict[str, dict[str, list[float]]] = {op: {k: [] for k in journals} for op in ops}
        reps = session.reps(20)
        for op, fns in ops.items():
            for fn in fns.values():  # warm-up: caches filled for everyone
                fn()
            for _ in range(reps):
                for k, fn in fns.items():
                    samples[op][k] += timed(fn, 1, warmup=0)
        results = []
        for op in ops:
            for k, label in (
                ("ours", "encrypted (ours)"),
                ("sqlite3", "plain sqlite3"),
                ("keyless", "SQLCipher, no key"),
            ):
                results.append(Result(f"{op}:{k}", f"{titles[op]} — {label}", samples[op][k]))
            ratio = [a / b for a, b in zip(samples[op]["ours"], samples[op]["sqlite3"], strict=True)]
            results.append(
                Result(
                    f"{op}:ratio",
                    f"{titles[op]} — encrypted ÷ plain sqlite3 (per alternating pair)",
                    ratio,
                    unit="x",
                    target=Target(1.5, "≤ 1.5×", "scan 3–8×; covering index level"),
                )
            )
            cost = [a / b for a, b in zip(samples[op]["ours"], samples[op]["keyless"], strict=True)]
            results.append(
                Result(f"{op}:ratio-keyless", f"{titles[op]} — encrypted ÷ SQLCipher with no key", cost, unit="x")
            )
        session.facts["sqlite versions"] = {
            "stdlib sqlite3": sqlite3.sqlite_version,
            "SQLCipher's SQLite": ours.query("SELECT sqlite_version()")[0][0],
        }
        return results
    finally:
        for j in journals.values():
            j.close()


@benchmark("open", "Open the ten-year journal (key derivation + schema check), storage core only")
def open_journal(session: Session) -> list[Result]:
    folder = session.folder("open")
    path = copy_of_tenyear(folder)

    def run() -> None:
        Journal.open(path, PASSPHRASE, clock=bench_clock()).close()

    return [Result("open", "Journal.open + close, ten-year journal", timed(run, session.reps(15), warmup=1))]
