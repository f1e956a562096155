"""Render a ``Document`` as one self-contained HTML file (UTF-8 bytes).

Everything the user wrote is escaped, so text can never become markup.  Charts are embedded as
``data:`` images (SVG where available, else PNG), so the file needs nothing beside it and loads
nothing from the network.  Colours are fixed, printable ones: the file leaves the app's theme.
"""

from __future__ import annotations

import base64
from html import escape

from resilience_journal.domain.document import BulletList, Document, Heading, Image, Paragraph, Table

_STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; color: #222; max-width: 48em;
       margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 1.6em;
       border-bottom: 1px solid #ccc; } h3 { font-size: 1.05em; margin-bottom: 0.3em; }
.muted { color: #555; font-size: 0.9em; } .subtitle { color: #555; margin-top: 0; }
blockquote { margin: 0.3em 0 0.8em 0; padding: 0.2em 0.8em; border-left: 3px solid #9ab; white-space: pre-wrap; }
p { white-space: pre-wrap; } table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #eef2f4; } figure { margin: 1em 0; } img { max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
footer { margin-top: 3em; border-top: 1px solid #ccc; padding-top: 0.5em; color: #555; font-size: 0.9em; }
"""


def render(doc: Document) -> bytes:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">",
        f"<title>{escape(doc.title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(doc.title)}</h1>",
    ]
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{escape(doc.subtitle)}</p>')
    for block in doc.blocks:
        parts.append(block_html(block))
    if doc.footer:
        parts.append(f"<footer>{escape(doc.footer)}</footer>")
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def block_html(block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        label = f"<strong>{escape(block.label)}</strong> " if block.label else ""
        if block.style == "quote":
            return f"{f'<p><strong>{escape(block.label)}</strong></p>' if block.label else ''}<blockquote>{escape(block.text)}</blockquote>"
        cls = ' class="muted"' if block.style == "muted" else ""
        return f"<p{cls}>{label}{escape(block.text)}</p>"
    if isinstance(block, BulletList):
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Table):
        head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
        rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    if isinstance(block, Image):
        if block.svg is not None:
            src = "data:image/svg+xml;base64," + base64.b64encode(block.svg).decode("ascii")
        else:
            src = "data:image/png;base64," + base64.b64encode(block.png).decode("ascii")
        caption = f"<figcaption>{escape(block.caption)}</figcaption>" if block.caption else ""
        width = f"{round(block.width * 100)}%"
        return (
            f'<figure>{caption}<img src="{src}" alt="{escape(block.alt, quote=True)}" style="width:{width}">'
            f'<p class="muted">{escape(block.alt)}</p></figure>'
        )
    raise TypeError(f"unknown block {type(block).__name__}")
