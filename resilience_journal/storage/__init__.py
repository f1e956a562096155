"""Encrypted storage: the only package that speaks SQL.  It returns domain objects, never rows."""

from resilience_journal.storage.errors import (
    BackupInvalid,
    JournalDamaged,
    JournalError,
    JournalExists,
    JournalInUse,
    JournalLocked,
    JournalMissing,
    JournalTooNew,
    StorageFull,
    UnsafeDatabaseLibrary,
    WrongPassphrase,
)
from resilience_journal.storage.journal import Journal

__all__ = [
    "BackupInvalid",
    "Journal",
    "JournalDamaged",
    "JournalError",
    "JournalExists",
    "JournalInUse",
    "JournalLocked",
    "JournalMissing",
    "JournalTooNew",
    "StorageFull",
    "UnsafeDatabaseLibrary",
    "WrongPassphrase",
]
