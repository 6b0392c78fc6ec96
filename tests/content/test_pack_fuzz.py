"""Near-valid packs: mutate the minimal pack at random; the loader only ever reports problems.

Set THRESHOLDS_FUZZ_EXAMPLES (default 150) for a longer run, e.g. 1500 before a release.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thresholds_app.core.base.problems import Problem
from thresholds_app.core.pack.load import load_pack

MINIMAL = Path(__file__).resolve().parent.parent / "data" / "packs" / "minimal"
FILES = sorted(str(p.relative_to(MINIMAL)) for p in MINIMAL.rglob("*.yaml"))
TOKENS = [
    "yes",
    "no",
    "~",
    "- ",
    ": ",
    "&a ",
    "*a",
    "<<: ",
    "!!str ",
    "\t",
    "'",
    '"',
    "[",
    "{",
    "5",
    "-1",
    "2024-01-01",
    "\u00e9",
    "\U0001f600",
    "\x00",
    "level: 9",
    "id: mash",
]


@st.composite
def mutation(draw: st.DrawFn) -> tuple[str, list[tuple[str, int, str]]]:
    name = draw(st.sampled_from(FILES))
    edits = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["delete", "duplicate", "insert", "replace"]),
                st.integers(min_value=0, max_value=60),
                st.sampled_from(TOKENS),
            ),
            min_size=1,
            max_size=4,
        )
    )
    return name, edits


def apply(text: str, edits: list[tuple[str, int, str]]) -> str:
    lines = text.splitlines(keepends=True) or [""]
    for op, index, token in edits:
        i = index % len(lines)
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "insert":
            cut = index % (len(lines[i]) + 1)
            lines[i] = lines[i][:cut] + token + lines[i][cut:]
        else:
            lines[i] = lines[i].split(":", 1)[0] + ": " + token + "\n"
    return "".join(lines)


@settings(
    max_examples=int(os.environ.get("THRESHOLDS_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(mutation())
def test_mutated_pack_gives_a_pack_or_problems_never_an_exception(
    change: tuple[str, list[tuple[str, int, str]]],
) -> None:
    name, edits = change
    with tempfile.TemporaryDirectory() as tmp:
        pack_dir = Path(tmp) / "pack"
        shutil.copytree(MINIMAL, pack_dir)
        target = pack_dir / name
        target.write_text(apply(target.read_text(encoding="utf-8"), edits), encoding="utf-8")
        start = time.perf_counter()
        result = load_pack(pack_dir)
        assert time.perf_counter() - start < 2
    assert result.pack is not None or result.problems
    assert all(isinstance(p, Problem) and p.message and p.file for p in result.problems)
