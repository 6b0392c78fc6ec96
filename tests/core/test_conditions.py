"""The closed condition vocabulary: each form, its support, and what is refused."""

from __future__ import annotations

import pytest

from packs import make_indicator, make_pack
from thresholds_app.core.rules.conditions import ConditionError, compile_condition

INDICATORS = tuple(  # in pack order, as the engine gives them
    make_pack(
        [
            make_indicator("dn-a-l2", 2, area="health"),
            make_indicator("dn-b-l2", 2, area="education", theme="school"),
            make_indicator("pc-c-l2", 2, area="basic-care", topics=["neglect"]),
            make_indicator("fe-d-l3", 3, area="housing"),
            make_indicator("dn-s-l1", 1, kind="strength"),
        ],
        topics=["neglect"],
    ).indicators.values()
)


def holds(raw: object, answers: dict[str, str], age: str | None = None) -> bool:
    result: bool = compile_condition(raw, INDICATORS).holds(answers, age)
    return result


def test_answer_matches_one_value_or_a_list_and_unanswered() -> None:
    assert holds({"answer": {"id": "q", "is": "yes"}}, {"q": "yes"})
    assert not holds({"answer": {"id": "q", "is": "yes"}}, {"q": "not-known"})
    assert holds({"answer": {"id": "q", "is": ["no", "unanswered"]}}, {})
    assert not holds({"answer": {"id": "q", "is": ["no", "unanswered"]}}, {"q": "yes"})


def test_all_any_not_at_least() -> None:
    yes = {"answer": {"id": "a", "is": "yes"}}
    also = {"answer": {"id": "b", "is": "yes"}}
    answers = {"a": "yes", "b": "no"}
    assert not holds({"all": [yes, also]}, answers)
    assert holds({"any": [yes, also]}, answers)
    assert holds({"not": also}, answers)
    assert holds({"at_least": {"n": 1, "of": [yes, also]}}, answers)
    assert not holds({"at_least": {"n": 2, "of": [yes, also]}}, answers)


def test_count_by_level_kind_area_theme_topic() -> None:
    answers = {"dn-a-l2": "yes", "dn-b-l2": "yes", "pc-c-l2": "not-known", "dn-s-l1": "yes"}
    assert holds({"count": {"at_least": 2, "where": {"level": 2}}}, answers)
    assert not holds({"count": {"at_least": 3, "where": {"level": 2}}}, answers)
    assert holds({"count": {"at_least": 1, "where": {"kind": "strength"}}}, answers)
    assert holds({"count": {"at_least": 1, "where": {"theme": "school"}}}, answers)
    assert not holds({"count": {"at_least": 1, "where": {"topic": "neglect"}}}, answers)
    assert holds(
        {"count": {"at_least": 1, "where": {"topic": "neglect"}, "answer": "not-known"}}, answers
    )
    assert (
        holds(
            {"count": {"at_least": 2, "where": {"level": [2, 3], "area": "health"}}},
            {"dn-a-l2": "yes", "fe-d-l3": "yes"},
        )
        is False
    )


def test_count_distinct_domain_counts_domains_not_indicators() -> None:
    cond = {"count": {"at_least": 2, "where": {"level": 2}, "distinct": "domain"}}
    assert not holds(cond, {"dn-a-l2": "yes", "dn-b-l2": "yes"})
    assert holds(cond, {"dn-a-l2": "yes", "pc-c-l2": "yes"})


def test_age_band_is_false_when_age_unknown() -> None:
    cond = {"age_band": ["under-1"]}
    assert holds(cond, {}, "under-1")
    assert not holds(cond, {}, "1-4")
    assert not holds(cond, {}, None)


def test_support_lists_the_answers_behind_a_true_condition() -> None:
    cond = compile_condition(
        {
            "all": [
                {"answer": {"id": "immediate-danger", "is": "no"}},
                {"count": {"at_least": 1, "where": {"level": 2}}},
                {"not": {"answer": {"id": "x", "is": "yes"}}},
            ]
        },
        INDICATORS,
    )
    answers = {"immediate-danger": "no", "pc-c-l2": "yes", "dn-a-l2": "yes"}
    assert cond.support(answers, None) == ["immediate-danger", "dn-a-l2", "pc-c-l2"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"eval": "1"}, "unknown condition 'eval'"),
        ({"answer": {"id": "q"}}, "expected {id: ..., is: ...}"),
        ({"answer": {"id": "q", "is": "maybe"}}, "'maybe' is not an answer"),
        ({"all": []}, "expected a non-empty list"),
        ({"count": {"at_least": 1, "where": {"colour": "red"}}}, "unknown key 'colour'"),
        ({"count": {"at_least": 1, "where": {}, "distinct": "theme"}}, "expected domain or area"),
        ({"age_band": ["teen"]}, "'teen' is not an age band"),
        ({"answer": {"id": "q", "is": "yes"}, "not": {}}, "expected exactly one of"),
        ("yes", "expected exactly one of"),
    ],
)
def test_anything_outside_the_vocabulary_is_refused(raw: object, message: str) -> None:
    with pytest.raises(ConditionError, match=message.replace("{", r"\{").replace("}", r"\}")):
        compile_condition(raw, INDICATORS)


def test_error_names_the_path() -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition({"all": [{"not": {"bogus": 1}}]}, INDICATORS, "rules[r1].when")
    assert info.value.path == "rules[r1].when.all[0].not"
