"""assess(): the highest-level policy, reasons, gaps, warnings, consent, next steps, contacts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from packs import make_indicator, make_pack, make_rule
from thresholds_app.core.base.records import replace
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import AnswerRef, Assessment, Context
from thresholds_app.core.rules.changes import change_effect
from thresholds_app.core.rules.engine import (
    DANGER_NOT_KNOWN_STEP,
    DANGER_NOT_KNOWN_WARNING,
    PackRulesError,
    assess,
    engine_for,
)

L4 = {"count": {"at_least": 1, "where": {"level": 4, "kind": "concern"}}}
L3 = {"count": {"at_least": 1, "where": {"level": 3, "kind": "concern"}}}
L2 = {"count": {"at_least": 1, "where": {"level": 2, "kind": "concern"}}}
DANGER = {"answer": {"id": "immediate-danger", "is": "yes"}}
BASELINE = {
    "all": [
        {"answer": {"id": "immediate-danger", "is": "no"}},
        {"not": {"count": {"at_least": 1, "where": {"level": [2, 3, 4], "kind": "concern"}}}},
    ]
}
MONDAY_NOON = datetime(2026, 11, 23, 12, 0)
SATURDAY_NOON = datetime(2026, 11, 28, 12, 0)


@pytest.fixture
def pack() -> Pack:
    return make_pack(
        [
            make_indicator("dn-a-l2", 2),
            make_indicator("pc-b-l2", 2, area="basic-care", topics=["neglect"]),
            make_indicator("fe-c-l3", 3, area="housing"),
            make_indicator("pc-d-l3", 3, area="basic-care"),
            make_indicator("dn-e-l4", 4, topics=["non-mobile-bruising"], ages=["under-1"]),
            make_indicator("fe-f-l4", 4, area="housing"),
            make_indicator("dn-strength-g-l1", 1, kind="strength"),
        ],
        [
            make_rule("danger", DANGER, level=4, emergency=True),
            make_rule("any-4", L4, level=4),
            make_rule("any-3", L3, level=3),
            make_rule("any-2", L2, level=2, topics=["early-help-topic"]),
            make_rule("baseline", BASELINE, level=1),
            make_rule(
                "refused-at-3",
                {"all": [{"answer": {"id": "consent-refused", "is": "yes"}}, L3]},
                warning="Consider a step-up.",
            ),
        ],
        topics=["neglect", "non-mobile-bruising", "early-help-topic"],
    )


def test_the_highest_level_of_the_fired_rules_is_indicated(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "no", "dn-a-l2": "yes", "fe-c-l3": "yes"})
    assert result.indicated_level == 3
    assert result.rules_fired == ("any-3", "any-2")
    assert not result.emergency


def test_reasons_are_ordered_by_level_then_rule_order(pack: Pack) -> None:
    answers = {"immediate-danger": "yes", "fe-f-l4": "yes", "dn-a-l2": "yes", "pc-d-l3": "yes"}
    assert assess(pack, answers).rules_fired == ("danger", "any-4", "any-3", "any-2")


def test_reasons_cite_the_answers_behind_a_count(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "no", "pc-b-l2": "yes", "dn-a-l2": "yes"})
    (reason,) = result.reasons
    assert reason.rule_id == "any-2"
    assert [(a.id, a.answer, a.text, a.level) for a in reason.answers] == [
        ("dn-a-l2", "yes", "Text of dn-a-l2", 2),
        ("pc-b-l2", "yes", "Text of pc-b-l2", 2),
    ]
    assert reason.source == "src"
    assert reason.label == "Label of any-2"


def test_no_level_rule_fired_means_insufficient_information(pack: Pack) -> None:
    result = assess(pack, {"dn-a-l2": "no"})
    assert result.indicated_level is None
    assert [(m.id, m.answer) for m in result.missing] == [("immediate-danger", None)]
    assert result.next_steps[0].startswith("Not enough answered yet")
    assert pack.questions["immediate-danger"].text in result.next_steps[0]


def test_unknown_mandatory_answer_is_missing_not_no(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "not-known"})
    assert result.indicated_level is None
    assert [(m.id, m.answer) for m in result.missing] == [("immediate-danger", "not-known")]
    assert [g.id for g in result.gaps] == ["immediate-danger"]


def test_missing_mandatory_still_listed_when_a_level_4_concern_is_present(pack: Pack) -> None:
    result = assess(pack, {"fe-f-l4": "yes"})
    assert result.indicated_level == 4
    assert [m.id for m in result.missing] == ["immediate-danger"]


def test_emergency_puts_999_first_then_the_mash_when_it_is_open(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "yes"}, Context(now=MONDAY_NOON))
    assert result.emergency
    assert result.indicated_level == 4
    assert [c.id for c in result.contacts][:3] == ["emergency-999", "mash", "edt"]
    assert "Out of hours" in result.contacts[2].why  # listed for later, not as the line to call
    assert result.next_steps[0].startswith("Call 999 now")


def test_emergency_out_of_hours_gives_the_duty_team_not_the_mash(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "yes"}, Context(now=SATURDAY_NOON))
    ids = [c.id for c in result.contacts]
    assert ids[:2] == ["emergency-999", "edt"]
    assert "mash" not in ids


def test_unknown_time_gives_both_the_mash_and_the_duty_team(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "yes"})
    assert [(c.id, c.open_now) for c in result.contacts][:3] == [
        ("emergency-999", None),
        ("mash", None),
        ("edt", None),
    ]


def test_level_4_without_emergency_does_not_offer_999(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "no", "fe-f-l4": "yes"}, Context(now=MONDAY_NOON))
    assert not result.emergency
    assert result.contacts[0].id == "mash"
    assert "emergency-999" not in [c.id for c in result.contacts]


def test_gaps_are_unknowns_at_or_above_the_level(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "pc-d-l3": "yes", "dn-a-l2": "not-known"}
    answers |= {"fe-f-l4": "not-known", "fe-c-l3": "not-known", "consent-sought": "not-known"}
    result = assess(pack, answers)
    assert result.indicated_level == 3
    assert [g.id for g in result.gaps] == ["consent-sought", "fe-f-l4", "fe-c-l3"]


def test_warnings_come_from_fired_rules(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "pc-d-l3": "yes", "consent-refused": "yes"}
    result = assess(pack, answers)
    assert result.warnings == ("Consider a step-up.",)
    assert "refused-at-3" in result.rules_fired
    assert assess(pack, answers | {"consent-refused": "no"}).warnings == ()


def test_strengths_are_listed_and_change_nothing(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "fe-f-l4": "yes"}
    with_strength = assess(pack, answers | {"dn-strength-g-l1": "yes"})
    assert [s.id for s in with_strength.strengths] == ["dn-strength-g-l1"]
    assert with_strength.indicated_level == 4
    assert with_strength.reasons == assess(pack, answers).reasons


def test_topics_come_from_rules_then_indicators(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "pc-b-l2": "yes", "dn-e-l4": "yes"}
    # rules' topics first, then the indicators' in pack order (domains, then file order)
    assert assess(pack, answers).topics == ("early-help-topic", "non-mobile-bruising", "neglect")


def test_next_steps_come_from_the_level_and_the_topics(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "no", "pc-b-l2": "yes"})
    assert result.enough_answered  # a Level 2 concern supports its level by itself
    assert result.next_steps == (
        "Do the Level 2 thing",
        "Early-Help-Topic: First step for early-help-topic",
        "Neglect: First step for neglect",
    )


def test_consent_refused_at_level_3_advises_considering_a_step_up(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "no", "pc-d-l3": "yes", "consent-refused": "yes"})
    assert result.consent.level == 3
    assert result.consent.consent_refused
    assert result.consent.consider_step_up
    assert result.consent.consent_needed == "Consent at 3"


def test_consent_refused_at_level_4_never_blocks_or_lowers(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "fe-f-l4": "yes", "consent-refused": "yes"}
    result = assess(pack, answers)
    assert result.indicated_level == 4
    assert result.consent.consent_refused
    assert not result.consent.consider_step_up
    assert result.contacts[0].id == "mash"


def test_informing_parents_increases_risk_means_no_advice_to_tell_them(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "fe-f-l4": "yes"}
    told = assess(pack, answers)
    assert not told.consent.do_not_tell_parents
    assert told.consent.tell_parents == "Tell parents at 4"
    hidden = assess(pack, answers | {"informing-parents-increases-risk": "yes"})
    assert hidden.consent.do_not_tell_parents
    assert hidden.consent.tell_parents.startswith("Do not tell the parents")


def test_lowering_lists_only_the_answer_that_alone_holds_the_level(pack: Pack) -> None:
    alone = assess(pack, {"immediate-danger": "no", "fe-c-l3": "yes"})
    assert [
        (c.id, c.direction, c.new_level) for c in alone.what_would_change if c.direction == "lower"
    ] == [("fe-c-l3", "lower", 1)]
    two = assess(pack, {"immediate-danger": "no", "fe-c-l3": "yes", "pc-d-l3": "yes"})
    assert [c for c in two.what_would_change if c.direction == "lower"] == []


def test_a_change_says_what_would_be_shown_not_the_raw_level(pack: Pack) -> None:
    # QA #1: with only immediate danger answered yes, "no" would show "Not enough answered yet",
    # never "lower it to Level 1" (the raw level a trial run gives).
    danger = assess(pack, {"immediate-danger": "yes"})
    assert [(c.id, c.direction, c.enough_answered) for c in danger.what_would_change] == [
        ("immediate-danger", "lower", False)
    ]
    change = danger.what_would_change[0]
    assert change_effect(pack, change) == "leave too little answered to suggest a level"
    assert assess(pack, {"immediate-danger": "no"}).settled_level is None  # what "no" shows
    # A concern holds Level 3 by itself, so a raise shows "at least" until enough is answered.
    unsure = assess(pack, {"fe-c-l3": "yes"})
    raised = next(c for c in unsure.what_would_change if c.id == "fe-f-l4")
    assert not raised.enough_answered
    assert change_effect(pack, raised) == ("raise it to at least Level 4 (not enough answered yet)")
    # Enough answered: the level itself, as before.
    answered = {"immediate-danger": "no", "fe-c-l3": "yes", "dn-a-l2": "no", "pc-b-l2": "no"}
    lower = next(c for c in assess(pack, answered).what_would_change if c.direction == "lower")
    assert (lower.id, lower.enough_answered) == ("fe-c-l3", True)
    assert change_effect(pack, lower) == "lower it to Level 1"


def test_a_change_that_would_show_the_same_is_not_listed() -> None:
    # With nothing answered the screen says "Not enough answered yet". A "yes" that gives only
    # the lowest level, with immediate danger still unanswered, would leave it saying just that:
    # it is no change, so it is not offered as "would raise it to Level 1".
    calm = {"answer": {"id": "parental-alcohol-asked", "is": "yes"}}
    pack = make_pack(
        [make_indicator("dn-a-l2", 2)],
        [make_rule("danger", DANGER, level=4, emergency=True), make_rule("calm", calm, level=1)],
    )
    assert assess(pack, {"parental-alcohol-asked": "yes"}).settled_level is None
    result = assess(pack, {})
    assert [c.id for c in result.what_would_change] == ["immediate-danger"]


def test_raising_prefers_not_known_answers_and_is_capped(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "no", "dn-a-l2": "yes", "fe-c-l3": "not-known"})
    raises = [(c.id, c.new_level) for c in result.what_would_change if c.direction == "raise"]
    assert ("fe-c-l3", 3) in raises  # "not known" at the indicated level and above is tried
    # pc-d-l3 shares no theme, area or pathway with the health need: never offered (issue 12).
    assert ("pc-d-l3", 3) not in raises
    assert all(new > 2 for _, new in raises)
    assert len(raises) <= 10


def test_raising_respects_the_age_band(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "dn-a-l2": "yes"}  # a health need: dn-e-l4 is related
    older = assess(pack, answers, Context(age_band="5-10"))
    assert "dn-e-l4" not in [c.id for c in older.what_would_change]
    baby = assess(pack, answers, Context(age_band="under-1"))
    assert "dn-e-l4" in [c.id for c in baby.what_would_change]


def test_an_answer_that_is_not_yes_no_or_not_known_is_refused(pack: Pack) -> None:
    with pytest.raises(ValueError, match="dn-a-l2"):
        assess(pack, {"dn-a-l2": "maybe"})


def test_a_rule_outside_the_vocabulary_is_refused_with_its_id() -> None:
    good = make_pack(
        [], [make_rule("bad-rule", {"answer": {"id": "immediate-danger", "is": "no"}})]
    )
    # The loader refuses such a rule; the engine must refuse it too if one ever reaches it.
    bad = replace(good, rules=(replace(good.rules[0], when={"python": "1+1"}),))
    with pytest.raises(PackRulesError, match=r"rules\[bad-rule\]\.when"):
        assess(bad, {})


def test_the_compiled_engine_is_built_once_per_pack(pack: Pack) -> None:
    assert engine_for(pack) is engine_for(pack)
    assert assess(pack, {"immediate-danger": "no"}) == assess(pack, {"immediate-danger": "no"})


def test_the_pack_identity_is_carried(pack: Pack) -> None:
    result = assess(pack, {})
    assert (result.pack_id, result.pack_version, result.pack_hash) == (
        "test-pack",
        "0.0.1",
        pack.content_hash,  # the loader's SHA-256 of the files
    )


def test_significant_harm_with_consent_refused_still_refers_with_a_lawful_basis(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "fe-f-l4": "yes", "consent-refused": "yes"}
    result = assess(pack, answers, Context(now=MONDAY_NOON))
    assert result.indicated_level == 4
    assert result.consent.lawful_basis == ("Public task",)
    assert result.consent.record == ("What was shared",)
    assert "mash" in [c.id for c in result.contacts]
    assert result.next_steps[0] == "Do the Level 4 thing"


def test_raising_offers_the_next_step_of_the_same_theme_first() -> None:
    themed = make_pack(
        [
            make_indicator("dn-other-l4", 4),
            make_indicator("dn-more-l4", 4),
            make_indicator("pc-warmth-l3", 3, area="emotional-warmth", theme="warmth"),
            make_indicator("pc-warmth-l4", 4, area="emotional-warmth", theme="warmth"),
        ],
        [make_rule("any-4", L4, level=4), make_rule("any-3", L3, level=3)],
    )
    result = assess(themed, {"immediate-danger": "no", "pc-warmth-l3": "yes"})
    raises = [c.id for c in result.what_would_change if c.direction == "raise"]
    assert raises == ["pc-warmth-l4"]  # the unrelated health concerns are not offered


def test_raising_never_offers_an_unrelated_harm() -> None:
    mixed = make_pack(
        [
            make_indicator("dn-attendance-l2", 2, area="education", theme="attendance"),
            make_indicator("dn-attendance-l3", 3, area="education", theme="attendance"),
            make_indicator("dn-fgm-l4", 4, area="health", topics=["fgm"]),
        ],
        [
            make_rule("any-4", L4, level=4),
            make_rule("any-3", L3, level=3),
            make_rule("any-2", L2, level=2),
        ],
    )
    result = assess(mixed, {"immediate-danger": "no", "dn-attendance-l2": "yes"})
    raises = [c.id for c in result.what_would_change if c.direction == "raise"]
    assert raises == ["dn-attendance-l3"]


# -- found by mutation testing (docs/safety/mutation.md) ----------------------------------------


def _real_pack() -> Pack:
    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.paths import default_pack_dir

    result = load_pack(default_pack_dir())
    assert result.pack is not None, result.problems
    return result.pack


def _numbers(steps: tuple[str, ...]) -> list[str]:
    return [s for s in steps if s.startswith("Numbers to call now")]


def test_urgent_advice_lists_the_numbers_to_call_now_as_a_step(pack: Pack) -> None:
    """For screens that show only the steps: the lines to call now, never one kept for later."""
    result = assess(pack, {"immediate-danger": "yes"}, Context(now=MONDAY_NOON))
    nine, mash = pack.contacts["emergency-999"], pack.contacts["mash"]
    assert _numbers(result.next_steps) == [
        f"Numbers to call now: {nine.name} {nine.phone}; {mash.name} {mash.phone}."
    ]  # the duty team is open too, but only for later while the MASH is open
    calm = assess(pack, {"immediate-danger": "no", "dn-a-l2": "yes"}, Context(now=MONDAY_NOON))
    assert _numbers(calm.next_steps) == []


def test_the_numbers_step_gives_at_most_three_numbers() -> None:
    real = _real_pack()
    result = assess(real, {"immediate-danger": "yes"})
    call_now = [c for c in result.contacts if c.call_now]
    assert len(call_now) == 4  # 999, the MASH, the duty team (time not known) and 101
    assert _numbers(result.next_steps) == [
        "Numbers to call now: " + "; ".join(f"{c.name} {c.phone_text}" for c in call_now[:3]) + "."
    ]


@pytest.mark.parametrize(
    ("answers", "route"),
    [
        ({"dn-disability-assessment-l4": "yes"}, "child-in-need"),
        ({"dn-disability-assessment-l4": "yes", "pc-warmth-l3": "yes"}, "child-in-need"),
        (
            {"dn-disability-assessment-l4": "yes", "dn-injury-unexplained-l4": "yes"},
            "child-protection",
        ),
        ({"dn-injury-unexplained-l4": "yes", "allocated-social-worker": "yes"}, "already-open"),
        ({"pc-warmth-l3": "yes"}, None),
    ],
)
def test_the_route_is_the_first_in_precedence_of_the_level_4_rules_that_fired(
    answers: dict[str, str], route: str | None
) -> None:
    """Already open, then possible significant harm, then child in need (levels.yaml)."""
    real = _real_pack()
    result = assess(real, {"immediate-danger": "no", **answers}, Context(now=MONDAY_NOON))
    assert result.route == route
    if route is None:
        assert result.consent.consent_needed == real.consent.levels[3].consent_needed
        return
    # The route's own steps, consent advice and first contact replace the Level 4 ones.
    chosen = next(r for r in real.levels[4].routes if r.id == route)
    assert result.next_steps[: len(chosen.next_steps)] == chosen.next_steps
    assert result.consent.consent_needed == real.consent.routes[route].consent_needed
    assert result.contacts[0].why == chosen.title
    if route == "child-in-need":  # urgent at Level 4: the duty team is not "for protection only"
        mash = real.contacts["mash"].name
        assert [(c.id, c.why, c.call_now) for c in result.contacts][:3] == [
            ("mash", chosen.title, True),
            (
                "edt",
                f"Out of hours (evenings, weekends and bank holidays), instead of {mash}",
                False,
            ),
            ("police-101", "Help at Level 4", True),
        ]
    assert _numbers(result.next_steps)  # Level 4 is urgent even without an emergency


def test_a_level_4_rule_that_names_no_route_means_possible_significant_harm() -> None:
    real = _real_pack()
    danger = next(r for r in real.rules if r.id == "child-in-immediate-danger")
    assert danger.then.level == 4
    assert danger.then.route is None
    assert assess(real, {"immediate-danger": "yes"}).route == "child-protection"
    # ...which comes before a child in need ticked as well
    both = assess(real, {"immediate-danger": "yes", "dn-disability-assessment-l4": "yes"})
    assert both.route == "child-protection"


def test_danger_not_known_is_a_possible_danger_in_the_warnings_steps_and_gaps(pack: Pack) -> None:
    """The same words in the warning, the first step and the gap (the panel, CLI and PDF agree)."""
    answers = {"immediate-danger": "not-known", "pc-d-l3": "yes", "consent-refused": "yes"}
    result = assess(pack, answers)
    assert result.warnings == (DANGER_NOT_KNOWN_WARNING, "Consider a step-up.")
    assert result.next_steps[0] == DANGER_NOT_KNOWN_STEP
    assert [(g.id, g.next_step) for g in result.gaps] == [
        ("immediate-danger", DANGER_NOT_KNOWN_STEP)
    ]
    assert DANGER_NOT_KNOWN_WARNING.startswith("It is not known whether the child is in immediate")
    assert DANGER_NOT_KNOWN_STEP.startswith("Find out now whether the child is safe.")
    # Answered: no possible-danger warning; in an emergency the 999 step comes first instead.
    assert (
        DANGER_NOT_KNOWN_WARNING not in assess(pack, {**answers, "immediate-danger": "no"}).warnings
    )
    emergency = assess(pack, {**answers, "immediate-danger": "yes"})
    assert DANGER_NOT_KNOWN_WARNING not in emergency.warnings
    assert DANGER_NOT_KNOWN_STEP not in emergency.next_steps


def test_danger_not_known_is_said_in_its_own_field_for_the_screens(pack: Pack) -> None:
    """The panel and step 1 show a possible danger as prominently as an emergency."""
    answers = {"pc-d-l3": "yes"}
    assert assess(pack, {**answers, "immediate-danger": "not-known"}).danger_not_known
    for answer in ("yes", "no"):
        assert not assess(pack, {**answers, "immediate-danger": answer}).danger_not_known
    assert not assess(pack, answers).danger_not_known  # unanswered is still to answer


def test_a_level_4_concern_not_known_below_level_4_is_said_for_the_screens() -> None:
    real = _real_pack()
    fours = [i.id for i in real.indicators.values() if i.level == 4 and i.kind == "concern"]
    three = next(i.id for i in real.indicators.values() if i.level == 3 and i.kind == "concern")
    answers = {"immediate-danger": "no", three: "yes", fours[0]: "not-known"}
    assert assess(real, answers).statutory_not_known == (fours[0],)
    both = assess(real, {**answers, fours[1]: "not-known"}).statutory_not_known
    assert sorted(both) == sorted(fours[:2])
    # Already Level 4, or the concern answered: nothing to raise.
    assert assess(real, {**answers, fours[1]: "yes"}).statutory_not_known == ()
    assert assess(real, {**answers, fours[0]: "no"}).statutory_not_known == ()
    lower = next(i.id for i in real.indicators.values() if i.level == 2 and i.kind == "concern")
    assert assess(real, {**answers, lower: "not-known"}).statutory_not_known == (fours[0],)


def test_a_refusal_that_asks_for_a_step_up_decision_says_so_first(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "no", "pc-d-l3": "yes", "consent-refused": "yes"})
    assert result.next_steps == (
        "Consent was refused at Level 3: talk to your safeguarding lead today about stepping up "
        "to Level 4, and record the decision in the step-up review. Read the consent advice on "
        "what to do next.",
        "Do the Level 3 thing",
    )


def test_a_level_4_concern_not_known_says_how_to_find_out() -> None:
    real = _real_pack()
    own = next(i for i in real.indicators.values() if i.level == 4 and i.if_not_known)
    plain = next(
        i
        for i in real.indicators.values()
        if i.level == 4 and i.kind == "concern" and not i.if_not_known
    )
    answers = {"immediate-danger": "no", "pc-warmth-l3": "yes"}
    answers |= {own.id: "not-known", plain.id: "not-known", "pc-supervision-l3": "not-known"}
    result = assess(real, answers)
    assert result.indicated_level == 3
    steps = {g.id: g.next_step for g in result.gaps}
    assert steps[own.id] == own.if_not_known  # the indicator's own step
    assert steps[plain.id] == real.not_known_next_step  # the pack's step for any Level 4 concern
    assert steps["pc-supervision-l3"] == ""  # a Level 3 gap: no step of its own


def test_no_level_with_enough_answered_sends_the_practitioner_to_ask() -> None:
    no_baseline = make_pack([make_indicator("dn-a-l2", 2)], [make_rule("any-2", L2, level=2)])
    answers = {"immediate-danger": "no", "dn-a-l2": "no"}
    result = assess(no_baseline, answers, Context(now=MONDAY_NOON))
    assert (result.indicated_level, result.enough_answered) == (None, True)
    assert result.next_steps == (
        "The guidance cannot indicate a level from these answers: talk to your safeguarding "
        "lead, or ask the front door for advice.",
    )
    # Not urgent: the front door for advice, and its out-of-hours line only for protection.
    assert [(c.id, c.why, c.call_now) for c in result.contacts] == [
        ("mash", "Ask the front door for advice if unsure", True),
        (
            "edt",
            "Out of hours (evenings, weekends and bank holidays), instead of MASH; for urgent "
            "protection only",
            False,
        ),
    ]


def test_contacts_say_why_each_is_listed(pack: Pack) -> None:
    level_2 = assess(pack, {"immediate-danger": "no", "dn-a-l2": "yes"}, Context(now=MONDAY_NOON))
    for_later = "Out of hours (evenings, weekends and bank holidays), instead of MASH"
    assert [(c.id, c.why, c.call_now) for c in level_2.contacts] == [
        ("early-help", "Help at Level 2", True),  # the level's contact
        ("mash", "Early-Help-Topic", True),  # the pathway's contact, named by its title
        ("edt", f"{for_later}; for urgent protection only", False),  # not urgent at Level 2
    ]
    level_4 = assess(pack, {"immediate-danger": "no", "fe-f-l4": "yes"}, Context(now=MONDAY_NOON))
    assert [(c.id, c.why) for c in level_4.contacts][:1] == [
        ("mash", "Refer the child to the front door")
    ]


def test_an_answer_reference_carries_the_question_or_the_bare_id(pack: Pack) -> None:
    engine = engine_for(pack)
    question = pack.questions["immediate-danger"]
    assert engine.answer_ref("immediate-danger", {"immediate-danger": "yes"}) == AnswerRef(
        "immediate-danger", "yes", question.text, None, question.source
    )
    assert engine.answer_ref("dn-a-l2", {}) == AnswerRef(
        "dn-a-l2", None, "Text of dn-a-l2", 2, "src"
    )
    # An id the pack does not know (an old case file): its id as text, no level, no source.
    assert engine.answer_ref("gone-l2", {"gone-l2": "yes"}) == AnswerRef(
        "gone-l2", "yes", "gone-l2", None, ""
    )
    assert engine.answer_ref("gone-l2", {"gone-l2": "maybe"}).answer is None


def test_bad_answers_are_refused_by_name_in_one_sentence(pack: Pack) -> None:
    bad = {f"q{n:02}": "maybe" for n in range(12)}
    message = "These answers are not yes, no or not-known: " + ", ".join(
        f"q{n:02}" for n in range(10)
    )
    with pytest.raises(ValueError, match=f"^{message}[.]$"):
        assess(pack, {"immediate-danger": "no", **bad})


def test_a_policy_the_engine_does_not_know_is_refused(pack: Pack) -> None:
    with pytest.raises(
        PackRulesError, match=r"^rules\.yaml: policy 'lowest-level' is not supported$"
    ):
        engine_for(replace(pack, policy="lowest-level"))


def test_one_loss_ticked_twice_is_one_need_not_two_on_the_real_pack() -> None:
    """The pack's overlaps reach the engine: a bereavement is not two Level 2 needs (issue 12)."""
    real = _real_pack()
    assert {"dn-loss-and-change-l2", "fe-family-loss-l2"} <= set(
        next(g for g in real.overlaps if g.id == "overlap-bereavement-or-loss").indicators
    )
    school = {"immediate-danger": "no", "pc-school-support-l2": "yes"}
    loss_twice = {**school, "dn-loss-and-change-l2": "yes", "fe-family-loss-l2": "yes"}
    two_needs = {**school, "dn-loss-and-change-l2": "yes", "fe-parental-illness-l2": "yes"}
    assert assess(real, loss_twice).indicated_level == 2
    assert assess(real, two_needs).indicated_level == 3


