"""A cache of validated packs, keyed by a hash of their files, the schemas and the app version.

It holds only guidance content (never anything about a child), as JSON. An entry is trusted only
when it is whole: it names its key and carries the SHA-256 of its own text, so a damaged or
hand-edited entry (one rule changed in a text editor) is discarded and the pack is validated
again from its files. Anything unreadable or wrongly shaped is a miss, never an error. The
digest does not stop someone who recomputes it; signed packs close that gap by keying the cache
on their verified manifest.

An entry is one JSON object whose text starts ``{"digest":"<64 hex digits>",``; the digest is
the SHA-256 of the text after that prefix, exactly as written. Checking it hashes the bytes read
(about 1 ms) rather than serialising the parsed data again in a canonical form (about 20 ms of
every start).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

_PREFIX = '{"digest":"'
_DIGEST_END = len(_PREFIX) + 64  # then '",' and the rest of the entry


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def entry_text(key: str, data: dict[str, Any], lines: dict[str, list[int]]) -> str:
    """The text of a cache entry for ``key``: its digest first, covering everything after it."""
    rest = json.dumps({"key": key, "data": data, "lines": lines}, ensure_ascii=False)[1:]
    return f'{_PREFIX}{_digest(rest)}",{rest}'


def read(cache_dir: Path, key: str) -> tuple[dict[str, Any], dict[str, list[int]]] | None:
    """Return the cached (data, case lines) for ``key``; None on a miss, damage or an edit.

    A damaged or edited entry is deleted so the next start does not read it again.
    """
    path = cache_dir / f"{key}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        discard(cache_dir, key)
        return None
    whole = (
        text.startswith(_PREFIX)
        and text[_DIGEST_END : _DIGEST_END + 2] == '",'
        and text[len(_PREFIX) : _DIGEST_END] == _digest(text[_DIGEST_END + 2 :])
    )
    try:
        stored = json.loads(text) if whole else None
    except ValueError:
        stored = None
    if (
        not isinstance(stored, dict)
        or stored.get("key") != key
        or not isinstance(stored.get("data"), dict)
        or not isinstance(stored.get("lines"), dict)
    ):
        discard(cache_dir, key)
        return None
    return stored["data"], stored["lines"]


def discard(cache_dir: Path, key: str) -> None:
    """Delete the entry for ``key`` (it was damaged, edited or could not be built)."""
    try:
        (cache_dir / f"{key}.json").unlink(missing_ok=True)
    except OSError:
        return


def write(cache_dir: Path, key: str, data: dict[str, Any], lines: dict[str, list[int]]) -> None:
    """Store validated pack data; failures are ignored (the cache is only a speed-up)."""
    from thresholds_app.core.base.atomic import atomic_write_text  # not on the start path

    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("*.json"):
            old.unlink(missing_ok=True)  # keep one entry: the newest pack validated
        atomic_write_text(cache_dir / f"{key}.json", entry_text(key, data, lines))
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
