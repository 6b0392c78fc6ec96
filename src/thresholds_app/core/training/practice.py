"""A learner's practice run on one scenario, compared with the scenario's expected answer.

The learner answers the scenario through the same assessment flow practitioners use and commits
their own level. The comparison says which key indicators they found and missed, which "yes"
answers the story does not support, and whether their rationale seems to touch each point a good
rationale mentions. Those last are hints to prompt reflection, never a mark of their writing:
only the level is scored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Pack, Scenario
from thresholds_app.core.report.rationale import guidance_headline
from thresholds_app.core.rules.assessment import Context
from thresholds_app.core.rules.engine import assess

# Words too common to show that a point was made.
_STOP_TEXT = (
    "a about after all an and any are as at be been being both but by can could did do does "
    "each for from had has have he her his how if in into is it its may more no not of on or "
    "our she so such than that the their them there they this those to too was we were what "
    "when where whether which while who why will with would you your"
)
_STOP_WORDS = frozenset(_STOP_TEXT.split())
# A point counts as touched when at least this share of its content words appear.
_MENTION_SHARE = 0.5


@record
class MentionHint:
    """One point a good rationale mentions, and whether the learner's text seems to touch it."""

    point: str
    touched: bool


@record
class PracticeResult:
    """The comparison shown after a learner commits their level on one scenario."""

    scenario_id: str
    title: str
    expected_level: int | None
    learner_level: int | None
    guidance_level: int | None  # what the guidance indicates for the learner's own answers
    guidance_words: str  # the same as the assessment's screens say it ("At least Level 3 ...")
    found: tuple[str, ...]  # key indicators the learner answered "yes"
    missed: tuple[str, ...]  # key indicators the learner did not answer "yes"
    unsupported: tuple[str, ...]  # indicators answered "yes" that the story does not support
    expected_emergency: bool
    learner_emergency: bool  # whether the learner's answers make it an emergency
    hints: tuple[MentionHint, ...]
    discussion_points: tuple[str, ...]

    @property
    def correct(self) -> bool:
        """Whether the learner's level is the scenario's expected level (the only score)."""
        return self.learner_level is not None and self.learner_level == self.expected_level


@lru_cache(maxsize=1)
def _stemmer() -> object:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def content_stems(text: str) -> set[str]:
    """The stems of the words in ``text`` that carry meaning (not "the", "and", ...)."""
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP_WORDS]
    stemmer = _stemmer()
    return set(stemmer.stemWords(words))  # type: ignore[attr-defined]


def _touched(point: str, stems: set[str]) -> bool:
    wanted = content_stems(point)
    if not wanted:
        return False
    return len(wanted & stems) >= max(1, round(_MENTION_SHARE * len(wanted)))


def mention_hints(points: Iterable[str], rationale: str) -> tuple[MentionHint, ...]:
    """For each point a good rationale mentions, whether the learner's text seems to touch it."""
    stems = content_stems(rationale)
    return tuple(MentionHint(point, _touched(point, stems)) for point in points)


def _yes(answers: Mapping[str, str]) -> set[str]:
    return {item for item, answer in answers.items() if answer == "yes"}


def score_practice(
    pack: Pack,
    scenario: Scenario,
    answers: Mapping[str, str],
    learner_level: int | None,
    rationale: str = "",
) -> PracticeResult:
    """Compare a learner's answers, level and rationale with ``scenario``'s expected answer."""
    ticked = _yes(answers) & set(pack.indicators)
    key = scenario.key_indicators
    supported = set(key) | _yes(scenario.other_answers)
    order = {indicator: n for n, indicator in enumerate(pack.indicators)}
    guidance = assess(pack, answers, Context(age_band=scenario.age_band))
    return PracticeResult(
        scenario_id=scenario.id,
        title=scenario.title,
        expected_level=scenario.expected_level,
        learner_level=learner_level,
        guidance_level=guidance.indicated_level,
        guidance_words=guidance_headline(pack, guidance),
        found=tuple(i for i in key if i in ticked),
        missed=tuple(i for i in key if i not in ticked),
        unsupported=tuple(sorted(ticked - supported, key=lambda i: order.get(i, 0))),
        expected_emergency=scenario.expected_emergency,
        learner_emergency=guidance.emergency,
        hints=mention_hints(scenario.good_rationale_mentions, rationale),
        discussion_points=scenario.discussion_points,
    )