def test_the_quick_level_check_takes_the_highest_level_whatever_the_rule_order() -> None:
    lowest_first = make_pack(
        [make_indicator("dn-a-l2", 2), make_indicator("fe-f-l4", 4, area="housing")],
        [make_rule("any-2", L2, level=2), make_rule("any-4", L4, level=4)],
    )
    answers = {"immediate-danger": "no", "dn-a-l2": "yes", "fe-f-l4": "yes"}
    assert engine_for(lowest_first).level_of(answers, None) == 4
    assert assess(lowest_first, answers).indicated_level == 4
    assert engine_for(lowest_first).level_of({"immediate-danger": "no"}, None) is None


def test_reasons_with_no_level_come_after_every_level_whatever_their_place() -> None:
    warn = make_rule("warn-first", {"answer": {"id": "consent-refused", "is": "yes"}}, warning="W")
    pack = make_pack(
        [make_indicator("dn-a-l2", 2)],
        [warn, make_rule("baseline", BASELINE, level=1), make_rule("any-2", L2, level=2)],
    )
    answers = {"immediate-danger": "no", "consent-refused": "yes"}
    assert assess(pack, answers).rules_fired == ("baseline", "warn-first")
    assert assess(pack, {**answers, "dn-a-l2": "yes"}).rules_fired == ("any-2", "warn-first")


