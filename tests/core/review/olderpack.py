"""An older version of the real pack, and a case made under it, for the review tests.

The older pack is the real Solihull pack copied and edited the way guidance changes between
versions: a version number, a rule that indicated Level 4 (it now only warns), a rule worded
differently, and an indicator that has since been retired. It passes the real validator.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from thresholds_app.core.case.record import CaseRecord, PackRef, case_from_json
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.engine import assess
from thresholds_app.paths import examples_dir

REAL_PACK = Path(__file__).resolve().parents[3] / "guidance" / "solihull-rhrt"
RETIRED = "fe-retired-worry-l2"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update the older pack"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_older_pack(folder: Path) -> Path:
    """Copy the real pack into ``folder`` and turn it into an older version; return its path."""
    target = folder / "solihull-rhrt-0.0.9"
    shutil.copytree(REAL_PACK, target)
    pack_yaml = target / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    current = re.search(r'^version: "([^"]+)"', text, flags=re.M)
    assert current, "pack.yaml has no version line: update the older pack"
    _edit(pack_yaml, current.group(0), 'version: "0.0.9"')
    _edit(
        target / "rules.yaml",
        "label: A Level 3 concern is present",
        "label: There is a Level 3 concern",
    )
    _edit(
        target / "rules.yaml",
        "                    distinct: domain\n    then:\n      # What to do",
        "                    distinct: domain\n    then:\n      level: 4\n      # What to do",
    )
    _edit(
        target / "domains" / "family-environment.yaml",
        "indicators:\n",
        f"""indicators:
  - id: {RETIRED}
    area: family-history-functioning
    level: 2
    kind: concern
    text: A worry about the family that this older guidance listed separately.
    examples:
      - One example.
      - Another example.
    source: peer-threshold-indicators

""",
    )
    _edit(target / "ids.yaml", "published:\n", f"published:\n  - {RETIRED}\n")
    return target


def current_version() -> str:
    """The version of the pack in force now (the real pack)."""
    text = (REAL_PACK / "pack.yaml").read_text(encoding="utf-8")
    found = re.search(r'^version: "([^"]+)"', text, flags=re.M)
    assert found
    return found.group(1)


def example_case(name: str = "level-3-consent-refused") -> CaseRecord:
    return case_from_json((examples_dir() / f"{name}.json").read_bytes())


def case_under(pack: Pack, case: CaseRecord) -> CaseRecord:
    """``case`` as if the referrer had made it with ``pack``."""
    case.pack = PackRef.of(pack)
    case.assessment = assess(pack, case.answers, case.context())
    return case


def document(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


MARKER = "ZQXMARKER"  # put into every personal or free-text field; must never reach the counts


def marked_case(number: int, pack: Pack) -> CaseRecord:
    """A real example case with every personal and free-text field holding a marker."""
    case = example_case(
        ("level-2-attendance", "level-3-consent-refused", "level-4-sibling-group")[number % 3]
    )
    case.child.reference = f"{MARKER}-REF-{number}"
    case.child.name = f"{MARKER} Child {number}"
    case.child.household_reference = f"{MARKER}-HH-{number // 2}"
    case.free_text.worry = f"{MARKER} worry"
    case.free_text.child_voice = f"{MARKER} voice"
    case.referrer.name = f"{MARKER} Referrer"
    case.referrer.agency = f"{MARKER} Primary School" if number % 4 else f"{MARKER} GP surgery"
    case.referrer.contact = f"{MARKER}@example.invalid"
    case.decision.reasons = f"{MARKER} reasons"
    case.created = case.updated = f"2026-11-{1 + number % 28:02d}T09:{number % 60:02d}:17Z"
    return case_under(pack, case)
