"""The journal: one encrypted SQLCipher file, opened with a passphrase.

This is the public core, usable without any window::

    j = Journal.create(path, passphrase)   # refuses to overwrite
    j = Journal.open(path, passphrase)     # WrongPassphrase leaves the file byte-identical
    j.change_passphrase(old, new)          # rekey, verified before returning
    j.backup(dest)                         # consistent encrypted copy, same passphrase
    j.close()

Encryption settings are documented in ``storage/connection.py``; the schema and its version
in ``storage/migrations``.  Every user action is one transaction (``with j.transaction():``),
committed explicitly, because closing a connection without a commit silently drops the write.
One connection serves the whole app; a re-entrant lock lets worker threads (export, charts)
share it safely.
"""

from __future__ import annotations

import errno
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from resilience_journal.domain.clock import Clock, SystemClock
from resilience_journal.domain.passphrase import normalise
from resilience_journal.domain.progress import CancelToken, Progress, no_return, step
from resilience_journal.domain.reflection import DEFAULT_ACTIVITY_KINDS
from resilience_journal.storage import migrations
from resilience_journal.storage.connection import (
    Connection,
    OperationalError,
    create_connection,
    interruptible,
    open_connection,
    secure_files,
    secure_folder,
    verify_encrypted_file,
)
from resilience_journal.storage.errors import (
    JournalLocked,
    JournalTooNew,
    StorageFull,
    WrongPassphrase,
)
from resilience_journal.storage.lockfile import InstanceLock

#: Folder beside the journal where backups (automatic and pre-migration) are kept.
BACKUP_FOLDER = "backups"
#: Steps a change of passphrase reports: checking the old one, re-encrypting, checking the new one.
PASSPHRASE_STEPS = 3


