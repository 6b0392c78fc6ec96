"""What to go back to the referrer about: gaps in the referral that the MASH needs filled.

Found from the referrer's part only (so telling the referrer about them tells them nothing new):
immediate danger answered "not known", the child's voice, other children in the household, consent,
questions the pack says must always be asked (alcohol, in Solihull's case), and "not known" on
Level 4 indicators.
"""

from __future__ import annotations

from dataclasses import dataclass

from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.review_defaults import review_guide


@dataclass(frozen=True)
class Gap:
    """Something missing from the referral; ``id`` is stable, ``words`` speak to the referrer."""

    id: str
    words: str


# A gap's short name, for a table of counts (the words above speak to the referrer).
GAP_NAMES = {
    "danger-not-known": "Immediate danger not known",
    "child-voice": "The child's voice",
    "siblings": "Other children",
    "consent": "Consent",
    "not-known-level-4": "Level 4 indicators marked not known",
}


def gap_name(pack: Pack, gap_id: str) -> str:
    """A gap id's short name ("Not asked: …" for a question the pack says to always ask)."""
    if gap_id in GAP_NAMES:
        return GAP_NAMES[gap_id]
    question = pack.questions.get(gap_id.removeprefix("ask-"))
    if gap_id.startswith("ask-") and question is not None:
        return f"Not asked: {question.text}"
    return f"A gap this guidance no longer names ({gap_id})"


def referral_gaps(pack: Pack, case: CaseRecord) -> tuple[Gap, ...]:
    """Every gap in the referral to go back to the referrer about, in a stable order."""
    gaps: list[Gap] = []
    if case.answers.get(pack.roles.immediate_danger) == "not-known":
        gaps.append(
            Gap(
                "danger-not-known",
                "Whether the child is in immediate danger: the referral says “not known”. "
                "Find out now whether the child is safe.",
            )
        )
    text = case.free_text
    if not text.child_voice.strip() and not text.child_voice_not_obtained_reason.strip():
        gaps.append(
            Gap(
                "child-voice",
                "The child's voice: what the child said or showed, or why it could not be "
                "obtained.",
            )
        )
    if not case.household and case.answers.get(pack.manifest.roles.other_children) != "yes":
        gaps.append(
            Gap(
                "siblings",
                "Other children: whether any other children live in the household or are in "
                "contact, and how they are.",
            )
        )
    consent = case.consent
    if consent.sought is None or (
        consent.sought is False and not consent.not_sought_reason.strip()
    ):
        gaps.append(
            Gap(
                "consent",
                "Consent: whether the family was asked for consent and, if not, why not.",
            )
        )
    for question_id in review_guide(pack).ask_about:
        question = pack.questions.get(question_id)
        if question is not None and case.answers.get(question_id) != "yes":
            gaps.append(Gap(f"ask-{question_id}", f"Not asked: {question.text}"))
    not_known = [
        pack.indicators[i].text
        for i, answer in sorted(case.answers.items())
        if answer == "not-known"
        and i in pack.indicators
        and pack.indicators[i].level == pack.roles.statutory_level
        and pack.indicators[i].kind == "concern"
    ]
    if not_known:
        gaps.append(
            Gap(
                "not-known-level-4",
                "Marked “not known”, and each would mean Level 4 if so: " + "; ".join(not_known),
            )
        )
    return tuple(gaps)
