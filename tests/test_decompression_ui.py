"""Decompression and the guided exercises, driven through qtbot with an injected clock (no sleeping)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from support import save_png

from resilience_journal.domain import messages
from resilience_journal.domain.reflection import Reflection
from resilience_journal.ui.decompression_dialog import DecompressionDialog
from resilience_journal.ui.exercises.breathing import BreathingExercise
from resilience_journal.ui.exercises.grounding import GroundingExercise


def _visit(ctx, stress=7) -> Reflection:
    return ctx.journal.reflections.add(
        Reflection(occurred_at=ctx.clock.now() - timedelta(minutes=20), activity_kind="Home visit", stress=stress)
    )


def test_logging_what_helped_after_a_visit_by_keyboard(qtbot, page_context):
    r = _visit(page_context)
    dialog = DecompressionDialog(page_context, reflection=r)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.stress_before.value() == 7  # taken from the visit
    dialog.strategy.setFocus()
    dialog.strategy.lineEdit().selectAll()
    qtbot.keyClicks(dialog.strategy, "Walk")
    dialog.minutes.setValue(20)
    qtbot.keyClick(dialog.stress_after, Qt.Key.Key_4)
    save_png(dialog, "decompression-form")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [d] = page_context.journal.decompressions.for_reflection(r.id)
    assert (d.strategy, d.minutes, d.stress_before, d.stress_after) == ("Walk", 20, 7, 4)
    assert dialog.result.text() == messages.DECOMPRESSION_HELPED.format(points=3, s="s")
    assert not dialog.try_breathing.isVisible()


def test_when_stress_has_not_come_down_another_strategy_is_suggested(qtbot, page_context):
    dialog = DecompressionDialog(page_context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.strategy.setCurrentText("Music")
    dialog.stress_before.setValue(6)
    dialog.stress_after.setValue(7)
    assert dialog.save()
    assert "hasn't come down yet" in dialog.result.text()
    assert "music" not in dialog.result.text().split("something else")[1]
    assert dialog.try_breathing.isVisible() and dialog.try_grounding.isVisible()
    save_png(dialog, "decompression-not-down")
    # Trying breathing straight away starts from the latest rating.
    dialog.try_breathing.click()
    assert isinstance(dialog.exercise_dialog, BreathingExercise)
    assert dialog.exercise_dialog.stress_before.value() == 7


def test_bad_input_is_explained_and_nothing_is_saved(qtbot, page_context):
    dialog = DecompressionDialog(page_context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.strategy.setCurrentText("   ")
    assert not dialog.save()
    assert dialog.findChild(QLabel, "strategy_message").text() == messages.STRATEGY_MISSING
    assert page_context.journal.decompressions.count() == 0


def test_paced_breathing_runs_on_the_clock_and_logs_itself(qtbot, page_context, clock):
    r = _visit(page_context, stress=8)
    ex = BreathingExercise(page_context, reflection=r)
    qtbot.addWidget(ex)
    ex.show()
    assert ex.stress_before.value() == 8
    ex.minutes.setValue(1)
    ex.secs["hold_out"].setValue(0)  # a 4-4-4 pattern
    ex.start_button.click()
    assert ex.stack.currentIndex() == 1 and ex.timer.isActive()
    clock.advance(2)
    ex.tick()
    assert ex.phase.accessibleName() == "Breathe in" and 0.4 < ex.pacer.size_fraction < 0.6
    clock.advance(3)
    ex.tick()
    assert ex.phase.accessibleName() == "Hold"
    clock.advance(4)
    ex.tick()
    assert ex.phase.accessibleName() == "Breathe out"
    save_png(ex, "breathing-running")
    clock.advance(52)  # past the minute: the exercise ends by itself
    ex.tick()
    assert ex.stack.currentIndex() == 2 and not ex.timer.isActive()
    qtbot.keyClick(ex.stress_after, Qt.Key.Key_5)
    ex.save_button.click()
    [d] = page_context.journal.decompressions.for_reflection(r.id)
    assert (d.strategy, d.exercise, d.minutes, d.stress_before, d.stress_after) == (
        "Breathing",
        "paced_breathing",
        1,
        8,
        5,
    )
    assert "came down 3 points" in ex.result.text()


def test_stopping_breathing_early_logs_the_time_actually_spent(qtbot, page_context, clock):
    ex = BreathingExercise(page_context)
    qtbot.addWidget(ex)
    ex.stress_before.setValue(6)
    ex.start()
    clock.advance(50)
    ex.tick()
    ex.finish_button.click()
    clock.advance(600)  # time spent rating afterwards does not count
    ex.save(skip_rating=True)
    assert (ex.saved.minutes, ex.saved.stress_after) == (1, None)
    assert ex.result.text() == messages.DECOMPRESSION_LOGGED


def test_grounding_walks_five_steps_by_keyboard_and_logs_itself(qtbot, page_context, clock):
    ex = GroundingExercise(page_context)
    qtbot.addWidget(ex)
    ex.show()
    qtbot.keyClick(ex.stress_before, Qt.Key.Key_7)
    ex.start_button.click()
    seen = []
    for _ in range(5):
        seen.append(ex.count.text())
        clock.advance(40)
        ex.tick()
        qtbot.keyClick(ex.next, Qt.Key.Key_Space)
    assert seen == ["5", "4", "3", "2", "1"]
    assert ex.stack.currentIndex() == 2
    ex.stress_after.setValue(7)
    ex.save()
    d = ex.saved
    assert (d.strategy, d.exercise, d.minutes, d.stress_before, d.stress_after) == (
        "Grounding",
        "grounding_54321",
        4,
        7,
        7,
    )
    assert "hasn't come down yet" in ex.result.text()
    ex.again.click()
    assert ex.stack.currentIndex() == 0 and ex.stress_before.value() == 7


def test_grounding_can_go_back_a_step(qtbot, page_context):
    ex = GroundingExercise(page_context)
    qtbot.addWidget(ex)
    ex.start()
    assert not ex.back.isEnabled()
    ex.next.click()
    ex.next.click()
    assert ex.count.text() == "3"
    ex.back.click()
    assert ex.count.text() == "4"
