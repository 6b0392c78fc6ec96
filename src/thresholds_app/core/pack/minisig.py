"""Reading and checking minisign public keys and signatures (Ed25519), quickly.

minisign's format is small and public (https://jedisct1.github.io/minisign/): a public key is a
comment line and base64 of ``"Ed" + key id (8 bytes) + Ed25519 key (32)``; a signature is four
lines: a comment, base64 of ``algorithm + key id + signature (64)``, a trusted comment, and base64
of a second signature over the first signature and the trusted comment. ``"ED"`` signs the
BLAKE2b-512 hash of the file (minisign's default since 0.10), ``"Ed"`` the file itself.

Keys and signatures are *made* with py-minisign (:mod:`thresholds_app.core.pack.signing`). This
module only checks them, because it runs at every start of the app: importing py-minisign, and
cryptography's public Ed25519 module with it, costs 25-60 ms, while cryptography's compiled
binding on its own costs about 5 ms. The tests check this reader against signatures made by
py-minisign and by the ``minisign`` program itself.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Any

from thresholds_app.core.base.records import record

UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
PREHASHED = b"ED"
LEGACY = b"Ed"


class MinisignError(ValueError):
    """A key or signature that cannot be read, or a signature that does not check out."""


@record
class PublicKey:
    """A minisign public key: its 8-byte id and 32-byte Ed25519 key."""

    key_id: bytes
    key: bytes

    @property
    def id_text(self) -> str:
        """The key id as minisign prints it (16 hex digits, capitals)."""
        return self.key_id[::-1].hex().upper()


@record
class Signature:
    """A parsed ``.minisig`` file."""

    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes


def _b64(text: str, length: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise MinisignError(f"the {what} is not valid base64") from None
    if len(raw) != length:
        raise MinisignError(f"the {what} has the wrong length")
    return raw


def read_public_key(text: str) -> PublicKey:
    """Read a public key: a whole ``.pub`` file, or just its base64 line (``RW...``)."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    if len(lines) == 2 and lines[0].startswith(UNTRUSTED):
        lines = lines[1:]
    if len(lines) != 1:
        raise MinisignError("a minisign public key is one line of base64 after a comment line")
    raw = _b64(lines[0], 42, "public key")
    if raw[:2] != LEGACY:
        raise MinisignError("this is not an Ed25519 minisign public key")
    return PublicKey(raw[2:10], raw[10:])


def read_signature(data: bytes) -> Signature:
    """Read a ``.minisig`` file's four lines."""
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise MinisignError("the signature file is not text") from None
    if len(lines) != 4 or not lines[0].startswith(UNTRUSTED) or not lines[2].startswith(TRUSTED):
        raise MinisignError("the signature file does not have minisign's four lines")
    raw = _b64(lines[1], 74, "signature")
    if raw[:2] not in (PREHASHED, LEGACY):
        raise MinisignError("the signature uses an algorithm minisign does not define")
    return Signature(
        algorithm=raw[:2],
        key_id=raw[2:10],
        signature=raw[10:],
        trusted_comment=lines[2][len(TRUSTED) :],
        global_signature=_b64(lines[3], 64, "trusted comment signature"),
    )


def _ed25519_public_key(raw: bytes) -> Any:
    """Cryptography's Ed25519 public key, through its compiled binding when it is there."""
    try:  # the public module re-exports these (cryptography >= 42); see the module docstring
        from cryptography.hazmat.bindings._rust import openssl as rust_openssl

        return rust_openssl.ed25519.from_public_bytes(raw)
    except (ImportError, AttributeError):  # pragma: no cover - a future cryptography
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        return Ed25519PublicKey.from_public_bytes(raw)


def verify(data: bytes, signature: Signature, key: PublicKey) -> None:
    """Check ``signature`` over ``data`` with ``key``; raise :class:`MinisignError` if not.

    Both signatures are checked, as minisign does: the one over the data and the one binding the
    trusted comment to it (so the comment cannot be swapped).
    """
    from cryptography.exceptions import InvalidSignature

    if signature.key_id != key.key_id:
        raise MinisignError("the signature was made with another key")
    message = hashlib.blake2b(data).digest() if signature.algorithm == PREHASHED else data
    public = _ed25519_public_key(key.key)
    try:
        public.verify(signature.signature, message)
        public.verify(
            signature.global_signature,
            signature.signature + signature.trusted_comment.encode("utf-8"),
        )
    except InvalidSignature:
        raise MinisignError("the signature does not match") from None
