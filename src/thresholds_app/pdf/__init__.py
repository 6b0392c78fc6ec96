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
    real_expanduser = os.path.expanduser

    def no_settings_file(path: str) -> str:
        # Only the settings file is hidden: reportlab derives other folders from ~ too.
        if os.path.basename(str(path)) == ".reportlab_settings":
            return os.path.join(os.devnull, "no-settings")
        return real_expanduser(path)

    saved_module = sys.modules.get("reportlab_settings", ...)
    sys.modules["reportlab_settings"] = None  # type: ignore[assignment]  # import now fails
    os.path.expanduser = no_settings_file  # type: ignore[assignment]
    try:
        import reportlab.rl_config  # noqa: F401 - read once, here
    finally:
        os.path.expanduser = real_expanduser
        if saved_module is ...:
            sys.modules.pop("reportlab_settings", None)
        else:
            sys.modules["reportlab_settings"] = saved_module


_load_reportlab_settings_safely()

import reportlab  # noqa: E402 - after its configuration is loaded safely

from thresholds_app.core.base.dependencies import require_safe  # noqa: E402

require_safe("reportlab", reportlab.Version)
