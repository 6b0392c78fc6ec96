"""Build the one-folder desktop bundle with signed packs, and smoke-test the built bundle itself.

    python packaging/build_bundle.py [--key PREFIX.key] [--smoke] [--runs N] [--install-locked]

0. Locked: the build environment must hold exactly the versions in
   ``packaging/requirements-bundle.lock`` (every runtime dependency and PyInstaller, with their
   SHA-256 hashes). With ``--install-locked`` (what ``dev.py bundle`` and CI use) they are first
   installed from it with ``pip install --require-hashes``; without, a different version is
   refused with the command that fixes it.
1. Stage: copy ``guidance/`` to ``build/stage/guidance``, sign every pack there with ``--key``
   (the partnership's release key; its password from ``THRESHOLDS_PACK_KEY_PASSWORD``) or, when
   no key is given, with a throwaway key made for this build (fine for CI; say so in a release),
   and put the public key in ``build/stage/keys`` so the bundle trusts it.
2. Build: PyInstaller with ``packaging/pyinstaller/thresholds_app.spec`` into ``build/dist``.
3. With ``--smoke``, run the built bundle, not the source tree, in an empty home folder and
   offscreen: it must start and reach a quiet window (``--quit-when-ready``), then
   ``--smoke-test`` must open its bundled pack *verified*, validate it, assess an example, write
   a rationale PDF and print it through QtPdf to a file. Then the bundle's size, and its start-up
   time against a bare PySide6 window beside the same ratio for the source install (the goal:
   the bundle's ratio within 1.3 times the source's). The report goes to
   ``build/bundle-report.json``. A bundle holding a Qt library outside :data:`QT_LIBRARIES`
   (PySide6-Addons carries QtWebEngine, Qt3D, QML...) is refused: the spec must leave it out.

Run it with the project's virtual environment (``.venv/bin/python``) with the ``build`` extra.
PyInstaller does not cross-compile: this builds the bundle for the platform it runs on.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
STAGE = BUILD / "stage"
DIST = BUILD / "dist"
SPEC = ROOT / "packaging" / "pyinstaller" / "thresholds_app.spec"
APP_NAME = "thresholds-app"
RATIO_GOAL = 1.3
LOCK = ROOT / "packaging" / "requirements-bundle.lock"
PIN = re.compile(r"([A-Za-z0-9._-]+)==([^\s;\\]+)")
DIRECT = "thresholds-app (pyproject.toml)"  # how uv marks a dependency pyproject.toml names

# The Qt libraries a bundle may hold: the five modules the app imports, what they load, and the
# X11 and Wayland platform plugins' own. Anything else means the spec let an unused module in.
QT_LIBRARIES = {
    "Core", "Gui", "Widgets", "PrintSupport", "Pdf", "Network", "DBus", "Svg", "OpenGL",
    "XcbQpa", "WaylandClient", "WlShellIntegration",
}  # fmt: skip
_QT_LIBRARY = re.compile(r"Qt6([A-Za-z]+?)(?:d)?(?:\.so|\.dll|\.dylib|$)")

sys.path.insert(0, str(ROOT / "src"))


def say(message: str) -> None:
    print(f"[bundle] {message}", flush=True)


def stage(key: Path | None) -> str:
    """Copy and sign the packs; return the trusted key's id."""
    from thresholds_app.core.pack.minisig import read_public_key
    from thresholds_app.core.pack.signing import generate_keys, read_secret_key, sign_pack

    if STAGE.exists():
        shutil.rmtree(STAGE)
    (STAGE / "keys").mkdir(parents=True)
    shutil.copytree(ROOT / "guidance", STAGE / "guidance")
    if key is None:
        throwaway = Path(tempfile.mkdtemp()) / "build-only"
        key, public = generate_keys(throwaway, None)
        say("signing with a throwaway key made for this build (not for release)")
    else:
        public = key.with_suffix(".pub")
    secret = read_secret_key(key, os.environ.get("THRESHOLDS_PACK_KEY_PASSWORD"))
    for pack in sorted(p for p in (STAGE / "guidance").iterdir() if p.is_dir()):
        manifest = sign_pack(pack, secret)
        say(f"signed {manifest.pack_id} {manifest.version} ({len(manifest.files)} files)")
    secret.wipe()
    shutil.copy(public, STAGE / "keys" / public.name)
    return read_public_key(public.read_text()).id_text


