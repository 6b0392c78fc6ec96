"""A review's stage and outcome are shown in words everywhere, never as stored codes."""

from __future__ import annotations

from thresholds_app.core.case.reviews import (
    STAGE_WORDS,
    Review,
    outcome_label,
    outcome_words,
    stage_words,
)
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.paths import default_pack_dir


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
