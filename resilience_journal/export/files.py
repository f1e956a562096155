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
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from resilience_journal.domain import messages
from resilience_journal.domain.progress import CancelToken, no_return

#: Owner read/write only: an export holds plaintext from the journal.
PRIVATE_MODE = 0o600
#: Bytes written between two looks at the cancel token.
WRITE_CHUNK = 1024 * 1024


class ExportFailed(Exception):
    """The file could not be written; ``str(exc)`` is a kind sentence for the user.

    The message names the folder and the reason, never anything from the journal.
    """


def write_private_file(
    path: Path | str, data: bytes, *, token: CancelToken | None = None, landing: Landing | None = None
) -> Path:
    """Write ``data`` to ``path`` atomically with owner-only permissions and return the path.

    Raises ``ExportFailed`` (with nothing left behind) if the folder is missing, not writable,
    read-only or full, and ``Cancelled`` (likewise) if ``token`` is cancelled before the rename.
    """
    return write_private_files([(Path(path), data)], token=token, landing=landing)[0]


#: What must happen together with the files taking their names (see ``write_private_files``).
@dataclass(frozen=True)
class Landing:
    #: Held from the point of no return until ``then`` has run (e.g. ``journal.kept_open``).
    guard: Callable[[], AbstractContextManager]
    #: Run with the written paths once they have their names (e.g. record the share).
    then: Callable[[list[Path]], None]


def write_private_files(
    items: Sequence[tuple[Path, bytes]], *, token: CancelToken | None = None, landing: Landing | None = None
) -> list[Path]:
    """Write several files: every one to a temporary file first, then all renamed into place.

    A cancel (checked between chunks) or a failure before the renames leaves nothing behind: no
    temporary file, and every destination as it was.  ``landing`` ties the renames to something
    else: its guard is held only for the renames and ``then`` (not the slow writing before), so
    whatever the guard holds off waits as briefly as possible.
    """
    temporary: list[tuple[str, Path]] = []
    folder = Path(".")
    try:
        for path, data in items:
            folder = path.parent if str(path.parent) else Path(".")
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
            temporary.append((tmp_name, path))
            _write_all(fd, data, token)
        with landing.guard() if landing is not None else nullcontext():
            no_return(token)
            while temporary:
                tmp_name, path = temporary[0]
                os.replace(tmp_name, path)
                temporary.pop(0)
                folder = path.parent if str(path.parent) else Path(".")
                _fsync_folder(folder)
            if landing is not None:
                landing.then([path for path, _data in items])
    except OSError as exc:
        raise ExportFailed(failure_message(exc, folder)) from exc
    finally:
        for tmp_name, _path in temporary:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
    return [path for path, _data in items]


def _write_all(fd: int, data: bytes, token: CancelToken | None) -> None:
    """Write and flush ``data`` to ``fd`` (then close it), a chunk at a time, checking ``token`` between chunks."""
    try:
        os.fchmod(fd, PRIVATE_MODE)
        view = memoryview(data)
        while view:
            if token is not None:
                token.check()
            written = os.write(fd, view[:WRITE_CHUNK])
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


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
