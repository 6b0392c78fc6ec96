"""Write the Group Policy templates (ADMX/ADML) from the settings schema, or check them.

python tools/gen_admx.py          write packaging/windows/policy/
python tools/gen_admx.py --check  exit 1 if the shipped templates differ from the schema
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from thresholds_app.core.config.admx import templates  # noqa: E402

OUT = ROOT / "packaging" / "windows" / "policy"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, text in templates().items():
        path = OUT / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\r\n")
    if stale:
        print("out of date (run python tools/gen_admx.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
