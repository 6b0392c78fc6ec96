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


# One cause, one count (issue 12): overlapping indicators count once, and in one domain only.
OVERLAPS = {"dn-a-l2": "loss", "pc-c-l2": "loss"}


def holds_with_overlaps(raw: object, answers: dict[str, str]) -> bool:
    result: bool = compile_condition(raw, INDICATORS, "when", OVERLAPS).holds(answers, None)
    return result


def test_overlapping_indicators_count_as_one_cause() -> None:
    three = {"count": {"at_least": 3, "where": {"level": 2, "kind": "concern"}}}
    answers = {"dn-a-l2": "yes", "pc-c-l2": "yes", "dn-b-l2": "yes"}
    assert holds(three, answers)  # without overlaps: three indicators
    assert not holds_with_overlaps(three, answers)  # with them: two causes
    two = {"count": {"at_least": 2, "where": {"level": 2, "kind": "concern"}}}
    assert holds_with_overlaps(two, answers)


def test_one_cause_lends_its_weight_to_one_domain_only() -> None:
    domains = {"count": {"at_least": 2, "where": {"level": 2}, "distinct": "domain"}}
    # One cause ticked in two domains reaches one domain, not two.
    assert holds(domains, {"dn-a-l2": "yes", "pc-c-l2": "yes"})
    assert not holds_with_overlaps(domains, {"dn-a-l2": "yes", "pc-c-l2": "yes"})
    # A second, separate cause in developmental needs lets the shared cause stand for parenting.
    assert holds_with_overlaps(domains, {"dn-a-l2": "yes", "pc-c-l2": "yes", "dn-b-l2": "yes"})


def test_a_route_can_be_counted() -> None:
    indicators = tuple(
        make_pack(
            [
                make_indicator("pc-f-l4", 4, area="stability", route="child-in-need"),
                make_indicator("dn-g-l4", 4, route="child-protection"),
            ]
        ).indicators.values()
    )
    need = {"count": {"at_least": 1, "where": {"level": 4, "route": "child-in-need"}}}
    assert compile_condition(need, indicators).holds({"pc-f-l4": "yes"}, None)
    assert not compile_condition(need, indicators).holds({"dn-g-l4": "yes"}, None)


def support(raw: object, answers: dict[str, str], age: str | None = None) -> list[str]:
    result: list[str] = compile_condition(raw, INDICATORS).support(answers, age)
    return result


def test_at_least_counts_every_part_that_holds_for_this_child_and_explains_with_them() -> None:
    """Found by mutation testing (docs/safety/mutation.md): only n=1 and n=2 of two were tried."""
    a, b, c = ({"answer": {"id": x, "is": "yes"}} for x in ("a", "b", "c"))
    young = {"all": [{"age_band": ["1-4"]}, c]}
    answers = {"a": "yes", "b": "yes", "c": "yes"}
    two_of = {"at_least": {"n": 2, "of": [a, b, young]}}
    three_of = {"at_least": {"n": 3, "of": [a, b, young]}}
    assert holds(two_of, answers, "11-15")
    assert not holds(three_of, answers, "11-15")  # the third part holds only for a young child
    assert holds(three_of, answers, "1-4")
    assert holds({"at_least": {"n": 0, "of": [a]}}, {})  # nothing needed: always holds
    assert not holds({"at_least": {"n": 1, "of": [a]}}, {})
    assert support(two_of, {"a": "yes", "b": "no", "c": "yes"}, "1-4") == ["a", "c"]
    assert support(two_of, {"a": "yes", "b": "no", "c": "yes"}, "11-15") == ["a"]
    nested = {"at_least": {"n": 1, "of": [{"any": [young]}]}}  # the age reaches nested parts
    assert support(nested, {"c": "yes"}, "1-4") == ["c"]


def test_a_cause_in_several_areas_stands_for_one_of_them_however_the_causes_are_met() -> None:
    """The best assignment of causes to areas is found, and no cause stands for two areas.

    One bereavement ticked in three areas, and two separate worries in basic care only: the
    worries can stand for basic care and the loss for another area, so two areas, never one (the
    loss must move off basic care to make room) and never three (the loss counted twice).
    """
    indicators = tuple(
        make_pack(
            [
                make_indicator("pc-loss-care-l2", 2, area="basic-care"),
                make_indicator("dn-loss-school-l2", 2, area="education"),
                make_indicator("dn-loss-health-l2", 2, area="health"),
                make_indicator("pc-meals-l2", 2, area="basic-care"),
                make_indicator("pc-hygiene-l2", 2, area="basic-care"),
            ]
        ).indicators.values()
    )
    loss = dict.fromkeys(["pc-loss-care-l2", "dn-loss-school-l2", "dn-loss-health-l2"], "loss")
    answers = {i.id: "yes" for i in indicators}

    def areas_at_least(n: int) -> bool:
        raw = {"count": {"at_least": n, "where": {"level": 2}, "distinct": "area"}}
        result: bool = compile_condition(raw, indicators, "when", loss).holds(answers, None)
        return result

    assert areas_at_least(2)
    assert not areas_at_least(3)


