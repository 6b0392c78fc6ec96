"""How far each part of the pack is confirmed, in words (issue 11 walk: the start screen said
"1 of 7 parts confirmed …; the rest follows the regional pattern", though three parts are
partly confirmed from Solihull's own reports)."""

from __future__ import annotations

from thresholds_app.core.base.records import replace
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import PartStatus
from thresholds_app.core.pack.provenance import part_line, provenance_summary
from thresholds_app.paths import default_pack_dir


def _manifest():  # type: ignore[no-untyped-def]
    result = load_pack(default_pack_dir())
    assert result.pack is not None
    return result.pack.manifest


def test_each_status_names_its_own_parts() -> None:
    words = provenance_summary(_manifest())
    assert "Confirmed against the partnership's own publication: contacts." in words
    assert (
        "Partly confirmed against the partnership's own publication; the rest follows the "
        "regional pattern: special pathways, rules that suggest a level, consent and golden "
        "rules." in words
    )
    assert (
        "Follows the regional pattern; not yet validated locally: levels of need, indicators, "
        "stepping up and down." in words
    )
    assert "training" not in words.lower()  # the scenarios are invented by design
    assert "-" not in words.replace("-ups", "")  # no raw status codes such as "regional-pattern"


def test_every_part_confirmed_says_so_and_a_part_line_carries_its_note() -> None:
    manifest = _manifest()
    parts = {n: replace(p, status="confirmed") for n, p in manifest.parts.items()}
    assert provenance_summary(replace(manifest, parts=parts)) == (
        "Every part is confirmed against the partnership's published guidance."
    )
    line = part_line(PartStatus(status="regional-pattern", note="Follows peers."))
    assert line == "Follows the regional pattern; not yet validated locally. Follows peers."
