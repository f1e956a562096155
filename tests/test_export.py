"""The shared export machinery: the document model, its three renderers, and the atomic file write."""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

import pytest
from pdf_text import normalise, pdf_page_count, pdf_text

from resilience_journal.domain.document import BulletList, Document, Heading, Image, Paragraph, Table
from resilience_journal.export import files, html, markdown, pdf
from resilience_journal.export.files import ExportFailed, write_private_file

FOOTER = "Personal reflective summary — not a case record"


def _png() -> bytes:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4, 2))
    fig.add_subplot().plot([0, 1, 2], [2, 0, 1])
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=80)
    return out.getvalue()


def sample(paragraphs: int = 1) -> Document:
    return Document(
        title="Supervision summary",
        subtitle="1 October to 25 November 2026",
        blocks=(
            Heading("Entries"),
            Paragraph("Home visit, stress 7", label="Tuesday 3 November"),
            Paragraph("I felt <b>anxious</b> & *tired*\nbut steady", style="quote", label="What went well?"),
            BulletList(("Ask about caseload weighting", "# not a heading")),
            Table(("Kind of work", "Entries"), (("Home visit", "3"), ("Court | hearing", "1"))),
            Image(_png(), alt="Stress by week: rising from 4 to 6.", caption="Stress by week"),
            *[Paragraph(f"Filler paragraph {i}. " * 20) for i in range(paragraphs)],
        ),
        footer=FOOTER,
    )


def test_markdown_holds_every_piece_and_escapes_formatting():
    text = markdown.render(sample()).decode("utf-8")
    assert "\\<b\\>anxious\\</b\\> & \\*tired\\*" in text  # the user's symbols stay symbols
    assert "- \\# not a heading" in text
    assert "Court \\| hearing" in text  # a pipe cannot break the table
    assert "Stress by week: rising from 4 to 6." in text  # ordinary punctuation stays readable
    assert markdown.escape("1. not a list") == "1\\. not a list"
    assert markdown.escape("(see notes) - fine") == "(see notes) - fine"
    assert text.rstrip().endswith(f"*{markdown.escape(FOOTER)}*")


def test_html_escapes_everything_and_embeds_charts():
    page = html.render(sample()).decode("utf-8")
    assert "&lt;b&gt;anxious&lt;/b&gt; &amp; *tired*" in page
    assert "<b>anxious" not in page
    assert page.count("data:image/png;base64,") == 1
    assert FOOTER in page
    assert "http" not in page.lower().replace("http-equiv", "")  # nothing is fetched from anywhere


def test_pdf_text_contains_every_piece_and_a_footer_on_every_page(qapp):
    data = pdf.render(sample(paragraphs=40))
    assert data.startswith(b"%PDF")
    pages = pdf_page_count(data)
    assert pages >= 2
    text = pdf_text(data)
    for piece in (
        "Supervision summary",
        "Tuesday 3 November",
        "I felt <b>anxious</b> & *tired*",
        "but steady",
        "Ask about caseload weighting",
        "Court | hearing",
        "Stress by week: rising from 4 to 6.",
    ):
        assert normalise(piece) in text
    assert text.count(normalise(FOOTER)) == pages
    assert f"Page {pages} of {pages}" in text


def test_a_chart_never_parts_from_its_title_and_the_last_words_are_printed(qapp):
    from pypdf import PdfReader

    charts = tuple(
        block
        for i in range(4)
        for block in (Image(_png(), alt=f"Description {i} of the chart.", caption=f"Chart title {i}"),)
    )
    doc = Document(
        title="Long summary",
        blocks=(*[Paragraph(f"Filler paragraph {i}. " * 25) for i in range(9)], Heading("Charts"), *charts),
        footer=FOOTER,
    )
    reader = PdfReader(io.BytesIO(pdf.render(doc)))
    pages = [normalise(p.extract_text()) for p in reader.pages]
    for i in range(4):
        holding = [n for n, text in enumerate(pages) if f"Chart title {i}" in text]
        assert len(holding) == 1 and f"Description {i} of the chart." in pages[holding[0]]
    assert any(text.startswith("Charts") or " Charts " in text for text in pages)
    assert "Description 3 of the chart." in pages[-1]


