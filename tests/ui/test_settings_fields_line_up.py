"""The settings form's fields line up at every text size (QA item 25: at 150% text the Contrast
box was wider than the Text size box above it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QPalette

from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.settings import AppSettings
from thresholds_app.ui.settings_page import SettingsPage


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_every_field_has_the_same_width_and_right_edge(qtbot, qapp, tmp_path: Path, scale):
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    mine = AppSettings(tmp_path / "s.ini")
    look = Appearance(qapp, mine)
    try:
        look.apply()
        page = SettingsPage(mine, look)
        qtbot.addWidget(page)
        page.resize(1264, 672)
        page.show()
        qtbot.waitExposed(page)
        look.set_scale(scale)  # as Ctrl+= or the Text size box does, with the page on show
        qtbot.wait(50)
        fields = (page.idle, page.retention, page.text_size, page.contrast)
        rights = {f.mapTo(page, QPoint(f.width(), 0)).x() for f in fields}
        lefts = {f.mapTo(page, QPoint(0, 0)).x() for f in fields}
        assert len(lefts) == 1, lefts
        assert len(rights) == 1, {f.accessibleName() or f.objectName(): f.width() for f in fields}
        for field in fields:  # and each is wide enough for what it shows
            assert field.width() >= field.sizeHint().width()
    finally:
        qapp.setFont(font)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
