"""Coverage-guided fuzzing (atheris, libFuzzer) of the case-file reader and the pack loader.

Run: ``PYTHONPATH=src python tools/fuzz_atheris.py [--seconds 60] [--target NAME ...]``.
Needs ``atheris`` (a development tool, not a dependency of the app: ``pip install atheris``;
it has wheels for CPython 3.11 on Linux x86_64). Each target runs in its own process with a
time budget, seeded with real files, and reports executions and crashes:

* ``case``: bytes as a case file (``case_from_json``): only :class:`CaseFileError` may come out.
* ``pack-yaml``: bytes as one pack YAML file (``load_yaml``): problems, never an exception.
* ``pack``: the minimal test pack with one file replaced by the bytes (``load_pack``, with the
  bytes handed in as the checked content, so nothing is written): a pack or problems, never an
  exception.

A crash is any other exception, an input slower than ``--timeout`` seconds (a hang) or more
memory than ``--rss-mb``; libFuzzer then writes the input to ``--artifacts`` and the run fails.
``tests/core`` carries the hypothesis fuzzing that runs on every CI run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "data" / "packs" / "minimal"
TARGETS = ("case", "pack-yaml", "pack")


def _pack_files() -> dict[str, bytes]:
    return {
        str(p.relative_to(MINIMAL)): p.read_bytes()
        for p in sorted(MINIMAL.rglob("*"))
        if p.is_file()
    }


def seeds(target: str) -> list[bytes]:
    """Real inputs to start from: the example cases, the minimal pack's files."""
    if target == "case":
        return [p.read_bytes() for p in sorted((ROOT / "examples").glob("*.json"))]
    yaml_files = [data for name, data in _pack_files().items() if name.endswith(".yaml")]
    if target == "pack-yaml":
        return yaml_files
    names = [n for n in _pack_files() if n.endswith(".yaml")]
    return [bytes([i]) + _pack_files()[n] for i, n in enumerate(names)]


def make_target(target: str) -> Callable[[bytes], None]:
    """The function libFuzzer calls with each input."""
    if target == "case":
        from thresholds_app.core.case.record import CaseFileError, case_from_json

        def case(data: bytes) -> None:
            try:
                case_from_json(data, name="fuzz.json")
            except CaseFileError as error:  # the one documented refusal: it must say why
                if not error.problems or not all(p.message for p in error.problems):
                    raise AssertionError("a refusal without a reason") from error

        return case
    if target == "pack-yaml":
        from thresholds_app.core.pack.yamlsafe import load_yaml

        def pack_yaml(data: bytes) -> None:
            doc = load_yaml(data, "levels.yaml")
            assert all(p.message and p.file == "levels.yaml" for p in doc.problems)

        return pack_yaml

    from thresholds_app.core.pack.load import load_pack

    files = _pack_files()
    names = [n for n in files if n.endswith(".yaml")]
    folder = Path(tempfile.mkdtemp(prefix="fuzz-pack-")) / "pack"
    for name, content in files.items():  # the real files, listed by the loader as usual
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)

    def pack(data: bytes) -> None:
        if not data:
            return
        verified = dict(files)
        verified[names[data[0] % len(names)]] = data[1:]
        result = load_pack(folder, verified=verified)
        assert result.pack is not None or result.problems
        assert all(p.message and p.file for p in result.problems)

    return pack


def fuzz_one(target: str, seconds: int, timeout: int, rss_mb: int, artifacts: Path) -> None:
    """Inside the child process: run libFuzzer on ``target`` (does not return)."""
    import atheris

    with atheris.instrument_imports(include=["thresholds_app"]):
        function = make_target(target)
    corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
    for number, seed in enumerate(seeds(target)):
        (corpus / f"seed-{number}").write_bytes(seed)
    artifacts.mkdir(parents=True, exist_ok=True)
    args = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={seconds}",
        f"-timeout={timeout}",
        f"-rss_limit_mb={rss_mb}",
        "-max_len=65536",
        f"-artifact_prefix={artifacts}/{target}-",
        "-print_final_stats=1",
    ]
    atheris.Setup(args, function)
    atheris.Fuzz()


def run(target: str, seconds: int, timeout: int, rss_mb: int, artifacts: Path) -> tuple[int, bool]:
    """Fuzz ``target`` in a child process; return (executions, crashed)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    command = [sys.executable, __file__, "--child", target, "--seconds", str(seconds)]
    command += ["--timeout", str(timeout), "--rss-mb", str(rss_mb), "--artifacts", str(artifacts)]
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=seconds + 300, check=False
    )
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", done.stderr)
    executions = int(runs[-1]) if runs else 0
    crashed = done.returncode != 0
    if crashed:
        tail = "\n".join(done.stderr.splitlines()[-30:])
        print(f"--- {target}: libFuzzer ended with {done.returncode}\n{tail}", file=sys.stderr)
    return executions, crashed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--target", action="append", choices=TARGETS, help="default: all")
    parser.add_argument("--seconds", type=int, default=60, help="budget per target")
    parser.add_argument("--timeout", type=int, default=5, help="an input slower is a hang")
    parser.add_argument("--rss-mb", type=int, default=1024, help="more memory is a crash")
    parser.add_argument("--artifacts", type=Path, default=Path("fuzz-artifacts"))
    parser.add_argument("--child", choices=TARGETS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        fuzz_one(args.child, args.seconds, args.timeout, args.rss_mb, args.artifacts.resolve())
        return 0
    failed = False
    for target in args.target or TARGETS:
        started = time.monotonic()
        executions, crashed = run(
            target, args.seconds, args.timeout, args.rss_mb, args.artifacts.resolve()
        )
        failed |= crashed
        print(
            f"{target}: {executions} executions in {time.monotonic() - started:.0f} s, "
            f"{'a crash (see above)' if crashed else '0 crashes, 0 hangs'}",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
