"""The danger colour: red outlines for "immediate danger", following the palette.

Kept apart from the emergency dialog so the main window can style its button without loading the
dialog (and the contact logic) at start-up. Under high contrast the outline takes the palette's
text colour, and it is worked out again whenever the application palette changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

EMERGENCY_SHORTCUT = "F9"  # one key, free in every standard Qt widget


def high_contrast_requested() -> bool:
    """Whether the system (or the app's settings) asks for high contrast."""
    from PySide6.QtCore import Qt  # not at the top: see thresholds_app.ui.qtprops

    hints = QGuiApplication.styleHints()
    try:
        preference = hints.accessibility().contrastPreference()
    except AttributeError:  # Qt < 6.10 has no accessibility hints
        return False
    return preference == Qt.ContrastPreference.HighContrast


def is_high_contrast(palette: QPalette, *, ask_system: bool = True) -> bool:
    """Whether ``palette`` is a high-contrast one (the system's, or the app's own mode).

    ``ask_system=False`` judges by the palette alone, without asking the system's preference.
    """
    if ask_system and high_contrast_requested():
        return True
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    extremes = ("#000000", "#ffffff")
    return (
        window.name() in extremes
        and text.name() in extremes
        and palette.color(QPalette.ColorRole.Mid) == text
    )


def danger_colour(palette: QPalette, *, ask_system: bool = True) -> QColor:
    """Return the red used for the danger outline, readable on ``palette``'s window colour.

    Under high contrast the palette's own text colour is used instead: the outline must never
    fight the user's chosen colours.
    """
    if is_high_contrast(palette, ask_system=ask_system):
        return palette.color(QPalette.ColorRole.WindowText)
    dark_window = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark_window else QColor("#b3261e")


class _DangerStyler(QObject):
    """Re-renders its parent's danger style when the palette changes (high contrast on/off).

    It listens to the application's ``paletteChanged`` (child widgets with a style sheet are not
    always sent palette events) and, being the widget's child, disconnects when it goes.
    """

    def refresh(self, *_args: object) -> None:
        """Work the colour out again for the current palette."""
        widget = self.parent()
        if isinstance(widget, QWidget):
            _render_danger(widget)


def _render_danger(widget: QWidget, *, ask_system: bool = True) -> None:
    template = widget.property("dangerTemplate")
    if not isinstance(template, str):
        return
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else widget.palette()
    sheet = template.replace("{red}", danger_colour(palette, ask_system=ask_system).name())
    if widget.styleSheet() != sheet:  # no loop: only a real change restyles
        widget.setStyleSheet(sheet)


def style_danger(widget: QWidget, template: str, *, at_start_up: bool = False) -> None:
    """Give ``widget`` the style sheet ``template`` with ``{red}`` as the danger colour.

    The colour follows the palette: red normally, the text colour under high contrast, and it
    is worked out again whenever the palette changes. ``at_start_up``: for a widget on the first
    screen, judge by the palette first and ask the system's contrast preference at the first
    sign of use (:mod:`thresholds_app.ui.first_use`): asking builds PySide6's Qt namespace (see
    :mod:`thresholds_app.ui.qtprops`), about 30 ms that kept the app busy after its first paint.
    A high-contrast palette is recognised by its colours at once; only the system's bare
    preference waits.
    """
    widget.setProperty("dangerTemplate", template)
    styler = widget.findChild(_DangerStyler, "dangerStyler")
    app = QApplication.instance()
    if styler is None:
        styler = _DangerStyler(widget)
        styler.setObjectName("dangerStyler")
        if isinstance(app, QApplication):
            app.paletteChanged.connect(styler.refresh)
    _render_danger(widget, ask_system=not at_start_up)
    if at_start_up:

        def watch() -> None:
            from thresholds_app.ui.first_use import FirstUse

            window = widget.window()
            FirstUse(window if window.isVisible() else None, styler.refresh, owner=styler)

        # The watch starts after the first paint (twice queued: and after --quit-when-ready's
        # exit), on the widget's window once it is on screen.
        QTimer.singleShot(0, styler, lambda: QTimer.singleShot(0, styler, watch))
