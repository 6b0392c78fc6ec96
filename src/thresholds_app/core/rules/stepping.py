"""Step-up and step-down advice at a review (hazard H11: unsafe step-down, missed step-up).

``review_stepping(pack, current_level, changes, context)`` re-assesses the child on the answers as
they stand now and compares the result with the level the child is supported at:

- **Step-up** is advised when the guidance now indicates a higher level, when the child may be in
  immediate danger, or when the practitioner ticks any step-up criterion (e.g. the plan is not
  working). A concern answered "yes" now that was not "yes" at the last review, at or above the
  current level, always prompts a step-up review (direction "step-up", even if not yet advised).
- **Step-down** is advised only when the guidance indicates a lower level, every step-down criterion
  is ticked, and no Level 4 concern is unresolved: none is answered "yes" now, and each one that was
  "yes" at the last review has since been answered "no" (not known or unanswered is not resolved),
  and enough is answered to rely on the lower level (the pack's "enough answered" rule).
- **Not yet decided** ("undecided") instead of "stay" when no step is indicated and the guidance
  cannot yet indicate a level to rely on (no level, or not enough answered): "stay at the
  current level" would be a conclusion nothing recorded supports, so the review says what is
  still to answer.

Advice is advice: who decides, and how, comes from the pack's stepping procedure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from thresholds_app.core.pack.model import Criterion, Pack, SteppingProcedure, Timescale
from thresholds_app.core.rules.assessment import AnswerRef, Assessment, Context
from thresholds_app.core.rules.engine import engine_for

Direction = Literal["step-up", "step-down", "stay", "undecided"]


@dataclass(frozen=True)
class SteppingChanges:
    """What the review knows: the answers now, the answers last time, the ticked criteria."""

    answers: Mapping[str, str]
    previous_answers: Mapping[str, str] = field(default_factory=dict)
    criteria_ticked: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CriterionCheck:
    """One step-up or step-down criterion and whether the practitioner ticked it."""

    id: str
    text: str
    met: bool


@dataclass(frozen=True)
class SteppingAdvice:
    """Whether to step up or down, why (not), and how."""

    current_level: int
    indicated_level: int | None
    direction: Direction
    advised: bool
    criteria: tuple[CriterionCheck, ...]
    criteria_met: bool
    blockers: tuple[str, ...]  # why a step-down is not advised, in plain words
    unresolved: tuple[AnswerRef, ...]  # Level 4 concerns that block a step-down
    new_concerns: tuple[AnswerRef, ...]  # concerns that are "yes" now and were not before
    summary: str
    who_decides: str
    steps: tuple[str, ...]
    handover_checklist: tuple[str, ...]
    timescales: tuple[Timescale, ...]
    source: str
    assessment: Assessment


def _unresolved_level_4(pack: Pack, changes: SteppingChanges) -> list[str]:
    """Concerns at the pack's statutory level still "yes" (or not yet answered "no")."""
    statutory = pack.roles.statutory_level
    ids = []
    for indicator in pack.indicators.values():
        if indicator.kind != "concern" or indicator.level < statutory:
            continue
        now = changes.answers.get(indicator.id)
        before = changes.previous_answers.get(indicator.id)
        if now == "yes" or (before == "yes" and now != "no"):
            ids.append(indicator.id)
    return ids


def _new_concerns(pack: Pack, changes: SteppingChanges, current_level: int) -> list[str]:
    return [
        i.id
        for i in pack.indicators.values()
        if i.kind == "concern"
        and i.level >= current_level
        and changes.answers.get(i.id) == "yes"
        and changes.previous_answers.get(i.id) != "yes"
    ]


def _with_recorded_criteria(
    pack: Pack, changes: SteppingChanges, current_level: int
) -> SteppingChanges:
    """Tick every criterion the case already records (``ticked_by`` answered yes).

    A consent refusal carried into the review is the consent-withheld criterion: the review
    must not open as "stay at the current level" with that criterion unticked. A refusal ticks
    it only at a level whose consent advice asks for a step-up decision (``consent.yaml``).
    """
    guide = pack.consent.levels.get(current_level)
    step_up_on_refusal = guide is not None and guide.consider_step_up_if_refused

    def recorded(criterion: Criterion) -> bool:
        if not criterion.ticked_by or changes.answers.get(criterion.ticked_by) != "yes":
            return False
        return criterion.ticked_by != pack.roles.consent_refused or step_up_on_refusal

    ids = {c.id for c in (*pack.step_up.criteria, *pack.step_down.criteria) if recorded(c)}
    if ids <= changes.criteria_ticked:
        return changes
    return replace(changes, criteria_ticked=changes.criteria_ticked | ids)


