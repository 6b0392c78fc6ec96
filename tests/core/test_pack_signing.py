"""Signed packs: signing, and every refusal of a pack that cannot be trusted."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from signedpacks import MINIMAL, copy_pack, make_keys, signed_pack

from thresholds_app.core.pack import minisig
from thresholds_app.core.pack.signing import (
    MANIFEST,
    SIGNATURE,
    SigningError,
    generate_keys,
    parse_manifest,
    read_secret_key,
    sign_pack,
)
from thresholds_app.core.pack.trust import AcceptedVersions, Refusal, Verified, verify_pack

PACK_FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*") if p.is_file())


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, minisig.PublicKey]:
    return make_keys(tmp_path)


@pytest.fixture
def pack(tmp_path: Path, keys: tuple[Path, minisig.PublicKey]) -> Path:
    return signed_pack(tmp_path / "pack", keys[0])


def refusal(outcome: Verified | Refusal) -> Refusal:
    assert isinstance(outcome, Refusal), f"expected a refusal, got {outcome!r}"
    return outcome


def test_a_signed_pack_is_trusted_and_its_manifest_lists_every_file(pack: Path, keys) -> None:
    outcome = verify_pack(pack, [keys[1]])
    assert isinstance(outcome, Verified)
    assert sorted(outcome.manifest.files) == PACK_FILES
    assert sorted(outcome.contents) == PACK_FILES
    assert outcome.contents["levels.yaml"] == (pack / "levels.yaml").read_bytes()
    manifest = parse_manifest((pack / MANIFEST).read_bytes())
    assert (manifest.pack_id, manifest.version) == ("minimal", "1.0.0")
    assert manifest.effective_from == "2024-01-01"
    assert outcome.key_id == keys[1].id_text


@pytest.mark.parametrize("name", PACK_FILES)
def test_a_single_flipped_byte_in_any_file_is_refused_naming_that_file(
    pack: Path, keys, name: str
) -> None:
    path = pack / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    found = refusal(verify_pack(pack, [keys[1]]))
    assert found.file == name
    assert "changed since the pack was signed" in found.reason


def test_a_changed_manifest_is_refused(pack: Path, keys) -> None:
    path = pack / MANIFEST
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01
    path.write_bytes(bytes(data))
    found = refusal(verify_pack(pack, [keys[1]]))
    assert (found.file, "does not match its signature" in found.reason) == (MANIFEST, True)


def test_a_changed_signature_is_refused(pack: Path, keys) -> None:
    path = pack / SIGNATURE
    lines = path.read_text().splitlines()
    sig = bytearray(minisig.base64.b64decode(lines[1]))
    sig[20] ^= 0x01
    lines[1] = minisig.base64.b64encode(bytes(sig)).decode()
    path.write_text("\n".join(lines) + "\n")
    assert refusal(verify_pack(pack, [keys[1]])).file == MANIFEST


def test_a_changed_trusted_comment_is_refused(pack: Path, keys) -> None:
    path = pack / SIGNATURE
    path.write_text(path.read_text().replace("version:1.0.0", "version:9.9.9"))
    assert "does not match" in refusal(verify_pack(pack, [keys[1]])).reason


def test_a_missing_file_is_refused(pack: Path, keys) -> None:
    (pack / "topics" / "bruising.yaml").unlink()
    found = refusal(verify_pack(pack, [keys[1]]))
    assert (found.file, "missing" in found.reason) == ("topics/bruising.yaml", True)


@pytest.mark.parametrize("extra", ["notes.txt", "domains/extra.yaml", ".hidden", "new/deep.yaml"])
def test_an_extra_file_is_refused(pack: Path, keys, extra: str) -> None:
    (pack / extra).parent.mkdir(exist_ok=True)
    (pack / extra).write_text("slipped in\n")
    found = refusal(verify_pack(pack, [keys[1]]))
    assert (found.file, "not part of the signed pack" in found.reason) == (extra, True)


def test_an_unsigned_pack_is_refused_as_unsigned(tmp_path: Path, keys) -> None:
    found = refusal(verify_pack(copy_pack(tmp_path / "plain"), [keys[1]]))
    assert found.unsigned
    assert found.file == MANIFEST


def test_a_manifest_without_its_signature_is_refused(pack: Path, keys) -> None:
    (pack / SIGNATURE).unlink()
    found = refusal(verify_pack(pack, [keys[1]]))
    assert found.file == SIGNATURE
    assert not found.unsigned


def test_a_pack_signed_with_another_key_is_refused(pack: Path, tmp_path: Path) -> None:
    _secret, other = make_keys(tmp_path, "other")
    found = refusal(verify_pack(pack, [other]))
    assert "does not trust" in found.reason
    assert found.file == SIGNATURE


def test_no_trusted_keys_at_all_is_refused_plainly(pack: Path) -> None:
    assert "no trusted signing keys" in refusal(verify_pack(pack, [])).reason


def test_the_same_key_id_with_another_key_is_refused(pack: Path, keys, tmp_path: Path) -> None:
    _secret, other = make_keys(tmp_path, "other")
    impostor = minisig.PublicKey(keys[1].key_id, other.key)  # same id, different key
    assert "does not match its signature" in refusal(verify_pack(pack, [impostor])).reason


def test_a_manifest_for_another_pack_is_refused(tmp_path: Path, keys) -> None:
    other = signed_pack(tmp_path / "other", keys[0], pack_id="elsewhere")
    found = refusal(verify_pack(other, [keys[1]], expected_id="minimal"))
    assert "for the pack 'elsewhere', not 'minimal'" in found.reason


def test_a_manifest_copied_onto_another_pack_is_refused(tmp_path: Path, keys) -> None:
    first = signed_pack(tmp_path / "first", keys[0])
    second = copy_pack(tmp_path / "second", version="2.0.0")
    for name in (MANIFEST, SIGNATURE):
        shutil.copy(first / name, second / name)
    assert refusal(verify_pack(second, [keys[1]])).file == "pack.yaml"


def test_a_replayed_older_version_is_refused(tmp_path: Path, keys) -> None:
    accepted = AcceptedVersions(tmp_path / "state" / "accepted.json")
    newer = signed_pack(tmp_path / "v2", keys[0], version="1.10.0")
    older = signed_pack(tmp_path / "v1", keys[0], version="1.9.0")
    assert isinstance(verify_pack(older, [keys[1]], accepted=accepted), Verified)
    accepted.accept("minimal", "1.10.0")  # versions compare as numbers: 1.10 is after 1.9
    assert isinstance(verify_pack(newer, [keys[1]], accepted=accepted), Verified)
    found = refusal(verify_pack(older, [keys[1]], accepted=accepted))
    assert "older than version 1.10.0" in found.reason
    accepted.accept("minimal", "1.9.0")  # never moves backwards
    assert accepted.newest("minimal") == "1.10.0"


def test_a_damaged_record_of_accepted_versions_counts_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "accepted.json"
    path.write_text("{not json")
    record = AcceptedVersions(path)
    assert record.newest("minimal") is None
    record.accept("minimal", "1.0.0")
    assert json.loads(path.read_text()) == {"packs": {"minimal": "1.0.0"}}


def test_an_invalid_pack_is_not_signed(tmp_path: Path, keys) -> None:
    folder = copy_pack(tmp_path / "bad")
    (folder / "levels.yaml").write_text("levels: [\n")
    with pytest.raises(SigningError, match="not valid"):
        sign_pack(folder, read_secret_key(keys[0], None))
    assert not (folder / MANIFEST).exists()


def test_a_password_protected_key_needs_its_password(tmp_path: Path) -> None:
    secret, _public = generate_keys(tmp_path / "locked", "correct horse")
    assert "encrypted secret key" in secret.read_text().splitlines()[0]
    assert secret.stat().st_mode & 0o077 == 0  # only its owner may read it
    with pytest.raises(SigningError, match="password"):
        read_secret_key(secret, None)
    with pytest.raises(SigningError, match="wrong password"):
        read_secret_key(secret, "wrong")
    assert not read_secret_key(secret, "correct horse").is_encrypted()


def test_keygen_never_overwrites_a_key(tmp_path: Path) -> None:
    generate_keys(tmp_path / "k", None)
    before = (tmp_path / "k.key").read_bytes()
    with pytest.raises(SigningError, match="already exists"):
        generate_keys(tmp_path / "k", None)
    assert (tmp_path / "k.key").read_bytes() == before


def test_the_reader_checks_legacy_unhashed_signatures_too(tmp_path: Path, keys) -> None:
    data = b"some manifest\n"
    secret = read_secret_key(keys[0], None)
    made = secret.sign(data, prehash=False, trusted_comment="legacy")
    signature = minisig.read_signature(bytes(made))
    assert signature.algorithm == minisig.LEGACY
    minisig.verify(data, signature, keys[1])
    with pytest.raises(minisig.MinisignError):
        minisig.verify(data + b"x", signature, keys[1])


@pytest.mark.parametrize(
    "text",
    ["", "RWQ", "untrusted comment: x\nRWQnot-base64!!\n", "a\nb\nc\n", "RW" + "A" * 54],
)
def test_unreadable_public_keys_are_refused_plainly(text: str) -> None:
    with pytest.raises(minisig.MinisignError):
        minisig.read_public_key(text)


MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(MINISIGN is None, reason="the minisign program is not here")


@needs_minisign
def test_the_minisign_program_checks_our_signature(pack: Path, tmp_path: Path) -> None:
    public = tmp_path / "signer.pub"
    done = subprocess.run(
        [MINISIGN, "-V", "-q", "-m", str(pack / MANIFEST), "-p", str(public)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@needs_minisign
def test_a_pack_signed_by_the_minisign_program_is_trusted(tmp_path: Path, keys) -> None:
    # the partnership may sign with minisign itself: write the manifest with our signer, then
    # replace its signature with one made by the minisign program and its own key
    pack = signed_pack(tmp_path / "pack", keys[0])
    (pack / SIGNATURE).unlink()
    key_base = tmp_path / "ms"
    subprocess.run(
        [MINISIGN, "-G", "-W", "-f", "-p", f"{key_base}.pub", "-s", f"{key_base}.key"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [MINISIGN, "-S", "-s", f"{key_base}.key", "-m", str(pack / MANIFEST), "-t", "pack:minimal"],
        check=True,
        capture_output=True,
    )
    theirs = minisig.read_public_key(Path(f"{key_base}.pub").read_text())
    assert isinstance(verify_pack(pack, [theirs]), Verified)
    assert "does not trust" in refusal(verify_pack(pack, [keys[1]])).reason
