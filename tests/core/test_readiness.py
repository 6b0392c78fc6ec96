"""Export is blocked until the practitioner has recorded what the referral needs (H01, H09, H12)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from realpack import real_pack

from sample_packs import sample_case, sample_pack
from thresholds_app.core.case.readiness import (
    MIN_WORDS_BELOW_STATUTORY,
    find_blockers,
    step_up_asked,
)
from thresholds_app.core.case.record import CaseRecord, HouseholdMember, NextStep, case_from_json
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.core.rules.engine import DANGER_NOT_KNOWN_STEP, assess
from thresholds_app.paths import default_pack_dir, examples_dir

PACK = sample_pack()


def messages(case: CaseRecord, assessment: Assessment | None) -> list[str]:
    return [b.message for b in find_blockers(PACK, case, assessment)]


@pytest.fixture
def ready() -> tuple[CaseRecord, Assessment]:
    case = sample_case(PACK)
    return case, assess(PACK, case.answers, case.context())


def test_complete_case_is_ready(ready: tuple[CaseRecord, Assessment]) -> None:
    case, assessment = ready
    assert messages(case, assessment) == []


def test_missing_decision_blocks(ready: tuple[CaseRecord, Assessment]) -> None:
    case, assessment = ready
    case.decision.level = None
    case.decision.reasons = " "
    assert messages(case, assessment) == [
        "Record your own decision: the level of need you judge applies.",
        "Write the reasons for your decision.",
    ]


def test_decision_differing_from_guidance_needs_a_reason(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    case.decision.level = 2
    assert messages(case, assessment) == [
        "Your decision (Level 2) differs from what the guidance indicates (Level 3): explain why."
    ]
    case.decision.differs_reason = "Family already working well with the school."
    assert messages(case, assessment) == []


def test_household_child_neither_assessed_nor_explained_blocks(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    case.household.append(HouseholdMember(label="Baby C", relationship="Half-sister"))
    assert messages(case, assessment) == [
        "Say whether Baby C has been assessed, and if not, why not."
    ]
    case.household[-1].assessed = True
    assert messages(case, assessment) == ["Record the outcome of assessing Baby C."]


def test_three_children_one_assessed_blocks_until_resolved(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    case.household = [
        HouseholdMember("A", assessed=True, outcome="Level 3"),
        HouseholdMember("B"),
        HouseholdMember("C"),
    ]
    assert len(messages(case, assessment)) == 2
    for member in case.household[1:]:
        member.reason_not_assessed = "Lives with father; his social worker informed."
    assert messages(case, assessment) == []


def test_no_household_and_no_confirmation_blocks(ready: tuple[CaseRecord, Assessment]) -> None:
    case, assessment = ready
    case.household = []
    case.answers.pop("other-children-considered")
    assert messages(case, assessment) == [
        "List every other child in the household or in contact, or confirm there are none."
    ]


def test_child_voice_or_reason_required(ready: tuple[CaseRecord, Assessment]) -> None:
    case, assessment = ready
    case.free_text.child_voice = ""
    assert messages(case, assessment) == [
        "Record the child's voice in their own words, or say why it could not be obtained."
    ]
    case.free_text.child_voice_not_obtained_reason = "Pre-verbal baby."
    assert messages(case, assessment) == []


def test_consent_and_next_steps_must_be_recorded(ready: tuple[CaseRecord, Assessment]) -> None:
    case, assessment = ready
    case.consent.sought = False
    case.next_steps = [NextStep(action="Meet mum")]
    assert messages(case, assessment) == [
        "Say why consent was not sought.",
        "Next step 1 needs who will do it and by when.",
    ]


def test_insufficient_information_needs_an_explanation(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    assessment = replace(assessment, indicated_level=None)
    assert messages(case, assessment) == [
        "The guidance could not indicate a level (insufficient information): explain how you "
        "reached your decision."
    ]


def test_empty_case_lists_every_blocker() -> None:
    blockers = messages(CaseRecord(), None)
    assert "Say what you are worried about." in blockers
    assert "The case has not been assessed against the guidance yet." in blockers
    assert len(blockers) >= 9


def test_long_labels_are_shortened_in_messages(ready: tuple[CaseRecord, Assessment]) -> None:
    case, assessment = ready
    case.household.append(HouseholdMember(label="Baby\n" + "x" * 10_000))
    (message,) = messages(case, assessment)
    assert message == "Say whether Baby " + "x" * 54 + "… has been assessed, and if not, why not."


def test_each_blocker_says_where_to_fix_it() -> None:
    """Screens route "Go there" from step and field (found by mutation testing, mutation.md)."""
    from thresholds_app.core.case.record import new_case

    found = [
        (b.kind, b.step, b.field, b.household_index)
        for b in find_blockers(PACK, new_case(PACK), None)
    ]
    assert found == [
        ("unanswered-question", "safety", "answers.immediate-danger", None),
        ("reference", "child", "child.reference", None),
        ("household-list", "child", "answers.other-children-considered", None),
        ("not-assessed", "needs", "answers", None),
        ("consent", "consent", "consent.sought", None),
        ("decision", "decision", "decision.level", None),
        ("decision-reasons", "decision", "decision.reasons", None),
        ("worry", "decision", "free_text.worry", None),
        ("child-voice", "decision", "free_text.child_voice", None),
        ("family-views", "decision", "free_text.family_views", None),
        ("next-step", "decision", "next_steps", None),
        ("referrer", "decision", "referrer.name", None),
    ]


# -- On the real pack: a decision below a statutory level, and consent refused ---------------
# Found by mutation testing (docs/safety/mutation.md): these checks were only exercised by a
# test outside the mutation run, and no test pinned the word count, the level or the field.


@pytest.fixture(scope="module")
def solihull() -> Pack:
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    return pack


def _example(name: str) -> CaseRecord:
    return case_from_json((examples_dir() / f"{name}.json").read_bytes())


def _where_and_why(pack: Pack, case: CaseRecord) -> list[tuple[str, str, str, str]]:
    assessment = assess(pack, case.answers, case.context())
    return [(b.kind, b.step, b.field, b.message) for b in find_blockers(pack, case, assessment)]


def test_a_decision_below_level_4_needs_a_reason_of_fifteen_words(solihull: Pack) -> None:
    assert MIN_WORDS_BELOW_STATUTORY == 15
    case = _example("level-2-attendance")
    case.answers["dn-fgm-known-l4"] = "yes"  # the guidance indicates Level 4 (statutory)
    case.decision.level = 2
    fourteen = (
        "Discussed with our safeguarding lead today; the family cooperate and she is safe now."
    )
    assert len(fourteen.split()) == 14
    case.decision.differs_reason = fourteen
    assert _where_and_why(solihull, case) == [
        (
            "differs-reason",
            "decision",
            "decision.differs_reason",
            "Your decision (Level 2) is below Level 4, which the guidance indicates: explain in "
            "full (at least 15 words) what you checked, who you discussed it with (your "
            "safeguarding lead or the MASH) and why the child is not at risk of significant "
            "harm.",
        )
    ]
    case.decision.differs_reason = fourteen + " Agreed."
    assert _where_and_why(solihull, case) == []


def test_a_short_reason_is_enough_below_a_level_that_is_not_statutory(solihull: Pack) -> None:
    case = _example("level-2-attendance")
    case.answers["pc-basic-care-l3"] = "yes"  # the guidance indicates Level 3
    assert assess(solihull, case.answers, case.context()).indicated_level == 3
    case.decision.level = 2
    case.decision.differs_reason = "Family cooperating."
    assert _where_and_why(solihull, case) == []


def test_the_pack_asks_for_a_step_up_decision_only_where_it_says_so(solihull: Pack) -> None:
    asked = {n: step_up_asked(solihull, n) for n in (1, 2, 3, 4, 5)}
    assert asked == {1: False, 2: False, 3: True, 4: False, 5: False}  # no Level 5: not asked


def _refused(case: CaseRecord) -> CaseRecord:
    case.answers.update({"consent-sought": "yes", "consent-refused": "yes"})
    case.consent.outcome = "refused"
    return case


def test_consent_refused_at_level_3_needs_the_step_up_decision(solihull: Pack) -> None:
    case = _refused(_example("level-2-attendance"))
    case.answers["pc-basic-care-l3"] = "yes"
    case.decision.level = 3
    case.decision.differs_reason = ""
    assert _where_and_why(solihull, case) == [
        (
            "step-up-decision",
            "decision",
            "stepping",
            "Consent was refused at Level 3: open the step-up review (Consider a step up) and "
            "record the decision about stepping up to Level 4, or record Level 4 as your "
            "decision.",
        )
    ]


def test_consent_refused_at_level_2_asks_for_no_step_up(solihull: Pack) -> None:
    case = _refused(_example("level-2-attendance"))
    assert assess(solihull, case.answers, case.context()).settled_level == 2
    assert case.decision.level == 2
    assert _where_and_why(solihull, case) == []


def test_every_blocker_of_an_empty_case_in_full() -> None:
    """Kind, step, field and words of each blocker (found by mutation testing, mutation.md)."""
    from thresholds_app.core.case.record import new_case

    case = new_case(PACK)
    case.referrer.name = "A. Teacher"  # only the agency is missing
    found = [(b.kind, b.field, b.message) for b in find_blockers(PACK, case, None)]
    assert found == [
        (
            "unanswered-question",
            "answers.immediate-danger",
            "Answer yes or no: Is the child in immediate danger?",
        ),
        (
            "reference",
            "child.reference",
            "Give the child a case reference: it is printed on every page instead of a name.",
        ),
        (
            "household-list",
            "answers.other-children-considered",
            "List every other child in the household or in contact, or confirm there are none.",
        ),
        (
            "not-assessed",
            "answers",
            "The case has not been assessed against the guidance yet.",
        ),
        (
            "consent",
            "consent.sought",
            "Say whether consent was sought from the family (or the young person).",
        ),
        (
            "decision",
            "decision.level",
            "Record your own decision: the level of need you judge applies.",
        ),
        ("decision-reasons", "decision.reasons", "Write the reasons for your decision."),
        ("worry", "free_text.worry", "Say what you are worried about."),
        (
            "child-voice",
            "free_text.child_voice",
            "Record the child's voice in their own words, or say why it could not be obtained.",
        ),
        (
            "family-views",
            "free_text.family_views",
            "Record the family's views, or say why they are not known.",
        ),
        (
            "next-step",
            "next_steps",
            "Add at least one next step: what will happen, who will do it and by when.",
        ),
        ("referrer", "referrer.agency", "Add your name and agency as the referrer."),
    ]
    case.referrer = replace(case.referrer, name="", agency="Oak Lane Primary")
    assert find_blockers(PACK, case, None)[-1].field == "referrer.name"


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_a_danger_question_answered_yes_or_no_needs_nothing_more(
    ready: tuple[CaseRecord, Assessment], answer: str
) -> None:
    case, _ = ready
    case.answers["immediate-danger"] = answer
    assessment = assess(PACK, case.answers, case.context())
    assert not [b for b in find_blockers(PACK, case, assessment) if b.kind == "unanswered-question"]


def test_danger_not_known_says_what_to_do_now(ready: tuple[CaseRecord, Assessment]) -> None:
    case, _ = ready
    case.answers["immediate-danger"] = "not-known"
    blocker = find_blockers(PACK, case, None)[0]
    assert (blocker.kind, blocker.step, blocker.field) == (
        "unanswered-question",
        "safety",
        "answers.immediate-danger",
    )
    assert blocker.message == (
        "Answer yes or no: Is the child in immediate danger? (answered not known). "
        + DANGER_NOT_KNOWN_STEP
    )
    case.answers["immediate-danger"] = "no"
    case.answers["consent-sought"] = "not-known"  # not the danger question: no danger step
    assert "answered not known" not in find_blockers(PACK, case, None)[0].message


LONG_QUESTION = (
    "Have you asked the parents (or a young person who can decide for themselves) for consent, "
    "and recorded what they said?"
)


@pytest.fixture(scope="module")
def two_mandatory(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    """The real pack with consent-sought mandatory too, and its question made long."""
    return real_pack(
        tmp_path_factory.mktemp("pack"),
        {
            "pack.yaml": lambda text: text.replace(
                "mandatory_questions: [immediate-danger]",
                "mandatory_questions: [immediate-danger, consent-sought]",
            ),
            "questions.yaml": lambda text: text.replace(
                "    text: Have you asked the parents (or a young person who can decide for "
                "themselves) for consent?",
                f"    text: {LONG_QUESTION}",
            ),
        },
    )


def test_each_mandatory_question_is_asked_for_in_the_needs_step(two_mandatory: Pack) -> None:
    assert two_mandatory.manifest.mandatory_questions == ("immediate-danger", "consent-sought")
    assert two_mandatory.questions["consent-sought"].text == LONG_QUESTION
    case = _example("level-2-attendance")
    case.answers["immediate-danger"] = "no"
    case.answers.pop("consent-sought", None)
    blockers = [
        b for b in find_blockers(two_mandatory, case, None) if b.field.startswith("answers.")
    ]
    assert [(b.kind, b.step, b.field, b.message) for b in blockers] == [
        (
            "unanswered-question",
            "needs",
            "answers.consent-sought",
            f"Answer yes or no: {LONG_QUESTION[:89]}…",
        )
    ]


def test_short_labels_are_kept_whole_up_to_the_limit() -> None:
    from thresholds_app.core.case.readiness import _short

    assert _short("x" * 60) == "x" * 60
    assert _short("x" * 61) == "x" * 59 + "…"
    assert _short(" a \n b ") == "a b"


def test_consent_refused_at_the_guidances_level_3_asks_for_the_step_up_below_it(
    solihull: Pack,
) -> None:
    """The decision (Level 2) asks nothing; the guidance's Level 3 still does."""
    case = _refused(_example("level-2-attendance"))
    case.answers["pc-basic-care-l3"] = "yes"
    case.decision.level = 2
    case.decision.differs_reason = "Early help is already in place through the school nurse."
    assert [k for k, _s, _f, _m in _where_and_why(solihull, case)] == ["step-up-decision"]


