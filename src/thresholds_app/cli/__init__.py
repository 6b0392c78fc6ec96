"""The ``thresholds`` command: the same core as the app, from a terminal.

Each subcommand lives in its own module with ``add_arguments(parser)`` and ``run(args) -> int``;
modules are imported only when their command runs, so ``thresholds validate`` stays quick.
Exit codes: 0 success, 1 the input is invalid or a check failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from thresholds_app import __version__

# command name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", "check a guidance pack and list every problem"),
    "check": ("check", "run a pack's test cases and training scenarios through the engine"),
    "assess": ("assess", "show what the guidance indicates for a saved case file"),
    "render": ("render", "write a case file's referral rationale as PDF (and text)"),
    "book": ("book", "print the whole guidance pack as a readable PDF handout"),
    "review": ("review", "list a folder of referrals for the MASH and count them without names"),
    "scenarios": ("scenarios", "find training scenarios and print a session sheet"),
    "pack": ("pack", "make signing keys; sign, verify and compare guidance packs"),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser; only ``command``'s module is imported to add its arguments."""
    parser = argparse.ArgumentParser(
        prog="thresholds", description="Right Help, Right Time threshold assistant (command line)."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == command:
            module = importlib.import_module(f"thresholds_app.cli.{module_name}")
            module.add_arguments(sub_parser)
            sub_parser.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in args_list if not a.startswith("-")), None)
    parser = build_parser(command if command in COMMANDS else None)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        result: int = args._module.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``thresholds check | head``): stop quietly, as Unix tools do.
        # Python would print a traceback while flushing at exit, so point stdout at nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return result


if __name__ == "__main__":
    sys.exit(main())
