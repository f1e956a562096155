"""Reading the text back out of an exported PDF (pypdf; no poppler needed)."""

from __future__ import annotations

import io
import re
import unicodedata


def pdf_text(data: bytes, password: str | None = None) -> str:
    """All text of the PDF, with runs of whitespace collapsed to one space (Qt places words apart)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and (password is None or not reader.decrypt(password)):
        raise PermissionError("the PDF needs its password")
    text = " ".join(page.extract_text() for page in reader.pages)
    return normalise(text)


def normalise(text: str) -> str:
    """Whitespace collapsed and compatibility characters (ligatures) unfolded, for comparisons."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def pdf_page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)
