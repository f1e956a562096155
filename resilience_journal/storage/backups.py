"""Verified backups: automatic (at most once a day), on demand, listed, and restored.

A backup is an encrypted copy made by ``Journal.backup`` (VACUUM INTO, same passphrase).  It is
kept only after it has been *verified*: the copy is attached to the open journal (with the
journal's key, or the passphrase it was made with), SQLCipher's ``cipher_integrity_check`` (every
page's HMAC) and SQLite's ``quick_check`` must come back clean, and every table must hold as many
rows as the journal does.  A copy that fails is deleted, never kept as if it were good.

Automatic backups are named ``auto-YYYYmmdd-HHMMSS.db`` in the ``backups`` folder beside the
journal; only the newest ``keep`` of them are kept.  Other files there (backups taken before an
upgrade or a restore) are listed but never pruned.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from resilience_journal.domain.passphrase import normalise
from resilience_journal.domain.progress import Cancelled, CancelToken, Progress, no_return, step
from resilience_journal.storage import migrations
from resilience_journal.storage.connection import (
    DatabaseError,
    _classify_unreadable,
    interruptible,
    open_connection,
    secure_folder,
    verify_encrypted_file,
)
from resilience_journal.storage.errors import BackupInvalid, JournalLocked, JournalTooNew, StorageFull, WrongPassphrase

if TYPE_CHECKING:
    from resilience_journal.storage.journal import Journal

#: Setting (inside the journal) holding how many automatic backups to keep.
KEEP_SETTING = "backup.keep"
#: How many automatic backups are kept when the user has not chosen.
DEFAULT_KEEP = 10
#: File-name prefixes: automatic backups, the safety copy taken before a restore.
AUTO_PREFIX, BEFORE_RESTORE_PREFIX = "auto-", "before-restore-"
#: The tables whose row counts are shown to a person choosing a backup (one, many, table).
SUMMARY_TABLES = (
    ("reflection", "reflections", "reflection"),
    ("decompression", "decompressions", "decompression"),
    ("check-in", "check-ins", "checkin"),
    ("measure", "measures", "measure"),
    ("supervision session", "supervision sessions", "supervision_session"),
)
_ALIAS = "rj_backup"  # schema name used while a copy is attached
#: Steps a restore reports: checking the passphrase, looking inside the backup, keeping a copy of
#: the journal, preparing the backup's copy, replacing the journal.
RESTORE_STEPS = 5
#: Bytes copied between two looks at the cancel token.
COPY_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, for a person deciding whether to restore it."""

    path: Path
    made_at: datetime
    schema_version: int
    counts: dict[str, int]

    @property
    def automatic(self) -> bool:
        return self.path.name.startswith(AUTO_PREFIX)

    def summary_counts(self) -> list[tuple[str, int]]:
        """(label, count) for the main kinds of entry, the label singular or plural to fit."""
        return [
            (one if self.counts[t] == 1 else many, self.counts[t])
            for one, many, t in SUMMARY_TABLES
            if t in self.counts
        ]


@dataclass(frozen=True)
class LockedBackup:
    """A backup that the journal's own key does not open: made before a change of passphrase."""

    path: Path
    made_at: datetime


# --- counting and verifying ----------------------------------------------------------------


def user_tables(conn, schema: str = "main") -> list[str]:
    """Every table that holds journal data (not SQLite's own, not the search index's shadows)."""
    rows = conn.execute(
        f"SELECT name, sql FROM {schema}.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    virtual = {name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL TABLE")}
    return [name for name, _ in rows if not any(name.startswith(v + "_") for v in virtual)]


def table_counts(conn, schema: str = "main") -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM {schema}."{t}"').fetchone()[0] for t in user_tables(conn, schema)}


def _check_attached(conn, expected: dict[str, int] | None) -> tuple[int, dict[str, int]]:
    """Run the integrity checks on the attached copy; return its schema version and counts."""
    problems = conn.execute(f"PRAGMA {_ALIAS}.cipher_integrity_check").fetchall()
    if problems:
        raise BackupInvalid(f"cipher_integrity_check reported {len(problems)} problem(s)")
    quick = conn.execute(f"PRAGMA {_ALIAS}.quick_check").fetchall()
    if quick != [("ok",)]:
        raise BackupInvalid("quick_check did not answer ok")
    counts = table_counts(conn, _ALIAS)
    if expected is not None and counts != expected:
        differ = sorted(t for t in set(counts) | set(expected) if counts.get(t) != expected.get(t))
        raise BackupInvalid("row counts differ in " + ", ".join(differ))
    version = conn.execute(f"PRAGMA {_ALIAS}.user_version").fetchone()[0]
    return version, counts


