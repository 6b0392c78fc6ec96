"""The bundled DejaVu fonts: registered once, found only through ``paths.resources_dir()``.

reportlab's built-in fonts cover only WinAnsi, so Welsh ŵ/ŷ, Polish ł and the like would print as
boxes. DejaVu Sans covers Latin (with Polish, Romanian, Welsh, Turkish, Vietnamese letters),
Greek, Cyrillic, Armenian and Georgian, and has Arabic and Hebrew glyphs, but reportlab neither
joins Arabic letters nor reorders right-to-left text (see docs/case-file.md). It has no CJK,
Indic, Thai, Ethiopic or colour emoji glyphs: :func:`covers` tells the safe paragraph helper
which characters to spell out as code points instead.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from thresholds_app.paths import resources_dir

BODY = "ThresholdsSans"
BOLD = "ThresholdsSans-Bold"
ITALIC = "ThresholdsSans-Oblique"
BOLD_ITALIC = "ThresholdsSans-BoldOblique"
MONO = "ThresholdsMono"

_FILES = {
    BODY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}


class FontMissingError(RuntimeError):
    """A bundled font file is missing: the installation is incomplete."""


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the bundled fonts with reportlab (idempotent; cached for the process)."""
    folder = resources_dir() / "fonts"
    for name, file_name in _FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise FontMissingError(f"The font {file_name} is missing from {folder}.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        BODY, normal=BODY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    for bold, italic, name in ((0, 0, BODY), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(BODY, bold, italic, name)


@lru_cache(maxsize=1)
def _body_cmap() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(BODY)
    return frozenset(font.face.charToGlyph)


def covers(char: str) -> bool:
    """Whether the body font has a glyph for ``char`` (a single character)."""
    return ord(char) in _body_cmap()
