"""Writing export files and reading import files.

Every exported file is plaintext, so it is written the careful way: a temporary file in the
target folder, owner-only permissions from the start, fsync, then an atomic rename — a crash
leaves either the old file or the complete new one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from resilience_journal.domain import messages
from resilience_journal.domain.exchange_format import ImportRejected
from resilience_journal.storage.exchange import export_csv, export_json

#: The largest file accepted for import (a ten-year journal exports to well under this).
MAX_IMPORT_BYTES = 256 * 1024 * 1024
#: Written beside the CSV files, because a CSV file has no room for a warning of its own.
CSV_WARNING_FILE = "READ-ME-NOT-ENCRYPTED.txt"


def write_private_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically with owner-only (0600) permissions."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if os.name != "nt":
            os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def save_json_export(journal, path: Path) -> Path:
    """Export everything to one JSON file."""
    return write_private_file(Path(path), export_json(journal).encode("utf-8"))


def save_csv_export(journal, folder: Path) -> list[Path]:
    """Export one CSV file per table into ``folder`` (created if needed), plus the warning."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_private_file(folder / CSV_WARNING_FILE, (messages.EXPORT_NOT_ENCRYPTED + "\n").encode("utf-8"))]
    for name, text in export_csv(journal).items():
        # UTF-8 with a byte-order mark so spreadsheet programs read accents and symbols right.
        written.append(write_private_file(folder / name, text.encode("utf-8-sig")))
    return written


def read_import_file(path: Path) -> str:
    """The text of a file to import; refuses files that are too large or not UTF-8."""
    path = Path(path)
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise ImportRejected("", messages.IMPORT_TOO_LARGE)
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise ImportRejected(
            messages.IMPORT_AT_LINE.format(line=line, column=column), messages.IMPORT_NOT_TEXT
        ) from None
