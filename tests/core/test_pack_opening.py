"""Opening the pack to use: verified, in authoring mode, or the newest trusted fallback."""

from __future__ import annotations

from pathlib import Path

import pytest
from signedpacks import copy_pack, make_keys, signed_pack

from thresholds_app.core.config.layers import NO_POLICY, PolicyData, default_values, resolve
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.opening import TrustPolicy, open_pack
from thresholds_app.core.pack.trust import AcceptedVersions
from thresholds_app.core.pack.trust_setup import TrustSetupError, pack_candidates, trust_policy


@pytest.fixture
def keys(tmp_path: Path):
    return make_keys(tmp_path)


def strict(keys, tmp_path: Path) -> TrustPolicy:
    return TrustPolicy((keys[1],), False, AcceptedVersions(tmp_path / "accepted.json"))


def test_a_verified_pack_is_marked_verified_and_its_version_recorded(tmp_path, keys) -> None:
    pack_dir = signed_pack(tmp_path / "p", keys[0])
    policy = strict(keys, tmp_path)
    opened = open_pack([pack_dir], policy, cache_dir=tmp_path / "cache")
    pack = opened.result.pack
    assert pack is not None
    assert opened.result.ok
    assert pack.trust is not None
    assert pack.trust.verified
    assert pack.trust.signed_by == keys[1].id_text
    assert opened.notice == ""
    assert policy.accepted is not None
    assert policy.accepted.newest("minimal") == "1.0.0"
    # the second start comes from the cache, still checked and marked
    again = open_pack([pack_dir], policy, cache_dir=tmp_path / "cache")
    assert again.result.from_cache
    assert again.result.pack.trust.verified


def test_the_loaded_pack_is_made_from_the_verified_bytes(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path / "p")
    verified = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}
    original = load_pack(folder).pack
    (folder / "pack.yaml").write_text("changed after the check\n")  # swapped under our feet
    result = load_pack(folder, verified=verified)
    assert result.ok
    assert result.pack is not None
    assert original is not None
    assert result.pack.content_hash == original.content_hash


def test_a_file_added_after_the_check_is_not_loaded(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path / "p")
    verified = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.*")}
    (folder / "topics" / "late.yaml").write_text("id: late\n")
    result = load_pack(folder, verified=verified)
    assert not result.ok
    assert [p.file for p in result.problems] == ["topics/late.yaml"]


def test_a_refused_pack_falls_back_to_the_newest_trusted_one_and_says_so(
    tmp_path: Path, keys
) -> None:
    share = signed_pack(tmp_path / "share", keys[0], version="3.0.0")
    (share / "rules.yaml").write_bytes((share / "rules.yaml").read_bytes() + b"\n# edited\n")
    older = signed_pack(tmp_path / "older", keys[0], version="1.0.0")
    newer = signed_pack(tmp_path / "newer", keys[0], version="2.0.0")
    opened = open_pack([share, older, newer], strict(keys, tmp_path))
    assert opened.pack_dir == newer
    assert opened.result.pack is not None
    assert opened.result.pack.manifest.version == "2.0.0"
    assert "rules.yaml: this file has changed since the pack was signed" in opened.notice
    assert "Using" in opened.notice
    assert "newest pack this computer trusts" in opened.notice


def test_nothing_is_loaded_when_no_pack_is_trusted(tmp_path: Path, keys) -> None:
    plain = copy_pack(tmp_path / "plain")
    opened = open_pack([plain], strict(keys, tmp_path))
    assert opened.result.pack is None
    assert "not signed" in str(opened.result.problems[0])


def test_authoring_mode_loads_an_unsigned_pack_marked_as_not_verified(tmp_path: Path) -> None:
    plain = copy_pack(tmp_path / "plain")
    opened = open_pack([plain], TrustPolicy(authoring=True))
    pack = opened.result.pack
    assert pack is not None
    assert pack.trust is not None
    assert not pack.trust.verified
    assert "Authoring mode" in pack.trust.note
    assert "not signed" in pack.trust.note
    assert "Authoring mode" in opened.notice


def test_authoring_mode_asked_for_names_what_changed_in_a_signed_pack(tmp_path, keys) -> None:
    pack_dir = signed_pack(tmp_path / "p", keys[0])
    (pack_dir / "levels.yaml").write_bytes((pack_dir / "levels.yaml").read_bytes() + b"\n")
    policy = TrustPolicy((keys[1],), True, None, authoring_requested=True)
    note = open_pack([pack_dir], policy).result.pack.trust.note  # type: ignore[union-attr]
    assert "levels.yaml: this file has changed" in note


@pytest.mark.parametrize("trusted", [True, False])
def test_a_signed_pack_that_fails_its_check_is_refused_unless_authoring_is_asked_for(
    tmp_path: Path, keys, trusted: bool
) -> None:
    """Authoring mode by setting alone (a source checkout) never uses a tampered pack."""
    pack_dir = signed_pack(tmp_path / "p", keys[0])
    rules = pack_dir / "rules.yaml"
    rules.write_bytes(rules.read_bytes().replace(b"at_least: 1", b"at_least: 2", 1))
    policy = TrustPolicy((keys[1],) if trusted else (), True, None)
    opened = open_pack([pack_dir], policy)
    assert opened.result.pack is None
    problem = str(opened.result.problems[0])
    assert problem.startswith("rules.yaml: this file has changed since the pack was signed")
    if not trusted:  # the key cannot be checked either, and it says so
        assert "no trusted signing keys" in problem
    assert "was refused" in opened.notice


