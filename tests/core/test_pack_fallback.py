"""Whom to call when no pack can be used: the last accepted pack's numbers, else built-in ones."""

from __future__ import annotations

from pathlib import Path

from signedpacks import make_keys, signed_pack

from thresholds_app.core.pack.fallback import BUILT_IN_SOURCE, fallback_contacts
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.opening import TrustPolicy, open_pack
from thresholds_app.core.pack.trust import AcceptedVersions, KeptPacks


def test_nothing_kept_gives_999_and_the_built_in_numbers_marked_as_such(tmp_path: Path) -> None:
    for kept in (None, KeptPacks(tmp_path / "none")):
        found = fallback_contacts(kept)
        assert found.built_in
        assert found.source == BUILT_IN_SOURCE
        assert "may be out of date" in found.source
        assert [c.phone for c in found.contacts] == ["999", "0121 788 4300", "0121 605 6060"]


def test_the_built_in_numbers_match_the_bundled_pack() -> None:
    from thresholds_app.paths import default_pack_dir

    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    front = pack.contacts[pack.roles.front_door]
    assert front.out_of_hours is not None
    bundled = [
        pack.contacts[pack.roles.emergency_contact],
        front,
        pack.contacts[front.out_of_hours],
    ]
    built_in = fallback_contacts(None).contacts
    assert [(c.name, c.phone) for c in bundled] == [(c.name, c.phone) for c in built_in]


def test_the_last_pack_this_computer_trusted_gives_its_own_numbers(tmp_path: Path) -> None:
    secret, public = make_keys(tmp_path)
    kept = KeptPacks(tmp_path / "kept")
    policy = TrustPolicy((public,), False, AcceptedVersions(tmp_path / "a.json"), kept=kept)
    for version in ("1.0.0", "1.2.0"):
        folder = signed_pack(tmp_path / version / "minimal", secret, version=version)
        assert open_pack([folder], policy).result.ok  # accepted, so a copy is kept
    found = fallback_contacts(kept)
    assert not found.built_in
    assert "version 1.2.0" in found.source
    assert [(c.name, c.phone) for c in found.contacts] == [
        ("Emergency services (police, ambulance)", "999"),
        ("Test MASH", "0100 000 0000"),
        ("Test EDT", "0100 000 0001"),
    ]