def build() -> float:
    """Run PyInstaller; return the seconds it took."""
    started = time.perf_counter()
    env = dict(os.environ, THRESHOLDS_STAGE=str(STAGE))
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(BUILD / "work"), str(SPEC),
    ]  # fmt: skip
    if subprocess.call(command, cwd=ROOT, env=env) != 0:
        raise SystemExit("[bundle] PyInstaller failed; see above")
    return time.perf_counter() - started


def locked_versions(lock: Path = LOCK) -> dict[str, str]:
    """The lock's ``name==version`` pins that apply on this computer (by their markers)."""
    from packaging.markers import Marker
    from packaging.utils import canonicalize_name

    pins: dict[str, str] = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        found = re.match(PIN.pattern + r"\s*(?:;\s*([^\\]+))?", line)
        if found is None:
            continue
        name, version, marker = found.groups()
        if marker is None or Marker(marker.strip()).evaluate():
            pins[canonicalize_name(name)] = version
    return pins


def lock_disagreements(pyproject: Path = ROOT / "pyproject.toml", lock: Path = LOCK) -> list[str]:
    """Where the lock no longer matches pyproject.toml's dependencies and ``build`` extra.

    Every dependency named there must be pinned, at a version its range allows, with hashes;
    and the lock must not hold a direct dependency pyproject.toml no longer names.
    """
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = [
        Requirement(r)
        for r in (*project["dependencies"], *project["optional-dependencies"]["build"])
    ]
    pins: dict[str, str] = {}
    hashed: set[str] = set()
    direct: set[str] = set()
    current = ""
    for line in lock.read_text(encoding="utf-8").splitlines():
        found = PIN.match(line)
        if found:
            current = canonicalize_name(found.group(1))
            pins[current] = found.group(2)
        elif current and line.strip().startswith("--hash=sha256:"):
            hashed.add(current)
        elif current and line.strip().lstrip("#").strip().removeprefix("via ") == DIRECT:
            direct.add(current)
    problems = []
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{requirement} is in pyproject.toml but not in the lock")
        elif not requirement.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{requirement} is in pyproject.toml; the lock pins {pins[name]}")
    problems += [f"{name} is pinned without a hash" for name in sorted(set(pins) - hashed)]
    named = {canonicalize_name(r.name) for r in wanted}
    problems += [
        f"{name} is in the lock as a dependency of pyproject.toml, which no longer names it"
        for name in sorted(direct - named)
    ]
    return problems


def lock_mismatches(lock: Path = LOCK) -> list[str]:
    """Each locked package this environment lacks or holds at another version, in words."""
    from importlib import metadata

    problems = []
    for name, version in sorted(locked_versions(lock).items()):
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            found = "not installed"
        if found != version:
            problems.append(f"{name}: the lock says {version}, this environment has {found}")
    return problems


def install_locked() -> None:
    """Install the lock's exact files into this environment, each checked against its hash."""
    say(f"installing the locked build environment from {LOCK.relative_to(ROOT)}")
    command = [
        sys.executable, "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps",
        "--only-binary", ":all:", "-r", str(LOCK),
    ]  # fmt: skip
    if subprocess.call(command) != 0:
        raise SystemExit("[bundle] the locked build environment could not be installed")


def check_locked() -> None:
    """Refuse to build from a stale lock, or from versions other than the lock's."""
    stale = lock_disagreements()
    if stale:
        raise SystemExit(
            "[bundle] packaging/requirements-bundle.lock is out of date with pyproject.toml:\n  "
            + "\n  ".join(stale)
            + "\nRelock (packaging/README.md, section 3)."
        )
    problems = lock_mismatches()
    if problems:
        raise SystemExit(
            "[bundle] this environment differs from packaging/requirements-bundle.lock:\n  "
            + "\n  ".join(problems)
            + "\nRun with --install-locked (it installs the lock with pip --require-hashes), "
            "or relock after a deliberate change (packaging/README.md)."
        )
    say(f"build environment matches the lock ({len(locked_versions())} packages)")


