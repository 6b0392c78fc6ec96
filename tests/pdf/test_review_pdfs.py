"""The MASH review on paper: the review sheet after the rationale, and the feedback slip."""

from __future__ import annotations

import sys
from pathlib import Path

from pdfcheck import flat, page_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "review"))
from olderpack import MARKER, case_under, example_case

from thresholds_app.core.case.reviews import Review
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.report.rationale import build_rationale
from thresholds_app.core.review.feedback import build_feedback
from thresholds_app.core.rules.engine import assess
from thresholds_app.paths import default_pack_dir
from thresholds_app.pdf.feedback_pdf import render_feedback_pdf
from thresholds_app.pdf.rationale_pdf import render_rationale_pdf


def _reviewed() -> tuple[object, object, Review]:
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    case = case_under(pack, example_case("level-3-consent-refused"))
    review = Review(
        stage="screening",
        reviewer="Sam Reviewer",
        role="MASH social worker",
        reviewed_at="2026-12-01T14:05:00Z",
        received_at="2026-12-01T09:00:00Z",
        pack_id=pack.manifest.id,
        pack_version=pack.manifest.version,
        pack_hash=pack.content_hash,
        indicated_now=3,
        agrees=True,
        level=4,
        reasons=f"{MARKER} partner agency checks",
        rag="amber",
        outcome="cin-assessment",
    )
    case.reviews = [review]
    return pack, case, review


def test_review_sheet_is_appended_on_its_own_page_with_the_same_marks() -> None:
    pack, case, _ = _reviewed()
    assessment = assess(pack, case.answers, case.context())  # type: ignore[arg-type]
    rationale = build_rationale(pack, case, assessment, "2026-12-01 14:10 UTC", "0.1.0")  # type: ignore[arg-type]
    pages = page_texts(render_rationale_pdf(rationale))
    last = flat(pages[-1])
    assert last.count("OFFICIAL-SENSITIVE") >= 2
    assert flat("MASH review sheet") in last
    assert flat("MASH review sheet") not in flat("".join(pages[:-1]))
    assert flat("Agrees with the referrer: Level 4") in last
    assert flat("Review 1: Screening") in last  # the stage in words (QA walk, item 10)
    assert "screening" not in last
    assert "cin-assessment" not in last
    assert flat("RAG rating: Amber") in last
    assert flat("Outcome: Child in need assessment (section 17)") in last
    assert flat(f"guidance pack {pack.manifest.id} {pack.manifest.version}") in last  # type: ignore[attr-defined]
    assert flat("Child reference: EX-L3-0002") in last


def test_feedback_pdf_is_one_page_and_keeps_the_mash_reasons_in() -> None:
    pack, case, review = _reviewed()
    slip = build_feedback(pack, case, review)  # type: ignore[arg-type]
    pages = page_texts(render_feedback_pdf(slip, "2026-12-01 14:10 UTC", "0.1.0"))
    assert len(pages) == 1
    text = flat(pages[0])
    assert flat("Child in need assessment (section 17)") in text
    assert flat("0121 788 4300") in text
    assert MARKER not in text
    assert "Amber" not in text


def test_review_sheet_gives_gaps_and_the_delay_reason_in_words() -> None:
    from dataclasses import replace

    from thresholds_app.core.case.gaps import referral_gaps

    pack, case, review = _reviewed()
    case.free_text.child_voice = ""
    case.free_text.child_voice_not_obtained_reason = ""
    gaps = referral_gaps(pack, case)  # type: ignore[arg-type]
    assert gaps
    case.reviews = [  # type: ignore[attr-defined]
        replace(review, gaps=[g.id for g in gaps], delay_reason="Police checks came back late")
    ]
    assessment = assess(pack, case.answers, case.context())  # type: ignore[arg-type]
    rationale = build_rationale(pack, case, assessment, "2026-12-01 14:10 UTC", "0.1.0")  # type: ignore[arg-type]
    last = flat(page_texts(render_rationale_pdf(rationale))[-1])
    assert flat("To go back to the referrer about") in last
    for gap in gaps:
        assert flat(gap.words)[:60] in last, gap.id
        assert gap.id not in last, gap.id  # never the stored id
    assert flat("Reason for the delay: Police checks came back late") in last


def _sizes(pdf: bytes, page: int) -> dict[str, float]:
    """The font size each line of text on ``page`` is printed in."""
    import io

    from pypdf import PdfReader

    sizes: dict[str, float] = {}

    def seen(text: str, _cm: object, _tm: object, _font: object, size: float) -> None:
        sizes.setdefault(text.strip(), size)

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=seen)
    return sizes


def test_a_reviews_gaps_read_as_part_of_that_review_not_as_another_review() -> None:
    from dataclasses import replace

    from thresholds_app.core.case.gaps import referral_gaps

    pack, case, review = _reviewed()
    case.free_text.child_voice = ""
    case.free_text.child_voice_not_obtained_reason = ""
    gap = referral_gaps(pack, case)[0]  # type: ignore[arg-type]
    case.reviews = [replace(review, gaps=[gap.id]), replace(review, stage="manager")]  # type: ignore[attr-defined]
    assessment = assess(pack, case.answers, case.context())  # type: ignore[arg-type]
    rationale = build_rationale(pack, case, assessment, "2026-12-01 14:10 UTC", "0.1.0")  # type: ignore[arg-type]
    sizes = _sizes(render_rationale_pdf(rationale), -1)
    review_heading = sizes["Review 1: Screening"]
    assert sizes["Review 2: Manager's review"] == review_heading
    # The gaps are labelled as the review's reasons are, smaller than a review's heading.
    assert sizes["To go back to the referrer about"] == sizes["Reviewer's reasons"]
    assert sizes["To go back to the referrer about"] < review_heading


def test_the_counts_pdf_names_outcomes_and_gaps_in_words(tmp_path: Path) -> None:
    """The counts PDF printed "advice-signposting" and gap ids such as "child-voice"."""
    from olderpack import marked_case

    from thresholds_app.core.case.record import save_case
    from thresholds_app.core.review.batch import read_folder
    from thresholds_app.core.review.counts import cells, counts_csv
    from thresholds_app.core.review.store import add_review
    from thresholds_app.pdf.counts_pdf import render_counts_pdf

    pack, _, review = _reviewed()
    for number in range(3):
        case = marked_case(number, pack)  # type: ignore[arg-type]
        case.free_text.child_voice = ""  # a gap: the child's voice
        path = tmp_path / f"case-{number}.json"
        save_case(case, path, touch=False)
        add_review(path, Review(**{**vars(review), "outcome": "advice-signposting"}))
    batch = read_folder(tmp_path, pack)  # type: ignore[arg-type]
    text = flat(" ".join(page_texts(render_counts_pdf(pack, batch, _now()))))  # type: ignore[arg-type]
    assert flat("Advice and signposting") in text
    assert flat("The child's voice") in text
    for raw_id in ("advice-signposting", "child-voice"):
        assert raw_id not in text
    # The CSV keeps the ids, the same whatever a partnership calls them.
    csv_text = counts_csv(cells(pack, batch))  # type: ignore[arg-type]
    assert "outcomes,advice-signposting," in csv_text
    assert "gaps,child-voice," in csv_text


def _now():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.datetime(2026, 12, 1, 14, 0, tzinfo=dt.UTC)
