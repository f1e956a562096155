"""Render a ``Document`` as Markdown (UTF-8 bytes).

The user's words are escaped so that a ``*`` or ``#`` they typed stays a character instead of
turning into formatting.  Pictures cannot live inside a Markdown file, so each chart appears as
its written description with a note that the picture is in the PDF and HTML versions.
"""

from __future__ import annotations

import re

from resilience_journal.export.document import BulletList, Document, Heading, Image, Paragraph, Table

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def escape(text: str) -> str:
    """Backslash every character Markdown could treat as formatting."""
    return _SPECIAL.sub(r"\\\1", text)


def _lines(text: str) -> list[str]:
    return [escape(line) for line in text.splitlines()] or [""]


def render(doc: Document) -> bytes:
    out: list[str] = [f"# {escape(doc.title)}", ""]
    if doc.subtitle:
        out += [f"*{escape(doc.subtitle)}*", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += ["#" * min(max(block.level, 1), 6) + " " + escape(block.text), ""]
        elif isinstance(block, Paragraph):
            lines = _lines(block.text)
            if block.label:
                lines[0] = f"**{escape(block.label)}** " + lines[0]
            if block.style == "quote":
                out += ["> " + line if line else ">" for line in lines]
            elif block.style == "muted":
                out += [f"*{line}*" if line else "" for line in lines]
            else:
                # Two trailing spaces keep the user's own line breaks.
                out += [line + "  " for line in lines[:-1]] + lines[-1:]
            out.append("")
        elif isinstance(block, BulletList):
            for item in block.items:
                first, *rest = _lines(item)
                out.append("- " + first)
                out += ["  " + line for line in rest]
            out.append("")
        elif isinstance(block, Table):
            out.append("| " + " | ".join(_cell(c) for c in block.header) + " |")
            out.append("|" + "---|" * len(block.header))
            for row in block.rows:
                out.append("| " + " | ".join(_cell(c) for c in row) + " |")
            out.append("")
        elif isinstance(block, Image):
            if block.caption:
                out += [f"**{escape(block.caption)}**", ""]
            out += [*_lines(block.alt), "", "*(The chart itself is in the PDF and HTML versions.)*", ""]
    if doc.footer:
        out += ["---", "", f"*{escape(doc.footer)}*", ""]
    return "\n".join(out).encode("utf-8")


def _cell(text: str) -> str:
    return " ".join(escape(text).splitlines())