# Every refusal, word for word with its path: the engine's last line of defence when a rule
# reaches it without the loader's checks (a pack edited in memory, a future loader).
FORMS_LIST = "answer, all, any, not, at_least, count, age_band"
ANSWER_LIST = "yes, no, not-known, unanswered"
YES = {"answer": {"id": "q", "is": "yes"}}


@pytest.mark.parametrize(
    ("raw", "path", "message"),
    [
        ("yes", "when", f"expected exactly one of {FORMS_LIST}"),
        ({**YES, "not": YES}, "when", f"expected exactly one of {FORMS_LIST}"),
        ({"eval": "1"}, "when", f"unknown condition 'eval' (use one of {FORMS_LIST})"),
        ({"answer": "q"}, "when.answer", "expected {id: ..., is: ...}"),
        ({"answer": {"id": "q"}}, "when.answer", "expected {id: ..., is: ...}"),
        ({"answer": {"id": 3, "is": "yes"}}, "when.answer.id", "expected an id"),
        (
            {"answer": {"id": "q", "is": []}},
            "when.answer.is",
            "expected an answer or a list of answers",
        ),
        (
            {"answer": {"id": "q", "is": 3}},
            "when.answer.is",
            "expected an answer or a list of answers",
        ),
        (
            {"answer": {"id": "q", "is": ["yes", "maybe"]}},
            "when.answer.is",
            f"'maybe' is not an answer (use one of {ANSWER_LIST})",
        ),
        ({"all": []}, "when.all", "expected a non-empty list of conditions"),
        ({"any": YES}, "when.any", "expected a non-empty list of conditions"),
        ({"all": [YES, {"any": []}]}, "when.all[1].any", "expected a non-empty list of conditions"),
        ({"not": {"not": "x"}}, "when.not.not", f"expected exactly one of {FORMS_LIST}"),
        ({"at_least": {"n": 1}}, "when.at_least", "expected {n: ..., of: [...]}"),
        ({"at_least": [1, [YES]]}, "when.at_least", "expected {n: ..., of: [...]}"),
        (
            {"at_least": {"n": -1, "of": [YES]}},
            "when.at_least.n",
            "expected a whole number of at least 0",
        ),
        (
            {"at_least": {"n": True, "of": [YES]}},
            "when.at_least.n",
            "expected a whole number of at least 0",
        ),
        (
            {"at_least": {"n": "1", "of": [YES]}},
            "when.at_least.n",
            "expected a whole number of at least 0",
        ),
        (
            {"at_least": {"n": 1, "of": []}},
            "when.at_least.of",
            "expected a non-empty list of conditions",
        ),
        (
            {"at_least": {"n": 1, "of": [YES, "no"]}},
            "when.at_least.of[1]",
            f"expected exactly one of {FORMS_LIST}",
        ),
        ({"count": 1}, "when.count", "expected a mapping with at_least and where"),
        ({"count": {"at_least": 1, "zeta": 1, "beta": 2}}, "when.count", "unknown key 'beta'"),
        ({"count": {"where": {}}}, "when.count.at_least", "expected a whole number of at least 0"),
        (
            {"count": {"at_least": -1}},
            "when.count.at_least",
            "expected a whole number of at least 0",
        ),
        (
            {"count": {"at_least": False}},
            "when.count.at_least",
            "expected a whole number of at least 0",
        ),
        (
            {"count": {"at_least": 1.5}},
            "when.count.at_least",
            "expected a whole number of at least 0",
        ),
        ({"count": {"at_least": 1, "where": [2]}}, "when.count.where", "expected a mapping"),
        (
            {"count": {"at_least": 1, "where": {"colour": "red"}}},
            "when.count.where",
            "unknown key 'colour'",
        ),
        (
            {"count": {"at_least": 1, "distinct": "theme"}},
            "when.count.distinct",
            "expected domain or area",
        ),
        (
            {"count": {"at_least": 1, "answer": "maybe"}},
            "when.count.answer",
            f"'maybe' is not an answer (use one of {ANSWER_LIST})",
        ),
        ({"age_band": ["under-1", "teen"]}, "when.age_band", "'teen' is not an age band"),
        ({"age_band": "teen"}, "when.age_band", "'teen' is not an age band"),
    ],
)
def test_each_refusal_names_its_place_and_what_was_expected(
    raw: object, path: str, message: str
) -> None:
    with pytest.raises(ConditionError) as info:
        compile_condition(raw, INDICATORS)
    assert (info.value.path, str(info.value)) == (path, f"{path}: {message}")


