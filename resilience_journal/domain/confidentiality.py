"""The confidentiality check: finds details in free text that could identify a person.

Pure Python, used by the reflection editor on save and by every export before anything leaves
the journal.  It never blocks anything; it points at likely identifying details and offers a
replacement (a label such as "[postcode]", or initials for a name on the user's watch list).

Precision matters more than recall here: a check that flags every time, rating and count
teaches people to ignore it.  So each rule is narrow:

* UK postcodes must have the full outward + inward shape ("SW1A 1AA"), in capitals unless the
  word "postcode" is just before them;
* UK phone numbers start with 0 or +44 and have 10 or 11 digits in all;
* NHS numbers are ten digits (grouped 3-3-4 or together) with a valid modulus-11 check digit;
* National Insurance numbers follow HMRC's letter rules (two letters, six digits, A–D);
* dates count only when a word like "DOB", "born" or "birthday" comes just before them;
* addresses are a house number followed by capitalised words ending in a street word;
* watch-list words are matched as whole words, ignoring case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One likely identifying detail: where it is, what kind it is, and what could replace it."""

    start: int
    end: int
    kind: str
    text: str
    suggestion: str


#: What each kind of finding is called in the user's words (for lists and tooltips).
KIND_LABELS = {
    "postcode": "Postcode",
    "phone": "Phone number",
    "email": "Email address",
    "nhs_number": "NHS number",
    "ni_number": "National Insurance number",
    "date_of_birth": "Date of birth",
    "address": "Street address",
    "watch_word": "Word on your watch list",
}

#: The label offered as a replacement for each kind (watch-list words get initials instead).
REPLACEMENT_LABELS = {
    "postcode": "[postcode]",
    "phone": "[phone number]",
    "email": "[email]",
    "nhs_number": "[NHS number]",
    "ni_number": "[NI number]",
    "date_of_birth": "[date of birth]",
    "address": "[address]",
    "watch_word": "[name]",
}

# --- the rules -------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")

_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])"
    r"(GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?) ?[0-9][ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_POSTCODE_CONTEXT = re.compile(r"post\s?code\W{0,3}$", re.IGNORECASE)

# A run of digits with the separators people use in phone numbers; checked for shape afterwards.
_PHONE = re.compile(
    r"(?<![\w+/:.])(?:\+44\s?(?:\(0\)\s?)?\d{2,5}|\(0\d{1,4}\)|0\d{1,4})(?:[\s-]?\d{2,6}){1,3}(?![\w/:])"
)

_NHS = re.compile(r"(?<![\w/:.])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/:])")

_NI = re.compile(
    r"(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)"
    r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])",
    re.IGNORECASE,
)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_DOB = re.compile(
    r"\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born|birthday|birth\s+date)\b"
    rf"[\s:,-]*(?:(?:on|in|is|was|the)\s+){{0,2}}({_DATE})(?![\w/])",
    re.IGNORECASE,
)

_STREET_WORDS = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Crescent|Terrace|Gardens|Grove|Mews|Place|"
    "Square|Way|Row|Rise|Parade|Walk|Hill|Court|Park"
)
_NAME_WORD = r"[A-Z][a-z'’-]+"
_ADDRESS = re.compile(
    rf"(?<![\w/:.,-])(?:Flat\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+"
    rf"(?:{_NAME_WORD}\s+){{1,3}}(?:{_STREET_WORDS})\b\.?",
)
# Words that make "12 Family Court" or "3 Crown Court" a building rather than a home address.
_NOT_STREET_NAMES = frozenset({"family", "crown", "county", "magistrates", "youth", "high", "tribunal"})

#: Order of precedence when two rules match overlapping text (the first one wins).
_PRIORITY = ("email", "nhs_number", "ni_number", "phone", "postcode", "date_of_birth", "address", "watch_word")


def nhs_number_is_valid(digits: str) -> bool:
    """True when ``digits`` (ten digits) has a correct NHS modulus-11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phone_is_plausible(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if text.startswith("+44"):
        national = digits[2:]
        if national.startswith("0"):  # "+44 (0)20 ..."
            national = national[1:]
        return len(national) in (9, 10) and national[0] in "12378"
    return len(digits) in (10, 11) and digits[0] == "0" and digits[1] in "12378"


def initials(name: str) -> str:
    """ "Jane Smith" -> "J.S."; a single word gives its first letter ("Smith" -> "S.")."""
    letters = [w[0].upper() for w in re.findall(r"\w+", name) if w[0].isalpha()]
    return "".join(f"{c}." for c in letters) or REPLACEMENT_LABELS["watch_word"]


def _candidates(text: str, watch_words: Iterable[str]) -> Iterable[tuple[int, int, str]]:
    for m in _EMAIL.finditer(text):
        yield m.start(), m.end(), "email"
    for m in _NHS.finditer(text):
        if nhs_number_is_valid(m.group(1) + m.group(3) + m.group(4)):
            yield m.start(), m.end(), "nhs_number"
    for m in _NI.finditer(text):
        yield m.start(), m.end(), "ni_number"
    for m in _PHONE.finditer(text):
        found = m.group(0).rstrip()
        if _phone_is_plausible(found):
            yield m.start(), m.start() + len(found), "phone"
    for m in _POSTCODE.finditer(text):
        code = m.group(1)
        if code == code.upper() or _POSTCODE_CONTEXT.search(text[max(0, m.start() - 15) : m.start()]):
            yield m.start(1), m.end(1), "postcode"
    for m in _DOB.finditer(text):
        yield m.start(1), m.end(1), "date_of_birth"
    for m in _ADDRESS.finditer(text):
        words = re.findall(r"[A-Za-z'’-]+", m.group(0))
        if not any(w.lower() in _NOT_STREET_NAMES for w in words):
            yield m.start(), m.end(), "address"
    for word in {w.strip() for w in watch_words if w and w.strip()}:
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, word.split())) + r"(?!\w)", re.IGNORECASE)
        for m in pattern.finditer(text):
            yield m.start(), m.end(), "watch_word"


def find_identifying_details(text: str, watch_words: Iterable[str] = ()) -> list[Finding]:
    """Every likely identifying detail in ``text``, in order, never overlapping.

    ``watch_words`` are the user's own words to look out for (names, places, a school); each is
    matched as a whole word or phrase, ignoring case, and suggested replacement is its initials.
    """
    chosen: list[tuple[int, int, str]] = []
    ranked = sorted(_candidates(text, watch_words), key=lambda c: (_PRIORITY.index(c[2]), c[0] - c[1], c[0]))
    for start, end, kind in ranked:
        if all(end <= s or start >= e for s, e, _k in chosen):
            chosen.append((start, end, kind))
    chosen.sort()
    return [
        Finding(
            start=s,
            end=e,
            kind=k,
            text=text[s:e],
            suggestion=initials(text[s:e]) if k == "watch_word" else REPLACEMENT_LABELS[k],
        )
        for s, e, k in chosen
    ]


def apply_replacements(text: str, replacements: Mapping[tuple[int, int], str]) -> str:
    """Return ``text`` with each ``(start, end)`` span replaced by its new text.

    Spans refer to the original text; they must lie inside it and must not overlap.
    """
    spans = sorted(replacements)
    previous_end = 0
    for start, end in spans:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}..{end} is outside the text")
        if start < previous_end:
            raise ValueError(f"span {start}..{end} overlaps another replacement")
        previous_end = end
    out, cursor = [], 0
    for start, end in spans:
        out.append(text[cursor:start])
        out.append(replacements[(start, end)])
        cursor = end
    out.append(text[cursor:])
    return "".join(out)
