"""How user text is cut into Paragraphs (hazard H13): nothing lost, nothing merged, page-sized.

Found by mutation testing (docs/safety/mutation.md): the round-trip tests render short text, so
the splitting of long lines, blank lines and the empty placeholder went unchecked.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from thresholds_app.pdf.fonts import BODY, register_fonts
from thresholds_app.pdf.safe import CHUNK_CHARS, markup, safe_para, safe_paras


def _style() -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle("user text", fontName=BODY, fontSize=10, leading=12)


def _texts(text: str, **kwargs: str) -> list[str]:
    return [p.getPlainText() for p in safe_paras(text, _style(), **kwargs)]


def test_a_long_line_is_cut_at_the_last_space_that_fits_and_nothing_is_lost() -> None:
    words = ["Xylophone"] + [f"word{n}" for n in range(900)]  # pieces start with any letter
    line = " ".join(words)
    pieces = _texts(line)
    assert len(pieces) > 2
    assert " ".join(pieces) == line  # every word, in order, none cut in two
    assert all(len(p) <= CHUNK_CHARS for p in pieces)
    assert all(len(p) > CHUNK_CHARS - 10 for p in pieces[:-1])  # cut at the last space that fits


def test_a_piece_never_runs_past_the_limit_to_reach_a_later_space() -> None:
    line = "a" * 1400 + " " + "b" * 399 + " " + "c" * 1000
    assert _texts(line) == ["a" * 1400, "b" * 399 + " " + "c" * 1000]


def test_a_space_early_in_the_piece_is_not_used_so_pieces_stay_large() -> None:
    line = "a" * 600 + " " + "b" * 2000  # the only space is in the first half of a piece
    pieces = _texts(line)
    assert [len(p) for p in pieces] == [CHUNK_CHARS, len(line) - CHUNK_CHARS]
    assert "".join(pieces) == line


def test_a_line_that_just_fits_stays_whole() -> None:
    line = ("x" * 99 + " ") * 14 + "y" * 100
    assert len(line) == CHUNK_CHARS
    assert _texts(line) == [line]


def test_each_line_is_a_paragraph_and_blank_lines_do_not_end_the_text() -> None:
    text = "\nXavier said he was hungry.\n\n\nHis sister agreed.\n  \nX marks the gate.\n"
    assert _texts(text) == [
        "Xavier said he was hungry.",
        "His sister agreed.",
        "X marks the gate.",
    ]


def test_empty_text_gives_nothing_or_the_placeholder_asked_for() -> None:
    assert _texts("") == []
    assert _texts(" \n\t\n") == []
    assert _texts("", empty="Not recorded.") == ["Not recorded."]
    assert _texts("  ", empty="<b>none</b>") == ["<b>none</b>"]  # the placeholder is escaped too


def test_every_paragraph_uses_the_callers_style_so_the_font_draws_the_text() -> None:
    style = _style()
    for text, empty in (("Łódź\n\nSiôn", ""), ("", "Not recorded."), ("x" * 4000, "")):
        paragraphs = safe_paras(text, style, empty=empty)
        assert paragraphs
        assert all(p.style.fontName == BODY for p in paragraphs)


def test_short_text_keeps_its_line_breaks_in_one_paragraph() -> None:
    style = _style()
    assert markup("first\nsecond & <third>") == "first<br/>second &amp; &lt;third&gt;"
    one, two = safe_para("first", style), safe_para("first\nsecond", style)
    assert two.wrap(400, 1000)[1] == 2 * one.wrap(400, 1000)[1]  # two lines, not one
    assert two.getPlainText() == "firstsecond"  # a break, not a character
