"""The reviewer's decision, the gaps found, and the feedback slip (golden text)."""

from __future__ import annotations

import os
from pathlib import Path

from olderpack import MARKER, case_under, example_case

from thresholds_app.core.case.gaps import referral_gaps
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.review.decision import review_blockers, settle_level, start_review
from thresholds_app.core.review.feedback import build_feedback, feedback_to_text
from thresholds_app.core.review.reassess import reassess

GOLDEN = Path(__file__).parent / "golden"


def gappy_case(pack: Pack) -> CaseRecord:
    case = case_under(pack, example_case("level-2-attendance"))
    case.free_text.child_voice = ""
    case.free_text.child_voice_not_obtained_reason = ""
    case.household = []
    case.answers.pop("other-children-considered", None)
    case.consent.sought = False
    case.consent.not_sought_reason = ""
    case.answers["parental-alcohol-asked"] = "no"
    case.answers["fe-parental-alcohol-l4"] = "not-known"
    return case


def test_gaps_to_go_back_about(current_pack: Pack) -> None:
    gaps = referral_gaps(current_pack, gappy_case(current_pack))
    assert [g.id for g in gaps] == [
        "child-voice",
        "siblings",
        "consent",
        "ask-parental-alcohol-asked",
        "not-known-level-4",
    ]
    assert gaps[3].words == (
        "Not asked: Have you asked about the parents' or carers' use of alcohol?"
    )
    assert current_pack.indicators["fe-parental-alcohol-l4"].text in gaps[4].words


def test_a_danger_not_known_is_the_first_gap_to_go_back_about(current_pack: Pack) -> None:
    case = case_under(current_pack, example_case("level-3-consent-refused"))
    case.answers["immediate-danger"] = "not-known"
    (gap,) = referral_gaps(current_pack, case)
    assert gap.id == "danger-not-known"
    assert "Find out now whether the child is safe" in gap.words
    gappy = gappy_case(current_pack)
    gappy.answers["immediate-danger"] = "not-known"
    assert referral_gaps(current_pack, gappy)[0].id == "danger-not-known"


def test_a_complete_referral_has_no_gaps(current_pack: Pack) -> None:
    case = case_under(current_pack, example_case("level-3-consent-refused"))
    assert referral_gaps(current_pack, case) == ()


def test_review_blockers_until_complete(current_pack: Pack) -> None:
    case = case_under(current_pack, example_case("level-3-consent-refused"))
    review = start_review(
        current_pack, case, reassess(current_pack, case), received_at="2026-12-01T09:00:00Z"
    )
    assert review.stage == "screening"
    assert review.indicated_now == 3
    assert review.level is None  # never filled from the engine
    assert review_blockers(current_pack, case, review) == [
        "Add your name and role as the reviewer.",
        "Say whether you agree with the referrer's level.",
        "Give a RAG rating.",
        "Record the date and time of this decision.",
        "Choose the outcome.",
    ]
    review.agrees = False
    review.level = 4
    assert "You chose the referrer's own level: say that you agree instead." in review_blockers(
        current_pack, case, review
    )
    review.level = 3
    review.reviewer, review.role = "A. Reviewer", "Social worker"
    review.rag, review.outcome = "amber", "other"
    review.reviewed_at = "2026-12-01T11:00:00Z"
    assert review_blockers(current_pack, case, review) == [
        "Give your reasons for a different level.",
        "Say what “Other” means here.",
    ]
    review.agrees = True
    settle_level(review, case)
    assert review.level == 4  # the referrer's own decision


def test_feedback_slip_text_is_golden(current_pack: Pack) -> None:
    case = gappy_case(current_pack)
    case.updated = "2026-12-01T08:30:00Z"
    review = start_review(
        current_pack, case, reassess(current_pack, case), received_at="2026-12-01T09:00:00Z"
    )
    review.reviewer, review.role = "Sam Reviewer", "MASH social worker"
    review.reviewed_at = "2026-12-01T14:05:00Z"
    review.agrees, review.level = False, 3
    review.reasons = f"{MARKER} information from partner agencies"
    review.rag, review.outcome = "amber", "early-help"
    review.pack_hash = "0123456789ab" + "0" * 52  # the golden text outlives pack edits
    text = feedback_to_text(build_feedback(current_pack, case, review))
    assert MARKER not in text  # the reviewer's reasons are the MASH's, not the referrer's
    assert "Amber" not in text
    golden = GOLDEN / "feedback-slip.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_an_overdue_decision_needs_the_reason_for_the_delay(current_pack: Pack) -> None:
    from thresholds_app.core.review.decision import overdue

    case = case_under(current_pack, example_case("level-3-consent-refused"))
    review = start_review(
        current_pack, case, reassess(current_pack, case), received_at="2026-12-01T09:00:00Z"
    )
    review.agrees, review.reviewer, review.role = True, "A. Reviewer", "Social worker"
    review.rag, review.outcome = "red", "early-help"
    review.reviewed_at = "2026-12-01T10:00:00Z"
    assert not overdue(current_pack, review, review_time("2026-12-01T10:00:00Z"))
    assert review_blockers(current_pack, case, review) == []
    review.reviewed_at = "2026-12-09T10:00:00Z"  # a red rating decided eight days later
    assert overdue(current_pack, review, review_time("2026-12-01T10:00:00Z"))
    assert review_blockers(current_pack, case, review) == [
        "The decision is overdue: give the reason for the delay."
    ]
    review.delay_reason = "Waiting for police checks"
    assert review_blockers(current_pack, case, review) == []


def review_time(text: str):  # type: ignore[no-untyped-def]
    from thresholds_app.core.review.clock import parse_time

    return parse_time(text)
