"""The first "New assessment" builds its page without restyling it over and over (issue 11).

Under the app's style sheet, every time a widget joins a parent Qt restyles everything inside it
(a StyleChange event to each widget). The page was built bottom-up and unparented: each step was
carried up through its scroll area, the step stack, the column, the splitter, the page and the
window's page stack, so its ~700 widgets took about eight restyles each, most of the first
click's second of GUI-thread time. Now the page is made inside the window's page stack and its
containers join it before what goes in them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.main_window import MainWindow
from thresholds_app.ui.settings import AppSettings
from thresholds_app.ui.shell.pages import Page

MOST_RESTYLES_PER_WIDGET = 4.0  # about 3.4 now; about 7.8 when built bottom-up and unparented


class StyleChanges(QObject):
    """Counts StyleChange events to any widget of the app."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


@pytest.fixture
def window(qtbot, qapp, tmp_path) -> Iterator[MainWindow]:
    """The main window under the app's own font, palette and style sheet, as the app runs."""
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    try:
        settings = AppSettings(tmp_path / "s.ini")
        Appearance(qapp, settings).apply()
        result = load_pack(default_pack_dir())
        assert result.pack is not None
        window = MainWindow(result.pack, settings=settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        yield window
    finally:
        qapp.setFont(font)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)


def test_new_assessment_restyles_each_widget_only_a_few_times(qtbot, window) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.styleSheet()  # restyling costs only under a style sheet
    changes = StyleChanges()
    app.installEventFilter(changes)
    try:
        qtbot.mouseClick(window.start_page.buttons["new"], Qt.MouseButton.LeftButton)
    finally:
        app.removeEventFilter(changes)
    page = window.assessment()
    assert page is not None
    assert window.current_page_key() is Page.ASSESSMENT
    widgets = len(page.findChildren(QWidget)) + 1
    assert widgets > 300  # the real page, every step built
    assert changes.count / widgets <= MOST_RESTYLES_PER_WIDGET


def test_the_page_is_made_inside_the_window_s_page_stack(qtbot, window, monkeypatch) -> None:
    from thresholds_app.ui.assessment import page as page_module

    parents: list[QWidget | None] = []
    real_init = page_module.AssessmentPage.__init__

    def watching_init(self, *args, **kwargs) -> None:
        real_init(self, *args, **kwargs)
        parents.append(self.parentWidget())

    monkeypatch.setattr(page_module.AssessmentPage, "__init__", watching_init)
    window.new_assessment()
    assert parents == [window.stack]
    assert window.assessment() is window.stack.currentWidget()