def test_a_signed_pack_is_verified_even_in_authoring_mode(tmp_path: Path, keys) -> None:
    pack_dir = signed_pack(tmp_path / "p", keys[0])
    opened = open_pack([pack_dir], TrustPolicy((keys[1],), True, None))
    assert opened.result.pack.trust.verified  # type: ignore[union-attr]


def settings(locked: dict | None = None, *, source_checkout: bool = False):
    policy = PolicyData(locked or {}, {}) if locked else NO_POLICY
    return resolve(policy, {}, default_values(source_checkout=source_checkout))


def test_an_installed_app_is_strict_and_a_source_checkout_is_in_authoring_mode() -> None:
    assert not trust_policy(settings(), record_versions=False)[0].authoring
    assert trust_policy(settings(source_checkout=True), record_versions=False)[0].authoring


def test_a_pubkey_asks_for_a_strict_check_even_in_a_source_checkout(tmp_path, keys) -> None:
    public = (tmp_path / "signer.pub").read_text()
    policy, _ = trust_policy(
        settings(source_checkout=True), extra_keys=[public], record_versions=False
    )
    assert not policy.authoring
    assert policy.trusted_keys == (keys[1],)


def test_authoring_cannot_be_asked_for_when_the_organisation_turned_it_off() -> None:
    with pytest.raises(TrustSetupError, match="your organisation"):
        trust_policy(
            settings({"packs.authoring_mode": "off"}, source_checkout=True),
            authoring_requested=True,
        )
    on_request = settings({"packs.authoring_mode": "on-request"})
    assert not trust_policy(on_request, record_versions=False)[0].authoring
    assert trust_policy(on_request, authoring_requested=True, record_versions=False)[0].authoring


def test_trusted_keys_come_from_the_organisation_and_bad_ones_are_reported(tmp_path, keys):
    public = (tmp_path / "signer.pub").read_text()
    policy, messages = trust_policy(
        settings({"packs.trusted_keys": (public.splitlines()[1], "RWnonsense")}),
        record_versions=False,
    )
    assert policy.trusted_keys == (keys[1],)
    assert messages
    assert "could not be read" in messages[0]


def test_the_pack_location_comes_first_and_the_bundled_pack_is_the_fallback(tmp_path) -> None:
    from thresholds_app.paths import default_pack_dir

    share = tmp_path / "share"
    assert pack_candidates(settings({"packs.location": str(share)}), None) == [
        share,
        default_pack_dir(),
    ]
    assert pack_candidates(settings(), None) == [default_pack_dir()]
    assert pack_candidates(settings(), tmp_path)[0] == tmp_path


def remembering(keys, tmp_path: Path) -> TrustPolicy:
    from thresholds_app.core.pack.trust import KeptPacks

    return TrustPolicy(
        (keys[1],),
        False,
        AcceptedVersions(tmp_path / "accepted.json"),
        kept=KeptPacks(tmp_path / "kept"),
    )


def test_a_new_version_is_compared_with_the_kept_copy_once(tmp_path: Path, keys) -> None:
    policy = remembering(keys, tmp_path)
    first = open_pack([signed_pack(tmp_path / "v1" / "minimal", keys[0])], policy)
    assert first.previous is None
    assert (tmp_path / "kept" / "minimal" / "1.0.0" / "pack.manifest.json.minisig").is_file()
    newer = signed_pack(tmp_path / "v2" / "minimal", keys[0], version="1.1.0")
    second = open_pack([newer], policy)
    assert second.previous == tmp_path / "kept" / "minimal" / "1.0.0"
    assert open_pack([newer], policy).previous is None  # shown once only


def test_a_kept_copy_is_the_fallback_when_the_share_is_tampered(tmp_path: Path, keys) -> None:
    policy = remembering(keys, tmp_path)
    share = signed_pack(tmp_path / "share" / "minimal", keys[0])
    assert open_pack([share], policy).result.ok
    (share / "levels.yaml").write_bytes(b"tampered\n")
    opened = open_pack([share], policy)
    assert opened.pack_dir == tmp_path / "kept" / "minimal" / "1.0.0"
    assert opened.result.pack is not None
    assert opened.result.pack.trust.verified
    assert "levels.yaml: this file has changed" in opened.notice


def test_a_tampered_kept_copy_is_not_used(tmp_path: Path, keys) -> None:
    policy = remembering(keys, tmp_path)
    share = signed_pack(tmp_path / "share" / "minimal", keys[0])
    open_pack([share], policy)
    kept = tmp_path / "kept" / "minimal" / "1.0.0" / "rules.yaml"
    kept.write_bytes(kept.read_bytes() + b"# edited\n")
    (share / "levels.yaml").write_bytes(b"tampered\n")
    assert open_pack([share], policy).result.pack is None
