"""The pack argument every command shares: find the folder, load it, or say why not."""

from __future__ import annotations

import sys
from pathlib import Path

from thresholds_app.core.pack.model import Pack


def load_pack_for(command: str, pack_dir: Path | None) -> Pack | int:
    """Load the valid pack in ``pack_dir`` (default: the bundled one) for ``command``.

    Returns the pack, or prints the problems to stderr and returns exit code 2: the pack is the
    command's input, and ``thresholds validate`` is the command that explains a broken one.
    """
    from thresholds_app.core.pack.cache import default_cache_dir
    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.paths import default_pack_dir

    folder = pack_dir or default_pack_dir()
    if not folder.is_dir():
        print(f"thresholds {command}: {folder} is not a folder", file=sys.stderr)
        return 2
    result = load_pack(folder, cache_dir=default_cache_dir())  # validated once per content
    if result.pack is None or result.problems:
        print(f"thresholds {command}: the guidance pack in {folder} is not valid:", file=sys.stderr)
        for problem in result.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        if len(result.problems) > 20:
            print(
                f"  ...and {len(result.problems) - 20} more (run thresholds validate)",
                file=sys.stderr,
            )
        return 2
    return result.pack
