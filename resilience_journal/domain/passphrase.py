"""Passphrase rules: normalisation, the minimum, and an honest strength estimate.

The estimate is deliberately simple and explainable (length and variety, with common choices
marked down); it is feedback to help people choose, not a security guarantee.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from resilience_journal.domain import messages

#: The shortest passphrase accepted for a new journal or a change of passphrase.
MIN_LENGTH = 10

#: Choices that attackers try first; matched after lower-casing and removing spaces and digits.
_COMMON = frozenset(
    {
        "password",
        "passphrase",
        "letmein",
        "qwerty",
        "qwertyuiop",
        "iloveyou",
        "welcome",
        "socialwork",
        "socialworker",
        "resilience",
        "journal",
        "admin",
        "abcdef",
        "abcdefghij",
        "monkey",
        "dragon",
        "football",
        "sunshine",
        "princess",
        "trustno",
    }
)


def normalise(passphrase: str) -> str:
    """NFC form, so the same passphrase typed on another keyboard or system opens the journal."""
    return unicodedata.normalize("NFC", passphrase)


@dataclass(frozen=True)
class Strength:
    """How hard a passphrase would be to guess: a score from 0 (very weak) to 4 (strong)."""

    score: int
    bits: float

    @property
    def words(self) -> str:
        return messages.STRENGTH_WORDS[self.score]


def strength(passphrase: str) -> Strength:
    """Estimate the guessing effort for ``passphrase`` in bits and a 0–4 score."""
    p = normalise(passphrase)
    if not p:
        return Strength(0, 0.0)
    pool = 0
    pool += 26 if any(c.islower() for c in p) else 0
    pool += 26 if any(c.isupper() for c in p) else 0
    pool += 10 if any(c.isdigit() for c in p) else 0
    pool += 33 if any(not c.isalnum() and c.isascii() for c in p) else 0
    pool += 100 if any(not c.isascii() for c in p) else 0
    distinct = len(set(p))
    bits = len(p) * math.log2(max(pool, 2)) * min(1.0, distinct / max(len(p) * 0.5, 1))
    core = "".join(c for c in p.lower() if c.isalpha())
    if core in _COMMON or any(core.startswith(w) and len(core) - len(w) < 4 for w in _COMMON):
        bits = min(bits, 20.0)
    score = 0 if bits < 28 else 1 if bits < 40 else 2 if bits < 60 else 3 if bits < 80 else 4
    return Strength(score, round(bits, 1))


def problems(passphrase: str, repeated: str) -> list[str]:
    """What stops ``passphrase`` being accepted (empty when it is acceptable)."""
    found = []
    if len(normalise(passphrase)) < MIN_LENGTH:
        found.append(messages.PASSPHRASE_TOO_SHORT.format(minimum=MIN_LENGTH))
    if normalise(passphrase) != normalise(repeated):
        found.append(messages.PASSPHRASES_DIFFER)
    return found
