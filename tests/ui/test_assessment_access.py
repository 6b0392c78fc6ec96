"""Keyboard and screen-reader basics for the assessment screens."""

from __future__ import annotations

from assessment_kit import make_window, start_assessment
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


def has_label(widget: QWidget) -> bool:
    """A name for assistive technology: its own, its text, a buddy or a form-layout label."""
    if widget.accessibleName():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    window = widget.window()
    if any(label.buddy() is widget for label in window.findChildren(QLabel)):
        return True
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    return isinstance(layout, QFormLayout) and layout.labelForField(widget) is not None


def test_every_control_in_every_step_is_named(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.child.add_child()
    unnamed = []
    for key, step in page.steps.items():
        page.go_to_step(key)
        for kind in (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit):
            for widget in step.findChildren(kind):
                focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                if widget.isVisible() and focusable and not has_label(widget):
                    unnamed.append(f"{key}: {type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_tab_moves_through_the_first_step_and_out(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    seen = []
    for _ in range(12):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
    # focus leaves the answer buttons and reaches the step's navigation buttons
    assert page.next_button in seen or page.back_button in seen or page.close_button in seen


def test_step_shortcuts_reach_every_step(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    for number, key in enumerate(page.steps, start=1):
        qtbot.keyClick(page, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert page.current_step() == key


def test_next_and_back_walk_the_steps_in_order(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    order = list(page.steps)
    for key in order[1:]:
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        assert page.current_step() == key
    assert not page.next_button.isVisible()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.current_step() == order[-2]


def test_danger_outline_follows_high_contrast(qtbot):
    from thresholds_app.ui.appearance import high_contrast_palette

    window = make_window(qtbot)
    button = window.emergency_button
    assert "#b3261e" in button.styleSheet() or "#ff8a80" in button.styleSheet()
    app = QApplication.instance()
    original = app.palette()
    try:
        app.setPalette(high_contrast_palette(dark=False))
        qtbot.waitUntil(lambda: "#000000" in button.styleSheet())
    finally:
        app.setPalette(original)
    qtbot.waitUntil(lambda: "#000000" not in button.styleSheet())


def test_headings_grow_with_the_text_scale(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    level = page.live.level_label
    before = level.font().pointSizeF()
    app = QApplication.instance()
    font = app.font()
    original = font.pointSizeF()
    try:
        font.setPointSizeF(original * 1.5)
        app.setFont(font)
        qtbot.waitUntil(lambda: level.font().pointSizeF() > before * 1.3)
    finally:
        font.setPointSizeF(original)
        app.setFont(font)


def test_step_1_starts_on_its_heading_so_a_stray_space_answers_nothing(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    focused = window.focusWidget()
    assert focused.property("headingLevel") == "1"  # the step's heading, not "Yes"
    assert page.safety.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert page.state.case.answers == {}  # nothing answered
    qtbot.keyClick(focused, Qt.Key.Key_Tab)  # Tab reaches the answers at once
    assert window.focusWidget() in page.safety.row.answers.buttons.values()


def test_next_and_back_put_the_focus_in_the_new_step_never_the_side_panel(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    keys = list(page.steps)
    for key in keys[1:]:
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        assert page.current_step() == key
        focused = window.focusWidget()
        assert page.steps[key].isAncestorOf(focused), (key, focused)
        assert not page.live.isAncestorOf(focused)
    for key in reversed(keys[:-1]):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
        assert page.current_step() == key
        assert page.steps[key].isAncestorOf(window.focusWidget()), key
