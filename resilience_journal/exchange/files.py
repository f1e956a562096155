"""Writing full-export files and reading import files.

Every exported file is plaintext, so each one goes through ``export.files.write_private_file``
(atomic, owner-only), which raises ``ExportFailed`` with kind words when the place is unusable.
"""

from __future__ import annotations

from pathlib import Path

from resilience_journal.domain import messages
from resilience_journal.domain.exchange_format import FULL_EXPORT_KIND, ImportRejected
from resilience_journal.domain.progress import CancelToken, Progress
from resilience_journal.domain.supervision import ShareRecord
from resilience_journal.export.files import (
    ExportFailed,
    Landing,
    failure_message,
    write_private_file,
    write_private_files,
)
from resilience_journal.storage.exchange import export_csv, export_json

#: The largest file accepted for import (a ten-year journal exports to well under this).
MAX_IMPORT_BYTES = 256 * 1024 * 1024
#: Written beside the CSV files, because a CSV file has no room for a warning of its own.
CSV_WARNING_FILE = "READ-ME-NOT-ENCRYPTED.txt"


def save_json_export(
    journal, path: Path, *, token: CancelToken | None = None, progress: Progress | None = None
) -> Path:
    """Export everything to one JSON file, and note it in the share record.

    ``progress`` hears (rows read, rows in all).  A cancelled ``token`` stops it with ``Cancelled``
    before the file takes its name: nothing is written and nothing is recorded.
    """
    text = export_json(journal, token=token, progress=progress)
    return write_private_file(Path(path), text.encode("utf-8"), token=token, landing=_recorded(journal, "json"))


def save_csv_export(
    journal, folder: Path, *, token: CancelToken | None = None, progress: Progress | None = None
) -> list[Path]:
    """Export one CSV file per table into ``folder`` (created if needed), plus the warning.

    The files are renamed into place together at the end, so a cancel leaves none of them (and
    removes the folder again if this export made it).
    """
    folder = Path(folder)
    made = _missing_folders(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFailed(failure_message(exc, folder.parent)) from exc
    try:
        files = [(folder / CSV_WARNING_FILE, (messages.EXPORT_NOT_ENCRYPTED + "\n").encode("utf-8"))]
        # UTF-8 with a byte-order mark so spreadsheet programs read accents and symbols right.
        for name, text in export_csv(journal, token=token, progress=progress).items():
            files.append((folder / name, text.encode("utf-8-sig")))
        written = write_private_files(files, token=token, landing=_recorded(journal, "csv", folder.name))
    except BaseException:
        for made_folder in made:  # deepest first; only if still empty
            try:
                made_folder.rmdir()
            except OSError:
                break
        raise
    return written


def _missing_folders(folder: Path) -> list[Path]:
    """The folders ``mkdir(parents=True)`` would make for ``folder``, deepest first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _recorded(journal, fmt: str, name: str | None = None) -> Landing:
    """The files and their share record go together: once past the point of no return, locking
    waits for the renames and the record, so a plaintext export never lands unrecorded."""

    def record(paths: list[Path]) -> None:
        journal.supervision.record_share(
            ShareRecord(
                shared_at=journal.clock.now(),
                kind=FULL_EXPORT_KIND,
                file_name=name or paths[0].name,
                detail={"format": fmt},
            )
        )

    return Landing(journal.kept_open, record)


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
