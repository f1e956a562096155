"""How long backups, restore, export and import take on a ten-year demo journal.

    PYTHONPATH=. python bench/data_safety_bench.py [--days 3650]

A measurement, never a test: numbers depend on the machine.  Every step here runs in the
background in the app; the journal's lock is held for the backup and verification, so these
times are also how long other reads wait meanwhile.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import datetime
from pathlib import Path

from resilience_journal.demo import fill
from resilience_journal.domain.clock import FakeClock
from resilience_journal.exchange.files import read_import_file, save_csv_export, save_json_export
from resilience_journal.storage import Journal
from resilience_journal.storage import backups as bk
from resilience_journal.storage.exchange import import_file_text

PASSPHRASE = "benchmark passphrase"


def step(name: str, fn):
    t = time.perf_counter()
    result = fn()
    print(f"{name:<38} {(time.perf_counter() - t) * 1000:8.0f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=3650)
    args = parser.parse_args()
    clock = FakeClock(datetime(2026, 11, 25, 17, 30))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        j = Journal.create(root / "journal.db", PASSPHRASE, clock=clock)
        step(f"fill {args.days} days of demo data", lambda: fill(j, end=clock.now().date(), days=args.days))
        print(f"{'journal size':<38} {(root / 'journal.db').stat().st_size / 1e6:8.1f} MB")
        info = step("verified backup (copy + checks)", lambda: bk.verified_backup(j, j.backup_dir() / "copy.db"))
        print(f"{'reflections in it':<38} {info.counts['reflection']:8d}")
        step("list backups (1)", lambda: bk.list_backups(j))
        step("export JSON", lambda: save_json_export(j, root / "export.json"))
        print(f"{'export size':<38} {(root / 'export.json').stat().st_size / 1e6:8.1f} MB")
        step("export CSV", lambda: save_csv_export(j, root / "csv"))
        text = read_import_file(root / "export.json")
        step("import into the same journal (no-op)", lambda: import_file_text(j, text))
        other = Journal.create(root / "other" / "journal.db", PASSPHRASE, clock=clock)
        step("import into an empty journal", lambda: import_file_text(other, text))
        other.close()
        step("restore the backup", lambda: bk.restore(j, info.path, PASSPHRASE))
        step("change passphrase", lambda: j.change_passphrase(PASSPHRASE, PASSPHRASE + " 2"))
        j.close()


if __name__ == "__main__":
    main()
