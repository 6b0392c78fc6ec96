"""Opening the pack to use: verified if at all possible, the newest trusted one if not.

Both the app and the ``thresholds`` command open guidance through :func:`open_pack`, so they
apply the same rules:

1. The requested pack (the first candidate) is verified (:mod:`.trust`). If it passes, it is
   loaded from exactly the bytes that were checked, and its version is recorded as accepted.
2. If it is refused and authoring mode is on, it is loaded anyway, marked as not verified: the
   note says why, and every rationale made from it says so on every page. A pack that carries
   a signed manifest it does not match (a changed, missing or extra file, another key, another
   pack, an older version) is loaded so only when authoring mode was asked for by name
   (``--authoring``), never by a setting alone: tampering is never used quietly.
3. Otherwise the other candidates (the copy bundled with the app, and the copies of versions
   accepted before, kept in the user's state folder) are verified and the newest trusted one
   is used, with a note naming the refused file and the pack used.
4. If none is trusted, nothing is loaded and the refusal is the problem reported.

The pack opened then carries the partnership's name and local numbers from the organisation's
settings (:mod:`.local`), applied in memory after the check; anything left out is in
:attr:`Opened.messages`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from thresholds_app.core.base.problems import Problem
from thresholds_app.core.base.records import fields, record
from thresholds_app.core.base.records import replace as replace_record
from thresholds_app.core.config.partnership import NO_PARTNERSHIP, Partnership
from thresholds_app.core.pack.load import LoadResult, load_pack
from thresholds_app.core.pack.local import localise
from thresholds_app.core.pack.minisig import PublicKey
from thresholds_app.core.pack.model import PackTrust
from thresholds_app.core.pack.trust import (
    AcceptedVersions,
    KeptPacks,
    Refusal,
    Verified,
    verify_pack,
    version_key,
)

AUTHORING_NOTE = (
    "Authoring mode: this guidance has not been verified ({why}). Do not use it for a real "
    "referral; rationales made now say so on every page."
)


@record
class TrustPolicy:
    """What this run trusts: keys, whether authoring mode is on, and the rollback record."""

    trusted_keys: tuple[PublicKey, ...] = ()
    authoring: bool = False
    accepted: AcceptedVersions | None = None
    expected_id: str | None = None
    kept: KeptPacks | None = None  # copies of accepted versions (fallback, and for comparing)
    # The organisation's name and numbers over the pack (not about trust, but applied to
    # whichever pack is opened, so it travels with the rest of the run's settings).
    partnership: Partnership = NO_PARTNERSHIP
    # --authoring given: authoring mode may then use a signed pack that fails its check too
    authoring_requested: bool = False


@record
class Opened:
    """The pack opened (``result``), where from, and anything refused on the way."""

    result: LoadResult
    pack_dir: Path
    refusals: tuple[Refusal, ...] = ()
    previous: Path | None = None  # the kept copy of the version used before, when this is new
    # Plain messages about the organisation's partnership settings that could not be used.
    messages: tuple[str, ...] = ()

    @property
    def notice(self) -> str:
        """A plain paragraph for a banner or stderr: what was refused and what is used."""
        pack = self.result.pack
        lines = [f"The guidance pack in {r.pack_dir} was refused: {r}." for r in self.refusals]
        if pack is not None and pack.trust is not None and not pack.trust.verified:
            lines.append(pack.trust.note)
        elif pack is not None and self.refusals:
            lines.append(
                f"Using {pack.manifest.title} version {pack.manifest.version} from "
                f"{self.pack_dir} instead: the newest pack this computer trusts."
            )
        return "\n".join([*lines, *self.messages])


def open_pack(
    candidates: Sequence[Path], policy: TrustPolicy, *, cache_dir: Path | None = None
) -> Opened:
    """Open the first candidate if it is trusted, else as described in the module docstring."""
    opened = _open(candidates, policy, cache_dir)
    result = opened.result
    if result.pack is None:
        return opened
    pack, messages = localise(result.pack, policy.partnership)
    local = LoadResult(pack, result.problems, result.from_cache)
    return replace_record(opened, result=local, messages=messages)


def _open(candidates: Sequence[Path], policy: TrustPolicy, cache_dir: Path | None) -> Opened:
    first = candidates[0]
    outcome = _verify(first, policy)
    if isinstance(outcome, Verified):
        opened = load_verified(first, outcome, policy, cache_dir)
        if not isinstance(opened, Refusal):
            return opened
        outcome = opened
    if policy.authoring and (outcome.unsigned or policy.authoring_requested):
        result = load_pack(first, cache_dir=cache_dir)
        why = outcome.reason if outcome.unsigned else str(outcome)
        trust = PackTrust(False, "", AUTHORING_NOTE.replace("{why}", why))
        return Opened(_with_trust(result, trust), first, ())
    refusals = [outcome]
    trusted: list[tuple[Path, Verified]] = []
    others = list(candidates[1:])
    if policy.kept is not None:
        others += _kept_copies(policy.kept, candidates, policy.expected_id)
    for folder in others:
        other = _verify(folder, policy)
        if isinstance(other, Verified):
            trusted.append((folder, other))
        else:
            refusals.append(other)
    trusted.sort(key=lambda item: version_key(item[1].manifest.version), reverse=True)
    for folder, verified in trusted:
        opened = load_verified(folder, verified, policy, cache_dir)
        if isinstance(opened, Refusal):
            refusals.append(opened)
            continue
        return Opened(opened.result, folder, (refusals[0],), opened.previous)
    problems = [Problem(r.file, None, None, "", f"{r.reason} (in {r.pack_dir})") for r in refusals]
    return Opened(LoadResult(None, problems), first, tuple(refusals))


def _verify(folder: Path, policy: TrustPolicy) -> Verified | Refusal:
    if not folder.is_dir():
        return Refusal(str(folder), str(folder), "this is not a pack folder")
    return verify_pack(
        folder, policy.trusted_keys, expected_id=policy.expected_id, accepted=policy.accepted
    )


def load_verified(
    folder: Path, verified: Verified, policy: TrustPolicy, cache_dir: Path | None
) -> Opened | Refusal:
    """Load the verified bytes; refuse a pack whose own ``pack.yaml`` disagrees with them."""
    # keyed on the verified manifest: its digests are the pack's content hash and cache key
    result = load_pack(
        folder,
        cache_dir=cache_dir,
        verified=verified.contents,
        signed_digests=verified.manifest.files,
    )
    pack = result.pack
    if pack is None or result.problems:
        first = result.problems[0] if result.problems else None
        where = first.file if first else "pack.yaml"
        reason = first.message if first else "the pack does not load"
        return Refusal(str(folder), where, f"the signed pack is not valid here: {reason}")
    signed = verified.manifest
    if (pack.manifest.id, pack.manifest.version) != (signed.pack_id, signed.version):
        return Refusal(
            str(folder),
            "pack.yaml",
            f"pack.yaml says {pack.manifest.id} {pack.manifest.version}, but the signed "
            f"manifest says {signed.pack_id} {signed.version}",
        )
    previous = _remember(verified, policy)
    note = f"Verified: signed by key {verified.key_id}."
    trust = PackTrust(True, verified.key_id, note)
    return Opened(_with_trust(result, trust), folder, (), previous)


def _remember(verified: Verified, policy: TrustPolicy) -> Path | None:
    """Record the version as accepted and keep a copy; the older copy if this one is new."""
    signed = verified.manifest
    before = policy.accepted.newest(signed.pack_id) if policy.accepted is not None else None
    if policy.accepted is not None:
        policy.accepted.accept(signed.pack_id, signed.version)
    if policy.kept is None:
        return None
    policy.kept.keep(verified)
    if before is None or version_key(before) >= version_key(signed.version):
        return None
    older = policy.kept.path(signed.pack_id, before)
    return older if older.is_dir() else None


def _kept_copies(
    kept: KeptPacks, candidates: Sequence[Path], expected_id: str | None
) -> list[Path]:
    """Kept copies of the expected pack, or of the packs the candidates' folders are named for."""
    names = {expected_id} if expected_id else {c.name for c in candidates}
    return [copy for name in sorted(names) for copy in kept.versions(name)]


def _with_trust(result: LoadResult, trust: PackTrust) -> LoadResult:
    pack = result.pack
    if pack is None:
        return result
    values = {name: getattr(pack, name) for name in fields(pack)}  # not memos such as the engine
    values["trust"] = trust
    return LoadResult(type(pack)(**values), result.problems, result.from_cache)
