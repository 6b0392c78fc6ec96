"""A MASH review as stored in a case file: beside the referrer's part, never over it.

A case file holds the referrer's part (everything they recorded, and the assessment as they saw
it) and, under ``reviews``, one entry per MASH review in the order they were made (screening,
then a manager's). A review never changes the referrer's part: it records the reviewer's own
level and reasons, RAG rating, outcome and when, and a fingerprint of the referrer's part it was
made against, so a later reader can tell if the referral was changed after it was reviewed.

Case format 1 kept a four-field note (reviewer, role, date, view_level, notes); such files are
upgraded on reading by :func:`upgrade_document` and written back as format 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from thresholds_app.core.base.wording import identifier_text, one_line
from thresholds_app.core.pack.model import ReviewGuide

# The review stages in order, with the words shown for each (the review form, the history,
# the review sheet in the PDF): the stored codes are never shown.
STAGE_WORDS = {"screening": "Screening", "manager": "Manager's review"}
REVIEW_STAGES = tuple(STAGE_WORDS)
# A review's one-line texts, shown in the history, the folder list and the review sheet: kept
# without bidi controls when a review is made, read or written, as the assessment's identifiers
# are (a U+202E in a reviewer's name would show it reversed; QA #7).
REVIEW_LINES = ("reviewer", "role", "outcome_words", "delay_reason")


@dataclass
class Review:
    """One MASH review: the reviewer's level, RAG, outcome and who decided when."""

    stage: str = "screening"  # one of REVIEW_STAGES
    reviewer: str = ""
    role: str = ""
    reviewed_at: str = ""  # ISO 8601 with its zone
    received_at: str = ""  # when the MASH received the referral: the RAG clock starts here
    pack_id: str = ""  # the guidance in force when reviewed
    pack_version: str = ""
    pack_hash: str = ""
    indicated_now: int | None = None  # what that guidance indicated for the referrer's answers
    agrees: bool | None = None  # agrees with the referrer's decision
    level: int | None = None  # the reviewer's level
    reasons: str = ""
    rag: str = ""  # a RAG rating id from the pack
    outcome: str = ""  # an outcome id from the pack
    outcome_words: str = ""  # what "other" means
    gaps: list[str] = field(default_factory=list)  # gap ids to go back to the referrer about
    referral_sha256: str = ""  # fingerprint of the referrer's part reviewed
    delay_reason: str = ""  # why the decision came after the RAG rating's deadline

    def __post_init__(self) -> None:
        for name in REVIEW_LINES:
            setattr(self, name, identifier_text(getattr(self, name)))


def stage_words(stage: str) -> str:
    """The words for a review stage, as the review form offers it."""
    return STAGE_WORDS.get(stage, stage)  # the schema allows only the stages above


def outcome_words(guide: ReviewGuide, review: Review) -> str:
    """The review's outcome in the pack's words, with what "other" means ("" if none yet).

    An outcome id the pack does not list (a case reviewed under other guidance) is named as such
    rather than shown as if it were words.
    """
    words = outcome_label(guide, review.outcome)
    details = one_line(review.outcome_words) if words else ""
    return f"{words}: {details}" if details else words


def outcome_label(guide: ReviewGuide, outcome_id: str) -> str:
    """The pack's label for an outcome id ("" for none), never the bare id."""
    if not outcome_id:
        return ""
    outcome = next((o for o in guide.outcomes if o.id == outcome_id), None)
    return outcome.label if outcome else f"“{outcome_id}” (not an outcome in this guidance)"


def review_to_dict(review: Review) -> dict[str, Any]:
    """The JSON-ready form of ``review`` (fields in declaration order)."""
    out: dict[str, Any] = {
        k: list(v) if isinstance(v, list) else v for k, v in vars(review).items()
    }
    for name in REVIEW_LINES:  # a field set after the review was made
        out[name] = identifier_text(getattr(review, name))
    return out


def review_from_dict(data: dict[str, Any]) -> Review:
    """A review from its checked JSON form."""
    return Review(**{**data, "gaps": list(data.get("gaps", []))})


def _upgrade_review(old: Any) -> Any:
    if not isinstance(old, dict):
        return old  # the schema check names it
    return {
        "stage": "screening",
        "reviewer": old.get("reviewer", ""),
        "role": old.get("role", ""),
        "reviewed_at": old.get("date", ""),
        "level": old.get("view_level"),
        "reasons": old.get("notes", ""),
    }


def upgrade_document(data: Any) -> Any:
    """Return a format-1 case document as format 2 (a copy); anything else unchanged."""
    if not isinstance(data, dict) or data.get("format_version") != 1:
        return data
    upgraded = dict(data)
    upgraded["format_version"] = 2
    reviews = data.get("reviews")
    if isinstance(reviews, list):
        upgraded["reviews"] = [_upgrade_review(r) for r in reviews]
    return upgraded
