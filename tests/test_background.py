"""Work off the GUI thread: items arrive in order, one at a time, each handled (and painted)
before the worker makes the next, and a job stops when its owner goes."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from resilience_journal.ui import background
from resilience_journal.ui.background import BackgroundWorker


class PaintCounter(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0
        self.resize(120, 40)

    def paintEvent(self, event) -> None:
        self.paints += 1


def test_each_item_is_handled_and_painted_before_the_next_is_made(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    screen = PaintCounter()
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    worker = BackgroundWorker(owner, name="test-paced")
    made: list[int] = []
    paints_when_made: list[int] = []
    received: list[tuple[int, int, int]] = []  # (item, items made so far, tag)

    def job():
        for i in range(4):
            made.append(i)
            paints_when_made.append(screen.paints)
            yield i

    def handle(tag: int, item: int) -> None:
        received.append((item, len(made), tag))
        screen.update()  # what a page does with an item: change something on screen

    worker.produced.connect(handle)
    worker.submit(7, job)
    qtbot.waitUntil(lambda: len(received) == 4, timeout=5000)
    # The worker never ran ahead: when item i was handled, only items 0..i existed.
    assert received == [(0, 1, 7), (1, 2, 7), (2, 3, 7), (3, 4, 7)]
    # ...and the repaint each item asked for had happened before the next item was made.
    assert paints_when_made == sorted(set(paints_when_made))  # strictly rising


def test_a_job_goes_on_if_the_window_does_not_answer(qtbot, monkeypatch):
    """A GUI thread busy elsewhere (no event loop running) slows the job down but never stops it."""
    monkeypatch.setattr(background, "PACE_TIMEOUT_S", 0.01)
    owner = QWidget()
    qtbot.addWidget(owner)
    worker = BackgroundWorker(owner, name="test-unanswered")
    finished = threading.Event()

    def job():
        yield from range(3)
        finished.set()

    worker.submit(1, job)
    # Deliberately no Qt event processing here: nothing can be handled.
    assert finished.wait(10)


def test_a_job_stops_when_its_owner_is_deleted(qtbot):
    """Locking deletes the pages: their work must stop, not run on for nobody."""
    owner = QWidget()
    worker = BackgroundWorker(owner, name="test-owner-gone")
    made: list[int] = []
    ended = threading.Event()
    first = []

    def job():
        try:
            for i in range(1000):
                made.append(i)
                yield i
        finally:
            ended.set()

    def handle(_tag: int, item: int) -> None:
        first.append(item)
        owner.deleteLater()  # the journal is locked while the first item is on screen

    worker.produced.connect(handle)
    worker.submit(1, job)
    qtbot.waitUntil(ended.is_set, timeout=5000)
    assert first == [0]
    assert len(made) <= 2  # at most the item being made when the owner went
