"""``thresholds pack diff``: golden output on two small fixture versions of a pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thresholds_app.cli import main
from thresholds_app.core.pack.diff import diff_packs
from thresholds_app.core.pack.load import load_pack

DATA = Path(__file__).resolve().parents[1] / "data"
OLD, NEW = DATA / "packs" / "minimal", DATA / "packs" / "minimal-v2"
GOLDEN = DATA / "golden"


def test_the_text_reads_as_the_golden_copy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "diff", str(OLD), str(NEW)]) == 0
    assert capsys.readouterr().out == (GOLDEN / "pack-diff.txt").read_text(encoding="utf-8")


def test_the_json_is_the_golden_copy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "diff", str(OLD), str(NEW), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == json.loads((GOLDEN / "pack-diff.json").read_text(encoding="utf-8"))
    kinds = {c["kind"] for c in out["changes"]}
    assert kinds == {
        "level-renamed",
        "indicator-id-replaced",
        "indicator-added",
        "indicator-moved",
        "indicator-reworded",
        "count-threshold-changed",
        "contact-phone-changed",
        "contact-hours-changed",
    }


def test_the_other_way_round_gives_the_opposite_changes() -> None:
    old, new = load_pack(OLD).pack, load_pack(NEW).pack
    assert old is not None
    assert new is not None
    backwards = diff_packs(new, old)
    by_kind = {c.kind: c.text for c in backwards.changes}
    assert "Removed Level 2 concern health-unregistered-l2" in by_kind["indicator-removed"]
    assert "now needs at least 1 matching answers (was 2)" in by_kind["count-threshold-changed"]
    assert "health-harm-l4 is now health-injury-l4" in by_kind["indicator-id-replaced"]


def test_the_same_pack_has_no_changes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "diff", str(OLD), str(OLD)]) == 0
    assert "Nothing that changes the guidance." in capsys.readouterr().out


def test_an_invalid_or_missing_pack_is_refused(tmp_path: Path) -> None:
    assert main(["pack", "diff", str(OLD), str(tmp_path / "nowhere")]) == 2
    (tmp_path / "pack.yaml").write_text("id: [\n")
    assert main(["pack", "diff", str(OLD), str(tmp_path)]) == 1


def test_rules_contacts_and_questions_added_removed_and_changed() -> None:
    from thresholds_app.core.base.records import replace

    old = load_pack(OLD).pack
    assert old is not None
    emergency, _level_4, level_2, level_1 = old.rules
    harsher = replace(level_2, then=replace(level_2.then, level=3, emergency=True))
    new_rule = replace(level_1, id="rule-new", label="A new rule")
    mash, edt = old.contacts["mash"], old.contacts["edt"]
    question = old.questions["immediate-danger"]
    new = replace(
        old,
        rules=(emergency, harsher, level_1, new_rule),
        contacts={"mash": replace(mash, name="The MASH", out_of_hours=None), "police": edt},
        questions={"immediate-danger": replace(question, text="Is the child in danger now?")},
    )
    texts = [c.text for c in diff_packs(old, new).changes]
    assert "Rule “A Level 2 indicator” (rule-level-2) now indicates Level 3 (was Level 2)." in texts
    assert (
        "Rule “A Level 2 indicator” (rule-level-2) now calls for emergency action (999)." in texts
    )
    assert "New rule “A new rule” (rule-new), indicating Level 1." in texts
    assert "Removed rule “A Level 4 indicator” (rule-level-4)." in texts
    assert "Test MASH is now called The MASH." in texts
    assert "Out of hours, The MASH now hands over to no one (was edt)." in texts
    assert "Removed contact Test EDT (0100 000 0001)." in texts
    assert "New contact Test EDT: 0100 000 0001 (no set hours)." in texts
    assert (
        "Question immediate-danger reworded: was “Is the child in immediate danger?”, "
        "now “Is the child in danger now?”."
    ) in texts
