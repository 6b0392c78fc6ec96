"""The practitioner's decision set against the guidance: below it, and consent refused.

The readiness checks and the rationale both ask these questions, so they share one answer.
"""

from __future__ import annotations

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import Assessment


def below_guidance(assessment: Assessment, decided: int | None) -> int | None:
    """The level the guidance indicates when the decision is below it, else ``None``.

    "At least Level 4" (not enough answered yet) counts: more answers can only raise it.
    """
    indicated = None if assessment.level_withheld else assessment.indicated_level
    if decided is None or indicated is None or decided >= indicated:
        return None
    return indicated


def consent_refused(pack: Pack, case: CaseRecord) -> bool:
    """Whether consent was refused: by the pack's consent-refused answer or the consent record."""
    return (
        case.answers.get(pack.roles.consent_refused) == "yes" or case.consent.outcome == "refused"
    )


def below_guidance_notice(pack: Pack, case: CaseRecord, assessment: Assessment) -> str:
    """The notice shown on screen and printed when the decision is below the guidance ("").

    The practitioner may disagree with the guidance; the notice keeps what the guidance says
    (its route and the steps a special pathway makes a duty) beside the decision.
    """
    decided = case.decision.level
    indicated = below_guidance(assessment, decided)
    if indicated is None:
        return ""
    text = (
        f"Below what the guidance indicates: the decision is {level_label(decided)}, but the "
        f"guidance indicates {level_label(indicated)}. The guidance's route, contacts and consent "
        "advice are kept here beside the decision."
    )
    if indicated >= pack.roles.statutory_level:
        text += (
            " Where a child may be at risk of significant harm, phone the MASH (or the Emergency "
            "Duty Team out of hours) before acting on a lower level."
        )
    topics = (pack.topics[t] for t in assessment.topics if t in pack.topics)
    duties = [f"{t.title}: {' '.join(t.must_do)}" for t in topics if t.must_do]
    if duties:
        text += " These steps still apply whatever the level. " + " ".join(duties)
    return text
