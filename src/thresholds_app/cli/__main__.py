"""``python -m thresholds_app.cli``: the same as the ``thresholds`` command."""

import sys

from thresholds_app.cli import main

sys.exit(main())