def _blockers(case: CaseRecord, assessment: Assessment | None) -> list[tuple[object, ...]]:
    return [
        (b.kind, b.step, b.field, b.message, b.household_index)
        for b in find_blockers(PACK, case, assessment)
    ]


def test_each_step_of_recording_consent_is_asked_for_in_turn(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    steps = []
    case.consent.sought = None
    steps.append(_blockers(case, assessment))
    case.consent.sought, case.consent.not_sought_reason = False, ""
    steps.append(_blockers(case, assessment))
    case.consent.sought, case.consent.outcome = True, ""
    steps.append(_blockers(case, assessment))
    case.consent.outcome, case.consent.by_whom = "given", " "
    steps.append(_blockers(case, assessment))
    assert steps == [
        [
            (
                "consent",
                "consent",
                f"consent.{field}",
                message,
                None,
            )
        ]
        for field, message in (
            ("sought", "Say whether consent was sought from the family (or the young person)."),
            ("not_sought_reason", "Say why consent was not sought."),
            ("outcome", "Record whether consent was given or refused, and by whom."),
            ("by_whom", "Record who gave or refused consent."),
        )
    ]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (
            {"level_withheld": True, "indicated_level": None},
            "The guidance's level is not shown (the guidance is not in force)",
        ),
        (
            {"enough_answered": False},
            "The guidance indicates at least Level 3, but not enough is answered yet to rely on it",
        ),
        (
            {"enough_answered": False, "indicated_level": None},
            "Not enough is answered for the guidance to indicate a level",
        ),
    ],
)
def test_a_decision_without_a_settled_level_needs_to_say_how_it_was_reached(
    ready: tuple[CaseRecord, Assessment], change: dict[str, object], why: str
) -> None:
    case, assessment = ready
    assessment = replace(assessment, **change)
    assert _blockers(case, assessment) == [
        (
            "differs-reason",
            "decision",
            "decision.differs_reason",
            why + ": explain how you reached your decision.",
            None,
        )
    ]


