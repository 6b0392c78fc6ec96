"""A case holds at most MAX_CASE_TEXT characters, the same on saving and on reading.

Found in the QA attack run: one 15 MB string in a case file (under the 20 MB file limit) made
``thresholds render`` run past 100 s at 466 MB. Now such a file is refused while it is read, the
app refuses to save a case it could not read back, and the largest case allowed still gives its
rationale quickly.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest

from thresholds_app.core.case.limits import MAX_CASE_TEXT, MAX_ROWS, CaseTooLongError
from thresholds_app.core.case.reading import CaseFileError
from thresholds_app.core.case.record import CaseRecord, read_case, save_case
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import build_rationale
from thresholds_app.core.rules.engine import assess
from thresholds_app.pdf.rationale_pdf import render_rationale_pdf


def with_worry(case: CaseRecord, text: str) -> CaseRecord:
    return replace(case, free_text=replace(case.free_text, worry=text))


def test_a_case_file_with_a_huge_text_is_refused_while_read(
    tmp_path: Path, case: CaseRecord
) -> None:
    document = case.to_dict()
    document["free_text"]["worry"] = "x" * 15_000_000
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    start = time.process_time()
    with pytest.raises(CaseFileError, match=f"more than {MAX_CASE_TEXT:,} characters") as caught:
        read_case(path)
    assert time.process_time() - start < 2.0
    assert caught.value.problems[0].line is not None  # located, like every other problem


def test_many_moderate_texts_add_up_to_the_limit(tmp_path: Path, case: CaseRecord) -> None:
    document = case.to_dict()
    document["household"] = [
        {"label": f"Sibling {n}", "assessed": False, "reason_not_assessed": "y" * 5_000}
        for n in range(45)
    ]
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CaseFileError, match="characters of text"):
        read_case(path)


def test_saving_over_the_limit_writes_nothing_and_names_the_longest_part(
    tmp_path: Path, case: CaseRecord
) -> None:
    path = tmp_path / "case.json"
    with pytest.raises(CaseTooLongError, match=r"free_text\.worry \(250,000\)"):
        save_case(with_worry(case, "z" * 250_000), path)
    assert not path.exists()


def test_the_largest_case_allowed_saves_reads_back_and_renders(
    tmp_path: Path, pack: Pack, case: CaseRecord
) -> None:
    words = ("The child said she was hungry again this morning. " * 4_000)[: MAX_CASE_TEXT - 2_000]
    big = with_worry(case, words)
    path = tmp_path / "case.json"
    save_case(big, path)
    again = read_case(path)
    assert again.case.free_text.worry == words
    start = time.process_time()
    pdf = render_rationale_pdf(
        build_rationale(
            pack, again.case, assess(pack, again.case.answers, again.case.context()), "t", "v"
        )
    )
    assert pdf.startswith(b"%PDF")
    # About 1 s here; the bound leaves room for a loaded CI machine.
    assert time.process_time() - start < 8.0


def test_more_rows_than_a_case_may_hold_are_refused_on_reading_and_saving(
    tmp_path: Path, case: CaseRecord
) -> None:
    document = case.to_dict()
    document["household"] = [
        {"label": f"Child {n}", "assessed": False} for n in range(MAX_ROWS + 1)
    ]
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        read_case(path)
    assert caught.value.problems[0].line is not None
    assert f"lists {MAX_ROWS + 1} rows; a case file holds at most {MAX_ROWS}" in str(caught.value)
    many = CaseRecord.from_dict(document | {"household": document["household"][:MAX_ROWS]})
    save_case(many, tmp_path / "thirty.json")  # the limit itself is allowed
    too_many = CaseRecord.from_dict(document)
    with pytest.raises(CaseTooLongError, match=f"at most {MAX_ROWS}"):
        save_case(too_many, tmp_path / "more.json")
    assert not (tmp_path / "more.json").exists()
