"""Headings never sit alone at the foot of a page (QA walk, item 23).

Each test moves a heading down the page a little at a time, across the page foot, builds the
real PDF and reads it back with pypdf: the heading and the first words of its text must be on
the same page every time, and a long text must not be pushed wholesale to the next page.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from pdfcheck import page_texts
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from sample_packs import sample_case, sample_pack
from thresholds_app.core.case.reviews import Review
from thresholds_app.core.report.blocks import Field, Section
from thresholds_app.core.report.rationale import build_rationale
from thresholds_app.core.rules.engine import assess
from thresholds_app.pdf.layout import PageFurniture, build_pdf, make_styles
from thresholds_app.pdf.rationale_pdf import _section, render_rationale_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "review"))
from olderpack import case_under, example_case

FURNITURE = PageFurniture("OFFICIAL", "left", "right", "foot", "foot")
# The frame build_pdf lays out into: A4 less the 22 mm and 21 mm margins and 6 pt padding each side.
FRAME_HEIGHT = A4[1] - 43 * mm - 12
LONG = "Firstwords " + "a long text that carries on " * 120


def _page_of(pages: list[str], text: str) -> int:
    return next(number for number, page in enumerate(pages) if text in page)


def _same_page(pages: list[str], heading: str, first_words: str) -> bool:
    return _page_of(pages, heading) == _page_of(pages, first_words)


def _story_with_room(room: float) -> list[Flowable]:
    """A rationale section (heading, field label, long text) with ``room`` points left for it."""
    section = Section("Section heading", (Field("Field label", LONG),))
    return [Spacer(1, FRAME_HEIGHT - room), *_section(section, make_styles())]


def test_heading_and_label_follow_their_text_when_too_little_room_is_left() -> None:
    for room in range(4, 70, 9):  # from no room at all to room for the headings and a line
        pages = page_texts(build_pdf(_story_with_room(room), FURNITURE, "t", "s"))
        assert _same_page(pages, "Section heading", "Firstwords"), room
        assert _same_page(pages, "Field label", "Firstwords"), room


def test_a_long_text_starts_under_its_heading_rather_than_leaving_the_page_blank() -> None:
    for room in (90, 140, 300):  # room for the headings and a few lines
        pages = page_texts(build_pdf(_story_with_room(room), FURNITURE, "t", "s"))
        assert _page_of(pages, "Section heading") == 0, room
        assert _page_of(pages, "Firstwords") == 0, room


def test_rationale_section_heading_keeps_with_a_long_worry() -> None:
    pack = sample_pack()
    for words in range(55, 85, 6):  # pushes "What the worry is" across the foot of page 1
        case = sample_case(pack)
        case.free_text = replace(case.free_text, worry="Worrystart " + "the worry goes on " * 120)
        case.child = replace(
            case.child, communication_needs="needs " * 60, current_safety="safe " * words
        )
        assessment = assess(pack, case.answers, case.context())
        rationale = build_rationale(pack, case, assessment, "2026-01-05 10:00 UTC", "0.1.0")
        pages = page_texts(render_rationale_pdf(rationale))
        assert _same_page(pages, "What the worry is", "Worrystart"), words
        assert _same_page(pages, "What we are worried about", "Worrystart"), words


def _review(number: int, reasons: str, pack: object) -> Review:
    return Review(
        stage="screening",
        reviewer=f"Reviewer{number}",
        role="MASH social worker",
        reviewed_at="2026-12-01T14:05:00Z",
        received_at="2026-12-01T09:00:00Z",
        pack_id=pack.manifest.id,  # type: ignore[attr-defined]
        pack_version=pack.manifest.version,  # type: ignore[attr-defined]
        pack_hash=pack.content_hash,  # type: ignore[attr-defined]
        indicated_now=3,
        agrees=True,
        level=3,
        reasons=reasons,
        rag="amber",
        outcome="cin-assessment",
    )


def test_review_sheet_headings_keep_with_their_first_lines() -> None:
    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.paths import default_pack_dir

    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    for words in range(404, 464, 12):  # pushes review 2 across the foot of the sheet's first page
        case = case_under(pack, example_case("level-3-consent-refused"))
        case.reviews = [
            _review(1, "checks " * words, pack),
            _review(2, "Secondreasons " + "the reasons go on " * 60, pack),
        ]
        assessment = assess(pack, case.answers, case.context())
        rationale = build_rationale(pack, case, assessment, "2026-12-01 14:10 UTC", "0.1.0")
        pages = page_texts(render_rationale_pdf(rationale))
        assert _same_page(pages, "Review 2", "Reviewed by Reviewer2"), words
        last_label = max(n for n, page in enumerate(pages) if "Reviewer's reasons" in page)
        assert last_label == _page_of(pages, "Secondreasons"), words
