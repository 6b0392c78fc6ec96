"""How the app looks: the system colour scheme, high contrast and large text.

The app follows the system's light or dark scheme and its font size. On top of that the user can
scale all text (Ctrl+= / Ctrl+- / Ctrl+0) and switch high contrast on or off, or leave it to
follow the system's own contrast preference. Colours come from the palette only; the small
stylesheet in ``resources/styles/app.qss`` refers to palette roles, never to fixed colours, so the
same look works in light, dark and high-contrast palettes.

Headings use :class:`Heading`, which sizes itself relative to the application font, so it grows
with the text scale instead of keeping a fixed point size.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from thresholds_app.paths import resources_dir
from thresholds_app.ui.contrast import tune_palette
from thresholds_app.ui.qtprops import application_wide, new_action, no_text_interaction
from thresholds_app.ui.settings import SCALE_MAX, SCALE_MIN, AppSettings

SCALE_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
# Body text at 100%: about 11 pt, as the GOV.UK and NHS design systems' 19 px / 16 px body
# sizes read on a desktop. A larger system font is kept; a smaller one (Windows' 9 pt) is raised.
BODY_POINT_SIZE = 11.0


def body_point_size(system_font: QFont) -> float:
    """The body text size at 100%: the system's, raised to :data:`BODY_POINT_SIZE`."""
    return max(system_font.pointSizeF(), BODY_POINT_SIZE)


def stylesheet_text() -> str:
    """Return the app stylesheet (empty if the file is missing: the app still works)."""
    try:
        return (resources_dir() / "styles" / "app.qss").read_text(encoding="utf-8")
    except OSError:
        return ""


def system_prefers_high_contrast() -> bool:
    """Whether the operating system asks for high contrast (False where Qt cannot tell)."""
    from PySide6.QtCore import Qt  # not at the top: see thresholds_app.ui.qtprops

    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:  # Qt before 6.10
        return False
    with contextlib.suppress(AttributeError):
        return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)
    return False


def system_is_dark(palette: QPalette) -> bool:
    """Whether the system scheme is dark (from the style hints, or the palette if unknown)."""
    from PySide6.QtCore import Qt

    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def high_contrast_palette(dark: bool) -> QPalette:
    """Return a high-contrast palette: pure black and white with a strong highlight.

    These are the only fixed colours in the app: high contrast *is* a fixed choice of colours.
    """
    fg, bg = (
        (QColor("#ffffff"), QColor("#000000")) if dark else (QColor("#000000"), QColor("#ffffff"))
    )
    highlight = QColor("#ffff00") if dark else QColor("#00008b")
    highlighted_text = QColor("#000000") if dark else QColor("#ffffff")
    link = QColor("#00ffff") if dark else QColor("#0000ee")
    palette = QPalette()
    roles = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (
            roles.Window,
            roles.Base,
            roles.AlternateBase,
            roles.Button,
            roles.ToolTipBase,
        ):
            palette.setColor(group, role, bg)
        for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.ToolTipText):
            palette.setColor(group, role, fg)
        for role in (roles.Light, roles.Midlight, roles.Mid, roles.Dark, roles.Shadow):
            palette.setColor(group, role, fg)
        palette.setColor(group, roles.BrightText, fg)
        # secondary text stays distinct but above 7:1 contrast
        palette.setColor(group, roles.PlaceholderText, QColor("#b3b3b3" if dark else "#4d4d4d"))
        palette.setColor(group, roles.Highlight, highlight)
        palette.setColor(group, roles.HighlightedText, highlighted_text)
        palette.setColor(group, roles.Link, link)
        palette.setColor(group, roles.LinkVisited, link)
    disabled = QColor("#808080") if dark else QColor("#595959")
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    for role in (roles.Window, roles.Base, roles.Button):
        palette.setColor(QPalette.ColorGroup.Disabled, role, bg)
    return palette


