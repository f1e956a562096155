"""Constants and helpers shared by the tests (import as ``from support import ...``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

#: Passphrase used by test journals: long enough to pass the minimum.
PASSPHRASE = "correct horse battery staple"
#: A fixed "now" for every test: Wednesday 25 November 2026, 17:30 local time.
NOW = datetime(2026, 11, 25, 17, 30)


def journal_files(path: Path) -> list[Path]:
    """The journal's files that exist on disk: main, -wal, -shm."""
    return [p for p in (Path(str(path) + s) for s in ("", "-wal", "-shm")) if p.exists()]


def file_bytes(path: Path) -> bytes:
    """All bytes of a journal's files on disk, for plaintext checks."""
    return b"".join(p.read_bytes() for p in journal_files(path))


def save_png(widget, name: str) -> Path:
    """Save a screenshot of ``widget`` when RJ_SCREENSHOTS names a folder (for looking at pages)."""
    import os

    folder = os.environ.get("RJ_SCREENSHOTS")
    if not folder:
        return Path()
    out = Path(folder) / f"{name}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(out))
    return out
