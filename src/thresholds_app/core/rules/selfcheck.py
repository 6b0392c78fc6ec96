"""Run a pack's own test cases and training scenarios through the engine (hazard H07).

Used by ``thresholds check`` and by the pytest collection of the pack's cases, so both report a
failure the same way: the file, the case name, and what was expected against what the engine said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from thresholds_app.core.base.wording import NO_LEVEL, level_label
from thresholds_app.core.pack.model import Pack, Scenario, TestCase
from thresholds_app.core.rules.assessment import Assessment, Context
from thresholds_app.core.rules.engine import engine_for


@dataclass(frozen=True)
class CaseOutcome:
    """One case or scenario, and every way it differed from what was expected."""

    kind: str  # "case" or "scenario"
    file: str
    line: int
    name: str
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        """Whether the engine said what the case expected."""
        return not self.problems

    def report(self) -> str:
        """A readable failure report: where, which case, expected against actual."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        lines = [f"{where}: {self.kind} {self.name!r}"]
        lines += [f"    {p}" for p in self.problems]
        return "\n".join(lines)


def _level(level: int | None) -> str:
    return f"{NO_LEVEL} (null)" if level is None else level_label(level)


def _rules(ids: Iterable[str]) -> str:
    items = list(ids)
    return "[" + ", ".join(items) + "]" if items else "[] (none)"


def _unknown_ids(pack: Pack, answers: Mapping[str, str]) -> list[str]:
    known = pack.answerable_ids()
    return sorted(i for i in answers if i not in known)


def check_case(pack: Pack, case: TestCase) -> CaseOutcome:
    """Run one test case and compare with its expectations."""
    problems: list[str] = []
    unknown = _unknown_ids(pack, case.answers)
    if unknown:
        problems.append("answers name ids that are not in the pack: " + ", ".join(unknown))
    rule_ids = {r.id for r in pack.rules}
    named = set(case.rules_fired or ()) | set(case.rules_include) | set(case.rules_exclude)
    if named - rule_ids:
        problems.append(
            "expects rules that are not in the pack: " + ", ".join(sorted(named - rule_ids))
        )
    try:
        result = engine_for(pack).assess(case.answers, Context(age_band=case.age_band))
    except ValueError as error:
        problems.append(f"the engine refused the answers: {error}")
        return CaseOutcome("case", case.file, case.line, case.name, tuple(problems))
    problems += _compare(case, result)
    return CaseOutcome("case", case.file, case.line, case.name, tuple(problems))


def _compare(case: TestCase, result: Assessment) -> list[str]:
    problems: list[str] = []
    fired = result.rules_fired
    if result.indicated_level != case.expected_level:
        problems.append(
            f"level: expected {_level(case.expected_level)}, "
            f"got {_level(result.indicated_level)} (rules fired: {_rules(fired)})"
        )
    if case.expected_emergency is not None and result.emergency != case.expected_emergency:
        problems.append(f"emergency: expected {case.expected_emergency}, got {result.emergency}")
    if case.rules_fired is not None and set(fired) != set(case.rules_fired):
        problems.append(
            f"rules fired: expected exactly {_rules(case.rules_fired)}, got {_rules(fired)}"
        )
    missing = [r for r in case.rules_include if r not in fired]
    if missing:
        problems.append(f"rules that should fire but did not: {_rules(missing)}")
    unwanted = [r for r in case.rules_exclude if r in fired]
    if unwanted:
        problems.append(f"rules that should not fire but did: {_rules(unwanted)}")
    return problems


def check_scenario(pack: Pack, scenario: Scenario) -> CaseOutcome:
    """Run one training scenario (its key indicators answered yes) and compare its answer key."""
    problems: list[str] = []
    answers = scenario.answers()
    unknown = _unknown_ids(pack, answers)
    if unknown:
        problems.append("answers name ids that are not in the pack: " + ", ".join(unknown))
    try:
        result = engine_for(pack).assess(answers, Context(age_band=scenario.age_band))
    except ValueError as error:
        problems.append(f"the engine refused the answers: {error}")
        return CaseOutcome("scenario", scenario.file, 0, scenario.id, tuple(problems))
    if result.indicated_level != scenario.expected_level:
        problems.append(
            f"level: expected {_level(scenario.expected_level)}, "
            f"got {_level(result.indicated_level)} (rules fired: {_rules(result.rules_fired)})"
        )
    if result.emergency != scenario.expected_emergency:
        problems.append(
            f"emergency: expected {scenario.expected_emergency}, got {result.emergency}"
        )
    return CaseOutcome("scenario", scenario.file, 0, scenario.id, tuple(problems))


def check_pack(pack: Pack) -> list[CaseOutcome]:
    """Every test case, then every scenario, in pack order."""
    outcomes = [check_case(pack, case) for case in pack.tests]
    outcomes += [check_scenario(pack, scenario) for scenario in pack.scenarios]
    return outcomes
