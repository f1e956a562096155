"""One chart on the Trends page: title, the chart or its table, and an export button."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resilience_journal.charts.alternatives import ChartTable
from resilience_journal.domain.messages import CHART_UPDATING

#: Rows a table view shows before it scrolls.
TABLE_VISIBLE_ROWS = 12
#: Rows looked at when sizing the table's columns (all of them could take seconds on ten years).
SIZE_FROM_ROWS = 200


@dataclass(frozen=True)
class ShownChart:
    """A chart as the page keeps it: pixels ready for the screen, and the same data in words."""

    key: str
    image: QImage
    background: str
    description: str
    table: ChartTable

    @classmethod
    def from_rendered(cls, rendered) -> ShownChart:
        """From a ``trends_job.RenderedChart``: its pixels copied once into an image Qt owns."""
        image = QImage(rendered.rgba, rendered.width, rendered.height, QImage.Format.Format_RGBA8888).copy()
        image.setDevicePixelRatio(rendered.pixel_ratio)
        return cls(rendered.key, image, rendered.background, rendered.description, rendered.table)

    def pixel_bytes(self) -> int:
        return self.image.sizeInBytes()


def _is_number(cell: str) -> bool:
    """A number (or the dash that stands for none): right-aligned, so columns of digits line up;
    words stay left-aligned by their names."""
    try:
        float(cell)
    except ValueError:
        return cell == "–"
    return True


class RowsModel(QAbstractTableModel):
    """A read-only table of strings: handing over 3,000 rows costs nothing until they are shown."""

    def __init__(self, table: ChartTable | None = None, parent=None) -> None:
        super().__init__(parent)
        self._table = table or ChartTable((), ())

    def set_table(self, table: ChartTable) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._table.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and _is_number(self._table.rows[index.row()][index.column()]):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # digits line up
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._table.headers[section]
        return None

    def rows(self) -> list[list[str]]:
        return [list(r) for r in self._table.rows]


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
        self.heading.setWordWrap(True)  # a long title wraps in a narrow window rather than push the card wider
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
        self.model = RowsModel(parent=self)
        self.table = QTableView()
        self.table.setObjectName(f"table_{key}")
        self.table.setAccessibleName(f"{title}, as a table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(SIZE_FROM_ROWS)
        header.setStretchLastSection(True)
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

    def show_waiting(self) -> None:
        """A new chart is on its way: the old one (if any) fades until it arrives.

        What a screen reader finds says so too, and the old table is greyed out: an old
        period's picture or rows must never be read as the new one's."""
        if self.canvas is None:
            self._show_only(self.placeholder)
            return
        self.canvas.set_stale(True)
        self.canvas.setAccessibleDescription(f"{CHART_UPDATING} {self.description.text()}")
        self.table.setEnabled(False)
        self.table.setAccessibleDescription(CHART_UPDATING)

    def is_waiting(self) -> bool:
        return self.canvas is None or self.canvas.is_stale()

    def show_chart(self, shown: ShownChart) -> None:
        """Show a chart drawn on the worker."""
        if self.canvas is None:
            from resilience_journal.ui.widgets.chart_canvas import ChartCanvas

            self.canvas = ChartCanvas()
            self.canvas.setObjectName(f"canvas_{self.key}")
            self.canvas.widthChanged.connect(self.canvasWidthChanged)
            self.body.insertWidget(1, self.canvas)
        self.canvas.show_image(shown.image, shown.background)
        self.canvas.setAccessibleName(self.title)
        self.canvas.setAccessibleDescription(shown.description)
        self.table.setEnabled(True)
        self.table.setAccessibleDescription("")
        self.description.setText(shown.description)
        self._fill_table(shown.table)
        self._toggle_table(self.table_button.isChecked())

    def _fill_table(self, table: ChartTable) -> None:
        # Handed to the view only when shown: resetting a model of thousands of rows is not free.
        self._pending_table = table
        if self.table_page.isVisibleTo(self):
            self._apply_table()

    def _apply_table(self) -> None:
        table = getattr(self, "_pending_table", None)
        if table is not None:
            self._pending_table = None
            self.model.set_table(table)
            self._table_sized = False
            self._size_table()

    def _size_table(self) -> None:
        """Fit columns and height to the rows: done only when the table is actually shown."""
        if getattr(self, "_table_sized", False):
            return
        self._table_sized = True
        self.table.resizeColumnsToContents()
        rows = min(self.model.rowCount(), TABLE_VISIBLE_ROWS)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + row_height * max(rows, 1) + 6)

    def _toggle_table(self, on: bool) -> None:
        self.table_button.setText("Show as chart" if on else "Show as table")
        if on:
            self._apply_table()
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
        """What the table view shows (read through the view's model, as a screen reader would)."""
        self._apply_table()
        m = self.table.model()
        return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.setVisible(bool(text))
