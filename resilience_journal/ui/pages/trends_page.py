"""The Trends page: what the work costs and what helps, in charts, tables and plain words.

All reading, computing and drawing happens on one worker thread (``ui/trends_job.py``); the GUI
thread only places finished pixels and text, so changing the period never freezes the window,
even on a ten-year journal.  The charts in view are drawn first, the rest follow while the user
reads; a view already drawn (going back to an earlier period) is shown at once from memory
(``ui/trends_cache.py``) until the journal changes.  matplotlib is first imported by the
worker, when the page is first shown — never at start-up.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.charts.catalog import CHARTS, chart
from resilience_journal.charts.palette import LIGHT, palette_from_theme
from resilience_journal.domain import messages, wellbeing_alert
from resilience_journal.domain.clock import today
from resilience_journal.domain.insights import MIN_ENTRIES
from resilience_journal.domain.periods import DEFAULT_PERIOD, PERIOD_CHOICES
from resilience_journal.ui.background import BackgroundWorker
from resilience_journal.ui.gc_pauses import after_first_chart
from resilience_journal.ui.pages.base import Page
from resilience_journal.ui.theme import current_theme, theme_colours
from resilience_journal.ui.trends_cache import TrendsView, ViewCache
from resilience_journal.ui.trends_job import Finished, RenderedChart, Summary, TrendsRequest, compute
from resilience_journal.ui.widgets.chart_panel import ChartPanel, ShownChart
from resilience_journal.ui.widgets.field_message import FieldMessage
from resilience_journal.ui.widgets.high_stress_card import HighStressCard

#: Words for "no filter" in the activity-kind list.
ALL_KINDS = "All kinds of work"
#: Page keys (from other features) that hold the user's self-care plan, in order of preference.
PLAN_PAGE_KEYS = ("selfcare", "self_care", "plan", "selfcare_plan")
#: Wait this long after the last resize before redrawing at the new width.
RESIZE_DEBOUNCE_MS = 250
#: Space between the page edge and the chart, on both sides, in logical pixels.
_CHART_INSET = 2 * 14 + 2 * 12 + 4


#: The file types offered when exporting a chart; the first is the default.
EXPORT_FILTERS = ("PNG image (*.png)", "SVG image (*.svg)", "PDF document (*.pdf)")


def export_path(typed: str, chosen_filter: str) -> Path:
    """The file to write: what the user typed, given the chosen type's suffix if it has none of ours."""
    path = Path(typed)
    if path.suffix.lower() in (".png", ".svg", ".pdf"):
        return path
    suffix = chosen_filter.rsplit("*", 1)[-1].rstrip(")") if "*." in chosen_filter else ".png"
    return path.with_name(path.name + suffix)


