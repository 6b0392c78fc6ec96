"""Entry point for the frozen app (PyInstaller needs a script, not a module)."""

import sys

from thresholds_app.__main__ import main

sys.exit(main())
