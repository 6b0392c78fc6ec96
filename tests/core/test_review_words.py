"""A review in words and clean one-line texts: never stored codes, never bidi controls."""

from __future__ import annotations

import shutil

import pytest

from thresholds_app.core.case.record import CaseFileError, load_case
from thresholds_app.core.case.reviews import (
    STAGE_WORDS,
    Review,
    outcome_label,
    outcome_words,
    stage_words,
)
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.store import add_review
from thresholds_app.paths import default_pack_dir, examples_dir


def _guide():  # type: ignore[no-untyped-def]
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    return review_guide(pack)


def test_every_stage_has_words_that_are_not_its_code() -> None:
    for code in STAGE_WORDS:
        assert stage_words(code) == STAGE_WORDS[code]
        assert stage_words(code) != code
    assert stage_words("screening") == "Screening"
    assert stage_words("manager") == "Manager's review"


def test_outcome_is_the_packs_label_with_what_other_means() -> None:
    guide = _guide()
    for outcome in guide.outcomes:
        assert outcome_label(guide, outcome.id) == outcome.label
    assert outcome_words(guide, Review(outcome="cin-assessment")) == (
        "Child in need assessment (section 17)"
    )
    other = next(o for o in guide.outcomes if o.needs_words)
    words = outcome_words(guide, Review(outcome=other.id, outcome_words="Housing\n\u202eadvice"))
    assert words == f"{other.label}: Housing advice"  # on one line, the override dropped


def test_no_outcome_is_empty_and_an_unknown_one_is_named_as_not_in_the_guidance() -> None:
    guide = _guide()
    assert outcome_label(guide, "") == ""
    assert outcome_words(guide, Review(outcome="", outcome_words="left over")) == ""
    assert outcome_label(guide, "retired-code") == (
        "“retired-code” (not an outcome in this guidance)"
    )


RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "Sam <RLO>Reviewer" would show as "Sam reweiveR"


def test_review_one_line_texts_lose_bidi_controls_when_made_read_and_written() -> None:
    from thresholds_app.core.case.reviews import REVIEW_LINES, review_from_dict, review_to_dict

    review = Review(
        reviewer=f"Sam {RLO}Reviewer",
        role="\u2066MASH\u2069 social worker",
        outcome_words=f"{RLO}housing",
        delay_reason="\u200fwaiting for police checks",
        reasons="\u200fאני free text keeps its marks",
    )
    assert (review.reviewer, review.role) == ("Sam Reviewer", "MASH social worker")
    assert review.outcome_words == "housing"
    assert review.delay_reason == "waiting for police checks"
    assert review.reasons.startswith("\u200f")  # free text is left exactly as typed
    stored = review_to_dict(Review())
    stored.update({name: f"{RLO}{name}" for name in REVIEW_LINES})
    read = review_from_dict(stored)
    assert all(getattr(read, name) == name for name in REVIEW_LINES)
    later = Review()
    later.reviewer = f"Sam {RLO}Reviewer"  # set after the review was made
    assert review_to_dict(later)["reviewer"] == "Sam Reviewer"


def test_a_review_with_a_control_in_the_name_is_still_the_same_review(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "case.json"
    shutil.copy(examples_dir() / "level-2-attendance.json", path)
    add_review(path, Review(reviewer=f"Sam {RLO}Reviewer", role="Duty", level=2, agrees=True))
    saved = path.read_text(encoding="utf-8")
    assert RLO not in saved
    assert load_case(path).reviews[0].reviewer == "Sam Reviewer"
    # A second click with the same text is the same review, refused.
    with pytest.raises(CaseFileError, match="already in the case file"):
        add_review(path, Review(reviewer=f"Sam {RLO}Reviewer", role="Duty", level=2, agrees=True))
