"""From the settings in force to what a run trusts: keys, authoring mode and candidate packs.

The app and every ``thresholds`` command that uses a pack call these, so they agree.

- Trusted keys: the organisation's (``packs.trusted_keys``), the ``*.pub`` files installed
  with the app (``resources/keys/``), and for the command line any ``--pubkey`` given.
- Authoring mode: on when the settings say ``always``, or when it is asked for (``--authoring``)
  and the settings say ``on-request`` or ``always``. Only when asked for does it also use a
  signed pack that no longer matches its manifest (``always`` alone covers unsigned packs). A
  ``--pubkey`` asks for a strict check, so
  it turns the ``always`` default off unless ``--authoring`` is given too.
- Candidates: the pack asked for (``--pack``, else ``packs.location``, else the bundled one),
  then the bundled one as the fallback.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from thresholds_app.core.config.layers import Settings
from thresholds_app.core.config.partnership import partnership
from thresholds_app.core.pack import minisig
from thresholds_app.core.pack.opening import TrustPolicy
from thresholds_app.core.pack.trust import accepted_versions, kept_packs
from thresholds_app.paths import default_pack_dir, shipped_keys_dir


class TrustSetupError(ValueError):
    """Something asked for that the settings do not allow (the message says what)."""


def shipped_keys() -> list[str]:
    """The public keys installed with the app, as text."""
    folder = shipped_keys_dir()
    if not folder.is_dir():
        return []
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.pub"))]


def trust_policy(
    settings: Settings,
    *,
    authoring_requested: bool = False,
    extra_keys: Sequence[str] = (),
    record_versions: bool = True,
    keep_copies: bool = True,
) -> tuple[TrustPolicy, list[str]]:
    """The run's trust policy, and plain messages about keys that could not be read."""
    mode = settings["packs.authoring_mode"]
    if authoring_requested and mode == "off":
        who = "your organisation" if settings.locked("packs.authoring_mode") else "default"
        raise TrustSetupError(
            f"Authoring mode is turned off on this computer (by {who}), so an unsigned or "
            "changed pack cannot be used."
        )
    authoring = authoring_requested or (mode == "always" and not extra_keys)
    messages: list[str] = []
    keys: list[minisig.PublicKey] = []
    texts = [*settings["packs.trusted_keys"], *shipped_keys(), *extra_keys]
    for text in texts:
        try:
            keys.append(minisig.read_public_key(text))
        except minisig.MinisignError as error:
            messages.append(f"A trusted key could not be read and was skipped: {error}.")
    accepted = accepted_versions() if record_versions else None
    kept = kept_packs() if record_versions and keep_copies else None
    local = partnership(settings)  # the name and numbers set over the pack (core/pack/local.py)
    policy = TrustPolicy(
        tuple(keys),
        authoring,
        accepted,
        kept=kept,
        partnership=local,
        authoring_requested=authoring_requested,
    )
    return policy, messages


def pack_candidates(settings: Settings, requested: Path | None) -> list[Path]:
    """The pack asked for first, then the bundled pack as the fallback."""
    location = settings["packs.location"]
    bundled = default_pack_dir()
    first = requested or (Path(location) if location else bundled)
    return [first] if first == bundled else [first, bundled]
