"""Run with the bench venv's Python: encrypt a plaintext jrnl journal with jrnl's own v3 format.

    python jrnl_encrypt.py PLAINTEXT OUT     (password in RJ_BENCH_JRNL_PASSWORD)

Uses jrnl's encryption class, so the file is exactly what ``jrnl --encrypt`` writes.
"""

import os
import sys
from pathlib import Path

from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption

enc = Jrnlv3Encryption("default", {"encrypt": True})
enc.password = os.environ["RJ_BENCH_JRNL_PASSWORD"]
Path(sys.argv[2]).write_bytes(enc.encrypt(Path(sys.argv[1]).read_text(encoding="utf-8")))
