"""The partnership's name and local numbers, from the real machine policy file onto a signed pack.

Each test writes the Linux machine-wide policy file (``/etc/thresholds-app/policy.json``,
moved to a temporary folder), reads it through the real policy reader and settings layers, and
opens a signed copy of the Solihull pack the way the app and every command do.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from thresholds_app.core.config import policy as policy_module
from thresholds_app.core.config.current import current_settings
from thresholds_app.core.config.partnership import number_problem, read_contact_lines
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.opening import Opened, open_pack
from thresholds_app.core.pack.signing import generate_keys, read_secret_key, sign_pack
from thresholds_app.core.pack.trust_setup import trust_policy
from thresholds_app.core.rules.contacts import who_to_call
from thresholds_app.paths import default_pack_dir

TUESDAY_NOON = datetime(2026, 1, 13, 12, 0)  # the MASH is open
SATURDAY_NIGHT = datetime(2026, 1, 17, 22, 0)  # the out-of-hours team instead


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A signed copy of the Solihull pack and the public key line that checks it."""
    folder = tmp_path_factory.mktemp("signed")
    secret, public = generate_keys(folder / "k", None)
    pack = folder / "solihull-rhrt"
    shutil.copytree(default_pack_dir(), pack)
    sign_pack(pack, read_secret_key(secret, None))
    return pack, public.read_text(encoding="utf-8")


def machine_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: dict[str, Any]) -> Path:
    """Write the machine-wide policy file and point the real reader at it."""
    path = tmp_path / "etc" / "thresholds-app" / "policy.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"locked": locked}), encoding="utf-8")
    monkeypatch.setattr(policy_module, "policy_file_path", lambda platform="linux": path)
    return path


def open_with_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signed: tuple[Path, str], **partnership: Any
) -> Opened:
    pack, key = signed
    locked = {"packs.trusted_keys": [key], "packs.authoring_mode": "off"}
    locked.update({f"partnership.{k}": v for k, v in partnership.items()})
    machine_policy(tmp_path, monkeypatch, locked)
    settings = current_settings()
    assert settings.locked("packs.trusted_keys")  # read from the file, locked
    policy, messages = trust_policy(settings, record_versions=False)
    assert messages == []
    return open_pack([pack], policy, cache_dir=pack.parent / "cache")  # validated once


def opened_pack(opened: Opened) -> Pack:
    pack = opened.result.pack
    assert pack is not None
    assert pack.trust is not None
    assert pack.trust.verified, "the local numbers never stop the signed pack verifying"
    return pack


def test_a_local_number_replaces_the_packs_and_is_marked(tmp_path, monkeypatch, signed) -> None:
    opened = open_with_policy(
        tmp_path, monkeypatch, signed, contacts=["mash=0121 788 9999", "edt = 0121 605 7777"]
    )
    pack = opened_pack(opened)
    assert opened.messages == ()
    mash = pack.contacts["mash"]
    assert (mash.phone, mash.set_by_organisation) == ("0121 788 9999", True)
    assert mash.phone_text == "0121 788 9999 (number set by your organisation)"
    assert not pack.contacts["allocated-worker"].set_by_organisation  # same number, other id
    day = {a.id: a for a in who_to_call(pack, TUESDAY_NOON, emergency=True)}
    assert day["emergency-999"].phone == "999"
    assert not day["emergency-999"].set_by_organisation
    assert day["mash"].phone_text.endswith("(number set by your organisation)")
    night = {a.id: a for a in who_to_call(pack, SATURDAY_NIGHT, emergency=True)}
    assert night["edt"].phone == "0121 605 7777"
    assert night["edt"].set_by_organisation


def test_the_immediate_danger_number_can_never_be_changed(tmp_path, monkeypatch, signed) -> None:
    opened = open_with_policy(
        tmp_path, monkeypatch, signed, contacts=["emergency-999=0121 000 0000", "mash=0121 1"]
    )
    pack = opened_pack(opened)
    assert pack.contacts["emergency-999"].phone == "999"
    assert not pack.contacts["emergency-999"].set_by_organisation
    first = who_to_call(pack, TUESDAY_NOON, emergency=True)[0]
    assert (first.id, first.phone) == ("emergency-999", "999")
    assert any("can never be changed" in m and "999" in m for m in opened.messages)
    assert "partnership.contacts" in opened.notice


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("social-care=0121 788 1234", "'social-care', which is not a contact"),
        ("mash=", "has no number after the ="),
        ("mash=call the office", "may hold only digits"),
        ("mash=12", "has 2 digits"),
        ("mash 0121 788 4300", "not in the form contact-id=number"),
        ("MASH=0121 788 4300", "not in the form contact-id=number"),
    ],
)
def test_a_line_that_cannot_be_used_is_named_and_ignored(
    tmp_path, monkeypatch, signed, line: str, words: str
) -> None:
    opened = open_with_policy(tmp_path, monkeypatch, signed, contacts=[line])
    pack = opened_pack(opened)
    assert pack.contacts["mash"].phone == "0121 788 4300"  # the pack's own, never blank
    assert not any(c.set_by_organisation for c in pack.contacts.values())
    assert len(opened.messages) == 1
    assert words in opened.messages[0]
    assert "partnership.contacts" in opened.messages[0]
    assert all(a.phone for a in who_to_call(pack, None, emergency=True))


