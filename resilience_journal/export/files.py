"""Writing an exported file: atomically, readable only by its owner, or not at all.

The bytes go to a temporary file beside the destination (created 0600 by ``mkstemp``), are
flushed to the disk, then renamed over the destination in one step.  A crash or a full disk
therefore leaves either the old file or the new one, never half of one, and the temporary file
is removed on every failure.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from resilience_journal.domain import messages

#: Owner read/write only: an export holds plaintext from the journal.
PRIVATE_MODE = 0o600


class ExportFailed(Exception):
    """The file could not be written; ``str(exc)`` is a kind sentence for the user.

    The message names the folder and the reason, never anything from the journal.
    """


def write_private_file(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically with owner-only permissions and return the path.

    Raises ``ExportFailed`` (with nothing left behind) if the folder is missing, not writable,
    read-only or full.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name: str | None = None
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        try:
            os.fchmod(fd, PRIVATE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(folder)
    except OSError as exc:
        raise ExportFailed(failure_message(exc, folder)) from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return path


def failure_message(exc: OSError, folder: Path) -> str:
    """Kind words for why a file could not be written into ``folder``."""
    reasons = {
        errno.EACCES: messages.EXPORT_NO_PERMISSION,
        errno.EPERM: messages.EXPORT_NO_PERMISSION,
        errno.EROFS: messages.EXPORT_READ_ONLY,
        errno.ENOENT: messages.EXPORT_NO_FOLDER,
        errno.ENOTDIR: messages.EXPORT_NO_FOLDER,
        errno.ENOSPC: messages.EXPORT_DISK_FULL,
        errno.EDQUOT: messages.EXPORT_DISK_FULL,
        errno.EISDIR: messages.EXPORT_IS_FOLDER,
    }
    template = reasons.get(exc.errno, messages.EXPORT_FAILED)
    return template.format(folder=folder, reason=exc.strerror or type(exc).__name__)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
