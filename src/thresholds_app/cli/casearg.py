"""The case-file argument ``assess`` and ``render`` share: read it, or list every problem.

Problems and notices print as ``file:line:col: message`` (as ``thresholds validate`` does for
packs) and never quote what the practitioner wrote about the child.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thresholds_app.core.case.record import CaseRead
    from thresholds_app.core.pack.model import Pack


def read_case_for(command: str, path: Path) -> CaseRead | int:
    """Read the case file at ``path`` for ``command``; print why not and return 1 if unusable."""
    from thresholds_app.core.case.record import CaseFileError, read_case

    try:
        read = read_case(path)
    except CaseFileError as error:
        if len(error.problems) == 1 and error.problems[0].line is None:
            print(f"thresholds {command}: {error}", file=sys.stderr)
        else:
            print(f"thresholds {command}: {error.name} cannot be used:", file=sys.stderr)
            for problem in error.problems:
                print(f"  {problem}", file=sys.stderr)
        return 1
    for notice in read.notices:
        print(f"thresholds {command}: note: {notice}", file=sys.stderr)
    return read


def report_unknown_answers(command: str, read: CaseRead, pack: Pack) -> None:
    """Print a located line for each answer the pack does not know (they are not used)."""
    from thresholds_app.core.case.answers import unknown_answer_problems

    for problem in unknown_answer_problems(read, pack):
        print(f"thresholds {command}: {problem}", file=sys.stderr)
