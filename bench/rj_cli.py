"""Our side of the jrnl comparison: one command, one whole process, through our storage core.

    python bench/rj_cli.py JOURNAL add TEXT...
    python bench/rj_cli.py JOURNAL search WORDS...

Opens the encrypted journal (key derivation included), does one thing, closes it — what jrnl
does for every command.  The passphrase comes from ``RJ_BENCH_PASSPHRASE``, as jrnl's comes from
the keyring.  Imports only the storage core, as a command-line tool of ours would.
"""

import os
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resilience_journal.domain.reflection import Reflection  # noqa: E402
from resilience_journal.storage import Journal  # noqa: E402


def main(argv: list[str]) -> int:
    path, command, words = Path(argv[0]), argv[1], " ".join(argv[2:])
    with Journal.open(path, os.environ["RJ_BENCH_PASSPHRASE"]) as journal:
        if command == "add":
            journal.reflections.add(
                Reflection(occurred_at=datetime.now().astimezone(), activity_kind="Other", stress=5, text=words)
            )
        elif command == "search":
            out = sys.stdout
            for r in journal.reflections.search(words):
                out.write(f"[{r.occurred_at:%Y-%m-%d %H:%M}] {r.activity_kind}\n{r.all_text()}\n\n")
        else:
            print(f"unknown command {command}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
