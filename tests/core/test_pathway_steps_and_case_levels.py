"""A special pathway's must-do steps reach every output; carried consent refusals tick the
step-up criterion; a case file's levels are whole numbers. All on the real pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from realpack import copy_pack

from thresholds_app.core.case.assemble import stepping_record
from thresholds_app.core.case.reading import CaseFileError, check_case_text
from thresholds_app.core.case.record import case_from_json
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.blocks import Items
from thresholds_app.core.report.sections import build_sections
from thresholds_app.core.rules.engine import assess
from thresholds_app.core.rules.stepping import SteppingChanges, review_stepping
from thresholds_app.paths import default_pack_dir, examples_dir

CONSENT_WITHHELD = "step-up-consent-withheld"


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(default_pack_dir())
    assert result.pack is not None
    return result.pack


# -- 2. every must-do step of a pathway ------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "age", "topic", "must_contain"),
    [
        ({"dn-fgm-known-l4": "yes"}, "5-10", "fgm", "report it yourself to the police on 101"),
        (
            {"dn-bruise-explained-l1": "yes"},
            "under-1",
            "non-mobile-bruising",
            "same-day assessment by a paediatrician",
        ),
    ],
)
def test_must_do_steps_reach_assess_and_the_rationale(
    pack: Pack, answers: dict[str, str], age: str, topic: str, must_contain: str
) -> None:
    from thresholds_app.core.rules.assessment import Context

    assessment = assess(pack, {"immediate-danger": "no", **answers}, Context(age_band=age))
    pathway = pack.topics[topic]
    assert topic in assessment.topics
    assert pathway.must_do, "the pathway declares its must-do steps"
    for step in pathway.must_do:
        assert f"{pathway.title}: {step}" in assessment.next_steps
    assert any(must_contain in s for s in assessment.next_steps)
    # The rationale's pathway section prints the same steps from the same definition.
    case = case_from_json((examples_dir() / "level-2-attendance.json").read_bytes())
    section = next(
        s
        for s in build_sections(pack, case, assessment)
        if s.title == "Special pathways that apply"
    )
    printed = next(b for b in section.blocks if isinstance(b, Items) and b.label == pathway.title)
    assert set(pathway.must_do) <= set(printed.items)
    assert printed.items == pathway.what_to_do


def test_a_pathway_without_must_do_still_gives_its_first_step(pack: Pack) -> None:
    plain = next(t for t in pack.topics.values() if not t.must_do)
    assert plain.steps_now == plain.what_to_do[:1]


def test_ticked_by_must_name_a_question(tmp_path: Path) -> None:
    folder = copy_pack(
        tmp_path,
        {
            "stepping.yaml": lambda text: text.replace(
                "ticked_by: consent-refused", "ticked_by: consent-refusd"
            )
        },
    )
    problems = [str(p) for p in load_pack(folder).problems]
    assert any("consent-refusd" in p and "stepping.yaml" in p for p in problems), problems


# -- 3. the carried refusal ticks the consent-withheld criterion -----------------------------

REFUSED = {
    "immediate-danger": "no",
    "pc-basic-care-l2": "yes",
    "fe-food-insecurity-l2": "yes",
    "dn-hygiene-l2": "yes",
    "consent-sought": "yes",
    "consent-refused": "yes",
}


def test_step_up_review_at_level_3_opens_with_the_refusal_ticked(pack: Pack) -> None:
    advice = review_stepping(pack, 3, SteppingChanges(answers=REFUSED))
    assert advice.direction == "step-up"
    assert advice.advised
    met = {c.id for c in advice.criteria if c.met}
    assert CONSENT_WITHHELD in met
    record = stepping_record(advice, criteria=())
    assert record.direction == "up"
    assert CONSENT_WITHHELD in record.criteria


def test_a_refusal_at_level_2_does_not_tick_the_level_3_criterion(pack: Pack) -> None:
    answers = {"immediate-danger": "no", "pc-basic-care-l2": "yes", "consent-refused": "yes"}
    advice = review_stepping(pack, 2, SteppingChanges(answers=answers))
    assert CONSENT_WITHHELD not in {c.id for c in advice.criteria if c.met}


# -- 6. whole-number levels in a case file ---------------------------------------------------


def test_a_decision_of_4_point_0_is_refused_with_its_line(pack: Pack) -> None:
    data = json.loads((examples_dir() / "level-4-sibling-group.json").read_text(encoding="utf-8"))
    data["decision"]["level"] = 4.0
    text = json.dumps(data, indent=1)
    with pytest.raises(CaseFileError) as caught:
        check_case_text(text, "case.json")
    problems = caught.value.problems
    assert any(
        p.line is not None
        and p.column is not None
        and "decision.level should be a whole number, such as 4, not 4.0" in p.message
        for p in problems
    ), [str(p) for p in problems]
    line = text.splitlines()[problems[0].line - 1]  # type: ignore[operator]
    assert "4.0" in line


def test_whole_numbers_still_read(pack: Pack) -> None:
    text = (examples_dir() / "level-4-sibling-group.json").read_text(encoding="utf-8")
    assert check_case_text(text, "case.json").data["decision"]["level"] == 4


def test_level_4_steps_carry_the_numbers_to_call(pack: Pack) -> None:
    from datetime import datetime

    from thresholds_app.core.rules.assessment import Context

    office = Context(age_band="5-10", now=datetime(2026, 1, 12, 11, 30))  # Monday morning
    night = Context(age_band="5-10", now=datetime(2026, 1, 12, 23, 30))
    answers = {"immediate-danger": "no", "dn-fgm-known-l4": "yes"}
    by_day = [s for s in assess(pack, answers, office).next_steps if s.startswith("Numbers")]
    by_night = [s for s in assess(pack, answers, night).next_steps if s.startswith("Numbers")]
    mash, edt = pack.contacts["mash"], pack.contacts["edt"]
    assert by_day
    assert mash.phone in by_day[0]
    assert by_night
    assert edt.phone in by_night[0]
    level_2 = {"immediate-danger": "no", "pc-basic-care-l2": "yes"}
    assert not [s for s in assess(pack, level_2, office).next_steps if s.startswith("Numbers")]
