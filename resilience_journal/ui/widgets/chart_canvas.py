"""A matplotlib canvas that shows a figure already drawn on a worker thread.

A plain ``FigureCanvasQTAgg`` draws its figure on the GUI thread whenever it is resized or
shown, which on a ten-year journal can freeze the window.  This canvas is handed the pixels
of a figure drawn elsewhere (``show_image``) and only copies them to the screen.  When its
width changes it asks for a redraw (``widthChanged``) instead of drawing itself.

Importing this module imports matplotlib, so the Trends page imports it only when the first
chart arrives.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

#: How visible a chart stays while its replacement is drawn.
STALE_OPACITY = 0.3


class ChartCanvas(FigureCanvasQTAgg):
    widthChanged = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(Figure(figsize=(1, 1)))
        if parent is not None:
            self.setParent(parent)
        self._image: QImage | None = None
        self._background = QColor("white")
        self._stale = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def show_image(self, image: QImage, background: str) -> None:
        """Show a chart's pixels, drawn elsewhere (its device pixel ratio already set)."""
        self._image = image
        self._background = QColor(background)
        self._stale = False
        self.setFixedHeight(image.deviceIndependentSize().toSize().height())
        self.updateGeometry()
        self.update()

    def set_stale(self, stale: bool) -> None:
        """Fade the chart while a newer one is drawn, so an old period is never read as the new."""
        if stale != self._stale:
            self._stale = stale
            self.update()

    def is_stale(self) -> bool:
        return self._stale

    def rendered_size(self) -> QSize:
        """The size of the pixels shown, in logical pixels (empty before the first chart)."""
        if self._image is None:
            return QSize()
        return self._image.deviceIndependentSize().toSize()

    def image(self) -> QImage | None:
        return self._image

    def sizeHint(self) -> QSize:
        size = self.rendered_size()
        return size if size.isValid() and not size.isEmpty() else QSize(400, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    def resizeEvent(self, event) -> None:
        # Deliberately not FigureCanvasQT.resizeEvent: that would redraw here, on the GUI thread.
        QWidget.resizeEvent(self, event)
        if self._image is not None and event.size().width() != event.oldSize().width():
            self.widthChanged.emit(event.size().width())

    def _update_pixel_ratio(self) -> None:
        # The window moved to a screen with another pixel ratio: ask for a redraw at the new
        # ratio rather than letting matplotlib change the figure's dpi and draw here.
        ratio = self.devicePixelRatioF() or 1
        if self._image is not None and ratio != self._image.devicePixelRatio():
            self.widthChanged.emit(self.width())

    def paintEvent(self, event) -> None:
        if self._image is None:
            return
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self._background)
            if self._stale:
                painter.setOpacity(STALE_OPACITY)
            painter.drawImage(0, 0, self._image)
        finally:
            painter.end()
