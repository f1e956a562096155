"""Shows a ``Document`` exactly as it will be written: the PDF's own text layout, on paper colours.

The preview is built by the same function that lays out the PDF (``export.pdf.text_document``)
at the PDF's text width, so what the user checks here is what leaves the app.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextBrowser

from resilience_journal.domain.document import Document
from resilience_journal.export import pdf


class ExportPreview(QTextBrowser):
    """A read-only page showing the document that will be exported."""

    def __init__(self, parent=None, name: str = "exportPreview") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName("Preview of the file that will be written")
        self.setOpenLinks(False)
        self.setReadOnly(True)
        # The preview shows paper, not the app's theme: dark ink on white, as printed.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(pdf.PAPER))
        palette.setColor(QPalette.ColorRole.Text, QColor(pdf.INK))
        self.setPalette(palette)
        self.setStyleSheet(f"QTextBrowser {{ background: {pdf.PAPER}; color: {pdf.INK}; }}")
        self.document_: Document | None = None

    def show_document(self, doc: Document) -> None:
        self.document_ = doc
        qdoc = pdf.text_document(
            doc, pdf.TEXT_WIDTH_PX, max_image_height_px=pdf.TEXT_WIDTH_PX * 0.6, footer_in_body=True
        )
        qdoc.setParent(self)
        qdoc.setDocumentMargin(24)
        previous = self.document()
        self.setDocument(qdoc)
        # The last preview's copy of the user's words goes too (Qt deletes its own first document).
        if previous is not None and shiboken6.isValid(previous) and previous.parent() is self:
            previous.deleteLater()

    def plain_text(self) -> str:
        """What the preview shows, as text (for tests and screen readers)."""
        return self.document().toPlainText()
