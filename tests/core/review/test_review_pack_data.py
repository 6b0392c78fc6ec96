"""review.yaml goes through the real validator; a pack without it gets the published defaults."""

from __future__ import annotations

import shutil
from pathlib import Path

from olderpack import REAL_PACK

from thresholds_app.core.pack.load import load_pack


def _pack_with_review(tmp_path: Path, text: str | None) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(REAL_PACK, folder)
    if text is None:
        (folder / "review.yaml").unlink()
    else:
        (folder / "review.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_shipped_review_settings(current_pack) -> None:  # type: ignore[no-untyped-def]
    guide = current_pack.review
    assert guide.from_pack
    assert [(r.id, r.within_hours, r.within_working_days) for r in guide.rag] == [
        ("red", 4, None),
        ("amber", None, 1),
        ("green", None, 3),
    ]
    assert [o.category for o in guide.outcomes] == [
        "no-further-action",
        "advice-signposting",
        "early-help",
        "s17-assessment",
        "s47-strategy",
        "existing-open-case",
        "other",
    ]


def test_without_review_yaml_the_defaults_apply(tmp_path: Path) -> None:
    result = load_pack(_pack_with_review(tmp_path, None))
    assert result.ok, result.problems
    assert result.pack is not None
    guide = result.pack.review
    assert guide is not None
    assert not guide.from_pack
    assert [r.id for r in guide.rag] == ["red", "amber", "green"]


def test_bad_review_yaml_is_refused_with_places(tmp_path: Path) -> None:
    text = """note: A note.
hours_from: mahs
source: peer-mash-procedures
rag:
  - id: red
    label: Red
    meaning: Now.
  - id: red
    label: Red again
    meaning: Now.
    within_hours: 4
outcomes:
  - id: nfa
    label: No further action
    category: nothing-at-all
    what_happens_next: Nothing.
ask_about: [parental-alcohol-askd]
"""
    result = load_pack(_pack_with_review(tmp_path, text))
    assert result.pack is None
    assert [str(p) for p in result.problems] == [
        "review.yaml:2:13: the contact 'mahs' does not exist (did you mean 'mash'?)",
        "review.yaml:5:5: a RAG rating needs exactly one clock: within_hours or "
        "within_working_days",
        "review.yaml:8:9: the id red is used twice",
        "review.yaml:15:15: 'nothing-at-all' is not allowed here; use one of: "
        "no-further-action, advice-signposting, early-help, s17-assessment, s47-strategy, "
        "existing-open-case, other",
        "review.yaml:17:13: the question 'parental-alcohol-askd' does not exist (did you mean "
        "'parental-alcohol-asked'?)",
    ]
