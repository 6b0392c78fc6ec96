"""The bundled pack's own test cases and training scenarios, one pytest item per case (H07).

A failure reads like ``thresholds check``: file and line, case name, expected against actual.
Also checks coverage: every rule has a case where it fires and a case where it does not.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from thresholds_app.core.pack.load import LoadResult, load_pack
from thresholds_app.core.pack.model import Pack, Scenario, TestCase
from thresholds_app.core.rules.assessment import Context
from thresholds_app.core.rules.engine import assess
from thresholds_app.core.rules.selfcheck import check_case, check_scenario
from thresholds_app.paths import default_pack_dir

# Another pack (e.g. a partnership's draft, or a deliberately broken copy) can be checked with
# THRESHOLDS_PACK_DIR=path/to/pack.
PACK_DIR = Path(os.environ.get("THRESHOLDS_PACK_DIR") or default_pack_dir())


@cache
def _loaded() -> LoadResult:
    return load_pack(PACK_DIR)


def bundled_pack() -> Pack:
    result = _loaded()
    if result.pack is None or result.problems:
        pytest.fail("the bundled pack does not load:\n" + "\n".join(map(str, result.problems)))
    return result.pack


def _cases() -> Iterator[TestCase]:
    result = _loaded()
    yield from result.pack.tests if result.pack else ()


def _scenarios() -> Iterator[Scenario]:
    result = _loaded()
    yield from result.pack.scenarios if result.pack else ()


def test_the_bundled_pack_loads_and_has_cases() -> None:
    assert len(bundled_pack().tests) >= 2 * len(bundled_pack().rules)


@pytest.mark.parametrize("case", list(_cases()), ids=lambda c: f"{c.file}:{c.line}")
def test_pack_case(case: TestCase) -> None:
    outcome = check_case(bundled_pack(), case)
    if not outcome.passed:
        pytest.fail(outcome.report(), pytrace=False)


@pytest.mark.parametrize("scenario", list(_scenarios()), ids=lambda s: s.id)
def test_training_scenario(scenario: Scenario) -> None:
    outcome = check_scenario(bundled_pack(), scenario)
    if not outcome.passed:
        pytest.fail(outcome.report(), pytrace=False)


def test_every_rule_has_a_firing_case_and_a_not_firing_case() -> None:
    """Boundary pairs: each rule fires in some case and is absent from some case."""
    pack = bundled_pack()
    fired_in: dict[str, int] = {r.id: 0 for r in pack.rules}
    absent_in: dict[str, int] = {r.id: 0 for r in pack.rules}
    for case in pack.tests:
        fired = set(assess(pack, case.answers, Context(age_band=case.age_band)).rules_fired)
        for rule_id in fired_in:
            if rule_id in fired:
                fired_in[rule_id] += 1
            else:
                absent_in[rule_id] += 1
    assert [r for r, n in fired_in.items() if n == 0] == [], "rules never fired by a case"
    assert [r for r, n in absent_in.items() if n == 0] == [], "rules that fire in every case"


def test_every_rule_is_named_by_an_expectation_both_ways() -> None:
    """Each rule is asserted to fire somewhere and asserted not to fire somewhere."""
    pack = bundled_pack()
    expected_fire: set[str] = set()
    expected_absent: set[str] = set()
    for case in pack.tests:
        expected_fire |= set(case.rules_include) | set(case.rules_fired or ())
        expected_absent |= set(case.rules_exclude)
        if case.rules_fired is not None:
            expected_absent |= {r.id for r in pack.rules} - set(case.rules_fired)
    ids = {r.id for r in pack.rules}
    assert sorted(ids - expected_fire) == []
    assert sorted(ids - expected_absent) == []


def test_every_level_is_reached_by_some_case() -> None:
    levels = {case.expected_level for case in bundled_pack().tests}
    assert levels >= {None, 1, 2, 3, 4}


def test_every_pathway_and_warning_is_asserted_by_a_case() -> None:
    """Issue 12: each pathway is asserted offered somewhere, each warning rule asserted to fire."""
    pack = bundled_pack()
    offered = {t for case in pack.tests for t in case.topics_include}
    assert sorted(set(pack.topics) - offered) == []
    warning_rules = {r.id for r in pack.rules if r.then.warning}
    named = {r for case in pack.tests for r in (*case.rules_include, *(case.rules_fired or ()))}
    assert sorted(warning_rules - named) == []


def test_each_statutory_route_is_asserted_by_a_case() -> None:
    routes = {case.route for case in bundled_pack().tests if case.route}
    assert {"already-open", "child-protection", "child-in-need", "none"} <= routes


def test_the_wider_expectations_report_every_difference() -> None:
    """A case expecting the wrong pathway, warning, route, consent, steps and gaps fails on each."""
    pack = bundled_pack()
    wrong = TestCase(
        name="deliberately wrong",
        age_band="11-15",
        answers={"immediate-danger": "no", "pc-private-fostering-l4": "yes"},
        expected_level=4,
        expected_emergency=None,
        rules_fired=None,
        rules_include=(),
        rules_exclude=(),
        file="tests/x.yaml",
        line=1,
        topics_include=("fgm",),
        topics_exclude=("private-fostering",),
        warnings_include=("no such warning",),
        route="child-protection",
        consent_step_up=True,
        consent_mentions=("zebra",),
        consent_excludes=("agreement",),
        steps_mention=("confront",),
        steps_exclude=("MASH",),
        gaps_include=("fe-domestic-abuse-l4",),
        gap_steps_mention=("DASH",),
    )
    problems = check_case(pack, wrong).problems
    for fragment in (
        "pathways that should be offered but were not: [fgm]",
        "pathways that should not be offered but were: [private-fostering]",
        "no warning mentions 'no such warning'",
        "route: expected child-protection, got child-in-need",
        "consent: step-up expected True, got False",
        "does not mention 'zebra'",
        "mentions 'agreement', which it should not",
        "no next step mentions 'confront'",
        "a next step mentions 'MASH', which it should not",
        "should be gaps but are not: [fe-domestic-abuse-l4]",
        "no gap's next step mentions 'DASH'",
    ):
        assert any(fragment in p for p in problems), (fragment, problems)
