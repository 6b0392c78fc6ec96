"""A wheel gesture that began on the page keeps scrolling the page (QA item 3: a focused age or
assessment choice slid under the pointer mid-scroll and silently changed)."""

from __future__ import annotations

import pytest
from assessment_kit import make_window, start_assessment
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea

from thresholds_app.ui import wheel_guard


def wheel(widget, steps: int = -1) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(widget.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def clock(monkeypatch):  # type: ignore[no-untyped-def]
    """A clock the test moves on; the shared filter forgets any gesture of an earlier test."""
    fake = Clock()
    monkeypatch.setattr(wheel_guard._filter(), "clock", fake, raising=False)
    monkeypatch.setattr(wheel_guard._filter(), "_last_time", float("-inf"), raising=False)
    return fake


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_page_scroll_stays_on_the_page_over_a_focused_choice(qtbot, clock) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    rows = [page.child.add_child() for _ in range(4)]  # a long page that scrolls
    combo = rows[0].age
    combo.setCurrentIndex(2)
    combo.setFocus()  # picked a moment ago, still focused
    qtbot.waitUntil(combo.hasFocus)
    scroll = next(a for a in page.findChildren(QScrollArea) if a.widget() is page.child)
    bar = scroll.verticalScrollBar()

    wheel(scroll.viewport())  # the gesture begins on the page ...
    after_first = bar.value()
    assert after_first > 0
    clock.now += 0.2
    wheel(combo)  # ... and the focused choice slides under the pointer
    assert combo.currentIndex() == 2  # unchanged
    assert bar.value() > after_first  # the page kept scrolling
    clock.now += 0.3
    wheel(combo)  # still the same gesture: each movement extends it
    assert combo.currentIndex() == 2

    clock.now += wheel_guard.GESTURE_GAP + 0.1  # a pause: a new gesture begins on the choice
    wheel(combo)
    assert combo.currentIndex() == 3
    clock.now += 0.1
    wheel(combo)  # and the rest of that gesture stays on it
    assert combo.currentIndex() == 4


def test_a_gesture_that_began_on_a_choice_does_not_move_to_another(qtbot, clock) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    first, second = page.child.add_child(), page.child.add_child()
    first.age.setCurrentIndex(2)
    second.age.setCurrentIndex(2)
    first.age.setFocus()
    qtbot.waitUntil(first.age.hasFocus)
    wheel(first.age)
    assert first.age.currentIndex() == 3
    clock.now += 0.1
    wheel(second.age)  # not focused: never changes by wheel
    assert second.age.currentIndex() == 2
