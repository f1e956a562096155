"""What every page in the main window has in common."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from resilience_journal.ui.context import PageContext


class Page(QWidget):
    """A page of the main window.

    Subclasses set ``title`` and build their widgets in ``__init__``; ``refresh()`` reloads
    journal data and is called when the page is shown after something changed.
    """

    title = ""

    def __init__(self, ctx: PageContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 18, 24, 18)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        self.layout_.addWidget(heading)

    def refresh(self) -> None:
        """Reload whatever this page shows from the journal."""
