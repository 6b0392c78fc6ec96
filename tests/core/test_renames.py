"""Old case files under a newer pack: retired ids mapped to what replaced them (issue 12, s8)."""

from __future__ import annotations

from sample_packs import sample_case, sample_pack
from thresholds_app.core.base.records import replace as replace_record
from thresholds_app.core.case.record import reassess_if_pack_changed
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.renames import carry_forward, renamed_reasons
from thresholds_app.core.rules.engine import assess

REPLACED = {
    "dn-school-absence-l2": ("dn-school-attendance-l2",),  # renamed
    "old-home-worries-l3": ("pc-basic-care-l3", "fe-domestic-abuse-l3"),  # split in two
    "dn-gone-l1": (),  # retired with nothing in its place
    "old-any-level-4": ("any-level-4-concern",),  # a rule renamed
}


def newer_pack() -> Pack:
    return replace_record(sample_pack(), replaced_by=REPLACED, content_hash="f" * 64)


def test_a_renamed_answer_is_carried_and_a_split_one_is_not() -> None:
    answers, notes = carry_forward(
        newer_pack(),
        {"dn-school-absence-l2": "yes", "old-home-worries-l3": "yes", "dn-gone-l1": "yes"},
    )
    assert answers == {"dn-school-attendance-l2": "yes"}
    renamed = "'dn-school-absence-l2' has been replaced by 'dn-school-attendance-l2'"
    assert any(renamed in n for n in notes)
    assert any("split into 'pc-basic-care-l3' and 'fe-domestic-abuse-l3'" in n for n in notes)
    assert any("'dn-gone-l1' has been retired" in n for n in notes)


def test_an_answer_already_given_under_the_new_id_wins() -> None:
    answers, notes = carry_forward(
        newer_pack(), {"dn-school-absence-l2": "yes", "dn-school-attendance-l2": "no"}
    )
    assert answers == {"dn-school-attendance-l2": "no"}
    assert notes == []


def test_a_renamed_reason_is_explained() -> None:
    assert renamed_reasons(newer_pack(), ["old-any-level-4", "any-level-4-concern"]) == [
        "The earlier reason 'old-any-level-4' is now 'any-level-4-concern' in this pack."
    ]


def test_an_old_case_is_reassessed_with_the_mapping_shown() -> None:
    old = sample_pack()
    case = sample_case(old)
    case.answers.pop("dn-school-attendance-l2", None)
    case.answers["dn-school-absence-l2"] = "yes"
    case.assessment = assess(old, case.answers, case.context())
    messages = reassess_if_pack_changed(case, newer_pack(), assess)
    assert any("carried over" in m for m in messages)
    assert not any("not in this pack and were not used" in m for m in messages)
    assert case.assessment is not None
    assert "dn-school-attendance-l2" in {a.id for r in case.assessment.reasons for a in r.answers}
