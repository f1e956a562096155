"""Saving a chart to a file the user chose: atomically, owner-only, never half-written.

The caller tells the user the file is not encrypted (``messages.CHART_EXPORT_WARNING``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from resilience_journal.export.files import write_private_file

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


def figure_bytes(fig: Figure, fmt: str, *, dpi: float = 150) -> bytes:
    """``fig`` encoded as ``fmt`` ('png', 'svg' or 'pdf'), with no dates or tool names inside."""
    metadata = {
        "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
        "svg": {"Date": None, "Creator": None},
        "png": {"Software": None},
    }[fmt]
    out = io.BytesIO()
    fig.savefig(out, format=fmt, dpi=dpi, facecolor=fig.get_facecolor(), metadata=metadata)
    return out.getvalue()


def export_figure(fig: Figure, path: Path | str, *, dpi: float = 150) -> Path:
    """Write ``fig`` to ``path`` (format from the suffix) through the app's one private, atomic
    file writer; raises ``ExportFailed`` with a kind message if the place cannot take it."""
    path = Path(path)
    return write_private_file(path, figure_bytes(fig, format_for(path), dpi=dpi))
