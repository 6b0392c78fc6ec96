"""The print preview opens big enough to show its whole toolbar (QA item 9: at Qt's 853x480 the
Print and Page setup buttons were cut off, with no overflow arrow), at any text size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton
from test_export_and_print import ready_page

MOST = 0.85  # "most of the screen"


@pytest.fixture
def text_scale(qapp):  # type: ignore[no-untyped-def]
    system = QFont(qapp.font())

    def scale(factor: float) -> None:
        font = QFont(system)
        font.setPointSizeF(system.pointSizeF() * factor)
        qapp.setFont(font)

    yield scale
    qapp.setFont(system)


@pytest.mark.parametrize("factor", [1.0, 1.5])
def test_the_preview_shows_print_and_page_setup(qtbot, text_scale, factor: float) -> None:
    text_scale(factor)
    window, page = ready_page(qtbot)
    dialog = page.print_preview()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    free = window.screen().availableGeometry()
    assert dialog.width() >= round(free.width() * MOST)
    assert dialog.height() >= round(free.height() * MOST)
    assert free.contains(dialog.frameGeometry().topLeft())
    (bar,) = dialog.findChildren(QToolBar)
    qtbot.waitUntil(lambda: bar.width() >= bar.sizeHint().width())
    wanted = {"Print", "Page setup"}
    buttons = [
        b
        for b in bar.findChildren(QToolButton)
        if b.defaultAction() is not None and b.defaultAction().text() in wanted
    ]
    assert {b.defaultAction().text() for b in buttons} == wanted
    for button in buttons:
        assert button.isVisible(), button.defaultAction().text()
        assert bar.rect().contains(button.geometry()), button.defaultAction().text()
    dialog.close()
    QApplication.processEvents()
