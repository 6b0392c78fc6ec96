"""Where shipped content lives: the one place that knows.

In a source checkout the content folders sit at the top of the repository; in an installed wheel
or a frozen bundle they are copied into ``thresholds_app/_content``. Every path to shipped content
(packs, fonts, icons, examples) goes through :func:`content_root`.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_PACK_ID = "solihull-rhrt"


def content_root() -> Path:
    """Return the folder that holds ``guidance/``, ``resources/`` and ``examples/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "thresholds_app" / "_content"
    installed = _PACKAGE_DIR / "_content"
    if (installed / "guidance").is_dir():
        return installed
    return _PACKAGE_DIR.parent.parent  # src/thresholds_app -> repository root


def is_source_checkout() -> bool:
    """True when running from the repository (not an installed wheel or a frozen bundle)."""
    return content_root() == _PACKAGE_DIR.parent.parent


def guidance_dir() -> Path:
    """Return the folder holding the bundled guidance packs."""
    return content_root() / "guidance"


def default_pack_dir() -> Path:
    """Return the bundled Solihull pack's folder."""
    return guidance_dir() / DEFAULT_PACK_ID


def resources_dir() -> Path:
    """Return the folder holding fonts, icons, styles and translations."""
    return content_root() / "resources"


def shipped_keys_dir() -> Path:
    """Return the folder of pack signing public keys installed with the app (may not exist)."""
    return resources_dir() / "keys"


def examples_dir() -> Path:
    """Return the folder holding the invented example case files."""
    return content_root() / "examples"


def schema_dir() -> Path:
    """Return the folder holding the JSON Schemas (always inside the package)."""
    return _PACKAGE_DIR / "schemas"
