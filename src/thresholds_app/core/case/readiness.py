"""Whether a rationale is ready to export, and if not, why not (hazards H01, H09, H12).

Each blocker is one plain sentence that tells the practitioner what to add. The UI disables
export while the list is not empty; the CLI refuses to render unless asked to make a draft.
"""

from __future__ import annotations

from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.rules.assessment import Assessment

OTHER_CHILDREN_QUESTION = "other-children-considered"


def _short(text: str, limit: int = 60) -> str:
    """A label short enough to quote in a message (the full text stays in the case)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _level(level: int | None) -> str:
    return "insufficient information" if level is None else f"Level {level}"


def export_blockers(case: CaseRecord, assessment: Assessment | None) -> list[str]:
    """Return plain messages saying why the rationale cannot be exported yet (empty: ready)."""
    blockers: list[str] = []
    if not case.child.reference.strip():
        blockers.append(
            "Give the child a case reference: it is printed on every page instead of a name."
        )
    blockers.extend(_decision_blockers(case, assessment))
    if not case.free_text.worry.strip():
        blockers.append("Say what you are worried about.")
    blockers.extend(_household_blockers(case))
    voice = case.free_text
    if not voice.child_voice.strip() and not voice.child_voice_not_obtained_reason.strip():
        blockers.append(
            "Record the child's voice in their own words, or say why it could not be obtained."
        )
    if not voice.family_views.strip():
        blockers.append("Record the family's views, or say why they are not known.")
    blockers.extend(_consent_blockers(case))
    blockers.extend(_next_step_blockers(case))
    if not case.referrer.name.strip() or not case.referrer.agency.strip():
        blockers.append("Add your name and agency as the referrer.")
    return blockers


def _decision_blockers(case: CaseRecord, assessment: Assessment | None) -> list[str]:
    out: list[str] = []
    decision = case.decision
    if decision.level is None:
        out.append("Record your own decision: the level of need you judge applies.")
    if not decision.reasons.strip():
        out.append("Write the reasons for your decision.")
    if assessment is None:
        out.append("The case has not been assessed against the guidance yet.")
        return out
    if decision.level is not None and not decision.differs_reason.strip():
        indicated = assessment.indicated_level
        if indicated is None:
            out.append(
                "The guidance could not indicate a level (insufficient information): explain "
                "how you reached your decision."
            )
        elif decision.level != indicated:
            out.append(
                f"Your decision (Level {decision.level}) differs from what the guidance "
                f"indicates ({_level(indicated)}): explain why."
            )
    return out


def _household_blockers(case: CaseRecord) -> list[str]:
    out: list[str] = []
    if not case.household and case.answers.get(OTHER_CHILDREN_QUESTION) != "yes":
        out.append(
            "List every other child in the household or in contact, or confirm there are none."
        )
    for number, member in enumerate(case.household, start=1):
        name = _short(member.label) or f"Child {number} in the household"
        if member.assessed and not member.outcome.strip():
            out.append(f"Record the outcome of assessing {name}.")
        elif not member.assessed and not member.reason_not_assessed.strip():
            out.append(f"Say whether {name} has been assessed, and if not, why not.")
    return out


def _consent_blockers(case: CaseRecord) -> list[str]:
    consent = case.consent
    if consent.sought is None:
        return ["Say whether consent was sought from the family (or the young person)."]
    if consent.sought is False and not consent.not_sought_reason.strip():
        return ["Say why consent was not sought."]
    if consent.sought is True and consent.outcome not in ("given", "refused"):
        return ["Record whether consent was given or refused, and by whom."]
    if consent.sought is True and not consent.by_whom.strip():
        return ["Record who gave or refused consent."]
    return []


def _next_step_blockers(case: CaseRecord) -> list[str]:
    if not case.next_steps:
        return ["Add at least one next step: what will happen, who will do it and by when."]
    out: list[str] = []
    for number, step in enumerate(case.next_steps, start=1):
        missing = [
            label
            for label, value in (
                ("what will happen", step.action),
                ("who will do it", step.who),
                ("by when", step.by_when),
            )
            if not value.strip()
        ]
        if missing:
            out.append(f"Next step {number} needs " + " and ".join(missing) + ".")
    return out
