"""Command-line options.  Pure argparse, so ``--version`` and ``--help`` never load Qt."""

from __future__ import annotations

import argparse
from pathlib import Path

from resilience_journal import APP_ID, APP_NAME, __version__

#: The journal's file name inside the data folder.
JOURNAL_FILE = "journal.db"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: a private, encrypted reflective journal for safeguarding practitioners.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="use the journal in DIR instead of the usual place for your user account",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throw-away journal full of made-up sample data (passphrase: demo); "
        "with --data-dir it is written to DIR and kept",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def default_data_dir() -> Path:
    """The per-user data folder: %LOCALAPPDATA%, ~/Library/Application Support, ~/.local/share."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False))