def unexpected_qt_libraries(folder: Path) -> list[str]:
    """Qt libraries in the bundle that are not in :data:`QT_LIBRARIES`."""
    found = set()
    for path in folder.rglob("*Qt6*"):
        match = _QT_LIBRARY.search(path.name)
        if path.is_file() and match and match.group(1) not in QT_LIBRARIES:
            found.add(path.name)
    return sorted(found)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def clean_env(home: Path) -> dict[str, str]:
    """An empty home and XDG folders, offscreen Qt, and nothing from the source tree."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "XDG_", "QT_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "CACHE", "DATA", "STATE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    return env


def timed(command: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def smoke(runs: int, key_id: str) -> dict[str, object]:
    """Run the built bundle's checks and measurements; raise SystemExit if any check fails."""
    app = DIST / APP_NAME / (APP_NAME + (".exe" if os.name == "nt" else ""))
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = clean_env(home)
        first = subprocess.run([str(app), "--quit-when-ready"], env=env, capture_output=True)
        if first.returncode != 0:
            raise SystemExit(f"[bundle] the bundle did not start: {first.stderr.decode()[-2000:]}")
        report["quiet_window"] = first.stderr.decode().strip() in ("", _propagate_note())
        done = subprocess.run(
            [str(app), "--smoke-test", str(home / "out")], env=env, capture_output=True, text=True
        )
        result = json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else {}
        report["smoke_test"] = result
        if done.returncode != 0 or not result.get("ok") or not result.get("verified"):
            raise SystemExit(f"[bundle] the smoke test failed: {result or done.stderr[-2000:]}")
        say(
            f"smoke test: {result['pack']} verified (key {key_id}), validated, Level "
            f"{result['indicated_level']}, rationale {result['rationale_bytes']} bytes, "
            f"printed {result['printed_pages']} pages through QtPdf"
        )
        size, count = folder_size(DIST / APP_NAME)
        report["size_bytes"], report["files"] = size, count
        say(f"size: {size / 2**20:.0f} MiB in {count} files")
        bare = timed([sys.executable, str(ROOT / "benchmarks" / "baseline.py")], env, runs)
        bundle = timed([str(app), "--quit-when-ready"], env, runs)
        source_env = dict(env, PYTHONPATH=str(ROOT / "src"))
        source = timed(
            [sys.executable, "-m", "thresholds_app", "--quit-when-ready"], source_env, runs
        )
    bundle_ratio, source_ratio = bundle / bare, source / bare
    report.update(
        bare_window_s=bare, bundle_start_s=bundle, source_start_s=source,
        bundle_ratio=bundle_ratio, source_ratio=source_ratio,
        ratio_goal_met=bundle_ratio <= RATIO_GOAL * source_ratio,
    )  # fmt: skip
    say(
        f"start-up (median of {runs}): bare window {bare * 1000:.0f} ms; bundle "
        f"{bundle * 1000:.0f} ms = {bundle_ratio:.2f}x; source {source * 1000:.0f} ms = "
        f"{source_ratio:.2f}x; bundle/source {bundle_ratio / source_ratio:.2f} "
        f"(goal <= {RATIO_GOAL}: {'met' if report['ratio_goal_met'] else 'NOT met'})"
    )
    return report


def _propagate_note() -> str:
    return "This plugin does not support propagateSizeHints()"  # Qt's offscreen plugin says it


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", type=Path, help="the partnership's secret signing key")
    parser.add_argument("--smoke", action="store_true", help="smoke-test the built bundle")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs to time")
    parser.add_argument(
        "--install-locked",
        action="store_true",
        help="first install packaging/requirements-bundle.lock with pip --require-hashes",
    )
    args = parser.parse_args(argv)
    if args.install_locked:
        install_locked()
    check_locked()
    key_id = stage(args.key)
    seconds = build()
    say(f"built {DIST / APP_NAME} in {seconds:.0f} s")
    extra = unexpected_qt_libraries(DIST / APP_NAME)
    if extra:
        raise SystemExit(
            "[bundle] the bundle holds Qt libraries the app does not use (leave them out in "
            "packaging/pyinstaller/thresholds_app.spec): " + ", ".join(extra)
        )
    report: dict[str, object] = {"build_seconds": seconds, "key_id": key_id}
    if args.smoke:
        report.update(smoke(args.runs, key_id))
    (BUILD / "bundle-report.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
