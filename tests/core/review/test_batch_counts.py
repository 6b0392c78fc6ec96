"""A folder of referrals: every file listed, flags, sorting; counts with no personal data."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from olderpack import MARKER, marked_case

from thresholds_app.core.case.record import CaseRecord, save_case
from thresholds_app.core.case.reviews import Review
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.review.batch import read_folder
from thresholds_app.core.review.counts import HIDDEN, cells, counts_csv, raw_counts
from thresholds_app.core.review.store import add_review
from thresholds_app.core.rules.engine import assess


def make_folder(folder: Path, pack: Pack, count: int) -> list[CaseRecord]:
    cases = []
    for number in range(count):
        case = marked_case(number, pack)
        save_case(case, folder / f"case-{number:02d}.json", touch=False)
        cases.append(case)
    return cases


def test_damaged_and_foreign_files_are_listed_with_the_reason(
    tmp_path: Path, current_pack: Pack, older_case_file: Path
) -> None:
    tmp_path = tmp_path / "folder"
    tmp_path.mkdir()
    make_folder(tmp_path, current_pack, 3)
    shutil.copy(older_case_file, tmp_path / "older.json")
    (tmp_path / "damaged.json").write_text('{"format": "thresholds-case", "form', "utf-8")
    (tmp_path / "letter.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "sub").mkdir()
    batch = read_folder(tmp_path, current_pack)
    assert batch.complete
    assert batch.skipped_folders == 1
    assert len(batch.rows) == 6
    unread = {r.path.name: r.problem for r in batch.rows if not r.ok}
    assert unread["letter.docx"] == "Not a case file: only .json case files are read."
    assert unread["damaged.json"].startswith("damaged.json cannot be opened (1 problem)")
    assert "Line 1, column" in unread["damaged.json"]
    assert set(unread) == {"damaged.json", "letter.docx"}
    assert [r.ok for r in batch.rows][:2] == [False, False]  # unreadable files come first
    older = next(r for r in batch.rows if r.path.name == "older.json")
    assert "older-pack" in older.flags
    assert (older.referred_level, older.now_level, older.referrer_level) == (4, 3, 4)


def test_flags_siblings_and_deadline_order(tmp_path: Path, current_pack: Pack) -> None:
    make_folder(tmp_path, current_pack, 4)
    add_review(
        tmp_path / "case-01.json",
        Review(
            reviewer="R",
            level=3,
            rag="red",
            received_at="2026-12-01T09:00:00Z",
            reviewed_at="2026-12-01T10:00:00Z",
        ),
    )
    batch = read_folder(tmp_path, current_pack)
    by_name = {r.path.name: r for r in batch.rows}
    assert batch.rows[0].path.name == "case-01.json"  # the only one with a deadline
    reviewed = by_name["case-01.json"]
    assert "mash-below-referrer" in reviewed.flags  # the referrer said 4
    assert "sibling-group" in by_name["case-00.json"].flags  # shares H-0 with case-01
    assert "sibling-group" not in by_name["case-03.json"].flags or (
        by_name["case-02.json"].household == by_name["case-03.json"].household
    )
    assert "consent-refused" in by_name["case-01.json"].flags


def test_reading_can_be_cancelled(tmp_path: Path, current_pack: Pack) -> None:
    make_folder(tmp_path, current_pack, 5)
    seen: list[int] = []
    batch = read_folder(
        tmp_path,
        current_pack,
        progress=lambda done, total: seen.append(done),
        cancelled=lambda: len(seen) >= 2,
    )
    assert not batch.complete
    assert len(batch.rows) == 2


def test_counts_hold_no_personal_data_and_hide_small_cells(
    tmp_path: Path, current_pack: Pack
) -> None:
    make_folder(tmp_path, current_pack, 17)
    (tmp_path / f"{MARKER}-damaged.json").write_text("{", "utf-8")
    batch = read_folder(tmp_path, current_pack)
    text = counts_csv(cells(current_pack, batch))
    assert MARKER not in text
    assert "example.invalid" not in text
    assert "2026-11-" not in text  # months only
    rows = list(csv.DictReader(io.StringIO(text)))
    raw = raw_counts(current_pack, batch)
    for row in rows:
        true = raw[row["table"]][(row["row"], row["column"])]
        if 0 < true < 5:
            assert row["count"] == HIDDEN, row
        else:
            assert row["count"] in (str(true), HIDDEN), row
    # One small cell alone in a table is protected by hiding another one too.
    for table, counts in raw.items():
        small = [k for k, n in counts.items() if 0 < n < 5]
        shown = [r for r in rows if r["table"] == table and r["count"] == HIDDEN]
        if len(small) == 1 and any(n >= 5 for n in counts.values()):
            assert len(shown) == 2, table
    months = [r for r in rows if r["table"] == "referrals by month"]
    assert months == [
        {"table": "referrals by month", "row": "2026-11", "column": "referrals", "count": "17"}
    ]
    agencies = {r["row"]: r["count"] for r in rows if r["table"] == "referrals by agency type"}
    assert agencies == {"Education": "12", "Health": "5"}  # 12 schools, 5 GP surgeries


def test_a_reference_shows_on_one_line_without_bidi_or_control_tricks(
    tmp_path: Path, current_pack: Pack
) -> None:
    case = marked_case(0, current_pack)
    case.child.reference = "<b>REF</b>&amp;\u202e1234\u2066\n\x1b[31m"
    case.child.household_reference = "\u200bHH\u202e-1"
    save_case(case, tmp_path / "tricky.json", touch=False)
    (row,) = read_folder(tmp_path, current_pack).rows
    assert row.reference == "<b>REF</b>&amp;1234 [31m"  # kept as typed, minus what reorders
    assert row.household == "HH-1"


def test_an_answer_to_an_id_the_guidance_does_not_know_is_flagged_in_the_list(
    tmp_path: Path, current_pack: Pack
) -> None:
    case = marked_case(0, current_pack)
    case.answers["dn-sexual-abuse-l44"] = "yes"  # a mistyped Level 4 indicator
    save_case(case, tmp_path / "typo.json", touch=False)
    save_case(marked_case(1, current_pack), tmp_path / "fine.json", touch=False)
    rows = {r.path.name: r for r in read_folder(tmp_path, current_pack).rows}
    assert "answers-not-used" in rows["typo.json"].flags
    assert "answers-not-used" not in rows["fine.json"].flags


def test_a_danger_not_known_is_flagged_in_the_list(tmp_path: Path, current_pack: Pack) -> None:
    unsure = marked_case(0, current_pack)
    unsure.answers["immediate-danger"] = "not-known"
    save_case(unsure, tmp_path / "unsure.json", touch=False)
    sure = marked_case(1, current_pack)
    sure.answers["immediate-danger"] = "no"
    save_case(sure, tmp_path / "sure.json", touch=False)
    rows = {r.path.name: r for r in read_folder(tmp_path, current_pack).rows}
    assert "danger-not-known" in rows["unsure.json"].flags
    assert "danger-not-known" not in rows["sure.json"].flags


def test_a_level_not_yet_settled_is_listed_as_at_least_or_not_enough(
    tmp_path: Path, current_pack: Pack
) -> None:
    """The list says what the screens say: never a bare "Level 2" before enough is answered."""
    settled = marked_case(0, current_pack)
    save_case(settled, tmp_path / "settled.json", touch=False)
    unsure = marked_case(1, current_pack)
    unsure.answers["immediate-danger"] = "not-known"  # the danger question settles nothing
    unsure.assessment = assess(current_pack, unsure.answers, unsure.context())  # as referred
    save_case(unsure, tmp_path / "unsure.json", touch=False)
    lowest = min(current_pack.levels)
    nothing = marked_case(2, current_pack)
    nothing.answers = {"immediate-danger": "no"}
    save_case(nothing, tmp_path / "nothing.json", touch=False)
    rows = {r.path.name: r for r in read_folder(tmp_path, current_pack).rows}
    level = rows["settled.json"].now_level
    assert rows["settled.json"].now_words == f"Level {level}"
    assert rows["unsure.json"].now_words == f"At least Level {rows['unsure.json'].now_level}"
    assert rows["nothing.json"].now_level in (None, lowest)
    assert rows["nothing.json"].now_words == "Not enough answered"  # never "Level 1"
    # as referred too, from the assessment the file saved
    assert rows["settled.json"].referred_words.startswith("Level ")
    assert rows["unsure.json"].referred_words == rows["unsure.json"].now_words
    assert rows["unsure.json"].referred_words.startswith("At least Level")
