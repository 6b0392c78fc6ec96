"""A practice run scored against a real scenario of the bundled pack."""

from __future__ import annotations

from thresholds_app.core.pack.model import Pack, Scenario
from thresholds_app.core.training.practice import mention_hints, score_practice
from thresholds_app.core.training.session import DEFAULT_PASS_MARK, score_set


def _scenario(pack: Pack, level: int) -> Scenario:
    return next(
        s for s in pack.scenarios if s.expected_level == level and len(s.key_indicators) > 1
    )


def test_a_run_with_every_key_indicator_and_the_right_level_is_correct(pack: Pack) -> None:
    scenario = _scenario(pack, 3)
    result = score_practice(pack, scenario, scenario.answers(), scenario.expected_level)
    assert result.correct
    assert result.found == scenario.key_indicators
    assert result.missed == ()
    assert result.unsupported == ()
    assert result.guidance_level == scenario.expected_level


def test_the_guidance_for_a_learners_answers_is_worded_as_the_assessment_words_it(
    pack: Pack,
) -> None:
    """Never "Level 1" for answers that settle nothing (issue 11), in practice too."""
    scenario = _scenario(pack, 2)
    few = score_practice(pack, scenario, {"immediate-danger": "no"}, 2)
    assert few.guidance_words == "Not enough answered yet"
    whole = score_practice(pack, scenario, scenario.answers(), 2)
    assert whole.guidance_words.startswith(f"Level {whole.guidance_level}")


def test_missed_and_unsupported_indicators_are_named(pack: Pack) -> None:
    scenario = _scenario(pack, 2)
    answers = scenario.answers()
    missed = scenario.key_indicators[0]
    del answers[missed]
    extra = next(
        i for i in pack.indicators if i not in scenario.key_indicators and i.endswith("-l4")
    )
    answers[extra] = "yes"
    result = score_practice(pack, scenario, answers, 4)
    assert not result.correct
    assert result.learner_level == 4
    assert result.missed == (missed,)
    assert result.unsupported == (extra,)
    assert missed not in result.found


def test_a_not_known_key_indicator_is_not_found(pack: Pack) -> None:
    scenario = _scenario(pack, 3)
    answers = scenario.answers()
    answers[scenario.key_indicators[-1]] = "not-known"
    result = score_practice(pack, scenario, answers, 3)
    assert result.missed == (scenario.key_indicators[-1],)


def test_no_level_committed_is_never_correct(pack: Pack) -> None:
    scenario = _scenario(pack, 1)
    assert not score_practice(pack, scenario, scenario.answers(), None).correct


def test_rationale_hints_follow_the_learners_words() -> None:
    points = [
        "Jayden's own account, in his words, and that his father's account matches it",
        "That there are no other worries on the school's records",
    ]
    hints = mention_hints(points, "Jayden told me in his own words; his father's account matched.")
    assert [h.touched for h in hints] == [True, False]
    assert not any(h.touched for h in mention_hints(points, ""))


def test_a_set_is_scored_against_the_pass_mark(pack: Pack) -> None:
    scenarios = [s for s in pack.scenarios if s.expected_level is not None][:4]
    results = [
        score_practice(
            pack, s, s.answers(), s.expected_level if n < 3 else 1 + s.expected_level % 4
        )
        for n, s in enumerate(scenarios)
    ]
    result = score_set(pack, results)
    assert result.pass_mark == DEFAULT_PASS_MARK
    assert result.correct == 3
    assert result.percent == 75.0
    assert result.passed
    assert not score_set(pack, results[2:]).passed  # 1 of 2 is 50%
    assert not score_set(pack, []).passed
