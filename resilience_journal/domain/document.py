"""A small, format-neutral document: what an export says, before it is PDF, HTML or Markdown.

Features build one of these from exactly the pieces the user chose; the preview and every
renderer read the same object, so the preview shows what will be written.  Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Heading:
    text: str
    #: 1 is the document's own title; 2 a section; 3 a sub-section.
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    #: "normal", "muted" (small, grey: dates, notes about the document) or "quote" (the user's words).
    style: Literal["normal", "muted", "quote"] = "normal"
    #: Optional bold lead-in, e.g. a prompt before the answer ("What helped?").
    label: str = ""


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Image:
    """A picture (a chart).  ``png`` is always given; ``svg`` too where the source can draw one."""

    png: bytes
    alt: str
    svg: bytes | None = None
    #: Width on the page as a fraction of the text width (0 < width <= 1).
    width: float = 1.0
    caption: str = ""


Block = Heading | Paragraph | BulletList | Table | Image


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...] = ()
    #: One line printed at the foot of every PDF page and at the end of HTML and Markdown.
    footer: str = ""
    subtitle: str = ""

    def texts(self) -> Iterator[str]:
        """Every piece of text the document carries (for tests and the confidentiality check)."""
        yield self.title
        if self.subtitle:
            yield self.subtitle
        for block in self.blocks:
            if isinstance(block, Heading):
                yield block.text
            elif isinstance(block, Paragraph):
                if block.label:
                    yield block.label
                yield block.text
            elif isinstance(block, BulletList):
                yield from block.items
            elif isinstance(block, Table):
                yield from block.header
                for row in block.rows:
                    yield from row
            elif isinstance(block, Image):
                yield block.alt
                if block.caption:
                    yield block.caption
        if self.footer:
            yield self.footer