def test_the_vocabulary_s_defaults_and_short_forms() -> None:
    # "answer" defaults to yes, "where" to every indicator, one age band may stand alone.
    every_yes = {"count": {"at_least": 5}}
    assert holds(every_yes, {i.id: "yes" for i in INDICATORS})
    assert not holds(every_yes, {i.id: "yes" for i in INDICATORS[1:]})
    assert holds({"count": {"at_least": 1, "answer": ["no"]}}, {"dn-a-l2": "no"})
    assert holds({"age_band": "under-1"}, {}, "under-1")
    assert holds({"at_least": {"n": 0, "of": [YES]}}, {})
    assert holds({"count": {"at_least": 0, "where": {"level": 4}}}, {})


def test_the_age_band_reaches_the_explanation_through_any_and_all() -> None:
    """A part that holds only for a young child is cited for a young child, whatever wraps it."""
    a, c = ({"answer": {"id": x, "is": "yes"}} for x in ("a", "c"))
    young = {"all": [{"age_band": ["1-4"]}, c]}
    one_of = {"at_least": {"n": 1, "of": [young, a]}}
    answers = {"a": "yes", "c": "yes"}
    for wrapper in ("any", "all"):
        wrapped = {wrapper: [one_of]}
        assert support(wrapped, answers, "1-4") == ["c", "a"]
        assert support(wrapped, answers, "11-15") == ["a"]


def test_a_count_of_unanswered_indicators_counts_those_never_answered() -> None:
    unanswered = {"count": {"at_least": 3, "where": {"level": 2}, "answer": "unanswered"}}
    assert holds(unanswered, {})  # nothing answered yet: all three Level 2 indicators
    assert holds(unanswered, {"fe-d-l3": "yes", "dn-s-l1": "no"})  # answers elsewhere
    assert not holds(unanswered, {"dn-a-l2": "no"})


def test_a_count_explains_with_its_answers_in_pack_order_when_few_of_many_hold() -> None:
    """The short path for a few hits among many indicators keeps pack order, not id order."""
    many = tuple(
        make_pack(
            [make_indicator(f"pc-{n}-l2", 2, area="basic-care") for n in ("z", "y", "x", "w")]
            + [make_indicator(f"dn-{n}-l2", 2) for n in ("v", "u", "t", "s", "r")]
        ).indicators.values()
    )
    in_pack_order = [i.id for i in many]
    answered = in_pack_order[:2]  # dn-v, dn-u: the file order
    assert answered != sorted(answered)  # pack order is not alphabetical here
    count = compile_condition({"count": {"at_least": 1, "where": {"level": 2}}}, many)
    assert count.support(dict.fromkeys(answered, "yes"), None) == answered


def test_not_reads_the_child_s_age_band() -> None:
    """``not`` passes the age band on: "not a baby" holds for an older child only."""
    not_a_baby = {"not": {"age_band": ["under-1"]}}
    assert holds(not_a_baby, {}, "5-10")
    assert not holds(not_a_baby, {}, "under-1")
    assert holds(not_a_baby, {}, None)  # age not known: the age band does not hold, so "not" does


@pytest.mark.parametrize("wrapper", ["all", "any", "at_least", "not"])
def test_one_cause_one_count_reaches_a_count_inside_every_other_form(wrapper: str) -> None:
    """The pack's overlaps are passed down to a count however deeply it is wrapped."""
    three = {"count": {"at_least": 3, "where": {"level": 2, "kind": "concern"}}}
    wrapped: dict[str, object] = {
        "all": {"all": [three]},
        "any": {"any": [three]},
        "at_least": {"at_least": {"n": 1, "of": [three]}},
        "not": {"not": {"not": three}},
    }[wrapper]
    answers = {"dn-a-l2": "yes", "pc-c-l2": "yes", "dn-b-l2": "yes"}  # two causes, not three
    assert holds(wrapped, answers)
    assert not holds_with_overlaps(wrapped, answers)
