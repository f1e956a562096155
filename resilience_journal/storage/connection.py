"""Opening an SQLCipher connection, and proving it really is encrypted before trusting it.

Encryption settings (documented here, as the on-disk format):

* SQLCipher 4 defaults: AES-256 in CBC mode, a per-page HMAC-SHA512, PBKDF2-HMAC-SHA512 with
  256,000 iterations, 4,096-byte pages, a random 16-byte salt at the start of the file.
  Nothing in the file is plaintext: not even the "SQLite format 3" header.
* The passphrase is normalised to NFC and handed to the connection's key API; it is never
  written anywhere, nor built into a PRAGMA string.
* ``journal_mode=WAL`` with ``synchronous=FULL``: a save is on disk when the commit returns.
* ``secure_delete=ON`` (deleted text is overwritten), ``temp_store=MEMORY`` (sorts and temporary
  tables never reach temp files, which would be plaintext), ``cipher_log_level=NONE`` (no
  messages on stderr on a wrong passphrase).
* Journal files are created 0600 inside a 0700 folder.

A wrong key is only noticed at the first read, as "file is not a database", the same error as a
damaged file.  ``open_connection`` tells the two apart by what else it knows about the file and
never answers either by creating or replacing anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3

from resilience_journal.domain.passphrase import normalise
from resilience_journal.domain.progress import Cancelled, CancelToken
from resilience_journal.storage.errors import (
    JournalDamaged,
    JournalExists,
    JournalMissing,
    UnsafeDatabaseLibrary,
    WrongPassphrase,
)

#: What an unencrypted SQLite file starts with.  A journal must never start with it.
PLAINTEXT_HEADER = b"SQLite format 3\x00"
#: SQLCipher 4's page size; an intact encrypted file is a whole number of pages.
PAGE_SIZE = 4096
#: PRAGMAs every journal connection runs with, and what each must read back as.
REQUIRED_PRAGMAS = {"secure_delete": ("ON", 1), "temp_store": ("MEMORY", 2), "synchronous": ("FULL", 2)}

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError
OperationalError = sqlcipher3.OperationalError
IntegrityError = sqlcipher3.IntegrityError
#: How many SQLite virtual-machine steps run between two looks at a cancel token.
INTERRUPT_EVERY = 10_000


def secure_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) if needed and make it owner-only (0700)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "nt":
        os.chmod(folder, 0o700)


def secure_files(path: Path) -> None:
    """Owner-only permissions (0600) on the journal and the files SQLite keeps beside it."""
    if os.name == "nt":  # pragma: no cover - NTFS permissions follow the user profile
        return
    for suffix in ("", "-wal", "-shm"):
        p = path.with_name(path.name + suffix)
        if p.exists():
            os.chmod(p, 0o600)


def _raw_connect(path: Path, passphrase: str) -> Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(normalise(passphrase))
    return conn


def _classify_unreadable(path: Path) -> Exception:
    """Decide whether a file that would not decrypt had the wrong key or is not a journal."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(len(PLAINTEXT_HEADER))
    if head == PLAINTEXT_HEADER or size < PAGE_SIZE or size % PAGE_SIZE != 0:
        return JournalDamaged(str(path))
    return WrongPassphrase()


def _configure(conn: Connection, path: Path) -> None:
    """Apply and verify the security settings; refuse a library that would not encrypt."""
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise UnsafeDatabaseLibrary("PRAGMA cipher_version did not answer")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise UnsafeDatabaseLibrary(f"journal_mode is {mode}")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    for name, (_word, number) in REQUIRED_PRAGMAS.items():
        got = conn.execute(f"PRAGMA {name}").fetchone()[0]
        if got != number:
            raise UnsafeDatabaseLibrary(f"PRAGMA {name} reads back as {got}")


def verify_encrypted_file(path: Path) -> None:
    """Refuse to go on if the file on disk is plaintext SQLite."""
    with open(path, "rb") as f:
        if f.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER:
            raise UnsafeDatabaseLibrary("the journal file is not encrypted")


def create_connection(path: Path, passphrase: str) -> Connection:
    """Create a new, empty encrypted database at ``path`` (which must not exist)."""
    secure_folder(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise JournalExists(path) from None
    os.close(fd)
    try:
        conn = _raw_connect(path, passphrase)
        _configure(conn, path)
        # Writing the first page makes SQLCipher lay down the salt, so the check below is real.
        conn.execute("PRAGMA user_version = 0")
        conn.execute("CREATE TABLE _probe(x)")
        conn.execute("DROP TABLE _probe")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        verify_encrypted_file(path)
        secure_files(path)
        return conn
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise


def open_connection(path: Path, passphrase: str) -> Connection:
    """Open an existing journal, raising ``WrongPassphrase``, ``JournalDamaged`` or ``JournalMissing``.

    Nothing is written to the file until the key has been proven right, so a wrong passphrase
    leaves it byte-identical.
    """
    if not path.is_file():
        raise JournalMissing(path)
    if path.stat().st_size == 0:
        # SQLite would happily treat an empty file as a new database and we would silently turn
        # it into a fresh journal with whatever passphrase was typed; it is not a journal.
        raise JournalDamaged(str(path))
    verify_readable = _raw_connect(path, passphrase)
    try:
        verify_readable.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError:
        verify_readable.close()
        raise _classify_unreadable(path) from None
    try:
        verify_encrypted_file(path)
        _configure(verify_readable, path)
    except BaseException:
        verify_readable.close()
        raise
    secure_files(path)
    return verify_readable


@contextmanager
def interruptible(conn: Connection, token: CancelToken | None) -> Iterator[None]:
    """Let one long statement (VACUUM INTO, an integrity check) stop part-way when ``token`` is cancelled.

    SQLite calls the handler every ``INTERRUPT_EVERY`` steps; once the token is cancelled the
    statement is abandoned (SQLite undoes it) and the interruption comes out as ``Cancelled``.
    """
    if token is None:
        yield
        return
    conn.set_progress_handler(lambda: 1 if token.cancelled else 0, INTERRUPT_EVERY)
    try:
        yield
    except DatabaseError:
        if token.cancelled:
            raise Cancelled() from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
