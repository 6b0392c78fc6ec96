"""Safety of the rationale when the decision, consent or danger answers cut against the guidance.

All on the real Solihull pack and its example cases, through the one export path
(:func:`prepare_export`), so the blockers, the summary and the text export are what a
practitioner would get.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from thresholds_app.core.case.readiness import MIN_WORDS_BELOW_STATUTORY, find_blockers
from thresholds_app.core.case.record import CaseRecord, SteppingRecord, case_from_json
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.blocks import Field, Items, Note
from thresholds_app.core.report.export import Export, prepare_export
from thresholds_app.core.report.rationale import rationale_to_text
from thresholds_app.core.rules.engine import DANGER_NOT_KNOWN_STEP, assess
from thresholds_app.paths import default_pack_dir, examples_dir

NOW = datetime(2026, 1, 12, 11, 30)  # a Monday in office hours
FULL_REASON = (
    "The family is cooperating fully; I discussed this with our safeguarding lead and the MASH "
    "consultation line this morning and we agreed early help first."
)


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(default_pack_dir())
    assert result.pack is not None
    return result.pack


def example(name: str) -> CaseRecord:
    return case_from_json((examples_dir() / f"{name}.json").read_bytes())


def fgm_decided_level_2(reason: str = "Family is cooperating.") -> CaseRecord:
    """QA's case c26: FGM known (the guidance indicates Level 4), decision Level 2."""
    case = example("level-2-attendance")
    case.answers["dn-fgm-known-l4"] = "yes"
    case.decision.level = 2
    case.decision.differs_reason = reason
    return case


def kinds(pack: Pack, case: CaseRecord) -> list[str]:
    return [b.kind for b in prepare_export(pack, case, NOW, "test").blockers]


# -- 1. a decision below a Level 4 indication ------------------------------------------------


def test_a_one_line_reason_cannot_set_aside_level_4(pack: Pack) -> None:
    export = prepare_export(pack, fgm_decided_level_2(), NOW, "test")
    below = [b for b in export.blockers if b.field == "decision.differs_reason"]
    assert below, "a decision below Level 4 with a one-line reason must not export"
    assert f"at least {MIN_WORDS_BELOW_STATUTORY} words" in below[0].message
    assert "below Level 4" in below[0].message


def test_a_full_reason_exports_with_the_guidance_route_and_consent_kept(pack: Pack) -> None:
    export = prepare_export(pack, fgm_decided_level_2(FULL_REASON), NOW, "test")
    assert export.ready, [b.message for b in export.blockers]
    summary = export.rationale.summary
    assert summary.notices[0].startswith("Below what the guidance indicates")
    assert "report it yourself to the police on 101" in summary.notices[0]
    assert "MASH" in summary.route
    assert "early help" not in summary.route.lower()
    assert summary.contacts[0].phone == "0121 788 4300"
    assert summary.contacts[0].name.startswith("Solihull MASH")
    # The Level 2 wording ("the family must agree") must never replace "not needed".
    assert summary.consent.startswith("Not needed")
    assert "must agree" not in summary.consent
    text = rationale_to_text(export.rationale)
    assert "NOTICE: Below what the guidance indicates" in text


def test_a_decision_at_or_above_the_guidance_has_no_below_notice(pack: Pack) -> None:
    case = fgm_decided_level_2(FULL_REASON)
    case.decision.level = 4
    case.decision.differs_reason = ""
    summary = prepare_export(pack, case, NOW, "test").rationale.summary
    assert not any(n.startswith("Below what") for n in summary.notices)


# -- 2. the guidance's steps follow the same level as the route (QA #4) ----------------------


def guidance_steps(export: Export) -> tuple[Items, list[str]]:
    """The "What the guidance suggests at ..." list of the Next steps section, and its notes."""
    blocks = export.rationale.section("Next steps").blocks
    items = [b for b in blocks if isinstance(b, Items)]
    assert len(items) == 1
    return items[0], [b.text for b in blocks if isinstance(b, Note)]


