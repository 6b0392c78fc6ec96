"""Signed pack manifests: what a published pack carries so a computer can trust it.

A signed pack folder holds two extra files beside its YAML:

- ``pack.manifest.json``: the pack's id, version, effective, review-by and expiry dates, and the
  SHA-256 of every other file in the folder (sub-folders included);
- ``pack.manifest.json.minisig``: a minisign signature (Ed25519) over the manifest.

minisign was chosen because the partnership's content team and an IT team can make and check the
signature with a common, audited tool (``minisign -Vm pack.manifest.json -p key.pub``, and
``sha256sum`` for the files) as well as with this app; its keys are one line of text that fits in
a policy setting, and it needs no certificate authority. Keys and signatures are made here with
py-minisign (a maintained pure-Python implementation on ``cryptography``); checking is done by
:mod:`thresholds_app.core.pack.minisig`, which is fast enough for every start.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from thresholds_app.core.base.records import record

MANIFEST = "pack.manifest.json"
SIGNATURE = MANIFEST + ".minisig"
FORMAT = "thresholds-pack-manifest/1"
SIGNING_FILES = frozenset({MANIFEST, SIGNATURE})


class SigningError(ValueError):
    """A key or pack that cannot be used for signing, with a plain message."""


@record
class Manifest:
    """A signed manifest's content."""

    pack_id: str
    version: str
    effective_from: str
    review_by: str
    expires: str | None
    files: Mapping[str, str]  # relative path (forward slashes) -> SHA-256 hex

    def to_bytes(self) -> bytes:
        """The manifest as the UTF-8 JSON that is signed (stable order, one trailing newline)."""
        document = {
            "format": FORMAT,
            "pack": {
                "id": self.pack_id,
                "version": self.version,
                "effective_from": self.effective_from,
                "review_by": self.review_by,
                "expires": self.expires,
            },
            "files": dict(sorted(self.files.items())),
        }
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def parse_manifest(data: bytes) -> Manifest:
    """Read a manifest; raise :class:`ValueError` with a plain message if it is not one."""
    try:
        document = json.loads(data.decode("utf-8"))
        if document.get("format") != FORMAT:
            raise ValueError(f"it is not a {FORMAT} manifest")
        pack: dict[str, Any] = document["pack"]
        files = document["files"]
        if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and len(v) == 64 for k, v in files.items()
        ):
            raise ValueError("its file list is not a list of SHA-256 digests")
        return Manifest(
            pack_id=str(pack["id"]),
            version=str(pack["version"]),
            effective_from=str(pack["effective_from"]),
            review_by=str(pack["review_by"]),
            expires=None if pack.get("expires") is None else str(pack["expires"]),
            files=files,
        )
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError):
        raise ValueError("it is not readable as a manifest") from None


def pack_files(pack_dir: Path) -> dict[str, Path]:
    """Every file in the pack folder except the manifest and its signature, by relative name.

    Hidden files count too: anything in the folder is part of what is loaded or shown, so
    nothing may sit there unsigned.
    """
    found: dict[str, Path] = {}
    for folder, subfolders, names in os.walk(pack_dir):
        subfolders.sort()
        for name in names:
            path = Path(folder) / name
            relative = path.relative_to(pack_dir).as_posix()
            if relative not in SIGNING_FILES:
                found[relative] = path
    return dict(sorted(found.items()))


def build_manifest(pack_dir: Path) -> Manifest:
    """The manifest for the pack in ``pack_dir``, which must be a valid pack."""
    from thresholds_app.core.pack.load import load_pack

    result = load_pack(pack_dir)
    if result.pack is None or result.problems:
        first = "; ".join(str(p) for p in result.problems[:3])
        raise SigningError(f"the pack is not valid, so it cannot be signed: {first}")
    info = result.pack.manifest
    digests = {
        name: hashlib.sha256(path.read_bytes()).hexdigest()
        for name, path in pack_files(pack_dir).items()
    }
    return Manifest(
        pack_id=info.id,
        version=info.version,
        effective_from=info.effective_from,
        review_by=info.review_by,
        expires=info.expires,
        files=digests,
    )


def read_secret_key(path: Path, password: str | None) -> Any:
    """A minisign secret key, decrypted with ``password`` if it has one."""
    import minisign

    try:
        key = minisign.SecretKey.from_bytes(path.read_bytes())
        if key.is_encrypted():
            if password is None:
                raise SigningError(f"{path.name} is protected by a password; give it")
            key.decrypt(password)
    except OSError as error:
        raise SigningError(f"cannot read {path}: {error.strerror}") from None
    except minisign.Error as error:
        raise SigningError(f"{path.name} cannot be used: {error}") from None
    return key


def sign_pack(pack_dir: Path, secret_key: Any) -> Manifest:
    """Write ``pack.manifest.json`` and its minisign signature into ``pack_dir``."""
    from thresholds_app.core.base.atomic import atomic_write_bytes  # not on the start path

    manifest = build_manifest(pack_dir)
    data = manifest.to_bytes()
    import time

    comment = (
        f"timestamp:{int(time.time())}\tfile:{MANIFEST}\t"
        f"pack:{manifest.pack_id}\tversion:{manifest.version}"
    )
    signature = secret_key.sign(data, prehash=True, trusted_comment=comment)
    atomic_write_bytes(pack_dir / MANIFEST, data)
    atomic_write_bytes(pack_dir / SIGNATURE, bytes(signature) + b"\n")
    return manifest


def generate_keys(prefix: Path, password: str | None) -> tuple[Path, Path]:
    """Write a new minisign key pair to ``PREFIX.key`` (secret) and ``PREFIX.pub``."""
    import minisign

    secret_path, public_path = Path(f"{prefix}.key"), Path(f"{prefix}.pub")
    for path in (secret_path, public_path):
        if path.exists():
            raise SigningError(f"{path} already exists; it was left alone")
    pair = minisign.KeyPair.generate()
    public = bytes(pair.public_key) + b"\n"
    if password:
        pair.secret_key.encrypt(password)
    secret = bytes(pair.secret_key) + b"\n"
    pair.secret_key.wipe()
    fd = os.open(secret_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secret)
    public_path.write_bytes(public)
    return secret_path, public_path
