"""A cache of validated packs, keyed by a hash of their files, the schemas and the app version.

It holds only guidance content (never anything about a child), as JSON, so a damaged or
tampered cache entry can at worst be ignored: anything unreadable is treated as a miss.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any


def read(cache_dir: Path, key: str) -> tuple[dict[str, Any], dict[str, list[int]]] | None:
    """Return the cached (data, case lines) for ``key``, or None on a miss or damage."""
    try:
        stored = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        if stored.get("key") != key:
            return None
        return stored["data"], stored["lines"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write(cache_dir: Path, key: str, data: dict[str, Any], lines: dict[str, list[int]]) -> None:
    """Store validated pack data; failures are ignored (the cache is only a speed-up)."""
    from thresholds_app.core.base.atomic import atomic_write_text  # not on the start path

    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("*.json"):
            old.unlink(missing_ok=True)  # keep one entry: the newest pack validated
        payload = json.dumps({"key": key, "data": data, "lines": lines}, ensure_ascii=False)
        atomic_write_text(cache_dir / f"{key}.json", payload)
    except OSError:
        return


def default_cache_dir() -> Path:
    """The per-user cache folder for validated packs (where platformdirs would put it).

    Worked out here rather than with platformdirs, whose import costs start-up 7 ms.
    """
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / "thresholds_app" / "Cache" / "packs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "thresholds_app" / "packs"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "thresholds_app" / "packs"
