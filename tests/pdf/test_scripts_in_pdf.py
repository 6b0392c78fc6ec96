"""Hebrew and Arabic print in reading order and joined; what the font cannot print is said.

Found in the QA run: a child's words in Hebrew or Arabic printed with their letters reversed
and (Arabic) unjoined, and Devanagari turned into codes with no word to the reader.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pdfcheck import page_texts

from thresholds_app.core.case.record import CaseRecord, save_case
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import build_rationale
from thresholds_app.core.rules.engine import assess
from thresholds_app.pdf.rationale_pdf import render_rationale_pdf
from thresholds_app.pdf.safe import safe_paras, unprintable_notice

HEBREW = "אני רעב כל בוקר"  # "I am hungry every morning"
ARABIC = "أنا جائع"  # "I am hungry"


def render(pack: Pack, case: CaseRecord, voice: str) -> bytes:
    case = replace(case, free_text=replace(case.free_text, child_voice=voice))
    assessment = assess(pack, case.answers, case.context())
    return render_rationale_pdf(build_rationale(pack, case, assessment, "t", "v"))


def test_right_to_left_text_is_shaped_and_other_text_is_not() -> None:
    from thresholds_app.pdf.layout import make_styles

    body = make_styles().body
    assert safe_paras(f"She said {ARABIC}", body)[0].style.shaping
    assert not safe_paras("She said she was hungry", body)[0].style.shaping


def test_hebrew_reads_right_to_left_and_arabic_is_joined(pack: Pack, case: CaseRecord) -> None:
    text = " ".join(page_texts(render(pack, case, f"{HEBREW} / {ARABIC}")))
    # Drawn in visual order, a right-to-left sentence extracts last word first.
    assert " ".join(reversed(HEBREW.split())) in text
    # Joined Arabic is drawn with contextual forms (Arabic Presentation Forms-B).
    assert any(0xFE70 <= ord(char) <= 0xFEFF for char in text)
    normal = unicodedata.normalize("NFKC", text)
    assert all(word in normal for word in ("جائع",))


def test_unprintable_letters_are_named_on_the_rationale(pack: Pack, case: CaseRecord) -> None:
    text = " ".join(page_texts(render(pack, case, "बच्चा भूखा है")))
    assert "Some characters (Devanagari letters) cannot be printed" in text
    assert unprintable_notice(["plain English, Siôn, Łódź"]) == ""


def test_render_says_so_too(tmp_path: Path, case: CaseRecord) -> None:
    path = tmp_path / "case.json"
    save_case(replace(case, free_text=replace(case.free_text, worry="ਬੱਚਾ ਭੁੱਖਾ ਹੈ")), path)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "thresholds_app.cli",
            "render",
            str(path),
            "-o",
            str(tmp_path / "out.pdf"),
            "--draft",
            "--authoring",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Gurmukhi letters" in done.stderr, done.stderr


@pytest.mark.parametrize("word", ["last", "first", "office"])
def test_latin_ligatures_are_not_formed_in_shaped_lines(
    pack: Pack, case: CaseRecord, word: str
) -> None:
    text = " ".join(page_texts(render(pack, case, f"{ARABIC} {word}")))
    assert word in text
