"""The assessment kept in a case file reads back exactly as it was computed (as referred).

Found by mutation testing (docs/safety/mutation.md): no test compared a stored assessment field
by field, and reading one back silently dropped "not enough answered", the withheld level, the
pack's dates notice and the level to consider stepping up to: a record saved as "not enough
answered to rely on Level 1" read back as a settled Level 1.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from thresholds_app.core.case.codec import assessment_from_dict, assessment_to_dict
from thresholds_app.core.case.record import CaseRecord, case_from_json, case_to_json, load_case
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import Assessment, ConsentAdvice, Reason
from thresholds_app.core.rules.engine import DANGER_NOT_KNOWN_WARNING, assess
from thresholds_app.paths import default_pack_dir, examples_dir


@cache
def _pack() -> Pack:
    result = load_pack(default_pack_dir())
    assert result.pack is not None, result.problems
    return result.pack


def _example(name: str) -> CaseRecord:
    return load_case(examples_dir() / name)


def _strength() -> str:
    return next(i.id for i in _pack().indicators.values() if i.kind == "strength")


def _level_4_concern() -> str:
    return next(i.id for i in _pack().indicators.values() if i.level == 4 and i.kind == "concern")


def _assessed(name: str, **answers: str) -> Assessment:
    case = _example(name)
    return assess(_pack(), {**case.answers, **answers}, case.context())


CASES = {
    "emergency": lambda: _assessed("level-2-attendance.json", **{"immediate-danger": "yes"}),
    "not enough answered": lambda: assess(_pack(), {"immediate-danger": "no"}),
    "consent refused, with a strength": lambda: _assessed(
        "level-3-consent-refused.json", **{_strength(): "yes"}
    ),
    "level 4 with a route": lambda: _assessed("level-4-sibling-group.json"),
    "danger not known": lambda: _assessed(  # a mandatory question unsettled: "missing"
        "level-4-sibling-group.json", **{"immediate-danger": "not-known"}
    ),
    "a level 4 concern not known": lambda: _assessed(
        "level-2-attendance.json", **{_level_4_concern(): "not-known"}
    ),
    "guidance not in force": lambda: replace(
        _assessed("level-2-attendance.json"),
        indicated_level=None,
        level_withheld=True,
        pack_state="expired",
        pack_notice="This guidance has expired.",
        consent=replace(
            _assessed("level-2-attendance.json").consent,
            consent_refused=True,
            consider_step_up=True,
            do_not_tell_parents=True,
            step_up_to=3,
        ),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_stored_assessment_reads_back_exactly(name: str) -> None:
    assessment = CASES[name]()
    case = _example("level-2-attendance.json")
    case.assessment = assessment
    assert case_from_json(case_to_json(case)).assessment == assessment


def test_the_examples_cover_what_a_record_must_keep() -> None:
    """The cases above are not all defaults: each field that matters is set somewhere."""
    made = [make() for make in CASES.values()]
    assert any(a.emergency for a in made)
    assert any(a.danger_not_known for a in made)
    assert any(a.statutory_not_known for a in made)
    assert any(not a.enough_answered and a.to_answer_next for a in made)
    assert any(a.consent.consent_refused and a.consent.do_not_tell_parents for a in made)
    assert any(a.route for a in made)
    assert any(a.warnings for a in made)
    assert any(a.missing for a in made)
    assert any(a.gaps for a in made)
    assert any(a.strengths for a in made)
    assert any(a.what_would_change for a in made)
    assert all(a.reasons and a.contacts and a.next_steps and a.topics is not None for a in made)


def test_an_older_record_with_only_a_level_opens_with_safe_defaults() -> None:
    assessment = assessment_from_dict({"indicated_level": 3})
    assert assessment == Assessment(
        pack_id="",
        pack_version="",
        pack_hash="",
        indicated_level=3,
        emergency=False,
        reasons=(),
        missing=(),
        gaps=(),
        warnings=(),
        what_would_change=(),
        strengths=(),
        topics=(),
        consent=ConsentAdvice(
            level=None,
            consent_needed="",
            from_whom="",
            if_refused="",
            consent_refused=False,
            consider_step_up=False,
            tell_parents="",
            do_not_tell_parents=False,
            lawful_basis=(),
            record=(),
        ),
        next_steps=(),
        contacts=(),
    )
    assert assessment_from_dict(assessment_to_dict(assessment)) == assessment


def test_an_older_record_keeps_a_danger_not_known_said_only_in_its_warnings() -> None:
    older = {"indicated_level": 3, "warnings": [DANGER_NOT_KNOWN_WARNING]}
    assert assessment_from_dict(older).danger_not_known
    assert not assessment_from_dict({**older, "warnings": []}).danger_not_known
    assert not assessment_from_dict({**older, "danger_not_known": False}).danger_not_known


def test_an_older_reason_without_its_answers_still_opens() -> None:
    reason = {"rule_id": "r", "label": "A rule", "explanation": "Why.", "level": 2, "source": "s"}
    (read,) = assessment_from_dict({"indicated_level": 2, "reasons": [reason]}).reasons
    assert read == Reason("r", "A rule", "Why.", 2, "s", ())


def test_a_saved_case_is_readable_text_and_a_bad_one_is_named() -> None:
    from thresholds_app.core.case.reading import CaseFileError

    case = _example("level-2-attendance.json")
    case.child.reference = "Siôn-Łódź-7"
    text = case_to_json(case)
    assert '"reference": "Siôn-Łódź-7"' in text  # as typed, not \\u escapes
    assert text.splitlines()[1] == '  "format": "thresholds-case",'  # two-space indent
    assert text.endswith("}\n")
    with pytest.raises(CaseFileError, match=r"^The file: "):
        case_from_json("[]")
    with pytest.raises(CaseFileError, match=r"^review-me\.json: it is not a thresholds case file"):
        case_from_json("[]", name="review-me.json")  # the name the caller gives, not "The file"


def test_a_case_with_a_step_and_a_review_reads_back_whole_and_its_copy_shares_nothing() -> None:
    """The step-up review edits a copy made through to_dict (ui/shell/review_flow.py)."""
    from thresholds_app.core.case.record import SteppingRecord
    from thresholds_app.core.case.reviews import Review

    case = _example("level-2-attendance.json")
    case.stepping = SteppingRecord("up", ["step-up-significant-harm"], "Bruising seen twice.")
    case.reviews = [
        Review(
            reviewer="A. Reviewer",
            role="MASH social worker",
            reviewed_at="2026-01-12T11:30:00+00:00",
            level=3,
            agrees=False,
            reasons="Needs are higher than the referral says.",
            gaps=["child-voice"],
        )
    ]
    back = case_from_json(case_to_json(case))
    assert (back.stepping, back.reviews) == (case.stepping, case.reviews)
    copy = CaseRecord.from_dict(case.to_dict())
    assert copy.stepping is not None
    copy.stepping.criteria.append("step-up-needs-escalating")
    copy.reviews[0].gaps.append("family-views")
    assert case.stepping.criteria == ["step-up-significant-harm"]
    assert case.reviews[0].gaps == ["child-voice"]
