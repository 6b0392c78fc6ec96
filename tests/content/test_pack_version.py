"""A pack's version must change whenever its content does (issue 16).

Case files record the pack id, version and content hash they were made with; the MASH review
and re-assessment explain differences by version. If content changes while the version stays
the same, two different sets of guidance share one name. ``pack_fingerprints.json`` records the
content hash of each version; after a deliberate content change, bump ``version`` in the pack's
``pack.yaml`` and refresh the record with ``UPDATE_PACK_FINGERPRINTS=1 pytest`` this file, then
refresh the examples (``UPDATE_EXAMPLES=1``) so they carry the new pack reference.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from thresholds_app.core.case.record import load_case
from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir, examples_dir

RECORD = Path(__file__).with_name("pack_fingerprints.json")


def test_content_changes_come_with_a_new_version() -> None:
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    record: dict[str, dict[str, str]] = json.loads(RECORD.read_text(encoding="utf-8"))
    m = pack.manifest
    if os.environ.get("UPDATE_PACK_FINGERPRINTS") == "1":
        record.setdefault(m.id, {})[m.version] = pack.content_hash
        RECORD.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    versions = record.get(m.id, {})
    assert m.version in versions, (
        f"version {m.version} of {m.id} is not recorded: run with UPDATE_PACK_FINGERPRINTS=1"
    )
    assert versions[m.version] == pack.content_hash, (
        f"the content of {m.id} changed but its version is still {m.version}: bump the version "
        "in pack.yaml, then run with UPDATE_PACK_FINGERPRINTS=1"
    )


def test_examples_carry_the_current_pack_reference() -> None:
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    for path in sorted(Path(examples_dir()).glob("*.json")):
        ref = load_case(path).pack
        assert (ref.id, ref.version, ref.hash) == (
            pack.manifest.id,
            pack.manifest.version,
            pack.content_hash,
        ), f"{path.name} is stale: refresh the examples with UPDATE_EXAMPLES=1"
