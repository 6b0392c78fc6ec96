"""Screenshots of the real app, every screen, at the sizes and text sizes we support.

    python tools/screenshots.py                 # the full matrix into /tmp/thresholds-shots
    python tools/screenshots.py --readme        # also refresh docs/screenshots/*.png
    python tools/screenshots.py --only 1280x720,1.5,light --out DIR

Each configuration runs the app itself (``run_app``, as a user starts it) in a fresh process on
Qt's offscreen platform with a screen of the given size, fresh settings in a temporary folder, and
no display needed. The app is then driven as a user would drive it: the View menu's "Larger text"
and "High contrast", the start screen's "New assessment", answers clicked, text typed, F9. The
walk is the teacher's worry from issue 11 (a hungry, unkempt 9-year-old with a younger sibling at
home); every case detail is invented.

Matrix: 1280x720 and 1600x1000 screens, 100%, 150% and 200% text, light and high contrast. Files are
named ``<screen>-<size>-<colours>-<screen name>.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ("1280x720", "1600x1000")
SCALES = ("1.0", "1.5", "2.0")
COLOURS = ("light", "contrast")
# README pictures: (file in docs/screenshots, configuration, screen name)
README = {
    "start.png": ("1600x1000", "1.0", "light", "start"),
    "assessment.png": ("1600x1000", "1.0", "light", "3-needs"),
    "consent-step-up.png": ("1600x1000", "1.0", "light", "4-consent"),
    "emergency.png": ("1600x1000", "1.0", "light", "emergency"),
    "guidance-browser.png": ("1600x1000", "1.0", "light", "guidance"),
    "high-contrast-large-text.png": ("1280x720", "1.5", "contrast", "2-child"),
    "settings.png": ("1600x1000", "1.0", "light", "settings"),
    "step-up-review.png": ("1600x1000", "1.0", "light", "review"),
    "batch.png": ("1280x720", "1.0", "light", "mash-list"),
    "review.png": ("1280x720", "1.0", "light", "mash-case"),
    "presenter.png": ("1280x720", "1.0", "light", "presenter"),
    "practice-result.png": ("1280x720", "1.0", "light", "practice-result"),
}


def run_one(size: str, scale: str, colours: str, out: Path) -> int:
    """Start the app in a child process for one configuration; return its exit code."""
    width, height = (int(v) for v in size.split("x"))
    with tempfile.TemporaryDirectory(prefix="thresholds-shots-") as home:
        screen = Path(home) / "screen.json"
        screen.write_text(
            json.dumps(
                {
                    "screens": [
                        {
                            "name": "shots",
                            "x": 0,
                            "y": 0,
                            "width": width,
                            "height": height,
                            "logicalDpi": 96,
                            "logicalBaseDpi": 96,
                            "dpr": 1,
                        }
                    ]
                }
            )
        )
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
            XDG_CONFIG_HOME=str(Path(home) / "config"),
            XDG_CACHE_HOME=str(Path(home) / "cache"),
            XDG_DATA_HOME=str(Path(home) / "data"),
            HOME=home,
            QT_LOGGING_RULES="qt.qpa.*=false",
            PYTHONPATH=os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]),
        )
        args = [sys.executable, __file__, "--child", size, scale, colours, str(out)]
        return subprocess.run(args, env=env, timeout=180, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    """Run the matrix (or one configuration) and optionally refresh the README's pictures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="/tmp/thresholds-shots", help="folder for the PNGs")
    parser.add_argument("--only", help="one configuration: SIZE,SCALE,COLOURS")
    parser.add_argument("--readme", action="store_true", help="refresh docs/screenshots too")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        from shots_walk import walk

        return walk(*options.child)
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    if options.only:
        configs = [tuple(options.only.split(","))]
    else:
        configs = [(s, t, c) for s in SIZES for t in SCALES for c in COLOURS]
    if options.readme:
        configs += [c[:3] for c in README.values() if c[:3] not in configs]
    failed = 0
    for size, scale, colours in configs:
        code = run_one(size, scale, colours, out)
        print(f"{size} text {float(scale):.0%} {colours}: {'ok' if code == 0 else code}")
        failed += code != 0
    if options.readme:
        target = ROOT / "docs" / "screenshots"
        for name, (size, scale, colours, screen) in README.items():
            shutil.copyfile(out / f"{size}-{scale}-{colours}-{screen}.png", target / name)
        print(f"refreshed {len(README)} pictures in {target}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
