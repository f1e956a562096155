"""Step 3 of "Prepare a summary": pick charts from Trends, drawn for the summary's period.

Charts are drawn off the GUI thread (matplotlib can take a second or two per chart on a slow
machine); each one is drawn once per period and kept.  Moving on waits for the ticked charts.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from resilience_journal.domain.summary import ChartChoice, SummaryDraft
from resilience_journal.ui import summary_charts
from resilience_journal.ui.background import BackgroundWorker
from resilience_journal.ui.summary_steps import Step
from resilience_journal.ui.supervision_dialogs import named

ROLE = Qt.ItemDataRole.UserRole
DRAWING = "Drawing the chart…"
STILL_DRAWING = "Still drawing {count} chart{s} you chose — the next step opens as soon as they are ready."
DRAW_FAILED = "This chart could not be drawn. You can carry on without it."


class ChartsStep(Step):
    title = "3. Charts"
    intro = "Add charts from Trends, drawn for the summary’s period. Each comes with a short written description."

    #: Emitted when no chart is being drawn any more.
    allDrawn = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.specs = summary_charts.chart_specs()
        self.cache: dict[tuple, ChartChoice] = {}
        self.failed: set[tuple] = set()
        self.pending: dict[int, tuple] = {}
        self._next_tag = 0
        self._data = None
        self._period: tuple[date, date] | None = None
        self._worker = BackgroundWorker(self, name="summary-charts")
        self._worker.produced.connect(self._drawn)
        self._worker.failed.connect(self._draw_failed)
        self.list = named(QListWidget(), "chartList", "Charts; tick to include")
        for spec in self.specs:
            item = QListWidgetItem(spec.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(ROLE, spec.key)
            self.list.addItem(item)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemChanged.connect(self._ticked)
        self.picture = QLabel()
        self.picture.setObjectName("chartPicture")
        self.picture.setMinimumSize(240, 160)
        self._pixmap: QPixmap | None = None
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.description = QLabel()
        self.description.setObjectName("chartDescription")
        self.description.setWordWrap(True)
        right = self.right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.addWidget(self.picture)
        rbox.addWidget(self.description)
        rbox.addStretch(1)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 680])
        split.splitterMoved.connect(lambda *_: self._fit_picture())
        self.column.addWidget(split, 1)

    # --- the period's data and drawings -------------------------------------------------------

    def first_field(self) -> QWidget | None:
        return self.list

    def enter(self, draft: SummaryDraft) -> None:
        if self._period != (draft.start, draft.end):
            self._period = (draft.start, draft.end)
            # One set of index-only queries; quick, and the worker then only draws.
            self._data = summary_charts.load_data(self.ctx.journal, *self._period)
        chosen = {c.key for c in draft.charts}
        self.list.blockSignals(True)
        for i, spec in enumerate(self.specs):
            item = self.list.item(i)
            usable = summary_charts.has_data(spec, self._data)
            item.setText(spec.title if usable else f"{spec.title} (nothing recorded in this period)")
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if usable else flags & ~Qt.ItemFlag.ItemIsEnabled)
            on = usable and spec.key in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        current = self.list.currentItem()
        if current is None or not current.flags() & Qt.ItemFlag.ItemIsEnabled:
            enabled = [i for i in range(self.list.count()) if self.list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
            if enabled:
                self.list.setCurrentRow(enabled[0])
        self._show_current()

    def _cache_key(self, key: str) -> tuple:
        return (key, *self._period)

    def request(self, key: str) -> None:
        """Start drawing ``key`` for the period unless it is drawn or on its way."""
        ck = self._cache_key(key)
        if ck in self.cache or ck in self.failed or ck in self.pending.values():
            return
        spec = next(s for s in self.specs if s.key == key)
        data = self._data
        tag = self._next_tag = self._next_tag + 1
        self.pending[tag] = ck
        self._worker.submit(tag, lambda: [summary_charts.render_chart(spec, data)])

    def _drawn(self, tag: int, choice: ChartChoice) -> None:
        ck = self.pending.pop(tag, None)
        if ck is not None:
            self.cache[ck] = choice
        self._after_draw()

    def _draw_failed(self, tag: int, _kind: str) -> None:
        ck = self.pending.pop(tag, None)
        if ck is not None:
            self.failed.add(ck)
        self._after_draw()

    def _after_draw(self) -> None:
        self._show_current()
        if not self.pending:
            self.allDrawn.emit()

    def is_drawing(self) -> bool:
        return bool(self.pending)

    # --- showing and choosing --------------------------------------------------------------

    def _show_current(self) -> None:
        item = self.list.currentItem()
        if item is None or self._period is None:
            return
        key = item.data(ROLE)
        ck = self._cache_key(key)
        choice = self.cache.get(ck)
        if choice is None:
            self._pixmap = None
            self.picture.setPixmap(QPixmap())
            self.picture.setText(DRAW_FAILED if ck in self.failed else DRAWING)
            self.description.setText("")
            if ck not in self.failed:
                self.request(key)
            return
        pixmap = QPixmap()
        pixmap.loadFromData(choice.png, "PNG")
        self._pixmap = pixmap
        self._fit_picture()
        self.picture.setAccessibleName(choice.description)
        self.description.setText(choice.description)

    def _fit_picture(self) -> None:
        """Show the chart as wide as its panel allows (never wider than drawn), so nothing is cut off."""
        if self._pixmap is None or self._pixmap.isNull():
            return
        width = max(240, min(self._pixmap.width(), self.right.width() - 24))
        self.picture.setPixmap(self._pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_picture()

    def _ticked(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked and self._period is not None:
            self.request(item.data(ROLE))

    def set_checked(self, key: str, on: bool = True) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ROLE) == key:
                self.list.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise KeyError(key)

    def ticked_keys(self) -> list[str]:
        return [
            self.list.item(i).data(ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def leave(self, draft: SummaryDraft) -> str | None:
        """Put the ticked charts in the draft; if some are still being drawn, say so and wait."""
        keys = self.ticked_keys()
        for key in keys:
            self.request(key)
        waiting = [k for k in keys if self._cache_key(k) in self.pending.values()]
        if waiting:
            return STILL_DRAWING.format(count=len(waiting), s="" if len(waiting) == 1 else "s")
        draft.charts = [self.cache[self._cache_key(k)] for k in keys if self._cache_key(k) in self.cache]
        return None
