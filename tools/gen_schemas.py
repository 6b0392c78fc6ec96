"""Write the shipped JSON Schemas from their source, ``thresholds_app.schemas.source``.

    python tools/gen_schemas.py          # write the schemas
    python tools/gen_schemas.py --check  # exit 1 if the shipped schemas differ

The same as ``python -m thresholds_app.schemas.source``; kept so old habits and ``dev.py`` work
from a checkout without installing the package.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from thresholds_app.schemas.source import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
