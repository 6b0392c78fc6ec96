"""``python -m thresholds_app``: start the desktop app."""

from __future__ import annotations

import sys


def main() -> int:
    """Start the Qt application (imported here so the CLI never loads Qt)."""
    from thresholds_app.ui.app import run_app

    return run_app(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
