"""Turn any user text into Paragraphs that cannot break the PDF (hazard H13).

Every piece of text a practitioner typed goes through :func:`safe_paras`. It escapes markup
(``&``, ``<``, ``>``), drops control characters, spells out characters the font cannot draw
(emoji, lone surrogates, unsupported scripts) as ``[U+1F600]`` so nothing is silently lost, and
splits long text into pieces platypus can flow across pages (reportlab's ``splitLongWords``
breaks a very long word across lines). Nothing typed by a user ever reaches
reportlab's markup, colour or image parsers, so no text can fetch a URL or change the layout.

Text with Hebrew or Arabic letters is laid out with reportlab's shaping (HarfBuzz, through
``uharfbuzz``): Arabic letters are joined and right-to-left words read in their own order.
Without it a child's words in Arabic printed reversed and unjoined (QA run). Other text is not
shaped, which keeps the common case as fast as before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from thresholds_app.pdf.fonts import covers

# A paragraph longer than this is split so each piece fits comfortably on a page.
CHUNK_CHARS = 1500
_PLAIN = re.compile(r"[\x20-\x7e\n]*")
_NEWLINES = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def clean_text(text: str) -> str:
    """Return ``text`` with controls removed and undrawable characters spelled out."""
    if _PLAIN.fullmatch(text):
        return text  # the common case: printable ASCII and newlines need no work
    out: list[str] = []
    for char in text:
        if char in _NEWLINES:
            out.append("\n")
        elif char in "\t\r":
            out.append(" ")
        else:
            kind = _kind(char)
            if kind == "spell":
                out.append(f"[U+{ord(char):04X}]")
            elif kind == "keep":
                out.append(char)
    return "".join(out)


@lru_cache(maxsize=4096)
def _kind(char: str) -> str:
    """Return "keep", "drop" (controls, invisible format marks) or "spell" (no usable glyph)."""
    category = unicodedata.category(char)
    if category == "Cc" or category == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F:
        # Controls, zero-width joiners, bidi overrides, soft hyphens and variation selectors:
        # nothing to draw, and bidi overrides could make printed text read differently.
        return "drop"
    if category == "Cs" or ord(char) > 0xFFFF:
        # reportlab writes a broken ToUnicode entry for characters beyond the BMP, so even ones
        # DejaVu draws (a few emoji) would not copy or search: spell them all out.
        return "spell"
    return "keep" if covers(char) else "spell"


def uncovered_characters(text: str) -> list[str]:
    """Return the distinct characters in ``text`` that the PDF will spell out as code points."""
    return list(dict.fromkeys(c for c in text if c not in _NEWLINES and _kind(c) == "spell"))


def unprintable_notice(texts: Iterable[str]) -> str:
    """Plain words on the characters the PDF spells out as codes, or "" when there are none."""
    missing = uncovered_characters("".join(texts))
    if not missing:
        return ""
    kinds = dict.fromkeys(_script(char) for char in missing)
    example = f"[U+{ord(missing[0]):04X}]"
    return (
        f"Some characters ({', '.join(kinds)}) cannot be printed in this document's font and "
        f"are shown as codes such as {example}. The case file keeps the original words: give "
        "them alongside this rationale if they matter."
    )


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if unicodedata.category(char)[0] in "LM" and name:
        return name.split()[0].title() + " letters"
    return "symbols or emoji"


def _chunks(line: str) -> list[str]:
    """Split a line into pieces of at most about CHUNK_CHARS, at spaces where possible."""
    pieces: list[str] = []
    while len(line) > CHUNK_CHARS:
        cut = line.rfind(" ", CHUNK_CHARS // 2, CHUNK_CHARS)
        if cut <= 0:
            cut = CHUNK_CHARS
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces


def markup(text: str) -> str:
    """Return short user text as escaped Paragraph markup (one line; newlines become breaks)."""
    cleaned = clean_text(text)
    return escape(cleaned).replace("\n", "<br/>")


def safe_paras(text: str, style: ParagraphStyle, empty: str = "") -> list[Paragraph]:
    """Return Paragraphs for any user text: one per line, long lines split into pieces."""
    cleaned = clean_text(text).strip("\n")
    if not cleaned.strip():
        return [Paragraph(escape(empty), style)] if empty else []
    style = style_for(cleaned, style)
    paragraphs: list[Paragraph] = []
    for line in cleaned.split("\n"):
        if not line.strip():
            continue
        for piece in _chunks(line):
            paragraphs.append(Paragraph(escape(piece), style))
    return paragraphs


def safe_para(text: str, style: ParagraphStyle) -> Paragraph:
    """Return one Paragraph for short user text (table cells, labels); newlines kept as breaks."""
    return Paragraph(markup(text), style_for(text, style))


def style_for(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """``style``, shaped (joined and in reading order) when ``text`` has right-to-left letters."""
    return _shaped(style) if has_right_to_left(text) else style


def _plain_letters_when_shaped() -> None:
    # reportlab shapes with ligatures on, discretionary ones too: "st" became one glyph that
    # copies and searches as "\ufb06". Joining Arabic needs neither (it is a required feature).
    from reportlab.pdfbase import ttfonts

    defaults = ttfonts.shapeFragWord.__defaults__
    if defaults and isinstance(defaults[0], dict):
        defaults[0].update(liga=False, dlig=False)


_plain_letters_when_shaped()


@lru_cache(maxsize=64)
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def has_right_to_left(text: str) -> bool:
    """Whether ``text`` has Arabic-script or Hebrew letters (they are printed shaped)."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)
