"""What a practitioner is told about a broken case file: the words, and the line and column.

Found by mutation testing (docs/safety/mutation.md): the reading tests checked that a problem was
found, not what it said or where it pointed, so a message naming the wrong kind of value, a key
located at its value, or a second bad id left out went unnoticed.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from thresholds_app.core.base.problems import Problem
from thresholds_app.core.case.reading import (
    MAX_CASE_BYTES,
    CaseFileError,
    check_case_text,
    read_case_bytes,
)

# A fixed case, not the live example: the examples are regenerated with the pack, which would
# move every line this test names.
BASE: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "case-for-messages.json").read_text("utf-8")
)


def _problems(document: dict[str, Any]) -> list[tuple[int | None, int | None, str, str]]:
    with pytest.raises(CaseFileError) as error:
        check_case_text(json.dumps(document, indent=2), "case.json")
    return [(p.line, p.column, p.path, p.message) for p in error.value.problems]


def _with(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    *parents, last = path
    target = document
    for key in parents:
        target = target[key]
    target[last] = value
    return document


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (None, "null"),
        (True, "true or false"),
        (3, "a whole number"),
        (2.5, "a number"),
        ([1], "a list"),
        ({"a": 1}, "a group of fields"),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_in_plain_words(value: Any, kind: str) -> None:
    assert _problems(_with(("child", "reference"), value)) == [
        (13, 18, "child.reference", f"child.reference should be text, not {kind}.")
    ]


def test_text_where_a_number_belongs() -> None:
    assert _problems(_with(("decision", "level"), "3")) == [
        (241, 14, "decision.level", "decision.level should be a whole number or null, not text.")
    ]


def test_an_unknown_field_is_pointed_at_by_its_name_and_a_long_name_is_shortened() -> None:
    document = _with(("child", "x" * 40), "")
    document["child"]["y" * 41] = ""
    assert _problems(document) == [
        (23, 5, "child." + "x" * 40, f"child has a field this app does not know, '{'x' * 40}'."),
        (24, 5, "child." + "y" * 41, f"child has a field this app does not know, '{'y' * 39}…'."),
    ]


def test_every_answer_key_that_is_not_an_id_is_listed_even_after_a_good_one() -> None:
    document = _with(("answers", "Bad Id"), "yes")
    document["answers"]["zz-a-good-id"] = "yes"
    document["answers"]["Also Bad"] = "no"
    hint = "which is not an id (ids use lower-case letters, digits and hyphens)."
    assert _problems(document) == [
        (36, 5, "answers.Bad Id", f"answers has 'Bad Id', {hint}"),
        (38, 5, "answers.Also Bad", f"answers has 'Also Bad', {hint}"),
    ]


def test_a_missing_field_is_named() -> None:
    document = copy.deepcopy(BASE)
    del document["child"]["reference"]
    assert _problems(document) == [(12, 12, "child", "child is missing the field 'reference'.")]


def test_a_whole_file_refusal_names_the_file_and_no_place(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError) as error:
        read_case_bytes(tmp_path)
    assert error.value.problems == (
        Problem(tmp_path.name, None, None, "", "it is a folder, not a file."),
    )


def test_a_check_against_the_pack_points_at_the_value_or_at_the_key() -> None:
    text = json.dumps(BASE, indent=2)
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if '"immediate-danger": "no"' in line)
    key_column = lines[row].index('"immediate-danger"') + 1
    value_column = lines[row].index('"no"') + 1
    document = check_case_text(text, "case.json")
    at_value = document.problem(("answers", "immediate-danger"), "m")
    at_key = document.problem(("answers", "immediate-danger"), "m", key=True)
    assert (at_value.line, at_value.column) == (row + 1, value_column)
    assert (at_key.line, at_key.column) == (row + 1, key_column)


def test_a_wrong_answer_is_told_the_allowed_ones_and_the_likely_one() -> None:
    allowed = 'should be one of "yes", "no", "not-known"'
    typo = _problems(_with(("answers", "immediate-danger"), "yess"))
    number = _problems(_with(("answers", "immediate-danger"), 3))
    assert typo == [
        (
            31,
            25,
            "answers.immediate-danger",
            f"answers.immediate-danger {allowed} (did you mean 'yes'?).",
        )
    ]
    assert number == [(31, 25, "answers.immediate-danger", f"answers.immediate-danger {allowed}.")]


@pytest.mark.parametrize(("level", "bound"), [(0, "at least 1"), (5, "at most 4")])
def test_a_decision_outside_the_levels_is_told_the_bound(level: int, bound: str) -> None:
    assert _problems(_with(("decision", "level"), level)) == [
        (241, 14, "decision.level", f"decision.level should be {bound}.")
    ]


def test_the_whole_message_counts_the_problems_and_says_when_it_stopped() -> None:
    one = _with(("child", "reference"), None)
    two = _with(("child", "reference"), None)
    two["child"]["setting"] = None
    many = copy.deepcopy(BASE)
    for number in range(30):
        many["child"][f"extra{number}"] = 1
    messages = []
    for document in (one, two, many):
        with pytest.raises(CaseFileError) as error:
            check_case_text(json.dumps(document, indent=2), "case.json")
        messages.append(str(error.value).splitlines())
    assert messages[0] == [
        "case.json cannot be opened (1 problem):",
        "  Line 13, column 18: child.reference should be text, not null.",
    ]
    assert messages[1] == [
        "case.json cannot be opened (2 problems):",
        "  Line 13, column 18: child.reference should be text, not null.",
        "  Line 21, column 16: child.setting should be text, not null.",
    ]
    assert messages[2][0] == "case.json cannot be opened (26 problems):"
    assert messages[2][-1] == "  Stopped after 25 problems; there may be more."


def test_more_rows_than_a_case_holds_are_counted_at_the_list() -> None:
    document = _with(("next_steps",), [BASE["next_steps"][0]] * 31)
    lines = json.dumps(document, indent=2).splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith('  "next_steps": ['))
    assert _problems(document) == [
        (
            row + 1,
            lines[row].index("[") + 1,
            "next_steps",
            "next_steps lists 31 rows; a case file holds at most 30.",
        )
    ]


def _refusal(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(CaseFileError) as error:
        read_case_bytes(path)
    return error.value.problems


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "gone.json") == (
        Problem("gone.json", None, None, "", "the file could not be found."),
    )


@pytest.mark.skipif(sys.platform == "win32", reason="Windows says the file is not found")
def test_a_file_that_cannot_be_read_is_named_with_the_reason(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    assert _refusal(not_a_folder / "case.json") == (
        Problem("case.json", None, None, "", "the file could not be read (Not a directory)."),
    )


def test_a_file_at_the_size_limit_is_read_and_a_larger_one_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_CASE_BYTES)  # sparse: no need to write 20 MB
    asked: list[int | None] = []
    real_fdopen = os.fdopen

    class Counting:  # the real file, with every read's size noted
        def __init__(self, handle: BinaryIO) -> None:
            self.handle = handle

        def __enter__(self) -> Counting:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def read(self, size: int | None = -1) -> bytes:
            asked.append(size)
            return self.handle.read(size)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: Counting(real_fdopen(*a, **k)))
    assert len(read_case_bytes(path)) == MAX_CASE_BYTES
    assert asked == [MAX_CASE_BYTES + 1]  # one byte past the limit, never the whole file
    with path.open("ab") as handle:
        handle.truncate(2 * MAX_CASE_BYTES)
    asked.clear()
    assert _refusal(path) == (
        Problem("big.json", None, None, "", "the file is 40.0 MiB, over the 20 MiB limit."),
    )
    assert asked == []  # refused on its size, before a byte is read


# Found by mutation testing (docs/safety/mutation.md): these checks were only tested outside
# the mutation run, or only that some problem was found, not its words and place.


def test_bytes_over_the_limit_are_refused_and_at_the_limit_are_read() -> None:
    with pytest.raises(CaseFileError) as error:
        check_case_text(b" " * (MAX_CASE_BYTES + 1), "big.json")
    assert error.value.problems == (
        Problem("big.json", None, None, "", "the file is too large to be a case file."),
    )
    with pytest.raises(CaseFileError, match="not a thresholds case file"):
        check_case_text(b"{}" + b" " * (MAX_CASE_BYTES - 2), "big.json")  # read, then refused


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b'{\n  "a":\n  "b\xff"\n}\n', 3, 5),  # the last new line before it counts
        (b"\n\xff\n", 2, 1),  # a new line as the very first byte
        (b"\xff\n\n", 1, 1),
    ],
)
def test_text_that_is_not_utf8_is_pointed_at(raw: bytes, line: int, column: int) -> None:
    with pytest.raises(CaseFileError) as error:
        check_case_text(raw, "case.json")
    message = "it is not a case file (it is not UTF-8 text)."
    assert error.value.problems == (Problem("case.json", line, column, "", message),)


@pytest.mark.parametrize("version", [0, True, -1])
def test_a_format_version_that_is_not_a_whole_number_from_1_is_pointed_at(version: Any) -> None:
    message = "its format version is missing or not a whole number."
    assert _problems(_with(("format_version",), version)) == [(3, 21, "format_version", message)]


def test_a_case_in_the_first_format_still_opens() -> None:
    document = check_case_text(json.dumps(_with(("format_version",), 1)), "case.json")
    assert document.data["format_version"] == 2  # upgraded on reading


def test_a_whole_number_written_with_a_point_is_named_wherever_it_is() -> None:
    document = _with(("decision", "level"), 4.0)
    document["reviews"] = [{"stage": "screening", "level": 3.0}]
    problems = _problems(document)
    assert [(p[2], p[3]) for p in problems] == [
        ("decision.level", "decision.level should be a whole number, such as 4, not 4.0."),
        ("reviews[0].level", "reviews[0].level should be a whole number, such as 3, not 3.0."),
    ]
    assert problems[0][:2] == (241, 14)


def test_problems_on_one_line_are_listed_left_to_right() -> None:
    document = copy.deepcopy(BASE)
    document["decision"] = {"reasons": 5, "level": 4.0}  # the schema's problem comes first
    with pytest.raises(CaseFileError) as error:
        check_case_text(json.dumps(document), "case.json")  # all on one line
    assert [p.path for p in error.value.problems] == ["decision.reasons", "decision.level"]
    assert error.value.problems[0].column < error.value.problems[1].column


def test_twenty_five_problems_are_all_listed_and_more_stop_at_twenty_five() -> None:
    exactly = copy.deepcopy(BASE)
    for number in range(25):
        exactly["child"][f"extra{number}"] = 1
    assert len(_problems(exactly)) == 25  # no "Stopped after" line
    # 20 whole numbers with a point (found first) and 30 unknown fields (the schema's): the
    # schema fills what is left of the 25, so the work stays bounded whatever the file holds.
    many = copy.deepcopy(BASE)
    for number in range(30):
        many["child"][f"extra{number}"] = 1
    many["reviews"] = [{"stage": "screening", "level": 3.0} for _ in range(20)]
    problems = _problems(many)
    with pytest.raises(CaseFileError) as error:
        check_case_text(json.dumps(many, indent=2), "case.json")
    stop = "Stopped after 25 problems; there may be more."
    assert error.value.problems[-1] == Problem("case.json", None, None, "", stop)
    paths = [path for _line, _column, path, _message in problems[:-1]]
    assert paths == [f"child.extra{n}" for n in range(6)] + [
        f"reviews[{n}].level" for n in range(19)
    ]


def test_the_case_limits_apply_and_a_json_problem_names_the_file() -> None:
    document = _with(("free_text", "worry"), "x" * 200_001)  # more text than a case holds
    with pytest.raises(CaseFileError) as error:
        check_case_text(json.dumps(document), "case.json")
    (problem,) = error.value.problems
    assert (problem.file, problem.path) == ("case.json", "free_text.worry")
    assert problem.message.startswith("the file holds more than 200,000 characters of text")
    with pytest.raises(CaseFileError) as error:
        check_case_text('{"format": ', "case.json")
    assert error.value.problems[0].file == "case.json"
