"""Writing full-export files and reading import files.

Every exported file is plaintext, so each one goes through ``export.files.write_private_file``
(atomic, owner-only), which raises ``ExportFailed`` with kind words when the place is unusable.
"""

from __future__ import annotations

from pathlib import Path

from resilience_journal.domain import messages
from resilience_journal.domain.exchange_format import FULL_EXPORT_KIND, ImportRejected
from resilience_journal.domain.supervision import ShareRecord
from resilience_journal.export.files import ExportFailed, failure_message, write_private_file
from resilience_journal.storage.exchange import export_csv, export_json

#: The largest file accepted for import (a ten-year journal exports to well under this).
MAX_IMPORT_BYTES = 256 * 1024 * 1024
#: Written beside the CSV files, because a CSV file has no room for a warning of its own.
CSV_WARNING_FILE = "READ-ME-NOT-ENCRYPTED.txt"


def save_json_export(journal, path: Path) -> Path:
    """Export everything to one JSON file, and note it in the share record."""
    written = write_private_file(Path(path), export_json(journal).encode("utf-8"))
    _record(journal, written.name, "json")
    return written


def save_csv_export(journal, folder: Path) -> list[Path]:
    """Export one CSV file per table into ``folder`` (created if needed), plus the warning."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFailed(failure_message(exc, folder.parent)) from exc
    written = [write_private_file(folder / CSV_WARNING_FILE, (messages.EXPORT_NOT_ENCRYPTED + "\n").encode("utf-8"))]
    for name, text in export_csv(journal).items():
        # UTF-8 with a byte-order mark so spreadsheet programs read accents and symbols right.
        written.append(write_private_file(folder / name, text.encode("utf-8-sig")))
    _record(journal, folder.name, "csv")
    return written


def _record(journal, file_name: str, fmt: str) -> None:
    journal.supervision.record_share(
        ShareRecord(shared_at=journal.clock.now(), kind=FULL_EXPORT_KIND, file_name=file_name, detail={"format": fmt})
    )


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
