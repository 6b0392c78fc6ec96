"""Reviews are stored beside the referrer's part, which stays byte-for-byte as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thresholds_app.core.case.record import CaseFileError, load_case
from thresholds_app.core.case.reviews import Review
from thresholds_app.core.review.store import (
    add_review,
    referral_changed_since,
    referral_fingerprint,
    referral_part,
)
from thresholds_app.paths import examples_dir


def test_two_reviews_in_order_and_the_referral_untouched(older_case_file: Path) -> None:
    before = older_case_file.read_bytes()
    add_review(older_case_file, Review(stage="screening", reviewer="A. Screener", level=3))
    add_review(older_case_file, Review(stage="manager", reviewer="B. Manager", level=4))
    after = older_case_file.read_bytes()
    # Everything the referrer saved comes before "reviews" and is the same, byte for byte.
    cut = before.index(b'"reviews"')
    assert after[:cut] == before[:cut]
    assert referral_part(after) == referral_part(before)
    reviews = load_case(older_case_file).reviews
    assert [(r.stage, r.reviewer) for r in reviews] == [
        ("screening", "A. Screener"),
        ("manager", "B. Manager"),
    ]
    assert reviews[0].referral_sha256 == referral_fingerprint(before)


def test_hand_laid_file_keeps_its_own_layout(tmp_path: Path) -> None:
    """A file laid out by another tool (one line, keys reordered) keeps every byte of it."""
    data = json.loads((examples_dir() / "level-2-attendance.json").read_text(encoding="utf-8"))
    data.pop("reviews")
    data = dict(reversed(list(data.items())))
    path = tmp_path / "compact.json"
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    add_review(path, Review(reviewer="A"))
    after = path.read_bytes()
    assert after.startswith(raw[:-1].replace(b'"format_version":1', b'"format_version":2'))
    assert referral_part(after) == referral_part(raw)
    assert load_case(path).reviews[0].reviewer == "A"


def test_format_1_review_notes_are_upgraded(tmp_path: Path) -> None:
    data = json.loads((examples_dir() / "level-2-attendance.json").read_text(encoding="utf-8"))
    data["format_version"] = 1
    data["reviews"] = [
        {"reviewer": "C", "role": "SW", "date": "2026-01-02", "view_level": 2, "notes": "Agree"}
    ]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    old = load_case(path).reviews[0]
    assert (old.stage, old.reviewer, old.reviewed_at, old.level, old.reasons) == (
        "screening",
        "C",
        "2026-01-02",
        2,
        "Agree",
    )
    before = path.read_bytes()
    add_review(path, Review(stage="manager", reviewer="D"))
    assert referral_part(path.read_bytes()) == referral_part(before)
    assert json.loads(path.read_text(encoding="utf-8"))["format_version"] == 2
    assert [r.reviewer for r in load_case(path).reviews] == ["C", "D"]


def test_a_changed_referral_is_noticed(older_case_file: Path) -> None:
    add_review(older_case_file, Review(reviewer="A"))
    raw = older_case_file.read_bytes()
    review = load_case(older_case_file).reviews[0]
    assert not referral_changed_since(raw, review)
    edited = raw.replace(b'"worry": "', b'"worry": "Edited later. ', 1)
    assert referral_changed_since(edited, review)


def test_a_damaged_file_gets_no_review(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"format": "thresholds-case", "format_version": 2')
    with pytest.raises(CaseFileError):
        add_review(path, Review(reviewer="A"))
    assert path.read_bytes() == b'{"format": "thresholds-case", "format_version": 2'


def test_an_identical_review_is_not_added_twice(older_case_file: Path) -> None:
    review = Review(stage="screening", reviewer="A", level=3, reviewed_at="2026-12-01T10:00:00Z")
    add_review(older_case_file, review)
    once = older_case_file.read_bytes()
    again = Review(stage="screening", reviewer="A", level=3, reviewed_at="2026-12-01T10:00:00Z")
    with pytest.raises(CaseFileError, match="already in the case file"):
        add_review(older_case_file, again)
    assert older_case_file.read_bytes() == once  # nothing written
    # A review that differs in anything (here: a manager's, at the same minute) is added.
    add_review(older_case_file, Review(stage="manager", reviewer="A", level=3))
    assert len(load_case(older_case_file).reviews) == 2
