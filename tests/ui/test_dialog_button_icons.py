"""Dialog buttons carry words only: a style's icon was drawn over their first letter.

On the Linux desktop (xcb) Qt's style puts an icon on every standard dialog button (Close,
OK, Yes, No); with the app's button padding it overlapped the text (the F9 dialog's Close).
The offscreen platform has no such icons, so a style that asks for them stands in here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QProxyStyle, QStyle

from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.settings import AppSettings


class IconsOnButtons(QProxyStyle):
    """Fusion, except that dialog buttons get icons, as on the Linux desktop."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # type: ignore[no-untyped-def]
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, returnData)


def test_dialog_buttons_have_no_icon_under_the_app_stylesheet(qtbot, qapp, tmp_path) -> None:
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    style = IconsOnButtons("fusion")
    try:
        Appearance(qapp, AppSettings(tmp_path / "s.ini")).apply()
        box = QDialogButtonBox()
        qtbot.addWidget(box)
        box.setStyle(style)
        box.setStandardButtons(
            QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Ok
        )
        for button in box.buttons():
            assert button.icon().isNull(), button.text()
    finally:
        qapp.setFont(font)
        qapp.setPalette(palette)
        qapp.setStyleSheet(sheet)