def test_the_partnership_name_is_carried_with_the_pack(tmp_path, monkeypatch, signed) -> None:
    opened = open_with_policy(
        tmp_path, monkeypatch, signed, name="  Solihull   Safeguarding Children Partnership "
    )
    pack = opened_pack(opened)
    assert pack.partnership_name == "Solihull Safeguarding Children Partnership"
    assert pack.manifest.title == "Right Help, Right Time (Solihull)"  # the pack's own, kept


def test_a_name_far_too_long_is_ignored_with_a_message(tmp_path, monkeypatch, signed) -> None:
    opened = open_with_policy(tmp_path, monkeypatch, signed, name="x" * 500)
    assert opened_pack(opened).partnership_name == ""
    assert "partnership.name" in opened.messages[0]


def test_without_the_settings_the_pack_is_the_same_object_unmarked(
    tmp_path, monkeypatch, signed
) -> None:
    opened = open_with_policy(tmp_path, monkeypatch, signed)
    pack = opened_pack(opened)
    assert pack.partnership_name == ""
    assert opened.messages == ()
    assert not any(c.set_by_organisation for c in pack.contacts.values())


def test_the_same_id_twice_uses_the_first() -> None:
    numbers, messages = read_contact_lines(("mash=0121 788 1111", "mash=0121 788 2222"))
    assert numbers == {"mash": "0121 788 1111"}
    assert "a second time" in messages[0]


@pytest.mark.parametrize("number", ["999", "101", "0121 788 4300", "+44 (0)121 788-4300"])
def test_ordinary_written_numbers_are_numbers(number: str) -> None:
    assert number_problem(number) == ""


def test_the_rationale_pdf_marks_the_number_and_names_the_partnership(
    tmp_path, monkeypatch, signed
) -> None:
    from thresholds_app.core.case.record import load_case
    from thresholds_app.core.report.rationale import build_rationale
    from thresholds_app.core.rules.engine import assess
    from thresholds_app.paths import examples_dir
    from thresholds_app.pdf.rationale_pdf import render_rationale_pdf

    opened = open_with_policy(
        tmp_path,
        monkeypatch,
        signed,
        name="Solihull Safeguarding Children Partnership",
        contacts=["mash=0121 788 9999", "emergency-999=112"],
    )
    pack = opened_pack(opened)
    case = load_case(examples_dir() / "level-4-sibling-group.json")
    assessment = assess(pack, case.answers, case.context(TUESDAY_NOON))
    rationale = build_rationale(pack, case, assessment, "13 January 2026 12:00", "test")
    path = tmp_path / "rationale.pdf"
    path.write_bytes(render_rationale_pdf(rationale))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "0121 788 9999 (number set by your organisation)" in text  # the route
    contact = (
        "Solihull MASH (Integrated Front Door): 0121 788 9999 (number set by your organisation)"
    )
    assert contact in text  # the summary's contact cell
    assert "Partnership: Solihull Safeguarding Children Partnership (as set by your" in text
    assert "Right Help, Right Time (Solihull) – Solihull Safeguarding Children Partnership" in text
    assert "112 (number" not in text  # the immediate-danger line was not changed
    assert "0121 788 4300 (number" not in text


def test_the_windows_policy_values_give_the_same_partnership() -> None:
    from test_config import REG_MULTI_SZ, REG_SZ, FakeWinreg

    from thresholds_app.core.config.layers import resolve
    from thresholds_app.core.config.partnership import partnership
    from thresholds_app.core.config.policy import read_windows_policy
    from thresholds_app.core.config.schema import POLICY_KEY

    registry = FakeWinreg(
        {
            POLICY_KEY: {
                "PartnershipName": ("Solihull Safeguarding Children Partnership", REG_SZ),
                "ContactsOverride": (["mash=0121 788 9999", "edt=0121 605 7777"], REG_MULTI_SZ),
            }
        }
    )
    local = partnership(resolve(read_windows_policy(registry), {}))
    assert local.name == "Solihull Safeguarding Children Partnership"
    assert dict(local.numbers) == {"mash": "0121 788 9999", "edt": "0121 605 7777"}
    assert local.messages == ()
