"""Re-assessment under the guidance in force now: differences listed, the case never changed."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from olderpack import REAL_PACK, RETIRED, case_under, current_version, example_case

from thresholds_app.core.base.records import replace
from thresholds_app.core.case.record import CaseRecord, case_to_json
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.review.reassess import indicated_words, reassess


def test_same_pack_has_no_differences(current_pack: Pack) -> None:
    case = case_under(current_pack, example_case())
    result = reassess(current_pack, case)
    assert result.same_pack
    assert result.differences == ()
    assert result.as_referred == result.now


def test_older_pack_differences_explained(current_pack: Pack, older_case: CaseRecord) -> None:
    result = reassess(current_pack, older_case)
    assert result.older_pack
    assert not result.other_pack
    assert result.as_referred is not None
    assert (result.as_referred.indicated_level, result.now.indicated_level) == (4, 3)
    words = [d.words for d in result.differences]
    assert words == [
        f"This case was made with version 0.0.9 of the guidance; version {current_version()} is "
        "in force now.",
        "The guidance indicated Level 4 when referred; it indicates Level 3 now.",
        "The rule “There is a Level 3 concern” is now worded “A Level 3 concern is present”.",
        "The rule “Consent refused where there are Level 3 needs” changed: when referred it "
        "indicated Level 4; now it only gives a warning.",
        "No longer a reason: Several Level 2 needs in more than one part of the child's world.",
        f"These answers are not in the guidance in force now and were not used: {RETIRED}.",
    ]
    assert [d.kind for d in result.differences] == [
        "pack-version",
        "level",
        "rule-changed",
        "rule-changed",
        "rule-gone",
        "answer-unknown",
    ]


def test_reassessment_never_changes_the_case(current_pack: Pack, older_case: CaseRecord) -> None:
    before = case_to_json(older_case)
    snapshot = copy.deepcopy(older_case)
    reassess(current_pack, older_case)
    assert case_to_json(older_case) == before
    assert older_case == snapshot


def test_other_partnership_pack_says_what_could_not_be_checked(
    current_pack: Pack, tmp_path: Path
) -> None:
    folder = tmp_path / "elsewhere"
    shutil.copytree(REAL_PACK, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("id: solihull-rhrt", "id: elsewhere-rhrt"),
        encoding="utf-8",
    )
    other = load_pack(folder).pack
    assert other is not None
    case = case_under(other, example_case())
    result = reassess(current_pack, case)
    assert result.other_pack
    assert result.differences[0].words.startswith(
        f"This case was made with other guidance (elsewhere-rhrt version {current_version()}"
    )
    assert "the rest could not be checked" in result.differences[0].words


def test_changed_content_under_the_same_version(current_pack: Pack) -> None:
    case = case_under(current_pack, example_case())
    case.pack.hash = "0" * 64
    kinds = reassess(current_pack, case).kinds()
    assert kinds == {"pack-content"}


def test_a_question_answered_not_known_is_not_said_to_be_unanswered(current_pack: Pack) -> None:
    case = case_under(current_pack, example_case())
    case.answers["immediate-danger"] = "not-known"
    result = reassess(current_pack, case)
    (missing,) = [d for d in result.differences if d.kind == "answers-missing"]
    assert missing.words.startswith("Answered “not known”, and the guidance needs an answer: ")
    assert current_pack.questions["immediate-danger"].text in missing.words
    assert indicated_words(current_pack, result.now).startswith("At least Level ")


def test_a_level_no_longer_settled_is_a_difference_in_words(current_pack: Pack) -> None:
    case = case_under(current_pack, example_case())  # saved as a settled level
    level = case.assessment.indicated_level if case.assessment else None
    case.answers["immediate-danger"] = "not-known"  # the same level, no longer settled
    (difference,) = [d for d in reassess(current_pack, case).differences if d.kind == "level"]
    assert difference.words == (
        f"The guidance indicated Level {level} when referred; it indicates at least Level "
        f"{level} now."
    )


def test_no_saved_assessment_and_missing_answers(current_pack: Pack) -> None:
    case = case_under(current_pack, example_case())
    case.assessment = None
    del case.answers["immediate-danger"]
    result = reassess(current_pack, case)
    assert [d.kind for d in result.differences] == ["not-saved", "answers-missing"]
    assert "Is the child in immediate danger" in result.differences[1].words or (
        current_pack.questions["immediate-danger"].text in result.differences[1].words
    )


def test_replaced_ids_are_named_when_the_pack_lists_them(current_pack: Pack) -> None:
    if "replaced_by" not in getattr(type(current_pack), "__record_fields__", ()) and not hasattr(
        current_pack, "replaced_by"
    ):
        pytest.skip("this pack model has no replaced_by yet")
    fresh = load_pack(REAL_PACK).pack  # not yet assessed, so it can be copied with a change
    pack = replace(fresh, replaced_by={RETIRED: ("fe-parental-alcohol-l2",)})
    case = case_under(current_pack, example_case())
    case.answers[RETIRED] = "yes"
    result = reassess(pack, case)
    assert "id-replaced" in result.kinds()