class Appearance(QObject):
    """Applies text scale, contrast and the stylesheet to the whole application.

    Signals:
        changed(): the scale or contrast changed (views that draw their own text may refresh).
    """

    changed = Signal()

    def __init__(self, app: QApplication, settings: AppSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._settings = settings
        self._system_font = QFont(app.font())  # the system's size: scaling starts from here
        self._system_palette = app.palette()  # a copy already (QPalette(...) would touch Qt)
        self._scale = settings.text_scale
        self._mode = settings.high_contrast
        self._stylesheet = stylesheet_text()
        self.contrast_tick: Callable[[], None] = lambda: None  # set by actions()
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._system_changed)
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None:
            with contextlib.suppress(AttributeError):
                accessibility().contrastPreferenceChanged.connect(self._system_changed)

    # -- state ---------------------------------------------------------------------------------

    @property
    def settings(self) -> AppSettings:
        """Where the text scale and contrast are remembered."""
        return self._settings

    @property
    def scale(self) -> float:
        """The current text scale factor."""
        return self._scale

    @property
    def contrast_mode(self) -> str:
        """``auto``, ``on`` or ``off``."""
        return self._mode

    @property
    def high_contrast(self) -> bool:
        """Whether high contrast is in effect now."""
        if self._mode == "auto":
            return system_prefers_high_contrast()
        return self._mode == "on"

    def point_size(self) -> float:
        """The application font's point size at the current scale."""
        return round(body_point_size(self._system_font) * self._scale, 1)

    # -- changing ------------------------------------------------------------------------------

    def apply(self) -> None:
        """Apply the font scale, palette and stylesheet to the application."""
        font = QFont(self._system_font)
        font.setPointSizeF(self.point_size())
        self._app.setFont(font)
        if self._mode == "on":
            palette = high_contrast_palette(system_is_dark(self._system_palette))
        else:  # "auto" with a high-contrast system: the system palette already is one
            palette = self._system_palette
        # muted help text, borders and the highlight raised to WCAG contrast (see contrast.py)
        self._app.setPalette(tune_palette(palette))
        # re-applied so palette() roles refresh and styled widgets take the new font
        # (Qt does not pass an application font change to widgets under a stylesheet)
        self._app.setStyleSheet("")
        self._app.setStyleSheet(self._stylesheet)
        # The re-polish resets explicitly set fonts. (Headings are found here rather than each
        # watching its own events: a Python event handler makes start-up build PySide6's
        # QEvent enums, 5 ms.)
        for widget in self._app.allWidgets():
            if isinstance(widget, Heading):
                widget.keep_size()
        self.changed.emit()

    def set_scale(self, scale: float) -> None:
        """Set the text scale (clamped to 0.8-2.0) and remember it."""
        self._scale = round(min(max(float(scale), SCALE_MIN), SCALE_MAX), 2)
        self._settings.text_scale = self._scale
        self.apply()

    def zoom_in(self) -> None:
        """Make text one step larger."""
        bigger = [s for s in SCALE_STEPS if s > self._scale + 1e-6]
        self.set_scale(bigger[0] if bigger else SCALE_MAX)

    def zoom_out(self) -> None:
        """Make text one step smaller."""
        smaller = [s for s in SCALE_STEPS if s < self._scale - 1e-6]
        self.set_scale(smaller[-1] if smaller else SCALE_MIN)

    def reset_zoom(self) -> None:
        """Go back to the system's text size."""
        self.set_scale(1.0)

    def set_contrast_mode(self, mode: str) -> None:
        """Set high contrast to ``auto``, ``on`` or ``off`` and remember it."""
        self._settings.high_contrast = mode
        self._mode = mode
        self.apply()

    def toggle_high_contrast(self) -> None:
        """Switch high contrast on if it is off now, otherwise off."""
        self.set_contrast_mode("off" if self.high_contrast else "on")

    def _system_changed(self, *_args: object) -> None:
        # the system scheme changed: take its new palette as the base again
        if self._mode != "on":
            self._system_palette = QGuiApplication.palette()  # a copy
        self.apply()

    # -- actions -------------------------------------------------------------------------------

    def actions(self, parent: QObject) -> list[QAction]:
        """Return the View menu actions: larger, smaller, normal text and high contrast."""

        def action(text: str, keys: list[QKeySequence], slot: object, tip: str) -> QAction:
            act = new_action(text, parent)
            act.setShortcuts(keys)
            application_wide(act)
            act.setStatusTip(tip)
            act.setToolTip(tip)
            act.triggered.connect(slot)
            return act

        tr = self.tr
        larger = action(
            tr("&Larger text"),
            [
                QKeySequence("Ctrl+="),
                QKeySequence("Ctrl++"),
                QKeySequence(QKeySequence.StandardKey.ZoomIn),
            ],
            self.zoom_in,
            tr("Make all text larger"),
        )
        smaller = action(
            tr("&Smaller text"),
            [QKeySequence("Ctrl+-"), QKeySequence(QKeySequence.StandardKey.ZoomOut)],
            self.zoom_out,
            tr("Make all text smaller"),
        )
        normal = action(
            tr("&Normal text size"),
            [QKeySequence("Ctrl+0")],
            self.reset_zoom,
            tr("Go back to the standard text size"),
        )
        contrast = new_action(tr("&High contrast"), parent)
        contrast.setCheckable(True)
        contrast.setStatusTip(tr("Use strong black and white colours"))

        def tick() -> None:
            blocked = contrast.blockSignals(True)  # showing the state must not change the mode
            contrast.setChecked(self.high_contrast)
            contrast.blockSignals(blocked)

        # In "auto" mode the tick asks the system, which touches PySide6's Qt namespace (see
        # qtprops): so it is set when its menu opens (and on every change), not at start-up.
        self.contrast_tick = tick
        if self._mode != "auto":
            tick()
        contrast.toggled.connect(lambda on: self.set_contrast_mode("on" if on else "off"))
        self.changed.connect(tick)
        return [_dedupe(larger), _dedupe(smaller), normal, contrast]


def _dedupe(action: QAction) -> QAction:
    """Drop repeated key sequences: two equal shortcuts on one action make both ambiguous."""
    unique: list[QKeySequence] = []
    for seq in action.shortcuts():
        if not seq.isEmpty() and all(seq != u for u in unique):
            unique.append(seq)
    action.setShortcuts(unique)
    return action


class Heading(QLabel):
    """A heading label whose size stays relative to the application font as text scales."""

    def __init__(self, text: str, factor: float = 1.5, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._factor = factor
        self.setWordWrap(True)
        no_text_interaction(self)
        self.setAccessibleName(text)
        self._resize_font()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # widgets styled by a stylesheet are not sent ApplicationFontChange, so listen here
            app.fontChanged.connect(self._resize_font)

    def _wanted_size(self) -> float:
        return max(1.0, QApplication.font().pointSizeF() * self._factor)

    def _resize_font(self, *_args: object) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(self._wanted_size())
        font.setWeight(QFont.Weight.DemiBold)
        self.setFont(font)

    def keep_size(self) -> None:
        """Set the heading size again if a stylesheet re-polish reset the font."""
        if abs(self.font().pointSizeF() - self._wanted_size()) > 0.01:
            self._resize_font()
