"""The hazard log (docs/safety/hazard-log.yaml) stays true to the code and its tests.

Every hazard must have at least one control, every control at least one test, and every test it
names must exist, so a renamed or deleted test cannot leave a hazard without evidence.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "docs" / "safety" / "hazard-log.yaml"
DESIGN_HAZARDS = [f"H{n:02}" for n in range(1, 21)]
TEST_ID = re.compile(r"^(tests/[\w/]+\.py)::(test_\w+)$")


@cache
def _hazards() -> list[dict[str, object]]:
    data = yaml.safe_load(LOG.read_text(encoding="utf-8"))
    hazards = data["hazards"]
    assert isinstance(hazards, list)
    return hazards


@cache
def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_design_hazard_is_in_the_log_once() -> None:
    ids = [h["id"] for h in _hazards()]
    assert len(ids) == len(set(ids))
    assert set(DESIGN_HAZARDS) <= set(ids)


@pytest.mark.parametrize("hazard", _hazards(), ids=lambda h: str(h["id"]))
def test_each_hazard_has_controls_with_tests_that_exist(hazard: dict[str, object]) -> None:
    for field in ("title", "cause", "effect", "residual_risk"):
        assert str(hazard.get(field) or "").strip(), f"{hazard['id']} has no {field}"
    controls = hazard.get("controls")
    assert isinstance(controls, list)
    assert controls, f"{hazard['id']} has no control"
    for control in controls:
        assert str(control.get("text") or "").strip()
        tests = control.get("tests")
        assert tests, f"{hazard['id']}: the control {control['text']!r} names no test"
        for test_id in tests:
            match = TEST_ID.match(test_id)
            assert match, f"{hazard['id']}: {test_id!r} is not path::test_name"
            path = ROOT / match.group(1)
            assert path.is_file(), f"{hazard['id']}: {match.group(1)} does not exist"
            assert match.group(2) in _tests_in(path), f"{hazard['id']}: {test_id} does not exist"
