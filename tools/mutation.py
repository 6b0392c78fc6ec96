"""Mutation testing of the safety-critical code (issue 16): run mutmut, then score each module.

    python tools/mutation.py              # release: every module in scope (about an hour on 2 cores)
    python tools/mutation.py --budget     # CI-sized: a handful of small modules (a few minutes)
    python tools/mutation.py --report     # only score the last run (mutants/ from an earlier run)
    python tools/mutation.py --modules thresholds_app.core.rules.consent thresholds_app.pdf.safe
    python tools/mutation.py --sample 0.3     # a random 30 % of each module's untried mutants
    python tools/mutation.py --survivors      # try the last run's survivors again (new tests)

mutmut tries the mutants whose tests are quickest first, so a run cut short has tried the cheap
mutants and left the engine's (whose tests take longest) for last: a score from it leans on the
easy ones. ``--sample F --seed N`` instead tries a random share ``F`` of each module's mutants
not yet tried (the same ``N`` picks the same ones), so a module that could not be run in full
still gets a fair estimate; the report gives each partly run module's score with a 95 %
interval (Wilson) around it.

Which files are mutated and which tests run against each mutant is in ``[tool.mutmut]`` in
pyproject.toml: the fast core and pdf tests, never the Qt UI tests, and without the hypothesis
property tests (``--no-property-tests``), so the score is a lower bound. mutmut runs, for each
mutant, only the tests that call the mutated function, fastest first, stopping at the first fail.

Survivors judged equivalent or harmless (message wording, defensive code that cannot be reached)
are listed with a reason in ``docs/safety/mutation-justified.yaml``. The report gives the raw score
(killed / all mutants) and the score with those justified survivors left out; it names every
survivor that has no justification, and every justification whose mutant no longer survives.
Exit status: 0 when the score with justified survivors left out reaches ``--fail-under``
(default 90), 1 when it does not, 2 when mutmut itself failed.

mutmut keeps its results in ``mutants/`` and re-tests only what changed; a change to the test
selection or pytest arguments in ``[tool.mutmut]`` resets every result. This is never part of the
normal test suite: run it before a release (and, with ``--budget``,
in CI when there is time). Results are written up in docs/safety/mutation.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
JUSTIFIED = ROOT / "docs" / "safety" / "mutation-justified.yaml"
VENV_BIN = Path(sys.executable).parent

# Every module in scope, in the order a release run takes them (small and central first).
MODULES = (
    "thresholds_app.core.rules.consent",
    "thresholds_app.core.rules.settled",
    "thresholds_app.core.rules.stepping",
    "thresholds_app.pdf.safe",
    "thresholds_app.core.drafts.owner",
    "thresholds_app.core.drafts.state",
    "thresholds_app.core.case.codec",
    "thresholds_app.core.rules.conditions",
    "thresholds_app.core.rules.engine",
    "thresholds_app.core.case.readiness",
    "thresholds_app.core.case.reading",
    "thresholds_app.core.case.record",
    "thresholds_app.core.drafts.store",
)
# The CI budget: the consent, readiness-of-answers and step-down rules, and PDF escaping.
BUDGET = (
    "thresholds_app.core.rules.consent",
    "thresholds_app.core.rules.settled",
    "thresholds_app.core.rules.stepping",
    "thresholds_app.pdf.safe",
    "thresholds_app.core.drafts.owner",
)
# mutmut's exit codes (mutmut/stats.py): 1 and 3 are kills, 0 a survivor, 33 and 5 "no tests".
KILLED = {1, 3, 37}
SURVIVED = {0}
NO_TESTS = {5, 33}
TIMEOUT = {24, -24, 36, 152, 255}


def run_mutmut(patterns: list[str], children: int) -> int:
    """Run mutmut once on ``patterns`` (it tries the mutants with the fastest tests first)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)  # mutmut puts its mutated copy of src/ first on the path
    command = [str(VENV_BIN / "mutmut"), "run", "--max-children", str(children), *patterns]
    if os.name == "posix":
        command = ["nice", "-n", "19", *command]  # a shared machine: take only idle time
    done = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        print(f"mutmut stopped with exit status {done.returncode}", file=sys.stderr)
    return done.returncode


def sample_untried(modules: list[str], share: float, seed: int) -> list[str]:
    """A random ``share`` of each module's mutants that have no result yet (at least one)."""
    codes = results()
    chosen: list[str] = []
    pick = random.Random(seed)
    for module in modules:
        untried = sorted(k for k, v in codes.items() if module_of(k) == module and v is None)
        if untried:
            chosen += pick.sample(untried, max(1, round(share * len(untried))))
    return chosen


