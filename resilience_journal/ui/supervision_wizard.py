"""Prepare a summary: a step-by-step flow from choosing a period to a saved file.

Steps (each reversible with Back, every choice kept): period, entries, charts, agenda,
confidentiality review, preview, export.  The draft lives only in memory until the export;
then the file is written atomically (owner-only) and a share record says exactly what it held.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
)

from resilience_journal.domain import messages
from resilience_journal.domain import progress as work_progress
from resilience_journal.domain.progress import Cancelled, CancelToken
from resilience_journal.domain.summary import SummaryDraft, build_document, default_start, share_items
from resilience_journal.domain.supervision import SUMMARY_SHARE_KIND, ShareRecord
from resilience_journal.export import html as html_export
from resilience_journal.export import markdown as markdown_export
from resilience_journal.export import pdf as pdf_export
from resilience_journal.export.files import ExportFailed, Landing, write_private_file
from resilience_journal.storage import JournalLocked
from resilience_journal.ui.export_preview import ExportPreview
from resilience_journal.ui.export_thread import start_export
from resilience_journal.ui.summary_charts_step import ChartsStep
from resilience_journal.ui.summary_review import ReviewStep
from resilience_journal.ui.summary_steps import AgendaStep, EntriesStep, PeriodStep, Step, nothing_chosen
from resilience_journal.ui.supervision_dialogs import long_date, named
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.work_progress import WorkProgress

#: (key, label, file extension) of each export format.
FORMATS = (("pdf", "PDF", ".pdf"), ("md", "Markdown", ".md"), ("html", "HTML (web page)", ".html"))
SAVING = "Saving the summary…"
SAVE_PROBLEM = "The summary couldn't be saved because of an unexpected problem ({kind}). Nothing was recorded."
#: Shortest password offered for a protected PDF.
MIN_PDF_PASSWORD = 8


class PreviewStep(Step):
    title = "6. Preview"
    intro = "This is exactly what will be written to the file. Go back to change anything."

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.preview = ExportPreview()
        self.column.addWidget(self.preview, 1)

    def first_field(self):
        return self.preview

    def enter(self, draft: SummaryDraft) -> None:
        self.preview.show_document(build_document(draft, prepared_on=self.ctx.clock.now().date()))


def write_summary(
    doc,
    key: str,
    password: str | None,
    path: Path,
    *,
    journal,
    record: ShareRecord,
    token: CancelToken | None = None,
    progress=None,
) -> Path | str | Cancelled:
    """Render ``doc`` in format ``key``, write it and add ``record`` to the share records (runs on
    the worker).

    The path; a kind message if it could not be written; ``Cancelled`` if ``token`` stopped it
    (nothing written: no file, no temporary file, no record).  The file and its record go
    together, even if the journal is locked meanwhile (locking waits for both).  A PDF reports
    (page, pages); Markdown and HTML are quick and report only that they are busy.
    """
    try:
        if key == "pdf":
            data = pdf_export.render(doc, password=password, token=token, progress=progress)
        else:
            work_progress.step(token, progress, 0, None)
            data = markdown_export.render(doc) if key == "md" else html_export.render(doc)

        def recorded(paths: list[Path]) -> None:
            journal.supervision.record_share(dataclasses.replace(record, file_name=paths[0].name))

        # The file and its record go together (locking waits for both, past the point of no return).
        return write_private_file(path, data, token=token, landing=Landing(journal.kept_open, recorded))
    except JournalLocked:
        return Cancelled()  # locked before the file was written: nothing was
    except ExportFailed as exc:
        return str(exc)
    except Cancelled as exc:
        return exc


class ExportStep(Step):
    title = "7. Save"
    intro = "Choose a format and where to save the summary."

    #: The path written, or None if saving failed (after a save was started).
    exported = Signal(object)
    #: True while a file is being written (the wizard keeps itself open meanwhile).
    busy = Signal(bool)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.draft: SummaryDraft | None = None
        self.saved_path: Path | None = None
        self._chosen_in_dialog: Path | None = None

        self.formats = QButtonGroup(self)
        row = QHBoxLayout()
        self.format_buttons: dict[str, QRadioButton] = {}
        for key, label, _ in FORMATS:
            b = named(QRadioButton(label), f"format_{key}", label)
            self.formats.addButton(b)
            self.format_buttons[key] = b
            row.addWidget(b)
            b.toggled.connect(lambda on, k=key: on and self._format_chosen(k))
        row.addStretch(1)
        self.path = named(QLineEdit(), "exportPath", "File to save")
        browse = named(QPushButton("Choose…"), "choosePath", "Choose where to save")
        browse.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.protect = named(
            QCheckBox("Protect the PDF with a password"), "protectPdf", "Protect the PDF with a password"
        )
        self.password = named(QLineEdit(), "pdfPassword", "Password for the PDF")
        self.password_again = named(QLineEdit(), "pdfPasswordAgain", "Password for the PDF, again")
        for field in (self.password, self.password_again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.protect.toggled.connect(self._update_password_fields)
        self.password_hint = QLabel("Tell your supervisor the password in person or by phone, not in the same email.")
        self.password_hint.setProperty("role", "hint")
        self.password_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Format", row)
        save_to = QLabel("&Save to")
        save_to.setBuddy(self.path)
        form.addRow(save_to, path_row)
        form.addRow("", self.protect)
        form.addRow("&Password", self.password)
        form.addRow("&Again", self.password_again)
        form.addRow("", self.password_hint)
        self.form = form
        self.warning = QLabel(messages.EXPORT_NOT_ENCRYPTED)
        self.warning.setObjectName("notEncryptedWarning")
        self.warning.setProperty("role", "message")
        self.warning.setWordWrap(True)
        self.save_button = named(QPushButton("Save summary"), "saveSummary", "Save summary")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.export)
        self.result = FieldMessage("exportResult")
        self.work = WorkProgress("saving", "summary being saved")
        self.work.speak_through(self.result)
        self.column.addLayout(form)
        self.column.addWidget(self.warning)
        self.column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(self.work)
        self.column.addWidget(self.result)
        self.column.addStretch(1)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        today = ctx.clock.now().date()
        self.path.setText(str(Path(folder) / f"supervision-summary-{today.isoformat()}.pdf"))
        self.format_buttons["pdf"].setChecked(True)
        self._update_password_fields()

    def format_key(self) -> str:
        return next(k for k, b in self.format_buttons.items() if b.isChecked())

    def _format_chosen(self, key: str) -> None:
        ext = dict((k, e) for k, _, e in FORMATS)[key]
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(ext)))
        self._update_password_fields()

    def _update_password_fields(self) -> None:
        is_pdf = self.format_key() == "pdf"
        self.protect.setEnabled(is_pdf)
        on = is_pdf and self.protect.isChecked()
        for w in (self.password, self.password_again, self.password_hint):
            self.form.setRowVisible(w, on)
        self.warning.setText(
            "The PDF will open only with its password, but please still keep it somewhere private and "
            "delete it when you no longer need it."
            if on
            else messages.EXPORT_NOT_ENCRYPTED
        )

    def choose_path(self) -> None:
        key = self.format_key()
        label, ext = next((lab, e) for k, lab, e in FORMATS if k == key)
        name, _ = QFileDialog.getSaveFileName(self, "Save summary", self.path.text(), f"{label} (*{ext})")
        if name:
            self.path.setText(name if name.endswith(ext) else name + ext)
            self._chosen_in_dialog = Path(self.path.text())  # the dialog already asked about replacing

    def first_field(self):
        return self.save_button

    def enter(self, draft: SummaryDraft) -> None:
        self.draft = draft
        self.result.show_message(None)

    def export(self) -> bool:
        """Check the choices, then write the file off the GUI thread.

        Returns True if saving started; ``exported`` then reports the path (or None) when done,
        and only a file that was really written gets a share record.
        """
        key = self.format_key()
        target = self.path.text().strip()
        if not target:
            self.result.show_message("Please choose where to save the summary.")
            return False
        password = None
        if key == "pdf" and self.protect.isChecked():
            password = self.password.text()
            if len(password) < MIN_PDF_PASSWORD:
                self.result.show_message(messages.SUMMARY_PASSWORD_TOO_SHORT.format(minimum=MIN_PDF_PASSWORD))
                return False
            if password != self.password_again.text():
                self.result.show_message(messages.SUMMARY_PASSWORDS_DIFFER)
                return False
        path = Path(target).expanduser()
        asked = path in (self.saved_path, self._chosen_in_dialog)
        if path.is_file() and not asked and not self._replace_confirmed(path):
            return False
        # The document and the record are taken now, on the GUI thread: what is written and what
        # is recorded are the same snapshot of the user's choices.
        doc = build_document(self.draft, prepared_on=self.ctx.clock.now().date())
        record = self.record_for(key, protected=password is not None)
        self.saved_path = None
        self.save_button.setEnabled(False)
        self.result.show_message(SAVING)
        self.busy.emit(True)
        token, progress = self.work.start()
        start_export(
            lambda: write_summary(
                doc, key, password, path, journal=self.ctx.journal, record=record, token=token, progress=progress
            ),
            self._written,
            self._write_failed,
        )
        return True

    def _replace_confirmed(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            "Replace the file?",
            f"There is already a file called “{path.name}” there. Replace it with this summary?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _written(self, outcome: Path | str) -> None:
        if not self.is_saving():
            return
        if isinstance(outcome, Path):
            self.saved_path = outcome
            self.result.show_message(messages.SUMMARY_SAVED.format(path=outcome))
            self.ctx.events.changed.emit("supervision")
        elif isinstance(outcome, Cancelled):
            self.result.show_message(messages.SUMMARY_CANCELLED)
        else:
            self.result.show_message(outcome)
        self._finish()

    def _write_failed(self, kind: str) -> None:
        if not self.is_saving():
            return
        self.result.show_message(SAVE_PROBLEM.format(kind=kind))
        self._finish()

    def _finish(self) -> None:
        self.work.stop()
        self.save_button.setEnabled(True)
        self.save_button.setFocus()
        self.busy.emit(False)
        self.exported.emit(self.saved_path)

    def is_saving(self) -> bool:
        return self.work.busy  # from start() until _finish() stops it

    def record_for(self, key: str, *, protected: bool) -> ShareRecord:
        """The share record for exporting the draft now (the file name is filled in once written)."""
        draft = self.draft
        titles = {
            f"reflection:{e.uid}": f"{long_date(e.reflection.local_date)} · {e.reflection.activity_kind}"
            for e in draft.chosen_entries()
        }
        for e in draft.chosen_entries():
            for piece in e.shared_pieces():
                titles[f"reflection_piece:{e.uid}:{piece.key}"] = f"{titles[f'reflection:{e.uid}']} — {piece.label}"
        titles.update({f"chart:{c.key}": c.title for c in draft.charts})
        titles.update({f"action:{a.uid}": a.text for a in draft.actions})
        record = ShareRecord(
            shared_at=self.ctx.clock.now(),
            kind=SUMMARY_SHARE_KIND,
            file_name="",
            items=tuple(share_items(draft)),
            detail={
                "format": key,
                "start": draft.start.isoformat(),
                "end": draft.end.isoformat(),
                "agenda_points": len(draft.agenda),
                "edited_in_review": len(draft.edits),
                "password": protected,
                "titles": titles,
            },
        )
        return record


class SummaryWizard(QDialog):
    """The "Prepare a summary" flow."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("summaryWizard")
        self.setWindowTitle("Prepare a supervision summary")
        self.resize(1000, 680)
        today = ctx.clock.now().date()
        self.draft = SummaryDraft(start=default_start(ctx.journal.supervision.last_session_date(), today), end=today)
        self.steps: list[Step] = [
            PeriodStep(ctx),
            EntriesStep(ctx),
            ChartsStep(ctx),
            AgendaStep(ctx),
            ReviewStep(ctx),
            PreviewStep(ctx),
            ExportStep(ctx),
        ]
        self.step_list = named(QListWidget(), "stepList", "Steps")
        self.step_list.setFixedWidth(230)
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        for step in self.steps:
            self.step_list.addItem(step.title)
            self.stack.addWidget(step)
        self.message = FieldMessage("wizardMessage")
        self.back_button = named(QPushButton("Back"), "back", "Back")
        self.back_button.clicked.connect(self.back)
        self.next_button = named(QPushButton("Next"), "next", "Next")
        self.next_button.setProperty("primary", True)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.close_button = named(QPushButton("Cancel"), "closeWizard", "Cancel")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        body = QHBoxLayout()
        body.addWidget(self.step_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.back)
        QShortcut(QKeySequence("Alt+Right"), self, activated=self.next)
        self.index = 0
        self._advance_when_drawn = False
        self.step(ChartsStep).allDrawn.connect(self._charts_drawn)
        self.step(ExportStep).busy.connect(self._busy)
        self._show(0)

    def _busy(self, on: bool) -> None:
        """While a file is being written, stay on this step and open."""
        self.back_button.setEnabled(not on and self.index > 0)
        self.close_button.setEnabled(not on)

    def reject(self) -> None:
        export = self.step(ExportStep)
        if export.is_saving():
            # Closing now would lose the share record of a file being written: Esc or Close
            # cancels the saving instead, and the wizard stays open to say so.
            export.work.cancel()
            return
        if export.saved_path is None and self.has_choices() and not self._discard_confirmed():
            return
        super().reject()

    def has_choices(self) -> bool:
        """Whether closing would throw away something the user chose or wrote."""
        d = self.draft
        return bool(d.agenda or d.charts or d.edits or d.kept or any(e.ticked for e in d.entries))

    def _discard_confirmed(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Close without saving?",
            "Close without saving the summary? Your choices here will be lost; your journal is not changed.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _charts_drawn(self) -> None:
        if self._advance_when_drawn and isinstance(self.current(), ChartsStep):
            self._advance_when_drawn = False
            self.next()

    def current(self) -> Step:
        return self.steps[self.index]

    def _show(self, index: int) -> None:
        self.index = index
        self._advance_when_drawn = False
        self.message.show_message(None)
        self.steps[index].enter(self.draft)
        self.stack.setCurrentIndex(index)
        self.step_list.setCurrentRow(index)
        self.back_button.setEnabled(index > 0)
        last = index == len(self.steps) - 1
        self.next_button.setVisible(not last)
        self.close_button.setText("Close" if last else "Cancel")
        self.close_button.setAccessibleName(self.close_button.text())
        target = self.steps[index].first_field() or (self.close_button if last else self.next_button)
        target.setFocus()

    def next(self) -> bool:
        """Move on if the current step is happy; otherwise say why and stay."""
        if self.index >= len(self.steps) - 1:
            return False
        problem = self.current().leave(self.draft)
        if problem is None and isinstance(self.current(), AgendaStep):
            problem = nothing_chosen(self.draft)
        if problem:
            self.message.show_message(problem)
            # Charts still being drawn: move on by itself once they are ready.
            self._advance_when_drawn = isinstance(self.current(), ChartsStep) and self.current().is_drawing()
            return False
        self._show(self.index + 1)
        return True

    def back(self) -> bool:
        if self.index == 0:
            return False
        # Keep what was chosen on this step, even if it is not finished yet.
        self.current().leave(self.draft)
        self._show(self.index - 1)
        return True

    def step(self, cls: type[Step]) -> Step:
        return next(s for s in self.steps if isinstance(s, cls))

    def prepared_on(self) -> date:
        return self.ctx.clock.now().date()
