"""The rationale PDF: content, page furniture, fonts, structure and repeatable bytes."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pdfcheck import flat, font_names, metadata, page_texts, qpdf_problems
from pypdf import PdfReader

from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import Rationale, build_rationale
from thresholds_app.core.rules.engine import assess
from thresholds_app.pdf.rationale_pdf import render_rationale_pdf


@pytest.fixture
def pdf(rationale: Rationale) -> bytes:
    return render_rationale_pdf(rationale)


def test_every_page_has_marking_reference_and_page_x_of_y(pdf: bytes, pack: Pack) -> None:
    pages = page_texts(pdf)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert text.count("OFFICIAL-SENSITIVE") >= 2, number  # top and bottom
        assert "Child reference: SAMPLE-0042" in text
        assert f"Page {number} of {len(pages)}" in text
        assert f"sample-pack 9.9.9 ({pack.short_hash})" in text
        assert "thresholds_app 0.1.0" in text
        assert "Produced 2026-01-05 10:00 UTC" in text


def test_summary_comes_first_with_both_levels(pdf: bytes) -> None:
    first = page_texts(pdf)[0]
    assert first.index("Summary") < first.index("About the child")
    assert "The guidance indicates" in first
    assert "The practitioner's decision" in first
    assert first.count("Level 3: Targeted") == 2


def test_body_carries_every_part_of_the_referral(pdf: bytes) -> None:
    text = flat(" ".join(page_texts(pdf)))
    for expected in (
        "Whytheguidanceindicatesthislevel",
        "ALevel3concernispresent(Level3)",
        "Source:Samplesourcedocument",
        "Indicatorsselected",
        "Parentingcapacity",
        "Whatwouldchangethelevel",
        "“Idon'tlikeitwhentheyshout.Ihideundermybed.”",
        "SiblingA",
        "CousinB",
        "Lives with another family; their school has been told.",
        "Consentandinformationsharing",
        "Completea DASH checklist.",
        "Hold a Team Around the Family meeting",
        "Grandmother phoned school worried about the arguments.",
        "Content follows the regional pattern; check against the partnership's published guidance.",
        "This guidance supports professional judgement and does not replace it.",
    ):
        assert flat(expected) in text, expected


def test_difference_shows_the_practitioners_reason(pack: Pack, case: CaseRecord) -> None:
    case.decision.level = 4
    case.decision.differs_reason = "A new disclosure this morning changes the picture."
    assessment = assess(pack, case.answers, case.context())
    pdf = render_rationale_pdf(build_rationale(pack, case, assessment, "t", "v"))
    first = flat(page_texts(pdf)[0])
    assert flat("Level 4: Specialist") in first
    assert flat("Level 3: Targeted") in first
    assert flat("Differs from the guidance because:") in first
    assert flat("A new disclosure this morning changes the picture.") in first


def test_no_scores_or_probabilities(pdf: bytes) -> None:
    text = " ".join(page_texts(pdf)).lower()
    assert "score" not in text
    assert "probability" not in text
    assert not re.search(r"\d+\s?%", text)


def test_name_never_in_header_or_metadata(pack: Pack, case: CaseRecord) -> None:
    case.child.name = "Zygmunt Canaryname"
    assessment = assess(pack, case.answers, case.context())
    pdf = render_rationale_pdf(build_rationale(pack, case, assessment, "t", "v"))
    assert "Canaryname" not in " ".join(metadata(pdf).values())
    pages = page_texts(pdf)
    assert "Canaryname" in pages[0]  # printed once, in the body, because it was recorded
    assert all("Canaryname" not in p for p in pages[1:])


def test_metadata_is_plain(pdf: bytes) -> None:
    info = metadata(pdf)
    assert info["/Title"] == "Referral rationale"
    assert info["/Subject"] == "OFFICIAL-SENSITIVE"
    assert info.get("/Author", "") == ""


def test_only_bundled_embedded_fonts(pdf: bytes) -> None:
    fonts = font_names(pdf)
    assert fonts, "no fonts found"
    assert all("DejaVuSans" in f and "not embedded" not in f for f in fonts), fonts


def test_structure_is_clean(pdf: bytes) -> None:
    assert qpdf_problems(pdf) == []


def test_same_case_same_bytes(rationale: Rationale) -> None:
    assert render_rationale_pdf(rationale) == render_rationale_pdf(rationale)


def test_only_the_production_time_varies(rationale: Rationale) -> None:
    first = render_rationale_pdf(rationale)
    later = render_rationale_pdf(replace(rationale, produced_at="2026-01-05 10:01 UTC"))
    assert first != later
    assert [t.replace("10:01", "10:00") for t in page_texts(later)] == page_texts(first)


def test_draft_is_marked(pack: Pack, case: CaseRecord) -> None:
    assessment = assess(pack, case.answers, case.context())
    r = build_rationale(pack, case, assessment, "t", "v", ("Write the reasons.",))
    first = page_texts(render_rationale_pdf(r))[0]
    assert "DRAFT: not ready to send." in first
    assert "Write the reasons." in first


def test_two_cases_do_not_leak_into_each_other(pack: Pack, case: CaseRecord) -> None:
    case.free_text.worry = "CANARY-ONE worry"
    a = assess(pack, case.answers, case.context())
    render_rationale_pdf(build_rationale(pack, case, a, "t", "v"))
    other = replace(case, free_text=replace(case.free_text, worry="CANARY-TWO worry"))
    second = " ".join(page_texts(render_rationale_pdf(build_rationale(pack, other, a, "t", "v"))))
    assert "CANARY-TWO" in second
    assert "CANARY-ONE" not in second


def test_sections_are_bookmarked_on_their_pages(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    marks = {o.title: reader.get_destination_page_number(o) for o in reader.outline}
    assert list(marks)[:3] == ["Summary", "About the child and the referrer", "What the worry is"]
    assert "About this guidance" in marks
    pages = page_texts(pdf)
    for title, index in marks.items():
        assert title in pages[index], title


def test_draft_with_huge_user_labels_still_renders(pack: Pack, case: CaseRecord) -> None:
    from thresholds_app.core.case.readiness import find_blockers
    from thresholds_app.core.case.record import HouseholdMember

    case.household += [HouseholdMember(label="L" * 50_000) for _ in range(5)]
    assessment = assess(pack, case.answers, case.context())
    blockers = tuple(b.message for b in find_blockers(pack, case, assessment))
    pdf = render_rationale_pdf(build_rationale(pack, case, assessment, "t", "v", blockers))
    assert qpdf_problems(pdf) == []
    assert "DRAFT: not ready to send." in page_texts(pdf)[0]
