"""Properties of the engine over generated answer sets for the real Solihull pack (H02, H07,
H08, H10).

Examples per property come from a hypothesis profile: ``engine-quick`` (300 each, about 2,700
generated cases in all; the default) or ``engine-full`` (10,000 each, the hazard-log target), chosen
with ``THRESHOLDS_ENGINE_PROFILE=engine-full``.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import AGE_BANDS, ANSWERS, Pack
from thresholds_app.core.report.rationale import guidance_headline
from thresholds_app.core.rules.assessment import Assessment, Context
from thresholds_app.core.rules.engine import assess
from thresholds_app.paths import default_pack_dir

# Another pack (e.g. a partnership's draft, or a deliberately broken copy) can be checked with
# THRESHOLDS_PACK_DIR=path/to/pack.
PACK_DIR = Path(os.environ.get("THRESHOLDS_PACK_DIR") or default_pack_dir())

settings.register_profile(
    "engine-quick", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "engine-full", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# A settings object (not load_profile) so other test modules keep their own settings.
PROPERTY = settings.get_profile(os.environ.get("THRESHOLDS_ENGINE_PROFILE", "engine-quick"))
CONSENT_QUESTIONS = ("consent-sought", "consent-refused", "informing-parents-increases-risk")


@cache
def pack() -> Pack:
    result = load_pack(PACK_DIR)
    assert result.pack is not None, result.problems
    return result.pack


P = pack()
IDS = sorted(P.answerable_ids())
CONCERNS = sorted(i.id for i in P.indicators.values() if i.kind == "concern")
LEVEL_4 = sorted(i.id for i in P.indicators.values() if i.kind == "concern" and i.level == 4)
STRENGTHS = sorted(i.id for i in P.indicators.values() if i.kind == "strength")
RULES = {r.id: r for r in P.rules}

answer_sets = st.dictionaries(st.sampled_from(IDS), st.sampled_from(ANSWERS), max_size=40)
# Mostly realistic sets: the danger question answered, a handful of concerns.
focused_sets = st.builds(
    lambda danger, rest: {**rest, **danger},
    st.dictionaries(st.just("immediate-danger"), st.sampled_from(ANSWERS), max_size=1),
    st.dictionaries(st.sampled_from(CONCERNS), st.sampled_from(ANSWERS), max_size=8),
)
any_answers = st.one_of(answer_sets, focused_sets)
ages = st.one_of(st.none(), st.sampled_from(AGE_BANDS))


def run(answers: dict[str, str], age: str | None) -> Assessment:
    return assess(P, answers, Context(age_band=age))


def at_least(after: int | None, before: int | None) -> bool:
    """``after`` is not lower than ``before`` (nothing is lower than insufficient information)."""
    return before is None or (after is not None and after >= before)


@PROPERTY
@given(any_answers, ages)
def test_deterministic_and_independent_of_answer_order(
    answers: dict[str, str], age: str | None
) -> None:
    first = run(answers, age)
    assert run(dict(reversed(list(answers.items()))), age) == first
    assert run(dict(sorted(answers.items())), age) == first


@PROPERTY
@given(any_answers, ages, st.sampled_from(CONCERNS))
def test_adding_a_concern_never_lowers_the_level(
    answers: dict[str, str], age: str | None, concern: str
) -> None:
    before = run(answers, age).indicated_level
    after = run({**answers, concern: "yes"}, age).indicated_level
    assert at_least(after, before)


@PROPERTY
@given(any_answers, ages, st.data())
def test_not_known_turned_to_yes_never_lowers_the_level(
    answers: dict[str, str], age: str | None, data: st.DataObject
) -> None:
    unknown = sorted(k for k, v in answers.items() if v == "not-known")
    if not unknown:
        answers = {**answers, data.draw(st.sampled_from(IDS)): "not-known"}
        unknown = sorted(k for k, v in answers.items() if v == "not-known")
    item = data.draw(st.sampled_from(unknown))
    before = run(answers, age).indicated_level
    assert at_least(run({**answers, item: "yes"}, age).indicated_level, before)


@PROPERTY
@given(any_answers, ages, st.sampled_from(LEVEL_4))
def test_any_level_4_concern_gives_level_4(
    answers: dict[str, str], age: str | None, concern: str
) -> None:
    result = run({**answers, concern: "yes"}, age)
    assert result.indicated_level == 4
    assert result.reasons[0].level == 4


@PROPERTY
@given(
    any_answers,
    ages,
    st.fixed_dictionaries({}, optional={q: st.sampled_from(ANSWERS) for q in CONSENT_QUESTIONS}),
)
def test_no_consent_answer_changes_the_level_or_lowers_level_4(
    answers: dict[str, str], age: str | None, consent: dict[str, str]
) -> None:
    base = {k: v for k, v in answers.items() if k not in CONSENT_QUESTIONS}
    before = run(base, age)
    after = run({**base, **consent}, age)
    assert after.indicated_level == before.indicated_level
    if after.consent.do_not_tell_parents:
        assert after.consent.tell_parents != P.consent.levels[4].tell_parents
    if after.consent.consider_step_up:
        assert after.indicated_level == 3


@PROPERTY
@given(any_answers, ages, st.lists(st.sampled_from(STRENGTHS), min_size=1, max_size=6))
def test_strengths_never_change_the_level(
    answers: dict[str, str], age: str | None, strengths: list[str]
) -> None:
    before = run(answers, age).indicated_level
    after = run({**answers, **dict.fromkeys(strengths, "yes")}, age)
    assert after.indicated_level == before


@PROPERTY
@given(any_answers, ages)
def test_every_reason_cites_a_rule_and_sources_that_exist(
    answers: dict[str, str], age: str | None
) -> None:
    result = run(answers, age)
    sources = P.manifest.sources
    if result.indicated_level is not None:
        assert result.reasons, "a level with no reason"
        assert max(r.level or 0 for r in result.reasons) == result.indicated_level
    keys = [(-(r.level or 0), RULES[r.rule_id].order) for r in result.reasons]
    assert keys == sorted(keys), "reasons out of order"
    for reason in result.reasons:
        rule = RULES[reason.rule_id]
        assert reason.source == rule.source
        assert reason.source in sources
        assert reason.label
        assert reason.explanation
        for ref in reason.answers:
            assert ref.id in P.answerable_ids()
            assert ref.source in sources


@PROPERTY
@given(any_answers, ages)
def test_incomplete_cases_are_flagged_and_emergency_means_999_first(
    answers: dict[str, str], age: str | None
) -> None:
    result = run(answers, age)
    danger = answers.get("immediate-danger")
    assert bool(result.missing) == (danger not in ("yes", "no"))
    if result.indicated_level is None:
        assert result.missing
    assert result.emergency == (danger == "yes")
    if result.emergency:
        assert result.contacts[0].id == "emergency-999"
        assert result.indicated_level == 4


@PROPERTY
@given(any_answers, ages)
def test_what_would_change_is_true(answers: dict[str, str], age: str | None) -> None:
    result = run(answers, age)
    for change in result.what_would_change:
        after = run({**answers, change.id: change.answer}, age)
        new = after.indicated_level
        assert new == change.new_level
        # What would be shown: a level only when enough would be answered (QA #1).
        assert after.enough_answered == change.enough_answered
        shown_now = (result.settled_level, guidance_headline(P, result))
        assert (after.settled_level, guidance_headline(P, after)) != shown_now
        if change.direction == "raise":
            assert at_least(new, result.indicated_level)
            assert new != result.indicated_level
        else:
            assert result.indicated_level is not None
            assert new is None or new < result.indicated_level


# Issue 12: escalation, current involvement, statutory routes and mobility.
ESCALATION = sorted(q.id for q in P.questions.values() if q.group == "history")
INVOLVEMENT = sorted(q.id for q in P.questions.values() if q.group == "involvement")
RAISING_QUESTIONS = [*ESCALATION, *INVOLVEMENT, "not-independently-mobile", "open-to-early-help"]


def test_the_pack_has_escalation_and_involvement_questions() -> None:
    assert len(ESCALATION) >= 3
    assert len(INVOLVEMENT) >= 5


@PROPERTY
@given(any_answers, ages, st.sampled_from(RAISING_QUESTIONS), st.sampled_from(ANSWERS))
def test_escalation_involvement_and_mobility_never_lower_the_level(
    answers: dict[str, str], age: str | None, question: str, answer: str
) -> None:
    base = {k: v for k, v in answers.items() if k != question}
    before = run(base, age).indicated_level
    after = run({**base, question: answer}, age).indicated_level
    # Whatever the answer, these questions never lower a level ("no" is not a reassurance).
    assert at_least(after, before)


@PROPERTY
@given(any_answers, ages, st.sampled_from(INVOLVEMENT))
def test_a_child_open_to_social_care_is_level_4_through_the_allocated_worker(
    answers: dict[str, str], age: str | None, question: str
) -> None:
    result = run({**answers, question: "yes"}, age)
    assert result.indicated_level == 4
    assert result.route == "already-open"
    if not result.emergency:
        assert result.contacts[0].id == "allocated-worker"


@PROPERTY
@given(any_answers, ages)
def test_a_route_is_given_exactly_at_level_4_and_matches_its_advice(
    answers: dict[str, str], age: str | None
) -> None:
    result = run(answers, age)
    assert (result.route is not None) == (result.indicated_level == 4)
    if result.route == "child-in-need":
        assert not any("confront" in step for step in result.next_steps)
        assert result.consent.consent_needed == P.consent.routes["child-in-need"].consent_needed
    if result.route == "child-protection":
        assert result.consent.consent_needed.startswith("Not needed")
