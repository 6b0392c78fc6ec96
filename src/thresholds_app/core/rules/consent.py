"""The consent and information-sharing advice for a level, and the one "do not tell" wording.

Which level asks for a step-up when consent is refused is the pack's data
(``consider_step_up_if_refused`` in ``consent.yaml``); which answers mean "consent refused" and
"telling the parents could increase the risk" are the pack's roles. The advice not to tell the
parents has one wording, :data:`DO_NOT_TELL_PARENTS`, used by every screen and the rationale.
"""

from __future__ import annotations

from collections.abc import Mapping

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import ConsentAdvice

DO_NOT_TELL_PARENTS = (
    "Do not tell the parents yourself for now: you have said that telling them could put the "
    "child or someone else at more risk. Agree with the MASH who tells them and when, and record "
    "why."
)


def step_up_level(pack: Pack, level: int) -> int | None:
    """The next level above ``level`` in the pack (None at the top)."""
    higher = [n for n in pack.levels if n > level]
    return min(higher) if higher else None


def consent_advice(pack: Pack, level: int | None, answers: Mapping[str, str]) -> ConsentAdvice:
    """What the guidance says about consent at ``level``, given the consent answers."""
    roles = pack.roles
    refused = answers.get(roles.consent_refused) == "yes"
    hide_from_parents = answers.get(roles.telling_parents_risk) == "yes"
    guide = pack.consent.levels.get(level) if level is not None else None
    step_up = bool(refused and guide is not None and guide.consider_step_up_if_refused)
    step_up_to = step_up_level(pack, level) if step_up and level is not None else None
    tell = guide.tell_parents if guide else ""
    return ConsentAdvice(
        level=level,
        consent_needed=guide.consent_needed if guide else "",
        from_whom=guide.from_whom if guide else "",
        if_refused=guide.if_refused if guide else "",
        consent_refused=refused,
        consider_step_up=step_up and step_up_to is not None,
        tell_parents=DO_NOT_TELL_PARENTS if hide_from_parents else tell,
        do_not_tell_parents=hide_from_parents,
        lawful_basis=guide.lawful_basis if guide else (),
        record=guide.record if guide else (),
        step_up_to=step_up_to,
    )