def test_below_the_statutory_level_there_is_no_numbers_step(pack: Pack) -> None:
    level_3 = assess(pack, {"immediate-danger": "no", "fe-c-l3": "yes"}, Context(now=MONDAY_NOON))
    assert level_3.indicated_level == 3
    assert _numbers(level_3.next_steps) == []
    level_4 = assess(pack, {"immediate-danger": "no", "fe-f-l4": "yes"}, Context(now=MONDAY_NOON))
    mash = pack.contacts["mash"]
    assert _numbers(level_4.next_steps) == [f"Numbers to call now: {mash.name} {mash.phone}."]


def test_questions_any_level_rule_names_are_offered_as_what_would_raise_the_level() -> None:
    """Not only the questions the lowest rule names: every level rule's are candidates."""
    real = _real_pack()
    result = assess(real, {"immediate-danger": "no", "pc-warmth-l3": "yes"})
    raised_by_questions = [
        (c.id, c.new_level)
        for c in result.what_would_change
        if c.direction == "raise" and c.id in real.questions
    ]
    assert raised_by_questions == [
        ("early-help-not-improving", 4),
        ("repeat-contacts", 4),
        ("stepped-down-and-back", 4),
    ]


def test_a_question_not_known_is_a_gap_with_no_step_of_its_own(pack: Pack) -> None:
    result = assess(pack, {"immediate-danger": "no", "consent-sought": "not-known"})
    assert [(g.id, g.next_step) for g in result.gaps] == [("consent-sought", "")]


