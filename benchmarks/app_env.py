"""The environment each benchmark starts the app (or a yardstick window) in.

Offscreen unless a platform is given; data, config and cache folders in ``tmp``, so no draft
recovery prompt, remembered setting or another checkout's pack cache changes the figures; and
compiled bytecode, as an installed app has (``PYTHONDONTWRITEBYTECODE`` left set would make every
run compile the app's modules from source).
"""

from __future__ import annotations

import os
from pathlib import Path


def fresh_app_env(tmp: str | Path, **extra: str) -> dict[str, str]:
    """``os.environ`` for a child run with its own folders under ``tmp``, plus ``extra``."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_DATA_HOME=str(Path(tmp) / "data"),
        XDG_CONFIG_HOME=str(Path(tmp) / "config"),
        XDG_CACHE_HOME=str(Path(tmp) / "cache"),
        **extra,
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