def test_a_decision_above_the_guidance_lists_the_decided_levels_steps(pack: Pack) -> None:
    # The example: Level 3 needs, consent refused, the practitioner steps up to Level 4 and
    # the route is the MASH; the steps once said "seek consent, an Early Help Assessment".
    export = prepare_export(pack, example("level-3-consent-refused"), NOW, "test")
    assert export.assessment.indicated_level == 3
    assert "follows the practitioner's decision (Level 4)" in export.rationale.summary.route
    items, notes = guidance_steps(export)
    assert items.label == "What the guidance suggests at Level 4 (the decided level)"
    assert all(step in items.items for step in pack.levels[4].next_steps)
    assert not any(step in items.items for step in pack.levels[3].next_steps)
    assert "above the Level 3 the guidance indicates" in notes[-1]
    assert items.items[0].startswith("Consent was refused at Level 3")  # kept, as are numbers
    assert any(s.startswith("Numbers to call now: Solihull MASH") for s in items.items)
    text = rationale_to_text(export.rationale)
    assert "What the guidance suggests at Level 4 (the decided level):" in text
    assert "Early Help Assessment" not in text.split("NEXT STEPS")[1].split("\n\n")[0]


def consent_fields(export: Export) -> dict[str, str]:
    blocks = export.rationale.section("Consent and information sharing").blocks
    return {b.label: b.text for b in blocks if isinstance(b, Field)}


def test_a_decision_above_the_guidance_gives_the_decided_levels_consent_advice(
    pack: Pack,
) -> None:
    # The summary, route and steps follow the Level 4 decision: the consent field did not
    # (it gave Level 3's early-help consent advice under a MASH referral).
    export = prepare_export(pack, example("level-3-consent-refused"), NOW, "test")
    fields = consent_fields(export)
    label = "What the guidance says about consent at Level 4 (the decided level)"
    assert fields[label] == pack.consent.levels[4].consent_needed
    assert pack.consent.levels[3].consent_needed not in fields.values()


def test_the_consent_advice_names_its_level(pack: Pack) -> None:
    export = prepare_export(pack, fgm_decided_level_2(FULL_REASON), NOW, "test")
    fields = consent_fields(export)
    assert "What the guidance says about consent at Level 4" in fields  # the guidance's


def test_a_decision_below_level_4_keeps_the_guidance_steps_and_says_so(pack: Pack) -> None:
    export = prepare_export(pack, fgm_decided_level_2(FULL_REASON), NOW, "test")
    assert export.assessment.indicated_level == 4
    items, notes = guidance_steps(export)
    assert items.label == "What the guidance suggests at Level 4 (what the guidance indicates)"
    assert items.items == export.assessment.next_steps
    assert "decision (Level 2) is below what the guidance indicates" in notes[-1]
    assert export.rationale.summary.notices[0].startswith("Below what the guidance indicates")


def test_a_decision_that_agrees_names_the_guidance_level(pack: Pack) -> None:
    export = prepare_export(pack, level_3_by_accumulation(), NOW, "test")
    items, notes = guidance_steps(export)
    assert items.label == "What the guidance suggests at Level 3"
    assert items.items == export.assessment.next_steps
    assert notes == ["No next steps recorded."] or notes == []


# -- 3. consent refused at Level 3 reached by adding up Level 2 needs -----------------------


def level_3_by_accumulation() -> CaseRecord:
    """QA's case c27: three Level 2 needs across domains (Level 3), consent refused."""
    case = example("level-2-attendance")
    case.answers.update(
        {
            "pc-basic-care-l2": "yes",
            "fe-food-insecurity-l2": "yes",
            "dn-hygiene-l2": "yes",
            "consent-sought": "yes",
            "consent-refused": "yes",
            "informing-parents-increases-risk": "no",
        }
    )
    case.consent.outcome = "refused"
    case.decision.level = 3
    case.decision.differs_reason = ""
    return case


