"""How user text is cut into Paragraphs (hazard H13): nothing lost, nothing merged, page-sized.

Found by mutation testing (docs/safety/mutation.md): the round-trip tests render short text, so
the splitting of long lines, blank lines and the empty placeholder went unchecked.
"""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from thresholds_app.pdf.fonts import BODY, register_fonts
from thresholds_app.pdf.safe import (
    CHUNK_CHARS,
    _plain_letters_when_shaped,
    clean_text,
    has_right_to_left,
    markup,
    safe_para,
    safe_paras,
    style_for,
    uncovered_characters,
    unprintable_notice,
)


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


def test_a_piece_after_a_cut_keeps_every_letter_it_starts_with() -> None:
    line = "a" * 1400 + " " + "Xavier" * 50  # no space after the one the cut is made at
    assert _texts(line) == ["a" * 1400, "Xavier" * 50]


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


# -- Characters the font cannot print, and right-to-left text ---------------------------------
# Found by mutation testing (docs/safety/mutation.md): the tests of the shaping and of the
# notice render whole PDFs in a file outside the mutation run; these pin the pieces.

DEVANAGARI = "बच्चा"  # "child": letters and vowel signs (marks) DejaVu does not draw
EMOJI = "😀"


def test_each_character_is_kept_dropped_spelled_or_made_a_space_or_new_line() -> None:
    assert clean_text("Xé\tX\rX") == "Xé X X"  # X is a letter, not a tab or return
    assert clean_text("é\u2028a\x85b\x0bc\nd") == "é\na\nb\nc\nd"  # every kind of new line
    assert clean_text(f"é{EMOJI}\u200d\x00a") == "é[U+1F600]a"
    assert clean_text(f"Siôn {DEVANAGARI[0]}") == "Siôn [U+092C]"


def test_the_characters_spelled_out_are_listed_once_each_in_order() -> None:
    assert uncovered_characters(f"Siôn {EMOJI} said {EMOJI}\n\u2028ok ሰ") == [EMOJI, "ሰ"]
    assert uncovered_characters("Siôn\n\u2028Łódź") == []


def test_the_notice_names_each_kind_of_character_and_the_first_code() -> None:
    notice = unprintable_notice(["Siôn wrote ", f"{DEVANAGARI} {EMOJI}", "ሰላም"])
    assert notice == (
        "Some characters (Devanagari letters, symbols or emoji, Ethiopic letters) cannot be "
        "printed in this document's font and are shown as codes such as [U+092C]. The case "
        "file keeps the original words: give them alongside this rationale if they matter."
    )
    assert unprintable_notice([EMOJI]).startswith("Some characters (symbols or emoji) cannot")
    # A letter Unicode gives no name to here (Tangut) is not called "letters" of no script.
    assert unprintable_notice(["\U00017000"]).startswith("Some characters (symbols or emoji)")
    assert unprintable_notice(["plain English, Siôn, Łódź", "\n"]) == ""
    assert unprintable_notice([]) == ""


def test_only_hebrew_and_arabic_letters_are_shaped() -> None:
    assert has_right_to_left("שלום")  # Hebrew: right to left
    assert has_right_to_left("محمد")  # Arabic: right to left, joined
    assert not has_right_to_left("Siôn Łódź 123 ")
    style = _style()
    shaped = style_for("She said محمد", style)
    assert shaped.shaping == 1
    assert shaped.fontName == BODY  # the caller's style underneath
    assert style_for("She said Siôn", style) is style
    assert safe_para("محمد", style).style.shaping == 1
    assert safe_para("Mo", style).style is style


def test_ligatures_are_turned_off_for_shaped_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab shapes with "st" and "ffi" joined into one glyph, which copies as "\ufb06"."""
    from reportlab.pdfbase import ttfonts

    features = ttfonts.shapeFragWord.__defaults__[0]
    for name in ("kern", "liga", "dlig"):
        monkeypatch.setitem(features, name, True)  # reportlab's own defaults, undone after
    _plain_letters_when_shaped()
    assert features == {"kern": True, "liga": False, "dlig": False}


def test_a_reportlab_without_shaping_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import ttfonts

    def shape_frag_word(w: object, features: object = None) -> object:  # reportlab's fallback
        return w

    monkeypatch.setattr(ttfonts, "shapeFragWord", shape_frag_word)
    _plain_letters_when_shaped()
    assert shape_frag_word.__defaults__ == (None,)
