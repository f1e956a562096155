"""Render a ``Document`` as Markdown (UTF-8 bytes).

The user's words are escaped so that a ``*`` or ``#`` they typed stays a character instead of
turning into formatting.  Pictures cannot live inside a Markdown file, so each chart appears as
its written description with a note that the picture is in the PDF and HTML versions.
"""

from __future__ import annotations

import re

from resilience_journal.domain.document import BulletList, Document, Heading, Image, Paragraph, Table

#: Characters that can start formatting anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
#: What turns a whole line into a heading, list item or quote when it comes first.
_LINE_START = re.compile(r"^(\s*)(?:([#+\->=])|(\d+)([.)]))")


def escape(text: str) -> str:
    """Backslash what Markdown could treat as formatting, and nothing else, so it stays readable."""
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(m: re.Match) -> str:
    if m.group(2):  # "# ", "- ", "> " ...
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)  # "1. " -> "1\. "


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
            if block.label and block.style == "quote":
                lines = [f"**{escape(block.label)}**", "", *lines]
            elif block.label:
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