def test_consent_refused_at_accumulated_level_3_warns_and_steps_up(pack: Pack) -> None:
    case = level_3_by_accumulation()
    assessment = assess(pack, case.answers, case.context())
    assert assessment.indicated_level == 3
    assert "consent-refused-at-level-3" in assessment.rules_fired
    assert assessment.next_steps[0].startswith("Consent was refused at Level 3")
    assert "step-up review" in assessment.next_steps[0]


def test_consent_refused_at_level_3_needs_a_step_up_decision_before_export(pack: Pack) -> None:
    case = level_3_by_accumulation()
    assert "step-up-decision" in kinds(pack, case)
    blocker = next(b for b in find_blockers(pack, case, None) if b.kind == "step-up-decision")
    assert blocker.field == "stepping"
    case.stepping = SteppingRecord(direction="up", criteria=["step-up-consent-withheld"])
    assert "step-up-decision" not in kinds(pack, case)


def test_a_level_4_decision_settles_the_step_up(pack: Pack) -> None:
    case = level_3_by_accumulation()
    case.decision.level = 4
    case.decision.differs_reason = "Consent refused and needs unmet: stepped up."
    assert "step-up-decision" not in kinds(pack, case)


def test_consent_given_at_level_3_needs_no_step_up(pack: Pack) -> None:
    case = level_3_by_accumulation()
    case.answers["consent-refused"] = "no"
    case.consent.outcome = "given"
    assert "step-up-decision" not in kinds(pack, case)


# -- 4. the child's voice written but the optional question unanswered ----------------------


def test_written_child_voice_is_not_reported_missing(pack: Pack) -> None:
    case = level_3_by_accumulation()
    case.answers.pop("child-voice-recorded", None)
    assert case.free_text.child_voice.strip()
    export = prepare_export(pack, case, NOW, "test")
    assert "child-voice-not-recorded" not in export.assessment.rules_fired
    assert "The child's voice is not yet recorded" not in rationale_to_text(export.rationale)


def test_a_no_to_the_voice_question_still_warns(pack: Pack) -> None:
    case = level_3_by_accumulation()
    case.answers["child-voice-recorded"] = "no"
    assessment = assess(pack, case.answers, case.context())
    assert "child-voice-not-recorded" in assessment.rules_fired


# -- 5. immediate danger not known ----------------------------------------------------------


def danger_not_known() -> CaseRecord:
    """QA's case d1: Level 4 concerns with the immediate-danger question answered not known."""
    case = example("level-4-sibling-group")
    case.answers["immediate-danger"] = "not-known"
    return case


def test_danger_not_known_is_a_possible_danger_with_a_next_step(pack: Pack) -> None:
    case = danger_not_known()
    assessment = assess(pack, case.answers, case.context(NOW))
    assert assessment.next_steps[0] == DANGER_NOT_KNOWN_STEP
    assert "call 999" in DANGER_NOT_KNOWN_STEP
    gap = next(g for g in assessment.gaps if g.id == "immediate-danger")
    assert gap.next_step == DANGER_NOT_KNOWN_STEP
    assert any(
        "not known whether the child is in immediate danger" in w for w in assessment.warnings
    )
    assert any(c.id == "mash" for c in assessment.contacts)


def test_render_and_assess_agree_on_at_least_level_4(pack: Pack) -> None:
    case = danger_not_known()
    case.decision.differs_reason = ""
    messages = [b.message for b in prepare_export(pack, case, NOW, "test").blockers]
    assert any("at least Level 4" in m for m in messages), messages
    assert not any(
        "Not enough is answered for the guidance to indicate a level" in m for m in messages
    )
    danger = next(m for m in messages if m.startswith("Answer yes or no: Is the child"))
    assert DANGER_NOT_KNOWN_STEP in danger