def review_stepping(
    pack: Pack, current_level: int, changes: SteppingChanges, context: Context | None = None
) -> SteppingAdvice:
    """Step-up or step-down advice for a child now supported at ``current_level``.

    Args:
        pack: The guidance pack.
        current_level: The level the child is supported at now (one of the pack's levels).
        changes: The answers now and at the last review, and the criteria the practitioner ticked.
        context: Age band and clock, as for :func:`thresholds_app.core.rules.engine.assess`.

    Raises:
        ValueError: ``current_level`` is not a level of the pack, or an answer is not yes, no or
            not-known.
    """
    if current_level not in pack.levels:
        raise ValueError(
            "The current level must be one of the pack's levels: "
            + ", ".join(str(n) for n in sorted(pack.levels))
            + "."
        )
    engine = engine_for(pack)
    assessment = engine.assess(changes.answers, context or Context())
    changes = _with_recorded_criteria(pack, changes, current_level)
    indicated = assessment.indicated_level
    new_ids = _new_concerns(pack, changes, current_level)
    unresolved_ids = _unresolved_level_4(pack, changes)

    up = pack.step_up
    up_ticked = any(c.id in changes.criteria_ticked for c in up.criteria)
    up_advised = (
        assessment.emergency or (indicated is not None and indicated > current_level) or up_ticked
    )
    if (up_advised or new_ids) and current_level < max(pack.levels):
        return _advice(
            up,
            "step-up",
            up_advised,
            up_ticked,
            (),
            current_level,
            assessment,
            changes,
            pack,
            new_ids,
            unresolved_ids,
        )

    down = pack.step_down
    down_met = bool(down.criteria) and all(c.id in changes.criteria_ticked for c in down.criteria)
    if indicated is None or indicated >= current_level:
        return _advice(
            down,
            "stay" if assessment.settled_level is not None else "undecided",
            False,
            down_met,
            (),
            current_level,
            assessment,
            changes,
            pack,
            new_ids,
            unresolved_ids,
        )
    blockers: list[str] = []
    if unresolved_ids:
        blockers.append(
            "A Level 4 concern is still answered yes, or has not been marked resolved since the "
            "last review: a step-down cannot be advised until each one is answered no, with the "
            "evidence recorded."
        )
    if not down_met:
        missing = [c.text for c in down.criteria if c.id not in changes.criteria_ticked]
        blockers.append("Not every step-down criterion is confirmed: " + "; ".join(missing) + ".")
    if assessment.missing:
        blockers.append("Some questions that must be answered have no yes or no answer.")
    elif not assessment.enough_answered and assessment.to_answer_next:
        # A lower level from a handful of answers is no finding yet (issue 11).
        blockers.append(
            "Not enough is answered yet to rely on the lower level. Still to answer: "
            + assessment.to_answer_next[0]
        )
    return _advice(
        down,
        "step-down",
        not blockers,
        down_met,
        tuple(blockers),
        current_level,
        assessment,
        changes,
        pack,
        new_ids,
        unresolved_ids,
    )


def _advice(
    procedure: SteppingProcedure,
    direction: Direction,
    advised: bool,
    criteria_met: bool,
    blockers: tuple[str, ...],
    current_level: int,
    assessment: Assessment,
    changes: SteppingChanges,
    pack: Pack,
    new_ids: list[str],
    unresolved_ids: list[str],
) -> SteppingAdvice:
    engine = engine_for(pack)
    return SteppingAdvice(
        current_level=current_level,
        indicated_level=assessment.indicated_level,
        direction=direction,
        advised=advised,
        criteria=tuple(
            CriterionCheck(c.id, c.text, c.id in changes.criteria_ticked)
            for c in procedure.criteria
        ),
        criteria_met=criteria_met,
        blockers=blockers,
        unresolved=tuple(engine.answer_ref(i, changes.answers) for i in unresolved_ids),
        new_concerns=tuple(engine.answer_ref(i, changes.answers) for i in new_ids),
        summary=procedure.summary,
        who_decides=procedure.who_decides,
        steps=procedure.steps,
        handover_checklist=procedure.handover_checklist,
        timescales=procedure.timescales,
        source=procedure.source,
        assessment=assessment,
    )
