"""``thresholds pack keygen|sign|verify|diff``: make, sign, check and compare guidance packs.

- ``keygen --out PREFIX [--no-password]`` writes a minisign key pair, ``PREFIX.key`` (secret:
  keep it off shared drives) and ``PREFIX.pub`` (give this to IT for the trusted keys setting).
- ``sign PACK_DIR --key PREFIX.key`` checks the pack is valid, then writes
  ``pack.manifest.json`` and ``pack.manifest.json.minisig`` into it.
- ``verify PACK_DIR [--pubkey PREFIX.pub]`` says whether this computer would trust the pack:
  exit 0 trusted, 1 refused (the reason and the file are printed), 2 usage.
- ``diff OLD_DIR NEW_DIR [--json]`` lists what changed between two versions of a pack.

A password for the secret key is asked for at the terminal, or read from the environment
variable ``THRESHOLDS_PACK_KEY_PASSWORD`` (for a build server's secret store).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PASSWORD_VARIABLE = "THRESHOLDS_PACK_KEY_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the subcommands and their arguments."""
    sub = parser.add_subparsers(dest="pack_command", metavar="ACTION")
    keygen = sub.add_parser("keygen", help="make a new signing key pair")
    keygen.add_argument("--out", type=Path, required=True, metavar="PREFIX")
    keygen.add_argument(
        "--no-password", action="store_true", help="do not protect the secret key with a password"
    )
    sign = sub.add_parser("sign", help="sign a pack folder")
    sign.add_argument("pack_dir", type=Path)
    sign.add_argument("--key", type=Path, required=True, metavar="PREFIX.key")
    verify = sub.add_parser("verify", help="check that a pack folder can be trusted")
    verify.add_argument("pack_dir", type=Path)
    verify.add_argument(
        "--pubkey",
        type=Path,
        action="append",
        default=[],
        metavar="PREFIX.pub",
        help="a public key to trust (default: the keys this computer trusts)",
    )
    verify.add_argument("--pack-id", help="refuse a manifest for any other pack id")
    diff = sub.add_parser("diff", help="list what changed between two versions of a pack")
    diff.add_argument("old_dir", type=Path)
    diff.add_argument("new_dir", type=Path)
    diff.add_argument("--json", action="store_true", help="print the changes as JSON")


def run(args: argparse.Namespace) -> int:
    """Run the chosen action."""
    actions = {"keygen": _keygen, "sign": _sign, "verify": _verify, "diff": _diff}
    action = actions.get(args.pack_command or "")
    if action is None:
        print("thresholds pack: say keygen, sign, verify or diff", file=sys.stderr)
        return 2
    return action(args)


def _password(confirm: bool) -> str | None:
    from_env = os.environ.get(PASSWORD_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass("Password for the secret key: ")
    if confirm and getpass.getpass("The same password again: ") != first:
        print("thresholds pack: the two passwords differ; nothing was written", file=sys.stderr)
        raise SystemExit(2)
    return first


def _keygen(args: argparse.Namespace) -> int:
    from thresholds_app.core.pack.signing import SigningError, generate_keys

    password = None
    if not args.no_password:
        password = _password(confirm=True)
        if not password:
            print(
                f"thresholds pack keygen: give a password (or set {PASSWORD_VARIABLE}), "
                "or use --no-password",
                file=sys.stderr,
            )
            return 2
    try:
        secret, public = generate_keys(args.out, password)
    except (SigningError, OSError) as error:
        print(f"thresholds pack keygen: {error}", file=sys.stderr)
        return 2
    print(f"Wrote {secret} (secret: keep it safe) and {public} (public: give it to IT).")
    return 0


def _sign(args: argparse.Namespace) -> int:
    from thresholds_app.core.pack.signing import SigningError, read_secret_key, sign_pack

    if not args.pack_dir.is_dir():
        print(f"thresholds pack sign: {args.pack_dir} is not a folder", file=sys.stderr)
        return 2
    try:
        key = read_secret_key(args.key, None)
    except SigningError:  # protected: ask for the password, then try again
        try:
            key = read_secret_key(args.key, _password(confirm=False))
        except SigningError as error:
            print(f"thresholds pack sign: {error}", file=sys.stderr)
            return 2
    try:
        manifest = sign_pack(args.pack_dir, key)
    except SigningError as error:
        print(f"thresholds pack sign: {error}", file=sys.stderr)
        return 1
    finally:
        key.wipe()
    print(
        f"Signed {manifest.pack_id} {manifest.version}: {len(manifest.files)} files "
        f"in {args.pack_dir}"
    )
    return 0


def _verify(args: argparse.Namespace) -> int:
    from thresholds_app.core.config.current import current_settings
    from thresholds_app.core.pack.minisig import MinisignError, read_public_key
    from thresholds_app.core.pack.opening import TrustPolicy, load_verified
    from thresholds_app.core.pack.trust import Refusal, verify_pack
    from thresholds_app.core.pack.trust_setup import trust_policy

    if not args.pack_dir.is_dir():
        print(f"thresholds pack verify: {args.pack_dir} is not a folder", file=sys.stderr)
        return 2
    try:
        keys = [read_public_key(path.read_text(encoding="utf-8")) for path in args.pubkey]
    except (OSError, MinisignError) as error:
        print(f"thresholds pack verify: cannot use the public key: {error}", file=sys.stderr)
        return 2
    if not keys:
        policy, messages = trust_policy(current_settings())
        for message in messages:
            print(f"thresholds pack verify: {message}", file=sys.stderr)
        keys = list(policy.trusted_keys)
        accepted = policy.accepted
    else:
        from thresholds_app.core.pack.trust import accepted_versions

        accepted = accepted_versions()
    outcome = verify_pack(args.pack_dir, keys, expected_id=args.pack_id, accepted=accepted)
    if not isinstance(outcome, Refusal):  # checked read-only: verify records nothing
        loaded = load_verified(args.pack_dir, outcome, TrustPolicy(tuple(keys)), None)
        outcome = loaded if isinstance(loaded, Refusal) else outcome
    if isinstance(outcome, Refusal):
        print(f"Refused: {args.pack_dir / outcome.file}: {outcome.reason}")
        return 1
    manifest = outcome.manifest
    print(
        f"Trusted: {manifest.pack_id} {manifest.version}, {len(manifest.files)} files, "
        f"signed by key {outcome.key_id}"
    )
    return 0


def _diff(args: argparse.Namespace) -> int:
    from thresholds_app.cli.packdiff import run_diff

    code: int = run_diff(args)
    return code
