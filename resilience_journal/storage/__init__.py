"""Encrypted storage: the only package that speaks SQL.  It returns domain objects, never rows."""

from resilience_journal.storage.errors import (
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
