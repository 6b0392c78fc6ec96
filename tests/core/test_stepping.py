"""Step-up and step-down advice (H11): never a step-down while a Level 4 concern is unresolved."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from packs import make_indicator, make_pack, make_rule
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.stepping import CriterionCheck, SteppingChanges, review_stepping

L = {n: {"count": {"at_least": 1, "where": {"level": n, "kind": "concern"}}} for n in (2, 3, 4)}
BASELINE = {
    "all": [
        {"answer": {"id": "immediate-danger", "is": "no"}},
        {"not": {"count": {"at_least": 1, "where": {"level": [2, 3, 4], "kind": "concern"}}}},
    ]
}
DOWN_TICKS = frozenset({"down-a", "down-b"})
INDICATORS = ["dn-a-l2", "fe-b-l3", "pc-c-l4", "fe-d-l4"]


def _pack() -> Pack:
    return make_pack(
        [
            make_indicator("dn-a-l2", 2),
            make_indicator("fe-b-l3", 3, area="housing"),
            make_indicator("pc-c-l4", 4, area="basic-care"),
            make_indicator("fe-d-l4", 4, area="housing"),
        ],
        [
            make_rule("danger", {"answer": {"id": "immediate-danger", "is": "yes"}}, level=4,
                      emergency=True),
            make_rule("any-4", L[4], level=4),
            make_rule("any-3", L[3], level=3),
            make_rule("any-2", L[2], level=2),
            make_rule("baseline", BASELINE, level=1),
        ],
    )  # fmt: skip


PACK = _pack()


@pytest.fixture
def pack() -> Pack:
    return PACK


def test_step_down_is_advised_when_lower_resolved_and_criteria_ticked(pack: Pack) -> None:
    changes = SteppingChanges(
        answers={"immediate-danger": "no", "fe-b-l3": "yes", "pc-c-l4": "no"},
        previous_answers={"immediate-danger": "no", "pc-c-l4": "yes"},
        criteria_ticked=DOWN_TICKS,
    )
    advice = review_stepping(pack, 4, changes)
    assert (advice.direction, advice.advised, advice.indicated_level) == ("step-down", True, 3)
    assert advice.blockers == ()
    assert advice.steps == ("down step 1", "down step 2")
    assert advice.handover_checklist == ("down check 1",)
    assert advice.timescales[0].when == "within 10 working days"
    assert advice.criteria_met


def test_step_down_is_not_advised_while_a_level_4_concern_was_yes_and_is_now_unknown(
    pack: Pack,
) -> None:
    changes = SteppingChanges(
        answers={"immediate-danger": "no", "fe-b-l3": "yes", "pc-c-l4": "not-known"},
        previous_answers={"pc-c-l4": "yes"},
        criteria_ticked=DOWN_TICKS,
    )
    advice = review_stepping(pack, 4, changes)
    assert advice.direction == "step-down"
    assert not advice.advised
    assert [u.id for u in advice.unresolved] == ["pc-c-l4"]
    assert "Level 4 concern" in advice.blockers[0]


def test_step_down_needs_every_criterion_ticked(pack: Pack) -> None:
    changes = SteppingChanges(
        answers={"immediate-danger": "no", "dn-a-l2": "yes"},
        criteria_ticked=frozenset({"down-a"}),
    )
    advice = review_stepping(pack, 3, changes)
    assert advice.direction == "step-down"
    assert not advice.advised
    assert not advice.criteria_met
    assert [(c.id, c.met) for c in advice.criteria] == [("down-a", True), ("down-b", False)]
    assert "Criterion B" in advice.blockers[0]


def test_step_up_when_the_guidance_indicates_higher(pack: Pack) -> None:
    advice = review_stepping(pack, 2, SteppingChanges({"immediate-danger": "no", "fe-d-l4": "yes"}))
    assert (advice.direction, advice.advised, advice.indicated_level) == ("step-up", True, 4)
    assert advice.steps == ("up step 1", "up step 2")
    assert [n.id for n in advice.new_concerns] == ["fe-d-l4"]


def test_step_up_when_the_practitioner_says_the_plan_is_not_working(pack: Pack) -> None:
    changes = SteppingChanges(
        {"immediate-danger": "no", "fe-b-l3": "yes"},
        previous_answers={"immediate-danger": "no", "fe-b-l3": "yes"},
        criteria_ticked=frozenset({"up-a"}),
    )
    advice = review_stepping(pack, 3, changes)
    assert (advice.direction, advice.advised) == ("step-up", True)


def test_a_new_concern_at_the_current_level_prompts_a_step_up_review(pack: Pack) -> None:
    changes = SteppingChanges(
        {"immediate-danger": "no", "fe-b-l3": "yes"}, previous_answers={"immediate-danger": "no"}
    )
    advice = review_stepping(pack, 3, changes)
    assert (advice.direction, advice.advised) == ("step-up", False)
    assert [n.id for n in advice.new_concerns] == ["fe-b-l3"]


def test_same_level_and_nothing_new_means_stay(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "fe-b-l3": "yes"}
    advice = review_stepping(pack, 3, SteppingChanges(answers, previous_answers=answers))
    assert (advice.direction, advice.advised) == ("stay", False)


def test_insufficient_information_never_advises_a_step_down(pack: Pack) -> None:
    advice = review_stepping(pack, 3, SteppingChanges({}, criteria_ticked=DOWN_TICKS))
    assert advice.indicated_level is None
    assert advice.direction == "undecided"
    assert not advice.advised


def test_nothing_recorded_is_not_decided_never_stay(pack: Pack) -> None:
    # QA #2: with nothing recorded the review said "Stay at the current level".
    advice = review_stepping(pack, 3, SteppingChanges({}))
    assert (advice.direction, advice.advised) == ("undecided", False)
    assert advice.assessment.missing  # what is needed: immediate danger has no answer


def test_a_lower_level_not_yet_enough_answered_is_no_step_down_yet(pack: Pack) -> None:
    # Level 1 from "no" to immediate danger alone is not enough answered to rely on (issue 11).
    changes = SteppingChanges({"immediate-danger": "no"}, criteria_ticked=DOWN_TICKS)
    advice = review_stepping(pack, 2, changes)
    assert advice.indicated_level == 1
    assert not advice.assessment.enough_answered
    assert (advice.direction, advice.advised) == ("step-down", False)
    assert advice.blockers[-1].startswith("Not enough is answered yet to rely on the lower level")
    answered = {"immediate-danger": "no", "dn-a-l2": "no", "fe-b-l3": "no", "pc-c-l4": "no"}
    settled = review_stepping(pack, 2, SteppingChanges(answered, criteria_ticked=DOWN_TICKS))
    assert (settled.direction, settled.advised) == ("step-down", True)


def test_the_current_level_must_be_a_level(pack: Pack) -> None:
    with pytest.raises(ValueError, match="1, 2, 3, 4"):
        review_stepping(pack, 5, SteppingChanges({}))


ANSWER = st.sampled_from(["yes", "no", "not-known", None])


def _answers(values: list[str | None]) -> dict[str, str]:
    return {k: v for k, v in zip(["immediate-danger", *INDICATORS], values, strict=True) if v}


@given(
    now=st.lists(ANSWER, min_size=5, max_size=5),
    before=st.lists(ANSWER, min_size=5, max_size=5),
    current=st.integers(1, 4),
    ticks=st.sets(st.sampled_from(["down-a", "down-b", "up-a", "up-b"])),
)
def test_property_no_step_down_while_a_level_4_concern_is_unresolved(
    now: list[str | None], before: list[str | None], current: int, ticks: set[str]
) -> None:
    changes = SteppingChanges(_answers(now), _answers(before), frozenset(ticks))
    advice = review_stepping(PACK, current, changes)
    unresolved = [
        i
        for i in ("pc-c-l4", "fe-d-l4")
        if changes.answers.get(i) == "yes"
        or (changes.previous_answers.get(i) == "yes" and changes.answers.get(i) != "no")
    ]
    if unresolved:
        assert not (advice.direction == "step-down" and advice.advised)
    if advice.direction == "step-down" and advice.advised:
        assert advice.indicated_level is not None
        assert advice.indicated_level < current


# Golden cases on the bundled pack (H11). THRESHOLDS_PACK_DIR points them at another pack.
def _real_pack() -> Pack:
    import os
    from pathlib import Path

    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.paths import default_pack_dir

    result = load_pack(Path(os.environ.get("THRESHOLDS_PACK_DIR") or default_pack_dir()))
    assert result.pack is not None, result.problems
    return result.pack


def test_golden_step_down_from_level_4_after_the_injury_is_resolved() -> None:
    real = _real_pack()
    every_down = frozenset(c.id for c in real.step_down.criteria)
    before = {
        "immediate-danger": "no",
        "dn-injury-unexplained-l4": "yes",
        "pc-supervision-l3": "yes",
    }
    now = {"immediate-danger": "no", "dn-injury-unexplained-l4": "no", "pc-supervision-l3": "yes"}
    advice = review_stepping(real, 4, SteppingChanges(now, before, every_down))
    assert (advice.direction, advice.advised, advice.indicated_level) == ("step-down", True, 3)
    assert advice.handover_checklist == real.step_down.handover_checklist
    unresolved = {**now, "dn-injury-unexplained-l4": "not-known"}
    blocked = review_stepping(real, 4, SteppingChanges(unresolved, before, every_down))
    assert (blocked.direction, blocked.advised) == ("step-down", False)
    assert [u.id for u in blocked.unresolved] == ["dn-injury-unexplained-l4"]


def test_golden_step_up_when_consent_is_withheld_at_level_3() -> None:
    real = _real_pack()
    answers = {"immediate-danger": "no", "pc-warmth-l3": "yes", "consent-refused": "yes"}
    changes = SteppingChanges(answers, answers, frozenset({"step-up-consent-withheld"}))
    advice = review_stepping(real, 3, changes)
    assert (advice.direction, advice.advised, advice.indicated_level) == ("step-up", True, 3)
    assert advice.steps == real.step_up.steps
    assert "consent-refused-at-level-3" in advice.assessment.rules_fired


# -- found by mutation testing (docs/safety/mutation.md) ----------------------------------------


def test_a_blocked_step_down_says_each_reason_in_plain_words(pack: Pack) -> None:
    """The practitioner reads these words: each reason a step-down is not advised, in full."""
    changes = SteppingChanges(
        answers={"fe-b-l3": "yes", "pc-c-l4": "not-known"},  # immediate danger unanswered
        previous_answers={"pc-c-l4": "yes"},
    )
    advice = review_stepping(pack, 4, changes)
    criteria = "; ".join(c.text for c in pack.step_down.criteria)
    assert (advice.direction, advice.advised, advice.current_level) == ("step-down", False, 4)
    assert advice.blockers == (
        "A Level 4 concern is still answered yes, or has not been marked resolved since the last "
        "review: a step-down cannot be advised until each one is answered no, with the evidence "
        "recorded.",
        f"Not every step-down criterion is confirmed: {criteria}.",
        "Some questions that must be answered have no yes or no answer.",
    )


def test_step_up_advice_carries_the_procedure_and_the_child_s_level(pack: Pack) -> None:
    changes = SteppingChanges(
        {"immediate-danger": "no", "fe-b-l3": "yes"},
        previous_answers={"immediate-danger": "no", "fe-b-l3": "yes"},
        criteria_ticked=frozenset({"up-a"}),
    )
    advice = review_stepping(pack, 3, changes)
    up = pack.step_up
    assert (advice.direction, advice.current_level, advice.criteria_met) == ("step-up", 3, True)
    assert advice.blockers == ()
    assert (advice.summary, advice.who_decides, advice.source) == (
        up.summary,
        up.who_decides,
        up.source,
    )
    assert [(c.id, c.text, c.met) for c in advice.criteria] == [
        (c.id, c.text, c.id == "up-a") for c in up.criteria
    ]


def test_stay_advice_says_whether_the_step_down_criteria_are_met(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "fe-b-l3": "yes"}
    changes = SteppingChanges(answers, previous_answers=answers, criteria_ticked=DOWN_TICKS)
    advice = review_stepping(pack, 3, changes)
    assert (advice.direction, advice.current_level, advice.criteria_met) == ("stay", 3, True)
    assert advice.blockers == ()


def test_a_concern_yes_now_is_unresolved_even_if_new(pack: Pack) -> None:
    changes = SteppingChanges({"immediate-danger": "no", "pc-c-l4": "yes"})
    advice = review_stepping(pack, 4, changes)
    assert [u.id for u in advice.unresolved] == ["pc-c-l4"]


def test_nothing_is_above_the_top_level_so_a_new_concern_there_means_stay(pack: Pack) -> None:
    changes = SteppingChanges(
        {"immediate-danger": "no", "fe-d-l4": "yes", "pc-c-l4": "yes"},
        previous_answers={"immediate-danger": "no", "pc-c-l4": "yes"},
    )
    advice = review_stepping(pack, 4, changes)
    assert advice.direction == "stay"
    assert [n.id for n in advice.new_concerns] == ["fe-d-l4"]


def test_a_level_outside_the_pack_is_refused_in_a_full_sentence(pack: Pack) -> None:
    message = "The current level must be one of the pack's levels: 1, 2, 3, 4."
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        review_stepping(pack, 5, SteppingChanges({}))


# A consent refusal recorded in the case ticks the consent step-up criterion (``ticked_by``),
# but only at a level whose consent advice asks for a step-up decision (consent.yaml: Level 3).
CONSENT_CRITERION = "step-up-consent-withheld"


def _met(advice_criteria: tuple[CriterionCheck, ...]) -> set[str]:
    return {c.id for c in advice_criteria if c.met}


@pytest.mark.parametrize("already_ticked", [frozenset(), frozenset({"step-up-outcomes-not-met"})])
def test_a_refusal_recorded_at_level_3_opens_the_review_as_a_step_up(
    already_ticked: frozenset[str],
) -> None:
    real = _real_pack()
    answers = {"immediate-danger": "no", "pc-warmth-l3": "yes", "consent-refused": "yes"}
    advice = review_stepping(real, 3, SteppingChanges(answers, answers, already_ticked))
    assert (advice.direction, advice.advised, advice.indicated_level) == ("step-up", True, 3)
    assert advice.criteria_met
    # The recorded refusal is added to what the practitioner ticked, never in place of it.
    assert _met(advice.criteria) == {CONSENT_CRITERION, *already_ticked}


@pytest.mark.parametrize("refused", ["no", "not-known", None])
def test_no_refusal_recorded_leaves_the_consent_criterion_unticked(refused: str | None) -> None:
    real = _real_pack()
    answers = {"immediate-danger": "no", "pc-warmth-l3": "yes"}
    if refused is not None:
        answers["consent-refused"] = refused
    advice = review_stepping(real, 3, SteppingChanges(answers, answers))
    assert (advice.direction, advice.advised, advice.indicated_level) == ("stay", False, 3)
    assert not advice.criteria_met


def test_a_refusal_at_level_2_does_not_tick_the_level_3_consent_criterion() -> None:
    """consent.yaml asks for a step-up decision on a refusal only at Level 3."""
    real = _real_pack()
    assert not real.consent.levels[2].consider_step_up_if_refused
    answers = {"immediate-danger": "no", "dn-dental-care-l2": "yes", "consent-refused": "yes"}
    advice = review_stepping(real, 2, SteppingChanges(answers, answers))
    assert (advice.direction, advice.advised, advice.indicated_level) == ("stay", False, 2)
    ticked = review_stepping(
        real, 2, SteppingChanges(answers, answers, frozenset({CONSENT_CRITERION}))
    )
    assert (ticked.direction, ticked.advised) == ("step-up", True)
    assert _met(ticked.criteria) == {CONSENT_CRITERION}


def test_a_step_down_not_yet_enough_answered_names_the_first_thing_to_answer(pack: Pack) -> None:
    """The blocker says what to answer first, as the assessment lists it (not a later item)."""
    changes = SteppingChanges({"immediate-danger": "no"}, criteria_ticked=DOWN_TICKS)
    advice = review_stepping(pack, 2, changes)
    still = advice.assessment.to_answer_next
    assert len(still) > 1
    assert advice.blockers == (
        f"Not enough is answered yet to rely on the lower level. Still to answer: {still[0]}",
    )
