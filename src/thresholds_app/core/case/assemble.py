"""The case's consent record and stepping record, assembled from what the practitioner entered.

Screens collect the answers and the typed text; these functions decide what the record says, so
the desktop app, the review and the command line keep the same record for the same entries.
Which answers mean "consent sought" and "consent refused" are the pack's roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.case.record import ConsentRecord, SharedInfo, SteppingRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.stepping import SteppingAdvice

_DIRECTIONS = {"step-up": "up", "step-down": "down"}


def consent_record(
    pack: Pack,
    answers: Mapping[str, str],
    *,
    by_whom: str = "",
    not_sought_reason: str = "",
    lawful_basis: str = "",
    manager_advice: str = "",
    shared_what: str = "",
    shared_with: str = "",
    shared_when: str = "",
) -> ConsentRecord:
    """The consent and information-sharing record for these answers and typed details.

    Sought comes from the consent-sought answer (unanswered: not recorded); when sought, the
    outcome is "refused" or "given" from the consent-refused answer; when not sought, "not-asked".
    The information shared is kept only when something about it was typed.
    """
    roles = pack.roles
    sought = {"yes": True, "no": False}.get(answers.get(roles.consent_sought) or "")
    if sought:
        outcome = {"yes": "refused", "no": "given"}.get(
            answers.get(roles.consent_refused) or "", ""
        )
    elif sought is False:
        outcome = "not-asked"
    else:
        outcome = ""
    shared = SharedInfo(shared_what, shared_with, shared_when, lawful_basis)
    return ConsentRecord(
        sought=sought,
        not_sought_reason=not_sought_reason,
        outcome=outcome,
        by_whom=by_whom,
        lawful_basis=lawful_basis,
        shared=[shared] if (shared_what or shared_with or shared_when) else [],
        manager_advice=manager_advice,
    )


def stepping_record(
    advice: SteppingAdvice | None,
    *,
    criteria: Iterable[str],
    plan: str = "",
    what_changed: str = "",
    handover_done: Iterable[str] = (),
) -> SteppingRecord:
    """The stepping part of a case: the advised direction, the criteria ticked and the notes.

    The notes say the level the child is supported at, the current plan, what has changed and
    the handover items done, one per line, so the rationale shows them as written.
    """
    direction = _DIRECTIONS.get(advice.direction, "") if advice else ""
    # Criteria the review ticked from the case (a recorded consent refusal) count as ticked.
    criteria = {*criteria, *(c.id for c in advice.criteria if c.met)} if advice else set(criteria)
    notes = [f"Supported at {level_label(advice.current_level)}."] if advice else []
    if plan.strip():
        notes.append("Current plan: " + plan.strip())
    if what_changed.strip():
        notes.append("What has changed: " + what_changed.strip())
    done = list(handover_done)
    if done:
        notes.append("Handover done: " + "; ".join(done))
    return SteppingRecord(direction=direction, criteria=sorted(criteria), notes="\n".join(notes))
