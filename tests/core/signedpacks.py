"""Signed copies of the small fixture pack, for the signing, trust and opening tests."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from thresholds_app.core.pack import minisig
from thresholds_app.core.pack.signing import generate_keys, read_secret_key, sign_pack

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "packs" / "minimal"


def make_keys(folder: Path, name: str = "signer") -> tuple[Path, minisig.PublicKey]:
    """A key pair without a password; returns the secret key's path and the public key."""
    secret, public = generate_keys(folder / name, None)
    return secret, minisig.read_public_key(public.read_text())


def copy_pack(dest: Path, *, version: str | None = None, pack_id: str | None = None) -> Path:
    """A copy of the minimal pack, with another version or id if asked."""
    shutil.copytree(MINIMAL, dest)
    pack_yaml = dest / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    if version is not None:
        text = re.sub(r"^version: .*$", f'version: "{version}"', text, count=1, flags=re.M)
    if pack_id is not None:
        text = re.sub(r"^id: .*$", f"id: {pack_id}", text, count=1, flags=re.M)
    pack_yaml.write_text(text, encoding="utf-8")
    return dest


def signed_pack(dest: Path, secret: Path, **changes: str) -> Path:
    """A signed copy of the minimal pack."""
    folder = copy_pack(dest, **changes)
    key = read_secret_key(secret, None)
    sign_pack(folder, key)
    return folder
