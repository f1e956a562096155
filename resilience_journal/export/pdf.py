"""Render a ``Document`` as PDF bytes with Qt (QTextDocument laid out on a QPdfWriter).

The same ``text_document`` builder feeds the on-screen preview (``ui/export_preview.py``), so the
preview and the PDF hold the same content.  Pages are cut by hand rather than with
``QTextDocument.print_`` so every page carries the document's footer line and "page N of M".
Colours are fixed (dark ink on white paper) whatever the app's theme.

Optional password protection uses pypdf (AES-256) on the finished bytes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from resilience_journal.domain.document import BulletList, Document, Heading, Image, Paragraph, Table
from resilience_journal.domain.progress import CancelToken, Progress, step

#: The document's own colours: it is printed on paper, not shown in the app's theme.
INK = "#222222"
MUTED = "#555555"
RULE = "#9aabb5"
PAPER = "#ffffff"
FONT_FAMILY = "DejaVu Sans"
BODY_POINTS = 10
#: Page margins in millimetres (left, top, right, bottom); the footer sits inside the bottom one.
MARGINS_MM = (20, 18, 20, 12)
#: Width of the text on an A4 page, in Qt's logical pixels (96 per inch): the preview uses it too.
TEXT_WIDTH_PX = (210 - MARGINS_MM[0] - MARGINS_MM[2]) / 25.4 * 96
#: Device resolution of the PDF.  Text stays vector; this only sets coordinate precision.
RESOLUTION = 300
IMAGE_RESOURCE_SCHEME = "rj-image"


def qt_html(
    doc: Document, image_width_px: float, max_image_height_px: float | None = None, *, footer_in_body: bool = False
) -> tuple[str, list[tuple[str, bytes]]]:
    """The Qt rich-text HTML for ``doc`` and the images it refers to, as (url, png) pairs.

    Sizes are in Qt's logical pixels (96 per inch); Qt scales them to the paint device.
    """
    max_image_height_px = max_image_height_px or image_width_px
    images: list[tuple[str, bytes]] = []
    body = [f"<h1>{escape(doc.title)}</h1>"]
    if doc.subtitle:
        body.append(f'<p style="color:{MUTED}">{escape(doc.subtitle)}</p>')
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            body.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            text = _lines(block.text)
            label = (
                f"<b>{escape(block.label)}</b><br>"
                if block.label and block.style == "quote"
                else (f"<b>{escape(block.label)}</b> " if block.label else "")
            )
            if block.style == "quote":
                body.append(
                    f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom:6px"><tr>'
                    f'<td width="4" style="background-color:{RULE}"></td><td width="10"></td>'
                    f"<td>{label}{text}</td></tr></table>"
                )
            elif block.style == "muted":
                body.append(f'<p style="color:{MUTED}; font-size:{BODY_POINTS - 1}pt">{label}{text}</p>')
            else:
                body.append(f"<p>{label}{text}</p>")
        elif isinstance(block, BulletList):
            body.append("<ul>" + "".join(f"<li>{_lines(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            head = "".join(f'<th align="left" style="background-color:#eef2f4">{escape(h)}</th>' for h in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{_lines(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            body.append(
                f'<table border="1" cellspacing="0" cellpadding="4" width="100%" style="border-color:#bbbbbb; border-style:solid; '
                f'border-collapse:collapse">'
                f"<thead><tr>{head}</tr></thead>{rows}</table>"
            )
        elif isinstance(block, Image):
            url = f"{IMAGE_RESOURCE_SCHEME}:{len(images)}"
            images.append((url, block.png))
            caption = f"<p><b>{escape(block.caption)}</b></p>" if block.caption else ""
            width, height = _fit(block.png, image_width_px * min(max(block.width, 0.1), 1.0), max_image_height_px)
            body.append(
                f'{caption}<p><img src="{url}" width="{width}" height="{height}" alt="{escape(block.alt, quote=True)}"></p>'
                f'<p style="color:{MUTED}; font-size:{BODY_POINTS - 1}pt">{_lines(block.alt)}</p>'
            )
    if footer_in_body and doc.footer:
        body.append(f'<hr><p style="color:{MUTED}; font-size:{BODY_POINTS - 1}pt">{escape(doc.footer)}</p>')
    html = (
        f"<html><body style=\"color:{INK}; font-family:'{FONT_FAMILY}'; font-size:{BODY_POINTS}pt\">"
        + "\n".join(body)
        + "</body></html>"
    )
    return html, images


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, read from its header (no decoding)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        raise ValueError("not a PNG image")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _fit(png: bytes, max_width: float, max_height: float) -> tuple[int, int]:
    """The largest size with the picture's proportions inside ``max_width`` x ``max_height``."""
    w, h = png_size(png)
    scale = min(max_width / max(w, 1), max_height / max(h, 1))
    return max(1, int(w * scale)), max(1, int(h * scale))


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def text_document(
    doc: Document,
    image_width_px: float,
    paint_device=None,
    max_image_height_px: float | None = None,
    *,
    footer_in_body: bool = False,
) -> QTextDocument:
    """A QTextDocument holding ``doc``: used for the PDF and, unchanged, for the preview.

    ``image_width_px`` is the text width in logical pixels (96 per inch).  The PDF prints the
    footer on every page; the preview (``footer_in_body``) shows it once, at the end.
    """
    qdoc = QTextDocument()
    if paint_device is not None:
        qdoc.documentLayout().setPaintDevice(paint_device)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(BODY_POINTS)
    # No "fi"/"fl" ligatures: copied or extracted text should read as the letters typed.
    font.setFeature(QFont.Tag("liga"), 0)
    qdoc.setDefaultFont(font)
    qdoc.setDocumentMargin(0)
    qdoc.setDefaultStyleSheet(
        f"h1 {{ font-size: 18pt; }} h2 {{ font-size: 13.5pt; color: #1f4f66; }} h3 {{ font-size: 11pt; }}"
        f" th {{ color: {INK}; }}"
    )
    html, images = qt_html(doc, image_width_px, max_image_height_px, footer_in_body=footer_in_body)
    for url, png in images:
        image = QImage.fromData(QByteArray(png), "PNG")
        qdoc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url), image)
    qdoc.setHtml(html)
    return qdoc


