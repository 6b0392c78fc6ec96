"""Checking a signed pack before it is used: signature, every file, the pack's identity, rollback.

:func:`verify_pack` reads every file of a pack folder once and checks it against the signed
manifest (:mod:`thresholds_app.core.pack.signing`) with the public keys this computer trusts.
It refuses, with a plain message naming the file:

- a pack with no manifest or no signature (unsigned);
- a signature from a key that is not trusted, or one that does not match the manifest;
- a manifest for another pack than the one expected;
- a file whose bytes changed, a listed file that is missing, and a file that is not listed;
- a version older than one already accepted on this computer (a replayed old pack), using
  :class:`AcceptedVersions`, kept in the user's state folder.

The bytes it checked are handed to the loader, so what is used is exactly what was verified.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from thresholds_app.core.base.records import record
from thresholds_app.core.pack import minisig
from thresholds_app.core.pack.signing import MANIFEST, SIGNATURE, Manifest, pack_files


@record
class Verified:
    """A pack whose every file matched a manifest signed by a trusted key."""

    manifest: Manifest
    key_id: str
    contents: Mapping[str, bytes]
    signed_files: Mapping[str, bytes]  # the manifest and its signature, to keep a copy


@record
class Refusal:
    """Why a pack was refused: the file at fault (relative to the pack) and a plain reason."""

    pack_dir: str
    file: str
    reason: str
    unsigned: bool = False  # no manifest at all (authoring mode may still load it)

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


def version_key(version: str) -> tuple[int, ...]:
    """``"1.10.2"`` -> ``(1, 10, 2)`` so versions compare as numbers; junk sorts lowest."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return ()


def verify_pack(
    pack_dir: Path,
    trusted_keys: Sequence[minisig.PublicKey],
    *,
    expected_id: str | None = None,
    accepted: AcceptedVersions | None = None,
) -> Verified | Refusal:
    """Check the pack in ``pack_dir`` against its signed manifest; see the module docstring."""
    folder = str(pack_dir)

    def refuse(file: str, reason: str, unsigned: bool = False) -> Refusal:
        return Refusal(folder, file, reason, unsigned)

    try:
        manifest_bytes = (pack_dir / MANIFEST).read_bytes()
    except OSError:
        return refuse(MANIFEST, "the pack is not signed: it has no signed manifest", True)
    try:
        signature_bytes = (pack_dir / SIGNATURE).read_bytes()
        signature = minisig.read_signature(signature_bytes)
    except OSError:
        return refuse(SIGNATURE, "the manifest's signature is missing")
    except minisig.MinisignError as error:
        return refuse(SIGNATURE, f"the signature cannot be read: {error}")
    key = next((k for k in trusted_keys if k.key_id == signature.key_id), None)
    if key is None:
        key_text = signature.key_id[::-1].hex().upper()
        reason = f"the pack is signed with a key this computer does not trust (key {key_text})"
        if not trusted_keys:
            reason = "no trusted signing keys are set up on this computer, so it cannot be checked"
        changed = _unchecked_change(pack_dir, manifest_bytes)
        if changed is not None:  # name the changed file, the likelier thing to act on
            return refuse(changed[0], f"{changed[1]}; besides, {reason}")
        return refuse(SIGNATURE, reason)
    try:
        minisig.verify(manifest_bytes, signature, key)
    except minisig.MinisignError:
        return refuse(MANIFEST, "the manifest does not match its signature: it was changed")
    from thresholds_app.core.pack.signing import parse_manifest

    try:
        manifest = parse_manifest(manifest_bytes)
    except ValueError as error:
        return refuse(MANIFEST, f"the signed manifest cannot be used: {error}")
    if expected_id is not None and manifest.pack_id != expected_id:
        return refuse(
            MANIFEST,
            f"the signed manifest is for the pack {manifest.pack_id!r}, not {expected_id!r}",
        )
    problem = _check_files(pack_dir, manifest)
    if isinstance(problem, tuple):
        return refuse(*problem)
    if accepted is not None:
        newest = accepted.newest(manifest.pack_id)
        if newest is not None and version_key(manifest.version) < version_key(newest):
            return refuse(
                MANIFEST,
                f"this is version {manifest.version}, older than version {newest} already "
                "used on this computer; an older pack is not used again",
            )
    signed_files = {MANIFEST: manifest_bytes, SIGNATURE: signature_bytes}
    return Verified(manifest, key.id_text, problem, signed_files)