def test_pdf_with_password_cannot_be_read_without_it(qapp):
    data = pdf.render(sample(), password="tea and biscuits")
    with pytest.raises(PermissionError):
        pdf_text(data)
    assert "Tuesday 3 November" in pdf_text(data, password="tea and biscuits")


def test_write_is_owner_only_and_replaces_atomically(tmp_path: Path):
    target = tmp_path / "summary.md"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    out = write_private_file(target, b"new contents")
    assert out == target
    assert target.read_bytes() == b"new contents"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.md"]  # no temporary file left


def _unwritable_folder(tmp_path: Path) -> Path:
    """A real folder this process cannot create files in (root ignores chmod, but not sysfs)."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def test_unwritable_folder_fails_kindly_and_leaves_nothing(tmp_path: Path):
    folder = _unwritable_folder(tmp_path)
    before = set(os.listdir(folder))
    with pytest.raises(ExportFailed) as caught:
        write_private_file(folder / "summary.pdf", b"%PDF-1.4 secret words")
    message = str(caught.value)
    assert "isn't allowed to write there" in message and "Nothing was written" in message
    assert "secret" not in message
    assert set(os.listdir(folder)) == before


def test_missing_folder_fails_kindly(tmp_path: Path):
    with pytest.raises(ExportFailed, match="can't be found"):
        write_private_file(tmp_path / "gone" / "summary.pdf", b"data")
    assert not (tmp_path / "gone").exists()


def test_failure_half_way_keeps_the_old_file_and_removes_the_temporary_one(tmp_path: Path, monkeypatch):
    target = tmp_path / "summary.html"
    target.write_bytes(b"previous export")
    real_write = os.write

    def write_then_fill_disk(fd, data):
        real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "write", write_then_fill_disk)
    with pytest.raises(ExportFailed, match="isn't enough space"):
        write_private_file(target, b"x" * 10_000)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.html"]


def test_a_folder_name_is_not_overwritten(tmp_path: Path):
    (tmp_path / "summary.pdf").mkdir()
    with pytest.raises(ExportFailed, match="belongs to a folder"):
        write_private_file(tmp_path / "summary.pdf", b"data")
    assert (tmp_path / "summary.pdf").is_dir()


def test_preview_shows_the_same_text_as_the_pdf(qtbot):
    from resilience_journal.ui.export_preview import ExportPreview

    preview = ExportPreview()
    qtbot.addWidget(preview)
    doc = sample()
    preview.show_document(doc)
    shown = normalise(preview.plain_text())
    for piece in doc.texts():
        assert normalise(piece) in shown


def test_export_thread_delivers_on_the_gui_thread_and_survives_a_deleted_receiver(qtbot):
    import threading

    from PySide6.QtWidgets import QWidget

    from resilience_journal.ui.export_thread import start_export

    class Receiver(QWidget):
        def __init__(self):
            super().__init__()
            self.got = []

        def done(self, value):
            self.got.append((value, threading.current_thread() is threading.main_thread()))

        def failed(self, kind):
            self.got.append((kind, None))

    r = Receiver()
    qtbot.addWidget(r)
    start_export(lambda: 42, r.done, r.failed)
    qtbot.waitUntil(lambda: r.got == [(42, True)])
    start_export(lambda: 1 / 0, r.done, r.failed)
    qtbot.waitUntil(lambda: len(r.got) == 2)
    assert r.got[1] == ("ZeroDivisionError", None)  # the type only: a message could quote journal words

    gone = Receiver()
    release, finished = threading.Event(), threading.Event()

    def slow_job():
        release.wait(5)
        finished.set()
        return 7

    start_export(slow_job, gone.done, gone.failed)
    gone.deleteLater()
    qtbot.waitUntil(lambda: not _alive(gone))
    release.set()  # the receiver is gone: the result must go nowhere, quietly
    qtbot.waitUntil(finished.is_set)
    qtbot.wait(50)


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
