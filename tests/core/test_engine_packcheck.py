"""packcheck: a pack's own cases and scenarios, and how a failure reads."""

from __future__ import annotations

from packs import make_indicator, make_pack, make_rule
from thresholds_app.core.base.records import replace
from thresholds_app.core.pack.model import Pack, Scenario, TestCase
from thresholds_app.core.rules.selfcheck import check_case, check_pack, check_scenario

L2 = {"count": {"at_least": 1, "where": {"level": 2, "kind": "concern"}}}
CASE = TestCase(
    name="One Level 2 need indicates Level 2.",
    age_band=None,
    answers={"immediate-danger": "no", "dn-a-l2": "yes"},
    expected_level=2,
    expected_emergency=False,
    rules_fired=("any-2",),
    rules_include=(),
    rules_exclude=(),
    file="tests/cases.yaml",
    line=7,
)


def pack() -> Pack:
    return make_pack([make_indicator("dn-a-l2", 2)], [make_rule("any-2", L2, level=2)])


def test_a_passing_case() -> None:
    assert check_case(pack(), CASE).passed


def test_a_failing_case_reports_file_line_name_and_expected_vs_actual() -> None:
    outcome = check_case(pack(), replace(CASE, expected_level=3, rules_include=("any-2",)))
    assert not outcome.passed
    assert outcome.report() == (
        "tests/cases.yaml:7: case 'One Level 2 need indicates Level 2.'\n"
        "    level: expected Level 3, got Level 2 (rules fired: [any-2])"
    )


def test_exact_include_and_exclude_rule_expectations() -> None:
    outcome = check_case(
        pack(),
        replace(
            CASE,
            answers={"immediate-danger": "no"},
            expected_level=None,
            rules_fired=("any-2",),
            rules_include=("any-2",),
            rules_exclude=(),
        ),
    )
    assert outcome.problems == (
        "rules fired: expected exactly [any-2], got [] (none)",
        "rules that should fire but did not: [any-2]",
    )
    excluded = check_case(pack(), replace(CASE, rules_exclude=("any-2",)))
    assert excluded.problems == ("rules that should not fire but did: [any-2]",)


def test_a_mistyped_id_fails_instead_of_being_read_as_unanswered() -> None:
    outcome = check_case(
        pack(),
        replace(CASE, answers={"immediate-danger": "no", "dn-a-l3": "yes"}, rules_fired=None),
    )
    assert "answers name ids that are not in the pack: dn-a-l3" in outcome.problems
    typo_rule = check_case(pack(), replace(CASE, rules_include=("any-two",)))
    assert "expects rules that are not in the pack: any-two" in typo_rule.problems


def test_scenarios_are_checked_by_their_answer_key() -> None:
    scenario = Scenario(
        id="sc-one",
        title="One",
        story="",
        age_band="5-10",
        key_indicators=("dn-a-l2",),
        other_answers={"immediate-danger": "no"},
        expected_level=2,
        expected_emergency=False,
        themes=(),
        good_rationale_mentions=(),
        discussion_points=(),
        file="scenarios/one.yaml",
    )
    assert check_scenario(pack(), scenario).passed
    wrong = check_scenario(pack(), replace(scenario, expected_level=4, expected_emergency=True))
    assert wrong.problems == (
        "level: expected Level 4, got Level 2 (rules fired: [any-2])",
        "emergency: expected True, got False",
    )
    whole = check_pack(replace(pack(), tests=(CASE,), scenarios=(scenario,)))
    assert [o.kind for o in whole] == ["case", "scenario"]
