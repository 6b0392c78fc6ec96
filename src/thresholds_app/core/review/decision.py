"""The reviewer's decision: a review started from the re-assessment, and what it still lacks.

The reviewer's level is their own: when they agree it is the referrer's decision, otherwise the
level they choose, with reasons. The app never fills it from the engine (hazard H01).
"""

from __future__ import annotations

import datetime as dt

from thresholds_app.core.case.gaps import referral_gaps
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.case.reviews import REVIEW_STAGES, Review
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.clock import deadline, parse_time, rating
from thresholds_app.core.review.reassess import Reassessment


def start_review(
    pack: Pack, case: CaseRecord, reassessment: Reassessment, *, received_at: str, stage: str = ""
) -> Review:
    """A new review of ``case``: the guidance in force, the gaps and the clock's start filled in.

    The stage is "screening" for the first review and "manager" after it, unless given.
    """
    current = reassessment.current_pack
    return Review(
        stage=stage or (REVIEW_STAGES[1] if case.reviews else REVIEW_STAGES[0]),
        received_at=received_at,
        pack_id=current.id,
        pack_version=current.version,
        pack_hash=current.hash,
        indicated_now=reassessment.now.indicated_level,
        gaps=[g.id for g in referral_gaps(pack, case)],
    )


def received_time(case: CaseRecord) -> str:
    """When the MASH received the referral: the first review's record, else the file's save."""
    for review in case.reviews:
        if parse_time(review.received_at) is not None:
            return review.received_at
    return case.updated or case.created


def settle_level(review: Review, case: CaseRecord) -> None:
    """When the reviewer agrees, their level is the referrer's decision."""
    if review.agrees:
        review.level = case.decision.level


def decision_deadline(pack: Pack, review: Review) -> dt.datetime | None:
    """By when the review's RAG rating says to decide, or None without a rating or a receipt."""
    rated = rating(pack, review.rag)
    received = parse_time(review.received_at)
    return deadline(received, rated, pack) if rated and received else None


def overdue(pack: Pack, review: Review, now: dt.datetime) -> bool:
    """Whether the decision comes after its deadline: at its recorded time, else at ``now``."""
    due = decision_deadline(pack, review)
    decided = parse_time(review.reviewed_at) or now
    return due is not None and decided > due


def review_blockers(pack: Pack, case: CaseRecord, review: Review) -> list[str]:
    """Plain sentences saying what the review still needs before it can be saved."""
    out: list[str] = []
    if not review.reviewer.strip() or not review.role.strip():
        out.append("Add your name and role as the reviewer.")
    if review.stage not in REVIEW_STAGES:
        out.append("Say whether this is the screening review or a manager's review.")
    if review.agrees is None:
        out.append("Say whether you agree with the referrer's level.")
    elif review.agrees and case.decision.level is None:
        out.append("The referrer recorded no level: choose a level rather than agreeing.")
    elif not review.agrees:
        if review.level is None:
            out.append("Choose the level you judge applies.")
        elif review.level == case.decision.level:
            out.append("You chose the referrer's own level: say that you agree instead.")
        if not review.reasons.strip():
            out.append("Give your reasons for a different level.")
    if rating(pack, review.rag) is None:
        out.append("Give a RAG rating.")
    if parse_time(review.received_at) is None:
        out.append("Record when the MASH received the referral (a date and time).")
    if parse_time(review.reviewed_at) is None:
        out.append("Record the date and time of this decision.")
    elif overdue(pack, review, dt.datetime.now(dt.UTC)) and not review.delay_reason.strip():
        out.append("The decision is overdue: give the reason for the delay.")
    outcome = next((o for o in review_guide(pack).outcomes if o.id == review.outcome), None)
    if outcome is None:
        out.append("Choose the outcome.")
    elif outcome.needs_words and not review.outcome_words.strip():
        out.append(f"Say what “{outcome.label}” means here.")
    return out