def _unchecked_change(pack_dir: Path, manifest_bytes: bytes) -> tuple[str, str] | None:
    """The first file that does not match a manifest whose signature could not be checked."""
    from thresholds_app.core.pack.signing import parse_manifest

    try:
        manifest = parse_manifest(manifest_bytes)
    except ValueError:
        return None
    problem = _check_files(pack_dir, manifest)
    return problem if isinstance(problem, tuple) else None


def _check_files(pack_dir: Path, manifest: Manifest) -> dict[str, bytes] | tuple[str, str]:
    """Every file's bytes if they all match the manifest, else (file, reason)."""
    present = pack_files(pack_dir)
    for name in manifest.files:
        if name not in present:
            return name, "this file is listed in the signed manifest but is missing"
    for name in present:
        if name not in manifest.files:
            return name, "this file is not part of the signed pack"
    contents: dict[str, bytes] = {}
    for name, path in present.items():
        try:
            data = path.read_bytes()
        except OSError as error:
            return name, f"this file cannot be read ({error.strerror})"
        if hashlib.sha256(data).hexdigest() != manifest.files[name]:
            return name, "this file has changed since the pack was signed"
        contents[name] = data
    return contents


class AcceptedVersions:
    """The newest version of each pack accepted on this computer (to refuse a replayed one).

    A small JSON file in the user's state folder. If it is unreadable it counts as empty: the
    check is then weaker, never a crash, and the next accepted pack writes it afresh.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            packs = data["packs"]
            return {str(k): str(v) for k, v in packs.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def newest(self, pack_id: str) -> str | None:
        """The newest version of ``pack_id`` accepted here, if any."""
        return self._read().get(pack_id)

    def accept(self, pack_id: str, version: str) -> None:
        """Remember ``version`` if it is newer than what was accepted (written only then)."""
        from thresholds_app.core.base.atomic import atomic_write_text

        packs = self._read()
        old = packs.get(pack_id)
        if old is not None and version_key(version) <= version_key(old):
            return
        packs[pack_id] = version
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps({"packs": packs}, indent=2) + "\n")
        except OSError:
            return  # the check is a safeguard; failing to record it must not stop the work


class KeptPacks:
    """A copy of each pack version accepted on this computer, in the user's state folder.

    The newest copy is a fallback when the pack asked for is refused (it is verified again
    before use, like any pack), and the previous copy is what a new version is compared with
    when it is first used.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, pack_id: str, version: str) -> Path:
        """Where the copy of ``pack_id`` ``version`` is (or would be) kept."""
        return self.folder / pack_id / version

    def keep(self, verified: Verified) -> Path | None:
        """Write a copy of the verified pack (all its files and its signature), once."""
        from thresholds_app.core.base.atomic import atomic_write_bytes

        manifest = verified.manifest
        target = self.path(manifest.pack_id, manifest.version)
        if target.is_dir():
            return target
        try:
            for name, data in {**verified.contents, **verified.signed_files}.items():
                path = target / name
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(path, data)
        except OSError:
            return None  # a copy is a convenience; the pack in use is unaffected
        return target

    def versions(self, pack_id: str) -> list[Path]:
        """The kept copies of ``pack_id``, newest first."""
        folder = self.folder / pack_id
        if not folder.is_dir():
            return []
        copies = [p for p in folder.iterdir() if p.is_dir()]
        return sorted(copies, key=lambda p: version_key(p.name), reverse=True)


def default_state_dir() -> Path:
    """The per-user state folder (worked out without platformdirs, which costs start-up 7 ms)."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / "thresholds_app" / "State"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "thresholds_app" / "State"
    xdg = os.environ.get("XDG_STATE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "state"
    return base / "thresholds_app"


def accepted_versions() -> AcceptedVersions:
    """This user's record of accepted pack versions."""
    return AcceptedVersions(default_state_dir() / "accepted-packs.json")


def kept_packs() -> KeptPacks:
    """This user's copies of accepted pack versions."""
    return KeptPacks(default_state_dir() / "packs")