def test_a_rule_about_the_child_s_age_uses_the_age_band_given() -> None:
    baby_rule = {"all": [{"age_band": ["under-1"]}, {"count": {"at_least": 1, "where": {}}}]}
    pack = make_pack([make_indicator("dn-a-l2", 2)], [make_rule("baby", baby_rule, level=4)])
    answers = {"immediate-danger": "no", "dn-a-l2": "yes"}
    assert assess(pack, answers, Context(age_band="under-1")).indicated_level == 4
    assert assess(pack, answers, Context(age_band="5-10")).indicated_level is None
    assert assess(pack, answers).indicated_level is None  # age not known: the rule does not hold


def test_with_no_level_yet_a_level_1_concern_not_known_is_a_gap() -> None:
    real = _real_pack()
    assert real.indicators["fe-parental-conflict-l1"].kind == "concern"
    result = assess(real, {"fe-parental-conflict-l1": "not-known"})
    assert result.indicated_level is None
    assert [g.id for g in result.gaps] == ["fe-parental-conflict-l1"]


def test_steps_at_a_decided_level_keep_what_still_applies() -> None:
    """``steps_at`` (a decision above the guidance): the decided level's own steps, the consent
    step-up and the numbers to call at the statutory level, nothing of the guidance's level."""
    from thresholds_app.core.case.record import case_from_json
    from thresholds_app.paths import examples_dir

    real = _real_pack()
    case = case_from_json((examples_dir() / "level-3-consent-refused.json").read_bytes())
    engine = engine_for(real)
    assessment = engine.assess(case.answers, Context(now=datetime(2026, 1, 12, 11, 30)))
    assert assessment.indicated_level == 3
    assert assessment.consent.consider_step_up
    at_4 = engine.steps_at(4, assessment)
    assert at_4[0].startswith("Consent was refused at Level 3")
    assert all(step in at_4 for step in real.levels[4].next_steps)
    assert not any(step in at_4 for step in real.levels[3].next_steps)
    assert len(_numbers(at_4)) == 1
    assert "MASH" in _numbers(at_4)[0]
    at_2 = engine.steps_at(2, assessment)
    assert all(step in at_2 for step in real.levels[2].next_steps)
    assert _numbers(at_2) == []  # not urgent below the statutory level
    danger = engine.assess(
        {**case.answers, real.roles.immediate_danger: "not-known"}, Context(now=None)
    )
    steps = engine.steps_at(2, danger)
    assert any(step.startswith("Numbers to call now") for step in steps)  # danger not ruled out
    assert DANGER_NOT_KNOWN_STEP in steps