def test_a_decision_that_differs_is_routed_to_the_reason(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    case.decision.level = 2
    assert _blockers(case, assessment) == [
        (
            "differs-reason",
            "decision",
            "decision.differs_reason",
            "Your decision (Level 2) differs from what the guidance indicates (Level 3): "
            "explain why.",
            None,
        )
    ]


def test_an_unnamed_child_in_the_household_is_counted_from_one(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    case.household = [
        HouseholdMember("Sibling A", assessed=True, outcome="Level 3"),
        HouseholdMember(""),
    ]
    assert _blockers(case, assessment) == [
        (
            "household-member",
            "child",
            "household[1].reason_not_assessed",
            "Say whether Child 2 in the household has been assessed, and if not, why not.",
            1,
        )
    ]
    case.household = []
    case.answers["other-children-considered"] = "yes"  # confirmed: no other children
    assert _blockers(case, assessment) == []


def test_each_next_step_is_named_by_its_number_and_first_missing_part(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    case.next_steps = [
        NextStep(action="Meet mum", who="Class teacher", by_when="Friday"),
        NextStep(action="Call the school nurse", by_when="Monday"),
    ]
    assert _blockers(case, assessment) == [
        ("next-step", "decision", "next_steps[1].who", "Next step 2 needs who will do it.", None)
    ]
    case.next_steps = []
    assert _blockers(case, assessment) == [
        (
            "next-step",
            "decision",
            "next_steps",
            "Add at least one next step: what will happen, who will do it and by when.",
            None,
        )
    ]


def test_a_step_up_review_or_a_decision_at_the_higher_level_settles_a_refusal(
    solihull: Pack,
) -> None:
    from thresholds_app.core.case.record import SteppingRecord

    case = _refused(_example("level-2-attendance"))
    case.answers["pc-basic-care-l3"] = "yes"
    case.decision.level = 3
    case.stepping = SteppingRecord("down", [], "")  # a step down is not the step-up review
    assert [k for k, _s, _f, _m in _where_and_why(solihull, case)] == ["step-up-decision"]
    case.stepping = SteppingRecord("up", ["step-up-consent-withheld"], "")
    assert _where_and_why(solihull, case) == []
    case.stepping = None
    case.decision.level = 4
    case.decision.differs_reason = "Consent refused and the needs are not met: stepped up."
    assert _where_and_why(solihull, case) == []


def test_times_are_written_in_utc_to_the_second() -> None:
    import re

    from thresholds_app.core.case.record import utc_now_iso

    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", utc_now_iso())


def test_before_assessing_a_refusal_at_the_decided_level_asks_for_the_step_up(
    solihull: Pack,
) -> None:
    case = _refused(_example("level-2-attendance"))
    case.decision.level = 3
    blockers = [b for b in find_blockers(solihull, case, None) if b.kind == "step-up-decision"]
    assert [b.message.split(":")[0] for b in blockers] == ["Consent was refused at Level 3"]


def test_an_assessed_child_without_an_outcome_is_routed_to_that_child_s_outcome(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    """Screens go there by kind, step, field and which child, never by the words."""
    case, assessment = ready
    case.household = [
        HouseholdMember("Sibling A", assessed=True, outcome="Level 3"),
        HouseholdMember("Sibling B", assessed=True, outcome=" "),
    ]
    assert _blockers(case, assessment) == [
        (
            "household-member",
            "child",
            "household[1].outcome",
            "Record the outcome of assessing Sibling B.",
            1,
        )
    ]


def test_a_next_step_missing_every_part_names_them_all_and_goes_to_the_first(
    ready: tuple[CaseRecord, Assessment],
) -> None:
    case, assessment = ready
    case.next_steps = [
        NextStep(action=" ", who="", by_when="\n"),
        NextStep(action="Meet mum", who="Class teacher", by_when=""),
    ]
    assert _blockers(case, assessment) == [
        (
            "next-step",
            "decision",
            "next_steps[0].action",
            "Next step 1 needs what will happen and who will do it and by when.",
            None,
        ),
        ("next-step", "decision", "next_steps[1].by_when", "Next step 2 needs by when.", None),
    ]
