"""The release fuzzers' targets stay runnable without atheris: each takes its seeds and garbage.

``tools/fuzz_atheris.py`` runs them under libFuzzer (when atheris is installed); here each
target is called directly, so a renamed function or a changed error type shows in CI.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "fuzz_atheris.py"
_spec = importlib.util.spec_from_file_location("fuzz_atheris", TOOL)
assert _spec is not None
assert _spec.loader is not None
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["fuzz_atheris"] = fuzz
_spec.loader.exec_module(fuzz)

GARBAGE = [b"", b"\x00", b"{", b"\xff\xfe", b"- [a: {b", b'{"format": "thresholds-case"}', b"*a"]


@pytest.mark.parametrize("target", fuzz.TARGETS)
def test_each_target_takes_its_seeds_and_garbage_without_an_exception(target: str) -> None:
    function = fuzz.make_target(target)
    inputs = fuzz.seeds(target)
    assert inputs
    for data in [*inputs, *GARBAGE, *(bytes([i]) + g for i in range(3) for g in GARBAGE)]:
        function(data)