EMERGENCY_STEP = (
    "Call 999 now: the child may be in immediate danger. Then contact the MASH, or the "
    "Emergency Duty Team out of hours."
)


def test_steps_at_a_decided_level_in_full_for_each_kind_of_assessment() -> None:
    """``steps_at`` word for word: the numbers to call follow the decided level, the emergency
    and a danger not ruled out; 999, what to answer next and the guidance-not-in-force notice
    are kept; a notice that only says the guidance is due for review is not a step."""
    from thresholds_app.core.case.record import case_from_json
    from thresholds_app.paths import examples_dir

    real = _real_pack()
    engine = engine_for(real)
    answers = case_from_json((examples_dir() / "level-3-consent-refused.json").read_bytes()).answers
    contacts = real.contacts

    def numbers(*ids: str) -> str:
        return (
            "Numbers to call now: "
            + "; ".join(f"{contacts[i].name} {contacts[i].phone_text}" for i in ids)
            + "."
        )

    def assessed(now: datetime | None, **changed: str) -> Assessment:
        return engine.assess({**answers, **changed}, Context(now=now))

    monday = datetime(2026, 1, 12, 11, 30)
    base = assessed(monday)
    step_up = base.next_steps[0]
    assert step_up.startswith("Consent was refused at Level 3")
    topics = tuple(
        f"{real.topics[t].title}: {s}" for t in base.topics for s in real.topics[t].steps_now
    )
    assert topics  # the pathways' steps are kept at every level
    level_2, level_4 = real.levels[2].next_steps, real.levels[4].next_steps

    # Not urgent at Level 2; at Level 4 the front door, its out-of-hours line and Level 4's 101.
    assert engine.steps_at(2, base) == (step_up, *level_2, *topics)
    assert engine.steps_at(4, base) == (
        step_up,
        *level_4,
        numbers("mash", "edt", "police-101"),
        *topics,
    )
    # Due for review: the notice is a banner, not a step.
    review_due = assessed(datetime(2027, 6, 15, 11, 30))
    assert review_due.pack_notice
    assert not review_due.level_withheld
    assert engine.steps_at(2, review_due) == engine.steps_at(2, base)
    assert review_due.next_steps == base.next_steps  # the assessment's own steps too
    # Expired: the notice comes first in place of the consent step-up (no level, no step-up).
    expired = assessed(datetime(2028, 6, 15, 11, 30))
    assert expired.level_withheld
    assert engine.steps_at(2, expired) == (expired.pack_notice, *level_2, *topics)
    # An emergency: 999 first at any level, and 999 heads the numbers even below Level 4.
    emergency = assessed(monday, **{"immediate-danger": "yes"})
    assert engine.steps_at(2, emergency) == (
        EMERGENCY_STEP,
        *level_2,
        numbers("emergency-999", "mash", "edt"),
        *topics,
    )
    # Danger not known: find out now, then what to answer next; urgent numbers even at Level 2.
    unsure = assessed(None, **{"immediate-danger": "not-known"})
    next_question = f"Not enough answered yet to rely on a level. Next: {unsure.to_answer_next[0]}"
    assert engine.steps_at(2, unsure) == (
        DANGER_NOT_KNOWN_STEP,
        step_up,
        next_question,
        *level_2,
        numbers("mash", "edt", "early-help"),
        *topics,
    )