def _attached(
    journal: Journal,
    path: Path,
    passphrase: str | None,
    expected: dict[str, int] | None,
    token: CancelToken | None = None,
):
    """Attach ``path`` to the journal's connection, check it, detach; raise on any problem.

    A cancelled ``token`` stops the checks part-way with ``Cancelled``.
    """
    conn = journal.conn
    try:
        if passphrase is None:
            # No KEY clause: SQLCipher opens the attached file with the main database's key.
            conn.execute(f"ATTACH DATABASE ? AS {_ALIAS}", (str(path),))
        else:
            conn.execute(f"ATTACH DATABASE ? AS {_ALIAS} KEY ?", (str(path), normalise(passphrase)))
    except DatabaseError as exc:
        raise BackupInvalid(str(exc)) from exc
    try:
        with interruptible(conn, token):
            return _check_attached(conn, expected)
    except DatabaseError as exc:
        if "not a database" in str(exc):
            raise WrongPassphrase() from exc
        raise BackupInvalid(str(exc)) from exc
    finally:
        conn.execute(f"DETACH DATABASE {_ALIAS}")


def inspect(journal: Journal, path: Path | str, passphrase: str | None = None) -> BackupInfo:
    """Check a backup and say what it holds.  ``passphrase`` is needed only when it differs.

    Raises ``WrongPassphrase`` when the key does not open it, ``BackupInvalid`` when it is
    damaged or not a journal.  Nothing is changed.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupInvalid(f"{path.name} does not exist")
    with journal._lock:
        try:
            version, counts = _attached(journal, path, passphrase, None)
        except BackupInvalid:
            # A wrong key and a damaged file look alike; the file's shape tells them apart.
            if isinstance(_classify_unreadable(path), WrongPassphrase):
                raise WrongPassphrase() from None
            raise
    return BackupInfo(path, made_at(path, journal), version, counts)


def verified_backup(
    journal: Journal,
    dest: Path | str,
    *,
    token: CancelToken | None = None,
    progress: Progress | None = None,
    final: bool = True,
) -> BackupInfo:
    """Back up to ``dest`` and keep the file only if the copy proves complete and intact.

    ``token`` can cancel it at any moment before the checked copy takes its name (``Cancelled``):
    the half-made copy is removed and nothing else is touched.  ``progress`` hears (step, None):
    how long the copy takes is not known ahead.  ``final`` is False when the backup is one step of
    larger work (a restore) whose own point of no return comes later.
    """
    dest = Path(dest)
    step(token, progress, 0, None)
    secure_folder(dest.parent)
    pending = dest.with_name(f".unverified-{dest.name}")
    with journal._lock:  # no write may slip in between the copy and the count
        journal.checkpoint()
        expected = table_counts(journal.conn)
        journal.backup(pending, token=token)
        try:
            step(token, progress, 1, None)
            _attached(journal, pending, None, expected, token)
            step(token, progress, 2, None)
            with open(pending, "rb+") as f:
                os.fsync(f.fileno())
            if final:
                no_return(token)
            elif token is not None:
                token.check()
            os.replace(pending, dest)
        except BaseException:
            pending.unlink(missing_ok=True)
            raise
    return BackupInfo(dest, made_at(dest, journal), journal.schema_version(), expected)


# --- automatic backups ---------------------------------------------------------------------


def keep_count(journal: Journal) -> int:
    value = journal.settings.get(KEEP_SETTING, DEFAULT_KEEP)
    return value if isinstance(value, int) and value >= 1 else DEFAULT_KEEP


def set_keep_count(journal: Journal, keep: int) -> None:
    if not isinstance(keep, int) or isinstance(keep, bool) or not 1 <= keep <= 365:
        raise ValueError("keep must be between 1 and 365")
    journal.settings.set(KEEP_SETTING, keep)


def automatic_backups(journal: Journal) -> list[Path]:
    """The automatic backups, oldest first (names sort by time)."""
    folder = journal.backup_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{AUTO_PREFIX}*.db") if p.is_file())


def backup_if_due(journal: Journal) -> BackupInfo | None:
    """Make today's automatic backup if there is none yet; prune to the newest ``keep``.

    Returns the new backup, or None when today's already exists.  Raises ``StorageFull`` or
    ``BackupInvalid`` when the backup could not be made; the journal itself is untouched.
    """
    today = journal.clock.now().strftime("%Y%m%d")
    if any(p.name.startswith(f"{AUTO_PREFIX}{today}") for p in automatic_backups(journal)):
        return None
    info = verified_backup(journal, journal.backup_dir() / f"{AUTO_PREFIX}{journal._stamp()}.db")
    prune(journal)
    return info


def prune(journal: Journal) -> list[Path]:
    """Delete the oldest automatic backups beyond the number to keep; return what was deleted."""
    autos = automatic_backups(journal)
    doomed = autos[: max(0, len(autos) - keep_count(journal))]
    for p in doomed:
        p.unlink(missing_ok=True)
    return doomed


def list_backups(journal: Journal) -> list[BackupInfo | LockedBackup]:
    """Every backup in the backups folder, newest first, with what it holds.

    Backups made before a change of passphrase come back as ``LockedBackup``; damaged files are
    left out of the list (they cannot be restored).
    """
    folder = journal.backup_dir()
    if not folder.is_dir():
        return []
    found: list[BackupInfo | LockedBackup] = []
    for p in folder.glob("*.db"):
        if not p.is_file() or p.name.startswith("."):
            continue
        try:
            found.append(inspect(journal, p))
        except WrongPassphrase:
            found.append(LockedBackup(p, made_at(p, journal)))
        except BackupInvalid:
            continue
    return sorted(found, key=lambda b: b.made_at, reverse=True)


# --- restore -------------------------------------------------------------------------------


def restore(
    journal: Journal,
    backup: Path | str,
    current_passphrase: str,
    backup_passphrase: str | None = None,
    *,
    token: CancelToken | None = None,
    progress: Progress | None = None,
) -> BackupInfo:
    """Replace the journal's content with ``backup``; return the safety copy of what was there.

    ``current_passphrase`` confirms the person may do this and is the passphrase the restored
    journal will open with: a backup made under an older passphrase (``backup_passphrase``) is
    re-encrypted to the current one.  Before anything changes the backup is checked, and the
    current journal is kept as a verified ``before-restore-…`` backup.  Raises
    ``WrongPassphrase`` (nothing changed) if either passphrase is wrong.

    ``token`` can cancel everything up to the swap of the journal's file (``Cancelled``): the
    safety copy and the prepared copy are removed and the journal file is not touched.  The swap
    and the reopening after it are the point of no return: stopping between them would leave the
    app without its journal.  ``progress`` hears (step, RESTORE_STEPS).
    """
    backup = Path(backup)
    step(token, progress, 0, RESTORE_STEPS)
    probe = open_connection(journal.path, current_passphrase)  # WrongPassphrase if not theirs
    probe.close()
    step(token, progress, 1, RESTORE_STEPS)
    info = inspect(journal, backup, backup_passphrase)
    if info.schema_version > migrations.LATEST:
        raise JournalTooNew(f"schema {info.schema_version} > {migrations.LATEST}")
    step(token, progress, 2, RESTORE_STEPS)
    safety = verified_backup(
        journal, journal.backup_dir() / f"{BEFORE_RESTORE_PREFIX}{journal._stamp()}.db", token=token, final=False
    )
    prepared = None
    try:
        step(token, progress, 3, RESTORE_STEPS)
        prepared = _prepare_copy(journal.path.parent, backup, backup_passphrase, current_passphrase, token)
        step(token, progress, 4, RESTORE_STEPS)
        # From the point of no return to the reopened journal, locking waits: a lock landing
        # in between would close the journal under the swap and drop the restore unseen.
        with journal.kept_open():
            no_return(token)
            try:
                journal.replace_file(prepared, current_passphrase)
            finally:
                prepared.unlink(missing_ok=True)
    except (Cancelled, JournalLocked):
        # Stopped, or locked, before the point of no return: nothing of this restore may stay
        # behind, not even the copy of the journal taken for it.
        safety.path.unlink(missing_ok=True)
        if prepared is not None:
            prepared.unlink(missing_ok=True)
        raise
    step(token, progress, RESTORE_STEPS, RESTORE_STEPS)  # past the point of no return: never stops here
    return safety


def _copy_file(source: Path, target: Path, token: CancelToken | None) -> None:
    """Copy ``source`` over ``target`` a chunk at a time, stopping between chunks when cancelled."""
    with open(source, "rb") as src, open(target, "wb") as out:
        while chunk := src.read(COPY_CHUNK):
            if token is not None:
                token.check()
            out.write(chunk)


def _prepare_copy(folder: Path, backup: Path, old: str | None, current: str, token: CancelToken | None = None) -> Path:
    """Copy ``backup`` beside the journal, re-encrypted to ``current``, and prove it opens."""
    fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".db", dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        _copy_file(backup, tmp, token)
        os.chmod(tmp, 0o600)
        conn = open_connection(tmp, old if old is not None else current)
        try:
            if old is not None and normalise(old) != normalise(current):
                if token is not None:
                    token.check()
                conn.reset_key(normalise(current))
            with interruptible(conn, token):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                    raise BackupInvalid("quick_check failed on the restored copy")
        finally:
            conn.close()
        check = open_connection(tmp, current)
        check.close()
        verify_encrypted_file(tmp)
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        return tmp
    except BaseException as exc:
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno == 28:
            raise StorageFull(str(exc)) from exc
        raise


def made_at(path: Path, journal: Journal) -> datetime:
    """When a backup was made: from its name when it carries a time stamp, else the file's time."""
    stem = path.stem
    digits = stem[-15:]
    tz = journal.clock.now().tzinfo
    try:
        return datetime.strptime(digits, "%Y%m%d-%H%M%S").replace(tzinfo=tz)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone(tz)
