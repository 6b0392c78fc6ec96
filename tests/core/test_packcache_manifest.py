"""A verified pack's cache entry is keyed on its signed manifest, not on a second hashing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thresholds_app.core.pack import load as load_module
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.minisig import read_public_key
from thresholds_app.core.pack.opening import TrustPolicy, open_pack
from thresholds_app.core.pack.signing import (
    generate_keys,
    parse_manifest,
    read_secret_key,
    sign_pack,
)
from thresholds_app.paths import default_pack_dir


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, TrustPolicy]:
    folder = tmp_path_factory.mktemp("signed")
    secret, public = generate_keys(folder / "k", None)
    pack = folder / "solihull-rhrt"
    shutil.copytree(default_pack_dir(), pack)
    sign_pack(pack, read_secret_key(secret, None))
    return pack, TrustPolicy((read_public_key(public.read_text(encoding="utf-8")),))


def test_the_verified_open_takes_its_key_from_the_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signed: tuple[Path, TrustPolicy]
) -> None:
    pack_dir, policy = signed
    unverified = load_pack(pack_dir).pack  # hashes every file itself
    assert unverified is not None

    def no_second_hashing(raw: object) -> str:
        raise AssertionError("a verified pack's files were hashed again for the cache key")

    monkeypatch.setattr(load_module, "fingerprint", no_second_hashing)
    cache = tmp_path / "cache"
    first = open_pack([pack_dir], policy, cache_dir=cache).result
    again = open_pack([pack_dir], policy, cache_dir=cache).result
    assert first.pack is not None
    assert again.pack is not None
    assert again.from_cache
    # the same content hash as the unverified load, so case files name the same guidance
    assert first.pack.content_hash == again.pack.content_hash == unverified.content_hash


def test_other_signed_digests_are_another_cache_entry(
    tmp_path: Path, signed: tuple[Path, TrustPolicy]
) -> None:
    pack_dir, _ = signed
    contents = {p.relative_to(pack_dir).as_posix(): p.read_bytes() for p in pack_dir.rglob("*")
                if p.is_file()}  # fmt: skip
    digests = dict(parse_manifest(contents["pack.manifest.json"]).files)
    same = load_pack(pack_dir, verified=contents, signed_digests=digests).pack
    digests["rules.yaml"] = "0" * 64
    other = load_pack(pack_dir, verified=contents, signed_digests=digests).pack
    assert same is not None
    assert other is not None
    assert same.content_hash != other.content_hash
