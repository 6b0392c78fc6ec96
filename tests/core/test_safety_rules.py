"""Safety rules live in core, so the CLI, the PDF, review and training get them too (issues 10, 11).

Every pack here is the bundled Solihull pack copied and edited as YAML, through the real loader.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from realpack import real_pack, set_key

from thresholds_app import __version__
from thresholds_app.core.base.records import replace
from thresholds_app.core.case.readiness import find_blockers
from thresholds_app.core.case.record import HouseholdMember, load_case
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import ConsentLevel, Pack
from thresholds_app.core.report.export import prepare_export
from thresholds_app.core.report.rationale import build_rationale, rationale_to_text
from thresholds_app.core.rules.assessment import ConsentAdvice, Context
from thresholds_app.core.rules.consent import consent_advice
from thresholds_app.core.rules.engine import assess
from thresholds_app.paths import default_pack_dir, examples_dir

TUESDAY_10 = datetime(2026, 11, 24, 10, 0)
FRIDAY_16_45 = datetime(2026, 11, 27, 16, 45)
SATURDAY_12 = datetime(2026, 11, 28, 12, 0)
CHRISTMAS_11 = datetime(2026, 12, 25, 11, 0)


@pytest.fixture(scope="module")
def solihull() -> Pack:
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    return pack


def a_level_3_concern(pack: Pack) -> str:
    return next(i.id for i in pack.indicators.values() if i.kind == "concern" and i.level == 3)


def enough(pack: Pack) -> dict[str, str]:
    """Answers that settle a level: the declared questions, and one "no" in each domain."""
    answers = {"immediate-danger": "no"}
    for domain in pack.domains:
        first = next(i for i in pack.indicators.values() if i.domain == domain.id)
        answers[first.id] = "no"
    return answers


# -- pack dates -------------------------------------------------------------------------------


def test_an_expired_pack_withholds_the_level_in_the_assessment_and_the_rationale(
    tmp_path: Path,
) -> None:
    pack = real_pack(tmp_path, {"pack.yaml": set_key("expires", '"2020-06-01"')})
    answers = {**enough(pack), a_level_3_concern(pack): "yes"}
    result = assess(pack, answers, Context(age_band="5-10", now=TUESDAY_10))
    assert result.indicated_level is None
    assert result.level_withheld
    assert result.pack_state == "expired"
    assert "expired on 2020-06-01" in result.pack_notice
    assert all(r.level is None for r in result.reasons)
    assert result.what_would_change == ()
    assert result.consent.level is None
    case = load_case(examples_dir() / "level-3-consent-refused.json")
    text = rationale_to_text(prepare_export(pack, case, TUESDAY_10, __version__).rationale)
    assert "expired on 2020-06-01" in text
    guidance = next(line for line in text.splitlines() if line.startswith("The guidance indic"))
    assert "Level" not in guidance
    assert "Not shown" in guidance


def test_an_expired_pack_still_says_call_999(tmp_path: Path) -> None:
    pack = real_pack(tmp_path, {"pack.yaml": set_key("expires", '"2020-06-01"')})
    result = assess(pack, {"immediate-danger": "yes"}, Context(now=TUESDAY_10))
    assert result.emergency
    assert result.indicated_level is None
    assert result.contacts[0].phone == "999"
    assert result.next_steps[0].startswith("Call 999 now")
    assert result.route is None  # no level, so no statutory route either (H03)


def test_a_pack_due_for_review_gives_the_banner_and_keeps_the_level(tmp_path: Path) -> None:
    pack = real_pack(tmp_path, {"pack.yaml": set_key("review_by", '"2026-01-01"')})
    answers = {**enough(pack), a_level_3_concern(pack): "yes"}
    result = assess(pack, answers, Context(now=TUESDAY_10))
    assert result.pack_state == "review-due"
    assert "was due for review on 2026-01-01" in result.pack_notice
    assert result.indicated_level == 3
    assert not result.level_withheld
    case = load_case(examples_dir() / "level-3-consent-refused.json")
    rationale = prepare_export(pack, case, TUESDAY_10, __version__).rationale
    assert "was due for review" in rationale.pack_notice


def test_the_clock_is_passed_in_never_read(tmp_path: Path) -> None:
    pack = real_pack(tmp_path, {"pack.yaml": set_key("expires", '"2026-12-01"')})
    answers = {**enough(pack), a_level_3_concern(pack): "yes"}
    before = assess(pack, answers, Context(now=datetime(2026, 11, 30, 23, 59)))
    assert before.indicated_level == 3
    assert before.pack_state == "current"
    after = assess(pack, answers, Context(now=datetime(2026, 12, 1, 0, 0)))
    assert after.indicated_level is None
    assert after.pack_state == "expired"
    assert assess(pack, answers).pack_state == ""  # no clock given: nothing is assumed


# -- not enough answered ----------------------------------------------------------------------


def test_only_no_to_immediate_danger_is_not_level_1_with_no_gaps(solihull: Pack) -> None:
    result = assess(solihull, {"immediate-danger": "no"}, Context(now=TUESDAY_10))
    assert not result.enough_answered
    assert result.to_answer_next == tuple(
        f"{d.title}: answer at least one of its indicators." for d in solihull.domains
    )
    assert result.next_steps[0].startswith("Not enough answered yet")
    universal = solihull.levels[1].next_steps
    assert not set(universal) & set(result.next_steps)  # no Level 1 advice from one answer
    assert "family-hubs" not in [c.id for c in result.contacts]


def test_enough_answered_is_the_packs_own_declaration(solihull: Pack, tmp_path: Path) -> None:
    result = assess(solihull, enough(solihull), Context(now=TUESDAY_10))
    assert result.enough_answered
    assert result.to_answer_next == ()
    assert result.indicated_level == 1
    # Declare more: a pack that also wants the alcohol question asked before relying on a level.
    stricter = real_pack(
        tmp_path,
        {
            "pack.yaml": lambda t: t.replace(
                "questions: [immediate-danger]",
                "questions: [immediate-danger, parental-alcohol-asked]",
            )
        },
    )
    result = assess(stricter, enough(stricter), Context(now=TUESDAY_10))
    assert not result.enough_answered
    alcohol = stricter.questions["parental-alcohol-asked"].text
    assert result.to_answer_next == (alcohol,)


def test_the_rationale_says_not_enough_answered_instead_of_a_level(solihull: Pack) -> None:
    case = load_case(examples_dir() / "level-2-attendance.json")
    case.answers = {"immediate-danger": "no"}
    rationale = prepare_export(solihull, case, TUESDAY_10, __version__).rationale
    assert rationale.summary.guidance_level.startswith("Not enough answered yet")
    text = rationale_to_text(rationale)
    assert "The guidance indicates: Not enough answered yet" in text
    assert "Level 1: Universal" not in text
    assert "Not enough answered yet: still to answer" in text


# -- the unanswered emergency question -----------------------------------------------------------


def test_an_unanswered_danger_question_prints_not_answered_and_blocks_export(
    solihull: Pack,
) -> None:
    case = load_case(examples_dir() / "level-2-attendance.json")
    del case.answers["immediate-danger"]
    export = prepare_export(solihull, case, TUESDAY_10, __version__)
    text = rationale_to_text(export.rationale)
    assert "Emergency: No." not in text
    assert "Emergency: Not answered" in text
    (blocker,) = [b for b in export.blockers if b.kind == "unanswered-question"]
    assert (blocker.step, blocker.field) == ("safety", "answers.immediate-danger")
    assert not export.ready
    case.answers["immediate-danger"] = "no"
    assert "Emergency: No." in rationale_to_text(
        prepare_export(solihull, case, TUESDAY_10, __version__).rationale
    )


def test_a_danger_not_known_prints_as_a_possible_danger_and_blocks_export(solihull: Pack) -> None:
    case = load_case(examples_dir() / "level-2-attendance.json")
    case.answers["immediate-danger"] = "not-known"
    export = prepare_export(solihull, case, TUESDAY_10, __version__)
    text = rationale_to_text(export.rationale)
    assert "Emergency: Not known: treat it as a possible danger" in text
    assert "Not answered" not in text  # it was answered: "not known"
    assert export.rationale.summary.danger_not_known  # the PDF prints it as a warning
    assert not export.ready


# -- structured blockers ------------------------------------------------------------------------


def test_a_household_members_blocker_names_the_household_step_and_the_child(
    solihull: Pack,
) -> None:
    case = load_case(examples_dir() / "level-4-sibling-group.json")
    case.household.append(HouseholdMember(label="Consent Smith", relationship="Brother"))
    assessment = assess(solihull, case.answers, case.context(TUESDAY_10))
    (blocker,) = find_blockers(solihull, case, assessment)
    index = len(case.household) - 1
    assert (blocker.kind, blocker.step, blocker.household_index) == (
        "household-member",
        "child",
        index,
    )
    assert blocker.field == f"household[{index}].reason_not_assessed"


# -- one export path ------------------------------------------------------------------------------


def test_prepare_export_gives_uk_time_with_its_zone_and_the_same_blockers(solihull: Pack) -> None:
    from datetime import UTC

    case = load_case(examples_dir() / "level-2-attendance.json")
    summer = prepare_export(solihull, case, datetime(2026, 7, 6, 9, 30, tzinfo=UTC), __version__)
    assert summer.produced_at.utcoffset() is not None
    assert summer.rationale.produced_at == "2026-07-06 10:30 BST"
    naive = prepare_export(solihull, case, datetime(2026, 7, 6, 10, 30), __version__)
    assert naive.rationale.produced_at == "2026-07-06 10:30 BST"
    assert summer.blockers == naive.blockers == ()


# -- records.replace on an assessed pack -----------------------------------------------------------


def test_replace_works_on_a_pack_that_has_been_assessed(solihull: Pack) -> None:
    assess(solihull, {"immediate-danger": "yes"})  # compiles and memoises the engine on the pack
    other = replace(solihull, content_hash="0" * 64)
    assert other.content_hash == "0" * 64
    assert assess(other, {"immediate-danger": "yes"}).pack_hash == "0" * 64


# -- contacts by time ---------------------------------------------------------------------------


def contacts_at(pack: Pack, answers: dict[str, str], now: datetime) -> list[tuple[str, str]]:
    result = assess(pack, answers, Context(now=now))
    return [(c.id, c.why + " | " + c.time_rule) for c in result.contacts]


def level_4(pack: Pack) -> dict[str, str]:
    concern = next(i.id for i in pack.indicators.values() if i.kind == "concern" and i.level == 4)
    return {**enough(pack), concern: "yes"}


def test_christmas_day_at_11_the_mash_is_closed_and_the_duty_team_is_given(
    solihull: Pack,
) -> None:
    result = assess(solihull, level_4(solihull), Context(now=CHRISTMAS_11))
    ids = [c.id for c in result.contacts]
    assert "mash" not in ids
    edt = next(c for c in result.contacts if c.id == "edt")
    assert edt.time_rule.startswith("Christmas Day: the Solihull MASH")
    assert "closed on bank holidays" in edt.time_rule
    assert edt.call_now


def test_friday_at_16_45_the_mash_has_closed(solihull: Pack) -> None:
    result = assess(solihull, level_4(solihull), Context(now=FRIDAY_16_45))
    edt = next(c for c in result.contacts if c.id == "edt")
    assert edt.time_rule.endswith("closes at 16:30 on Fridays")
    assert "mash" not in [c.id for c in result.contacts]


def test_saturday_is_out_of_hours(solihull: Pack) -> None:
    result = assess(solihull, level_4(solihull), Context(now=SATURDAY_12))
    edt = next(c for c in result.contacts if c.id == "edt")
    assert "closed at weekends" in edt.time_rule


def test_a_normal_tuesday_gives_the_mash_and_still_lists_the_out_of_hours_line(
    solihull: Pack,
) -> None:
    result = assess(solihull, level_4(solihull), Context(now=TUESDAY_10))
    ids = [c.id for c in result.contacts]
    assert ids.index("mash") < ids.index("edt")
    mash = next(c for c in result.contacts if c.id == "mash")
    edt = next(c for c in result.contacts if c.id == "edt")
    assert mash.open_now
    assert mash.time_rule == "Open now"
    assert edt.why.startswith("Out of hours")
    assert mash.call_now
    assert not edt.call_now  # listed for later, never as the number to ring now


@pytest.mark.parametrize("when", [CHRISTMAS_11, FRIDAY_16_45, SATURDAY_12])
def test_early_help_out_of_hours_is_never_sent_to_the_duty_team(
    solihull: Pack, when: datetime
) -> None:
    answers = {**enough(solihull), a_level_3_concern(solihull): "yes"}
    result = assess(solihull, answers, Context(now=when))
    assert result.indicated_level == 3
    assert not result.emergency
    edt = [c for c in result.contacts if c.id == "edt"]
    assert edt, "the out-of-hours line is always shown"
    assert all(c.why.startswith("Only if the child needs protecting") for c in edt)
    assert not any(c.call_now for c in edt)
    assert not any("call this instead" in c.why for c in result.contacts)
    mash = next(c for c in result.contacts if c.id == "mash")
    assert mash.open_now is False
    assert "closed now" in mash.why
    assert mash.time_rule


# -- the pack contract -----------------------------------------------------------------------------


def test_code_reads_the_front_door_from_the_packs_roles(tmp_path: Path) -> None:
    import re

    def rename(text: str) -> str:  # the contact id "mash" becomes "front-door" everywhere
        text = re.sub(r"(?<=[\[ ,])mash(?=[,\]])", "front-door", text)
        return re.sub(
            r"^(\s*(- )?id:|\s*front_door:|hours_from:) mash$", r"\1 front-door", text, flags=re.M
        )

    files = ["pack.yaml", "contacts.yaml", "levels.yaml", "review.yaml", "tests/search.yaml"]
    files += [f"topics/{p.name}" for p in (default_pack_dir() / "topics").glob("*.yaml")]
    pack = real_pack(tmp_path, dict.fromkeys(files, rename))
    assert pack.roles.front_door == "front-door"
    assert "mash" not in pack.contacts
    result = assess(pack, level_4(pack), Context(now=TUESDAY_10))
    assert "front-door" in [c.id for c in result.contacts]
    result = assess(pack, level_4(pack), Context(now=CHRISTMAS_11))
    assert "closed on bank holidays" in next(c for c in result.contacts if c.id == "edt").time_rule


def test_consent_step_up_follows_the_packs_consent_data(tmp_path: Path) -> None:
    def level_2_asks_for_step_up(text: str) -> str:
        return text.replace("step_up_if_refused: false", "step_up_if_refused: true")

    pack = real_pack(tmp_path, {"consent.yaml": level_2_asks_for_step_up})
    level_2 = next(i.id for i in pack.indicators.values() if i.kind == "concern" and i.level == 2)
    answers = {**enough(pack), level_2: "yes", "consent-sought": "yes", "consent-refused": "yes"}
    advice = assess(pack, answers, Context(now=TUESDAY_10)).consent
    assert advice.level == 2
    assert advice.consider_step_up
    assert advice.step_up_to == 3
    # Level 4 asks for a step-up too now, but nothing is above it: no step-up, and no crash.
    top = max(pack.levels)
    refused = {"consent-sought": "yes", "consent-refused": "yes"}
    at_top = consent_advice(pack, top, refused)
    assert at_top.consent_refused
    assert (at_top.consider_step_up, at_top.step_up_to) == (False, None)


def test_the_do_not_tell_advice_has_one_wording(solihull: Pack) -> None:
    from thresholds_app.core.rules.consent import DO_NOT_TELL_PARENTS

    case = load_case(examples_dir() / "level-3-consent-refused.json")
    case.answers["informing-parents-increases-risk"] = "yes"
    assessment = assess(solihull, case.answers, case.context(TUESDAY_10))
    assert assessment.consent.tell_parents == DO_NOT_TELL_PARENTS
    text = rationale_to_text(build_rationale(solihull, case, assessment, "t", "v"))
    assert text.count(DO_NOT_TELL_PARENTS) == 1
    assert "Telling the parents may increase" not in text


# -- consent advice, field by field (found by mutation testing, docs/safety/mutation.md) --------


def _advice_from(guide: ConsentLevel, level: int | None) -> ConsentAdvice:
    """The advice a practitioner should see when nothing was refused or withheld."""
    return ConsentAdvice(
        level=level,
        consent_needed=guide.consent_needed,
        from_whom=guide.from_whom,
        if_refused=guide.if_refused,
        consent_refused=False,
        consider_step_up=False,
        tell_parents=guide.tell_parents,
        do_not_tell_parents=False,
        lawful_basis=guide.lawful_basis,
        record=guide.record,
        step_up_to=None,
    )


def test_consent_advice_at_each_level_is_that_levels_entry_in_full(solihull: Pack) -> None:
    asked = {"consent-sought": "yes", "consent-refused": "no"}
    for level, guide in solihull.consent.levels.items():
        assert consent_advice(solihull, level, asked) == _advice_from(guide, level)


@pytest.mark.parametrize("route", ["already-open", "child-protection", "child-in-need"])
def test_a_statutory_route_s_consent_entry_replaces_the_level_4_entry(
    solihull: Pack, route: str
) -> None:
    """A child in need referral is made with consent; a child protection one needs none."""
    guide = solihull.consent.routes[route]
    assert guide.consent_needed != solihull.consent.levels[4].consent_needed
    assert consent_advice(solihull, 4, {}, route) == _advice_from(guide, 4)


def test_a_route_without_its_own_consent_entry_keeps_the_level_s(solihull: Pack) -> None:
    assert consent_advice(solihull, 4, {}, "no-such-route") == _advice_from(
        solihull.consent.levels[4], 4
    )


def test_with_no_level_indicated_there_is_no_consent_advice_to_give(solihull: Pack) -> None:
    refused = {"consent-sought": "yes", "consent-refused": "yes"}
    assert consent_advice(solihull, None, refused) == ConsentAdvice(
        level=None,
        consent_needed="",
        from_whom="",
        if_refused="",
        consent_refused=True,
        consider_step_up=False,
        tell_parents="",
        do_not_tell_parents=False,
        lawful_basis=(),
        record=(),
        step_up_to=None,
    )


def test_an_expired_pack_keeps_every_reminder_that_does_not_depend_on_the_level(
    tmp_path: Path,
) -> None:
    """Superseded guidance suggests no level (H03), but its reminders and notice still show."""
    pack = real_pack(tmp_path, {"pack.yaml": set_key("expires", '"2020-06-01"')})
    answers = {**enough(pack), a_level_3_concern(pack): "yes"}
    current = assess(load_pack(default_pack_dir()).pack, answers, Context(now=TUESDAY_10))
    result = assess(pack, answers, Context(now=TUESDAY_10))
    reminders = [r.rule_id for r in current.reasons if r.level is None]
    assert reminders  # e.g. "other children in the household not considered"
    assert list(result.rules_fired) == reminders
    assert [r.label for r in result.reasons] == [
        r.label for r in current.reasons if r.level is None
    ]
    assert (result.enough_answered, result.to_answer_next) == (True, ())
    assert result.pack_notice in result.next_steps


def test_a_level_4_concern_not_known_is_printed_in_the_summary(solihull: Pack) -> None:
    case = load_case(examples_dir() / "level-2-attendance.json")
    four = next(i for i in solihull.indicators.values() if i.level == 4 and i.kind == "concern")
    case.answers[four.id] = "not-known"
    notices = prepare_export(solihull, case, TUESDAY_10, __version__).rationale.summary.notices
    assert any(n.startswith("A Level 4 concern is not known: if so") for n in notices)
    del case.answers[four.id]
    notices = prepare_export(solihull, case, TUESDAY_10, __version__).rationale.summary.notices
    assert not any("concern is not known" in n for n in notices)
