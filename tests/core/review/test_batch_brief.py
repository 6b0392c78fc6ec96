"""A file the MASH list cannot read says why in a few words in its cell (all of it in `problem`)."""

from __future__ import annotations

from thresholds_app.core.base.problems import Problem
from thresholds_app.core.case.reading import CaseFileError
from thresholds_app.core.review.batch import brief_problem


def test_the_first_problem_where_it_is_and_how_many_more() -> None:
    words = "answers.x should be one of: yes, no, not known."
    one = CaseFileError("a.json", [Problem("a.json", 3, 7, "", words)])
    assert brief_problem(one) == "answers.x should be one of (line 3, column 7)"
    many = CaseFileError(
        "a.json",
        [
            Problem("a.json", 1, 29, "", "it is not valid JSON: the file ends too early"),
            Problem("a.json", 2, None, "", "another"),
            Problem("a.json", 3, None, "", "and another"),
        ],
    )
    assert brief_problem(many) == "it is not valid JSON (line 1, column 29); 2 more problems"
    unlocated = CaseFileError("a.json", [Problem("a.json", None, None, "", "the file is empty.")])
    assert brief_problem(unlocated) == "the file is empty"