def test_the_quick_level_check_reads_the_child_s_age_band() -> None:
    """``level_of`` (what a trial change would show) applies an age rule as ``assess`` does."""
    baby_rule = {"all": [{"age_band": ["under-1"]}, {"count": {"at_least": 1, "where": {}}}]}
    pack = make_pack([make_indicator("dn-a-l2", 2)], [make_rule("baby", baby_rule, level=4)])
    answers = {"immediate-danger": "no", "dn-a-l2": "yes"}
    engine = engine_for(pack)
    assert engine.level_of(answers, "under-1") == 4
    assert engine.level_of(answers, "5-10") is None
    assert engine.level_and_enough(answers, "under-1")[0] == 4


def test_danger_not_known_with_no_level_refers_to_the_front_door_for_protection() -> None:
    """No level yet but a danger not ruled out: the front door to refer to, and its
    out-of-hours line without "for urgent protection only" (it is urgent), not the calm
    "ask the front door for advice"."""
    no_baseline = make_pack([make_indicator("dn-a-l2", 2)], [make_rule("any-2", L2, level=2)])
    answers = {"immediate-danger": "not-known", "dn-a-l2": "no"}
    result = assess(no_baseline, answers, Context(now=MONDAY_NOON))
    assert result.indicated_level is None
    assert [(c.id, c.why, c.call_now) for c in result.contacts] == [
        ("mash", "Refer the child to the front door", True),
        ("edt", "Out of hours (evenings, weekends and bank holidays), instead of MASH", False),
    ]