def _has_image(block: QTextBlock) -> bool:
    it = block.begin()
    while not it.atEnd():
        if it.fragment().charFormat().isImageFormat():
            return True
        it += 1
    return False


def _groups(qdoc: QTextDocument) -> list[tuple[QTextBlock, QTextBlock]]:
    """Runs of blocks that should share a page: a heading and what follows it; a chart's title,
    picture and description.  Overlapping runs merge (a section heading followed by a chart)."""
    blocks = []
    block = qdoc.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    spans: list[list[int]] = []
    for i, b in enumerate(blocks):
        if _has_image(b):
            start = i - 1 if i > 0 and not _has_image(blocks[i - 1]) else i  # the caption above it
            spans.append([start, min(i + 1, len(blocks) - 1)])
        elif b.blockFormat().headingLevel() > 0 and i + 1 < len(blocks):
            spans.append([i, i + 1])
    spans.sort()
    merged: list[list[int]] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    return [(blocks[a], blocks[b]) for a, b in merged]


def keep_together(qdoc: QTextDocument, page_height: float) -> None:
    """Move each group that would straddle a page break to the next page (if it fits on one page).

    Qt's layout has no "keep with next", so this adds page breaks before such groups.  One pass
    predicts where everything lands after the breaks above it (a break pushes what follows down
    by the rest of the page); the document is then laid out once and checked again, because
    Qt's own line pushing can shift things a little.  A few passes settle it.
    """
    layout = qdoc.documentLayout()
    for _ in range(8):
        shift = 0.0
        breaks = []
        for start, end in _groups(qdoc):
            top = layout.blockBoundingRect(start).top() + shift
            bottom = layout.blockBoundingRect(end).bottom() + shift
            if bottom - top >= page_height * 0.95:
                continue
            if int(top // page_height) != int((bottom - 1) // page_height):
                if start.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                    continue
                breaks.append(start)
                shift += (int(top // page_height) + 1) * page_height - top
        if not breaks:
            return
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        for start in breaks:
            QTextCursor(start).mergeBlockFormat(fmt)
        _relayout(qdoc)


def _relayout(qdoc: QTextDocument) -> None:
    """Lay the whole document out again.

    After a format change Qt lays out the blocks below it lazily (they read as zero height), so
    positions and the page count would be wrong until drawing; changing the page size forces a
    complete layout.
    """
    size = qdoc.pageSize()
    qdoc.setPageSize(QSizeF(size.width(), size.height() + 1))
    qdoc.setPageSize(size)


def render(
    doc: Document,
    *,
    password: str | None = None,
    token: CancelToken | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The PDF of ``doc`` as bytes, A4, with the footer on every page; encrypted if ``password``.

    ``progress`` hears (pages drawn, pages in all) once the pages are known; ``token`` stops the
    drawing between pages with ``Cancelled`` (the half-drawn PDF only ever lived in memory).
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(doc.title)
    writer.setCreator("Resilience Journal")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(*MARGINS_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    width, height = float(area.width()), float(area.height())
    footer_font = QFont(FONT_FAMILY)
    footer_font.setPointSizeF(BODY_POINTS - 2)
    footer_font.setFeature(QFont.Tag("liga"), 0)
    footer_height = RESOLUTION * 0.35  # about 9 mm: a gap and one line of small text
    page_height = height - footer_height

    logical = 96 / RESOLUTION  # device pixels -> Qt's logical pixels
    qdoc = text_document(doc, width * logical, writer, page_height * logical * 0.45)
    qdoc.setPageSize(QSizeF(width, page_height))
    keep_together(qdoc, page_height)
    pages = max(1, qdoc.pageCount())

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    painter = QPainter(writer)
    try:
        for index in range(pages):
            step(token, progress, index, pages)
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page_height)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.palette = palette
            ctx.clip = QRectF(0, index * page_height, width, page_height)
            painter.setClipRect(ctx.clip)
            qdoc.documentLayout().draw(painter, ctx)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(MUTED))
            foot = QRectF(0, page_height, width, footer_height)
            painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, doc.footer)
            painter.drawText(
                foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"Page {index + 1} of {pages}"
            )
    finally:
        painter.end()
    step(token, progress, pages, pages)
    data = bytes(buffer.data())
    buffer.close()
    if password:
        data = protect(data, password)
    return data


def protect(pdf: bytes, password: str) -> bytes:
    """Encrypt ``pdf`` with AES-256 so it opens only with ``password`` (pypdf + cryptography)."""
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(BytesIO(pdf))
    out = PdfWriter(clone_from=reader)
    out.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    stream = BytesIO()
    out.write(stream)
    return stream.getvalue()
