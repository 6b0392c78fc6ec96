"""``python -m thresholds_app.schemas.source [--check]``."""

import sys

from thresholds_app.schemas.source import main

sys.exit(main(sys.argv[1:]))
