"""The pack argument every command shares: find the folder, check it can be trusted, load it.

``--pubkey KEY.pub`` (repeatable) checks the pack's signature against that key as well as the
keys this computer trusts, and asks for a strict check; ``--authoring`` allows a pack that is not
signed, or that changed since it was signed, when the organisation's settings allow authoring
mode. Without either, the settings in force decide (a source checkout uses authoring mode).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from thresholds_app.core.pack.model import Pack

if TYPE_CHECKING:
    from thresholds_app.core.pack.opening import Opened


def add_trust_arguments(parser: argparse.ArgumentParser) -> None:
    """Register ``--pubkey`` and ``--authoring``."""
    parser.add_argument(
        "--pubkey",
        type=Path,
        action="append",
        default=[],
        metavar="KEY.pub",
        help="trust packs signed with this minisign public key, and insist on a valid signature",
    )
    parser.add_argument(
        "--authoring",
        action="store_true",
        help="allow an unsigned or changed pack (authoring mode; rationales say so on every page)",
    )


def open_pack_for(
    command: str, pack_dir: Path | None, args: argparse.Namespace | None = None
) -> Opened | int:
    """Open the pack as the app would (verified, or in authoring mode); see ``load_pack_for``.

    Returns :class:`~thresholds_app.core.pack.opening.Opened`, or an exit code (2) after
    printing why nothing could be opened.
    """
    from thresholds_app.core.config.current import current_settings
    from thresholds_app.core.pack.cache import default_cache_dir
    from thresholds_app.core.pack.opening import open_pack
    from thresholds_app.core.pack.trust_setup import TrustSetupError, trust_policy

    settings = current_settings()
    for message in settings.messages:
        print(f"thresholds {command}: {message}", file=sys.stderr)
    try:
        keys = [path.read_text(encoding="utf-8") for path in getattr(args, "pubkey", [])]
    except OSError as error:
        print(f"thresholds {command}: cannot read the key: {error}", file=sys.stderr)
        return 2
    try:
        policy, messages = trust_policy(
            settings,
            authoring_requested=getattr(args, "authoring", False),
            extra_keys=keys,
            keep_copies=False,  # the command line uses the pack named, never a kept copy
        )
    except TrustSetupError as error:
        print(f"thresholds {command}: {error}", file=sys.stderr)
        return 2
    for message in messages:
        print(f"thresholds {command}: {message}", file=sys.stderr)
    from thresholds_app.paths import default_pack_dir

    folder = pack_dir or default_pack_dir()
    if not folder.is_dir():
        print(f"thresholds {command}: {folder} is not a folder", file=sys.stderr)
        return 2
    # only the pack named: the command line never falls back silently to another one
    cache = default_cache_dir() if command != "validate" else None
    opened = open_pack([folder], policy, cache_dir=cache)
    # A source checkout's everyday authoring mode (an unsigned pack) stays quiet on stderr: every
    # output says so instead (authoring_line). A refusal, or authoring mode asked for, is said.
    # The organisation's partnership settings that could not be used are always said too.
    if opened.notice and (opened.refusals or opened.messages or getattr(args, "authoring", False)):
        print(f"thresholds {command}: {opened.notice}", file=sys.stderr)
    if opened.result.pack is None and policy.authoring and not policy.authoring_requested:
        print(
            f"thresholds {command}: a pack that does not match its signed manifest is used "
            "only when asked for with --authoring (marked as not verified).",
            file=sys.stderr,
        )
    return opened


def authoring_line(pack: Pack) -> str:
    """The line every output of a pack not verified starts with ("" when it was verified)."""
    trust = pack.trust
    if trust is None or trust.verified:
        return ""
    return trust.note


def trust_json(pack: Pack) -> dict[str, object]:
    """Whether the pack was verified, for every ``--json`` output."""
    trust = pack.trust
    return {
        "verified": bool(trust and trust.verified),
        "authoring_mode": bool(trust and not trust.verified),
        "trust": trust.note if trust else "",
    }


def load_pack_for(
    command: str, pack_dir: Path | None, args: argparse.Namespace | None = None
) -> Pack | int:
    """Load the trusted, valid pack in ``pack_dir`` (default: the bundled one) for ``command``.

    Returns the pack, or prints the problems to stderr and returns exit code 2: the pack is the
    command's input, and ``thresholds validate`` is the command that explains a broken one.
    """
    opened = open_pack_for(command, pack_dir, args)
    if isinstance(opened, int):
        return opened
    result = opened.result
    folder = opened.pack_dir
    if result.pack is None or result.problems:
        print(
            f"thresholds {command}: the guidance pack in {folder} is not valid or cannot be "
            "trusted:",
            file=sys.stderr,
        )
        for problem in result.problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        if len(result.problems) > 20:
            print(
                f"  ...and {len(result.problems) - 20} more (run thresholds validate)",
                file=sys.stderr,
            )
        return 2
    line = authoring_line(result.pack)
    already = (
        opened.refusals or opened.messages or getattr(args, "authoring", False)
    )  # the notice said so
    if line and not already and command not in OUTPUTS_MARKED:
        print(f"thresholds {command}: {line}", file=sys.stderr)
    return result.pack


# Commands whose own output says authoring mode (assess's text and JSON, render's every page).
OUTPUTS_MARKED = ("assess", "render")
