"""A set of practice scenarios scored together, with a pass mark, and a room's session record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Pack, Scenario
from thresholds_app.core.training.agreement import Agreement, percent_agreement, session_agreement
from thresholds_app.core.training.practice import PracticeResult

# Used when the pack does not set its own pass mark (training tools in use score 75%).
DEFAULT_PASS_MARK = 75


def pass_mark(pack: Pack) -> int:
    """The pack's pass mark for a set of practice scenarios, as a percentage."""
    return pack.manifest.training_pass_mark or DEFAULT_PASS_MARK


@record
class SetResult:
    """A learner's result on a set of scenarios: only the levels are scored."""

    results: tuple[PracticeResult, ...]
    pass_mark: int

    @property
    def correct(self) -> int:
        """How many scenarios the learner placed at the expected level."""
        return sum(1 for result in self.results if result.correct)

    @property
    def percent(self) -> float:
        """The share of scenarios placed at the expected level."""
        return 100.0 * self.correct / len(self.results) if self.results else 0.0

    @property
    def passed(self) -> bool:
        """Whether the learner reached the pass mark (an empty set never passes)."""
        return bool(self.results) and self.percent >= self.pass_mark


def score_set(pack: Pack, results: Iterable[PracticeResult]) -> SetResult:
    """Score a learner's practice results against the pack's pass mark."""
    return SetResult(tuple(results), pass_mark(pack))


@record
class RoomScenario:
    """One scenario shown to a room, with the votes recorded per level (counts, no names)."""

    scenario: Scenario
    votes: Mapping[int, int]

    @property
    def total(self) -> int:
        """How many votes were recorded."""
        return sum(self.votes.values())

    @property
    def percent_with_expected(self) -> float | None:
        """The share of the room that chose the expected level."""
        return percent_agreement(self.votes, self.scenario.expected_level)


@record
class RoomSession:
    """A trainer's session: the scenarios shown, in order, and the room's votes on each."""

    pack: Pack
    scenarios: tuple[RoomScenario, ...]

    def agreement(self) -> Agreement:
        """The room's agreement across the session."""
        levels = sorted(self.pack.levels)
        return session_agreement(
            ((item.votes, item.scenario.expected_level) for item in self.scenarios), levels
        )
