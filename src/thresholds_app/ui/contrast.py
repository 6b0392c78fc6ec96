"""Colour contrast: WCAG 2.2 ratios, and a palette tuned so secondary text stays readable.

The stylesheet only names palette roles, so whether muted help text, borders and the selected
step are readable depends on the palette the system gives us. Fusion's light palette, for
example, draws placeholder text at half-transparent black (3.4:1 on the window colour) and white
on its highlight blue (3.6:1). :func:`tune_palette` moves just those roles, as little as needed,
until text reaches 4.5:1 and borders 3:1 (WCAG 1.4.3 and 1.4.11); a palette that already passes,
such as the app's own high-contrast one, comes back unchanged.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal-size text
TARGET_TEXT = 4.8  # a small margin over the minimum: anti-aliased text reads lighter
NON_TEXT_CONTRAST = 3.0  # WCAG 1.4.11, borders of controls and focus rings

Rgb = tuple[int, int, int]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: Rgb) -> float:
    """Relative luminance (WCAG 2.2 definition)."""
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: Rgb, b: Rgb) -> float:
    """The contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def composite(colour: QColor, background: QColor) -> Rgb:
    """The opaque colour ``colour`` shows as when drawn over ``background``."""
    alpha = colour.alphaF()
    return (
        round(colour.red() * alpha + background.red() * (1 - alpha)),
        round(colour.green() * alpha + background.green() * (1 - alpha)),
        round(colour.blue() * alpha + background.blue() * (1 - alpha)),
    )


def _mix(a: Rgb, b: Rgb, t: float) -> Rgb:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def readable(colour: Rgb, against: list[Rgb], toward: Rgb, minimum: float) -> Rgb:
    """``colour`` moved toward ``toward`` just far enough to reach ``minimum`` on every background.

    ``toward`` is the palette's main text colour, so the result keeps its hue family and only
    gets as strong as it must.
    """
    if all(ratio(colour, bg) >= minimum for bg in against):
        return colour
    for step in range(1, 21):
        mixed = _mix(colour, toward, step / 20)
        if all(ratio(mixed, bg) >= minimum for bg in against):
            return mixed
    return toward


def _rgb(colour: QColor) -> Rgb:
    return (colour.red(), colour.green(), colour.blue())


def tune_palette(palette: QPalette) -> QPalette:
    """Change ``palette`` so its muted text, borders and highlight pass WCAG contrast; return it.

    It is changed in place (callers pass a copy, such as ``app.palette()``): ``QPalette(other)``
    and ``QColor(r, g, b)`` would make PySide6 build its ``Qt`` enums at start-up (see qtprops).
    Tuning a tuned palette changes nothing.
    """
    tuned = palette
    roles = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        window = palette.color(group, roles.Window)
        base = palette.color(group, roles.Base)
        alternate = palette.color(group, roles.AlternateBase)
        text = _rgb(palette.color(group, roles.Text))
        backgrounds = [_rgb(window), _rgb(base), _rgb(alternate)]
        muted = composite(palette.color(group, roles.PlaceholderText), window)
        muted = readable(muted, backgrounds, text, TARGET_TEXT)
        tuned.setColor(group, roles.PlaceholderText, QColor.fromRgb(*muted))
        for role in (roles.Mid, roles.Dark):  # outlines of fields, cards and scrollbar handles
            border = readable(
                _rgb(palette.color(group, role)), backgrounds, text, NON_TEXT_CONTRAST
            )
            tuned.setColor(group, role, QColor.fromRgb(*border))
        highlight = _rgb(palette.color(group, roles.Highlight))
        on_highlight = _rgb(palette.color(group, roles.HighlightedText))
        # the selected step and the primary button: darken (or lighten) the highlight itself
        away = (0, 0, 0) if luminance(on_highlight) > 0.5 else (255, 255, 255)
        tuned_highlight = readable(highlight, [on_highlight], away, TARGET_TEXT)
        tuned.setColor(group, roles.Highlight, QColor.fromRgb(*tuned_highlight))
        link = readable(_rgb(palette.color(group, roles.Link)), backgrounds, text, TARGET_TEXT)
        tuned.setColor(group, roles.Link, QColor.fromRgb(*link))
    return tuned


def palette_ratio(
    palette: QPalette, foreground: QPalette.ColorRole, background: QPalette.ColorRole
) -> float:
    """The contrast of two roles of ``palette`` (the foreground composited on the background)."""
    back = palette.color(background)
    return ratio(composite(palette.color(foreground), back), _rgb(back))
