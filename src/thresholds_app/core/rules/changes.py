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

Every listed change was checked by re-running the level, so none is a guess. Lists are capped
(:data:`PER_LEVEL` per level, :data:`MAX_TRIALS` re-runs in all); the practitioner sees a sample,
not every one of 150 indicators.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from thresholds_app.core.pack.model import Answer
from thresholds_app.core.rules.assessment import Change

if TYPE_CHECKING:
    from thresholds_app.core.rules.engine import CompiledRule, Engine

PER_LEVEL = 3
MAX_TRIALS = 24
MAX_LOWERING = 12


def what_would_change(
    engine: Engine,
    answers: Mapping[str, str],
    age: str | None,
    level: int | None,
    fired: Sequence[CompiledRule],
) -> tuple[Change, ...]:
    """Answers that would raise or lower the indicated level, each checked by a trial run."""
    changes: list[Change] = []
    budget = [MAX_TRIALS]

    def trial(item_id: str, answer: Answer) -> int | None:
        budget[0] -= 1
        changed = dict(answers)
        changed[item_id] = answer
        return engine.level_of(changed, age)

    def add(item_id: str, answer: Answer, direction: str, new_level: int | None) -> None:
        ref = engine.answer_ref(item_id, answers)
        changes.append(Change(item_id, ref.text, answer, direction, new_level))

    # Raise: unanswered or unknown questions first (e.g. immediate danger), then concerns.
    base = level or 0
    if base < 4:
        for question in engine.level_questions:
            # Who is already involved is a fact to record, not a change in the child's needs.
            if engine.pack.questions[question].group == "involvement":
                continue
            if answers.get(question) not in ("yes", "no") and budget[0] > 0:
                new = trial(question, "yes")
                if new is not None and new > base:
                    add(question, "yes", "raise", new)
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
                new = trial(item_id, "yes")
                if new is not None and new > base:
                    add(item_id, "yes", "raise", new)
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
            new = engine.level_of(changed, age)
            if new is None or new < level:
                add(item_id, "no", "lower", new)
    return tuple(changes)
