"""Exporting the self-care plan through the app's export machinery: preview, format, the
not-encrypted warning, then an atomic owner-only file.

The document is built from the plan and the support contacts only (``domain.selfcare.
plan_document``), so nothing else from the journal can reach the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from resilience_journal.domain import messages
from resilience_journal.domain.document import Block, Document, Heading, Paragraph, Table
from resilience_journal.domain.selfcare import PlanDocument
from resilience_journal.export import html, markdown, pdf
from resilience_journal.export.files import ExportFailed, write_private_file
from resilience_journal.ui.context import PageContext
from resilience_journal.ui.export_preview import ExportPreview
from resilience_journal.ui.widgets.field_message import FieldMessage

#: (key, label in the chooser, file-dialog filter, suffix, renderer)
FORMATS = (
    ("pdf", "PDF", "PDF document (*.pdf)", ".pdf", pdf.render),
    ("html", "Web page (HTML)", "Web page (*.html)", ".html", html.render),
    ("md", "Markdown text", "Markdown (*.md)", ".md", markdown.render),
)
DEFAULT_NAME = "my-self-care-plan"


def plan_to_document(plan: PlanDocument) -> Document:
    """The plan in the export machinery's document model."""
    blocks: list[Block] = []
    for heading, paragraphs in plan.sections:
        blocks.append(Heading(heading, 2))
        blocks += [Paragraph(p) for p in paragraphs]
    if plan.contacts:
        blocks.append(Heading("Support contacts", 2))
        blocks.append(Table(("Who", "Phone", "Note"), tuple((n, p or "—", note) for n, p, note in plan.contacts)))
    return Document(title=plan.title, subtitle=plan.subtitle, blocks=tuple(blocks), footer=plan.footer)


def render(doc: Document, fmt: str) -> bytes:
    return next(f[4] for f in FORMATS if f[0] == fmt)(doc)


class PlanExportDialog(QDialog):
    def __init__(self, ctx: PageContext, plan: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document_ = plan_to_document(plan)
        self.written: Path | None = None
        self.setObjectName("planExportDialog")
        self.setWindowTitle("Export my self-care plan")
        self.resize(760, 760)
        self.preview = ExportPreview(self, name="planPreview")
        self.preview.show_document(self.document_)
        warning = QLabel(messages.EXPORT_NOT_ENCRYPTED)
        warning.setObjectName("notEncryptedWarning")
        warning.setProperty("role", "notice")
        warning.setWordWrap(True)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName("File format")
        for key, label, *_rest in FORMATS:
            self.format.addItem(label, key)
        self.save_button = QPushButton("Save as…")
        self.save_button.setObjectName("saveExport")
        self.save_button.setAccessibleName("Choose where to save the plan")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.choose_and_save)
        close = QPushButton("Close")
        close.setObjectName("close")
        close.clicked.connect(self.reject)
        self.message = FieldMessage("exportMessage")
        row = QHBoxLayout()
        row.addWidget(QLabel("Format"))
        row.addWidget(self.format)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("This is exactly what the file will contain:"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(warning)
        layout.addWidget(self.message)
        layout.addLayout(row)

    def choose_and_save(self) -> None:
        key = self.format.currentData()
        _key, _label, file_filter, suffix, _render = next(f for f in FORMATS if f[0] == key)
        start = str(Path.home() / f"{DEFAULT_NAME}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, "Save the plan as", start, file_filter)
        if path:
            self.save_to(Path(path) if Path(path).suffix else Path(path + suffix), key)

    def save_to(self, path: Path, fmt: str) -> bool:
        """Render and write the plan; say where it went or, kindly, why it could not be written."""
        try:
            self.written = write_private_file(path, render(self.document_, fmt))
        except ExportFailed as exc:
            self.message.show_message(str(exc))
            return False
        self.ctx.journal.selfcare.record_export(path.name, fmt)
        self.ctx.events.changed.emit("shares")
        self.message.show_message(messages.EXPORT_SAVED.format(path=path) + " " + messages.EXPORT_NOT_ENCRYPTED)
        return True


def export_plan(ctx: PageContext, plan: PlanDocument, parent=None) -> PlanExportDialog:
    dialog = PlanExportDialog(ctx, plan, parent)
    dialog.open()
    return dialog
