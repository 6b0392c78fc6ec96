"""Which level's steps the rationale prints under "Next steps", and the words that say so.

The summary's route and contacts follow the practitioner's decision when it differs from the
guidance, unless it is below it: then the guidance's route, contacts, consent advice and duties
are kept beside the decision, with the "Below what the guidance indicates" notice. The steps
follow the same rule, so a Level 4 decision on a Level 3 indication lists the Level 4 steps
(phone the MASH) under the MASH route, never the early-help ones (seek consent, an Early Help
Assessment, a Team Around the Family). The heading always names the level the steps are for.
"""

from __future__ import annotations

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.case.decision import below_guidance
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.blocks import Block, Items, Note
from thresholds_app.core.rules.assessment import Assessment, level_shown
from thresholds_app.core.rules.engine import engine_for


def follows_decision(assessment: Assessment, decided: int | None) -> bool:
    """Whether the route, contacts and steps follow the decision rather than the guidance.

    A decision that differs from the level the guidance shows and is not below it.
    """
    return (
        decided is not None
        and decided != assessment.settled_level
        and below_guidance(assessment, decided) is None
    )


def guidance_level_shown(pack: Pack, assessment: Assessment) -> int | None:
    """The level the guidance's headline names ("Level 3", "At least Level 3"), else None."""
    if assessment.level_withheld:
        return None
    lowest = min(pack.levels, default=None)
    return level_shown(assessment.indicated_level, assessment.enough_answered, lowest)


def steps_blocks(pack: Pack, case: CaseRecord, assessment: Assessment) -> tuple[Block, ...]:
    """The guidance's steps for the level the route follows, headed with that level."""
    decided = case.decision.level
    guidance = guidance_level_shown(pack, assessment)
    if (
        decided is not None
        and decided in pack.levels
        and decided != assessment.indicated_level
        and follows_decision(assessment, decided)
    ):
        if guidance is None:
            why = (
                f"The guidance does not indicate a level yet, so these are its steps for the "
                f"practitioner's decision, {level_label(decided)}, as in the route and contacts "
                "above."
            )
        else:
            why = (
                f"The practitioner decided {level_label(decided)}, above the "
                f"{level_label(guidance)} the guidance indicates, so these are the guidance's "
                f"steps for {level_label(decided)}: the more protective route, as in the route "
                "and contacts above."
            )
        steps = engine_for(pack).steps_at(decided, assessment)
        label = f"What the guidance suggests at {level_label(decided)} (the decided level)"
        return (Note(why), Items(steps, label))
    if not assessment.next_steps:
        return ()
    if guidance is None:
        return (Items(assessment.next_steps, "What the guidance suggests"),)
    label = f"What the guidance suggests at {level_label(guidance)}"
    if below_guidance(assessment, decided) is None:
        return (Items(assessment.next_steps, label),)
    why = (
        f"The practitioner's decision ({level_label(decided)}) is below what the guidance "
        f"indicates: the guidance's steps for {level_label(guidance)} are kept here beside it."
    )
    return (Note(why), Items(assessment.next_steps, f"{label} (what the guidance indicates)"))