def wilson(killed: int, tried: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of a kill rate of ``killed`` out of ``tried`` (as percentages)."""
    if tried == 0:
        return 0.0, 100.0
    rate = killed / tried
    middle = (rate + z * z / (2 * tried)) / (1 + z * z / tried)
    half = z * math.sqrt(rate * (1 - rate) / tried + z * z / (4 * tried * tried))
    half /= 1 + z * z / tried
    return 100 * max(0.0, middle - half), 100 * min(1.0, middle + half)


def results() -> dict[str, int | None]:
    """Every mutant of the last run with its exit code (None: not tested yet)."""
    out: dict[str, int | None] = {}
    for meta in sorted((ROOT / "mutants" / "src").rglob("*.py.meta")):
        out.update(json.loads(meta.read_text("utf-8"))["exit_code_by_key"])
    return out


def module_of(mutant: str) -> str:
    """``thresholds_app.core.rules.engine.xǁEngineǁassess__mutmut_3`` -> the module's name."""
    return mutant.rsplit(".", 1)[0]


def justified() -> dict[str, str]:
    """Mutant name -> why its survival is acceptable."""
    if not JUSTIFIED.exists():
        return {}
    data = yaml.safe_load(JUSTIFIED.read_text("utf-8")) or {}
    reasons = {}
    for group in data.get("groups", []):
        for name in group["mutants"]:
            reasons[name] = group["reason"]
    return reasons


def report(modules: list[str], fail_under: float) -> int:
    """Print the table for ``modules``; return the exit status."""
    codes = results()
    reasons = justified()
    rows = []
    totals: Counter[str] = Counter()
    unjustified: list[str] = []
    for module in modules:
        mine = {k: v for k, v in codes.items() if module_of(k) == module}
        count: Counter[str] = Counter()
        for name, code in mine.items():
            if code in KILLED:
                count["killed"] += 1
            elif code in SURVIVED or code in NO_TESTS:
                count["justified" if name in reasons else "survived"] += 1
                if name not in reasons:
                    unjustified.append(name)
            elif code in TIMEOUT:
                # An endless loop is caught, but on a loaded machine a slow survivor can time
                # out too: counted apart, and a kill only once looked at (see mutation.md).
                count["justified" if name in reasons else "timeout"] += 1
                if name not in reasons:
                    unjustified.append(name)
            elif code is None:
                count["not run"] += 1
            else:
                count["suspicious"] += 1
        count["mutants"] = len(mine)
        totals.update(count)
        rows.append((module, count))
    rows.append(("all modules", totals))

    print(
        "| module | mutants | killed | survived | timed out | justified | raw score |"
        " score, justified left out |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for module, c in rows:
        tested = c["mutants"] - c["not run"]
        raw = 100 * c["killed"] / tested if tested else 0.0
        rest = tested - c["justified"]
        net = 100 * c["killed"] / rest if rest else 0.0
        note = f" ({c['not run']} not run)" if c["not run"] else ""
        interval = ""
        if c["not run"] and rest:
            low, high = wilson(c["killed"], rest)
            interval = f" (95% {low:.0f}-{high:.0f}%)"
        print(
            f"| {module.removeprefix('thresholds_app.')}{note} | {c['mutants']} | {c['killed']} |"
            f" {c['survived'] + c['suspicious']} | {c['timeout']} | {c['justified']} |"
            f" {raw:.1f}% | {net:.1f}%{interval} |"
        )
    in_scope = {n for n in reasons if module_of(n) in modules}
    stale = sorted(n for n in in_scope if n not in codes or codes[n] in KILLED)
    if stale:
        print("\nJustified but now killed (remove from the justification file):")
        print("\n".join(f"  {n}" for n in stale))
    if unjustified:
        print("\nSurvivors and time-outs with no justification (kill with a test, or justify):")
        print("\n".join(f"  {n}" for n in sorted(unjustified)))
    tested = totals["mutants"] - totals["not run"]
    rest = tested - totals["justified"]
    net = 100 * totals["killed"] / rest if rest else 0.0
    return 0 if net >= fail_under else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--budget", action="store_true", help="the CI-sized set of modules")
    which.add_argument("--modules", nargs="+", help="these modules only")
    parser.add_argument("--report", action="store_true", help="score the last run, run nothing")
    parser.add_argument("--children", type=int, default=2, help="parallel mutants (default 2)")
    parser.add_argument("--fail-under", type=float, default=90.0)
    parser.add_argument(
        "--sample", type=float, metavar="SHARE", help="try a random share of untried mutants"
    )
    parser.add_argument("--seed", type=int, default=16, help="which random sample (default 16)")
    parser.add_argument(
        "--survivors", action="store_true", help="try the survivors and time-outs again"
    )
    args = parser.parse_args(argv)
    modules = list(BUDGET if args.budget else args.modules or MODULES)
    patterns = [m + "*" for m in modules]
    if args.survivors:
        codes = results()
        patterns = sorted(
            k
            for k, v in codes.items()
            if module_of(k) in modules and (v in SURVIVED or v in TIMEOUT)
        )
        print(f"trying the survivors again: {len(patterns)}")
    elif args.sample is not None:
        patterns = sample_untried(modules, args.sample, args.seed)
        print(f"trying a random {args.sample:.0%} of the untried mutants: {len(patterns)}")
    if not args.report and patterns and run_mutmut(patterns, args.children) != 0:
        return 2
    return report(modules, args.fail_under)


if __name__ == "__main__":
    sys.exit(main())
