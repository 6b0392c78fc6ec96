"""``thresholds pack keygen|sign|verify`` and the trust options of validate, assess and render."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from thresholds_app.cli import main
from thresholds_app.core.pack.signing import MANIFEST
from thresholds_app.paths import examples_dir

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "packs" / "minimal"
EXAMPLE = examples_dir() / "level-2-attendance.json"


@pytest.fixture
def signed(tmp_path: Path) -> tuple[Path, Path]:
    """A signed copy of the minimal pack and its public key, made through the command line."""
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    assert main(["pack", "keygen", "--out", str(tmp_path / "k"), "--no-password"]) == 0
    assert main(["pack", "sign", str(pack), "--key", str(tmp_path / "k.key")]) == 0
    return pack, tmp_path / "k.pub"


def test_sign_then_verify(signed, capsys: pytest.CaptureFixture[str]) -> None:
    pack, public = signed
    capsys.readouterr()
    assert main(["pack", "verify", str(pack), "--pubkey", str(public)]) == 0
    assert capsys.readouterr().out.startswith("Trusted: minimal 1.0.0, 11 files")


def test_verify_refuses_a_changed_file_naming_it(signed, capsys) -> None:
    pack, public = signed
    (pack / "contacts.yaml").write_bytes((pack / "contacts.yaml").read_bytes() + b" ")
    capsys.readouterr()
    assert main(["pack", "verify", str(pack), "--pubkey", str(public)]) == 1
    out = capsys.readouterr().out
    assert "Refused:" in out
    assert "contacts.yaml: this file has changed" in out


def test_verify_refuses_another_pack_id(signed, capsys) -> None:
    pack, public = signed
    code = main(["pack", "verify", str(pack), "--pubkey", str(public), "--pack-id", "solihull"])
    assert code == 1
    assert "not 'solihull'" in capsys.readouterr().out


def test_verify_usage_errors(signed, tmp_path: Path) -> None:
    pack, _public = signed
    (tmp_path / "junk.pub").write_text("not a key\n")
    assert main(["pack", "verify", str(tmp_path / "nowhere"), "--pubkey", "x.pub"]) == 2
    assert main(["pack", "verify", str(pack), "--pubkey", str(tmp_path / "junk.pub")]) == 2
    assert main(["pack"]) == 2


def test_keygen_with_a_password_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("THRESHOLDS_PACK_KEY_PASSWORD", "a long pass phrase")
    assert main(["pack", "keygen", "--out", str(tmp_path / "p")]) == 0
    assert "encrypted" in (tmp_path / "p.key").read_text()
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    assert main(["pack", "sign", str(pack), "--key", str(tmp_path / "p.key")]) == 0
    monkeypatch.setenv("THRESHOLDS_PACK_KEY_PASSWORD", "wrong")
    (pack / MANIFEST).unlink()
    assert main(["pack", "sign", str(pack), "--key", str(tmp_path / "p.key")]) == 2
    assert not (pack / MANIFEST).exists()


def test_keygen_without_a_password_or_no_password_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["pack", "keygen", "--out", str(tmp_path / "p")]) == 2  # stdin is not a terminal
    assert not (tmp_path / "p.key").exists()


def test_validate_with_a_pubkey_refuses_an_unsigned_pack(tmp_path: Path, signed, capsys) -> None:
    _pack, public = signed
    plain = tmp_path / "plain"
    shutil.copytree(MINIMAL, plain)
    assert main(["validate", str(plain), "--pubkey", str(public)]) == 1
    assert "not signed" in capsys.readouterr().out
    assert main(["validate", str(plain), "--pubkey", str(public), "--authoring"]) == 0


def test_validate_with_a_pubkey_refuses_a_tampered_pack(signed, capsys) -> None:
    pack, public = signed
    (pack / "topics" / "bruising.yaml").unlink()
    assert main(["validate", str(pack), "--pubkey", str(public), "--json"]) == 1
    assert "topics/bruising.yaml" in capsys.readouterr().out


def test_render_refuses_an_unsigned_pack_when_a_key_is_given(tmp_path, signed_bundled, capsys):
    _pack, public = signed_bundled
    code = main(["render", str(EXAMPLE), "-o", str(tmp_path / "r.pdf"), "--pubkey", str(public)])
    assert code == 2
    assert "not signed" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_assess_refuses_a_tampered_pack(signed_bundled, tmp_path: Path, capsys) -> None:
    pack, public = signed_bundled
    copy = tmp_path / "copy"
    shutil.copytree(pack, copy)
    (copy / "rules.yaml").write_bytes((copy / "rules.yaml").read_bytes().replace(b"4", b"3", 1))
    assert main(["assess", str(EXAMPLE), "--pack", str(copy), "--pubkey", str(public)]) == 2
    assert "rules.yaml: this file has changed" in capsys.readouterr().err
    assert main(["assess", str(EXAMPLE), "--pack", str(pack), "--pubkey", str(public)]) == 0


def test_a_rationale_made_in_authoring_mode_says_so_on_every_page(tmp_path: Path, capsys) -> None:
    out, text = tmp_path / "r.pdf", tmp_path / "r.txt"
    example = examples_dir() / "level-4-sibling-group.json"  # a long one: several pages
    assert main(["render", str(example), "-o", str(out), "--text", str(text), "--authoring"]) == 0
    assert "Authoring mode" in capsys.readouterr().err
    pages = PdfReader(out).pages
    assert len(pages) > 1
    for page in pages:
        assert "AUTHORING MODE: GUIDANCE NOT VERIFIED" in (page.extract_text() or "")
    words = text.read_text(encoding="utf-8")
    assert words.startswith("OFFICIAL-SENSITIVE · AUTHORING MODE")
    assert "has not been verified (the pack is not signed" in words


def test_a_rationale_from_a_verified_pack_is_not_marked(tmp_path, signed_bundled) -> None:
    pack, public = signed_bundled
    out = tmp_path / "r.pdf"
    args = ["render", str(EXAMPLE), "-o", str(out), "--pack", str(pack), "--pubkey", str(public)]
    assert main(args) == 0
    assert "AUTHORING" not in " ".join(p.extract_text() or "" for p in PdfReader(out).pages)


def _tampered(signed_bundled, tmp_path: Path) -> Path:
    """A signed copy of the bundled pack with one count threshold raised after signing."""
    pack, _public = signed_bundled
    copy = tmp_path / "tampered"
    shutil.copytree(pack, copy)
    rules = copy / "rules.yaml"
    rules.write_bytes(rules.read_bytes().replace(b"at_least: 1", b"at_least: 2", 1))
    return copy


@pytest.mark.parametrize("command", ["assess", "validate"])
def test_a_tampered_pack_is_refused_in_a_source_checkout_without_authoring(
    command: str, signed_bundled, tmp_path: Path, capsys
) -> None:
    """A source checkout is in authoring mode, but that never covers a changed signed pack."""
    copy = _tampered(signed_bundled, tmp_path)
    args = [command, str(EXAMPLE), "--pack", str(copy)]
    if command == "validate":
        args = ["validate", str(copy)]
    assert main(args) in (1, 2)
    captured = capsys.readouterr()
    assert "rules.yaml: this file has changed since the pack was signed" in captured.err
    assert "--authoring" in captured.err
    assert "valid (" not in captured.out


def test_a_tampered_pack_asked_for_with_authoring_says_so_in_every_output(
    signed_bundled, tmp_path: Path, capsys
) -> None:
    import json

    copy = _tampered(signed_bundled, tmp_path)
    base = ["assess", str(EXAMPLE), "--pack", str(copy), "--authoring"]
    assert main(base) == 0
    text = capsys.readouterr().out
    assert text.startswith("Authoring mode: this guidance has not been verified (rules.yaml")
    assert "AUTHORING MODE: NOT VERIFIED" in text.splitlines()[-1]
    assert main([*base, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pack"]["verified"] is False
    assert data["pack"]["authoring_mode"] is True
    assert "rules.yaml: this file has changed" in data["pack_notice"]
    assert main(["validate", str(copy), "--authoring"]) == 0
    assert "authoring mode, not verified" in capsys.readouterr().out


def test_the_unsigned_bundled_pack_in_a_source_checkout_says_authoring_in_every_output(
    capsys,
) -> None:
    import json

    assert main(["assess", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.startswith("Authoring mode: this guidance has not been")
    assert main(["assess", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pack"]["authoring_mode"] is True
    assert "Authoring mode" in data["pack_notice"]
    assert main(["validate"]) == 0
    assert "authoring mode, not verified" in capsys.readouterr().out


def test_other_commands_on_an_unsigned_pack_say_authoring_mode(capsys) -> None:
    assert main(["check"]) == 0
    assert "thresholds check: Authoring mode: this guidance has not been verified" in (
        capsys.readouterr().err
    )
