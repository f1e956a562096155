"""One chart on the Trends page: title, the chart or its table, and an export button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.charts.alternatives import ChartTable

#: Rows a table view shows before it scrolls.
TABLE_VISIBLE_ROWS = 12


class ChartPanel(QFrame):
    """Holds one chart; the canvas is created on the first ``show_chart`` (importing matplotlib)."""

    exportRequested = Signal(str)
    canvasWidthChanged = Signal(int)

    def __init__(self, key: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart_{key}")
        self.setProperty("role", "card")
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        bar = QHBoxLayout()
        self.heading = QLabel(title)
        self.heading.setObjectName(f"chartTitle_{key}")
        self.heading.setProperty("role", "chartTitle")
        self.table_button = QPushButton("Show as table")
        self.table_button.setObjectName(f"tableToggle_{key}")
        self.table_button.setAccessibleName(f"Show {title} as a table")
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self._toggle_table)
        self.export_button = QPushButton("Export…")
        self.export_button.setObjectName(f"export_{key}")
        self.export_button.setAccessibleName(f"Export {title} as an image or PDF")
        self.export_button.setToolTip("Save this chart as PNG, SVG or PDF (the file is not encrypted)")
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self.key))
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.table_button)
        bar.addWidget(self.export_button)
        column.addLayout(bar)

        # Only one of placeholder, canvas and table is visible; hidden widgets take no space.
        self.body = QVBoxLayout()
        self.placeholder = QLabel("Drawing…")
        self.placeholder.setProperty("role", "hint")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(160)
        self.body.addWidget(self.placeholder)
        self.canvas = None
        table_page = QWidget()
        table_column = QVBoxLayout(table_page)
        table_column.setContentsMargins(0, 0, 0, 0)
        self.description = QLabel()
        self.description.setObjectName(f"description_{key}")
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget()
        self.table.setObjectName(f"table_{key}")
        self.table.setAccessibleName(f"{title}, as a table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        table_column.addWidget(self.description)
        table_column.addWidget(self.table)
        self.table_page = table_page
        table_page.hide()
        self.body.addWidget(table_page)
        column.addLayout(self.body)
        self.status = QLabel()
        self.status.setObjectName(f"exportStatus_{key}")
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        column.addWidget(self.status)
        self.title = title
        self.figure = None

    def show_waiting(self) -> None:
        if self.canvas is None:
            self._show_only(self.placeholder)

    def show_chart(self, rendered) -> None:
        """Show a chart drawn on the worker (a ``trends_job.RenderedChart``)."""
        if self.canvas is None:
            from resilience_journal.ui.widgets.chart_canvas import ChartCanvas

            self.canvas = ChartCanvas()
            self.canvas.setObjectName(f"canvas_{self.key}")
            self.canvas.widthChanged.connect(self.canvasWidthChanged)
            self.body.insertWidget(1, self.canvas)
        self.figure = rendered.figure
        self.canvas.show_rendered(rendered.figure, rendered.rgba, rendered.width, rendered.height, rendered.pixel_ratio)
        self.canvas.setAccessibleName(self.title)
        self.canvas.setAccessibleDescription(rendered.description)
        self.description.setText(rendered.description)
        self._fill_table(rendered.table)
        self._toggle_table(self.table_button.isChecked())

    def _fill_table(self, table: ChartTable) -> None:
        self.table.clear()
        self.table.setColumnCount(len(table.headers))
        self.table.setRowCount(len(table.rows))
        self.table.setHorizontalHeaderLabels(list(table.headers))
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows = min(len(table.rows), TABLE_VISIBLE_ROWS)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header.sizeHint().height() + row_height * max(rows, 1) + 6)

    def _toggle_table(self, on: bool) -> None:
        self.table_button.setText("Show as chart" if on else "Show as table")
        if on:
            self._show_only(self.table_page)
        elif self.canvas is not None:
            self._show_only(self.canvas)

    def _show_only(self, widget: QWidget) -> None:
        for w in (self.placeholder, self.canvas, self.table_page):
            if w is not None:
                w.setVisible(w is widget)

    def showing_table(self) -> bool:
        return self.table_page.isVisibleTo(self)

    def table_rows(self) -> list[list[str]]:
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.setVisible(bool(text))
