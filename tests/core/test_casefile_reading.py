"""Reading case files: every problem located in plain English, duplicates, limits, surrogates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sample_packs import sample_case, sample_pack
from thresholds_app.core.base.jsonread import JsonLimits, read_json
from thresholds_app.core.base.problems import Problem
from thresholds_app.core.case.answers import unknown_answer_ids, unknown_answer_problems
from thresholds_app.core.case.reading import MAX_PROBLEMS, CaseFileError
from thresholds_app.core.case.record import case_to_json, read_case, read_case_text
from thresholds_app.core.report.rationale import build_rationale, rationale_to_text
from thresholds_app.core.rules.engine import assess

JSONSCHEMA_WORDS = (
    "Additional properties",
    "was unexpected",
    "is not valid under",
    "is not of type",
)


def _text() -> str:
    return case_to_json(sample_case(sample_pack()))


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1


def _problems(text: str) -> list[Problem]:
    with pytest.raises(CaseFileError) as caught:
        read_case_text(text, name="c.json")
    return list(caught.value.problems)


def test_every_problem_is_listed_with_its_line_in_plain_words() -> None:
    text = _text()
    text = text.replace('"level": 3', '"levle": 3', 1)  # decision.level misspelt
    text = text.replace('"reference": "', '"reference": 7, "x": "', 1)  # wrong type, unknown field
    problems = _problems(text)
    words = [(p.line, p.path, p.message) for p in problems]
    assert (
        _line_of(text, '"levle"'),
        "decision.levle",
        "decision has a field this app does not know, 'levle' (did you mean 'level'?).",
    ) in words
    assert (
        _line_of(text, '"reference"'),
        "child.reference",
        "child.reference should be text, not a whole number.",
    ) in words
    assert any(p[1] == "child.x" and "does not know, 'x'" in p[2] for p in words)
    assert len(problems) == 3
    assert all(p.column for p in problems)
    message = str(CaseFileError("c.json", problems))
    assert message.startswith("c.json cannot be opened (3 problems):\n  Line ")
    assert not any(w in message for w in JSONSCHEMA_WORDS)


def test_a_second_immediate_danger_answer_is_refused_at_its_line() -> None:
    text = _text()
    assert '"immediate-danger": "no"' in text
    text = text.replace(
        '"immediate-danger": "no"', '"immediate-danger": "yes",\n    "immediate-danger": "no"'
    )
    (problem,) = _problems(text)
    assert problem.line == _line_of(text, '"immediate-danger"', 2)
    assert problem.column == 5
    assert "answers gives 'immediate-danger' twice (first on line" in problem.message


def test_a_second_decision_is_refused() -> None:
    text = _text().rstrip().removesuffix("}") + ',\n  "decision": {"level": 1}\n}\n'
    (problem,) = _problems(text)
    assert problem.path == "decision"
    assert "the top level gives 'decision' twice" in problem.message
    assert problem.line == _line_of(text, '"decision"', 2)


def test_problems_stop_after_the_limit() -> None:
    data = json.loads(_text())
    data["answers"] = {f"x-{i}": "maybe" for i in range(500)}
    problems = _problems(json.dumps(data, indent=1))
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message == f"Stopped after {MAX_PROBLEMS} problems; there may be more."
    assert "answers.x-0 should be one of" in problems[0].message


def test_too_many_values_are_refused_before_the_schema() -> None:
    doc = read_json("[" + ",".join(["0"] * 50) + "]", "f.json", JsonLimits(max_values=10))
    assert doc.fatal
    assert doc.data is None
    assert "more than 10 values" in doc.problems[0].message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"worry": "cut off here', "is not closed"),  # a file truncated inside a text
        ('{"worry": "a \\q b"}', "broken escape"),
        ('{"worry": "a\nb"}', "control character"),
    ],
)
def test_a_broken_text_is_named_for_what_is_wrong(text: str, words: str) -> None:
    doc = read_json(text, "f.json")
    assert doc.fatal
    assert words in doc.problems[0].message


def test_a_lone_surrogate_is_replaced_and_said_where() -> None:
    text = _text().replace('"worry": "', '"worry": "\\ud83d', 1)
    read = read_case_text(text, name="c.json")
    assert read.case.free_text.worry.startswith("\ufffd")
    (notice,) = read.notices
    assert notice.line == _line_of(text, '"worry"')
    assert notice.path == "free_text.worry"
    assert "broken character" in notice.message


def test_text_with_a_lone_surrogate_always_encodes() -> None:
    pack = sample_pack()
    case = sample_case(pack)
    case.free_text.worry = "half \ud83d an emoji"  # as a damaged paste could leave it in memory
    case.child.reference = "REF-\udc00"
    result = assess(pack, case.answers, case.context())
    text = rationale_to_text(build_rationale(pack, case, result, "now", "0"))
    text.encode("utf-8")
    assert "half \ufffd an emoji" in text
    case_to_json(case).encode("utf-8")


def test_unknown_answer_ids_are_located_and_shown_on_the_rationale(tmp_path: Path) -> None:
    pack = sample_pack()
    case = sample_case(pack)
    known = sorted(pack.indicators)[0]
    case.answers[known + "x"] = "yes"  # a mistyped id
    path = tmp_path / "c.json"
    path.write_text(case_to_json(case), encoding="utf-8")
    read = read_case(path)
    assert unknown_answer_ids(read.case, pack) == (known + "x",)
    (problem,) = unknown_answer_problems(read, pack)
    assert problem.line == _line_of(path.read_text(encoding="utf-8"), f'"{known}x"')
    assert f"(did you mean '{known}'?)" in problem.message
    assert "was not used" in problem.message
    rationale = build_rationale(pack, read.case, assess(pack, case.answers, case.context()), "", "")
    (notice,) = [n for n in rationale.summary.notices if f"{known}x" in n]
    assert f"{known}x (yes)" in notice
    assert f"NOTICE: {notice}" in rationale_to_text(rationale)


def test_a_case_with_only_known_answers_has_no_notice() -> None:
    pack = sample_pack()
    case = sample_case(pack)
    assert unknown_answer_ids(case, pack) == ()
    rationale = build_rationale(pack, case, assess(pack, case.answers, case.context()), "", "")
    # the sample's only notice is its Level 4 concern marked not known
    assert [n[:30] for n in rationale.summary.notices] == ["A Level 4 concern is not known"]


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(value=JSON, indent=st.sampled_from([None, 0, 2]))
def test_the_reader_reads_what_the_standard_library_reads(
    value: object, indent: int | None
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    doc = read_json(text, "f.json")
    assert not doc.problems
    assert doc.data == json.loads(text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet='{}[]":,0123456789.eE-+ \n\\uatrfnls', max_size=40))
def test_the_reader_never_raises_and_refuses_what_json_refuses(text: str) -> None:
    doc = read_json(text, "f.json")
    try:
        expected = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        assert doc.problems
        assert doc.data is None
        assert all(p.line for p in doc.problems)
        return
    if not doc.problems:  # a duplicate key is the one thing json.loads accepts and we do not
        assert doc.data == expected
