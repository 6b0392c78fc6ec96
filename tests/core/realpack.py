"""The bundled Solihull pack copied to a temporary folder, edited as YAML, loaded for real.

Every pack made here passes through the real loader (schema, cross-references, contract), so a
test can never run on a pack the app would refuse.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.paths import default_pack_dir

Edit = Callable[[str], str]


def copy_pack(into: Path, edits: Mapping[str, Edit] | None = None) -> Path:
    """Copy the bundled pack to ``into``/pack and apply ``edits`` (file name -> text -> text)."""
    folder = into / "pack"
    shutil.copytree(default_pack_dir(), folder)
    for name, edit in (edits or {}).items():
        path = folder / name
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def load(folder: Path) -> Pack:
    """Load ``folder`` with the real loader; fail with its problems if it does not load."""
    result = load_pack(folder)
    assert result.pack is not None, [str(p) for p in result.problems[:5]]
    return result.pack


def real_pack(into: Path, edits: Mapping[str, Edit] | None = None) -> Pack:
    """A copy of the bundled pack with ``edits``, loaded for real."""
    return load(copy_pack(into, edits))


def set_key(key: str, value: str) -> Edit:
    """An edit that sets a top-level ``key: value`` line (adding it if absent)."""

    def edit(text: str) -> str:
        pattern = re.compile(rf"^{re.escape(key)}:.*$", re.M)
        if pattern.search(text):
            return pattern.sub(f"{key}: {value}", text)
        return text + f"\n{key}: {value}\n"

    return edit