def test_a_trial_change_to_an_emergency_is_settled_at_once(tmp_path: Path) -> None:
    """``level_and_enough`` (what a change would show) settles an emergency as ``assess`` does:
    999 comes first, whatever else the pack asks to have answered."""
    from realpack import real_pack

    asks_more = real_pack(
        tmp_path,
        {
            "pack.yaml": lambda text: text.replace(
                "\n    questions: [immediate-danger]\n",
                "\n    questions: [immediate-danger, other-children-considered]\n",
            )
        },
    )
    assert asks_more.manifest.enough_answered.questions == (
        "immediate-danger",
        "other-children-considered",
    )
    assert asks_more.manifest.mandatory_questions == ("immediate-danger",)
    engine = engine_for(asks_more)
    danger = {"immediate-danger": "yes"}
    assert assess(asks_more, danger).enough_answered
    assert engine.level_and_enough(danger, None) == (4, True)
    calm = {"immediate-danger": "no", "pc-warmth-l3": "yes"}
    assert engine.level_and_enough(calm, None) == (3, False)  # the household question first
    assert not assess(asks_more, calm).enough_answered
    # Level 3 found: that concern supports it, so no domain needs more answers.
    household = {**calm, "other-children-considered": "yes"}
    assert engine.level_and_enough(household, None) == (3, True)
    assert assess(asks_more, household).enough_answered


def test_a_trial_change_reads_an_emergency_rule_about_the_child_s_age() -> None:
    """An emergency that holds only for a baby settles a baby's case at once, not an older
    child's (whose other domain is still to answer)."""
    baby = {"all": [{"age_band": ["under-1"]}, {"answer": {"id": "dn-a-l2", "is": "yes"}}]}
    pack = make_pack(
        [make_indicator("dn-a-l2", 2), make_indicator("pc-b-l2", 2, area="basic-care")],
        [make_rule("baby-danger", baby, emergency=True)],
    )
    answers = {"immediate-danger": "no", "dn-a-l2": "yes"}
    engine = engine_for(pack)
    assert engine.level_and_enough(answers, "under-1") == (None, True)
    assert engine.level_and_enough(answers, "5-10") == (None, False)
    assert assess(pack, answers, Context(age_band="under-1")).enough_answered
    assert not assess(pack, answers, Context(age_band="5-10")).enough_answered


