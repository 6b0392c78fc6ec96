"""``thresholds scenarios [PACK_DIR]``: find training scenarios, and print a session sheet.

Filters match the training screen's: ``--level``, ``--theme``, ``--age``, ``--direction over|under``
(cases practitioners commonly over- or under-refer) and ``--search WORDS``. ``--local FILE`` adds a
trainer's own scenario file, checked as the pack's are. ``--sheet OUT.pdf`` writes the session
sheet of the scenarios found, in order; ``--votes FILE`` adds the room's votes from a JSON object
``{"scenario-id": {"1": 0, "2": 3, "3": 9, "4": 1}}``; ``--text OUT.txt`` writes the same sheet as
text. Exit codes: 0 done, 1 a file has problems or cannot be written, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    from thresholds_app.cli.packarg import add_trust_arguments

    add_trust_arguments(parser)
    parser.add_argument(
        "pack_dir", nargs="?", type=Path, help="pack folder (default: bundled pack)"
    )
    parser.add_argument("--level", type=int, help="only scenarios expected at this level")
    parser.add_argument("--theme", help="only scenarios with this theme")
    parser.add_argument("--age", help="only scenarios for this age band, e.g. 5-10")
    parser.add_argument(
        "--direction", choices=("over", "under"), help="commonly over- or under-referred"
    )
    parser.add_argument("--search", default="", help="words in the title or story")
    parser.add_argument("--local", type=Path, action="append", default=[], help="own file")
    parser.add_argument("--sheet", type=Path, help="write the session sheet PDF here")
    parser.add_argument("--votes", type=Path, help="the room's votes (JSON), for the sheet")
    parser.add_argument("--text", type=Path, help="write the session sheet as text here")


def run(args: argparse.Namespace) -> int:
    """List the matching scenarios and write the sheet if asked; return the exit code."""
    from thresholds_app.cli.packarg import load_pack_for
    from thresholds_app.core.training.library import (
        ScenarioFilter,
        filter_scenarios,
        load_local_scenarios,
    )

    pack = load_pack_for("scenarios", args.pack_dir, args)
    if isinstance(pack, int):
        return pack
    scenarios = list(pack.scenarios)
    for path in args.local:
        local = load_local_scenarios(path, pack)
        if local.problems:
            for problem in local.problems:
                print(problem, file=sys.stderr)
            return 1
        scenarios += local.scenarios
    wanted = ScenarioFilter(args.level, args.theme, args.age, args.direction, args.search)
    found = filter_scenarios(scenarios, wanted)
    for scenario in found:
        level = (
            "no level" if scenario.expected_level is None else f"Level {scenario.expected_level}"
        )
        print(f"{scenario.id}\t{level}\t{scenario.title}")
    if not (args.sheet or args.text):
        return 0
    votes = _read_votes(args.votes) if args.votes else {}
    if isinstance(votes, str):
        print(f"thresholds scenarios: {votes}", file=sys.stderr)
        return 1
    return _write_sheet(args, pack, found, votes)


def _read_votes(path: Path) -> dict[str, dict[int, int]] | str:
    """Read ``{"scenario-id": {"level": count}}``; a plain message when the file is wrong."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return f"could not read the votes in {path} ({exc})."
    if not isinstance(data, dict):
        return f"{path}: the votes must be an object of scenario ids."
    votes: dict[str, dict[int, int]] = {}
    for scenario_id, counts in data.items():
        if not isinstance(counts, dict):
            return f"{path}: the votes for {scenario_id!r} must be an object of levels."
        try:
            votes[scenario_id] = {int(level): int(n) for level, n in counts.items()}
        except (TypeError, ValueError):
            return f"{path}: the votes for {scenario_id!r} must be whole numbers per level."
        if any(n < 0 for n in votes[scenario_id].values()):
            return f"{path}: the votes for {scenario_id!r} cannot be negative."
    return votes


def _write_sheet(
    args: argparse.Namespace, pack: Any, found: list[Any], votes: dict[str, dict[int, int]]
) -> int:
    from thresholds_app import __version__
    from thresholds_app.core.base.atomic import atomic_write_bytes
    from thresholds_app.core.report.rationale import format_produced_at
    from thresholds_app.core.training.session import RoomScenario, RoomSession
    from thresholds_app.core.training.sheet import build_session_sheet, sheet_to_text

    session = RoomSession(pack, tuple(RoomScenario(s, votes.get(s.id, {})) for s in found))
    sheet = build_session_sheet(session, format_produced_at(datetime.now(UTC)))
    try:
        if args.text:
            atomic_write_bytes(args.text, sheet_to_text(sheet).encode("utf-8"))
            print(f"Wrote {args.text}")
        if args.sheet:
            from thresholds_app.pdf.training_sheet import render_session_sheet_pdf

            atomic_write_bytes(args.sheet, render_session_sheet_pdf(sheet, __version__))
            print(f"Wrote {args.sheet}")
    except OSError as exc:
        print(f"thresholds scenarios: could not write a file ({exc.strerror}).", file=sys.stderr)
        return 1
    return 0
