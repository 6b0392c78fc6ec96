"""Set up and run thresholds_app, or its tests, from a fresh checkout: the README's two commands.

    python3 dev.py run [APP ARGS...]   set up .venv, then start the app on the bundled pack
    python3 dev.py test [PYTEST ARGS...]  set up .venv with test tools, then run every check
    python3 dev.py bundle [--smoke]   build the desktop bundle (packaging/build_bundle.py)

On Windows use ``py dev.py run`` and ``py dev.py test``. Only the standard library is used here,
so it runs before anything is installed. The virtual environment is refreshed whenever
pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
VENV_PYTHON = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")

# Shared libraries Qt's X11 platform plugin needs that minimal Linux installs often lack,
# with the Debian/Ubuntu package that provides each.
QT_LINUX_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def ensure_venv(extra: str) -> None:
    """Create .venv and install the package (with ``extra``) when pyproject.toml has changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"[dev] Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    stamp = VENV / f".installed-{extra or 'app'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and VENV_PYTHON.exists():
        return
    if not VENV_PYTHON.exists():
        say("creating the virtual environment in .venv")
        if VENV.exists():
            shutil.rmtree(VENV)
        if run(sys.executable, "-m", "venv", VENV) != 0:
            sys.exit(
                "[dev] could not create .venv (on Debian/Ubuntu: sudo apt-get install python3-venv)"
            )
    say("installing thresholds_app and its dependencies (first run takes a minute)")
    target = f".[{extra}]" if extra else "."
    quiet = ["--quiet"] if os.environ.get("CI") else []
    if run(VENV_PYTHON, "-m", "pip", "install", *quiet, "--upgrade", "pip") != 0:
        sys.exit("[dev] pip could not be upgraded; see the messages above")
    if run(VENV_PYTHON, "-m", "pip", "install", *quiet, "-e", target) != 0:
        sys.exit("[dev] installing the dependencies failed; see the messages above")
    stamp.write_text(wanted)


def missing_qt_libraries() -> list[str]:
    """Debian packages whose libraries Qt's X11 plugin cannot find (Linux only)."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    code = "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent)"
    pyside = subprocess.run(
        [str(VENV_PYTHON), "-c", code], capture_output=True, text=True, check=False
    ).stdout.strip()
    plugin = Path(pyside) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return []
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False)
    missing = {line.split()[0] for line in ldd.stdout.splitlines() if "not found" in line}
    return sorted({QT_LINUX_PACKAGES.get(lib, lib) for lib in missing})


def ensure_qt_can_start() -> None:
    """Install missing Qt system libraries where we may (root), or stop with the exact line."""
    if os.environ.get("QT_QPA_PLATFORM") in ("offscreen", "minimal", "wayland"):
        return
    packages = missing_qt_libraries()
    if not packages:
        return
    line = "apt-get install -y " + " ".join(packages)
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing Qt's missing system libraries: {line}")
        if run("apt-get", "update", "-qq") == 0 and run(*line.split()) == 0:
            return
    sys.exit(
        "[dev] Qt needs system libraries that are missing. Install them, then run again:\n"
        f"    sudo {line}\n"
        "(or try without a window system: QT_QPA_PLATFORM=offscreen python3 dev.py run)"
    )


def cmd_run(args: list[str]) -> int:
    ensure_venv("")
    ensure_qt_can_start()
    say("starting thresholds_app on the bundled Solihull pack")
    return run(VENV_PYTHON, "-m", "thresholds_app", *args)


def cmd_test(args: list[str]) -> int:
    ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    bin_dir = VENV_PYTHON.parent
    checks: list[tuple[str, list[str | Path]]] = [
        ("ruff lint", [bin_dir / "ruff", "check", "."]),
        ("ruff format", [bin_dir / "ruff", "format", "--check", "."]),
        ("mypy", [bin_dir / "mypy"]),
        ("import layers", [bin_dir / "lint-imports"]),
        ("schemas up to date", [VENV_PYTHON, "tools/gen_schemas.py", "--check"]),
        ("pytest", [VENV_PYTHON, "-m", "pytest", *args]),
    ]
    failed = []
    for name, cmd in checks:
        say(f"{name}: {' '.join(str(c) for c in cmd[1:]) or name}")
        if run(*cmd, env=env) != 0:
            failed.append(name)
    if failed:
        say("FAILED: " + ", ".join(failed))
        return 1
    return 0  # pytest's own summary stays the last line


def cmd_bundle(args: list[str]) -> int:
    ensure_venv("build")
    say("building the desktop bundle (packaging/README.md)")
    # the exact versions and files of packaging/requirements-bundle.lock, hash-checked
    return run(VENV_PYTHON, "packaging/build_bundle.py", "--install-locked", *args)


def main(argv: list[str]) -> int:
    commands = {"run": cmd_run, "test": cmd_test, "bundle": cmd_bundle}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