def test_strengths_and_gaps_follow_the_pack_s_order_not_the_alphabet() -> None:
    """The panel, the command line and the rationale list answers as the guidance does."""
    real = _real_pack()
    strengths = [i.id for i in real.indicators.values() if i.kind == "strength"][:4]
    questions = [q for q in real.questions if q != real.roles.immediate_danger][:4]
    assert strengths != sorted(strengths)
    assert questions != sorted(questions)
    answers = {real.roles.immediate_danger: "no"}
    answers |= dict.fromkeys(reversed(strengths), "yes")
    answers |= dict.fromkeys(reversed(questions), "not-known")
    result = assess(real, answers)
    assert [s.id for s in result.strengths] == strengths
    assert [g.id for g in result.gaps] == questions


def test_guidance_not_in_force_asks_for_nothing_more_to_rely_on_a_level() -> None:
    """With the level withheld there is no level to rely on, so nothing is "still to answer":
    the notice is the step, not "Not enough answered yet"."""
    real = _real_pack()
    expired = assess(real, {"immediate-danger": "no"}, Context(now=datetime(2028, 6, 15, 12, 0)))
    assert expired.level_withheld
    assert (expired.to_answer_next, expired.enough_answered) == ((), True)
    assert expired.next_steps[0] == expired.pack_notice
    assert not any(s.startswith("Not enough answered yet") for s in expired.next_steps)
    in_force = assess(real, {"immediate-danger": "no"}, Context(now=MONDAY_NOON))
    assert in_force.to_answer_next  # the same answers while in force: more to answer


def test_a_reason_cites_the_answers_that_hold_for_this_child_s_age() -> None:
    """A part of a rule that holds only for a baby is cited for a baby, not for an older child."""
    young = {"all": [{"age_band": ["under-1"]}, L2]}
    either = {"any": [young, {"answer": {"id": "consent-sought", "is": "yes"}}]}
    pack = make_pack([make_indicator("dn-a-l2", 2)], [make_rule("either", either, level=3)])
    answers = {"immediate-danger": "no", "dn-a-l2": "yes", "consent-sought": "yes"}

    def cited(age: str) -> list[str]:
        (reason,) = assess(pack, answers, Context(age_band=age)).reasons
        return [a.id for a in reason.answers]

    assert cited("under-1") == ["dn-a-l2", "consent-sought"]
    assert cited("5-10") == ["consent-sought"]


def test_a_settled_level_1_gives_its_own_steps_contacts_and_reason() -> None:
    """Once enough is answered, "no concern found" is a finding: Level 1's steps and contacts,
    and the rule's own explanation as its reason (issue 11 withholds them only until then)."""
    real = _real_pack()
    one_per_domain: dict[str, str] = {}
    for indicator in real.indicators.values():
        if indicator.kind == "concern":
            one_per_domain.setdefault(indicator.domain, indicator.id)
    answers = {real.roles.immediate_danger: "no", **dict.fromkeys(one_per_domain.values(), "no")}
    result = assess(real, answers, Context(now=MONDAY_NOON))
    assert (result.indicated_level, result.enough_answered) == (1, True)
    assert result.next_steps == real.levels[1].next_steps
    assert [c.id for c in result.contacts] == list(real.levels[1].contacts)
    (reason,) = result.reasons
    rule = next(r for r in real.rules if r.id == reason.rule_id)
    assert (reason.label, reason.explanation, reason.source, reason.level) == (
        rule.label,
        rule.explanation,
        rule.source,
        1,
    )


def test_guidance_not_in_force_keeps_the_emergency_reason_without_its_level() -> None:
    """999 still comes first from superseded guidance, but no reason names a level (H03)."""
    real = _real_pack()
    answers = {real.roles.immediate_danger: "yes"}
    expired = assess(real, answers, Context(now=datetime(2028, 6, 15, 12, 0)))
    assert (expired.level_withheld, expired.emergency, expired.indicated_level) == (
        True,
        True,
        None,
    )
    assert expired.reasons
    assert [r.level for r in expired.reasons] == [None] * len(expired.reasons)
    in_force = assess(real, answers, Context(now=MONDAY_NOON))
    assert [r.rule_id for r in expired.reasons] == [
        r.rule_id for r in in_force.reasons if _emergency_or_no_level(real, r.rule_id)
    ]
    assert in_force.reasons[0].level == 4


def _emergency_or_no_level(pack: Pack, rule_id: str) -> bool:
    rule = next(r for r in pack.rules if r.id == rule_id)
    return rule.then.emergency or rule.then.level is None


def test_a_mandatory_question_answered_yes_or_no_is_not_missing(pack: Pack) -> None:
    for answer in ("yes", "no"):
        assert assess(pack, {"immediate-danger": answer}).missing == ()
    (missing,) = assess(pack, {"immediate-danger": "not-known"}).missing
    assert (missing.id, missing.answer) == ("immediate-danger", "not-known")


def test_danger_not_known_below_the_statutory_level_still_lists_the_numbers_to_call(
    pack: Pack,
) -> None:
    result = assess(
        pack, {"immediate-danger": "not-known", "dn-a-l2": "yes"}, Context(now=MONDAY_NOON)
    )
    assert result.indicated_level == 2
    mash, early_help = pack.contacts["mash"], pack.contacts["early-help"]
    assert _numbers(result.next_steps) == [
        f"Numbers to call now: {mash.name} {mash.phone}; {early_help.name} {early_help.phone}."
    ]  # the front door first (a danger not ruled out), then Level 2's own help