class Journal:
    """An open, unlocked journal.  Get one from ``create`` or ``open``; call ``close`` to lock."""

    def __init__(self, conn: Connection, path: Path, lock: InstanceLock, clock: Clock) -> None:
        self._conn: Connection | None = conn
        self.path = path
        self._instance_lock = lock
        self.clock = clock
        self._lock = threading.RLock()
        # Repositories: the only way the rest of the app reads and writes journal data.
        from resilience_journal.storage.checkins import CheckInRepository
        from resilience_journal.storage.decompressions import DecompressionRepository
        from resilience_journal.storage.drafts import DraftRepository
        from resilience_journal.storage.measures import MeasureRepository
        from resilience_journal.storage.reflections import ReflectionRepository
        from resilience_journal.storage.selfcare import SelfCareRepository
        from resilience_journal.storage.settings import SettingsRepository
        from resilience_journal.storage.supervision import SupervisionRepository
        from resilience_journal.storage.templates import TemplateRepository
        from resilience_journal.storage.vocabulary import VocabularyRepository
        from resilience_journal.storage.watch_words import WatchWordRepository

        self.reflections = ReflectionRepository(self)
        self.settings = SettingsRepository(self)
        self.vocabulary = VocabularyRepository(self)
        self.watch_words = WatchWordRepository(self)
        self.decompressions = DecompressionRepository(self)
        self.templates = TemplateRepository(self)
        self.drafts = DraftRepository(self)
        self.checkins = CheckInRepository(self)
        self.measures = MeasureRepository(self)
        self.selfcare = SelfCareRepository(self)
        self.supervision = SupervisionRepository(self)

    # --- opening and closing ------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, passphrase: str, *, clock: Clock | None = None) -> Journal:
        """Make a new encrypted journal at ``path``.  Raises ``JournalExists`` rather than overwrite."""
        path = Path(path)
        secure_folder(path.parent)
        journal = cls._locked(path, create_connection, passphrase, clock)
        try:
            migrations.migrate(journal.conn)
            with journal.transaction():
                journal.vocabulary.seed("activity_kind", DEFAULT_ACTIVITY_KINDS)
            journal.checkpoint()
            secure_files(path)
        except BaseException:
            journal.close()
            raise
        return journal

    @classmethod
    def open(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        clock: Clock | None = None,
        target_version: int = migrations.LATEST,
    ) -> Journal:
        """Unlock an existing journal, upgrading its schema (after a backup copy) if it is older.

        ``target_version`` exists for the migration tests, which build journals at old versions.
        """
        path = Path(path)
        if not path.is_file():
            from resilience_journal.storage.errors import JournalMissing

            raise JournalMissing(path)
        journal = cls._locked(path, open_connection, passphrase, clock)
        try:
            version = migrations.current_version(journal.conn)
            if version > migrations.LATEST:
                raise JournalTooNew(f"schema {version} > {migrations.LATEST}")
            if 0 < version < target_version:
                journal.backup(journal.backup_dir() / f"before-upgrade-v{version}-{journal._stamp()}.db")
            migrations.migrate(journal.conn, target_version)
        except BaseException:
            journal.close()
            raise
        return journal

    @classmethod
    def _locked(cls, path: Path, connect, passphrase: str, clock: Clock | None) -> Journal:
        """Take the one-instance lock first, so a second app never even reads the file."""
        lock = InstanceLock(path)
        lock.acquire()
        try:
            conn = connect(path, passphrase)
        except BaseException:
            lock.release()
            raise
        return cls(conn, path, lock, clock or SystemClock())

    def close(self) -> None:
        """Checkpoint, close the connection and release the instance lock.  Safe to call twice."""
        with self._lock:
            if self._conn is None:
                return
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except OperationalError:
                pass  # a reader elsewhere; SQLite will checkpoint at the next open
            self._conn.close()
            self._conn = None
            self._instance_lock.release()

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions and queries -------------------------------------------------------

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise JournalLocked("the journal is closed")
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One user action: everything inside commits together or not at all.

        Nested use joins the outer transaction.  A full disk becomes ``StorageFull`` after
        the rollback, so callers can say so and keep the user's text in the editor.
        """
        with self._lock:
            conn = self.conn
            if conn.in_transaction:
                yield conn
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if _is_disk_full(exc):
                    raise StorageFull(str(exc)) from exc
                raise

    @contextmanager
    def kept_open(self) -> Iterator[None]:
        """While inside, the journal cannot be closed: locking waits until the block ends.

        For the last steps of work that must finish once begun (past its point of no return,
        e.g. a restore's swap, or an export's rename and its share record).  Raises
        ``JournalLocked`` if the journal is already closed, before anything in the block runs.
        """
        with self._lock:
            self.conn  # noqa: B018 - raises JournalLocked when closed
            yield

    def query(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        """Run a read and return every row (storage package only)."""
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def checkpoint(self) -> None:
        """Move the write-ahead log into the main file, so old pages leave the ``-wal`` file."""
        with self._lock:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def schema_version(self) -> int:
        with self._lock:
            return migrations.current_version(self.conn)

    # --- passphrase and backup ----------------------------------------------------------

    def change_passphrase(
        self, old: str, new: str, *, token: CancelToken | None = None, progress: Progress | None = None
    ) -> None:
        """Re-encrypt the journal under ``new``.  Raises ``WrongPassphrase`` if ``old`` is wrong.

        The change is verified by reading the file through a second connection with the new
        passphrase before this returns.  ``token`` can cancel it until the old passphrase has been
        checked (nothing on disk has changed by then); the re-encryption itself is the point of no
        return, because SQLCipher rewrites every page in one go and must not be stopped part-way.
        ``progress`` hears (step, PASSPHRASE_STEPS).
        """
        with self._lock:
            step(token, progress, 0, PASSPHRASE_STEPS)
            probe = None
            try:
                probe = open_connection(self.path, old)
            except WrongPassphrase:
                raise
            finally:
                if probe is not None:
                    probe.close()
            step(token, progress, 1, PASSPHRASE_STEPS)
            no_return(token)
            self.checkpoint()
            self.conn.reset_key(normalise(new))
            self.checkpoint()
            step(token, progress, 2, PASSPHRASE_STEPS)  # past the point of no return: reports only
            check = open_connection(self.path, new)
            try:
                check.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                check.close()
            verify_encrypted_file(self.path)
            step(token, progress, 3, PASSPHRASE_STEPS)

    def backup(self, dest: Path | str, *, token: CancelToken | None = None) -> Path:
        """Write a consistent encrypted copy (same passphrase) to ``dest``, atomically, 0600.

        A cancelled ``token`` stops the copy part-way (``Cancelled``); the half-made copy is removed.
        """
        dest = Path(dest)
        secure_folder(dest.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".tmp", dir=dest.parent)
        os.close(fd)
        os.unlink(tmp_name)  # VACUUM INTO refuses to write over an existing file
        tmp = Path(tmp_name)
        try:
            with self._lock, interruptible(self.conn, token):
                self.conn.execute("VACUUM INTO ?", (str(tmp),))
            os.chmod(tmp, 0o600)
            verify_encrypted_file(tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, dest)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if _is_disk_full(exc):
                raise StorageFull(str(exc)) from exc
            raise
        return dest

    def replace_file(self, prepared: Path, passphrase: str) -> None:
        """Swap the journal's file for ``prepared`` (a verified copy in the same folder, already
        encrypted with ``passphrase``), without letting go of the instance lock, then reopen it.

        Used by restore.  The old file's ``-wal`` and ``-shm`` are removed first so nothing of the
        old journal can be replayed into the new one.
        """
        with self._lock:
            self.checkpoint()
            self.conn.close()
            self._conn = None
            try:
                for suffix in ("-wal", "-shm"):
                    Path(str(self.path) + suffix).unlink(missing_ok=True)
                os.replace(prepared, self.path)
                _fsync_folder(self.path.parent)
            finally:
                self._conn = open_connection(self.path, passphrase)
            migrations.migrate(self._conn)
            secure_files(self.path)

    def backup_dir(self) -> Path:
        return self.path.parent / BACKUP_FOLDER

    def _stamp(self) -> str:
        return self.clock.now().strftime("%Y%m%d-%H%M%S")


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable: fsync the folder that holds it (a no-op where unsupported)."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    text = str(exc).lower()
    return "database or disk is full" in text or "disk i/o error" in text
