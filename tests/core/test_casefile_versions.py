"""The case-format version at its boundaries: one above is refused, one below is read and upgraded.

``docs/case-file.md`` promises: a file with a higher ``format_version`` "was saved by a newer app
and is refused with a message saying so"; format 1 files "are read and upgraded" (their MASH
notes become screening reviews) and the file on disk is not changed by reading. A check loosened
by one (``>= +2``) or tightened by one (refusing the version below) fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from thresholds_app.core.case.reading import CASE_FORMAT_VERSION, MAX_PROBLEMS
from thresholds_app.core.case.record import CaseFileError, case_to_json, load_case, read_case
from thresholds_app.paths import examples_dir


def _example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (examples_dir() / "level-2-attendance.json").read_text(encoding="utf-8")
    )
    return data


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_the_current_version_is_read(tmp_path: Path) -> None:
    data = _example()
    assert data["format_version"] == CASE_FORMAT_VERSION
    assert load_case(_write(tmp_path, data)).case_id == data["case_id"]


def test_one_version_newer_is_refused_saying_a_newer_app_made_it(tmp_path: Path) -> None:
    data = _example()  # otherwise a perfectly good file: only the version is from the future
    data["format_version"] = CASE_FORMAT_VERSION + 1
    with pytest.raises(CaseFileError) as caught:
        read_case(_write(tmp_path, data))
    (problem,) = caught.value.problems
    assert str(caught.value) == (
        "case.json: it was saved by a newer version of the app "
        f"(case format {CASE_FORMAT_VERSION + 1}; this app reads up to {CASE_FORMAT_VERSION}). "
        "Open it with the newer version."
    )
    assert problem.line is None  # the whole file is refused, not one field


@pytest.mark.parametrize("ahead", [2, 10, 10**6])
def test_any_newer_version_is_refused_the_same_way(tmp_path: Path, ahead: int) -> None:
    data = _example()
    data["format_version"] = CASE_FORMAT_VERSION + ahead
    with pytest.raises(CaseFileError, match="saved by a newer version of the app"):
        load_case(_write(tmp_path, data))


def test_one_version_older_is_read_and_upgraded_without_touching_the_file(tmp_path: Path) -> None:
    assert CASE_FORMAT_VERSION - 1 == 1, "this test describes format 1; add the next upgrade"
    data = _example()
    data["format_version"] = CASE_FORMAT_VERSION - 1
    data["reviews"] = [  # format 1 kept a four-field MASH note
        {"reviewer": "C", "role": "SW", "date": "2026-01-02", "view_level": 2, "notes": "Agree"}
    ]
    path = _write(tmp_path, data)
    before = path.read_bytes()
    case = read_case(path).case
    (review,) = case.reviews
    assert (review.stage, review.reviewer, review.reviewed_at, review.level, review.reasons) == (
        "screening",
        "C",
        "2026-01-02",
        2,
        "Agree",
    )
    assert path.read_bytes() == before  # reading never rewrites
    assert json.loads(case_to_json(case))["format_version"] == CASE_FORMAT_VERSION  # saved as 2


@pytest.mark.parametrize("version", [0, -1, True, 2.0, "2", None])
def test_a_version_that_is_not_a_positive_whole_number_is_refused_at_its_line(
    tmp_path: Path, version: object
) -> None:
    data = _example()
    data["format_version"] = version
    with pytest.raises(CaseFileError) as caught:
        read_case(_write(tmp_path, data))
    (problem,) = caught.value.problems[:MAX_PROBLEMS]
    assert problem.message == "its format version is missing or not a whole number."
    assert problem.line == 3  # "format_version" is the second field of the indented file
