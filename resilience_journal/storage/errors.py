"""Typed errors raised by storage.  They carry facts, never UI wording (see ``domain.messages``)."""

from __future__ import annotations

from pathlib import Path


class JournalError(Exception):
    """Base class for everything storage can refuse to do."""


class WrongPassphrase(JournalError):
    """The passphrase did not decrypt the journal.  The file was not changed."""


class JournalDamaged(JournalError):
    """The file is not a journal, or it is damaged.  Nothing was changed or replaced."""


class JournalMissing(JournalError):
    """There is no journal at the given path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(str(path))


class JournalExists(JournalError):
    """``Journal.create`` was asked to write where a file already is; it refused."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(str(path))


class JournalInUse(JournalError):
    """Another running instance has this journal open."""


class JournalTooNew(JournalError):
    """The journal's schema is newer than this version of the app understands."""


class UnsafeDatabaseLibrary(JournalError):
    """The database library would not encrypt (e.g. plain sqlite3), so nothing was opened."""


class JournalLocked(JournalError):
    """The journal was used after ``close()``."""


class StorageFull(JournalError):
    """The disk (or a file size limit) is full; the write was rolled back."""


class BackupInvalid(JournalError):
    """A backup (or a copy being made) failed its checks: damaged, incomplete or not a journal."""
