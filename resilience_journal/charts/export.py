"""Saving a chart to a file the user chose: atomically, owner-only, never half-written.

The caller tells the user the file is not encrypted (``messages.CHART_EXPORT_WARNING``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: File formats a chart can be saved in: suffix -> matplotlib format name.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def format_for(path: Path) -> str:
    """The format for ``path``'s suffix; ValueError for anything else."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"unsupported chart format {path.suffix!r}") from None


def export_figure(fig: Figure, path: Path | str, *, dpi: float = 150) -> Path:
    """Write ``fig`` to ``path`` (format from the suffix) via a temporary file, fsync, 0600, rename."""
    path = Path(path)
    fmt = format_for(path)
    fd, tmp_name = tempfile.mkstemp(prefix=".chart-", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as f:
            # No creation dates or tool names in the file's metadata: only the chart.
            metadata = {"Creator": None, "Producer": None, "CreationDate": None} if fmt == "pdf" else None
            if fmt == "svg":
                metadata = {"Date": None, "Creator": None}
            if fmt == "png":
                metadata = {"Software": None}
            fig.savefig(f, format=fmt, dpi=dpi, facecolor=fig.get_facecolor(), metadata=metadata)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