class TrendsPage(Page):
    title = "Trends"
    #: Emitted when every chart of the current request is on screen.
    ready = Signal()
    #: Emitted when the charts in view (those the user can see without scrolling) are on screen.
    inViewReady = Signal()
    #: Emitted as each chart arrives on screen (its key).
    chartShown = Signal(str)
    #: Emitted when a chart export has finished (key, path or "" on failure).
    exported = Signal(str, str)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self._export_tag = -1
        self._export_keys: dict[int, str] = {}
        self._dirty = True
        self._data = None
        self._pending: set[str] = set()
        self._rendered_width = 0
        self._rendered_ratio = 1.0
        self._rendered_theme = ""
        self._cache = ViewCache()
        self._view: TrendsView | None = None  # the view being drawn
        self._view_key: tuple | None = None
        self._in_view_shown = False
        #: The custom dates last confirmed with Show (the date boxes may hold others, still being typed).
        self._applied_custom: tuple[date, date] | None = None
        #: (period, custom dates, kind) of the request in flight, and of the data on screen: a
        #: redraw for a new width or theme draws what is on screen, whatever the controls say.
        self._requested_choice: tuple | None = None
        self._shown_choice: tuple | None = None
        #: The day the support card was dismissed here, applied to every summary shown that day
        #: (one computed before the click would otherwise bring the card back, and keep it).
        self._dismissed_on: date | None = None
        self.last_timings: dict[str, float] = {}
        self._build_controls()
        self._build_content()
        self._worker = BackgroundWorker(self, name="trends")
        self._worker.produced.connect(self._received)
        self._worker.failed.connect(self._failed)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DEBOUNCE_MS)
        self._resize_timer.timeout.connect(self._redraw_if_width_changed)
        self._theme_timer = QTimer(self)
        self._theme_timer.setSingleShot(True)
        self._theme_timer.setInterval(0)
        self._theme_timer.timeout.connect(self._theme_maybe_changed)

    # --- building ------------------------------------------------------------------------

    def _build_controls(self) -> None:
        bar = QHBoxLayout()
        period_label = QLabel("&Period")
        self.period = QComboBox()
        self.period.setObjectName("period")
        self.period.setAccessibleName("Period")
        for choice in PERIOD_CHOICES:
            self.period.addItem(choice.label, choice.key)
        self.period.setCurrentIndex(self.period.findData(DEFAULT_PERIOD))
        period_label.setBuddy(self.period)
        self.period.currentIndexChanged.connect(self._period_changed)
        kind_label = QLabel("&Kind of work")
        self.kind = QComboBox()
        self.kind.setObjectName("activityKind")
        self.kind.setAccessibleName("Kind of work")
        self.kind.addItem(ALL_KINDS, None)
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        kind_label.setBuddy(self.kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.status = QLabel()
        self.status.setObjectName("trendsStatus")
        self.status.setProperty("role", "hint")
        for w in (period_label, self.period):
            bar.addWidget(w)
        bar.addSpacing(16)
        for w in (kind_label, self.kind):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(self.status, 1)
        self.layout_.addLayout(bar)

        self.custom_row = QWidget()
        self.custom_row.setObjectName("customRange")
        row = QHBoxLayout(self.custom_row)
        row.setContentsMargins(0, 0, 0, 0)
        now = today(self.ctx.clock)
        self.start_edit = self._date_edit("rangeStart", "First day", now - timedelta(days=27))
        self.end_edit = self._date_edit("rangeEnd", "Last day", now)
        self.apply_range = QPushButton("Show")
        self.apply_range.setObjectName("applyRange")
        self.apply_range.setAccessibleName("Show the chosen dates")
        self.apply_range.clicked.connect(self._apply_custom)
        for text, w in (("&From", self.start_edit), ("&to", self.end_edit)):
            label = QLabel(text)
            label.setBuddy(w)
            row.addWidget(label)
            row.addWidget(w)
        row.addWidget(self.apply_range)
        row.addStretch(1)
        self.custom_row.hide()
        self.layout_.addWidget(self.custom_row)
        self.range_message = FieldMessage("rangeMessage")
        self.layout_.addWidget(self.range_message)

    def _date_edit(self, name: str, accessible: str, value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def _build_content(self) -> None:
        self.scroll = QScrollArea()
        self.scroll.setObjectName("trendsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("trendsContent")
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(0, 8, 12, 8)
        self.column.setSpacing(14)

        self.card = HighStressCard()
        self.card.dismissed.connect(self._dismiss_alert)
        self.card.planRequested.connect(self._open_plan)
        self.column.addWidget(self.card)

        self.insights_box = QFrame()
        self.insights_box.setObjectName("insightsCard")
        self.insights_box.setProperty("role", "card")
        self.insights_box.setAccessibleName("Insights in words")
        box = QVBoxLayout(self.insights_box)
        box.setContentsMargins(16, 12, 16, 12)
        heading = QLabel("In words")
        heading.setProperty("role", "chartTitle")
        box.addWidget(heading)
        self.insights_list = QVBoxLayout()
        self.insights_list.setSpacing(6)
        box.addLayout(self.insights_list)
        self.column.addWidget(self.insights_box)

        self.empty = QLabel(messages.TRENDS_EMPTY)
        self.empty.setObjectName("trendsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.column.addWidget(self.empty)

        self.panels: dict[str, ChartPanel] = {}
        for spec in CHARTS:
            panel = ChartPanel(spec.key, spec.title)
            panel.exportRequested.connect(self.ask_export)
            panel.canvasWidthChanged.connect(lambda _w: self._resize_timer.start())
            panel.hide()
            self.panels[spec.key] = panel
            self.column.addWidget(panel)
        self.column.addStretch(1)
        self.scroll.setWidget(content)
        self.layout_.addWidget(self.scroll, 1)

    # --- requesting work -----------------------------------------------------------------

    def refresh(self) -> None:
        """The journal changed: forget every view drawn so far and read it again when visible."""
        self._cache.clear()
        self._choice_changed()

    def _choice_changed(self) -> None:
        """Another period or filter: shown from memory if drawn before, else read and drawn."""
        self._data = None
        self._request()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.custom_row.setVisible(custom)
        self.range_message.show_message(None)
        self._applied_custom = None  # custom dates are drawn once Show is pressed
        if not custom:
            self._choice_changed()

    def _apply_custom(self) -> None:
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        if start > end:
            self.range_message.show_message(messages.CUSTOM_RANGE_BACKWARDS)
            self.start_edit.setFocus()
            return
        if end > today(self.ctx.clock):
            self.range_message.show_message(messages.CUSTOM_RANGE_FUTURE)
            self.end_edit.setFocus()
            return
        self.range_message.show_message(None)
        self._applied_custom = (start, end)
        self._choice_changed()

    def current_range(self) -> tuple[date, date] | None:
        """The dates shown (None until the first summary arrives)."""
        return (self._data.start, self._data.end) if self._data is not None else None

    def _chosen(self) -> tuple | None:
        """(period, custom dates, kind) as the controls say.  While custom dates are still being
        chosen, the period on screen stays (None if there is none yet)."""
        key, kind = self.period.currentData(), self.kind.currentData()
        if key != "custom":
            return key, None, kind
        if self._applied_custom is not None:
            return key, self._applied_custom, kind
        if self._shown_choice is None:
            return None
        shown_key, shown_custom, _ = self._shown_choice
        return shown_key, shown_custom, kind

    def _request(self) -> None:
        if not self.isVisible():
            self._dirty = True
            return
        self._dirty = False
        # Data on screen is redrawn as it is (a new width or theme); otherwise the controls' choice.
        choice = self._shown_choice if self._data is not None else self._chosen()
        if choice is None:
            return  # nothing shown yet and the custom dates not confirmed
        key, custom, kind = choice
        self._requested_choice = choice
        self._generation += 1
        theme = current_theme(QApplication.instance())
        request = TrendsRequest(
            generation=self._generation,
            period=key,
            today=today(self.ctx.clock),
            activity_kind=kind,
            custom=custom,
            width_px=self._chart_width(),
            pixel_ratio=self.devicePixelRatioF() or 1.0,
            palette=palette_from_theme(theme_colours(theme)),
            reuse=self._data,
            first=tuple(self.charts_in_view()),
        )
        self._rendered_width = request.width_px
        self._rendered_ratio = request.pixel_ratio
        self._rendered_theme = theme
        self._view_key = (
            key,
            custom,
            request.activity_kind,
            request.width_px,
            request.pixel_ratio,
            theme,
            request.today,
        )
        self._view = None
        self._in_view_shown = False
        kept = self._cache.get(self._view_key)
        if kept is not None:
            self._show_kept(kept)
            return
        self.status.setText(messages.TRENDS_UPDATING)
        generation = self._generation
        journal, gone = self.ctx.journal, self._worker.gone
        self._worker.submit(
            generation,
            lambda: compute(journal, request, lambda: generation == self._generation and not gone.is_set()),
        )

    def _show_kept(self, view: TrendsView) -> None:
        """A view drawn earlier, shown at once (any job still drawing is for nobody now)."""
        self._show_summary(view.summary)
        for shown in view.charts:
            self.panels[shown.key].show_chart(shown)
            self._pending.discard(shown.key)
        self.status.setText("")
        self._in_view_shown = True
        self.inViewReady.emit()
        self.ready.emit()

    def charts_in_view(self) -> list[str]:
        """The charts on the page the user can see without scrolling, top to bottom."""
        content = self.scroll.widget()
        content.layout().activate()  # positions as they will be painted, not as last laid out
        bar = self.scroll.verticalScrollBar().value()
        seen = QRect(0, bar, content.width(), self.scroll.viewport().height())
        return [k for k, p in self.panels.items() if p.isVisibleTo(self) and p.geometry().intersects(seen)]

    def _chart_width(self) -> int:
        # Room for the scroll bar is kept whether it shows or not: it appears once the charts
        # make the page taller than the window, and must not make every chart redraw.
        bar = self.scroll.verticalScrollBar()
        room = 0 if bar.isVisibleTo(self.scroll) else bar.sizeHint().width()
        return max(360, self.scroll.viewport().width() - room - _CHART_INSET)

    def _redraw_if_width_changed(self) -> None:
        moved_screen = (self.devicePixelRatioF() or 1.0) != self._rendered_ratio
        if (abs(self._chart_width() - self._rendered_width) > 8 or moved_screen) and self._data is not None:
            self._request()

    # --- receiving results ---------------------------------------------------------------

    def _received(self, tag: int, item: object) -> None:
        if tag in self._export_keys:
            return self._export_done(tag, item)
        if tag != self._generation:
            return  # an older request, overtaken by a newer one
        if isinstance(item, Summary):
            self._view = TrendsView(item)
            self._show_summary(item)
        elif isinstance(item, RenderedChart):
            after_first_chart()
            shown = ShownChart.from_rendered(item)
            self.panels[item.key].show_chart(shown)
            self._pending.discard(item.key)
            if self._view is not None:
                self._view.charts.append(shown)
            self.chartShown.emit(item.key)
            if not self._in_view_shown and not self._pending.intersection(self.charts_in_view()):
                self._in_view_shown = True
                self.inViewReady.emit()
        elif isinstance(item, Finished):
            self.last_timings = item.timings
            self.status.setText("")
            if self._view is not None and self._view_key is not None:
                self._cache.put(self._view_key, self._view)
            if not self._in_view_shown:
                self._in_view_shown = True
                self.inViewReady.emit()
            self.ready.emit()

    def _failed(self, tag: int, what: str) -> None:
        if tag in self._export_keys:
            return self._export_done(tag, (None, what))
        if tag == self._generation:
            self.status.setText(messages.TRENDS_FAILED)

    def _show_summary(self, summary: Summary) -> None:
        if self._dismissed_on == today(self.ctx.clock):
            summary.show_alert = False  # kept views hold this summary too
        self._data = summary.data
        self._shown_choice = self._requested_choice
        self._update_kinds(summary.kinds)
        self._show_insights([i.text for i in summary.insights], summary.data.is_empty)
        if summary.show_alert and summary.alert is not None:
            self.card.show_alert(summary.alert, plan_available=self._plan_page() is not None)
        else:
            self.card.hide()
        self.empty.setVisible(summary.data.is_empty)
        self._pending = set(summary.chart_keys)
        for key, panel in self.panels.items():
            wanted = key in self._pending
            panel.setVisible(wanted)
            if wanted:
                panel.show_waiting()
                panel.show_status("")

    def _update_kinds(self, kinds: list[str]) -> None:
        current = self.kind.currentData()
        wanted = [None, *kinds]
        if current is not None and current not in kinds:
            wanted.append(current)
        if [self.kind.itemData(i) for i in range(self.kind.count())] == wanted:
            return
        self.kind.blockSignals(True)
        self.kind.clear()
        for k in wanted:
            self.kind.addItem(ALL_KINDS if k is None else k, k)
        self.kind.setCurrentIndex(wanted.index(current))
        self.kind.blockSignals(False)

    def _show_insights(self, texts: list[str], empty: bool) -> None:
        while self.insights_list.count():
            w = self.insights_list.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        if not texts:
            texts = [] if empty else [messages.TRENDS_NO_INSIGHTS.format(minimum=MIN_ENTRIES)]
        for i, text in enumerate(texts):
            label = QLabel("•  " + text)
            label.setObjectName(f"insight_{i}")
            label.setAccessibleName(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.insights_list.addWidget(label)
        self.insights_box.setVisible(bool(texts))
        self._insight_texts = texts

    def insight_texts(self) -> list[str]:
        return list(getattr(self, "_insight_texts", []))

    def visible_charts(self) -> list[str]:
        return [k for k, p in self.panels.items() if p.isVisibleTo(self)]

    # --- the high-stress card ------------------------------------------------------------

    def _dismiss_alert(self) -> None:
        self._dismissed_on = today(self.ctx.clock)
        self.ctx.journal.settings.set(wellbeing_alert.DISMISSED_SETTING, self._dismissed_on.isoformat())
        self.card.hide()  # every summary shown from now on today, kept or new, is told by _show_summary

    def _plan_page(self):
        parent = self.parentWidget()
        while parent is not None and not hasattr(parent, "show_page"):
            parent = parent.parentWidget()
        if parent is None:
            return None
        keys = getattr(parent, "pages", {})
        for key in PLAN_PAGE_KEYS:
            if key in keys:
                return parent, key
        return None

    def _open_plan(self) -> None:
        found = self._plan_page()
        if found is not None:
            shell, key = found
            shell.show_page(key)

    # --- export --------------------------------------------------------------------------

    def ask_export(self, key: str) -> None:
        """Warn that the file is not encrypted, ask where, then save in the background."""
        spec = chart(key)
        answer = QMessageBox.question(
            self,
            "Export chart",
            messages.CHART_EXPORT_WARNING,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer != QMessageBox.StandardButton.Save or self._data is None:
            return
        name = f"{spec.key.replace('_', '-')}-{self._data.start.isoformat()}-to-{self._data.end.isoformat()}.png"
        path, chosen = QFileDialog.getSaveFileName(
            self, f"Export “{spec.title}”", str(Path.home() / name), ";;".join(EXPORT_FILTERS)
        )
        if not path:
            return
        self.export_chart(key, export_path(path, chosen))

    def export_chart(self, key: str, path: Path) -> None:
        """Save chart ``key`` of the data on screen to ``path`` (PNG, SVG or PDF), off the GUI thread.

        Exports use the light palette (dark text on white), which prints and shares well.
        """
        if self._data is None:
            return
        spec, data = chart(key), self._data
        self.panels[key].show_status(messages.TRENDS_UPDATING)
        self._export_tag -= 1  # export tags are negative, so they never look like a generation
        tag = self._export_tag
        self._export_keys[tag] = key

        def work():
            from resilience_journal.charts.export import export_figure
            from resilience_journal.charts.figure import titled
            from resilience_journal.export.files import ExportFailed

            try:
                fig = titled(spec.build(data, LIGHT), spec.title, data.start, data.end)
                yield (export_figure(fig, path), None)
            except ExportFailed as exc:
                yield (None, str(exc))

        self._worker.submit(tag, work)

    def _export_done(self, tag: int, item: tuple[Path | None, str | None]) -> None:
        key = self._export_keys.pop(tag)
        path, problem = item
        if path is None:
            self.panels[key].show_status(problem)
            self.exported.emit(key, "")
        else:
            self.panels[key].show_status(messages.CHART_EXPORTED.format(path=path))
            self.exported.emit(key, str(path))

    # --- Qt events -----------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        # Enter in a date box shows those dates, as Show does (the box has read the typed date
        # and passed the key on).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self.start_edit.hasFocus() or self.end_edit.hasFocus()
        ):
            self._apply_custom()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        theme = current_theme(QApplication.instance())
        if self._dirty or (self._rendered_theme and theme != self._rendered_theme):
            # Let the layout settle first, so the charts are drawn at the page's real width.
            QTimer.singleShot(0, self._request)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) and self._rendered_theme:
            # The theme's name is set after its style sheet, so look once the change is complete.
            self._theme_timer.start()

    def _theme_maybe_changed(self) -> None:
        if current_theme(QApplication.instance()) != self._rendered_theme:
            self._request()
