"""Text scale, high contrast and the palette-only stylesheet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from thresholds_app.ui import appearance
from thresholds_app.ui.appearance import Appearance, Heading, stylesheet_text
from thresholds_app.ui.settings import AppSettings


@pytest.fixture
def look(qapp: QApplication, tmp_path: Path):
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    settings = AppSettings(tmp_path / "s.ini")
    yield Appearance(qapp, settings), settings
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def test_zoom_steps_scale_the_app_font(look, qapp: QApplication) -> None:
    app_look, settings = look
    base = appearance.body_point_size(qapp.font())  # the system's, raised to about 11 pt
    app_look.apply()
    assert qapp.font().pointSizeF() == pytest.approx(base)
    app_look.zoom_in()
    assert app_look.scale == 1.1
    assert qapp.font().pointSizeF() == pytest.approx(round(base * 1.1, 1))
    app_look.zoom_in()
    app_look.zoom_in()
    assert settings.text_scale == 1.5
    app_look.zoom_out()
    assert app_look.scale == 1.25
    app_look.reset_zoom()
    assert qapp.font().pointSizeF() == pytest.approx(base)
    for _ in range(20):
        app_look.zoom_in()
    assert app_look.scale == 2.0


def test_shortcuts_exist_and_are_not_duplicated(look, qtbot) -> None:
    app_look, _ = look
    host = QWidget()
    qtbot.addWidget(host)
    actions = app_look.actions(host)
    keys = [seq.toString() for act in actions for seq in act.shortcuts()]
    assert "Ctrl+=" in keys
    assert "Ctrl+-" in keys
    assert "Ctrl+0" in keys
    assert len(keys) == len(set(keys))
    larger = actions[0]
    larger.trigger()
    assert app_look.scale == 1.1


def test_heading_grows_with_text(look, qtbot, qapp: QApplication) -> None:
    app_look, _ = look
    app_look.apply()
    host = QWidget()
    qtbot.addWidget(host)
    heading = Heading("Levels of need", 1.5, host)
    QVBoxLayout(host).addWidget(heading)
    before = heading.font().pointSizeF()
    app_look.set_scale(1.5)
    qtbot.waitUntil(lambda: heading.font().pointSizeF() > before)
    assert heading.font().pointSizeF() == pytest.approx(qapp.font().pointSizeF() * 1.5, abs=0.1)
    assert heading.accessibleName() == "Levels of need"
    host.show()
    app_look.set_contrast_mode("on")  # a stylesheet re-polish must not shrink the heading
    qtbot.waitUntil(
        lambda: (
            heading.font().pointSizeF() == pytest.approx(qapp.font().pointSizeF() * 1.5, abs=0.1)
        )
    )


def test_high_contrast_on_off(look, qapp: QApplication) -> None:
    app_look, settings = look
    normal = QPalette(qapp.palette())
    app_look.set_contrast_mode("on")
    assert app_look.high_contrast
    assert settings.high_contrast == "on"
    window = qapp.palette().color(QPalette.ColorRole.Window)
    text = qapp.palette().color(QPalette.ColorRole.WindowText)
    assert abs(window.lightness() - text.lightness()) == 255  # pure black against pure white
    app_look.toggle_high_contrast()
    assert not app_look.high_contrast
    assert qapp.palette().color(QPalette.ColorRole.Window) == normal.color(
        QPalette.ColorRole.Window
    )


def test_auto_follows_system_preference(look, monkeypatch: pytest.MonkeyPatch) -> None:
    app_look, _ = look
    assert app_look.contrast_mode == "auto"
    monkeypatch.setattr(appearance, "system_prefers_high_contrast", lambda: True)
    assert app_look.high_contrast
    monkeypatch.setattr(appearance, "system_prefers_high_contrast", lambda: False)
    assert not app_look.high_contrast


def test_stylesheet_uses_palette_roles_only() -> None:
    text = stylesheet_text()
    assert "palette(highlight)" in text
    assert re.findall(r"#[0-9a-fA-F]{3,8}(?![\w-])", text) == []  # no colour; names are fine
    assert "rgb" not in text.lower()


def test_stylesheet_is_applied(look, qapp: QApplication, qtbot) -> None:
    app_look, _ = look
    app_look.apply()
    assert "palette(" in qapp.styleSheet()
    label = QLabel("x")
    qtbot.addWidget(label)
    label.show()


def test_heading_keeps_its_size_when_style_sheets_change(qtbot, qapp: QApplication) -> None:
    host = QFrame()
    qtbot.addWidget(host)
    host.setStyleSheet("QFrame { border: 2px solid red; }")  # as a danger outline does
    heading = Heading("Call 999", 1.5, host)
    QVBoxLayout(host).addWidget(heading)
    host.show()
    wanted = qapp.font().pointSizeF() * 1.5
    assert heading.font().pointSizeF() == pytest.approx(wanted, abs=0.1)
    host.setStyleSheet("QFrame { border: 2px solid black; }")  # the palette changed
    qapp.processEvents()
    assert heading.font().pointSizeF() == pytest.approx(wanted, abs=0.1)
