"""``thresholds render`` gets core's safety rules: expiry, the unanswered danger question, drafts.

Run as a real subprocess on a real copy of the bundled pack, edited as YAML.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from thresholds_app.core.case.record import load_case, save_case
from thresholds_app.paths import default_pack_dir, examples_dir

SRC = Path(__file__).resolve().parents[2] / "src"


def thresholds(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "thresholds_app.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def expired_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), pack)
    manifest = pack / "pack.yaml"
    text = re.sub(r"^expires: .*$", 'expires: "2020-06-01"', manifest.read_text(), flags=re.M)
    manifest.write_text(text)
    return pack


def pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_render_under_an_expired_pack_never_prints_the_guidance_level(tmp_path: Path) -> None:
    pack = expired_pack(tmp_path)
    checked = thresholds("validate", str(pack))
    assert checked.returncode == 0, checked.stdout + checked.stderr  # it is a valid pack
    example = examples_dir() / "level-4-sibling-group.json"
    out, text = tmp_path / "r.pdf", tmp_path / "r.txt"
    args = ["render", str(example), "-o", str(out), "--text", str(text), "--pack", str(pack)]
    refused = thresholds(*args, "--now", "2026-11-24T10:00")
    # The practitioner's Level 4 now differs from a withheld level: they must say how they decided.
    assert refused.returncode == 1
    assert "expired on 2020-06-01" in refused.stderr
    assert "not in force" in refused.stderr
    drawn = thresholds(*args, "--now", "2026-11-24T10:00", "--draft")
    assert drawn.returncode == 0, drawn.stderr
    body = text.read_text(encoding="utf-8")
    guidance = next(line for line in body.splitlines() if line.startswith("The guidance"))
    assert "Level" not in guidance
    assert "Not shown" in guidance
    assert "expired on 2020-06-01" in body
    reasons = body.split("WHY THE GUIDANCE INDICATES THIS LEVEL")[1].split("INDICATORS")[0]
    assert not re.search(r"Level \d", reasons)
    first = pages(out)[0]
    assert "expired on 2020-06-01" in first
    assert not re.search(r"The guidance indicates\s*Level", first)


def test_render_refuses_while_the_danger_question_is_unanswered(tmp_path: Path) -> None:
    case = load_case(examples_dir() / "level-2-attendance.json")
    del case.answers["immediate-danger"]
    path = tmp_path / "case.json"
    save_case(case, path)
    out, text = tmp_path / "r.pdf", tmp_path / "r.txt"
    refused = thresholds("render", str(path), "-o", str(out), "--now", "2026-11-24T10:00")
    assert refused.returncode == 1
    assert "Answer yes or no: Is the child in immediate danger" in refused.stderr
    assert not out.exists()
    drawn = thresholds(
        "render", str(path), "-o", str(out), "--text", str(text), "--now", "2026-11-24T10:00",
        "--draft",
    )  # fmt: skip
    assert drawn.returncode == 0, drawn.stderr
    body = text.read_text(encoding="utf-8")
    assert "Emergency: No" not in body.replace("Emergency: Not answered", "")
    assert "Emergency: Not answered" in body
    every = pages(out)
    assert len(every) > 1
    assert all("DRAFT: not ready to send" in page for page in every)


def test_assess_under_an_expired_pack_shows_no_level(tmp_path: Path) -> None:
    import json

    pack = expired_pack(tmp_path)
    example = str(examples_dir() / "level-4-sibling-group.json")
    shown = thresholds("assess", example, "--pack", str(pack), "--now", "2026-11-24T10:00")
    assert shown.returncode == 0, shown.stderr
    assert "expired on 2020-06-01" in shown.stdout
    assert "The guidance indicates Level" not in shown.stdout
    assert "not shown" in shown.stdout
    data = thresholds(
        "assess", example, "--pack", str(pack), "--now", "2026-11-24T10:00", "--format", "json"
    )
    result = json.loads(data.stdout)
    assert result["indicated_level"] is None
    assert result["level_withheld"] is True
