"""Lays a rationale or the guidance book out as PDF with reportlab (nothing else).

reportlab runs ``reportlab_settings.py`` from the import path and ``~/.reportlab_settings`` as
Python code when it is first imported, so anyone who can write a file in the user's home folder
or the working folder could run code inside every export. Importing this package loads
reportlab's configuration with both turned off, before any other module imports reportlab.
"""

from __future__ import annotations

import os
import sys


def _load_reportlab_settings_safely() -> None:
    if "reportlab.rl_config" in sys.modules:
        return
    saved_module = sys.modules.get("reportlab_settings", ...)
    saved_env = {name: os.environ.get(name) for name in ("HOME", "USERPROFILE")}
    sys.modules["reportlab_settings"] = None  # type: ignore[assignment]  # import now fails
    for name in saved_env:  # ~ then names a folder that does not exist
        os.environ[name] = os.path.join(os.devnull, "no-settings")
    try:
        import reportlab.rl_config  # noqa: F401 - read once, here
    finally:
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if saved_module is ...:
            sys.modules.pop("reportlab_settings", None)
        else:
            sys.modules["reportlab_settings"] = saved_module


_load_reportlab_settings_safely()
