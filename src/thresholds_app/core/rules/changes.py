"""What would change the indicated level: the "why not higher / lower" view (hazards H01, H02).

Kept cheap and short on purpose, because it runs on every answer change:

- **Lower**: each "yes" behind a rule at the indicated level is tried as "no"; it is listed when the
  level would then fall (so it is listed only when it alone holds the level up).
- **Raise**: questions a level rule names that have no yes/no answer are tried as "yes"; then, for
  each level above the indicated one (highest first), concerns for the child's age band answered
  "not known" (first) or not yet answered are tried as "yes", a few per level. Unanswered ones are
  tried only when they are *related* to a concern already answered yes (the same theme first, then
  the same area or pathway), so the next step up a spectrum is shown and an unrelated harm (a
  question about FGM for a child whose worry is school attendance) is never offered. At the
  indicated level itself only "not known" concerns are tried, since several needs together can
  add up.

Every listed change was checked by re-running the level, so none is a guess, and each says what
would then be *shown*: the level together with whether enough would be answered to rely on it
(the pack's ``enough_answered`` rule). A change that would leave only "Not enough answered yet"
on screen is never described as "would lower it to Level 1", and one that would show nothing
different from now is not listed. Lists are capped
(:data:`PER_LEVEL` per level, :data:`MAX_TRIALS` re-runs in all); the practitioner sees a sample,
not every one of 150 indicators.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.pack.model import Answer, Pack
from thresholds_app.core.rules.assessment import Change, level_shown

if TYPE_CHECKING:
    from thresholds_app.core.rules.engine import CompiledRule, Engine

PER_LEVEL = 3
MAX_TRIALS = 24
MAX_LOWERING = 12


def change_effect(pack: Pack, change: Change) -> str:
    """What the change would do to what is shown, to follow "Answering yes to ... would".

    The same words on screen, on the command line and on paper: "raise it to Level 3", "raise
    it to at least Level 3 (not enough answered yet)" or "leave too little answered to suggest
    a level" (never "lower it to Level 1" when Level 1 would not be shown).
    """
    lowest = min(pack.levels, default=None)
    shown = level_shown(change.new_level, change.enough_answered, lowest)
    if shown is None:
        return "leave too little answered to suggest a level"
    at_least = "" if change.enough_answered else "at least "
    after = "" if change.enough_answered else " (not enough answered yet)"
    return f"{change.direction} it to {at_least}{level_label(shown)}{after}"


def what_would_change(
    engine: Engine,
    answers: Mapping[str, str],
    age: str | None,
    level: int | None,
    fired: Sequence[CompiledRule],
    enough_answered: bool = True,
) -> tuple[Change, ...]:
    """Answers that would raise or lower the indicated level, each checked by a trial run.

    ``enough_answered`` is whether enough is answered now, so a change that would leave the
    screen as it is (still "Not enough answered yet") is left out.
    """
    changes: list[Change] = []
    budget = [MAX_TRIALS]
    lowest = min(engine.pack.levels, default=None)
    shown_now = (level_shown(level, enough_answered, lowest), enough_answered)

    def trial(item_id: str, answer: Answer) -> tuple[int | None, bool]:
        budget[0] -= 1
        changed = dict(answers)
        changed[item_id] = answer
        return engine.level_and_enough(changed, age)

    def add(item_id: str, answer: Answer, direction: str, outcome: tuple[int | None, bool]) -> bool:
        new_level, enough = outcome
        if (level_shown(new_level, enough, lowest), enough) == shown_now:
            return False  # the screen would show the same as now: not a change
        ref = engine.answer_ref(item_id, answers)
        changes.append(Change(item_id, ref.text, answer, direction, new_level, enough))
        return True

    # Raise: unanswered or unknown questions first (e.g. immediate danger), then concerns.
    base = level or 0
    if base < 4:
        for question in engine.level_questions:
            # Who is already involved is a fact to record, not a change in the child's needs.
            if engine.pack.questions[question].group == "involvement":
                continue
            if answers.get(question) not in ("yes", "no") and budget[0] > 0:
                outcome = trial(question, "yes")
                new = outcome[0]
                if new is not None and new > base:
                    add(question, "yes", "raise", outcome)
        # Themes and areas of the concerns answered yes: their next steps up are listed first.
        said_yes = [
            engine.pack.indicators[i]
            for i, a in answers.items()
            if a == "yes" and i in engine.concern_ids
        ]
        themes = {i.theme for i in said_yes if i.theme}
        areas = {i.area for i in said_yes}
        topics = {t for i in said_yes for t in i.topics}
        for target in range(4, base - 1, -1):
            found = 0
            pool = [i for i in engine.concerns if i.level == target and i.applies_to(age)]
            unknown = [i.id for i in pool if answers.get(i.id) == "not-known"]
            unanswered = []
            if target > base:
                fresh = [
                    i
                    for i in pool
                    if i.id not in answers
                    and (i.theme in themes or i.area in areas or topics.intersection(i.topics))
                ]
                fresh.sort(key=lambda i: (i.theme not in themes, i.area not in areas))  # stable
                unanswered = [i.id for i in fresh]
            for item_id in unknown + unanswered:
                if found >= PER_LEVEL or budget[0] <= 0:
                    break
                outcome = trial(item_id, "yes")
                new = outcome[0]
                if new is not None and new > base and add(item_id, "yes", "raise", outcome):
                    found += 1

    # Lower: the "yes" answers behind the rules that set the level.
    if level is not None:
        candidates: dict[str, None] = {}
        for compiled in fired:
            if compiled.level == level:
                for item_id in compiled.condition.support(answers, age):
                    if answers.get(item_id) == "yes":
                        candidates.setdefault(item_id, None)
        for item_id in list(candidates)[:MAX_LOWERING]:
            changed = dict(answers)
            changed[item_id] = "no"
            outcome = engine.level_and_enough(changed, age)
            new = outcome[0]
            if new is None or new < level:
                add(item_id, "no", "lower", outcome)
    return tuple(changes)
