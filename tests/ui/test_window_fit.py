"""After the text size changes, the window is back within its screen (it grew past the edge at
large text, the red button off screen, and never shrank again)."""

from __future__ import annotations

from assessment_kit import FRIDAY_AFTERNOON, solihull, start_assessment

from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.main_window import MainWindow
from thresholds_app.ui.settings import AppSettings


def test_the_window_comes_back_within_the_screen_after_large_text(
    qtbot, qapp, tmp_path, restore
) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings(tmp_path / "s.ini")
    look = Appearance(qapp, settings)
    look.apply()
    window = MainWindow(
        solihull(), clock=lambda: FRIDAY_AFTERNOON, settings=settings, appearance=look
    )
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    window.resize(room.width() - 40, room.height() - 60)
    window.show()
    qtbot.waitExposed(window)
    start_assessment(qtbot, window)
    look.set_scale(2.0)
    qtbot.wait(100)
    grown = window.frameGeometry()
    assert grown.left() >= room.left()
    assert grown.top() >= room.top()
    assert grown.width() > room.width()  # 200% text at this screen: wider than the screen
    look.set_scale(1.0)

    def back() -> bool:  # within the screen as far as its content allows (offscreen is 800 wide)
        frame, least = window.frameGeometry(), window.minimumSizeHint()
        edge = frame.width() - window.width()
        return frame.width() <= max(room.width(), least.width() + edge) and frame.left() >= 0

    qtbot.waitUntil(back, timeout=3000)
    assert window.frameGeometry().width() < grown.width()
